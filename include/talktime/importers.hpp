// Other feed formats in: frab/C3VOC schedule.json and iCalendar converted to
// talktime v1 JSON text (parse_any_feed, in feed_formats.hpp, then parses it).
// import_frab lives in src/formats/import_frab.cpp (with frab_converter.cpp,
// frab_event.cpp and import_schedule2.cpp), import_ical in src/formats/import_ical.cpp.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/diagnostic.hpp"
#include "talktime/feed.hpp"
#include "talktime/time_zone.hpp"

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
  /// How many events the input holds (VEVENTs, frab events), skipped ones included,
  /// and where they are: parse_any_feed turns an input with events but no talk into
  /// the error feed.no_talks there, never a silent empty schedule.
  std::size_t source_events = 0;
  source_location events_at;
};

/// frab, pretalx or C3VOC schedule.json -> talktime v1 JSON.
///
/// Two layouts: events in schedule.conference.days[].rooms {room: [event…]} (frab,
/// pretalx), or in schedule.events[] with days that are only dates (C3VOC schedule2).
/// conference.title (and acronym) -> title, conference.url (else schedule.base_url,
/// as pretalx writes it) -> url, conference.time_zone_name -> timezone; per event:
/// date (ISO with offset; schedule2: start; else the day's date and "start" read in
/// the conference zone) -> start, schedule2's end -> end, else duration "HH:MM" ->
/// duration, slug (else id, else guid) -> id, title, subtitle + abstract +
/// description (schedule2: also per language {"en": …}) -> abstract,
/// persons[] or participants[] (+ schedule.persons by guid): public_name|name,
/// biography, url, avatar -> speakers, room (a name or {name, guid}) or the room it
/// is listed under -> location, track (a name or {slug}) -> series (declared), type
/// -> kind, language -> tag, url -> links.website, links[] -> links (a known type
/// such as "slides" as kind, else the title as written, capitals kept),
/// attachments[] -> links.slides (or the known kind their type or title names),
/// recording url -> links.recording. Relative link URLs resolve against
/// schedule.base_url; every URL then follows the feed parser's link rule.
/// Diagnostics carry JSON Pointers; after 100 of them the rest are counted
/// (frab.too_many_problems); days that list no events fail as frab.no_events, and a
/// conversion that would grow past `limits.max_bytes` fails as frab.too_large.
import_result import_frab(std::string_view text, const feed_limits& limits = {});

/// How recurring iCalendar events are expanded. The core has no clock: the
/// caller passes the current time (the CLI --now or the clock, the widget the
/// browser's). The window, [from, to), is `from`/`to` when given, else `now` − 365
/// days to `now` + 730 days; without `now`, the three years (1096 days) from the
/// given `from` (or before the given `to`), else from each series' own start.
/// Only recurring events are windowed: a single event is imported wherever it is.
struct import_options {
  std::optional<sys_seconds> now, from, to;
  /// Occurrences of one recurring event imported at most (ics.too_many_occurrences beyond).
  std::size_t max_occurrences_per_event = 1000;
  /// Occurrences of all recurring events of a calendar imported at most.
  std::size_t max_occurrences = 10000;
};

/// iCalendar -> talktime v1 JSON. Lines are unfolded and text unescaped.
///
/// X-WR-CALNAME/NAME -> title, X-WR-CALDESC -> description, X-WR-TIMEZONE ->
/// timezone; per VEVENT: UID -> id and uid, SUMMARY -> title, DTSTART (TZID=…, UTC "Z",
/// VALUE=DATE, floating) -> start (+ timezone), DTEND (exclusive for dates) ->
/// end, DURATION -> duration, DESCRIPTION -> abstract, LOCATION (ALTREP) ->
/// location, URL -> links.website, CONFERENCE -> links.livestream, STATUS ->
/// status, CATEGORIES -> tags. A TZID is an IANA name, else a Windows name
/// mapped through CLDR ("Eastern Standard Time" -> America/New_York), else the
/// zone of the file's own VTIMEZONE of that TZID, whose times are written with
/// their UTC offset (warning ics.calendar_zone); any other TZID skips the event
/// with a located error (docs/calendars.md, "Zones").
///
/// Recurring events (RFC 5545 RRULE with FREQ DAILY, WEEKLY, MONTHLY or YEARLY,
/// INTERVAL, COUNT, UNTIL, BYDAY with ordinals, BYMONTHDAY, BYMONTH, BYYEARDAY,
/// BYWEEKNO, BYSETPOS, BYHOUR/BYMINUTE/BYSECOND, WKST; RDATE; EXDATE) become one talk
/// per occurrence in the window of `options`, expanded in wall-clock time in the
/// event's zone (16:00 stays 16:00 across daylight-saving changes; a time in a gap
/// takes the offset before it). Each has id "UID-<RECURRENCE-ID>" (compact, UTC for
/// zoned times), uid the event's UID and recurrence_id its original start. A VEVENT
/// with the same UID and a RECURRENCE-ID replaces the occurrence it names (STATUS:
/// CANCELLED makes it a cancelled talk); RANGE=THISANDFUTURE is warned about and
/// applies to that occurrence only. FREQ=SECONDLY/MINUTELY/HOURLY and unreadable rules
/// are warned about (ics.bad_rrule) and leave DTSTART and the RDATEs; beyond the caps
/// of `options`, ics.too_many_occurrences. After 100 listed problems the rest are
/// counted (ics.too_many_problems).
import_result import_ical(std::string_view text, const feed_limits& limits = {}, const import_options& options = {});

}  // namespace talktime
