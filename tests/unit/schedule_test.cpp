// The query engine: search, filters, upcoming/live/past, ordering and days.
//
// Expected instants from Python's zoneinfo (fold=0 = talktime's rule):
//
//   from datetime import datetime, timezone
//   from zoneinfo import ZoneInfo
//   utc = lambda local, zone: datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)
//   loc = lambda u, zone: datetime.fromisoformat(u).astimezone(ZoneInfo(zone))
//
//   utc("2024-05-02T22:30", "America/Los_Angeles") -> 2024-05-03 05:30Z
//   loc("2024-05-03T05:30+00:00", "Asia/Kolkata")     -> 2024-05-03 11:00+05:30 (next day)
//   loc("2024-05-03T05:30+00:00", "Pacific/Pago_Pago") -> 2024-05-02 18:30-11:00
//   utc("2024-05-04T00:00", "America/Los_Angeles") -> 2024-05-04 07:00Z (date-only talk begins)
//   utc("2024-05-05T00:00", "America/Los_Angeles") -> 2024-05-05 07:00Z (... and is over)
//   utc("2018-11-04T00:00", "America/Sao_Paulo")   -> 2018-11-04 03:00Z (midnight in a DST gap)
//   utc("2018-11-05T00:00", "America/Sao_Paulo")   -> 2018-11-05 02:00Z
//   loc("2024-04-15T15:00+00:00", "Pacific/Kiritimati") -> 2024-04-16 05:00+14:00
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "talktime/schedule.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;
using namespace std::chrono_literals;

const time_zone& zone(const char* name) { return *locate_zone(name); }


// One day of a workshop (in UTC for easy reading) plus some earlier talks.
const char* const workshop = R"({
  "talktime": 1,
  "timezone": "America/Los_Angeles",
  "series": [{"id": "fm", "title": "Foundation Models Limited Series"}],
  "talks": [
    {"id": "opening", "title": "Opening Remarks", "kind": "opening", "series": "fm",
     "start": "2024-05-02T16:00Z", "end": "2024-05-02T16:10Z",
     "speakers": [{"name": "Parijat Dube", "affiliation": "IBM"}]},
    {"id": "kaestner", "title": "Toward a system-wide perspective", "kind": "invited",
     "start": "2024-05-02T16:10Z", "end": "2024-05-02T16:45Z",
     "speakers": [{"name": "Christian Kästner", "affiliation": "Carnegie Mellon University"}],
     "tags": ["ML Systems", "performance"]},
    {"id": "coffee", "title": "Coffee Break", "kind": "break", "start": "2024-05-02T16:45Z", "end": "2024-05-02T17:00Z"},
    {"id": "dao", "title": "FlashAttention: Fast and Memory-Efficient Exact Attention", "kind": "keynote",
     "series": "fm", "start": "2024-05-02T17:00Z", "duration": 50, "location": "Gates 104",
     "speakers": [{"name": "Tri Dao", "affiliation": "Stanford"}], "tags": ["attention", "GPUs"]},
    {"id": "late", "title": "Late Night Systems", "start": "2024-05-02T22:30",
     "abstract": "A dataloader deep dive."},
    {"id": "hack", "title": "Hackathon", "kind": "social", "start": "2024-05-04", "tags": ["hands-on"]},
    {"id": "past1", "title": "Past Talk April", "start": "2024-04-01T17:00Z"},
    {"id": "past2", "title": "Past Talk Mid April", "start": "2024-04-15T17:00Z", "end": "2024-04-15T18:00Z"},
    {"id": "past3", "title": "Earlier on April 15", "start": "2024-04-15T15:00Z", "end": "2024-04-15T16:00Z"},
    {"id": "noend", "title": "Open Discussion", "kind": "panel", "start": "2024-05-02T18:00Z"}
  ]
})";

// 2024-05-02T16:20Z: Kästner's talk is on; the opening is over.
const sys_seconds now = utc("2024-05-02T16:20:00Z");

std::vector<std::string> ids(const schedule& s, const query_result& r) {
  std::vector<std::string> out;
  for (auto i : r.talks) out.push_back(s.feed().talks.at(i).id);
  return out;
}

std::vector<std::string> search(const schedule& s, const std::string& text) {
  query q;
  q.text = text;
  return ids(s, s.find(q, now, zone("UTC")));
}

TEST(Schedule, ListsUpcomingSoonestFirstThenPastMostRecentDayFirst) {
  auto s = load_schedule(workshop);
  auto r = s.find({}, now, zone("UTC"));
  EXPECT_EQ(ids(s, r), (std::vector<std::string>{"kaestner", "coffee", "dao", "noend", "late", "hack",  // upcoming/live
                                                 "opening", "past3", "past2", "past1"}));               // past
  EXPECT_EQ(r.talk_count, 9u);  // the coffee break is not a talk
}

TEST(Schedule, ShowsUpcomingPastOrAll) {
  auto s = load_schedule(workshop);
  query q;
  q.show = show_filter::upcoming;
  EXPECT_EQ(ids(s, s.find(q, now, zone("UTC"))),
            (std::vector<std::string>{"kaestner", "coffee", "dao", "noend", "late", "hack"}));
  q.show = show_filter::past;
  EXPECT_EQ(ids(s, s.find(q, now, zone("UTC"))), (std::vector<std::string>{"opening", "past3", "past2", "past1"}));
  q.show = show_filter::all;
  EXPECT_EQ(s.find(q, now, zone("UTC")).talks.size(), 10u);
}

TEST(Schedule, EverythingIsUpcomingBeforeAndPastAfter) {
  auto s = load_schedule(workshop);
  query q;
  q.show = show_filter::past;
  EXPECT_TRUE(s.find(q, utc("2024-01-01T00:00:00Z"), zone("UTC")).talks.empty());
  q.show = show_filter::upcoming;
  EXPECT_TRUE(s.find(q, utc("2025-01-01T00:00:00Z"), zone("UTC")).talks.empty());
  // Long after: everything is past, most recent day first; the date-only Hackathon (4 May) leads.
  auto all = s.find({}, utc("2025-01-01T00:00:00Z"), zone("UTC"));
  EXPECT_EQ(ids(s, all), (std::vector<std::string>{"hack", "late", "opening", "kaestner", "coffee", "dao", "noend",
                                                   "past3", "past2", "past1"}));
}

TEST(Schedule, PhaseFollowsStartAndEnd) {
  auto s = load_schedule(workshop);
  const auto& t = s.feed().talks[1];  // kaestner, 16:10-16:45Z
  ASSERT_EQ(t.id, "kaestner");
  EXPECT_EQ(s.phase(t, utc("2024-05-02T16:09:59Z")), talk_phase::upcoming);
  EXPECT_EQ(s.phase(t, utc("2024-05-02T16:10:00Z")), talk_phase::live);
  EXPECT_EQ(s.phase(t, utc("2024-05-02T16:44:59Z")), talk_phase::live);
  EXPECT_EQ(s.phase(t, utc("2024-05-02T16:45:00Z")), talk_phase::past);
  EXPECT_EQ(s.begins(t), utc("2024-05-02T16:10:00Z"));
  EXPECT_EQ(s.ends(t), utc("2024-05-02T16:45:00Z"));
}

TEST(Schedule, TalkWithoutEndIsTakenToLastAnHour) {
  auto s = load_schedule(workshop);
  const auto& t = s.feed().talks[9];  // noend, 18:00Z
  ASSERT_EQ(t.id, "noend");
  EXPECT_EQ(assumed_talk_length, 60min);
  EXPECT_EQ(s.ends(t), utc("2024-05-02T19:00:00Z"));
  EXPECT_EQ(s.phase(t, utc("2024-05-02T17:59:59Z")), talk_phase::upcoming);
  EXPECT_EQ(s.phase(t, utc("2024-05-02T18:59:59Z")), talk_phase::live);
  EXPECT_EQ(s.phase(t, utc("2024-05-02T19:00:00Z")), talk_phase::past);
  query q;
  q.show = show_filter::upcoming;
  auto shown = ids(s, s.find(q, utc("2024-05-02T18:59:59Z"), zone("UTC")));
  EXPECT_NE(std::find(shown.begin(), shown.end(), "noend"), shown.end());
  shown = ids(s, s.find(q, utc("2024-05-02T19:00:00Z"), zone("UTC")));
  EXPECT_EQ(std::find(shown.begin(), shown.end(), "noend"), shown.end());
}

TEST(Schedule, ZeroLengthTalkIsLiveForItsStartSecond) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "z", "title": "Z", "start": "2024-05-02T10:00Z", "duration": 0}]})");
  const auto& t = s.feed().talks[0];
  EXPECT_EQ(s.phase(t, utc("2024-05-02T09:59:59Z")), talk_phase::upcoming);
  EXPECT_EQ(s.phase(t, utc("2024-05-02T10:00:00Z")), talk_phase::live);
  EXPECT_EQ(s.phase(t, utc("2024-05-02T10:00:01Z")), talk_phase::past);
}

TEST(Schedule, DateOnlyTalkLastsUntilItsDayIsOverInItsZone) {
  auto s = load_schedule(workshop);
  const auto& t = s.feed().talks[5];  // hack, 2024-05-04 in America/Los_Angeles
  ASSERT_EQ(t.id, "hack");
  EXPECT_EQ(s.begins(t), utc("2024-05-04T07:00:00Z"));
  EXPECT_EQ(s.ends(t), utc("2024-05-05T07:00:00Z"));
  EXPECT_EQ(s.phase(t, utc("2024-05-04T06:59:59Z")), talk_phase::upcoming);
  EXPECT_EQ(s.phase(t, utc("2024-05-04T07:00:00Z")), talk_phase::live);
  // Already 5 May in UTC, still 4 May in Los Angeles.
  EXPECT_EQ(s.phase(t, utc("2024-05-05T06:59:59Z")), talk_phase::live);
  EXPECT_EQ(s.phase(t, utc("2024-05-05T07:00:00Z")), talk_phase::past);
}

TEST(Schedule, MultiDayDateOnlyTalkEndsAfterItsLastDay) {
  auto s = load_schedule(R"({"talktime": 1, "timezone": "America/Los_Angeles", "talks": [
      {"id": "r", "title": "Retreat", "start": "2024-05-04", "end": "2024-05-05"},
      {"id": "d", "title": "Days", "start": "2024-05-04", "duration": "P2D"}]})");
  for (const auto& t : s.feed().talks) {
    EXPECT_EQ(s.begins(t), utc("2024-05-04T07:00:00Z")) << t.id;
    EXPECT_EQ(s.ends(t), utc("2024-05-06T07:00:00Z")) << t.id;
  }
}

TEST(Schedule, DateOnlyTalkWithoutAnyZoneUsesUtcDays) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "h", "title": "Hackathon", "start": "2024-05-04"}]})");
  const auto& t = s.feed().talks[0];
  EXPECT_EQ(s.begins(t), utc("2024-05-04T00:00:00Z"));
  EXPECT_EQ(s.ends(t), utc("2024-05-05T00:00:00Z"));
}

TEST(Schedule, DateOnlyDayStartsWhenItsMidnightIsSkipped) {
  // Sao Paulo sprang forward at midnight on 2018-11-04: that day began at 01:00 -02 (03:00Z).
  auto s = load_schedule(R"({"talktime": 1, "timezone": "America/Sao_Paulo",
                    "talks": [{"id": "d", "title": "Day", "start": "2018-11-04"}]})");
  const auto& t = s.feed().talks[0];
  EXPECT_EQ(s.begins(t), utc("2018-11-04T03:00:00Z"));
  EXPECT_EQ(s.ends(t), utc("2018-11-05T02:00:00Z"));
}

TEST(Schedule, SearchIgnoresCaseAndDiacritics) {
  auto s = load_schedule(workshop);
  EXPECT_EQ(search(s, "kastner"), std::vector<std::string>{"kaestner"});
  EXPECT_EQ(search(s, "Kästner"), std::vector<std::string>{"kaestner"});
  EXPECT_EQ(search(s, "KÄSTNER"), std::vector<std::string>{"kaestner"});
  EXPECT_EQ(search(s, "  CHRISTIAN   kast "), std::vector<std::string>{"kaestner"});
}

TEST(Schedule, SearchCoversEveryTextField) {
  auto s = load_schedule(workshop);
  EXPECT_EQ(search(s, "flashattention"), std::vector<std::string>{"dao"});                        // title
  EXPECT_EQ(search(s, "tri dao"), std::vector<std::string>{"dao"});                               // speaker
  EXPECT_EQ(search(s, "carnegie"), std::vector<std::string>{"kaestner"});                         // affiliation
  EXPECT_EQ(search(s, "dataloader"), std::vector<std::string>{"late"});                           // abstract
  EXPECT_EQ(search(s, "gpus"), std::vector<std::string>{"dao"});                                  // tag
  EXPECT_EQ(search(s, "ml systems"), std::vector<std::string>{"kaestner"});                       // tag words
  EXPECT_EQ(search(s, "foundation models"), (std::vector<std::string>{"dao", "opening"}));        // series title
  EXPECT_EQ(search(s, "gates"), std::vector<std::string>{"dao"});                                 // location
}

TEST(Schedule, SearchNeedsEveryWord) {
  auto s = load_schedule(workshop);
  EXPECT_EQ(search(s, "flash memory"), std::vector<std::string>{"dao"});
  EXPECT_EQ(search(s, "flash, attention"), std::vector<std::string>{"dao"});
  EXPECT_TRUE(search(s, "flash kastner").empty());
  EXPECT_TRUE(search(s, "quantum").empty());
  query q;
  q.text = "quantum";
  EXPECT_EQ(s.find(q, now, zone("UTC")).talk_count, 0u);
}

// All talks' text is searched as one folded corpus: a word must still lie within
// one field of one talk, and every talk holding it is found once, even when a
// talk holds it many times or the next talk's text starts with it.
TEST(Schedule, SearchMatchesWithinOneFieldOfOneTalk) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "a", "title": "Big data", "start": "2024-05-02T10:00Z", "abstract": "data data DATA"},
    {"id": "b", "title": "Base camp", "start": "2024-05-02T11:00Z", "tags": ["data"]},
    {"id": "c", "title": "Database internals", "start": "2024-05-02T12:00Z"},
    {"id": "d", "title": "Last talk", "start": "2024-05-02T13:00Z", "location": "Room Data"}]})");
  EXPECT_EQ(search(s, "data"), (std::vector<std::string>{"a", "b", "c", "d"}));  // one past day: running order
  EXPECT_EQ(search(s, "database"), std::vector<std::string>{"c"});
  EXPECT_TRUE(search(s, "atabase camp big").empty());
  EXPECT_EQ(search(s, "data base"), (std::vector<std::string>{"b", "c"}));  // b: "Base" and tag "data"
  EXPECT_TRUE(search(s, "camp database").empty());   // no talk has both
  EXPECT_TRUE(search(s, "datab camp").empty());
  EXPECT_TRUE(search(s, "talkroom").empty());        // "Last talk" and "Room Data" are two fields
  EXPECT_EQ(search(s, "room data"), std::vector<std::string>{"d"});
}

TEST(Schedule, SearchFindsNamesBeyondLatin1) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
      {"id": "a", "title": "A", "start": "2024-05-02T10:00Z", "speakers": [{"name": "Nguyễn Văn An"}]},
      {"id": "b", "title": "B", "start": "2024-05-02T11:00Z", "speakers": [{"name": "Ștefan Dumitrescu"}]}]})");
  EXPECT_EQ(search(s, "nguyen"), std::vector<std::string>{"a"});
  EXPECT_EQ(search(s, "stefan"), std::vector<std::string>{"b"});
  EXPECT_EQ(search(s, "ștefan"), std::vector<std::string>{"b"});
}

TEST(Schedule, FiltersBySeriesKindTagAndSpeaker) {
  auto s = load_schedule(workshop);
  auto run = [&](query q) { return ids(s, s.find(q, now, zone("UTC"))); };
  query q;
  q.series = "fm";
  EXPECT_EQ(run(q), (std::vector<std::string>{"dao", "opening"}));
  q = {};
  q.kind = "keynote";
  EXPECT_EQ(run(q), std::vector<std::string>{"dao"});
  q.kind = "break";
  EXPECT_EQ(run(q), std::vector<std::string>{"coffee"});
  EXPECT_EQ(s.find(q, now, zone("UTC")).talk_count, 0u);
  q = {};
  q.tag = "gpus";  // exact tag, case ignored
  EXPECT_EQ(run(q), std::vector<std::string>{"dao"});
  q.tag = "GPU";
  EXPECT_TRUE(run(q).empty());
  q.tag = "ml systems";
  EXPECT_EQ(run(q), std::vector<std::string>{"kaestner"});
  q = {};
  q.speaker = "kast";
  EXPECT_EQ(run(q), std::vector<std::string>{"kaestner"});
  q.speaker = "Tri";
  EXPECT_EQ(run(q), std::vector<std::string>{"dao"});
  q.speaker = "ibm";  // affiliations are not names
  EXPECT_TRUE(run(q).empty());
  q = {};
  q.series = "fm";
  q.kind = "opening";
  q.show = show_filter::past;
  EXPECT_EQ(run(q), std::vector<std::string>{"opening"});
}

TEST(Schedule, FiltersByDaysInTheDisplayZone) {
  auto s = load_schedule(workshop);
  query q;
  q.from = q.to = day(2024, 5, 3);
  // 22:30 Los Angeles on 2 May is 05:30Z on 3 May and 11:00 IST on 3 May.
  EXPECT_EQ(ids(s, s.find(q, now, zone("UTC"))), std::vector<std::string>{"late"});
  EXPECT_EQ(ids(s, s.find(q, now, zone("Asia/Kolkata"))), std::vector<std::string>{"late"});
  EXPECT_TRUE(s.find(q, now, zone("America/Los_Angeles")).talks.empty());
  q.from = q.to = day(2024, 5, 2);
  EXPECT_EQ(ids(s, s.find(q, now, zone("America/Los_Angeles"))),
            (std::vector<std::string>{"kaestner", "coffee", "dao", "noend", "late", "opening"}));
  // The date-only Hackathon is on 4 May wherever it is viewed from.
  q.from = q.to = day(2024, 5, 4);
  for (const char* z : {"Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"})
    EXPECT_EQ(ids(s, s.find(q, now, zone(z))), std::vector<std::string>{"hack"}) << z;
  // Open-ended ranges.
  query from_only;
  from_only.from = day(2024, 5, 3);
  EXPECT_EQ(ids(s, s.find(from_only, now, zone("UTC"))), (std::vector<std::string>{"late", "hack"}));
  query to_only;
  to_only.to = day(2024, 4, 30);
  EXPECT_EQ(ids(s, s.find(to_only, now, zone("UTC"))), (std::vector<std::string>{"past3", "past2", "past1"}));
}

TEST(Schedule, GroupsByDayInTheDisplayZone) {
  auto s = load_schedule(workshop);
  const auto& late = s.feed().talks[4];
  ASSERT_EQ(late.id, "late");
  EXPECT_EQ(day_in_zone(late, zone("America/Los_Angeles")), day(2024, 5, 2));
  EXPECT_EQ(day_in_zone(late, zone("Asia/Kolkata")), day(2024, 5, 3));
  EXPECT_EQ(day_in_zone(late, zone("Pacific/Pago_Pago")), day(2024, 5, 2));
  const auto& hack = s.feed().talks[5];
  EXPECT_EQ(day_in_zone(hack, zone("Pacific/Kiritimati")), day(2024, 5, 4));
  EXPECT_EQ(day_in_zone(hack, zone("Pacific/Pago_Pago")), day(2024, 5, 4));
}

TEST(Schedule, PastTalksKeepRunningOrderWithinADay) {
  auto s = load_schedule(workshop);
  query q;
  q.show = show_filter::past;
  // In Kiritimati both 15 April talks fall on 16 April; the order within the day is by start.
  EXPECT_EQ(ids(s, s.find(q, now, zone("Pacific/Kiritimati"))),
            (std::vector<std::string>{"opening", "past3", "past2", "past1"}));
}

TEST(Schedule, TiesKeepFeedOrder) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
      {"id": "b", "title": "B", "start": "2024-05-02T10:00Z"},
      {"id": "a", "title": "A", "start": "2024-05-02T10:00Z"},
      {"id": "c", "title": "C", "start": "2024-05-02T09:00Z"}]})");
  EXPECT_EQ(ids(s, s.find({}, utc("2024-05-01T00:00:00Z"), zone("UTC"))), (std::vector<std::string>{"c", "b", "a"}));
  EXPECT_EQ(ids(s, s.find({}, utc("2024-06-01T00:00:00Z"), zone("UTC"))), (std::vector<std::string>{"c", "b", "a"}));
}

TEST(Schedule, CountsEverythingButBreaks) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
      {"title": "Lunch", "kind": "break", "start": "2024-05-02T12:00Z"},
      {"title": "Coffee", "kind": "break", "start": "2024-05-02T15:00Z"},
      {"title": "Reception", "kind": "social", "start": "2024-05-02T18:00Z"},
      {"title": "Posters", "kind": "poster", "start": "2024-05-02T16:00Z"}]})");
  auto r = s.find({}, utc("2024-05-01T00:00:00Z"), zone("UTC"));
  EXPECT_EQ(r.talks.size(), 4u);
  EXPECT_EQ(r.talk_count, 2u);
}

// Days before 1970 are negative counts of seconds: they must be floored, not
// truncated towards zero (which puts an evening talk on the next day).
//
//   u = datetime(1969, 7, 20, 20, 17, 40, tzinfo=timezone.utc)     # -14182940 s
//   u.astimezone(ZoneInfo("America/New_York")) -> 1969-07-20T16:17:40-04:00
//   u.astimezone(ZoneInfo("Asia/Tokyo"))       -> 1969-07-21T05:17:40+09:00
//   -14182940 / 86400 = -164.15: floor -165 = 1969-07-20, truncation -164 = 1969-07-21
//   (Tokyo: -14150540 / 86400 = -163.78: floor -164 = 1969-07-21, truncation 1969-07-22)
const char* const apollo = R"({"talktime": 1, "talks": [
    {"title": "Apollo 11 landing", "start": "1969-07-20T20:17:40Z", "duration": 1},
    {"id": "eve", "title": "New Year's Eve", "start": "1969-12-31T23:59:59Z"}]})";

TEST(Schedule, DaysBefore1970AreFloored) {
  auto s = load_schedule(apollo);
  const auto& landing = s.feed().talks[0];
  EXPECT_EQ(day_in_zone(landing, zone("UTC")), day(1969, 7, 20));
  EXPECT_EQ(day_in_zone(landing, zone("America/New_York")), day(1969, 7, 20));
  EXPECT_EQ(day_in_zone(landing, zone("Asia/Tokyo")), day(1969, 7, 21));
  EXPECT_EQ(day_in_zone(s.feed().talks[1], zone("UTC")), day(1969, 12, 31));  // -1 s
  // The id made from the start uses the same day.
  EXPECT_EQ(landing.id, "1969-07-20-apollo-11-landing");
  query q;
  q.from = q.to = day(1969, 7, 20);
  EXPECT_EQ(ids(s, s.find(q, utc("2024-01-01T00:00:00Z"), zone("UTC"))), std::vector<std::string>{landing.id});
  EXPECT_TRUE(s.find(q, utc("2024-01-01T00:00:00Z"), zone("Asia/Tokyo")).talks.empty());
  // Past talks are listed most recent day first: New Year's Eve before the landing.
  EXPECT_EQ(ids(s, s.find({}, utc("2024-01-01T00:00:00Z"), zone("UTC"))), (std::vector<std::string>{"eve", landing.id}));
}

// A one-day workshop seen from far away: FastPath 2021 ran 10:50-16:30 in New York
// on 28 March 2021, which is 20:20 on the 28th to 02:00 on the 29th in Kolkata
// (zoneinfo: loc("2021-03-28T14:50+00:00", "Asia/Kolkata") -> 20:20+05:30,
// loc("2021-03-28T20:30+00:00", "Asia/Kolkata") -> 2021-03-29 02:00+05:30).
const char* const one_day_workshop = R"({"talktime": 1, "timezone": "America/New_York", "talks": [
  {"id": "opening", "title": "Opening Remarks", "kind": "opening", "start": "2021-03-28T10:50", "end": "2021-03-28T11:00"},
  {"id": "keynote", "title": "Keynote", "kind": "keynote", "start": "2021-03-28T11:00", "end": "2021-03-28T12:00"},
  {"id": "lunch", "title": "Lunch", "kind": "break", "start": "2021-03-28T12:00", "end": "2021-03-28T13:00"},
  {"id": "panel", "title": "Panel", "kind": "panel", "start": "2021-03-28T13:00", "end": "2021-03-28T16:20"},
  {"id": "closing", "title": "Closing Remarks", "kind": "closing", "start": "2021-03-28T16:20", "end": "2021-03-28T16:30"}]})";

TEST(ListOrder, AnEventReadsInProgrammeOrderWhateverTheClockAndTheZone) {
  auto s = load_schedule(one_day_workshop);
  EXPECT_TRUE(s.is_one_event());
  const std::vector<std::string> programme{"opening", "keynote", "lunch", "panel", "closing"};
  for (const char* at : {"2021-03-01T00:00:00Z", "2021-03-28T16:30:00Z", "2021-04-30T00:00:00Z"})
    for (const char* viewer : {"Asia/Kolkata", "Pacific/Auckland", "America/New_York"}) {
      auto r = s.find({}, utc(at), zone(viewer));
      EXPECT_EQ(ids(s, r), programme) << at << " in " << viewer;
      EXPECT_EQ(r.order, list_order::programme);
    }
  // Filters keep the order; the show filter still applies.
  query q;
  q.show = show_filter::upcoming;
  EXPECT_EQ(ids(s, s.find(q, utc("2021-03-28T16:30:00Z"), zone("Asia/Kolkata"))),
            (std::vector<std::string>{"lunch", "panel", "closing"}));  // the keynote ended at 16:00Z
}

TEST(ListOrder, SeriesOrderCanBeAskedForAndNeverReversesADay) {
  auto s = load_schedule(one_day_workshop);
  query q;
  q.order = list_order::series;
  auto during = s.find(q, utc("2021-03-28T16:30:00Z"), zone("Asia/Kolkata"));
  EXPECT_EQ(during.order, list_order::series);
  EXPECT_EQ(ids(s, during), (std::vector<std::string>{"lunch", "panel", "closing", "opening", "keynote"}));
  // After the event, in Kolkata the talks fall on two days (the closing, 16:20 in New
  // York, is 01:50 on the 29th): the later day leads, each day in running order.
  EXPECT_EQ(ids(s, s.find(q, utc("2021-04-30T00:00:00Z"), zone("Asia/Kolkata"))),
            (std::vector<std::string>{"closing", "opening", "keynote", "lunch", "panel"}));
}

TEST(ListOrder, AFeedLongerThanTwoWeeksIsASeries) {
  EXPECT_FALSE(load_schedule(workshop).is_one_event());  // 1 April to 4 May
  auto s = load_schedule(R"({"talktime": 1, "talks": [
      {"id": "a", "title": "A", "start": "2024-05-01T10:00Z", "end": "2024-05-01T11:00Z"},
      {"id": "b", "title": "B", "start": "2024-05-14T23:00Z", "end": "2024-05-15T10:00Z"}]})");
  EXPECT_TRUE(s.is_one_event());  // exactly 14 days from first start to last end
  auto longer = load_schedule(R"({"talktime": 1, "talks": [
      {"id": "a", "title": "A", "start": "2024-05-01T10:00Z", "end": "2024-05-01T11:00Z"},
      {"id": "b", "title": "B", "start": "2024-05-14T23:00Z", "end": "2024-05-15T10:01Z"}]})");
  EXPECT_FALSE(longer.is_one_event());
  EXPECT_EQ(ids(longer, longer.find({}, utc("2024-06-01T00:00:00Z"), zone("UTC"))), (std::vector<std::string>{"b", "a"}));
}

TEST(ListOrder, ParsesTheThreeNamesAndNothingElse) {
  EXPECT_EQ(parse_list_order("automatic"), list_order::automatic);
  EXPECT_EQ(parse_list_order("programme"), list_order::programme);
  EXPECT_EQ(parse_list_order("series"), list_order::series);
  for (const char* other : {"", "program", "Programme", "all"}) EXPECT_EQ(parse_list_order(other), std::nullopt) << other;
}

TEST(ShowFilter, ParsesTheThreeNamesAndNothingElse) {
  EXPECT_EQ(parse_show_filter("upcoming"), show_filter::upcoming);
  EXPECT_EQ(parse_show_filter("past"), show_filter::past);
  EXPECT_EQ(parse_show_filter("all"), show_filter::all);
  for (const char* other : {"", "Past", "ALL", " all", "future", "upcoming "})
    EXPECT_EQ(parse_show_filter(other), std::nullopt) << other;
}

}  // namespace

namespace {

using namespace talktime;
using namespace talktime::test_support;

std::vector<std::string> ids_found(const schedule& s, const std::string& text) {
  query q;
  q.text = text;
  std::vector<std::string> ids;
  for (auto i : s.find(q, utc("2024-01-01T00:00:00Z"), *locate_zone("UTC")).talks) ids.push_back(s.feed().talks[i].id);
  return ids;
}

// A search comes from a link's fragment, which anyone can write (issue 15: 100,000
// words froze the page for 6.5 s): only the first 16 distinct words of its first
// 256 bytes are read.
TEST(Search, ReadsOnlyTheFirstSixteenDistinctWordsOfTheFirst256Bytes) {
  auto s = load_schedule(workshop);
  // 16 words that "FlashAttention: Fast and Memory-Efficient Exact Attention" by Tri Dao holds.
  std::string sixteen = "flash fast memory efficient exact attention tri dao gates stanford foundation models gpus "
                        "flashattention memory-efficient ex";
  ASSERT_EQ(ids_found(s, sixteen), (std::vector<std::string>{"dao"}));
  EXPECT_EQ(ids_found(s, sixteen + " nosuchword"), (std::vector<std::string>{"dao"}));  // the 17th is not read
  // Repeated words count once: the 17th distinct word is read and matches nothing.
  EXPECT_EQ(ids_found(s, "dao dao dao dao dao dao dao dao dao dao dao dao dao dao dao dao nosuchword"),
            (std::vector<std::string>{}));
  // Past byte 256 nothing is read, not even the rest of a word.
  ASSERT_NE(ids_found(s, "d"), ids_found(s, "dx"));
  EXPECT_EQ(ids_found(s, std::string(255, ' ') + "dx"), ids_found(s, "d"));
  ASSERT_FALSE(ids_found(s, "da").empty());
  EXPECT_EQ(ids_found(s, std::string(254, ' ') + "da nosuchword"), ids_found(s, "da"));
  // 100,000 distinct words: the same answer as their first 16.
  std::string many, first16;
  for (int i = 0; i < 100000; ++i) {
    std::string word = "w" + std::to_string(i);
    many += word + " ";
    if (i < 16) first16 += word + " ";
  }
  EXPECT_EQ(ids_found(s, many), ids_found(s, first16));
}

}  // namespace
