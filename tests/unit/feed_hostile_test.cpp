// Hostile feed shapes found while fuzzing (SECURITY.md): feeds within the size
// limit whose cost used to grow with the square of their size. Each test builds a
// large feed and checks the result; the time bound is generous (it holds under
// ASan too) but far below what the quadratic versions took: minutes to hours.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "talktime/feed.hpp"

namespace {

using namespace talktime;

double seconds_to_parse(const std::string& text, parse_result& out) {
  auto start = std::chrono::steady_clock::now();
  out = parse_feed(text);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Every bad value used to be located by a walk from the start of the text:
// 50,000 non-object talks took about 40 s, 8 million (16 MiB) days. Now 100
// problems are listed and the rest counted.
TEST(HostileFeeds, ManyBadTalksAreCountedNotAllListed) {
  std::string text = R"({"talktime":1,"talks":[)";
  for (int i = 0; i < 50000; ++i) text += i ? ",1" : "1";
  text += "]}";
  parse_result r;
  EXPECT_LT(seconds_to_parse(text, r), 20.0);
  ASSERT_TRUE(r.feed);
  EXPECT_TRUE(r.feed->talks.empty());
  ASSERT_EQ(r.diagnostics.size(), 101u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "[talk.not_object] /talks/0 (line 1, column 24): talk 0 should be an object, not a number");
  EXPECT_EQ(r.diagnostics[99].pointer, "/talks/99");
  EXPECT_EQ(r.diagnostics.back().to_string(),
            "[feed.too_many_problems]: 49900 more problems (49900 of them errors) were found but are not listed");
  EXPECT_EQ(r.diagnostics.back().level, severity::error);
}

TEST(HostileFeeds, UnlistedWarningsAreCountedAsWarnings) {
  std::string text = R"({"talktime":1,"talks":[{"id":"t","title":"T","start":"2024-05-02T10:00Z","tags":[)";
  for (int i = 0; i < 150; ++i) text += i ? ",1" : "1";
  text += "]}]}";
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(r.feed->talks.size(), 1u);
  ASSERT_EQ(r.diagnostics.size(), 101u);
  EXPECT_EQ(r.diagnostics.back().level, severity::warning);
  EXPECT_EQ(r.diagnostics.back().message, "50 more problems (0 of them errors) were found but are not listed");
}

// Talks with the same title and day and no id used to probe "-2", "-3", … from the
// start for every talk: 30,000 of them took over a minute.
TEST(HostileFeeds, ManyTalksWithTheSameDerivedIdGetNumberedInLinearTime) {
  std::string text = R"({"talktime":1,"talks":[)";
  for (int i = 0; i < 30000; ++i) text += std::string(i ? "," : "") + R"({"title":"Same","start":"2024-05-02"})";
  text += "]}";
  parse_result r;
  EXPECT_LT(seconds_to_parse(text, r), 20.0);
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 30000u);
  EXPECT_EQ(r.feed->talks[0].id, "2024-05-02-same");
  EXPECT_EQ(r.feed->talks[1].id, "2024-05-02-same-2");
  EXPECT_EQ(r.feed->talks.back().id, "2024-05-02-same-30000");
}

TEST(HostileFeeds, DerivedIdsStillStepAroundTakenIds) {
  auto r = parse_feed(R"({"talktime":1,"talks":[
    {"title":"Same","start":"2024-05-02"},
    {"id":"2024-05-02-same-2","title":"Explicit","start":"2024-05-02"},
    {"title":"Same","start":"2024-05-02"},
    {"title":"Same","start":"2024-05-02"}]})");
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 4u);
  EXPECT_EQ(r.feed->talks[0].id, "2024-05-02-same");
  EXPECT_EQ(r.feed->talks[1].id, "2024-05-02-same-2");
  EXPECT_EQ(r.feed->talks[2].id, "2024-05-02-same-3");
  EXPECT_EQ(r.feed->talks[3].id, "2024-05-02-same-4");
}

// Each series used to be checked against every earlier one for a duplicate id:
// 200,000 series took about 40 s.
TEST(HostileFeeds, ManySeriesAreDeclaredInLinearTime) {
  std::string text = R"({"talktime":1,"talks":[],"series":[)";
  for (int i = 0; i < 200000; ++i) text += std::string(i ? "," : "") + R"({"id":"s)" + std::to_string(i) + R"("})";
  text += R"(,{"id":"s7"}]})";
  parse_result r;
  EXPECT_LT(seconds_to_parse(text, r), 20.0);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(r.feed->series.size(), 200000u);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "feed.bad_field");
  EXPECT_EQ(r.diagnostics[0].pointer, "/series/200000/id");
}

}  // namespace
