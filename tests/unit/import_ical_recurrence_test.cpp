// Recurring events in the iCalendar import (include/talktime/importers.hpp): one talk
// per occurrence in the window, the caps and the budget of steps. Expected dates are
// counted by hand from the rules (weekly from 2024-05-02; daily from 2025-01-01, the
// window's start 365 days before 2026-01-01: the 100th day is 2025-04-10).
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>
#include <vector>

#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

// A calendar around some event lines, CRLF-joined; the first event line is line 5.
std::string with_events(const std::vector<std::string>& events) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\nX-WR-TIMEZONE:America/New_York\r\n";
  for (const auto& l : events) out += l + "\r\n";
  return out + "END:VCALENDAR\r\n";
}

// Without `now` the window is the series' first three years: COUNT=10 gives ten talks,
// weekly from 2024-05-02 16:00Z, each keeping the UID with its RECURRENCE-ID.
TEST(IcalRecurrenceImport, ExpandsARecurringEventIntoOneTalkPerOccurrence) {
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:weekly", "SUMMARY:Reading group", "DTSTART:20240502T160000Z",
                                       "RRULE:FREQ=WEEKLY;COUNT=10", "END:VEVENT"}));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_EQ(r.feed->talks.size(), 10u);
  EXPECT_EQ(iso(r.feed->talks[0].start), "2024-05-02T16:00:00Z");
  EXPECT_EQ(iso(r.feed->talks[9].start), "2024-07-04T16:00:00Z");
  EXPECT_EQ(r.feed->talks[9].id, "weekly-20240704T160000Z");
  EXPECT_EQ(r.feed->talks[9].uid, "weekly");
  ASSERT_TRUE(r.feed->talks[9].recurrence_id);
  EXPECT_EQ(iso(*r.feed->talks[9].recurrence_id), "2024-07-04T16:00:00Z");
}

// COUNT=1000000000 and a rule without end stop at the window and the caps, with a warning.
TEST(IcalRecurrenceImport, BoundsRulesWithoutAnEnd) {
  import_options options;
  options.now = sys_seconds{date::sys_days{date::year{2026} / 1 / 1}.time_since_epoch()};
  options.max_occurrences_per_event = 100;
  options.max_occurrences = 150;
  auto r = parse_any_feed(with_events({"BEGIN:VEVENT", "UID:a", "SUMMARY:Daily", "DTSTART:20200101T090000Z",
                                       "RRULE:FREQ=DAILY;COUNT=1000000000", "END:VEVENT", "BEGIN:VEVENT", "UID:b",
                                       "SUMMARY:Forever", "DTSTART:20250101T090000Z", "RRULE:FREQ=DAILY", "END:VEVENT"}),
                          feed_format::detect, {}, options);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "[ics.too_many_occurrences] line 9, column 1: \"Daily\" has more than 100 occurrences in the import "
                "window (the cap for one event); only the first 100 are imported",
                "[ics.too_many_occurrences] line 15, column 1: \"Forever\" has more than 50 occurrences in the import "
                "window (what is left of the cap of 150 for the calendar); only the first 50 are imported"}));
  ASSERT_EQ(r.feed->talks.size(), 150u);
  // The window begins 365 days before now: 2025-01-01T00:00Z.
  EXPECT_EQ(iso(r.feed->talks[0].start), "2025-01-01T09:00:00Z");
  EXPECT_EQ(iso(r.feed->talks[99].start), "2025-04-10T09:00:00Z");
}

// Many rules that count from 1600 share one budget of steps: the import stays fast
// (2,000,000 daily steps is about 13 events' worth of 155,000 days each) and says so.
TEST(IcalRecurrenceImport, SharesOneBudgetOfStepsAmongAllRules) {
  std::vector<std::string> lines;
  for (int i = 0; i < 40; ++i)
    for (auto line : {"BEGIN:VEVENT", "SUMMARY:Old", "DTSTART:16000101T090000Z", "RRULE:FREQ=DAILY;COUNT=1000000000", "END:VEVENT"})
      lines.push_back(line);
  import_options options;
  options.now = sys_seconds{date::sys_days{date::year{2026} / 1 / 1}.time_since_epoch()};
  options.max_occurrences = 1000000;
  auto r = parse_any_feed(with_events(lines), feed_format::detect, {}, options);
  ASSERT_TRUE(r.feed);
  std::size_t out_of_budget = 0;
  for (const auto& m : messages(r))
    if (m.find("the calendar's rules need more than 2000000 steps to reach the import window") != std::string::npos) ++out_of_budget;
  EXPECT_GE(out_of_budget, 20u);
  EXPECT_LE(r.feed->talks.size(), 20u * 1000u);
}

}  // namespace
