// SEQUENCE from the calendar published before (include/talktime/ics_sequence.hpp),
// and the subscription properties of to_ics (include/talktime/calendar.hpp).
// Calendars here are written by hand, in the shapes to_ics and other writers use.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "talktime/calendar.hpp"
#include "talktime/feed.hpp"
#include "talktime/ics_sequence.hpp"

using namespace talktime;

namespace {

// Times: the previous calendar was published at NEW_YEAR, the new one at FEBRUARY.
constexpr const char* NEW_YEAR = "20250101T000000Z";
constexpr const char* FEBRUARY = "20250201T000000Z";

std::string calendar(const std::string& events) {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + events + "END:VCALENDAR\r\n";
}

// An event as to_ics writes it, published at `stamp`.
std::string event(const std::string& uid, const std::string& start, const std::string& extra = "",
                  const std::string& stamp = FEBRUARY) {
  return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:" + stamp + "\r\nDTSTART:" + start + "\r\n" + extra +
         "SUMMARY:Talk\r\nEND:VEVENT\r\n";
}

// The same with SEQUENCE and LAST-MODIFIED (none when "") after DTSTAMP.
std::string sequenced(const std::string& uid, const std::string& start, int sequence, const std::string& modified,
                      const std::string& extra = "", const std::string& stamp = FEBRUARY) {
  return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:" + stamp + "\r\nSEQUENCE:" + std::to_string(sequence) + "\r\n" +
         (modified.empty() ? "" : "LAST-MODIFIED:" + modified + "\r\n") + "DTSTART:" + start + "\r\n" + extra +
         "SUMMARY:Talk\r\nEND:VEVENT\r\n";
}

// An event of the previous calendar, published at NEW_YEAR.
std::string published(const std::string& uid, const std::string& start, int sequence, const std::string& extra = "") {
  return sequenced(uid, start, sequence, NEW_YEAR, extra, NEW_YEAR);
}

}  // namespace

TEST(IcsSequence, WithoutAPreviousCalendarEveryEventIsZeroAndModifiedNow) {
  auto result = sequence_events(calendar(event("a", "20250304T151500Z") + event("b", "20250311T151500Z")), "");
  EXPECT_EQ(result.text, calendar(sequenced("a", "20250304T151500Z", 0, FEBRUARY) +
                                  sequenced("b", "20250311T151500Z", 0, FEBRUARY)));
  EXPECT_TRUE(result.diagnostics.empty());
}

TEST(IcsSequence, OnlyTheChangedEventGoesUpFromItsPreviousNumber) {
  auto previous = calendar(published("a", "20250304T151500Z", 3) + published("b", "20250311T151500Z", 7));
  auto result = sequence_events(calendar(event("a", "20250304T161500Z") + event("b", "20250311T151500Z")), previous);
  EXPECT_EQ(result.text, calendar(sequenced("a", "20250304T161500Z", 4, FEBRUARY) +
                                  sequenced("b", "20250311T151500Z", 7, NEW_YEAR)));
}

TEST(IcsSequence, FoldingLineEndsPropertyOrderAndBookkeepingAreNoChange) {
  // Another writer's copy of the same event: LF endings, folded SUMMARY, another order.
  std::string previous = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Ta\n lk\nUID:a\nSEQUENCE:2\n"
                         "LAST-MODIFIED:20240101T000000Z\nDTSTART:20250304T151500Z\nDTSTAMP:20200101T000000Z\n"
                         "END:VEVENT\nEND:VCALENDAR\n";
  auto result = sequence_events(calendar(event("a", "20250304T151500Z")), previous);
  EXPECT_EQ(result.text, calendar(sequenced("a", "20250304T151500Z", 2, "20240101T000000Z")));
}

TEST(IcsSequence, AnUnchangedEventThatHadNoLastModifiedGetsNone) {
  std::string previous = calendar(event("a", "20250304T151500Z", "", NEW_YEAR));  // an older talktime's calendar
  auto result = sequence_events(calendar(event("a", "20250304T151500Z")), previous);
  EXPECT_EQ(result.text, calendar(sequenced("a", "20250304T151500Z", 0, "")));
}

TEST(IcsSequence, AnOccurrenceIsMatchedByUidAndRecurrenceId) {
  std::string moved = "RECURRENCE-ID:20250311T151500Z\r\n";
  auto previous = calendar(published("s", "20250304T151500Z", 0) + published("s", "20250311T151500Z", 0, moved));
  auto result = sequence_events(calendar(event("s", "20250304T151500Z") + event("s", "20250311T161500Z", moved)), previous);
  EXPECT_EQ(result.text, calendar(sequenced("s", "20250304T151500Z", 0, NEW_YEAR) +
                                  sequenced("s", "20250311T161500Z", 1, FEBRUARY, moved)));
}

TEST(IcsSequence, AnEventLeftOutIsReportedWhereThePreviousCalendarHasIt) {
  auto previous = calendar(published("a", "20250304T151500Z", 0) + published("gone@x", "20250311T151500Z", 0));
  auto result = sequence_events(calendar(event("a", "20250304T151500Z")), previous);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].level, severity::warning);
  EXPECT_EQ(result.diagnostics[0].code, "ics.event_dropped");
  EXPECT_EQ(result.diagnostics[0].line, 11);  // its BEGIN:VEVENT, after 2 calendar lines and 8 of the first event
}

TEST(IcsSequence, APreviousFileThatIsNoCalendarIsAnError) {
  auto result = sequence_events(calendar(event("a", "20250304T151500Z")), "<html>Not found</html>");
  EXPECT_EQ(result.text, calendar(sequenced("a", "20250304T151500Z", 0, FEBRUARY)));
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].code, "ics.previous_not_calendar");
}

TEST(IcsDuration, UsesTheLargestWholeUnit) {
  using std::chrono::minutes;
  EXPECT_EQ(ics_duration(minutes{12 * 60}), "PT12H");
  EXPECT_EQ(ics_duration(minutes{90}), "PT90M");
  EXPECT_EQ(ics_duration(minutes{2 * 24 * 60}), "P2D");
}

// The calendar-wide lines a subscribed app reads, from a feed with a title, a description
// and a zone; without refresh_interval (the widget's download) no refresh lines.
TEST(IcsSubscription, NameZoneAndRefreshInterval) {
  auto parsed = parse_feed(R"({"talktime":1,"title":"Seminar; weekly","description":"Tea, then talks",
    "timezone":"Asia/Kolkata","talks":[]})");
  ASSERT_TRUE(parsed.feed);
  auto now = sys_seconds{std::chrono::seconds{1735689600}};  // 2025-01-01T00:00:00Z
  ics_options options;
  options.product_id = "-//test//EN";
  std::string head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
                     "NAME:Seminar\\; weekly\r\nX-WR-CALNAME:Seminar\\; weekly\r\n"
                     "DESCRIPTION:Tea\\, then talks\r\nX-WR-CALDESC:Tea\\, then talks\r\nX-WR-TIMEZONE:Asia/Kolkata\r\n";
  EXPECT_EQ(to_ics(*parsed.feed, now, options), head + "END:VCALENDAR\r\n");
  options.refresh_interval = std::chrono::minutes{6 * 60};
  EXPECT_EQ(to_ics(*parsed.feed, now, options),
            head + "REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\nX-PUBLISHED-TTL:PT6H\r\nEND:VCALENDAR\r\n");
}
