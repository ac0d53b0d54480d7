// Reading and writing times as text: feed start/end/duration values and
// ISO 8601 output, without iostreams (they would double the WebAssembly size).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "talktime/time_text.hpp"
#include "talktime/time_zone.hpp"

namespace talktime::detail {

/// A feed time value: a wall-clock time to read in a zone, an instant, or a date alone.
struct time_value {
  enum form_t { wall_clock, exact, date_only } form = exact;
  local_seconds local{};
  sys_seconds instant{};
  date::sys_days day{};
};

/// "2024-05-02", "2024-05-02T09:30[:00]", "2024-05-02T09:30Z", "…+05:30".
std::optional<time_value> parse_time_text(std::string_view text, std::string& problem);
/// A JSON number of Unix epoch seconds.
std::optional<time_value> parse_epoch_number(const nlohmann::ordered_json& value, std::string& problem);
/// Minutes as a number, or ISO 8601 "PT1H30M" / "P1D" / "P1W"; in seconds.
std::optional<std::int64_t> parse_duration(const nlohmann::ordered_json& value, std::string& problem);

/// "+05:30" (or "+0530" without the colon); "Z" is never used.
std::string format_offset(std::int32_t seconds, bool colon);
/// "2021-03-28T20:30:00+05:30": a wall-clock time with its offset.
std::string format_iso_local(local_seconds local, std::int32_t offset_seconds);
/// "2021-03-28"
std::string format_iso_date(date::sys_days day);

/// True when a reading falls in the years 1600 to 9999, which feed text holds.
bool writable_in_feed(local_seconds reading);
/// An instant as feed text that reads back as the same instant: in UTC, or, where
/// UTC falls outside the years feed text holds (1600-01-01T05:00 in Seoul is still
/// 1599 in UTC), with the offset (+23:59 or -23:59) that brings the reading back;
/// nullopt when none does.
std::optional<std::string> instant_feed_text(sys_seconds instant);

}  // namespace talktime::detail
