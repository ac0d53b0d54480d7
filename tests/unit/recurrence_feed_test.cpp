// A talk's recurrence_id (docs/feed-format.md): read by the feed parser, part of what
// keeps calendar UIDs apart, and written by the .ics export as RECURRENCE-ID.
// Expected instants are the feed's own ("…Z") or Europe/Berlin's CET (+01:00) in March
// before the 29 March 2026 change.
#include <gtest/gtest.h>

#include "test_support.hpp"

#include "talktime/calendar.hpp"
#include "talktime/feed.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

const std::string occurrences = R"(
  {"id": "a", "uid": "series@example.org", "recurrence_id": "2026-03-05T15:00:00Z", "title": "One", "start": "2026-03-05T16:00"},
  {"id": "b", "uid": "series@example.org", "recurrence_id": "2026-03-12T16:00", "title": "Two", "start": "2026-03-13T10:00"},
  {"id": "c", "uid": "series@example.org", "recurrence_id": "2026-03-12T15:00:00Z", "title": "Copy", "start": "2026-03-14T10:00"},
  {"id": "d", "uid": "day@example.org", "recurrence_id": "2026-03-02", "title": "Day", "start": "2026-03-02"}
)";

TEST(RecurrenceId, OccurrencesShareTheirEventsUidAndKeepTheirRecurrenceId) {
  auto r = parse_feed(with_talks(occurrences));
  ASSERT_TRUE(r.feed);
  // c names the same occurrence as b (16:00 CET is 15:00Z): it cannot have the same UID too,
  // and gets the derived one (cbf29ce484222325 is FNV-1a 64's hash of "": the feed has no url or title).
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[talk.duplicate_uid] /talks/2/uid (line 4, column 22): this uid is already another talk's; the "
                             "talk gets \"c.cbf29ce484222325@talktime\" instead"}));
  const auto& f = *r.feed;
  EXPECT_EQ(f.talks[0].uid, "series@example.org");
  EXPECT_EQ(iso(*f.talks[0].recurrence_id), "2026-03-05T15:00:00Z");
  EXPECT_EQ(f.talks[1].uid, "series@example.org");
  EXPECT_EQ(iso(*f.talks[1].recurrence_id), "2026-03-12T15:00:00Z");  // read in the talk's zone
  EXPECT_FALSE(f.talks[2].recurrence_id);  // a derived UID names no occurrence
  EXPECT_EQ(iso(*f.talks[3].recurrence_id), "2026-03-02T00:00:00Z");
}

TEST(RecurrenceId, TheExportWritesItAsDtstartIsWritten) {
  auto r = parse_feed(with_talks(occurrences));
  ASSERT_TRUE(r.feed);
  auto ics = to_ics(*r.feed, utc("2026-01-01T00:00:00Z"));
  EXPECT_NE(ics.find("UID:series@example.org\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:20260305T150000Z\r\n"
                     "DTSTART:20260305T150000Z\r\n"),
            std::string::npos);
  EXPECT_NE(ics.find("RECURRENCE-ID:20260312T150000Z\r\nDTSTART:20260313T090000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("UID:day@example.org\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID;VALUE=DATE:20260302\r\n"),
            std::string::npos);
  EXPECT_EQ(ics.find("RECURRENCE-ID:20260312T150000Z", ics.find("SUMMARY:Copy") - 200), ics.find("RECURRENCE-ID:20260312T150000Z"));
}

TEST(RecurrenceId, ABadOneIsAWarningAndIgnored) {
  auto r = parse_feed(with_talks(R"(
    {"id": "a", "recurrence_id": "soon", "title": "T", "start": "2026-03-05T16:00"},
    {"id": "b", "recurrence_id": "2026-03-05", "title": "T", "start": "2026-03-05T16:00"}
  )"));
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 2u);
  EXPECT_FALSE(r.feed->talks[0].recurrence_id);
  EXPECT_FALSE(r.feed->talks[1].recurrence_id);
  auto m = messages(r);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1], "[talk.bad_recurrence_id] /talks/1/recurrence_id (line 3, column 34): \"recurrence_id\" should have a time, as \"start\" has; ignored");
}

}  // namespace
