// A recurring iCalendar event's occurrences inside an import window: the RRULE's
// starts plus RDATEs, less EXDATEs, bounded by a cap. Everything is a wall-clock
// reading in the event's own frame (its zone, UTC or floating); readings become
// instants only to compare them with the window. Used by import_ical.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "formats/ical_recurrence.hpp"
#include "talktime/time_zone.hpp"

namespace talktime::detail {

struct series_request {
  local_seconds start;                      ///< DTSTART's reading
  const time_zone* zone = nullptr;          ///< the frame's zone; nullptr: readings are UTC
  std::optional<recurrence_rule> rule;      ///< RRULE, when it could be read
  std::vector<local_seconds> extra;         ///< RDATE readings
  std::vector<local_seconds> excluded;      ///< EXDATE readings
  std::vector<local_seconds> kept;          ///< RECURRENCE-ID readings: returned wherever they lie, as
                                            ///< their replacements may move into the window
  sys_seconds from{}, to{};                 ///< the window: starts in [from, to)
  std::size_t limit = 0;                    ///< at most this many occurrences
  std::uint64_t period_budget = UINT64_MAX;  ///< at most this many periods of the rule computed
};

struct series_result {
  std::vector<local_seconds> readings;  ///< in order, each once
  bool cut = false;                     ///< more than `limit` were in the window
  bool out_of_budget = false;           ///< the rule stopped at `period_budget`
  std::uint64_t periods = 0;            ///< periods of the rule computed
};

/// The instant a reading in the frame stands for (a gap: the offset before it, RFC 5545 3.3.5).
sys_seconds instant_of(local_seconds reading, const time_zone* zone);
/// The reading in the frame at an instant.
local_seconds reading_of(sys_seconds instant, const time_zone* zone);

/// The occurrences of the series in the window (and those in `kept`), at most `limit`.
///
///     series_request r{start, zone, rule};  r.from = …; r.to = …; r.limit = 500;
///     for (auto reading : expand_series(r).readings) …
series_result expand_series(const series_request& request);

}  // namespace talktime::detail
