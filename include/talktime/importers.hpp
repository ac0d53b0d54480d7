// Other feed formats in, talktime feeds out: frab/C3VOC schedule.json and
// iCalendar are converted to talktime v1 JSON text, which then goes through the
// one feed parser (so there is one validation path); feeds serialised back to
// JSON; several feeds merged into one widget. See docs/calendars.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/diagnostic.hpp"
#include "talktime/feed.hpp"

namespace talktime {

enum class feed_format {
  detect,    ///< as a hint: look at the text
  talktime,  ///< talktime feed format version 1 (JSON)
  frab,      ///< frab / C3VOC schedule.json
  ical,      ///< iCalendar (RFC 5545)
};

/// "detect", "talktime", "frab", "ical".
std::string_view to_string(feed_format format);

/// The format of a feed text: iCalendar when it begins with BEGIN:VCALENDAR,
/// frab when its top-level JSON object has a "schedule" member before any
/// "talktime" member, otherwise talktime (whose parser then reports what is wrong).
/// Never returns feed_format::detect.
///
///     talktime::detect_feed_format("BEGIN:VCALENDAR\r\n…");  // feed_format::ical
feed_format detect_feed_format(std::string_view text);

/// Where a value of a generated feed came from in the original text: a JSON
/// Pointer into a frab file, or a line and column of an iCalendar file.
struct source_location {
  std::string pointer;
  int line = 0;
  int column = 0;
};

/// A converted feed.
struct import_result {
  /// talktime v1 JSON; empty when the input failed as a whole.
  std::optional<std::string> feed_json;
  /// The importer's own problems (codes frab.* or ics.*), located in the input.
  std::vector<diagnostic> diagnostics;
  /// JSON Pointer in `feed_json` ("", "/timezone", "/talks/3", "/talks/3/start", …)
  /// -> where it came from. parse_any_feed moves the parser's diagnostics there.
  std::map<std::string, source_location> origins;
};

/// frab / C3VOC schedule.json -> talktime v1 JSON.
///
/// conference.title (and acronym) -> title, conference.url -> url,
/// conference.time_zone_name -> timezone; per event: date (ISO with offset; else
/// the day's date and "start" read in the conference zone) -> start, duration
/// "HH:MM" -> duration, slug (else id, else guid) -> id, title, subtitle +
/// abstract + description -> abstract, persons[].public_name|name (+ biography)
/// -> speakers, room -> location, track -> series (declared), type -> kind,
/// language -> tag, url -> links.website, links[] -> links (title as kind),
/// recording url -> links.recording. Diagnostics carry JSON Pointers; after 100
/// of them the rest are counted (frab.too_many_problems), and a conversion that
/// would grow past `limits.max_bytes` fails as frab.too_large.
import_result import_frab(std::string_view text, const feed_limits& limits = {});

/// iCalendar -> talktime v1 JSON. Lines are unfolded and text unescaped.
///
/// X-WR-CALNAME/NAME -> title, X-WR-CALDESC -> description, X-WR-TIMEZONE ->
/// timezone; per VEVENT: UID -> id, SUMMARY -> title, DTSTART (TZID=…, UTC "Z",
/// VALUE=DATE, floating) -> start (+ timezone), DTEND (exclusive for dates) ->
/// end, DURATION -> duration, DESCRIPTION -> abstract, LOCATION (ALTREP) ->
/// location, URL -> links.website, CONFERENCE -> links.livestream, STATUS ->
/// status, CATEGORIES -> tags. An unknown TZID skips the event with a located
/// error; RRULE/RDATE are not expanded (the first occurrence is kept, with a warning).
/// After 100 listed problems the rest are counted (ics.too_many_problems).
import_result import_ical(std::string_view text, const feed_limits& limits = {});

/// Parses a feed in any supported format. Imported formats are converted to
/// talktime JSON and parsed by parse_feed; every diagnostic is then located in
/// the original text (frab: JSON Pointer, line and column; iCalendar: line).
///
///     auto r = talktime::parse_any_feed(ics_text);  // detects iCalendar
///     if (r.feed) …
parse_result parse_any_feed(std::string_view text, feed_format format_hint = feed_format::detect,
                            const feed_limits& limits = {});

/// A feed as talktime v1 JSON (two-space indent, UTF-8, final newline). Timed
/// talks are written as local times in their zone (with the offset only where a
/// local time is ambiguous), or in UTC with "Z" when they have no zone; every
/// talk gets its id. Parsing the result gives the same feed.
std::string to_feed_json(const feed& f);

/// One feed to merge, and the name diagnostics call it by (a file name or URL).
struct feed_source {
  std::string name;
  talktime::feed feed;
};

/// Several feeds as one.
///
/// - Talks keep their series. The series of every feed are declared in the
///   merged feed; a feed that declares none gets one, titled with the feed's
///   title (else its name), for all its talks.
/// - A talk or series id already taken by an earlier feed gets a prefix made
///   from its feed's name ("workshop-opening"); only colliding ids change, each
///   with a `merge.renamed_id` / `merge.renamed_series` warning naming the feed.
/// - A talk without a location gets its feed's location (unless all feeds share one).
/// - title: `title` if given, else the titles joined with " · "; url and
///   timezone: the feeds' own when they all agree (else none).
///
///     auto merged = talktime::merge_feeds({{"a.json", std::move(a)}, {"b.json", std::move(b)}});
parse_result merge_feeds(std::vector<feed_source> sources, const std::string& title = {});

}  // namespace talktime
