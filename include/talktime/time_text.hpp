// Instants as ISO 8601 text, for callers that take a time from a person (the
// CLI's --now) or write one for a machine. Implemented in src/time/time_text.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "talktime/time_zone.hpp"

namespace talktime {

/// The instant an ISO 8601 date-time with "Z" or an offset names. nullopt when
/// the text names none: `problem` then says what is wrong, or is empty when the
/// text is a valid date or wall-clock time that only lacks "Z" or an offset.
///
///     std::string problem;
///     talktime::parse_instant("2024-05-02T09:00:00+02:00", problem);  // 2024-05-02T07:00:00Z
///     talktime::parse_instant("2024-05-02T09:00", problem);           // nullopt, problem ""
std::optional<sys_seconds> parse_instant(std::string_view text, std::string& problem);

/// An instant in UTC, to the second.
///
///     talktime::format_iso_utc(sys_seconds{std::chrono::seconds{1691157600}});  // "2023-08-04T14:00:00Z"
std::string format_iso_utc(sys_seconds instant);

}  // namespace talktime
