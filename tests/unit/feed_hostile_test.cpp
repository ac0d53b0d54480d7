// Hostile feed shapes found while fuzzing (SECURITY.md): feeds within the size
// limit whose cost used to grow with the square of their size. Each test builds a
// large feed and checks the result; the time bound is generous (it holds under
// ASan too) but far below what the quadratic versions took: minutes to hours.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <functional>
#include <string>

#include "talktime/calendar.hpp"
#include "talktime/feed.hpp"
#include "talktime/html_renderer.hpp"
#include "talktime/schedule.hpp"

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

// How the cost of `work` on `make(n)` grows from n to 4n: the least of five runs at
// 4n over the least of five at n, the runs interleaved so that a busy machine slows
// both alike (the inputs are made before the clock starts). Linear work gives
// about 4, quadratic about 16; the tests below allow 8.
double growth_from_n_to_4n(int n, const std::function<std::string(int)>& make,
                           const std::function<void(const std::string&)>& work) {
  const std::string small = make(n), large = make(4 * n);
  auto seconds = [&](const std::string& text) {
    auto start = std::chrono::steady_clock::now();
    work(text);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  double least_small = 1e9, least_large = 1e9;
  for (int run = 0; run < 5; ++run) {
    least_small = std::min(least_small, seconds(small));
    least_large = std::min(least_large, seconds(large));
  }
  return least_large / least_small;
}

// One talk with n distinct tags (issue 15: 100,000 took 33.5 s, a search of the
// talk's tags per new tag).
TEST(HostileFeeds, ManyTagsOnOneTalkAreReadInLinearTime) {
  auto make = [](int n) {
    std::string text = R"({"talktime":1,"talks":[{"id":"t","title":"T","start":"2024-05-02T10:00Z","tags":[)";
    for (int i = 0; i < n; ++i) text += std::string(i ? "," : "") + "\"tag" + std::to_string(i) + "\"";
    return text + R"(,"tag7"]}]})";
  };
  auto parsed = parse_feed(make(5));
  ASSERT_TRUE(parsed.feed);
  EXPECT_EQ(parsed.feed->talks[0].tags, (std::vector<std::string>{"tag0", "tag1", "tag2", "tag3", "tag4", "tag7"}));
  double growth = growth_from_n_to_4n(20000, make, [](const std::string& text) { EXPECT_TRUE(parse_feed(text).feed); });
  EXPECT_LT(growth, 8.0) << "reading tags grows faster than linearly";
}

// n talks, each in its own declared series (issue 15: the reader, the query
// engine, the renderer and the calendar export each searched the series array once
// per talk). The ids share a long prefix, as generated ids do, so that a search
// that compares them one by one costs what it would on a real feed.
std::string feed_with_one_series_per_talk(int n) {
  const std::string prefix(120, 's');
  std::string series, talks;
  for (int i = 0; i < n; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "%08d", i);
    series += std::string(i ? "," : "") + R"({"id":")" + prefix + id + R"(","title":"Series )" + id + "\"}";
    talks += std::string(i ? "," : "") + R"({"id":"t)" + id + R"(","title":"T","start":"2024-05-02T10:00Z","series":")" +
             prefix + id + "\"}";
  }
  return R"({"talktime":1,"series":[)" + series + R"(],"talks":[)" + talks + "]}";
}

TEST(HostileFeeds, ManySeriesNamedByTalksCostLinearTimeInEveryStep) {
  {
    auto parsed = parse_feed(feed_with_one_series_per_talk(2));
    ASSERT_TRUE(parsed.feed);
    EXPECT_TRUE(parsed.diagnostics.empty());
    schedule s(std::move(*parsed.feed));
    ASSERT_NE(s.series_of(s.feed().talks[1]), nullptr);
    EXPECT_EQ(s.series_of(s.feed().talks[1])->title, "Series 00000001");
  }
  const auto* utc = locate_zone("UTC");
  render_options o;
  o.display_zone = utc;
  auto all = [&](const schedule& s) { return s.find({}, sys_seconds{}, *utc).talks; };
  auto step = [&](const char* name, const std::function<void(const std::string&)>& work) {
    EXPECT_LT(growth_from_n_to_4n(3000, feed_with_one_series_per_talk, work), 8.0)
        << name << " grows faster than linearly with the number of series";
  };
  step("reading", [](const std::string& text) { EXPECT_TRUE(parse_feed(text).feed); });
  auto schedule_of = [](const std::string& text) { return schedule(std::move(*parse_feed(text).feed)); };
  // The steps below are timed with the reading they need, which is linear.
  step("indexing", [&](const std::string& text) { EXPECT_FALSE(all(schedule_of(text)).empty()); });
  step("rendering", [&](const std::string& text) {
    auto s = schedule_of(text);
    EXPECT_FALSE(render_html(s, all(s), o).empty());
  });
  step("exporting", [&](const std::string& text) {
    auto s = schedule_of(text);
    EXPECT_FALSE(to_ics(s.feed(), all(s), sys_seconds{}).empty());
  });
}

}  // namespace
