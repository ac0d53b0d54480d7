// merge_feeds: several feeds as one widget.
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>
#include <vector>

#include "talktime/calendar.hpp"
#include "talktime/html_renderer.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/feed_json.hpp"
#include "talktime/feed_merge.hpp"
#include "talktime/schedule.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

feed load(std::string_view text) {
  auto r = parse_any_feed(text);
  EXPECT_TRUE(r.feed.has_value());
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  return r.feed ? std::move(*r.feed) : feed{};
}

const char* const seminar = R"({"talktime": 1, "title": "Systems Seminar", "timezone": "America/Los_Angeles",
  "url": "https://seminar.example.org/", "location": "Gates 104",
  "series": [{"id": "fm", "title": "Foundation Models"}, {"id": "weekly", "title": "Weekly"}],
  "talks": [
    {"id": "opening", "title": "Welcome", "start": "2024-01-08T15:30", "series": "weekly"},
    {"id": "dao", "title": "FlashAttention", "start": "2024-01-10T15:30", "series": "fm"}
  ]})";

const char* const workshop = R"({"talktime": 1, "title": "ML for Systems", "timezone": "America/Chicago",
  "url": "https://workshop.example.org/", "location": {"name": "Room 211", "url": "https://workshop.example.org/map"},
  "talks": [
    {"id": "opening", "title": "Opening Remarks", "start": "2024-12-16T08:50"},
    {"id": "keynote", "title": "Keynote", "start": "2024-12-16T09:00", "location": "Hall B"}
  ]})";

const char* const reading_group = R"({"talktime": 1, "title": "Reading Group", "timezone": "America/Los_Angeles",
  "url": "https://seminar.example.org/",
  "series": [{"id": "fm", "title": "Foundation Models"}, {"id": "weekly", "title": "Weekly reading"}],
  "talks": [
    {"id": "rg-1", "title": "Attention papers", "start": "2024-01-12T12:00", "series": "fm"},
    {"id": "rg-2", "title": "Systems papers", "start": "2024-01-19T12:00", "series": "weekly"}
  ]})";

std::vector<std::string> ids(const feed& f) {
  std::vector<std::string> out;
  for (const auto& t : f.talks) out.push_back(t.id);
  return out;
}

TEST(FeedMerge, KeepsEachFeedsSeriesAndGivesOneToAFeedWithout) {
  auto r = merge_feeds({{"seminar.json", load(seminar)}, {"data/ml-for-systems.json", load(workshop)}});
  ASSERT_TRUE(r.feed);
  const feed& f = *r.feed;
  ASSERT_EQ(f.series.size(), 3u);
  EXPECT_EQ(f.series[0].id, "fm");
  EXPECT_EQ(f.series[1].id, "weekly");
  EXPECT_EQ(f.series[2].id, "ml-for-systems");
  EXPECT_EQ(f.series[2].title, "ML for Systems");
  EXPECT_EQ(f.series[2].url, "https://workshop.example.org/");
  ASSERT_EQ(f.talks.size(), 4u);
  EXPECT_EQ(f.talks[0].series, "weekly");
  EXPECT_EQ(f.talks[1].series, "fm");
  EXPECT_EQ(f.talks[2].series, "ml-for-systems");
  EXPECT_EQ(f.talks[3].series, "ml-for-systems");
}

TEST(FeedMerge, PrefixesOnlyCollidingIdsAndSaysWhichFeed) {
  auto r = merge_feeds({{"seminar.json", load(seminar)}, {"data/ml-for-systems.json", load(workshop)}});
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(ids(*r.feed), (std::vector<std::string>{"opening", "dao", "ml-for-systems-opening", "keynote"}));
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[merge.renamed_id] /talks/0: feed \"data/ml-for-systems.json\": talk id \"opening\" is already "
                             "used by feed \"seminar.json\"; renamed to \"ml-for-systems-opening\""}));
}

TEST(FeedMerge, SharesIdenticalSeriesAndRenamesDifferentOnes) {
  auto r = merge_feeds({{"seminar.json", load(seminar)}, {"https://example.org/reading.json?v=2", load(reading_group)}});
  ASSERT_TRUE(r.feed);
  const feed& f = *r.feed;
  ASSERT_EQ(f.series.size(), 3u);
  EXPECT_EQ(f.series[0].id, "fm");  // declared the same way by both
  EXPECT_EQ(f.series[1].id, "weekly");
  EXPECT_EQ(f.series[2].id, "reading-weekly");
  EXPECT_EQ(f.series[2].title, "Weekly reading");
  EXPECT_EQ(f.talks[2].series, "fm");
  EXPECT_EQ(f.talks[3].series, "reading-weekly");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[merge.renamed_series] /series/1: feed \"https://example.org/reading.json?v=2\": series id "
                             "\"weekly\" is already used by feed \"seminar.json\"; renamed to \"reading-weekly\""}));
}

TEST(FeedMerge, GivesTalksTheirFeedsLocationAndNewIndices) {
  auto r = merge_feeds({{"seminar.json", load(seminar)}, {"workshop.json", load(workshop)}});
  ASSERT_TRUE(r.feed);
  const feed& f = *r.feed;
  EXPECT_TRUE(f.location.empty());
  EXPECT_EQ(f.talks[0].location.name, "Gates 104");
  EXPECT_EQ(f.talks[2].location.name, "Room 211");
  EXPECT_EQ(f.talks[2].location.url, "https://workshop.example.org/map");
  EXPECT_EQ(f.talks[3].location.name, "Hall B");
  for (std::size_t i = 0; i < f.talks.size(); ++i) EXPECT_EQ(f.talks[i].index, i);
}

// A talk's room without an address is in its feed's building (docs/calendars.md,
// structured data): merged with a feed elsewhere, it keeps that building's address.
TEST(FeedMerge, KeepsTheBuildingsAddressForATalksRoom) {
  auto campus = load(R"({"talktime": 1, "title": "Campus", "location": {"name": "Main Hall", "address": "1 College Rd, Oxford"},
    "talks": [{"id": "room", "title": "In a room", "start": "2024-05-02T10:00Z", "location": "Room 5"},
              {"id": "remote", "title": "Remote", "start": "2024-05-02T11:00Z", "location": "Virtual"},
              {"id": "hall", "title": "In the hall", "start": "2024-05-02T12:00Z"}]})");
  auto other = load(R"({"talktime": 1, "title": "Other", "location": "Elsewhere",
    "talks": [{"id": "x", "title": "X", "start": "2024-05-02T10:00Z"}]})");
  auto merged = merge_feeds({{"campus.json", campus}, {"other.json", other}});
  ASSERT_TRUE(merged.feed);
  const auto& talks = merged.feed->talks;
  ASSERT_EQ(talks.size(), 4u);
  EXPECT_TRUE(merged.feed->location.empty());
  EXPECT_EQ(talks[0].location.name, "Room 5");
  EXPECT_EQ(talks[0].location.address.text, "1 College Rd, Oxford");
  EXPECT_EQ(talks[1].location.name, "Virtual");
  EXPECT_TRUE(talks[1].location.address.empty());  // online stays online
  EXPECT_EQ(talks[2].location.name, "Main Hall");
  EXPECT_EQ(talks[2].location.address.text, "1 College Rd, Oxford");
  EXPECT_EQ(talks[3].location.name, "Elsewhere");
}

TEST(FeedMerge, KeepsEachTalksZoneAndInstant) {
  auto r = merge_feeds({{"seminar.json", load(seminar)}, {"workshop.json", load(workshop)}});
  ASSERT_TRUE(r.feed);
  const feed& f = *r.feed;
  EXPECT_EQ(f.zone, nullptr);  // the feeds disagree
  EXPECT_EQ(f.talks[0].zone->name(), "America/Los_Angeles");
  EXPECT_EQ(f.talks[2].zone->name(), "America/Chicago");
  // zoneinfo: 2024-01-08T15:30 Los Angeles -> 23:30Z; 2024-12-16T08:50 Chicago -> 14:50Z
  EXPECT_EQ(date::format("%FT%TZ", f.talks[0].start), "2024-01-08T23:30:00Z");
  EXPECT_EQ(date::format("%FT%TZ", f.talks[2].start), "2024-12-16T14:50:00Z");
  // Written out and read back, nothing moves.
  auto again = parse_feed(to_feed_json(f));
  ASSERT_TRUE(again.feed);
  EXPECT_EQ(messages(again), std::vector<std::string>{});
  EXPECT_EQ(again.feed->talks[2].zone->name(), "America/Chicago");
  EXPECT_EQ(again.feed->talks[2].start, f.talks[2].start);
}

TEST(FeedMerge, NamesTheMergedFeed) {
  auto joined = merge_feeds({{"a.json", load(seminar)}, {"b.json", load(reading_group)}});
  EXPECT_EQ(joined.feed->title, "Systems Seminar \u00b7 Reading Group");
  EXPECT_EQ(joined.feed->url, "https://seminar.example.org/");  // both feeds have it
  ASSERT_NE(joined.feed->zone, nullptr);
  EXPECT_EQ(joined.feed->zone->name(), "America/Los_Angeles");
  auto named = merge_feeds({{"a.json", load(seminar)}, {"b.json", load(workshop)}}, "All our talks");
  EXPECT_EQ(named.feed->title, "All our talks");
  EXPECT_EQ(named.feed->url, "");
}

TEST(FeedMerge, MergesOneFeedUnchanged) {
  auto f = load(seminar);
  auto r = merge_feeds({{"seminar.json", load(seminar)}});
  ASSERT_TRUE(r.feed);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(to_feed_json(*r.feed), to_feed_json(f));
}

TEST(FeedMerge, MergesNothingIntoAnEmptyFeed) {
  auto r = merge_feeds({});
  ASSERT_TRUE(r.feed);
  EXPECT_TRUE(r.feed->talks.empty());
  EXPECT_TRUE(r.feed->series.empty());
}

TEST(FeedMerge, MergesAnImportedCalendarWithAFeed) {
  auto r = merge_feeds({{"seminar.ics", load(read_fixture("seminar.ics"))},
                        {"frab-schedule.json", load(read_fixture("frab-schedule.json"))}});
  ASSERT_TRUE(r.feed);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.feed->talks.size(), 16u);
  EXPECT_EQ(r.feed->series.front().id, "applied-mathematics-colloquium-fall-2024");
  // The merged feed renders with unique element ids, and exports.
  schedule s(*r.feed);
  auto* zone = locate_zone("Asia/Tokyo");
  auto html = render_html(s, s.find({}, utc("2024-10-01T00:00:00Z"), *zone).talks, {zone, utc("2024-10-01T00:00:00Z")});
  for (std::size_t i = 0; i < 16; ++i)
    EXPECT_NE(html.find("id=\"tt-title-" + std::to_string(i) + "\""), std::string::npos) << i;
  auto ics = to_ics(*r.feed, utc("2024-10-01T00:00:00Z"));
  auto back = parse_any_feed(ics);
  ASSERT_TRUE(back.feed);
  EXPECT_EQ(back.feed->talks.size(), 16u);
}

}  // namespace
