// Hostile feed shapes found while fuzzing (SECURITY.md): feeds within the size
// limit whose cost used to grow with the square of their size. Each test builds a
// large feed and checks the result; the time bound is generous (it holds under
// ASan too) but far below what the quadratic versions took: minutes to hours.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "growth.hpp"
#include "talktime/calendar.hpp"
#include "talktime/feed.hpp"
#include "talktime/html_renderer.hpp"
#include "talktime/schedule.hpp"

namespace {

using namespace talktime;
using test_support::growth_from_n_to_8n;
using test_support::linear_growth_limit;

// Parsing n and 8n copies of a shape must grow linearly (tests/unit/growth.hpp):
// a ratio, not a time budget, so a loaded machine does not fail it.
double parse_growth(int n, const std::function<std::string(int)>& make) {
  std::function<void(const std::string&)> parse = [](const std::string& text) { parse_feed(text); };
  return growth_from_n_to_8n(n, make, parse);
}

// Every bad value used to be located by a walk from the start of the text:
// 50,000 non-object talks took about 40 s, 8 million (16 MiB) days. Now 100
// problems are listed and the rest counted.
TEST(HostileFeeds, ManyBadTalksAreCountedNotAllListed) {
  std::function<std::string(int)> make = [](int n) {
    std::string text = R"({"talktime":1,"talks":[)";
    for (int i = 0; i < n; ++i) text += i ? ",1" : "1";
    return text + "]}";
  };
  EXPECT_LT(parse_growth(6250, make), linear_growth_limit) << "locating and counting bad talks";
  auto r = parse_feed(make(50000));
  ASSERT_TRUE(r.feed);
  EXPECT_TRUE(r.feed->talks.empty());
  ASSERT_EQ(r.diagnostics.size(), 101u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "[talk.not_object] /talks/0 (line 1, column 24): talk 0 should be an object, not a number");
  EXPECT_EQ(r.diagnostics[99].pointer, "/talks/99");
  EXPECT_EQ(r.diagnostics.back().to_string(),
            "[feed.too_many_problems]: 49901 more problems (49901 of them errors) were found but are not listed");
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
  std::function<std::string(int)> make = [](int n) {
    std::string text = R"({"talktime":1,"talks":[)";
    for (int i = 0; i < n; ++i) text += std::string(i ? "," : "") + R"({"title":"Same","start":"2024-05-02"})";
    return text + "]}";
  };
  EXPECT_LT(parse_growth(1000, make), linear_growth_limit) << "numbering derived ids";
  auto r = parse_feed(make(30000));
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
  std::function<std::string(int)> make = [](int n) {
    std::string text = R"({"talktime":1,"talks":[],"series":[)";
    for (int i = 0; i < n; ++i) text += std::string(i ? "," : "") + R"({"id":"s)" + std::to_string(i) + R"("})";
    return text + R"(,{"id":"s7"}]})";
  };
  EXPECT_LT(parse_growth(5000, make), linear_growth_limit) << "declaring series";
  auto r = parse_feed(make(200000));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(r.feed->series.size(), 200000u);
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].code, "feed.bad_field");
  EXPECT_EQ(r.diagnostics[0].pointer, "/series/200000/id");
  EXPECT_EQ(r.diagnostics[1].code, "feed.empty");  // "talks": []
}

// One talk with n distinct tags (issue 15: 100,000 took 33.5 s, a search of the
// talk's tags per new tag).
TEST(HostileFeeds, ManyTagsOnOneTalkAreReadInLinearTime) {
  std::function<std::string(int)> make = [](int n) {
    std::string text = R"({"talktime":1,"talks":[{"id":"t","title":"T","start":"2024-05-02T10:00Z","tags":[)";
    for (int i = 0; i < n; ++i) text += std::string(i ? "," : "") + "\"tag" + std::to_string(i) + "\"";
    return text + R"(,"tag7"]}]})";
  };
  auto parsed = parse_feed(make(5));
  ASSERT_TRUE(parsed.feed);
  EXPECT_EQ(parsed.feed->talks[0].tags, (std::vector<std::string>{"tag0", "tag1", "tag2", "tag3", "tag4", "tag7"}));
  std::function<void(const std::string&)> read = [](const std::string& text) { EXPECT_TRUE(parse_feed(text).feed); };
  EXPECT_LT(growth_from_n_to_8n(10000, make, read), linear_growth_limit) << "reading tags grows faster than linearly";
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

// A parsed feed as each step below takes it: its schedule and every talk in order.
struct scheduled {
  std::shared_ptr<schedule> s;
  std::vector<std::size_t> order;
};

scheduled schedule_with_one_series_per_talk(int n) {
  auto s = std::make_shared<schedule>(std::move(*parse_feed(feed_with_one_series_per_talk(n)).feed));
  auto order = s->find({}, sys_seconds{}, *locate_zone("UTC")).talks;
  return {s, order};
}

TEST(HostileFeeds, ManySeriesNamedByTalksCostLinearTimeInEveryStep) {
  {
    auto two = schedule_with_one_series_per_talk(2);
    EXPECT_EQ(two.order.size(), 2u);
    ASSERT_NE(two.s->series_of(two.s->feed().talks[1]), nullptr);
    EXPECT_EQ(two.s->series_of(two.s->feed().talks[1])->title, "Series 00000001");
  }
  std::function<std::string(int)> text = feed_with_one_series_per_talk;
  std::function<void(const std::string&)> read = [](const std::string& t) { EXPECT_TRUE(parse_feed(t).feed); };
  EXPECT_LT(growth_from_n_to_8n(1000, text, read), linear_growth_limit) << "reading";

  std::function<feed(int)> parsed = [](int n) { return std::move(*parse_feed(feed_with_one_series_per_talk(n)).feed); };
  std::function<void(const feed&)> index = [](const feed& f) { schedule s(f); };
  EXPECT_LT(growth_from_n_to_8n(1000, parsed, index), linear_growth_limit) << "indexing (the query engine)";

  std::function<scheduled(int)> ready = schedule_with_one_series_per_talk;
  render_options o;
  o.display_zone = locate_zone("UTC");
  std::function<void(const scheduled&)> render = [&](const scheduled& in) { EXPECT_FALSE(render_html(*in.s, in.order, o).empty()); };
  EXPECT_LT(growth_from_n_to_8n(1000, ready, render), linear_growth_limit) << "rendering";
  std::function<void(const scheduled&)> ics = [](const scheduled& in) {
    EXPECT_FALSE(to_ics(in.s->feed(), in.order, sys_seconds{}).empty());
  };
  EXPECT_LT(growth_from_n_to_8n(1000, ready, ics), linear_growth_limit) << "exporting to iCalendar";
}

// An object with n members (issue 15: 100,000 took 20.8 s natively, each member
// searched for among the earlier ones), at the top level and inside a talk.
std::string feed_with_many_keys(int n, bool in_talk) {
  std::string members;
  for (int i = 0; i < n; ++i) members += std::string(i ? "," : "") + "\"k" + std::to_string(i) + "\":0";
  if (!in_talk) return R"({"talktime":1,"talks":[],"x":{)" + members + "}}";
  return R"({"talktime":1,"talks":[{"id":"t",)" + members + R"(,"title":"T","start":"2024-05-02T10:00Z"}]})";
}

TEST(HostileFeeds, ObjectsWithManyMembersAreReadInLinearTime) {
  for (bool in_talk : {false, true}) {
    std::function<std::string(int)> make = [in_talk](int n) { return feed_with_many_keys(n, in_talk); };
    std::function<void(const std::string&)> read = [](const std::string& text) { EXPECT_TRUE(parse_feed(text).feed); };
    EXPECT_LT(growth_from_n_to_8n(10000, make, read), linear_growth_limit)
        << "reading an object's members grows faster than linearly" << (in_talk ? " (in a talk)" : "");
  }
  auto r = parse_feed(feed_with_many_keys(1000, true));
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 1u);
  EXPECT_EQ(r.feed->talks[0].title, "T");
}

// A repeated member keeps its first place and takes the last value, in small
// objects (searched) and large ones (indexed) alike, as nlohmann's reader does.
TEST(HostileFeeds, ARepeatedMemberTakesTheLastValue) {
  for (int extra : {0, 40}) {
    std::string members;
    for (int i = 0; i < extra; ++i) members += "\"x" + std::to_string(i) + "\":0,";
    auto r = parse_feed(R"({"talktime":1,"talks":[{"id":"t",)" + members +
                        R"("title":"First","start":"2024-05-02T10:00Z","title":"Last"}]})");
    ASSERT_TRUE(r.feed);
    EXPECT_EQ(r.feed->talks.at(0).title, "Last") << extra << " other members";
  }
}

// Problems after a large stretch of text (issue 15: 150 unknown kinds after 16 MiB
// took 31.6 s in the browser, each listed problem located by a walk from byte 0).
std::string padded_feed_with_bad_kinds(int padding) {
  std::string text = R"({"talktime":1,"pad":")" + std::string(std::size_t(padding), 'a') + R"(","talks":[)";
  for (int i = 0; i < 150; ++i)
    text += std::string(i ? "," : "") + R"({"id":"t)" + std::to_string(i) + R"(","title":"T","start":"2024-05-02T10:00Z","kind":"zzz"})";
  return text + "\n]}";
}

TEST(HostileFeeds, ProblemsAtTheEndOfALargeFeedAreLocatedInOnePass) {
  auto r = parse_feed(padded_feed_with_bad_kinds(100));
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.diagnostics.size(), 101u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "[talk.unknown_kind] /talks/0/kind (line 1, column 191): unknown kind \"zzz\" shown as \"other\"");
  EXPECT_EQ(r.diagnostics[99].pointer, "/talks/99/kind");
  EXPECT_EQ(r.diagnostics[99].line, 1);
  std::function<std::string(int)> make = padded_feed_with_bad_kinds;
  std::function<void(const std::string&)> read = [](const std::string& text) {
    EXPECT_EQ(parse_feed(text).diagnostics.size(), 101u);
  };
  // n and 8n bytes of padding: the walks, not the 150 talks, are what grows.
  EXPECT_LT(growth_from_n_to_8n(200000, make, read), linear_growth_limit) << "locating problems";
}

// Exports write four-digit years (RFC 5545): a talk that would need a fifth is
// skipped with a located error naming the field that carries it past 9999-12-30.
TEST(HostileFeeds, TalksPastTheLastExportableDayAreSkipped) {
  auto r = parse_feed(R"({"talktime":1,"timezone":"America/Chicago","talks":[
    {"id":"ok","title":"Last","start":"9999-12-30T17:00","duration":59},
    {"id":"start","title":"S","start":"9999-12-31T23:00"},
    {"id":"end","title":"E","start":"9999-12-30T10:00","end":"9999-12-31T20:00"},
    {"id":"dur","title":"D","start":"9999-12-30T17:00","duration":"PT2H"},
    {"id":"day","title":"Day","start":"9999-12-31"},
    {"id":"days","title":"Days","start":"9999-12-29","end":"9999-12-30"}]})");
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 2u);
  EXPECT_EQ(r.feed->talks[0].id, "ok");
  EXPECT_EQ(r.feed->talks[1].id, "days");
  std::vector<std::string> shown;
  for (const auto& d : r.diagnostics) shown.push_back(d.code + " " + d.pointer);
  EXPECT_EQ(shown, (std::vector<std::string>{"talk.bad_start /talks/1/start", "talk.bad_end /talks/2/end",
                                             "talk.bad_duration /talks/3/duration", "talk.bad_start /talks/4/start"}));
  EXPECT_EQ(r.diagnostics[0].message,
            "the talk starts after 9999-12-30 (UTC), later than calendars can hold (their years have four digits) (talk \"start\")");
  EXPECT_EQ(r.diagnostics[0].line, 3);
}

}  // namespace
