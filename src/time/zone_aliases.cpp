// Lookups in the generated alias tables (time/zone_aliases.hpp).
#include "time/zone_aliases.hpp"

#include <algorithm>
#include <cctype>

#include "talktime/time_zone.hpp"

namespace talktime {
namespace {

int compare_ignoring_case(std::string_view a, std::string_view b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    int x = std::tolower(static_cast<unsigned char>(a[i])), y = std::tolower(static_cast<unsigned char>(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

}  // namespace

const time_zone* locate_windows_zone(std::string_view windows_name) noexcept {
  const auto* begin = detail::windows_zone_aliases;
  const auto* end = begin + detail::windows_zone_aliases_count;
  const auto* it = std::lower_bound(begin, end, windows_name, [](const detail::zone_alias& a, std::string_view n) {
    return compare_ignoring_case(a.name, n) < 0;
  });
  if (it == end || compare_ignoring_case(it->name, windows_name) != 0) return nullptr;
  return locate_zone(it->zone);
}

std::vector<std::pair<std::string_view, std::string_view>> windows_zone_table() {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (std::size_t i = 0; i < detail::windows_zone_aliases_count; ++i)
    out.emplace_back(detail::windows_zone_aliases[i].name, detail::windows_zone_aliases[i].zone);
  return out;
}

std::string_view zone_probably_meant(std::string_view legacy_name) noexcept {
  const auto* begin = detail::legacy_zone_aliases;
  const auto* end = begin + detail::legacy_zone_aliases_count;
  const auto* it = std::lower_bound(begin, end, legacy_name,
                                    [](const detail::zone_alias& a, std::string_view n) { return a.name < n; });
  if (it == end || it->name != legacy_name) return {};
  return it->zone;
}

}  // namespace talktime
