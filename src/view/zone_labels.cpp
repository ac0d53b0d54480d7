// Zone labels beside times, chosen so that no visitor misreads them
// (docs/time-zones.md, "Zone labels"), and the city a zone is named after.
#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <tuple>

#include "talktime/html_renderer.hpp"

namespace talktime {
namespace {

bool has_letters(const std::string& abbreviation) {
  return !abbreviation.empty() && abbreviation[0] != '+' && abbreviation[0] != '-';
}

// "UTC+3", "UTC+5:45", "UTC-3:30": hours without a leading zero, minutes only when there are some.
std::string offset_label(std::chrono::seconds offset) {
  auto seconds = offset.count();
  if (seconds == 0) return "UTC";
  auto magnitude = seconds < 0 ? -seconds : seconds;
  std::string label = std::string("UTC") + (seconds < 0 ? "-" : "+") + std::to_string(magnitude / 3600);
  if (magnitude % 3600 != 0) {
    char minutes[8];
    std::snprintf(minutes, sizeof minutes, ":%02d", int(magnitude / 60 % 60));
    label += minutes;
  }
  return label;
}

// The window around an instant in which letters are compared: the calendar years
// before, of and after it, so one computation serves every talk of those years.
// Years before 1970 and after 2100 take the window of 1970 or 2100: each window
// costs a pass over every zone, and a feed may hold a talk in each year up to 9999.
struct year_window {
  int year;
  sys_seconds from, to;
};

year_window window_around(sys_seconds at) {
  auto year = std::clamp(int(date::year_month_day{date::floor<date::days>(at)}.year()), 1970, 2100);
  return {year, sys_seconds{date::sys_days{date::year{year - 1} / 1 / 1}},
          sys_seconds{date::sys_days{date::year{year + 2} / 1 / 1}}};
}

// Letters the whole tz database uses for more than one offset in a window: one
// pass over every zone (a few hundred), remembered per year.
std::set<std::string> ambiguous_letters(const year_window& window) {
  std::map<std::string, std::chrono::seconds> first_offset;
  std::set<std::string> ambiguous, seen_zones;
  for (auto name : zone_names()) {
    const time_zone* zone = locate_zone(name);
    if (!zone || !seen_zones.insert(std::string(zone->name())).second) continue;  // links name the same zone
    for (const auto& o : zone->offsets_between(window.from, window.to)) {
      if (!has_letters(o.abbreviation)) continue;
      auto [it, added] = first_offset.emplace(o.abbreviation, o.utc_offset);
      if (!added && it->second != o.utc_offset) ambiguous.insert(o.abbreviation);
    }
  }
  return ambiguous;
}

bool uses_letters_otherwise(const time_zone& zone, const zone_offset& letters, const year_window& window) {
  for (const auto& o : zone.offsets_between(window.from, window.to))
    if (o.abbreviation == letters.abbreviation && o.utc_offset != letters.utc_offset) return true;
  return false;
}

}  // namespace

std::string zone_label(const zone_offset& offset) {
  return has_letters(offset.abbreviation) ? offset.abbreviation : offset_label(offset.utc_offset);
}

bool letters_name_several_offsets(std::string_view letters, sys_seconds at) {
  static std::mutex guard;
  static std::map<int, std::set<std::string>> by_year;
  auto window = window_around(at);
  std::lock_guard<std::mutex> lock(guard);
  auto it = by_year.find(window.year);
  if (it == by_year.end()) it = by_year.emplace(window.year, ambiguous_letters(window)).first;
  return it->second.count(std::string(letters)) > 0;
}

namespace {

// A schedule's talks share a few zones, offsets and years: each label is worked out
// once (a window's scan of another zone per talk doubled the cost of a render).
struct label_key {
  const time_zone* zone;
  const time_zone* other;
  bool display;
  int year;
  std::int64_t offset;
  std::string letters;
  bool operator<(const label_key& k) const {
    return std::tie(zone, other, display, year, offset, letters) < std::tie(k.zone, k.other, k.display, k.year, k.offset, k.letters);
  }
};

std::string label_of(const zone_offset& offset, sys_seconds at, bool display_zone, const time_zone* other) {
  if (!letters_name_several_offsets(offset.abbreviation, at)) return offset.abbreviation;
  bool collides = other && uses_letters_otherwise(*other, offset, window_around(at));
  return display_zone && !collides ? offset.abbreviation : offset_label(offset.utc_offset);
}

}  // namespace

std::string zone_label_for(const time_zone& zone, sys_seconds at, bool display_zone, const time_zone* other) {
  auto offset = zone.offset_at(at);
  if (!has_letters(offset.abbreviation)) return offset_label(offset.utc_offset);
  static std::mutex guard;
  static std::map<label_key, std::string> labels;
  label_key key{&zone, other, display_zone, window_around(at).year, offset.utc_offset.count(), offset.abbreviation};
  {
    std::lock_guard<std::mutex> lock(guard);
    if (auto it = labels.find(key); it != labels.end()) return it->second;
  }
  auto label = label_of(offset, at, display_zone, other);
  std::lock_guard<std::mutex> lock(guard);
  if (labels.size() >= 4096) labels.clear();  // a hostile feed's zones and years cannot grow it without bound
  labels.emplace(std::move(key), label);
  return label;
}

std::string zone_city(const time_zone& zone) {
  auto name = zone.name();
  auto slash = name.rfind('/');
  if (slash == std::string_view::npos || name.substr(0, 4) == "Etc/") return {};
  std::string city(name.substr(slash + 1));
  for (auto& c : city)
    if (c == '_') c = ' ';
  return city;
}

}  // namespace talktime
