// Other feed formats in: frab/C3VOC schedule.json and iCalendar converted to
// talktime v1 JSON text (parse_any_feed, in feed_formats.hpp, then parses it).
// import_frab lives in src/formats/import_frab.cpp, import_ical in src/formats/import_ical.cpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/diagnostic.hpp"
#include "talktime/feed.hpp"

namespace talktime {

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
/// status, CATEGORIES -> tags. A TZID is an IANA name, else a Windows name
/// mapped through CLDR ("Eastern Standard Time" -> America/New_York), else the
/// zone of the file's own VTIMEZONE of that TZID, whose times are written with
/// their UTC offset (warning ics.calendar_zone); any other TZID skips the event
/// with a located error (docs/calendars.md, "Zones"). RRULE/RDATE are not
/// expanded (the first occurrence is kept, with a warning).
/// After 100 listed problems the rest are counted (ics.too_many_problems).
import_result import_ical(std::string_view text, const feed_limits& limits = {});

}  // namespace talktime
