// SEQUENCE for a published calendar: the exporter keeps no state, so the calendar
// published last time is what tells which events changed (docs/calendars.md,
// "Subscribing").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "talktime/diagnostic.hpp"

namespace talktime {

struct sequenced_calendar {
  std::string text;                      ///< the calendar, every VEVENT with a SEQUENCE
  std::vector<diagnostic> diagnostics;   ///< about `previous` (lines are its lines)
};

/// Gives every VEVENT of `calendar` (as to_ics writes it) a SEQUENCE and a
/// LAST-MODIFIED, placed after its DTSTAMP, by comparing it with the event of
/// the same UID (and RECURRENCE-ID) in `previous`, the calendar published before:
///
/// - not in `previous` (or `previous` is empty): SEQUENCE:0, LAST-MODIFIED = its DTSTAMP;
/// - the same content lines, DTSTAMP, SEQUENCE and LAST-MODIFIED aside:
///   the previous SEQUENCE (0 when it had none) and LAST-MODIFIED (none when it had none);
/// - anything else changed (DTSTART, DTEND, SUMMARY, LOCATION, STATUS,
///   DESCRIPTION, URL…): the previous SEQUENCE + 1, LAST-MODIFIED = its DTSTAMP.
///
/// Lines are compared unfolded, so a different folding is no change. An event of
/// `previous` whose UID is gone gets a warning [ics.event_dropped]: subscribers'
/// apps delete it silently, where a talk marked cancelled tells them why.
/// `previous` that is not an iCalendar file is an error [ics.previous_not_calendar]
/// and then every SEQUENCE is 0.
///
///     auto published = talktime::sequence_events(talktime::to_ics(feed, now), last_published);
sequenced_calendar sequence_events(std::string_view calendar, std::string_view previous);

}  // namespace talktime
