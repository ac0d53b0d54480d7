// Zones as calendars write them (docs/calendars.md, "Zones"; docs/time-zones.md):
//   locate_windows_zone   Windows names -> IANA by CLDR (include/talktime/time_zone.hpp)
//   calendar_zones        a calendar's VTIMEZONEs as zone rules (src/formats/ical_vtimezone.hpp)
//   zone_probably_meant   legacy names (EST, CET) -> a place's zone, and the feed warning
// tests/oracle/check_windows_zones.py compares the whole Windows table with CLDR's XML.
//
// Expected instants come from Python's zoneinfo for the IANA zone each VTIMEZONE
// restates (tests/fixtures/custom-tzid-history.ics is America/Chicago since 1967,
// outlook-custom-zone.ics is Pacific/Auckland's rule since 2007):
//   America/Chicago changes 1974-01-06T08:00Z, 1975-02-23T08:00Z (to -5), 1986-10-26T07:00Z,
//     1987-04-05T08:00Z, 2006-04-02T08:00Z, 2006-10-29T07:00Z, 2007-03-11T08:00Z,
//     2007-11-04T07:00Z, 2026-03-08T08:00Z, 2150-03-08T08:00Z, 2150-11-01T07:00Z
//   utc("1975-03-10T15:30", "America/Chicago") -> 1975-03-10T20:30:00Z
//   utc("2005-03-20T15:30", "America/Chicago") -> 2005-03-20T21:30:00Z
//   Pacific/Auckland changes 2025-04-05T14:00Z (to +12), 2025-09-27T14:00Z (to +13),
//     2150-04-04T14:00Z, 2150-09-26T14:00Z
//   utc("2025-02-18T18:00", "Pacific/Auckland") -> 2025-02-18T05:00:00Z
//   Europe/Berlin changes 2025-03-30T01:00Z (to +2), 2025-10-26T01:00Z (to +1)
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>
#include <vector>

#include "formats/ical_vtimezone.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"
#include "talktime/time_zone.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;
using std::chrono::hours;
using std::chrono::seconds;

std::int64_t offset_at(const time_zone& z, const char* instant) {
  return z.offset_at(utc(instant)).utc_offset.count();
}

// The offset just before and at `instant`: a change from `before` to `after` there.
void expect_change(const time_zone& z, const char* instant, int before_hours, int after_hours) {
  EXPECT_EQ(z.offset_at(utc(instant) - seconds{1}).utc_offset, hours{before_hours}) << z.name() << " before " << instant;
  EXPECT_EQ(z.offset_at(utc(instant)).utc_offset, hours{after_hours}) << z.name() << " at " << instant;
}

local_seconds local(int y, unsigned m, unsigned d, int h, int mi) {
  return local_seconds{date::local_days{date::year{y} / m / d}.time_since_epoch()} + hours{h} + std::chrono::minutes{mi};
}

TEST(WindowsZones, MapOutlookNamesThroughCldr) {
  EXPECT_EQ(locate_windows_zone("Eastern Standard Time")->name(), "America/New_York");
  EXPECT_EQ(locate_windows_zone("Pacific Standard Time")->name(), "America/Los_Angeles");
  EXPECT_EQ(locate_windows_zone("W. Europe Standard Time")->name(), "Europe/Berlin");
  EXPECT_EQ(locate_windows_zone("India Standard Time")->name(), "Asia/Kolkata");  // CLDR writes Asia/Calcutta
  EXPECT_EQ(locate_windows_zone("AUS Eastern Standard Time")->name(), "Australia/Sydney");
  EXPECT_EQ(locate_windows_zone("E. South America Standard Time")->name(), "America/Sao_Paulo");
  EXPECT_EQ(locate_windows_zone("eastern standard time")->name(), "America/New_York");
  EXPECT_EQ(locate_windows_zone("America/New_York"), nullptr);
  EXPECT_EQ(locate_windows_zone("Customized Time Zone"), nullptr);
  EXPECT_GE(windows_zone_table().size(), 130u);
}

TEST(CalendarZones, HistoryFromUntilBoundedRulesAndRdates) {
  detail::calendar_zones zones(read_fixture("custom-tzid-history.ics"));
  const auto* entry = zones.find("Custom/Seminar Time");
  ASSERT_TRUE(entry && entry->zone) << (entry ? entry->problem : "no entry");
  const time_zone& z = *entry->zone;
  EXPECT_EQ(z.name(), "Custom/Seminar Time");
  expect_change(z, "1974-01-06T08:00:00Z", -6, -5);  // RDATE
  expect_change(z, "1975-02-23T08:00:00Z", -6, -5);  // the second RDATE line
  expect_change(z, "1986-10-26T07:00:00Z", -5, -6);
  expect_change(z, "1987-04-05T08:00:00Z", -6, -5);
  expect_change(z, "2006-04-02T08:00:00Z", -6, -5);  // the last of 1987's rule (UNTIL)
  expect_change(z, "2006-10-29T07:00:00Z", -5, -6);
  expect_change(z, "2007-03-11T08:00:00Z", -6, -5);
  expect_change(z, "2007-11-04T07:00:00Z", -5, -6);
  expect_change(z, "2026-03-08T08:00:00Z", -6, -5);
  expect_change(z, "2150-03-08T08:00:00Z", -6, -5);  // the open rules, as a POSIX rule
  expect_change(z, "2150-11-01T07:00:00Z", -5, -6);
  EXPECT_EQ(offset_at(z, "2006-03-20T12:00:00Z"), -6 * 3600);  // 2007's rule would say -5
  EXPECT_EQ(z.offset_at(utc("2026-07-01T12:00:00Z")).abbreviation, "CDT");
  EXPECT_EQ(iso(z.resolve(local(1975, 3, 10, 15, 30)).instant), "1975-03-10T20:30:00Z");
  EXPECT_EQ(iso(z.resolve(local(2005, 3, 20, 15, 30)).instant), "2005-03-20T21:30:00Z");
}

TEST(CalendarZones, AgreesWithTheTzDatabaseEverySixHours) {
  detail::calendar_zones zones(read_fixture("custom-tzid-history.ics"));
  const time_zone& custom = *zones.find("Custom/Seminar Time")->zone;
  const time_zone& chicago = *locate_zone("America/Chicago");
  int differences = 0;
  for (auto t = utc("1967-06-01T00:00:00Z"); t < utc("2200-01-01T00:00:00Z"); t += hours{6})  // any difference lasts weeks
    differences += custom.offset_at(t).utc_offset != chicago.offset_at(t).utc_offset;
  EXPECT_EQ(differences, 0);
}

TEST(CalendarZones, OutlookCustomizedZoneEndsInAPosixRule) {
  detail::calendar_zones zones(read_fixture("outlook-custom-zone.ics"));
  const auto* entry = zones.find("Customized Time Zone");
  ASSERT_TRUE(entry && entry->zone);
  expect_change(*entry->zone, "2025-04-05T14:00:00Z", 13, 12);
  expect_change(*entry->zone, "2025-09-27T14:00:00Z", 12, 13);
  expect_change(*entry->zone, "2150-04-04T14:00:00Z", 13, 12);
  expect_change(*entry->zone, "2150-09-26T14:00:00Z", 12, 13);
  EXPECT_EQ(iso(entry->zone->resolve(local(2025, 2, 18, 18, 0)).instant), "2025-02-18T05:00:00Z");
}

TEST(CalendarZones, FixedOffsetAndBysetposForms) {
  std::string ics =
      "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:(UTC-03:00) Brasília\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
      "TZOFFSETFROM:-0300\r\nTZOFFSETTO:-0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
      "BEGIN:VTIMEZONE\r\nTZID:Romance\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
      "RRULE:FREQ=YEARLY;BYDAY=SU;BYMONTH=10;BYSETPOS=-1\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
      "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nRRULE:FREQ=YEARLY;BYDAY=SU;BYMONTH=3;BYSETPOS=-1\r\n"
      "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n";
  detail::calendar_zones zones(ics);
  const auto* brasilia = zones.find(" (UTC-03:00) Brasília ");
  ASSERT_TRUE(brasilia && brasilia->zone);
  EXPECT_EQ(offset_at(*brasilia->zone, "1990-01-01T00:00:00Z"), -3 * 3600);
  EXPECT_EQ(offset_at(*brasilia->zone, "2025-09-09T17:00:00Z"), -3 * 3600);
  const auto* romance = zones.find("Romance");
  ASSERT_TRUE(romance && romance->zone) << (romance ? romance->problem : "");
  expect_change(*romance->zone, "2025-03-30T01:00:00Z", 1, 2);
  expect_change(*romance->zone, "2025-10-26T01:00:00Z", 2, 1);
}

TEST(CalendarZones, UnusableVtimezoneSaysWhy) {
  std::string ics =
      "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Monthly\r\nBEGIN:STANDARD\r\nDTSTART:20000101T000000\r\n"
      "RRULE:FREQ=MONTHLY\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
      "BEGIN:VTIMEZONE\r\nTZID:Half\r\nBEGIN:STANDARD\r\nDTSTART:20000101T000000\r\nTZOFFSETFROM:+0100\r\n"
      "END:STANDARD\r\nEND:VTIMEZONE\r\n"
      "BEGIN:VTIMEZONE\r\nTZID:Huge\r\nBEGIN:DAYLIGHT\r\nDTSTART:20000101T000000\r\n"
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=99999999999SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n"
      "END:VTIMEZONE\r\nEND:VCALENDAR\r\n";
  detail::calendar_zones zones(ics);
  EXPECT_EQ(zones.find("Monthly")->problem, "its RRULE is not FREQ=YEARLY");
  EXPECT_EQ(zones.find("Half")->problem, "a STANDARD block lacks DTSTART, TZOFFSETFROM or TZOFFSETTO");
  EXPECT_EQ(zones.find("Huge")->problem, "BYDAY=99999999999SU is not a weekday of a month");
  EXPECT_EQ(zones.find("Other"), nullptr);
}

TEST(CalendarZones, ImportPrefersCldrForWindowsNamesAndWritesOffsetsForCustomZones) {
  auto windows = import_ical(read_fixture("outlook-windows-zones.ics"));
  ASSERT_TRUE(windows.feed_json);
  EXPECT_TRUE(contains(*windows.feed_json, "\"timezone\": \"America/New_York\""));
  EXPECT_TRUE(contains(*windows.feed_json, "\"timezone\": \"Australia/Sydney\""));
  EXPECT_TRUE(windows.diagnostics.empty());

  auto custom = import_ical(read_fixture("outlook-custom-zone.ics"));
  ASSERT_TRUE(custom.feed_json);
  EXPECT_TRUE(contains(*custom.feed_json, "\"start\": \"2025-02-18T18:00:00+13:00\"")) << *custom.feed_json;
  EXPECT_TRUE(contains(*custom.feed_json, "\"end\": \"2025-06-17T13:30:00+12:00\""));
  EXPECT_FALSE(contains(*custom.feed_json, "\"timezone\""));
  ASSERT_EQ(custom.diagnostics.size(), 1u);  // once per TZID, at its first use
  EXPECT_EQ(custom.diagnostics[0].code, "ics.calendar_zone");
  EXPECT_EQ(custom.diagnostics[0].line, 34);
  EXPECT_EQ(custom.diagnostics[0].level, severity::warning);

  // A Windows name in a year before its VTIMEZONE's one rule held: the tz database's history.
  auto old = parse_any_feed(
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Old\r\n"
      "DTSTART;TZID=\"Eastern Standard Time\":20050320T110000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  ASSERT_TRUE(old.feed);
  EXPECT_EQ(iso(old.feed->talks.at(0).start), "2005-03-20T16:00:00Z");  // EST: 2007's rule would say EDT
}

TEST(CalendarZones, UnknownTzidWithoutVtimezoneSkipsTheEvent) {
  auto r = import_ical("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART;TZID=Mars/Olympus:20250101T100000\r\n"
                       "END:VEVENT\r\nEND:VCALENDAR\r\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "ics.unknown_zone");
  EXPECT_EQ(r.diagnostics[0].message,
            "unknown time zone TZID=\"Mars/Olympus\" (not an IANA or Windows zone name, and the calendar has no "
            "VTIMEZONE of that TZID); the event is skipped");
}

TEST(LegacyZones, NameThePlaceProbablyMeant) {
  EXPECT_EQ(zone_probably_meant("EST"), "America/New_York");
  EXPECT_EQ(zone_probably_meant("EST5EDT"), "America/New_York");
  EXPECT_EQ(zone_probably_meant("MST"), "America/Denver");
  EXPECT_EQ(zone_probably_meant("PST8PDT"), "America/Los_Angeles");
  EXPECT_EQ(zone_probably_meant("HST"), "Pacific/Honolulu");
  EXPECT_EQ(zone_probably_meant("CET"), "Europe/Paris");
  EXPECT_EQ(zone_probably_meant("MET"), "Europe/Brussels");
  EXPECT_EQ(zone_probably_meant("EET"), "Europe/Bucharest");
  EXPECT_EQ(zone_probably_meant("America/New_York"), "");
  EXPECT_EQ(zone_probably_meant("US/Eastern"), "");  // a link to a place's zone
  EXPECT_EQ(zone_probably_meant("UTC"), "");
}

TEST(LegacyZones, FeedAndTalkZonesWarn) {
  auto r = parse_feed(R"({"talktime": 1, "timezone": "EST", "talks": [
    {"title": "A", "start": "2025-06-01T10:00"},
    {"title": "B", "start": "2025-06-01T10:00", "timezone": "PST8PDT"},
    {"title": "C", "start": "2025-06-01T10:00", "timezone": "America/Chicago"}]})");
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "[feed.legacy_zone] /timezone (line 1, column 29): EST is fixed UTC\u22125 all year and never observes "
            "daylight saving time; did you mean America/New_York?");
  EXPECT_EQ(r.diagnostics[1].code, "talk.legacy_zone");
  EXPECT_EQ(r.diagnostics[1].pointer, "/talks/1/timezone");
  EXPECT_EQ(r.diagnostics[1].message,
            "PST8PDT is a legacy name of the tz database for a set of rules, not a place; did you mean America/Los_Angeles?");
  EXPECT_EQ(r.diagnostics[1].level, severity::warning);
}

}  // namespace
