// Time zones: offset_at, to_local and resolve against values computed with
// Python's zoneinfo (an independent reader of the system's TZif files), plus
// name lookup, links and the table's metadata. The exhaustive cross-check of
// every zone lives in tests/oracle/check_zones.py (ctest: zone_oracle).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "talktime/time_zone.hpp"

namespace {

using talktime::local_seconds;
using talktime::local_time_kind;
using talktime::locate_zone;
using talktime::sys_seconds;
using talktime::time_zone;

sys_seconds instant(long long epoch) { return sys_seconds{std::chrono::seconds{epoch}}; }

// "YYYY-MM-DDTHH:MM:SS" as a wall-clock reading (parsed here, not by the code under test).
local_seconds wall(const char* text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  EXPECT_EQ(std::sscanf(text, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s), 6) << text;
  return date::local_days{date::year{y} / unsigned(mo) / unsigned(d)} + std::chrono::hours{h} +
         std::chrono::minutes{mi} + std::chrono::seconds{s};
}

const time_zone& zone(const char* name) {
  const time_zone* z = locate_zone(name);
  EXPECT_NE(z, nullptr) << name;
  static const time_zone* utc = locate_zone("UTC");
  return z ? *z : *utc;
}

const char* kind_name(local_time_kind k) {
  return k == local_time_kind::gap ? "gap" : k == local_time_kind::ambiguous ? "ambiguous" : "unique";
}

struct offset_case {
  const char* zone;
  long long epoch;
  int utc_offset;
  bool is_dst;
  const char* abbreviation;
  const char* local;  // the wall clock at that instant
};

// Expected values from Python 3.11 zoneinfo (system /usr/share/zoneinfo, tz 2025b):
//
//   from datetime import datetime, timezone
//   from zoneinfo import ZoneInfo
//   def offset_row(zone, utc):  # utc: "YYYY-MM-DDTHH:MM:SS"
//       e = int(datetime.fromisoformat(utc).replace(tzinfo=timezone.utc).timestamp())
//       d = datetime.fromtimestamp(e, timezone.utc).astimezone(ZoneInfo(zone))
//       return (zone, e, int(d.utcoffset().total_seconds()), d.dst() != timedelta(0),
//               d.tzname(), d.strftime("%Y-%m-%dT%H:%M:%S"))
const offset_case offset_cases[] = {
    {"America/New_York", 1616943000LL, -14400, true, "EDT", "2021-03-28T10:50:00"},  // 2021-03-28T14:50:00Z
    {"America/New_York", 1615647000LL, -18000, false, "EST", "2021-03-13T09:50:00"},  // 2021-03-13T14:50:00Z
    {"America/New_York", 4102401600LL, -18000, false, "EST", "2099-12-31T07:00:00"},  // 2099-12-31T12:00:00Z
    {"America/New_York", -5364662400LL, -17762, false, "LMT", "1799-12-31T19:03:58"},  // 1800-01-01T00:00:00Z
    {"America/New_York", 253383854400LL, -14400, true, "EDT", "9999-06-01T08:00:00"},  // 9999-06-01T12:00:00Z
    {"Europe/Berlin", 1616943000LL, 7200, true, "CEST", "2021-03-28T16:50:00"},  // 2021-03-28T14:50:00Z
    {"Europe/Berlin", 1616856600LL, 3600, false, "CET", "2021-03-27T15:50:00"},  // 2021-03-27T14:50:00Z
    {"Europe/Berlin", -3786825600LL, 3208, false, "LMT", "1850-01-01T00:53:28"},  // 1850-01-01T00:00:00Z
    {"Asia/Kolkata", 1616943600LL, 19800, false, "IST", "2021-03-28T20:30:00"},  // 2021-03-28T15:00:00Z
    {"Asia/Kolkata", -11676096000LL, 21208, false, "LMT", "1600-01-01T05:53:28"},  // 1600-01-01T00:00:00Z
    {"Asia/Calcutta", -839030400LL, 23400, true, "+0630", "1943-06-01T06:30:00"},  // 1943-06-01T00:00:00Z
    {"Australia/Lord_Howe", 1705276800LL, 39600, true, "+11", "2024-01-15T11:00:00"},  // 2024-01-15T00:00:00Z
    {"Australia/Lord_Howe", 1721001600LL, 37800, false, "+1030", "2024-07-15T10:30:00"},  // 2024-07-15T00:00:00Z
    {"Australia/Lord_Howe", 1728142199LL, 37800, false, "+1030", "2024-10-06T01:59:59"},  // 2024-10-05T15:29:59Z
    {"Australia/Lord_Howe", 1728142200LL, 39600, true, "+11", "2024-10-06T02:30:00"},  // 2024-10-05T15:30:00Z
    {"Australia/Lord_Howe", 2525817600LL, 39600, true, "+11", "2050-01-15T11:00:00"},  // 2050-01-15T00:00:00Z
    {"Pacific/Apia", 1325239199LL, -36000, true, "-10", "2011-12-29T23:59:59"},  // 2011-12-30T09:59:59Z
    {"Pacific/Apia", 1325239200LL, 50400, true, "+14", "2011-12-31T00:00:00"},  // 2011-12-30T10:00:00Z
    {"Pacific/Kiritimati", 1714521600LL, 50400, false, "+14", "2024-05-01T14:00:00"},  // 2024-05-01T00:00:00Z
    {"Pacific/Kiritimati", 788867999LL, -36000, false, "-10", "1994-12-30T23:59:59"},  // 1994-12-31T09:59:59Z
    {"Pacific/Kiritimati", 788868000LL, 50400, false, "+14", "1995-01-01T00:00:00"},  // 1994-12-31T10:00:00Z
    {"Pacific/Niue", 1714521600LL, -39600, false, "-11", "2024-04-30T13:00:00"},  // 2024-05-01T00:00:00Z
    {"Pacific/Pago_Pago", 1714521600LL, -39600, false, "SST", "2024-04-30T13:00:00"},  // 2024-05-01T00:00:00Z
    {"America/Sao_Paulo", 632404800LL, -7200, true, "-02", "1990-01-15T10:00:00"},  // 1990-01-15T12:00:00Z
    {"America/Sao_Paulo", 1516017600LL, -7200, true, "-02", "2018-01-15T10:00:00"},  // 2018-01-15T12:00:00Z
    {"America/Sao_Paulo", 1531656000LL, -10800, false, "-03", "2018-07-15T09:00:00"},  // 2018-07-15T12:00:00Z
    {"America/Sao_Paulo", 1705320000LL, -10800, false, "-03", "2024-01-15T09:00:00"},  // 2024-01-15T12:00:00Z
    {"America/Los_Angeles", 2224756800LL, -25200, true, "PDT", "2040-07-01T05:00:00"},  // 2040-07-01T12:00:00Z
    {"America/Los_Angeles", 2209032000LL, -28800, false, "PST", "2040-01-01T04:00:00"},  // 2040-01-01T12:00:00Z
    {"America/Los_Angeles", 16740907200LL, -25200, true, "PDT", "2500-07-01T05:00:00"},  // 2500-07-01T12:00:00Z
    {"America/Los_Angeles", -2208988800LL, -28800, false, "PST", "1899-12-31T16:00:00"},  // 1900-01-01T00:00:00Z
    {"Europe/London", -775828800LL, 7200, true, "BDST", "1945-06-01T14:00:00"},  // 1945-06-01T12:00:00Z
    {"Europe/London", -787665600LL, 3600, true, "BST", "1945-01-15T13:00:00"},  // 1945-01-15T12:00:00Z
    {"Europe/London", -715435200LL, 7200, true, "BDST", "1947-05-01T14:00:00"},  // 1947-05-01T12:00:00Z
    {"Europe/Dublin", 1705276800LL, 0, true, "GMT", "2024-01-15T00:00:00"},  // 2024-01-15T00:00:00Z
    {"Europe/Dublin", 1721001600LL, 3600, false, "IST", "2024-07-15T01:00:00"},  // 2024-07-15T00:00:00Z
    {"Asia/Kathmandu", 1714521600LL, 20700, false, "+0545", "2024-05-01T05:45:00"},  // 2024-05-01T00:00:00Z
    {"Europe/Istanbul", 1714521600LL, 10800, false, "+03", "2024-05-01T03:00:00"},  // 2024-05-01T00:00:00Z
    {"Europe/Moscow", 1341100800LL, 14400, false, "MSK", "2012-07-01T04:00:00"},  // 2012-07-01T00:00:00Z
    {"Pacific/Chatham", 1705276800LL, 49500, true, "+1345", "2024-01-15T13:45:00"},  // 2024-01-15T00:00:00Z
    {"America/St_Johns", 1721001600LL, -9000, true, "NDT", "2024-07-14T21:30:00"},  // 2024-07-15T00:00:00Z
    {"Asia/Tokyo", -647049600LL, 36000, true, "JDT", "1949-07-01T10:00:00"},  // 1949-07-01T00:00:00Z
    {"Europe/Amsterdam", -1041379200LL, 1172, false, "AMT", "1937-01-01T00:19:32"},  // 1937-01-01T00:00:00Z
    {"Antarctica/Troll", 1721001600LL, 7200, true, "+02", "2024-07-15T02:00:00"},  // 2024-07-15T00:00:00Z
    {"UTC", 1721001600LL, 0, false, "UTC", "2024-07-15T00:00:00"},  // 2024-07-15T00:00:00Z
    {"Etc/GMT+5", 1721001600LL, -18000, false, "-05", "2024-07-14T19:00:00"},  // 2024-07-15T00:00:00Z
};

struct resolve_case {
  const char* zone;
  const char* local;
  long long epoch;
  local_time_kind kind;
};

// Expected values from Python 3.11 zoneinfo, fold=0 being talktime's rule (gap: the
// offset before the change; overlap: the first occurrence):
//
//   def resolve_row(zone, local):  # local: "YYYY-MM-DDTHH:MM:SS"
//       n = datetime.fromisoformat(local)
//       a = n.replace(tzinfo=ZoneInfo(zone), fold=0)
//       b = n.replace(tzinfo=ZoneInfo(zone), fold=1)
//       kind = ("unique" if a.utcoffset() == b.utcoffset()
//               else "gap" if a.utcoffset() < b.utcoffset() else "ambiguous")
//       return (zone, local, int(a.timestamp()), kind)
const resolve_case resolve_cases[] = {
    {"America/New_York", "2021-03-28T10:50:00", 1616943000LL, local_time_kind::unique},
    {"America/New_York", "2024-03-10T02:30:00", 1710055800LL, local_time_kind::gap},
    {"America/New_York", "2024-03-10T01:59:59", 1710053999LL, local_time_kind::unique},
    {"America/New_York", "2024-03-10T03:00:00", 1710054000LL, local_time_kind::unique},
    {"America/New_York", "2024-11-03T01:30:00", 1730611800LL, local_time_kind::ambiguous},
    {"America/New_York", "2024-11-03T00:59:59", 1730609999LL, local_time_kind::unique},
    {"America/New_York", "2024-11-03T02:00:00", 1730617200LL, local_time_kind::unique},
    {"Europe/Berlin", "2021-03-28T02:30:00", 1616895000LL, local_time_kind::gap},
    {"Europe/Berlin", "2021-10-31T02:30:00", 1635640200LL, local_time_kind::ambiguous},
    {"Europe/Berlin", "2021-03-28T16:50:00", 1616943000LL, local_time_kind::unique},
    {"Asia/Kolkata", "2021-03-28T20:30:00", 1616943600LL, local_time_kind::unique},
    {"Asia/Calcutta", "2021-03-28T20:30:00", 1616943600LL, local_time_kind::unique},
    {"Australia/Lord_Howe", "2024-10-06T02:00:00", 1728142200LL, local_time_kind::gap},
    {"Australia/Lord_Howe", "2024-10-06T02:15:00", 1728143100LL, local_time_kind::gap},
    {"Australia/Lord_Howe", "2024-10-06T02:30:00", 1728142200LL, local_time_kind::unique},
    {"Australia/Lord_Howe", "2024-04-07T01:30:00", 1712413800LL, local_time_kind::ambiguous},
    {"Australia/Lord_Howe", "2024-04-07T01:45:00", 1712414700LL, local_time_kind::ambiguous},
    {"Australia/Lord_Howe", "2024-04-07T02:00:00", 1712417400LL, local_time_kind::unique},
    {"Pacific/Apia", "2011-12-29T23:59:59", 1325239199LL, local_time_kind::unique},
    {"Pacific/Apia", "2011-12-30T00:00:00", 1325239200LL, local_time_kind::gap},
    {"Pacific/Apia", "2011-12-30T12:00:00", 1325282400LL, local_time_kind::gap},
    {"Pacific/Apia", "2011-12-30T23:59:59", 1325325599LL, local_time_kind::gap},
    {"Pacific/Apia", "2011-12-31T00:00:00", 1325239200LL, local_time_kind::unique},
    {"Pacific/Kiritimati", "1994-12-31T12:00:00", 788911200LL, local_time_kind::gap},
    {"Pacific/Kiritimati", "1995-01-01T12:00:00", 788911200LL, local_time_kind::unique},
    {"Pacific/Kiritimati", "2024-05-02T09:00:00", 1714590000LL, local_time_kind::unique},
    {"Pacific/Pago_Pago", "2024-05-02T09:00:00", 1714680000LL, local_time_kind::unique},
    {"Pacific/Niue", "2024-05-02T09:00:00", 1714680000LL, local_time_kind::unique},
    {"America/Sao_Paulo", "2018-11-04T00:30:00", 1541302200LL, local_time_kind::gap},
    {"America/Sao_Paulo", "2019-02-16T23:30:00", 1550367000LL, local_time_kind::ambiguous},
    {"America/Los_Angeles", "2040-07-01T12:00:00", 2224782000LL, local_time_kind::unique},
    {"America/Los_Angeles", "2040-03-11T02:30:00", 2215074600LL, local_time_kind::gap},
    {"America/Los_Angeles", "2040-11-04T01:30:00", 2235630600LL, local_time_kind::ambiguous},
    {"America/Los_Angeles", "2500-03-14T02:30:00", 16731484200LL, local_time_kind::gap},
    {"Europe/London", "1945-06-01T12:00:00", -775836000LL, local_time_kind::unique},
    {"Europe/London", "1945-04-02T02:30:00", -781050600LL, local_time_kind::gap},
    {"Europe/Dublin", "2024-03-31T01:30:00", 1711848600LL, local_time_kind::gap},
    {"Europe/Dublin", "2024-10-27T01:30:00", 1729989000LL, local_time_kind::ambiguous},
    {"UTC", "2024-03-10T02:30:00", 1710037800LL, local_time_kind::unique},
};

TEST(TimeZone, OffsetAtMatchesZoneinfo) {
  for (const auto& c : offset_cases) {
    SCOPED_TRACE(std::string(c.zone) + " at " + std::to_string(c.epoch));
    auto o = zone(c.zone).offset_at(instant(c.epoch));
    EXPECT_EQ(o.utc_offset.count(), c.utc_offset);
    EXPECT_EQ(o.is_dst, c.is_dst);
    EXPECT_EQ(o.abbreviation, c.abbreviation);
  }
}

TEST(TimeZone, ToLocalMatchesZoneinfo) {
  for (const auto& c : offset_cases) {
    SCOPED_TRACE(std::string(c.zone) + " at " + std::to_string(c.epoch));
    EXPECT_EQ(zone(c.zone).to_local(instant(c.epoch)), wall(c.local));
  }
}

TEST(TimeZone, ResolveMatchesZoneinfo) {
  for (const auto& c : resolve_cases) {
    SCOPED_TRACE(std::string(c.zone) + " " + c.local);
    auto r = zone(c.zone).resolve(wall(c.local));
    EXPECT_EQ(r.instant.time_since_epoch().count(), c.epoch);
    EXPECT_STREQ(kind_name(r.kind), kind_name(c.kind));
  }
}

TEST(TimeZone, ResolveInvertsToLocalOutsideTransitions) {
  // For instants well away from any change, resolve(to_local(t)) == t and is unique.
  for (const auto& c : offset_cases) {
    SCOPED_TRACE(std::string(c.zone) + " at " + std::to_string(c.epoch));
    const auto& z = zone(c.zone);
    auto t = instant(c.epoch);
    if (z.offset_at(t - std::chrono::hours{48}).utc_offset != z.offset_at(t + std::chrono::hours{48}).utc_offset)
      continue;  // a change nearby (Apia, Kiritimati, Lord Howe edges): covered by ResolveMatchesZoneinfo
    auto r = z.resolve(z.to_local(t));
    EXPECT_EQ(r.instant, t);
    EXPECT_EQ(r.kind, local_time_kind::unique);
  }
}

TEST(TimeZone, DstStartsInEuropeWhileNewYorkIsAlreadyOnDaylightTime) {
  // FastPath 2021: a 10:50 New York talk on 2021-03-28, the day Europe springs forward
  // (New York did so on 2021-03-14). zoneinfo:
  //   datetime(2021,3,28,10,50,tzinfo=ZoneInfo("America/New_York")).astimezone(timezone.utc)
  //     -> 2021-03-28 14:50:00+00:00 (1616943000); .astimezone(ZoneInfo("Europe/Berlin")) -> 16:50 CEST
  //   the same wall time a day earlier -> 14:50 UTC -> 15:50 CET in Berlin
  const auto& ny = zone("America/New_York");
  const auto& berlin = zone("Europe/Berlin");
  auto talk = ny.resolve(wall("2021-03-28T10:50:00"));
  EXPECT_EQ(talk.kind, local_time_kind::unique);
  EXPECT_EQ(talk.instant.time_since_epoch().count(), 1616943000LL);
  EXPECT_EQ(berlin.to_local(talk.instant), wall("2021-03-28T16:50:00"));
  EXPECT_EQ(berlin.offset_at(talk.instant).abbreviation, "CEST");
  EXPECT_EQ(ny.offset_at(talk.instant).abbreviation, "EDT");

  auto day_before = ny.resolve(wall("2021-03-27T10:50:00"));
  EXPECT_EQ(day_before.instant.time_since_epoch().count(), 1616856600LL);
  EXPECT_EQ(berlin.to_local(day_before.instant), wall("2021-03-27T15:50:00"));
  EXPECT_EQ(berlin.offset_at(day_before.instant).abbreviation, "CET");
}

TEST(TimeZone, GapIsReadWithTheOffsetBeforeIt) {
  // Europe/Berlin 2021-03-28 02:00 -> 03:00: 02:30 is read at +01:00, i.e. 01:30 UTC (1616895000).
  auto r = zone("Europe/Berlin").resolve(wall("2021-03-28T02:30:00"));
  EXPECT_EQ(r.kind, local_time_kind::gap);
  EXPECT_EQ(r.instant.time_since_epoch().count(), 1616895000LL);
  EXPECT_EQ(zone("Europe/Berlin").to_local(r.instant), wall("2021-03-28T03:30:00"));
}

TEST(TimeZone, OverlapTakesTheFirstOccurrence) {
  // America/New_York 2024-11-03 02:00 -> 01:00: 01:30 is taken at -04:00, i.e. 05:30 UTC.
  const auto& ny = zone("America/New_York");
  auto r = ny.resolve(wall("2024-11-03T01:30:00"));
  EXPECT_EQ(r.kind, local_time_kind::ambiguous);
  EXPECT_EQ(r.instant.time_since_epoch().count(), 1730611800LL);
  EXPECT_EQ(ny.offset_at(r.instant).abbreviation, "EDT");
  // The second 01:30 (EST) is an hour later and maps back to the same wall time.
  EXPECT_EQ(ny.to_local(r.instant + std::chrono::hours{1}), wall("2024-11-03T01:30:00"));
  EXPECT_EQ(ny.offset_at(r.instant + std::chrono::hours{1}).abbreviation, "EST");
}

TEST(TimeZone, LordHoweShiftsByThirtyMinutes) {
  // zoneinfo: 2024-10-05T15:29:59Z is +1030, 15:30:00Z is +11; local 02:00-02:29 does not exist.
  const auto& lh = zone("Australia/Lord_Howe");
  auto before = lh.offset_at(instant(1728142199LL)), after = lh.offset_at(instant(1728142200LL));
  EXPECT_EQ((after.utc_offset - before.utc_offset).count(), 1800);
  EXPECT_EQ(lh.resolve(wall("2024-10-06T02:29:59")).kind, local_time_kind::gap);
  EXPECT_EQ(lh.resolve(wall("2024-10-06T01:59:59")).kind, local_time_kind::unique);
  EXPECT_EQ(lh.resolve(wall("2024-10-06T02:30:00")).kind, local_time_kind::unique);
}

TEST(TimeZone, ApiaSkippedTheThirtiethOfDecember2011) {
  // Samoa moved west of the date line: 2011-12-29T23:59:59 (-10) was followed by
  // 2011-12-31T00:00:00 (+14). Every wall time of 2011-12-30 is in the gap.
  const auto& apia = zone("Pacific/Apia");
  for (const char* t : {"2011-12-30T00:00:00", "2011-12-30T06:00:00", "2011-12-30T12:00:00", "2011-12-30T23:59:59"}) {
    SCOPED_TRACE(t);
    EXPECT_EQ(apia.resolve(wall(t)).kind, local_time_kind::gap);
  }
  auto noon = apia.resolve(wall("2011-12-30T12:00:00"));
  EXPECT_EQ(noon.instant.time_since_epoch().count(), 1325282400LL);  // read at -10:00
  EXPECT_EQ(apia.to_local(instant(1325239199LL)), wall("2011-12-29T23:59:59"));
  EXPECT_EQ(apia.to_local(instant(1325239200LL)), wall("2011-12-31T00:00:00"));
}

TEST(TimeZone, ExtremeOffsets) {
  // Kiritimati is the furthest ahead (UTC+14); Niue and Pago Pago are UTC-11.
  EXPECT_EQ(zone("Pacific/Kiritimati").offset_at(instant(1714521600LL)).utc_offset.count(), 14 * 3600);
  EXPECT_EQ(zone("Pacific/Niue").offset_at(instant(1714521600LL)).utc_offset.count(), -11 * 3600);
  EXPECT_EQ(zone("Pacific/Pago_Pago").offset_at(instant(1714521600LL)).utc_offset.count(), -11 * 3600);
  // The same instant is on two different calendar days 25 hours apart.
  EXPECT_EQ(zone("Pacific/Kiritimati").to_local(instant(1714521600LL)), wall("2024-05-01T14:00:00"));
  EXPECT_EQ(zone("Pacific/Pago_Pago").to_local(instant(1714521600LL)), wall("2024-04-30T13:00:00"));
}

TEST(TimeZone, RulesContinuePast2037) {
  // zoneinfo: 2040-07-01 in Los Angeles is PDT; 2040-01-01 is PST; 2500-07-01 is PDT.
  const auto& la = zone("America/Los_Angeles");
  EXPECT_EQ(la.offset_at(instant(2224756800LL)).abbreviation, "PDT");
  EXPECT_TRUE(la.offset_at(instant(2224756800LL)).is_dst);
  EXPECT_EQ(la.offset_at(instant(2209032000LL)).abbreviation, "PST");
  EXPECT_EQ(la.offset_at(instant(16740907200LL)).abbreviation, "PDT");
  auto r = la.resolve(wall("2040-07-01T12:00:00"));
  EXPECT_EQ(r.instant.time_since_epoch().count(), 2224782000LL);
}

TEST(TimeZone, HistoryBefore1970) {
  // Britain's double summer time in 1945 (BDST, UTC+2) and Brazil's former DST.
  auto o = zone("Europe/London").offset_at(instant(-775828800LL));  // 1945-06-01T12:00Z
  EXPECT_EQ(o.utc_offset.count(), 7200);
  EXPECT_EQ(o.abbreviation, "BDST");
  EXPECT_TRUE(o.is_dst);
  auto sp = zone("America/Sao_Paulo").offset_at(instant(1516017600LL));  // 2018-01-15T12:00Z
  EXPECT_EQ(sp.utc_offset.count(), -7200);
  EXPECT_TRUE(sp.is_dst);
}

TEST(TimeZone, LinksResolveToCanonicalNames) {
  const time_zone* calcutta = locate_zone("Asia/Calcutta");
  const time_zone* kolkata = locate_zone("Asia/Kolkata");
  ASSERT_NE(calcutta, nullptr);
  ASSERT_NE(kolkata, nullptr);
  EXPECT_EQ(calcutta->name(), "Asia/Kolkata");
  EXPECT_EQ(calcutta, kolkata);
  const time_zone* us_pacific = locate_zone("US/Pacific");
  ASSERT_NE(us_pacific, nullptr);
  EXPECT_EQ(us_pacific->name(), "America/Los_Angeles");
  EXPECT_EQ(locate_zone("America/Los_Angeles")->name(), "America/Los_Angeles");
  // Repeated lookups give the same object.
  EXPECT_EQ(locate_zone("Europe/Berlin"), locate_zone("Europe/Berlin"));
}

TEST(TimeZone, UnknownNamesReturnNull) {
  using namespace std::string_view_literals;
  for (auto name : {""sv, "Mars/Olympus"sv, "asia/kolkata"sv, "ASIA/KOLKATA"sv, "PST"sv, "CEST"sv, "UTC-5"sv,
                    "Europe/Berlin "sv, " Europe/Berlin"sv, "Europe/"sv, "Europe"sv, "Europe/Berlin\0"sv,
                    "Asia/Calcutta/x"sv, "localtime"sv}) {
    EXPECT_EQ(locate_zone(name), nullptr) << "\"" << std::string(name) << "\"";
  }
}

TEST(TimeZone, ZoneNamesAreSortedAndIncludeLinks) {
  auto names = talktime::zone_names();
  ASSERT_GT(names.size(), 500u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end()) << "duplicate names";
  for (auto expected : {"Asia/Calcutta", "Asia/Kolkata", "US/Pacific", "UTC", "Etc/UTC", "Etc/GMT+5",
                        "Europe/Kiev", "Europe/Kyiv", "America/Sao_Paulo", "Pacific/Apia"}) {
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), std::string_view(expected))) << expected;
  }
  // Every listed name can be located, and its canonical name is listed too.
  for (auto name : names) {
    const time_zone* z = locate_zone(name);
    ASSERT_NE(z, nullptr) << std::string(name);
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), z->name())) << std::string(name);
  }
}

TEST(TimeZone, DatabaseVersionLooksLikeATzRelease) {
  auto version = std::string(talktime::tz_database_version());
  ASSERT_EQ(version.size(), 5u) << version;
  EXPECT_TRUE(std::all_of(version.begin(), version.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) << version;
  EXPECT_TRUE(version[4] >= 'a' && version[4] <= 'z') << version;
  EXPECT_GE(version.substr(0, 4), "2023") << version;
}

TEST(TimeZone, ConcurrentLookupsAgree) {
  const char* names[] = {"Europe/Paris", "Asia/Tokyo", "America/Chicago", "Africa/Nairobi",
                         "Australia/Perth", "America/Halifax", "Asia/Dubai", "Europe/Oslo"};
  std::vector<const time_zone*> seen[4];
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (const char* n : names) seen[k].push_back(locate_zone(n));
    });
  for (auto& t : threads) t.join();
  for (int k = 1; k < 4; ++k) EXPECT_EQ(seen[k], seen[0]);
  for (auto* z : seen[0]) EXPECT_NE(z, nullptr);
}

}  // namespace
