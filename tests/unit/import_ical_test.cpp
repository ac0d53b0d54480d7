// iCalendar import (include/talktime/importers.hpp): RFC 5545 text -> talktime
// JSON -> the one feed parser, with every diagnostic on its calendar line.
//
// Expected instants come from Python's zoneinfo:
//
//   utc("2024-09-12T16:00", "America/New_York") -> 2024-09-12T20:00:00Z
//   utc("2024-09-12T17:00", "America/New_York") -> 2024-09-12T21:00:00Z
//   utc("2024-11-07T16:00", "America/New_York") -> 2024-11-07T21:00:00Z
//   utc("2024-11-07T17:00", "America/New_York") -> 2024-11-07T22:00:00Z
//   utc("2024-11-14T22:00", "Europe/Berlin")    -> 2024-11-14T21:00:00Z
//   utc("2024-11-14T23:00", "Europe/Berlin")    -> 2024-11-14T22:00:00Z
//   utc("2024-12-05T16:00", "America/New_York") -> 2024-12-05T21:00:00Z
//   utc("2024-12-05T17:00", "America/New_York") -> 2024-12-05T22:00:00Z
//   utc("2024-05-02T09:00", "America/New_York") -> 2024-05-02T13:00:00Z
//   utc("2024-05-02T10:30", "Europe/London")    -> 2024-05-02T09:30:00Z
//   utc("1600-01-01T00:00", "Asia/Tokyo")       -> 1599-12-31T14:41:01Z  (LMT +09:18:59)
//   utc("1600-01-01T05:00", "Asia/Seoul")       -> 1599-12-31T20:32:08Z  (LMT +08:27:52)
//   offset("9999-12-31T20:00", "America/New_York") -> -05:00, so 10000-01-01T01:00:00Z
//   offset("9999-12-31T22:00", "America/Chicago")  -> -06:00, so 10000-01-01T04:00:00Z
//     (datetime cannot hold the year 10000: epoch seconds 253402300800 + 3600 and + 14400)
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>
#include <vector>

#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

// Lines joined with CRLF, so line N of the calendar is lines[N - 1].
std::string calendar(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\r\n";
  return out;
}

// A calendar around some event lines; the first event line is line 5.
std::string with_events(const std::vector<std::string>& events, const std::string& zone = "America/New_York") {
  std::vector<std::string> lines = {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Test//EN",
                                    zone.empty() ? "X-WR-CALNAME:Test" : "X-WR-TIMEZONE:" + zone};
  lines.insert(lines.end(), events.begin(), events.end());
  lines.push_back("END:VCALENDAR");
  return calendar(lines);
}

TEST(IcalImport, ReadsTheSeminarFixture) {
  auto r = parse_any_feed(read_fixture("seminar.ics"));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  const feed& f = *r.feed;
  EXPECT_EQ(f.title, "Applied Mathematics Colloquium, Fall 2024");
  EXPECT_EQ(f.description, "Thursdays at 4 pm in the Simons Building. Tea at 3:30 in the lounge.");
  ASSERT_NE(f.zone, nullptr);
  EXPECT_EQ(f.zone->name(), "America/New_York");
  ASSERT_EQ(f.talks.size(), 7u);

  const auto& euler = by_id(f, "amc-2024-09-12-nakamura@math.example.edu");
  EXPECT_EQ(euler.title, "Structure-preserving discretizations of the incompressible Euler equations");
  EXPECT_EQ(iso(euler.start), "2024-09-12T20:00:00Z");
  ASSERT_TRUE(euler.end);
  EXPECT_EQ(iso(*euler.end), "2024-09-12T21:00:00Z");
  EXPECT_EQ(euler.zone->name(), "America/New_York");
  EXPECT_EQ(euler.abstract,
            "Speaker: Haruki Nakamura (Kyoto University)\n\nWe construct finite element schemes that conserve energy, "
            "helicity and enstrophy exactly; numerical experiments follow.");  // "\;" folded between "\" and ";"
  EXPECT_EQ(euler.location.name, "Room 2-190, Simons Building");
  EXPECT_EQ(euler.tags, (std::vector<std::string>{"numerical analysis", "PDEs"}));
  ASSERT_EQ(euler.links.size(), 1u);
  EXPECT_EQ(euler.links[0].kind, "website");
  EXPECT_EQ(euler.links[0].url, "https://math.example.edu/colloquium/2024-09-12");
  EXPECT_EQ(euler.status, talk_status::scheduled);

  const auto& double_session = by_id(f, "amc-2024-09-19-okafor@math.example.edu");
  EXPECT_EQ(iso(double_session.start), "2024-09-19T20:00:00Z");
  ASSERT_TRUE(double_session.end);
  EXPECT_EQ(iso(*double_session.end), "2024-09-19T21:30:00Z");  // DURATION:PT1H30M
  EXPECT_EQ(double_session.tags, (std::vector<std::string>{"number theory", "probability"}));  // two CATEGORIES lines

  const auto& holiday = by_id(f, "amc-2024-10-14-holiday@math.example.edu");
  EXPECT_TRUE(holiday.date_only);
  EXPECT_EQ(iso(holiday.start_day), "2024-10-14");
  EXPECT_FALSE(holiday.end_day);  // DTEND 20241015 is exclusive: one day
  EXPECT_EQ(holiday.title, "No colloquium: Indigenous Peoples' Day");

  const auto& workshop = by_id(f, "amc-2024-10-21-workshop@math.example.edu");
  EXPECT_TRUE(workshop.date_only);
  EXPECT_EQ(iso(workshop.start_day), "2024-10-21");
  ASSERT_TRUE(workshop.end_day);
  EXPECT_EQ(iso(*workshop.end_day), "2024-10-23");
  EXPECT_EQ(workshop.location.name, "Simons Building");
  EXPECT_EQ(workshop.location.url, "https://math.example.edu/maps/simons");

  const auto& cancelled = by_id(f, "amc-2024-11-07-lindqvist@math.example.edu");
  EXPECT_EQ(cancelled.status, talk_status::cancelled);
  EXPECT_EQ(iso(cancelled.start), "2024-11-07T21:00:00Z");
  EXPECT_EQ(iso(*cancelled.end), "2024-11-07T22:00:00Z");

  const auto& remote = by_id(f, "amc-2024-11-14-weiss@math.example.edu");
  EXPECT_EQ(remote.status, talk_status::tentative);
  EXPECT_EQ(remote.zone->name(), "Europe/Berlin");
  EXPECT_EQ(iso(remote.start), "2024-11-14T21:00:00Z");
  EXPECT_EQ(iso(*remote.end), "2024-11-14T22:00:00Z");
  EXPECT_EQ(remote.title, "Gödel, Turing, and the limits of proof assistants (remote talk from Berlin)");
  // Folded inside the two bytes of "ü": joined again before decoding.
  EXPECT_EQ(remote.abstract,
            "Speaker: Jürgen Weiß (Humboldt-Universität zu Berlin). Σ-types, Π-types and why “obvious” lemmas take a week.");
  ASSERT_EQ(remote.links.size(), 1u);
  EXPECT_EQ(remote.links[0].kind, "livestream");
  EXPECT_EQ(remote.links[0].url, "https://zoom.example.com/j/1234567890");

  const auto& floating = by_id(f, "amc-2024-12-05-problems@math.example.edu");
  EXPECT_EQ(iso(floating.start), "2024-12-05T21:00:00Z");  // floating time, read in X-WR-TIMEZONE
  EXPECT_EQ(iso(*floating.end), "2024-12-05T22:00:00Z");
}

TEST(IcalImport, DetectsTheFormat) {
  EXPECT_EQ(detect_feed_format(read_fixture("seminar.ics")), feed_format::ical);
  EXPECT_EQ(detect_feed_format("\xEF\xBB\xBF\r\n  begin:vcalendar\r\nEND:VCALENDAR\r\n"), feed_format::ical);
  EXPECT_EQ(detect_feed_format("BEGIN:VCARD\r\n"), feed_format::talktime);
}

TEST(IcalImport, WritesTalktimeJson) {
  auto r = import_ical(with_events({"BEGIN:VEVENT", "UID:a1", "SUMMARY:Tea\\, cake", "DTSTART;TZID=Europe/London:20240502T103000",
                                    "DURATION:+PT15M", "CATEGORIES:social", "END:VEVENT"}));
  ASSERT_TRUE(r.feed_json);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(*r.feed_json, R"({
  "talktime": 1,
  "timezone": "America/New_York",
  "talks": [
    {
      "id": "a1",
      "uid": "a1",
      "title": "Tea, cake",
      "start": "2024-05-02T10:30",
      "timezone": "Europe/London",
      "duration": "PT15M",
      "tags": [
        "social"
      ]
    }
  ]
}
)");
  auto parsed = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:a1", "SUMMARY:Tea\\, cake",
                                            "DTSTART;TZID=Europe/London:20240502T103000", "DURATION:+PT15M", "END:VEVENT"}));
  ASSERT_TRUE(parsed.feed);
  EXPECT_EQ(iso(parsed.feed->talks[0].start), "2024-05-02T09:30:00Z");
  EXPECT_EQ(iso(*parsed.feed->talks[0].end), "2024-05-02T09:45:00Z");
}

TEST(IcalImport, UnfoldsLfLinesAndTabContinuations) {
  std::string text =
      "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nSUMMARY:A long\n\t title\nDTSTART:20240502T130000Z\n"
      "DESCRIPTION:one\n  two\nEND:VEVENT\nEND:VCALENDAR\n";
  auto r = parse_any_feed(text);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  EXPECT_EQ(r.feed->talks[0].title, "A long title");
  EXPECT_EQ(r.feed->talks[0].abstract, "one two");
  EXPECT_EQ(iso(r.feed->talks[0].start), "2024-05-02T13:00:00Z");
}

TEST(IcalImport, ReadsQuotedAndGloballyUniqueTzids) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:a", "SUMMARY:A",
                                       "DTSTART;TZID=\"/mozilla.org/20050126_1/America/New_York\":20240502T090000",
                                       "DTEND;TZID=Europe/London:20240502T150000", "END:VEVENT"},
                                      ""));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  const auto& t = r.feed->talks[0];
  EXPECT_EQ(t.zone->name(), "America/New_York");
  EXPECT_EQ(iso(t.start), "2024-05-02T13:00:00Z");
  EXPECT_EQ(iso(*t.end), "2024-05-02T14:00:00Z");  // 15:00 BST, from its own zone
}

TEST(IcalImport, ReportsAnUnknownZoneOnItsLine) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:mars", "SUMMARY:Dust storms",
                                       "DTSTART;TZID=Mars/Olympus_Mons:20240502T090000", "END:VEVENT", "BEGIN:VEVENT",
                                       "UID:earth", "SUMMARY:Rain", "DTSTART:20240502T090000Z", "END:VEVENT"}));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[ics.unknown_zone] line 8, column 1: unknown time zone TZID=\"Mars/Olympus_Mons\" (not an "
                             "IANA or Windows zone name, and the calendar has no VTIMEZONE of that TZID); the event is skipped"}));
  ASSERT_EQ(r.feed->talks.size(), 1u);
  EXPECT_EQ(r.feed->talks[0].id, "earth");
}

TEST(IcalImport, IgnoresAnUnknownCalendarZoneWithAWarning) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:a", "SUMMARY:A", "DTSTART:20240502T090000Z", "END:VEVENT"},
                                      "Olympus Mons Standard Time"));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{"[ics.unknown_zone] line 4, column 1: unknown time zone "
                                                   "X-WR-TIMEZONE:\"Olympus Mons Standard Time\"; ignored"}));
  EXPECT_EQ(r.feed->zone, nullptr);
}

TEST(IcalImport, ReadsAWindowsCalendarZoneThroughCldr) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:a", "SUMMARY:A", "DTSTART:20240502T090000", "END:VEVENT"},
                                      "Eastern Standard Time"));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_NE(r.feed->zone, nullptr);
  EXPECT_EQ(r.feed->zone->name(), "America/New_York");
  EXPECT_EQ(iso(r.feed->talks.at(0).start), "2024-05-02T13:00:00Z");
}

TEST(IcalImport, LocatesTheParsersProblemsOnTheirLines) {
  auto r = parse_any_feed(with_events(
      {
          "BEGIN:VEVENT",                 // 5
          "UID:untitled",                 // 6
          "DTSTART:20240502T090000Z",     // 7
          "END:VEVENT",                   // 8
          "BEGIN:VEVENT",                 // 9
          "UID:backwards",                // 10
          "SUMMARY:Backwards",            // 11
          "DTSTART:20240502T090000Z",     // 12
          "DTEND:20240502T080000Z",       // 13
          "END:VEVENT",                   // 14
          "BEGIN:VEVENT",                 // 15
          "UID:odd",                      // 16
          "SUMMARY:Odd",                  // 17
          "DTSTART:20240502T090000Z",     // 18
          "DURATION:P1M",                 // 19
          "END:VEVENT",                   // 20
          "BEGIN:VEVENT",                 // 21
          "UID:maybe",                    // 22
          "SUMMARY:Maybe",                // 23
          "DTSTART:20240502T090000Z",     // 24
          "STATUS:NEEDS-ACTION",          // 25
          "END:VEVENT",                   // 26
      },
      ""));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "[talk.missing_title] line 5, column 1: the talk has no \"title\" (talk \"untitled\")",
                "[talk.end_before_start] line 13, column 1: end \"2024-05-02T08:00Z\" is before start \"2024-05-02T09:00Z\" "
                "(talk \"backwards\")",
                "[talk.bad_duration] line 19, column 1: duration \"P1M\" uses years or months, which have no fixed length; "
                "use days, hours or minutes (talk \"odd\")",
                "[talk.unknown_status] line 25, column 1: unknown status \"needs-action\" treated as \"scheduled\"",
            }));
  ASSERT_EQ(r.feed->talks.size(), 1u);
  EXPECT_EQ(r.feed->talks[0].id, "maybe");
}

TEST(IcalImport, ReportsAnEventWithoutStartOnItsBeginLine) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:someday", "SUMMARY:Some day", "END:VEVENT"}));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[talk.missing_start] line 5, column 1: the talk has no \"start\" (talk \"someday\")",
                             // at the first VEVENT: an input with events, none of which became a talk
                             "[feed.no_talks] line 5, column 1: none of the 1 talk could be loaded (each is reported); the schedule would be empty"}));
  EXPECT_TRUE(r.feed->talks.empty());
}

TEST(IcalImport, NeedsAZoneForFloatingTimes) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:f", "SUMMARY:F", "DTSTART:20240502T090000", "END:VEVENT"}, ""));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[feed.no_talks] line 5, column 1: none of the 1 talk could be loaded (each is reported); the schedule would be empty",
                             "[talk.no_zone] line 8, column 1: local time \"2024-05-02T09:00\" needs a zone: give the talk "
                             "or the feed a \"timezone\", or add Z or an offset (talk \"f\")"}));
  EXPECT_TRUE(r.feed->talks.empty());
}

TEST(IcalImport, RejectsTimesItCannotRead) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:a", "SUMMARY:A", "DTSTART:2024-05-02", "END:VEVENT",  // 5-9
                                       "BEGIN:VEVENT", "UID:b", "SUMMARY:B", "DTSTART:20240230T100000", "END:VEVENT",  // 10-14
                                       "BEGIN:VEVENT", "UID:c", "SUMMARY:C", "DTSTART;VALUE=DATE:20240502T100000",
                                       "END:VEVENT",  // 15-19
                                       "BEGIN:VEVENT", "UID:d", "SUMMARY:D", "DTSTART:20240502T100000Z",
                                       "DTEND:20240502T250000Z", "END:VEVENT"}));  // 20-25
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "[feed.no_talks] line 5, column 1: none of the 4 events became a talk (each is reported); the schedule "
                "would be empty",
                "[ics.bad_time] line 8, column 1: DTSTART \"2024-05-02\" is not an iCalendar date (YYYYMMDD) or date-time "
                "(YYYYMMDDTHHMMSS); the event is skipped",
                "[ics.bad_time] line 13, column 1: DTSTART \"20240230T100000\" is not a valid date; the event is skipped",
                "[ics.bad_time] line 18, column 1: DTSTART \"20240502T100000\" has a time but is VALUE=DATE; the event is "
                "skipped",
                "[ics.bad_time] line 24, column 1: DTEND \"20240502T250000Z\" is not a valid time; the event is skipped",
            }));
  EXPECT_TRUE(r.feed->talks.empty());
}

TEST(IcalImport, GivesRecurrenceOverridesTheirOwnIds) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:series-1", "SUMMARY:First", "DTSTART:20240502T160000Z",
                                       "END:VEVENT", "BEGIN:VEVENT", "UID:series-1", "RECURRENCE-ID:20240509T160000Z",
                                       "SUMMARY:Moved", "DTSTART:20240510T160000Z", "END:VEVENT"}));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_EQ(r.feed->talks.size(), 2u);
  EXPECT_EQ(r.feed->talks[0].id, "series-1");
  EXPECT_EQ(r.feed->talks[1].id, "series-1-20240509T160000Z");
  EXPECT_EQ(r.feed->talks[1].uid, "series-1");  // an override of a series held elsewhere keeps its UID
  ASSERT_TRUE(r.feed->talks[1].recurrence_id);
  EXPECT_EQ(iso(*r.feed->talks[1].recurrence_id), "2024-05-09T16:00:00Z");
}

TEST(IcalImport, IgnoresAnAllDayEndThatIsNotAfterTheStart) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:d", "SUMMARY:D", "DTSTART;VALUE=DATE:20240502",
                                       "DTEND;VALUE=DATE:20240502", "END:VEVENT"}));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[ics.bad_end] line 9, column 1: DTEND \"20240502\" is not after DTSTART; ignored"}));
  EXPECT_TRUE(r.feed->talks[0].date_only);
  EXPECT_FALSE(r.feed->talks[0].end_day);
}

TEST(IcalImport, IgnoresAlarmsAndTimeZoneDefinitions) {
  auto r = parse_any_feed(with_events({"BEGIN:VTIMEZONE", "TZID:X", "BEGIN:STANDARD", "DTSTART:19701101T020000",
                                       "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD", "END:VTIMEZONE",
                                       "BEGIN:VEVENT", "UID:a", "SUMMARY:Talk", "DTSTART:20240502T160000Z", "BEGIN:VALARM",
                                       "ACTION:DISPLAY", "DESCRIPTION:Soon", "SUMMARY:Alarm", "TRIGGER:-PT10M", "END:VALARM",
                                       "END:VEVENT", "BEGIN:VTODO", "SUMMARY:Not an event", "END:VTODO"}));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_EQ(r.feed->talks.size(), 1u);
  EXPECT_EQ(r.feed->talks[0].title, "Talk");
  EXPECT_EQ(r.feed->talks[0].abstract, "");
}

TEST(IcalImport, RejectsTextThatIsNotACalendar) {
  auto r = parse_any_feed("BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n", feed_format::ical);
  EXPECT_FALSE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{"[ics.not_calendar] line 1, column 1: an iCalendar file begins with "
                                                   "BEGIN:VCALENDAR, not \"BEGIN:VCARD\""}));
  auto prose = parse_any_feed("Dear all, the colloquium moves to Thursday.\n", feed_format::ical);
  EXPECT_FALSE(prose.feed);
  EXPECT_EQ(messages(prose), (std::vector<std::string>{"[ics.not_calendar] line 1, column 1: an iCalendar file begins "
                                                       "with BEGIN:VCALENDAR, not \"Dear all, the colloquium moves to "
                                                       "Thursday.\""}));
  auto empty = parse_any_feed("\r\n", feed_format::ical);
  EXPECT_FALSE(empty.feed);
  EXPECT_EQ(messages(empty), (std::vector<std::string>{
                                 "[ics.not_calendar]: the file is empty; an iCalendar file begins with BEGIN:VCALENDAR"}));
}

TEST(IcalImport, ReportsACalendarCutShort) {
  auto r = parse_any_feed(calendar({"BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "SUMMARY:A", "DTSTART:20240502T160000Z",
                                    "END:VEVENT", "BEGIN:VEVENT", "UID:b", "SUMMARY:B"}));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[ics.unterminated] line 1, column 1: the calendar has no END:VCALENDAR (the file is cut short?)",
                             "[ics.unterminated] line 7, column 1: this VEVENT has no END:VEVENT (the file is cut short?); "
                             "it is skipped"}));
  ASSERT_EQ(r.feed->talks.size(), 1u);
}

TEST(IcalImport, SkipsLinesThatAreNotProperties) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:a", "SUMMARY:A", "this is not a property",
                                       "DTSTART:20240502T160000Z", "END:VEVENT", "END:VTODO"}));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "[ics.syntax] line 8, column 1: line \"this is not a property\" is not NAME:VALUE; ignored",
                "[ics.syntax] line 11, column 1: END:VTODO does not close BEGIN:VCALENDAR; ignored"}));
  EXPECT_EQ(r.feed->talks.size(), 1u);
}

TEST(IcalImport, RepairsBytesThatAreNotUtf8) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:a", "SUMMARY:K\xE4stner", "DTSTART:20240502T160000Z", "END:VEVENT"}));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{"[ics.bad_utf8] line 7, column 1: 1 byte that is not UTF-8 replaced by "
                                                   "U+FFFD (the first in the line that starts here)"}));
  EXPECT_EQ(r.feed->talks[0].title, "K\uFFFDstner");
}

// Located at line 1, column 1, as feed.too_large and frab.too_large are.
TEST(IcalImport, EnforcesTheSizeLimit) {
  feed_limits limits;
  limits.max_bytes = 20;
  auto r = parse_any_feed(read_fixture("seminar.ics"), feed_format::detect, limits);
  EXPECT_FALSE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "[ics.too_large] line 1, column 1: the calendar is 3369 bytes, more than the limit of 20"});
  EXPECT_EQ(r.diagnostics[0].level, severity::error);
}

// Reproducers tests/fuzz/regressions/fuzz_import_ical/end-in-another-zone-*.ics: an end
// in another zone than the start is written as an instant, and in UTC it could fall
// outside the years 1600 to 9999 that feed text holds; the parser then rejected the
// end the importer wrote ("invalid date \"1599-12-31T20:32:08Z\"") and skipped the
// talk. Such an end now carries the offset +23:59 or -23:59 that keeps it readable.
TEST(IcalImport, WritesAnEndInAnotherZoneThatTheParserReadsBack) {
  auto early = import_ical(calendar({"BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "SUMMARY:A",
                                     "DTSTART;TZID=Asia/Tokyo:16000101T000000", "DTEND;TZID=Asia/Seoul:16000101T050000",
                                     "END:VEVENT", "END:VCALENDAR"}));
  ASSERT_TRUE(early.feed_json);
  EXPECT_NE(early.feed_json->find("\"end\": \"1600-01-01T20:31:08+23:59\"\n"), std::string::npos) << *early.feed_json;
  auto parsed = parse_feed(*early.feed_json);
  ASSERT_TRUE(parsed.feed);
  EXPECT_EQ(messages(parsed), std::vector<std::string>{});
  ASSERT_EQ(parsed.feed->talks.size(), 1u);
  EXPECT_EQ(iso(parsed.feed->talks[0].start), "1599-12-31T14:41:01Z");
  ASSERT_TRUE(parsed.feed->talks[0].end);
  EXPECT_EQ(iso(*parsed.feed->talks[0].end), "1599-12-31T20:32:08Z");

  auto late = import_ical(calendar({"BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "SUMMARY:A",
                                    "DTSTART;TZID=America/New_York:99991231T200000",
                                    "DTEND;TZID=America/Chicago:99991231T220000", "END:VEVENT", "END:VCALENDAR"}));
  ASSERT_TRUE(late.feed_json);
  EXPECT_NE(late.feed_json->find("\"end\": \"9999-12-31T04:01:00-23:59\"\n"), std::string::npos) << *late.feed_json;
  // The importer writes it; the parser then skips the talk, which ends in year 10000
  // in UTC, where no calendar export could write it (issue 15), at its DTEND line.
  auto any = parse_any_feed(calendar({"BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "SUMMARY:A",
                                      "DTSTART;TZID=America/New_York:99991231T200000",
                                      "DTEND;TZID=America/Chicago:99991231T220000", "END:VEVENT", "END:VCALENDAR"}));
  ASSERT_TRUE(any.feed);
  EXPECT_EQ(messages(any), (std::vector<std::string>{"[feed.no_talks] line 2, column 1: none of the 1 talk could be loaded (each is reported); the schedule would be empty", "[talk.bad_end] line 6, column 1: the talk ends after 9999-12-30 (UTC), "
                                                    "later than calendars can hold (their years have four digits) (talk \"a\")"}));
  EXPECT_TRUE(any.feed->talks.empty());

  // Within the years, the end stays in UTC.
  auto plain = import_ical(with_events({"BEGIN:VEVENT", "UID:a", "SUMMARY:A", "DTSTART;TZID=America/New_York:20240502T090000",
                                        "DTEND;TZID=Europe/London:20240502T150000", "END:VEVENT"}));
  ASSERT_TRUE(plain.feed_json);
  EXPECT_NE(plain.feed_json->find("\"end\": \"2024-05-02T14:00:00Z\"\n"), std::string::npos) << *plain.feed_json;
}

// Reproducers tests/fuzz/regressions/fuzz_import_ical/origin-for-*.ics: origins are keyed
// by pointers into feed_json, so STATUS:CONFIRMED (which writes no status) and a
// CATEGORIES line without a tag record none; "/tags" is the first line with a tag.
TEST(IcalImport, RecordsOriginsOnlyForValuesItWrites) {
  auto r = import_ical(with_events({"BEGIN:VEVENT",              // 5
                                    "UID:a",                     // 6
                                    "SUMMARY:A",                 // 7
                                    "DTSTART:20240502T090000Z",  // 8
                                    "STATUS:CONFIRMED",          // 9
                                    "CATEGORIES:, ,",            // 10
                                    "CATEGORIES:x,y",            // 11
                                    "CATEGORIES:z",              // 12
                                    "END:VEVENT"}));
  ASSERT_TRUE(r.feed_json);
  EXPECT_EQ(r.origins.count("/talks/0/status"), 0u);
  EXPECT_EQ(r.origins.at("/talks/0/tags").line, 11);
  EXPECT_EQ(r.origins.at("/talks/0/tags/0").line, 11);
  EXPECT_EQ(r.origins.at("/talks/0/tags/1").line, 11);
  EXPECT_EQ(r.origins.at("/talks/0/tags/2").line, 12);
  EXPECT_EQ(r.origins.count("/talks/0/tags/3"), 0u);

  auto empty = import_ical(with_events({"BEGIN:VEVENT", "UID:a", "SUMMARY:A", "DTSTART:20240502T090000Z",
                                        "CATEGORIES:, ,", "STATUS:CANCELLED", "END:VEVENT"}));
  ASSERT_TRUE(empty.feed_json);
  EXPECT_EQ(empty.feed_json->find("\"tags\""), std::string::npos);
  EXPECT_EQ(empty.origins.count("/talks/0/tags"), 0u);
  EXPECT_EQ(empty.origins.at("/talks/0/status").line, 10);
}

// Reproducer tests/fuzz/regressions/fuzz_import_ical/150-lines-that-are-not-properties.ics:
// every problem was listed, so a calendar of a million bad lines gave the widget a
// million messages. As in the feed parser, 100 are listed and the rest counted.
TEST(IcalImport, ListsAHundredProblemsAndCountsTheRest) {
  std::vector<std::string> lines = {"BEGIN:VCALENDAR"};
  for (int i = 0; i < 150; ++i) lines.push_back("not a property");
  lines.push_back("END:VCALENDAR");
  auto r = import_ical(calendar(lines));
  ASSERT_TRUE(r.feed_json);
  ASSERT_EQ(r.diagnostics.size(), 101u);
  EXPECT_EQ(r.diagnostics[0].to_string(), "[ics.syntax] line 2, column 1: line \"not a property\" is not NAME:VALUE; ignored");
  EXPECT_EQ(r.diagnostics[99].to_string(), "[ics.syntax] line 101, column 1: line \"not a property\" is not NAME:VALUE; ignored");
  EXPECT_EQ(r.diagnostics[100].to_string(),
            "[ics.too_many_problems]: 50 more problems (0 of them errors) were found but are not listed");
  EXPECT_EQ(r.diagnostics[100].level, severity::warning);

  std::vector<std::string> events = {"BEGIN:VCALENDAR"};
  for (int i = 0; i < 120; ++i)
    for (const char* l : {"BEGIN:VEVENT", "UID:x", "SUMMARY:X", "DTSTART:2024", "END:VEVENT"}) events.push_back(l);
  events.push_back("END:VCALENDAR");
  auto bad = import_ical(calendar(events));
  ASSERT_EQ(bad.diagnostics.size(), 101u);
  EXPECT_EQ(bad.diagnostics[99].line, 2 + 99 * 5 + 3);
  EXPECT_EQ(bad.diagnostics[100].to_string(),
            "[ics.too_many_problems]: 20 more problems (20 of them errors) were found but are not listed");
  EXPECT_EQ(bad.diagnostics[100].level, severity::error);
}

}  // namespace
