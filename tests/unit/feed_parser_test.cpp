// Feed parsing: the fields and value forms of feed format version 1 that load
// (errors are in feed_errors_test.cpp). Expected instants come from Python's
// zoneinfo, never from talktime:
//
//   from datetime import datetime, timezone
//   from zoneinfo import ZoneInfo
//   def utc(local, zone):  # fold=0: talktime's rule for gaps and overlaps
//       return (datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone))
//               .astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
//
//   utc("2024-05-02T09:00", "Europe/Berlin")        -> 2024-05-02T07:00:00Z
//   utc("2025-05-06T16:00", "Europe/Berlin")        -> 2025-05-06T14:00:00Z
//   utc("2023-01-09T15:30", "America/Los_Angeles")  -> 2023-01-09T23:30:00Z
//   utc("2023-01-11T15:30", "America/Los_Angeles")  -> 2023-01-11T23:30:00Z
//   utc("2023-01-18T10:30", "Europe/Zurich")        -> 2023-01-18T09:30:00Z
//   utc("2023-01-18T11:20", "Europe/Zurich")        -> 2023-01-18T10:20:00Z
//   utc("2021-03-28T10:50", "America/New_York")     -> 2021-03-28T14:50:00Z
//   utc("2021-03-28T10:50:30", "America/New_York")  -> 2021-03-28T14:50:30Z
//   utc("2021-03-28T02:30", "Europe/Berlin")        -> 2021-03-28T01:30:00Z  (gap)
//   utc("2024-11-03T01:30", "America/New_York")     -> 2024-11-03T05:30:00Z  (overlap)
//   utc("2011-12-30T12:00", "Pacific/Apia")         -> 2011-12-30T22:00:00Z  (skipped day)
//   utc("2024-10-06T02:15", "Australia/Lord_Howe") -> 2024-10-05T15:45:00Z  (30-minute gap)
//   utc("2024-05-02T09:00", "Asia/Kolkata")         -> 2024-05-02T03:30:00Z
//   utc("2024-05-02T23:30", "America/Chicago")      -> 2024-05-03T04:30:00Z
//   datetime.fromtimestamp(1691157600, timezone.utc) -> 2023-08-04 14:00:00+00:00
//   datetime.fromtimestamp(1675294200, timezone.utc) -> 2023-02-01 23:30:00+00:00
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "talktime/feed.hpp"
#include "talktime/schedule.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

// Parses a feed that must load; fails the test (with the diagnostics) otherwise.
feed load(std::string_view text, std::vector<std::string> expected_diagnostics = {}) {
  auto r = parse_feed(text);
  EXPECT_TRUE(r.feed.has_value()) << testing::PrintToString(messages(r));
  EXPECT_EQ(messages(r), expected_diagnostics);
  return r.feed ? std::move(*r.feed) : feed{};
}

TEST(FeedParse, ReadsTheHeaderExample) {
  auto f = load(R"({"talktime":1,"timezone":"Europe/Berlin",
      "talks":[{"title":"Opening","start":"2024-05-02T09:00"}]})");
  ASSERT_EQ(f.talks.size(), 1u);
  EXPECT_EQ(iso(f.talks[0].start), "2024-05-02T07:00:00Z");
  EXPECT_EQ(f.talks[0].title, "Opening");
  EXPECT_FALSE(f.talks[0].date_only);
  EXPECT_FALSE(f.talks[0].end.has_value());
  ASSERT_NE(f.talks[0].zone, nullptr);
  EXPECT_EQ(f.talks[0].zone->name(), "Europe/Berlin");
  EXPECT_EQ(f.version, 1);
}

TEST(FeedParse, ReadsTheSmallestFeed) {
  auto f = load(R"({
  "talktime": 1,
  "timezone": "Europe/Berlin",
  "talks": [
    { "title": "Compilers for sparse tensors", "start": "2025-05-06T16:00" }
  ]
})");
  ASSERT_EQ(f.talks.size(), 1u);
  EXPECT_EQ(iso(f.talks[0].start), "2025-05-06T14:00:00Z");
  EXPECT_EQ(f.talks[0].kind, talk_kind::talk);
  EXPECT_EQ(f.talks[0].status, talk_status::scheduled);
  EXPECT_TRUE(f.title.empty());
  EXPECT_TRUE(f.location.empty());
}

TEST(FeedParse, ReadsTheCompleteDocsExample) {
  auto f = load(read_fixture("docs-complete-example.json"));
  EXPECT_EQ(f.title, "Systems Reading Seminar");
  EXPECT_EQ(f.description,
            "Weekly talks on computer systems and machine learning.\n\nOpen to everyone; talks are streamed and recorded.");
  EXPECT_EQ(f.url, "https://seminar.example.org/");
  ASSERT_NE(f.zone, nullptr);
  EXPECT_EQ(f.zone->name(), "America/Los_Angeles");
  EXPECT_EQ(f.location.name, "Gates 104");
  EXPECT_EQ(f.location.url, "https://seminar.example.org/directions");
  ASSERT_EQ(f.series.size(), 1u);
  EXPECT_EQ(f.series[0].id, "fm-2023");
  EXPECT_EQ(f.series[0].title, "Foundation Models Limited Series");
  EXPECT_EQ(f.find_series("fm-2023"), &f.series[0]);
  EXPECT_EQ(f.find_series("nope"), nullptr);
  ASSERT_EQ(f.talks.size(), 6u);

  const auto& welcome = by_id(f, "2023-01-09-welcome");
  EXPECT_EQ(welcome.kind, talk_kind::opening);
  EXPECT_EQ(iso(welcome.start), "2023-01-09T23:30:00Z");
  ASSERT_TRUE(welcome.end);
  EXPECT_EQ(iso(*welcome.end), "2023-01-09T23:40:00Z");
  EXPECT_EQ(welcome.series, "fm-2023");
  EXPECT_FALSE(welcome.id_derived);

  const auto& dao = by_id(f, "2023-01-11-tri-dao");
  EXPECT_EQ(iso(dao.start), "2023-01-11T23:30:00Z");
  EXPECT_EQ(iso(*dao.end), "2023-01-12T00:20:00Z");
  ASSERT_EQ(dao.speakers.size(), 1u);
  EXPECT_EQ(dao.speakers[0].name, "Tri Dao");
  EXPECT_EQ(dao.speakers[0].affiliation, "Stanford, Adept AI");
  EXPECT_EQ(dao.speakers[0].url, "https://seminar.example.org/speakers/tri-dao");
  EXPECT_EQ(dao.speakers[0].photo, "https://seminar.example.org/img/tri-dao.jpg");  // relative, resolved
  EXPECT_EQ(dao.speakers[0].bio, "PhD student working on efficient sequence models.");
  EXPECT_EQ(dao.tags, (std::vector<std::string>{"attention", "GPUs"}));
  ASSERT_EQ(dao.links.size(), 3u);
  for (const auto& l : dao.links) {
    if (l.kind == "livestream") EXPECT_EQ(l.url, "https://www.youtube.com/watch?v=gMOAud7hZg4");
    else if (l.kind == "slides") EXPECT_EQ(l.url, "https://seminar.example.org/slides/2023-01-11-dao.pdf");
    else if (l.kind == "paper") EXPECT_EQ(l.url, "https://seminar.example.org/papers/flashattention.pdf");
    else ADD_FAILURE() << "unexpected link " << l.kind;
  }
  EXPECT_EQ(dao.abstract.substr(0, 24), "Attention is slow and me");

  const auto& holiday = by_id(f, "2023-01-16-holiday");
  EXPECT_TRUE(holiday.date_only);
  EXPECT_EQ(holiday.kind, talk_kind::break_time);
  EXPECT_EQ(iso(holiday.start_day), "2023-01-16");
  EXPECT_FALSE(holiday.end_day);

  const auto& guest = by_id(f, "2023-01-18-guest");
  EXPECT_EQ(guest.kind, talk_kind::invited);
  EXPECT_EQ(guest.status, talk_status::tentative);
  ASSERT_NE(guest.zone, nullptr);
  EXPECT_EQ(guest.zone->name(), "Europe/Zurich");
  EXPECT_EQ(iso(guest.start), "2023-01-18T09:30:00Z");
  EXPECT_EQ(iso(*guest.end), "2023-01-18T10:20:00Z");
  EXPECT_EQ(guest.location.name, "Online only");
  ASSERT_EQ(guest.links.size(), 1u);
  EXPECT_EQ(guest.links[0].kind, "registration");
  EXPECT_EQ(guest.links[0].url, "mailto:seminar@example.org");

  const auto& panel = by_id(f, "2023-01-25-panel");
  EXPECT_EQ(panel.status, talk_status::cancelled);
  EXPECT_EQ(iso(panel.start), "2023-01-25T23:30:00Z");
  EXPECT_EQ(iso(*panel.end), "2023-01-26T00:30:00Z");

  const auto& podcast = by_id(f, "2023-02-01-podcast");
  EXPECT_EQ(iso(podcast.start), "2023-02-01T23:30:00Z");
  EXPECT_EQ(iso(*podcast.end), "2023-02-02T00:30:00Z");
  // Feed order and index are kept.
  for (std::size_t i = 0; i < f.talks.size(); ++i) EXPECT_EQ(f.talks[i].index, i);
}

TEST(FeedParse, ReadsLocalTimesInTheTalkZoneElseTheFeedZone) {
  auto f = load(with_talks(R"(
    {"id": "feed-zone", "title": "A", "start": "2024-05-02T09:00"},
    {"id": "talk-zone", "title": "B", "start": "2024-05-02T09:00", "timezone": "Asia/Kolkata"},
    {"id": "link-zone", "title": "C", "start": "2024-05-02T09:00", "timezone": "Asia/Calcutta"},
    {"id": "seconds", "title": "D", "start": "2021-03-28T10:50:30", "timezone": "America/New_York"})"));
  EXPECT_EQ(iso(by_id(f, "feed-zone").start), "2024-05-02T07:00:00Z");
  EXPECT_EQ(iso(by_id(f, "talk-zone").start), "2024-05-02T03:30:00Z");
  EXPECT_EQ(by_id(f, "talk-zone").zone->name(), "Asia/Kolkata");
  EXPECT_EQ(iso(by_id(f, "link-zone").start), "2024-05-02T03:30:00Z");
  EXPECT_EQ(by_id(f, "link-zone").zone->name(), "Asia/Kolkata");
  EXPECT_EQ(iso(by_id(f, "seconds").start), "2021-03-28T14:50:30Z");
}

TEST(FeedParse, ReadsExactTimesWithoutAnyZone) {
  auto f = load(with_talks(R"(
    {"id": "z", "title": "A", "start": "2021-03-28T14:50Z"},
    {"id": "offset", "title": "B", "start": "2021-03-28T10:50-04:00"},
    {"id": "ist", "title": "C", "start": "2021-03-28T20:30:00+05:30"},
    {"id": "epoch", "title": "D", "start": 1691157600, "duration": 60},
    {"id": "epoch-end", "title": "E", "start": 1691157600, "end": 1691161200})", ""));
  EXPECT_EQ(iso(by_id(f, "z").start), "2021-03-28T14:50:00Z");
  EXPECT_EQ(iso(by_id(f, "offset").start), "2021-03-28T14:50:00Z");
  EXPECT_EQ(iso(by_id(f, "ist").start), "2021-03-28T15:00:00Z");
  EXPECT_EQ(iso(by_id(f, "epoch").start), "2023-08-04T14:00:00Z");
  EXPECT_EQ(iso(*by_id(f, "epoch").end), "2023-08-04T15:00:00Z");
  EXPECT_EQ(iso(*by_id(f, "epoch-end").end), "2023-08-04T15:00:00Z");
  EXPECT_EQ(f.zone, nullptr);
  EXPECT_EQ(by_id(f, "z").zone, nullptr);
}

TEST(FeedParse, ReadsTheFastPathOpeningAcrossTheEuropeanDstChange) {
  // 2021-03-28 10:50 New York (EDT since 2021-03-14) is 14:50 UTC, 16:50 CEST in Berlin.
  auto f = load(with_talks(R"({"id": "opening", "title": "Opening Remarks",
      "start": "2021-03-28T10:50", "end": "2021-03-28T11:00"})", "America/New_York"));
  const auto& t = by_id(f, "opening");
  EXPECT_EQ(iso(t.start), "2021-03-28T14:50:00Z");
  EXPECT_EQ(iso(*t.end), "2021-03-28T15:00:00Z");
  EXPECT_EQ(locate_zone("Europe/Berlin")->to_local(t.start),
            date::local_days{date::year{2021} / 3 / 28} + std::chrono::hours{16} + std::chrono::minutes{50});
}

TEST(FeedParse, WarnsAboutLocalTimesInGapsAndOverlaps) {
  const std::string text = with_talks(R"({"id": "gap", "title": "A", "start": "2021-03-28T02:30"},
    {"id": "overlap", "title": "B", "start": "2024-11-03T01:30", "timezone": "America/New_York"},
    {"id": "apia", "title": "C", "start": "2011-12-30T12:00", "timezone": "Pacific/Apia"},
    {"id": "lord-howe", "title": "D", "start": "2024-10-06T02:15", "timezone": "Australia/Lord_Howe"})");
  auto f = load(text, {"[talk.nonexistent_time] /talks/0/start " + where(text, "\"2021-03-28T02:30\"") +
                           ": local time \"2021-03-28T02:30\" does not exist in Europe/Berlin (clocks moved forward); "
                           "read with the offset before the change, UTC+01:00",
                       "[talk.ambiguous_time] /talks/1/start " + where(text, "\"2024-11-03T01:30\"") +
                           ": local time \"2024-11-03T01:30\" occurs twice in America/New_York (clocks moved back); "
                           "the first occurrence, UTC-04:00, is used",
                       "[talk.nonexistent_time] /talks/2/start " + where(text, "\"2011-12-30T12:00\"") +
                           ": local time \"2011-12-30T12:00\" does not exist in Pacific/Apia (clocks moved forward); "
                           "read with the offset before the change, UTC-10:00",
                       "[talk.nonexistent_time] /talks/3/start " + where(text, "\"2024-10-06T02:15\"") +
                           ": local time \"2024-10-06T02:15\" does not exist in Australia/Lord_Howe (clocks moved "
                           "forward); read with the offset before the change, UTC+10:30"});
  EXPECT_EQ(iso(by_id(f, "gap").start), "2021-03-28T01:30:00Z");
  EXPECT_EQ(iso(by_id(f, "overlap").start), "2024-11-03T05:30:00Z");
  EXPECT_EQ(iso(by_id(f, "apia").start), "2011-12-30T22:00:00Z");
  EXPECT_EQ(iso(by_id(f, "lord-howe").start), "2024-10-05T15:45:00Z");
}

TEST(FeedParse, DateOnlyTalksKeepTheirDateInEveryZone) {
  auto f = load(with_talks(R"({"id": "d", "title": "Hackathon", "start": "2024-05-02"})"));
  const auto& t = by_id(f, "d");
  EXPECT_TRUE(t.date_only);
  EXPECT_EQ(t.start_day, day(2024, 5, 2));
  // UTC+14 and UTC-11 are 25 hours apart, yet the talk is on 2 May in both.
  for (const char* zone : {"Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Niue", "UTC", "Asia/Kolkata"}) {
    EXPECT_EQ(day_in_zone(t, *locate_zone(zone)), day(2024, 5, 2)) << zone;
  }
  // A timed talk at 09:00 Berlin (07:00Z), by contrast, is on 2 May in Kiritimati (21:00)
  // and on 1 May in Pago Pago (20:00 the evening before).
  auto timed = load(with_talks(R"({"id": "t", "title": "A", "start": "2024-05-02T09:00"})"));
  EXPECT_EQ(day_in_zone(by_id(timed, "t"), *locate_zone("Pacific/Kiritimati")), day(2024, 5, 2));
  EXPECT_EQ(day_in_zone(by_id(timed, "t"), *locate_zone("Pacific/Pago_Pago")), day(2024, 5, 1));
}

TEST(FeedParse, DateOnlyTalksNeedNoZone) {
  auto f = load(with_talks(R"({"id": "d", "title": "A", "start": "2024-05-02", "end": "2024-05-04"})", ""));
  const auto& t = by_id(f, "d");
  EXPECT_TRUE(t.date_only);
  EXPECT_EQ(t.zone, nullptr);
  EXPECT_EQ(t.start_day, day(2024, 5, 2));
  ASSERT_TRUE(t.end_day);
  EXPECT_EQ(*t.end_day, day(2024, 5, 4));
}

TEST(FeedParse, ReadsEveryDurationForm) {
  auto f = load(with_talks(R"(
    {"id": "minutes", "title": "A", "start": "2021-03-28T10:50", "duration": 50},
    {"id": "fraction", "title": "A", "start": "2021-03-28T10:50", "duration": 12.5},
    {"id": "iso", "title": "A", "start": "2021-03-28T13:00", "duration": "PT1H30M"},
    {"id": "seconds", "title": "A", "start": "2021-03-28T13:00", "duration": "PT45S"},
    {"id": "zero", "title": "A", "start": "2021-03-28T13:00", "duration": 0},
    {"id": "day", "title": "Hackathon", "start": "2021-03-27", "duration": "P1D"},
    {"id": "days", "title": "Retreat", "start": "2021-03-27", "duration": "P3D"},
    {"id": "day-minutes", "title": "Retreat", "start": "2021-03-27", "duration": 2880})", "UTC"));
  EXPECT_EQ(iso(*by_id(f, "minutes").end), "2021-03-28T11:40:00Z");
  EXPECT_EQ(iso(*by_id(f, "fraction").end), "2021-03-28T11:02:30Z");
  EXPECT_EQ(iso(*by_id(f, "iso").end), "2021-03-28T14:30:00Z");
  EXPECT_EQ(iso(*by_id(f, "seconds").end), "2021-03-28T13:00:45Z");
  EXPECT_EQ(iso(*by_id(f, "zero").end), "2021-03-28T13:00:00Z");
  EXPECT_EQ(*by_id(f, "day").end_day, day(2021, 3, 27));  // inclusive: one day
  EXPECT_EQ(*by_id(f, "days").end_day, day(2021, 3, 29));
  EXPECT_EQ(*by_id(f, "day-minutes").end_day, day(2021, 3, 28));
}

TEST(FeedParse, DurationAcrossADstChangeCountsElapsedTime) {
  // 2021-03-28 01:30 Berlin (CET) + 120 minutes = 01:30Z + 2h = 03:30Z = 05:30 CEST.
  auto f = load(with_talks(R"({"id": "a", "title": "A", "start": "2021-03-28T01:30", "duration": 120})"));
  EXPECT_EQ(iso(by_id(f, "a").start), "2021-03-28T00:30:00Z");
  EXPECT_EQ(iso(*by_id(f, "a").end), "2021-03-28T02:30:00Z");
}

TEST(FeedParse, EndWinsOverDurationWithAWarning) {
  const std::string text =
      with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02T09:00", "end": "2024-05-02T10:00", "duration": 30})");
  auto f = load(text, {"[talk.end_and_duration] /talks/0/duration " + where(text, "30", "\"duration\"") +
                       ": both \"end\" and \"duration\" are given; \"end\" is used"});
  EXPECT_EQ(iso(*by_id(f, "a").end), "2024-05-02T08:00:00Z");
}

TEST(FeedParse, EndEqualToStartIsAllowed) {
  auto f = load(with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02T09:00", "end": "2024-05-02T09:00"})"));
  EXPECT_EQ(*by_id(f, "a").end, by_id(f, "a").start);
}

TEST(FeedParse, DateOnlyTalkIgnoresAPartialDayDuration) {
  const std::string text = with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02", "duration": 90})");
  auto f = load(text, {"[talk.bad_duration] /talks/0/duration " + where(text, "90") +
                       ": a talk with a date alone can only last whole days; duration 90 ignored"});
  EXPECT_FALSE(by_id(f, "a").end_day);
}

TEST(FeedParse, ReadsEveryKind) {
  const char* kinds[] = {"talk", "keynote", "invited", "contributed", "panel", "poster",
                         "tutorial", "break", "social", "opening", "closing", "other"};
  std::string talks;
  for (const char* k : kinds) {
    if (!talks.empty()) talks += ",";
    talks += std::string(R"({"id": ")") + k + R"(", "title": "T", "start": "2024-05-02", "kind": ")" + k + "\"}";
  }
  auto f = load(with_talks(talks));
  ASSERT_EQ(f.talks.size(), 12u);
  for (std::size_t i = 0; i < 12; ++i) {
    EXPECT_EQ(to_string(f.talks[i].kind), kinds[i]);
    EXPECT_EQ(static_cast<int>(f.talks[i].kind), static_cast<int>(i));
  }
  EXPECT_EQ(by_id(f, "break").kind, talk_kind::break_time);
}

TEST(FeedParse, KindIsCaseInsensitive) {
  auto f = load(with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02", "kind": " Keynote "})"));
  EXPECT_EQ(by_id(f, "a").kind, talk_kind::keynote);
}

TEST(FeedParse, UnknownKindBecomesOtherWithAWarning) {
  const std::string text = with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02", "kind": "lecture"})");
  auto f = load(text, {"[talk.unknown_kind] /talks/0/kind " + where(text, "\"lecture\"") +
                       ": unknown kind \"lecture\" shown as \"other\""});
  EXPECT_EQ(by_id(f, "a").kind, talk_kind::other);
}

TEST(FeedParse, ReadsEveryStatus) {
  auto f = load(with_talks(R"(
    {"id": "s", "title": "A", "start": "2024-05-02", "status": "scheduled"},
    {"id": "c", "title": "A", "start": "2024-05-02", "status": "cancelled"},
    {"id": "us", "title": "A", "start": "2024-05-02", "status": "Canceled"},
    {"id": "p", "title": "A", "start": "2024-05-02", "status": "postponed"},
    {"id": "t", "title": "A", "start": "2024-05-02", "status": "tentative"},
    {"id": "none", "title": "A", "start": "2024-05-02"})"));
  EXPECT_EQ(by_id(f, "s").status, talk_status::scheduled);
  EXPECT_EQ(by_id(f, "c").status, talk_status::cancelled);
  EXPECT_EQ(by_id(f, "us").status, talk_status::cancelled);
  EXPECT_EQ(by_id(f, "p").status, talk_status::postponed);
  EXPECT_EQ(by_id(f, "t").status, talk_status::tentative);
  EXPECT_EQ(by_id(f, "none").status, talk_status::scheduled);
  EXPECT_EQ(to_string(talk_status::cancelled), "cancelled");
  EXPECT_EQ(to_string(talk_status::tentative), "tentative");
}

TEST(FeedParse, UnknownStatusIsScheduledWithAWarning) {
  const std::string text = with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02", "status": "maybe"})");
  auto f = load(text, {"[talk.unknown_status] /talks/0/status " + where(text, "\"maybe\"") +
                       ": unknown status \"maybe\" treated as \"scheduled\""});
  EXPECT_EQ(by_id(f, "a").status, talk_status::scheduled);
}

TEST(FeedParse, DerivesStableIdsFromStartAndTitle) {
  const std::string text = with_talks(R"(
    {"title": "FlashAttention: Fast & Memory-Efficient!", "start": "2024-05-02T09:00"},
    {"title": "Hackathon", "start": "2024-05-03"},
    {"title": "日本語", "start": "2024-05-04T10:00"},
    {"title": "Late", "start": "2024-05-02T23:30-05:00"})", "America/Chicago");
  auto f = load(text);
  ASSERT_EQ(f.talks.size(), 4u);
  EXPECT_EQ(f.talks[0].id, "2024-05-02-flashattention-fast-memory-efficient");
  EXPECT_EQ(f.talks[1].id, "2024-05-03-hackathon");
  EXPECT_EQ(f.talks[2].id, "2024-05-04-talk");  // no letters to slug
  // 23:30-05:00 is 04:30Z on 3 May but 23:30 on 2 May in the talk's zone (Chicago, CDT).
  EXPECT_EQ(f.talks[3].id, "2024-05-02-late");
  for (const auto& t : f.talks) EXPECT_TRUE(t.id_derived);
  // Stable: the same feed gives the same ids.
  auto again = load(text);
  for (std::size_t i = 0; i < f.talks.size(); ++i) EXPECT_EQ(again.talks[i].id, f.talks[i].id);
}

TEST(FeedParse, DerivedIdsGetSuffixesAndNeverTakeExplicitIds) {
  auto f = load(with_talks(R"(
    {"title": "Opening", "start": "2024-05-02T09:00"},
    {"title": "Opening", "start": "2024-05-02T15:00"},
    {"id": "2024-05-02-opening", "title": "Explicit", "start": "2024-05-02T10:00"},
    {"title": "Opening", "start": "2024-05-02T11:00"},
    {"id": 42, "title": "Numbered", "start": "2024-05-02T12:00"})"));
  ASSERT_EQ(f.talks.size(), 5u);
  EXPECT_EQ(f.talks[0].id, "2024-05-02-opening-2");
  EXPECT_EQ(f.talks[1].id, "2024-05-02-opening-3");
  EXPECT_EQ(f.talks[2].id, "2024-05-02-opening");
  EXPECT_FALSE(f.talks[2].id_derived);
  EXPECT_EQ(f.talks[3].id, "2024-05-02-opening-4");
  EXPECT_EQ(f.talks[4].id, "42");
}

TEST(FeedParse, EmptyOrNonStringIdIsDerivedWithAWarning) {
  const std::string text = with_talks(R"({"id": ["x"], "title": "A", "start": "2024-05-02"})");
  auto f = load(text, {"[talk.bad_field] /talks/0/id " + where(text, "[\"x\"]") +
                       ": \"id\" should be a non-empty string, not [\"x\"]; a derived id is used"});
  EXPECT_EQ(f.talks[0].id, "2024-05-02-a");
  EXPECT_TRUE(f.talks[0].id_derived);
  const std::string blank_text = with_talks(R"({"id": "  ", "title": "B", "start": "2024-05-02"})");
  auto blank = load(blank_text, {"[talk.bad_field] /talks/0/id " + where(blank_text, "\"  \"") +
                                 ": \"id\" should be a non-empty string, not \"  \"; a derived id is used"});
  EXPECT_EQ(blank.talks[0].id, "2024-05-02-b");
}

TEST(FeedParse, KeepsUnicodeExactly) {
  auto f = load(with_talks(R"(
    {"id": "a", "title": "Toward a system-wide perspective 🎉", "start": "2024-05-02",
     "speakers": [{"name": "Christian Kästner"}, {"name": "KÃ¤stner"}, {"name": "محمد علي", "affiliation": "جامعة"},
                  {"name": "דוד לוי"}, {"name": "\u05d3\u05d5\u05d3 \u202eevil"}, {"name": "李飞飞"}]})"));
  const auto& t = by_id(f, "a");
  EXPECT_EQ(t.title, "Toward a system-wide perspective 🎉");
  ASSERT_EQ(t.speakers.size(), 6u);
  EXPECT_EQ(t.speakers[0].name, "Christian Kästner");
  EXPECT_EQ(t.speakers[1].name, "KÃ¤stner");  // mojibake is not "repaired"
  EXPECT_EQ(t.speakers[2].name, "محمد علي");
  EXPECT_EQ(t.speakers[2].affiliation, "جامعة");
  EXPECT_EQ(t.speakers[3].name, "דוד לוי");
  EXPECT_EQ(t.speakers[4].name, "דוד \u202Eevil");  // escapes decoded; bidi control kept as text
  EXPECT_EQ(t.speakers[5].name, "李飞飞");
}

TEST(FeedParse, PairedSurrogateEscapesDecodeToOneCharacter) {
  auto f = load(with_talks(R"({"id": "a", "title": "Party \ud83c\udf89", "start": "2024-05-02"})"));
  EXPECT_EQ(by_id(f, "a").title, "Party 🎉");
}

TEST(FeedParse, TrimsTextFields) {
  auto f = load(with_talks(R"({"id": " a ", "title": "  Title \n", "start": "2024-05-02", "abstract": "\n Para.\n\n ",
                               "location": "  Room 1 ", "speakers": [{"name": " Ana ", "affiliation": " ETH "}]})"));
  ASSERT_EQ(f.talks.size(), 1u);
  const auto& t = f.talks[0];
  EXPECT_EQ(t.id, "a");
  EXPECT_EQ(t.title, "Title");
  EXPECT_EQ(t.abstract, "Para.");
  EXPECT_EQ(t.location.name, "Room 1");
  EXPECT_EQ(t.speakers[0].name, "Ana");
  EXPECT_EQ(t.speakers[0].affiliation, "ETH");
}

TEST(FeedParse, DropsUnsafeUrlsWithWarningsAndKeepsTheTalk) {
  const std::string text = R"json({"talktime": 1, "timezone": "UTC", "talks": [{"id": "u", "title": "A", "start": "2024-05-02T09:00",
  "links": {"a": "javascript:alert(1)", "b": "JaVaScRiPt:alert(1)", "c": " javascript:alert(1)",
            "d": "java\tscript:alert(1)", "e": "data:text/html,<script>alert(1)</script>", "f": "vbscript:msgbox(1)",
            "slides": "https://example.org/s.pdf"}}]})json";
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 1u);
  ASSERT_EQ(r.feed->talks[0].links.size(), 1u);
  EXPECT_EQ(r.feed->talks[0].links[0].kind, "slides");
  EXPECT_EQ(r.feed->talks[0].links[0].url, "https://example.org/s.pdf");
  const std::string why = " dropped: only http:, https: and mailto: links are allowed";
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "[talk.bad_url] /talks/0/links/a " + where(text, "\"javascript:alert(1)\"") + ": link \"javascript:alert(1)\"" + why,
                "[talk.bad_url] /talks/0/links/b " + where(text, "\"JaVaScRiPt:") + ": link \"JaVaScRiPt:alert(1)\"" + why,
                "[talk.bad_url] /talks/0/links/c " + where(text, "\" javascript:") + ": link \"javascript:alert(1)\"" + why,
                "[talk.bad_url] /talks/0/links/d " + where(text, "\"java\\tscript") + ": link \"java\tscript:alert(1)\"" + why,
                "[talk.bad_url] /talks/0/links/e " + where(text, "\"data:") +
                    ": link \"data:text/html,<script>alert(1)</script>\"" + why,
                "[talk.bad_url] /talks/0/links/f " + where(text, "\"vbscript:") + ": link \"vbscript:msgbox(1)\"" + why}));
  for (const auto& d : r.diagnostics) EXPECT_EQ(d.level, severity::warning);
}

TEST(FeedParse, ChecksEveryUrlField) {
  const std::string text = R"json({"talktime": 1, "url": "https://seminar.example.org/talks/", "timezone": "UTC",
  "location": {"name": "Hall", "url": "javascript:a()"},
  "series": [{"id": "s", "url": "data:x"}],
  "talks": [{"id": "u", "title": "A", "start": "2024-05-02T09:00", "series": "s",
    "speakers": [{"name": "S", "url": "vbscript:x", "photo": "img/s.jpg"}],
    "location": {"name": "Room", "url": "../map.html"},
    "links": {"Slides": "slides/a.pdf", "registration": "mailto:seminar@example.org", "site": "/about"}}]})json";
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  const auto& f = *r.feed;
  const std::string why = " dropped: only http:, https: and mailto: links are allowed";
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "[feed.bad_url] /location/url " + where(text, "\"javascript:a()\"") + ": link \"javascript:a()\"" + why,
                "[feed.bad_url] /series/0/url " + where(text, "\"data:x\"") + ": link \"data:x\"" + why,
                "[talk.bad_url] /talks/0/speakers/0/url " + where(text, "\"vbscript:x\"") + ": link \"vbscript:x\"" + why}));
  EXPECT_EQ(f.location.name, "Hall");
  EXPECT_EQ(f.location.url, "");
  EXPECT_EQ(f.series[0].url, "");
  EXPECT_EQ(f.series[0].title, "s");  // no title: the id is shown
  const auto& t = f.talks[0];
  EXPECT_EQ(t.speakers[0].url, "");
  EXPECT_EQ(t.speakers[0].photo, "https://seminar.example.org/talks/img/s.jpg");
  EXPECT_EQ(t.location.url, "https://seminar.example.org/map.html");
  ASSERT_EQ(t.links.size(), 3u);
  std::map<std::string, std::string> links;
  for (const auto& l : t.links) links[l.kind] = l.url;
  EXPECT_EQ(links["slides"], "https://seminar.example.org/talks/slides/a.pdf");  // key lower-cased
  EXPECT_EQ(links["registration"], "mailto:seminar@example.org");
  EXPECT_EQ(links["site"], "https://seminar.example.org/about");
}

// The link rule (src/common/url.hpp, docs/feed-format.md): a relative URL needs the
// feed's url; a host name without a scheme is read as https:, with a warning.
TEST(FeedParse, DropsRelativeUrlsWhenTheFeedHasNoUrl) {
  const std::string text = with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02", "links": {"slides": "slides/a.pdf"}})");
  auto f = load(text, {"[talk.url_without_scheme] /talks/0/links/slides " + where(text, "\"slides/a.pdf\"") +
                       ": link \"slides/a.pdf\" dropped: it has no scheme, and the feed has no \"url\" to resolve it against"});
  EXPECT_TRUE(f.talks[0].links.empty());
}

TEST(FeedParse, ReadsAHostNameWithoutSchemeAsHttps) {
  const std::string text = R"({"talktime": 1, "url": "seminar.example.org/talks/", "talks": [{"id": "a", "title": "A",
    "start": "2024-05-02", "links": {"Website": "nymtech.net", "Slides": "slides/a.pdf", "Mail": "talks@example.org"}}]})";
  auto f = load(text, {"[feed.url_without_scheme] /url " + where(text, "\"seminar.example.org") +
                           ": link \"seminar.example.org/talks/\" has no scheme; read as \"https://seminar.example.org/talks/\"",
                       "[talk.url_without_scheme] /talks/0/links/Website " + where(text, "\"nymtech.net\"") +
                           ": link \"nymtech.net\" has no scheme; read as \"https://nymtech.net\"",
                       "[talk.url_without_scheme] /talks/0/links/Mail " + where(text, "\"talks@") +
                           ": link \"talks@example.org\" has no scheme; read as \"mailto:talks@example.org\""});
  EXPECT_EQ(f.url, "https://seminar.example.org/talks/");
  ASSERT_EQ(f.talks[0].links.size(), 3u);
  // Known kinds in their canonical spelling, a feed's own label as written.
  EXPECT_EQ(f.talks[0].links[0].kind, "website");
  EXPECT_EQ(f.talks[0].links[0].url, "https://nymtech.net");
  EXPECT_EQ(f.talks[0].links[1].kind, "slides");
  EXPECT_EQ(f.talks[0].links[1].url, "https://seminar.example.org/talks/slides/a.pdf");
  EXPECT_EQ(f.talks[0].links[2].kind, "Mail");
  EXPECT_EQ(f.talks[0].links[2].url, "mailto:talks@example.org");
}

TEST(FeedParse, IgnoresUnknownFields) {
  auto f = load(R"({"talktime": 1, "x-editor": "me", "$schema": "https://talktime.invalid/feed-v1.schema.json",
    "generator": {"name": "x", "versions": [1, 2, {"deep": null}]}, "timezone": "UTC",
    "talks": [{"id": "a", "title": "A", "start": "2024-05-02T09:00", "x-room-capacity": 120, "recorded": true,
               "speakers": [{"name": "S", "pronouns": "they/them", "orcid": "0000"}]}]})");
  ASSERT_EQ(f.talks.size(), 1u);
  EXPECT_EQ(f.talks[0].speakers.size(), 1u);
}

TEST(FeedParse, TalkLocationReplacesTheFeedLocation) {
  auto f = load(R"({"talktime": 1, "timezone": "UTC", "location": {"name": "Gates 104", "url": "https://m.example/"},
    "talks": [{"id": "a", "title": "A", "start": "2024-05-02"},
              {"id": "b", "title": "B", "start": "2024-05-02", "location": "Online only"},
              {"id": "c", "title": "C", "start": "2024-05-02", "location": {"name": "Zoom", "url": "https://z.example/r"}}]})");
  EXPECT_EQ(f.location.name, "Gates 104");
  EXPECT_TRUE(by_id(f, "a").location.empty());  // the feed's location applies when shown
  EXPECT_EQ(by_id(f, "b").location.name, "Online only");
  EXPECT_EQ(by_id(f, "b").location.url, "");
  EXPECT_EQ(by_id(f, "c").location.name, "Zoom");
  EXPECT_EQ(by_id(f, "c").location.url, "https://z.example/r");
}

// An address is one line of text or schema.org PostalAddress parts; the feed's
// organizer a name or {name, url} (docs/feed-format.md#locations, #top-level-fields).
TEST(FeedParse, ReadsAddressesAndTheOrganizer) {
  auto f = load(R"({"talktime": 1, "timezone": "UTC", "url": "https://seminar.example.org/",
    "organizer": {"name": " Stanford MLSys ", "url": "/about"},
    "location": {"name": "Gates 104", "address": {"streetAddress": "353 Jane Stanford Way", "addressLocality": "Stanford",
                 "addressRegion": "CA", "postalCode": "94305", "addressCountry": "US"}},
    "talks": [{"id": "a", "title": "A", "start": "2024-05-02",
               "location": {"name": "Hall", "address": " 1 Main St, Springfield "}},
              {"id": "b", "title": "B", "start": "2024-05-02", "location": {"name": "Room 5"}}]})");
  EXPECT_EQ(f.organizer.name, "Stanford MLSys");
  EXPECT_EQ(f.organizer.url, "https://seminar.example.org/about");  // relative, so resolved like every url
  EXPECT_EQ(f.location.address.street, "353 Jane Stanford Way");
  EXPECT_EQ(f.location.address.locality, "Stanford");
  EXPECT_EQ(f.location.address.region, "CA");
  EXPECT_EQ(f.location.address.postal_code, "94305");
  EXPECT_EQ(f.location.address.country, "US");
  EXPECT_EQ(f.location.address.one_line(), "353 Jane Stanford Way, Stanford, CA, 94305, US");
  EXPECT_EQ(by_id(f, "a").location.address.text, "1 Main St, Springfield");
  EXPECT_EQ(by_id(f, "a").location.address.one_line(), "1 Main St, Springfield");
  EXPECT_TRUE(by_id(f, "b").location.address.empty());
  auto named = load(R"({"talktime": 1, "organizer": "CDS", "talks": [{"title": "A", "start": "2024-05-02"}]})");
  EXPECT_EQ(named.organizer.name, "CDS");
  EXPECT_EQ(named.organizer.url, "");
}

TEST(FeedParse, WrongTypedAddressAndOrganizerAreIgnoredWithWarnings) {
  const std::string text = R"({"talktime": 1, "organizer": 7,
    "location": {"name": "Hall", "address": ["x"]},
    "talks": [{"title": "A", "start": "2024-05-02", "location": {"name": "Room", "address": {"postalCode": 94305}}}]})";
  auto f = load(text, {"[feed.bad_field] /location/address " + where(text, "[\"x\"]") +
                           ": \"address\" should be a string or an object, not an array; ignored",
                       "[feed.bad_field] /organizer " + where(text, "7,") +
                           ": \"organizer\" should be a string or an object, not a number; ignored",
                       "[talk.bad_field] /talks/0/location/address/postalCode " + where(text, "94305") +
                           ": \"postalCode\" should be a string, not a number; ignored"});
  EXPECT_TRUE(f.organizer.empty());
  EXPECT_EQ(f.location.name, "Hall");
  EXPECT_TRUE(f.location.address.empty());
  EXPECT_TRUE(f.talks[0].location.address.empty());
}

TEST(FeedParse, ReadsSeriesAndWarnsAboutUndeclaredOnes) {
  const std::string text = R"({"talktime": 1, "timezone": "UTC",
    "series": [{"id": "fm", "title": "Foundation Models", "description": "Winter", "url": "https://fm.example/"}],
    "talks": [{"id": "a", "title": "A", "start": "2024-05-02", "series": "fm"},
              {"id": "b", "title": "B", "start": "2024-05-02", "series": "nope"}]})";
  auto f = load(text, {"[talk.unknown_series] /talks/1/series " + where(text, "\"nope\"") +
                       ": series \"nope\" is not declared in the feed's \"series\""});
  ASSERT_EQ(f.series.size(), 1u);
  EXPECT_EQ(f.series[0].title, "Foundation Models");
  EXPECT_EQ(f.series[0].description, "Winter");
  EXPECT_EQ(f.series[0].url, "https://fm.example/");
  EXPECT_EQ(by_id(f, "a").series, "fm");
  EXPECT_EQ(by_id(f, "b").series, "nope");  // kept, still searchable by id
}

TEST(FeedParse, WrongTypedFeedFieldsAreIgnoredWithWarnings) {
  const std::string text =
      R"({"talktime": 1, "title": 5, "description": ["x"], "location": [], "series": {}, "talks": []})";
  auto f = load(text, {"[feed.bad_field] /title " + where(text, "5,") + ": \"title\" should be a string, not a number; ignored",
                       "[feed.bad_field] /description " + where(text, "[\"x\"]") +
                           ": \"description\" should be a string, not an array; ignored",
                       "[feed.bad_field] /location " + where(text, "[]") +
                           ": \"location\" should be a string or an object, not an array; ignored",
                       "[feed.bad_field] /series " + where(text, "{}") + ": \"series\" should be an array, not an object; ignored",
                       "[feed.empty] /talks " + where(text, "[]}") + ": the feed has no talks yet"});
  EXPECT_TRUE(f.title.empty());
  EXPECT_TRUE(f.series.empty());
}

TEST(FeedParse, BadSeriesEntriesAreIgnoredWithWarnings) {
  const std::string text =
      R"({"talktime": 1, "series": [{"title": "No id"}, {"id": "a", "title": "A"}, {"id": "a", "title": "Again"}, 7], "talks": []})";
  auto f = load(text, {"[feed.bad_field] /series/0 " + where(text, "{\"title\"") + ": a series without an \"id\" is ignored",
                       "[feed.bad_field] /series/2/id " + where(text, "\"a\", \"title\": \"Again\"") + ": series \"a\" is declared twice; the first is kept",
                       "[feed.bad_field] /series/3 " + where(text, "7]") + ": a series should be an object, not a number; ignored",
                       "[feed.empty] /talks " + where(text, "[]}") + ": the feed has no talks yet"});
  ASSERT_EQ(f.series.size(), 1u);
  EXPECT_EQ(f.series[0].title, "A");
}

TEST(FeedParse, TagsAreTrimmedAndDeduplicated) {
  const std::string text =
      with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02", "tags": [" GPUs ", "attention", "GPUs", 7, ""]})");
  auto f = load(text, {"[talk.bad_field] /talks/0/tags/3 " + where(text, "7, ") + ": tag 7 is not a non-empty string; ignored",
                       "[talk.bad_field] /talks/0/tags/4 " + where(text, "\"\"]") +
                           ": tag \"\" is not a non-empty string; ignored"});
  EXPECT_EQ(by_id(f, "a").tags, (std::vector<std::string>{"GPUs", "attention"}));
}

TEST(FeedParse, WrongTypedOptionalFieldsAreIgnoredWithWarnings) {
  const std::string text = with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02", "tags": "GPUs", "abstract": 5,
      "speakers": {"name": "S"}, "links": ["https://x.example/"], "location": 12})");
  auto f = load(text, {"[talk.bad_field] /talks/0/abstract " + where(text, "5,") +
                           ": \"abstract\" should be a string, not a number; ignored",
                       "[talk.bad_field] /talks/0/location " + where(text, "12}") +
                           ": \"location\" should be a string or an object, not a number; ignored",
                       "[talk.bad_field] /talks/0/speakers " + where(text, "{\"name\"") +
                           ": \"speakers\" should be an array, not an object; ignored",
                       "[talk.bad_field] /talks/0/tags " + where(text, "\"GPUs\"") +
                           ": \"tags\" should be an array of strings, not a string; ignored",
                       "[talk.bad_field] /talks/0/links " + where(text, "[\"https") +
                           ": \"links\" should be an object of kind: URL, not an array; ignored"});
  ASSERT_EQ(f.talks.size(), 1u);
  EXPECT_TRUE(f.talks[0].tags.empty());
  EXPECT_TRUE(f.talks[0].speakers.empty());
  EXPECT_TRUE(f.talks[0].links.empty());
}

TEST(FeedParse, SpeakersWithoutANameAreSkipped) {
  const std::string text = with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02",
      "speakers": [{"affiliation": "IBM"}, {"name": "Parijat Dube", "affiliation": "IBM"}, 3]})");
  auto f = load(text, {"[talk.bad_field] /talks/0/speakers/0 (line 2, column 20): a speaker without a \"name\" is ignored",
                       "[talk.bad_field] /talks/0/speakers/2 " + where(text, "3]") +
                           ": a speaker should be an object with a \"name\", not a number; ignored"});
  ASSERT_EQ(f.talks[0].speakers.size(), 1u);
  EXPECT_EQ(f.talks[0].speakers[0].name, "Parijat Dube");
}

TEST(FeedParse, NullOptionalFieldsAreAbsent) {
  auto f = load(R"({"talktime": 1, "timezone": null, "title": null, "series": null, "location": null,
    "talks": [{"id": null, "title": "A", "start": "2024-05-02T09:00Z", "end": null, "duration": null, "kind": null,
               "timezone": null, "tags": null, "links": null, "speakers": null}]})");
  ASSERT_EQ(f.talks.size(), 1u);
  EXPECT_EQ(f.talks[0].id, "2024-05-02-a");
  EXPECT_FALSE(f.talks[0].end);
}

}  // namespace
