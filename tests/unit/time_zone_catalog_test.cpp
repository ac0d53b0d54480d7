// What the zone picker learns from the core about each zone: the offsets a
// zone uses over a year (offsets_between) and the countries it serves
// (zone_countries, the tz database's zone.tab). Expected offsets were read with
// Python's zoneinfo; expected rows are lines of /usr/share/zoneinfo/zone.tab.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "talktime/time_zone.hpp"

namespace {

using talktime::locate_zone;
using talktime::sys_seconds;

sys_seconds instant(long long epoch) { return sys_seconds{std::chrono::seconds{epoch}}; }

constexpr long long jan_2026 = 1767225600;  // 2026-01-01T00:00:00Z
constexpr long long year = 365LL * 86400;

// (abbreviation, seconds east of UTC) of every offset from `from` to `to`.
std::vector<std::pair<std::string, long long>> offsets(const char* name, long long from, long long to) {
  std::vector<std::pair<std::string, long long>> out;
  const auto* zone = locate_zone(name);
  EXPECT_NE(zone, nullptr) << name;
  if (!zone) return out;
  for (const auto& o : zone->offsets_between(instant(from), instant(to)))
    out.emplace_back(o.abbreviation, o.utc_offset.count());
  return out;
}

using list = std::vector<std::pair<std::string, long long>>;

TEST(ZoneCatalog, AYearGivesWinterAndSummerTimeTheCurrentFirst) {
  EXPECT_EQ(offsets("Asia/Kolkata", jan_2026, jan_2026 + year), (list{{"IST", 19800}}));
  EXPECT_EQ(offsets("Europe/Dublin", jan_2026, jan_2026 + year), (list{{"GMT", 0}, {"IST", 3600}}));
  EXPECT_EQ(offsets("Asia/Jerusalem", jan_2026, jan_2026 + year), (list{{"IST", 7200}, {"IDT", 10800}}));
  EXPECT_EQ(offsets("America/Los_Angeles", jan_2026, jan_2026 + year), (list{{"PST", -28800}, {"PDT", -25200}}));
  // Lord Howe's summer time is half an hour; southern summer comes first in January.
  EXPECT_EQ(offsets("Australia/Lord_Howe", jan_2026, jan_2026 + year), (list{{"+11", 39600}, {"+1030", 37800}}));
  // A link answers for its zone.
  EXPECT_EQ(offsets("US/Pacific", jan_2026, jan_2026 + year), offsets("America/Los_Angeles", jan_2026, jan_2026 + year));
}

TEST(ZoneCatalog, TheIntervalIncludesBothEnds) {
  // New York springs forward at 2026-03-08T07:00:00Z.
  constexpr long long spring = 1772953200;
  EXPECT_EQ(offsets("America/New_York", spring, spring + 3600), (list{{"EDT", -14400}}));
  EXPECT_EQ(offsets("America/New_York", spring - 1, spring - 1), (list{{"EST", -18000}}));
  EXPECT_EQ(offsets("America/New_York", spring - 3600, spring), (list{{"EST", -18000}, {"EDT", -14400}}));
}

std::string countries_of(const char* name) {
  const auto* zone = locate_zone(name);
  EXPECT_NE(zone, nullptr) << name;
  return zone ? std::string(zone->countries()) : std::string();
}

TEST(ZoneCatalog, CountriesFollowZoneTab) {
  // zone.tab: "IN	+2232+08822	Asia/Kolkata", "JP	+353916+1394441	Asia/Tokyo".
  EXPECT_EQ(countries_of("Asia/Kolkata"), "IN");
  EXPECT_EQ(countries_of("Asia/Calcutta"), "IN");  // a link answers for its zone
  EXPECT_EQ(countries_of("Asia/Tokyo"), "JP");
  // "DE ... Europe/Berlin" (first for DE) and "SJ ... Arctic/Longyearbyen" (a link to Berlin, first for SJ).
  EXPECT_EQ(countries_of("Europe/Berlin"), "DESJ");
  // "CH ... Europe/Zurich", then "DE ... Europe/Busingen" (a link to Zurich; Germany's second zone).
  EXPECT_EQ(countries_of("Europe/Zurich"), "CHde");
  EXPECT_EQ(countries_of("America/New_York"), "US");
  EXPECT_EQ(countries_of("America/Los_Angeles"), "us");
  EXPECT_EQ(countries_of("Etc/UTC"), "");
  EXPECT_EQ(countries_of("Etc/GMT+5"), "");
}

TEST(ZoneCatalog, EveryZoneTabRowIsOneCountryOfOneZone) {
  // 418 data lines in zone.tab (tz 2025b) for 247 countries, each with one first zone.
  std::size_t rows = 0, firsts = 0;
  for (auto name : talktime::zone_names()) {
    const auto* zone = locate_zone(name);
    ASSERT_NE(zone, nullptr);
    if (zone->name() != name) continue;  // count each zone once
    auto codes = zone->countries();
    ASSERT_EQ(codes.size() % 2, 0u) << std::string(name);
    for (std::size_t i = 0; i < codes.size(); i += 2) {
      bool upper = std::isupper(codes[i]) && std::isupper(codes[i + 1]);
      EXPECT_TRUE(upper || (std::islower(codes[i]) && std::islower(codes[i + 1]))) << std::string(name);
      ++rows;
      firsts += upper;
    }
  }
  EXPECT_EQ(rows, 418u);
  EXPECT_EQ(firsts, 247u);
}

}  // namespace
