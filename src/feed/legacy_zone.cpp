#include "feed/legacy_zone.hpp"

#include <cstdio>

#include "talktime/time_zone.hpp"

namespace talktime::detail {
namespace {

// "UTC−5", "UTC+5:30", "UTC" (with a real minus sign, as the message is read, not parsed).
std::string utc_offset_text(std::chrono::seconds offset) {
  auto s = offset.count();
  if (s == 0) return "UTC";
  auto a = s < 0 ? -s : s;
  char buf[24];
  if (a % 3600 == 0) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(a / 3600));
  else std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(a / 3600), static_cast<long long>(a / 60 % 60));
  return std::string("UTC") + (s < 0 ? "\u2212" : "+") + buf;
}

}  // namespace

std::optional<std::string> legacy_zone_message(std::string_view name) {
  auto meant = zone_probably_meant(name);
  const time_zone* zone = locate_zone(name);
  if (meant.empty() || !zone) return std::nullopt;
  // Over these years a legacy zone either never changes (EST, MST, HST) or follows its rules.
  using namespace date;
  auto from = sys_seconds{sys_days{year{2000} / January / 1}}, to = sys_seconds{sys_days{year{2030} / January / 1}};
  auto offsets = zone->offsets_between(from, to);
  std::string question = "; did you mean " + std::string(meant) + "?";
  if (offsets.size() == 1)
    return std::string(name) + " is fixed " + utc_offset_text(offsets[0].utc_offset) +
           " all year and never observes daylight saving time" + question;
  return std::string(name) + " is a legacy name of the tz database for a set of rules, not a place" +
         question;
}

}  // namespace talktime::detail
