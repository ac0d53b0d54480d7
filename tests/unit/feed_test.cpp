// The feed model (src/feed/feed.cpp): kind and status names, series lookup, and
// the facets a widget's toolbar offers (facets_of).
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>
#include <vector>

#include "talktime/feed.hpp"

namespace {

using namespace talktime;

feed load(std::string_view text) {
  auto r = parse_feed(text);
  EXPECT_TRUE(r.feed.has_value()) << testing::PrintToString(test_support::messages(r));
  return r.feed ? std::move(*r.feed) : feed{};
}

std::vector<std::string> ids_and_titles(const std::vector<series_info>& series) {
  std::vector<std::string> out;
  for (const auto& s : series) out.push_back(s.id + "=" + s.title);
  return out;
}

TEST(FeedModel, NamesKindsAndStatusesAsTheFeedSpellsThem) {
  EXPECT_EQ(to_string(talk_kind::break_time), "break");
  EXPECT_EQ(to_string(talk_kind::other), "other");
  EXPECT_EQ(to_string(talk_status::cancelled), "cancelled");
  EXPECT_EQ(to_string(talk_status::tentative), "tentative");
}

TEST(FeedModel, FindsDeclaredSeriesById) {
  feed f;
  f.series = {{"ml", "Machine learning", "", ""}, {"db", "Databases", "", ""}};
  ASSERT_NE(f.find_series("db"), nullptr);
  EXPECT_EQ(f.find_series("db")->title, "Databases");
  EXPECT_EQ(f.find_series("DB"), nullptr);
}

TEST(FeedFacets, ListsSeriesKindsTagsZonesAndTheTalkCount) {
  auto f = load(R"({"talktime": 1, "timezone": "Europe/Berlin",
    "series": [{"id": "ml", "title": "Machine learning"}, {"id": "db"}],
    "talks": [
      {"title": "A", "start": "2024-05-02T09:00", "kind": "keynote", "series": "extra", "tags": ["zeta", "Alpha"],
       "timezone": "Asia/Kolkata"},
      {"title": "B", "start": "2024-05-02T10:00", "series": "ml", "tags": ["beta", "zeta"]},
      {"title": "C", "start": "2024-05-02T11:00", "kind": "break", "series": "other-undeclared",
       "timezone": "Asia/Calcutta"},
      {"title": "D", "start": "2024-05-02T12:00", "kind": "keynote", "series": "extra", "tags": ["alpha"]}
    ]})");
  auto facets = facets_of(f);
  EXPECT_EQ(ids_and_titles(facets.series), (std::vector<std::string>{"ml=Machine learning", "db=db", "extra=extra",
                                                                       "other-undeclared=other-undeclared"}));
  EXPECT_EQ(facets.kinds, (std::vector<talk_kind>{talk_kind::keynote, talk_kind::talk, talk_kind::break_time}));
  EXPECT_EQ(facets.tags, (std::vector<std::string>{"Alpha", "alpha", "beta", "zeta"}));
  // Talk B has the feed's zone; "Asia/Calcutta" is a link to Asia/Kolkata, listed once.
  EXPECT_EQ(facets.event_zones, (std::vector<std::string>{"Asia/Kolkata", "Europe/Berlin"}));
  EXPECT_EQ(facets.talk_count, 4u);
}

TEST(FeedFacets, AreEmptyForAFeedWithoutTalks) {
  auto facets = facets_of(load(R"({"talktime": 1, "talks": []})"));
  EXPECT_TRUE(facets.series.empty());
  EXPECT_TRUE(facets.kinds.empty());
  EXPECT_TRUE(facets.tags.empty());
  EXPECT_TRUE(facets.event_zones.empty());
  EXPECT_EQ(facets.talk_count, 0u);
}

// Many talks, each with its own tag and undeclared series: facets_of must stay
// linear (the old toolbar code searched a growing list for each talk).
TEST(FeedFacets, KeepEveryDistinctValueOfALargeFeed) {
  feed f;
  for (int i = 0; i < 20000; ++i) {
    talk t;
    t.title = "T";
    t.series = "s" + std::to_string(i);
    t.tags = {"tag" + std::to_string(i % 5000)};
    f.talks.push_back(std::move(t));
  }
  auto facets = facets_of(f);
  EXPECT_EQ(facets.series.size(), 20000u);
  EXPECT_EQ(facets.series.back().id, "s19999");
  EXPECT_EQ(facets.tags.size(), 5000u);
  EXPECT_EQ(facets.tags.front(), "tag0");
  EXPECT_EQ(facets.tags.back(), "tag999");
}

}  // namespace
