// From a calendar's VEVENTs to the talks to make: a single event is one talk; a
// recurring one (RRULE, RDATE) one talk per occurrence in the import window, with
// EXDATEs left out and each override (a VEVENT with the same UID and a
// RECURRENCE-ID) in place of the occurrence it names. The importer
// (import_ical.cpp) reads values and makes the talks through occurrence_host.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "formats/ical_reader.hpp"
#include "formats/ical_series.hpp"
#include "formats/ical_time.hpp"
#include "talktime/importers.hpp"

namespace talktime::detail {

/// The properties the importer kept of one VEVENT, and the line it begins on.
struct event_record {
  std::vector<content_line> props;
  int line = 0;
};

/// Which occurrence of a recurring event a talk is.
struct occurrence {
  std::string uid;
  std::string key;            ///< the RECURRENCE-ID in compact form ("20260108T210000Z"), for the talk id
  std::string recurrence_id;  ///< the RECURRENCE-ID as feed text ("2026-01-08T21:00:00Z")
  int line = 0;               ///< the RRULE, RDATE or RECURRENCE-ID line it comes from
  /// An occurrence the rule made: its start, and its end (dates) or its length in
  /// seconds (times: RFC 5545 gives every occurrence DTSTART to DTEND's exact duration).
  std::optional<ics_time> start, end;
  std::optional<std::int64_t> length;
  /// An override: made only when its own start is in [from, to).
  bool windowed = false;
  sys_seconds from{}, to{};
};

/// What the occurrence expansion needs of the importer.
class occurrence_host {
 public:
  /// Reads a date or date-time; a bad one is reported as a warning ending in `left_out`.
  virtual std::optional<ics_time> read_value(const content_line& line, const char* left_out) = 0;
  /// Reads DTSTART or DTEND; a bad one is reported as an error (the event is skipped).
  virtual std::optional<ics_time> read_event_time(const content_line& line) = 0;
  virtual void warn(std::string code, int line, std::string message) = 0;
  /// Makes a talk of `event`, as the occurrence `named` when given.
  virtual void add_talk(const event_record& event, const occurrence* named) = 0;
  /// The calendar's X-WR-TIMEZONE (floating times are read in it), or nullptr.
  virtual const time_zone* calendar_zone() const = 0;

 protected:
  ~occurrence_host() = default;
};

/// The window an event's occurrences are imported in (import_options; `series_start`
/// anchors it when no `now` is given): [first, second).
std::pair<sys_seconds, sys_seconds> import_window(const import_options& options, sys_seconds series_start);

/// Makes the talks of every event in file order (an override with its recurring event).
void convert_events(const std::vector<event_record>& events, occurrence_host& host, const import_options& options);

/// The first property `name` of an event, or nullptr.
const content_line* find_property(const std::vector<content_line>& props, std::string_view name);

}  // namespace talktime::detail
