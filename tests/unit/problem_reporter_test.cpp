// The one problem reporter (src/common/problem_reporter.hpp): positions from byte
// offsets, the byte order mark, the budget of listed problems.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/problem_reporter.hpp"

namespace {

using namespace talktime::detail;
using talktime::diagnostic;
using talktime::severity;

TEST(PositionAt, CountsLinesAndCodePoints) {
  std::string_view text = "ab\nKä🎉x\n";
  EXPECT_EQ(position_at(text, 0).line, 1);
  EXPECT_EQ(position_at(text, 0).column, 1);
  EXPECT_EQ(position_at(text, 2).column, 3);
  auto x = position_at(text, text.find('x'));
  EXPECT_EQ(x.line, 2);
  EXPECT_EQ(x.column, 4);  // K, ä, 🎉 are one column each
  auto end = position_at(text, text.size());
  EXPECT_EQ(end.line, 3);
  EXPECT_EQ(end.column, 1);
}


TEST(PositionAt, CountsAByteOrderMarkAsOneColumn) {
  std::string_view text = "\xEF\xBB\xBF{}\n[]";
  EXPECT_EQ(position_at(text, 3).column, 2);
  EXPECT_EQ(position_at(text, text.find('[')).line, 2);
  EXPECT_EQ(position_at(text, text.find('[')).column, 1);
  EXPECT_EQ(skip_bom(text), "{}\n[]");
  EXPECT_EQ(skip_bom("{}"), "{}");
}

std::vector<std::string> texts(const std::vector<diagnostic>& list) {
  std::vector<std::string> out;
  for (const auto& d : list) out.push_back(d.to_string());
  return out;
}

// A locator that finds "/x" at the byte where 'x' is (a stand-in for the JSON one),
// counting its calls: the reporter asks once for all its problems.
int locator_calls = 0;
std::vector<std::optional<std::size_t>> find_names(std::string_view text, const std::vector<std::string>& pointers) {
  ++locator_calls;
  std::vector<std::optional<std::size_t>> found;
  for (const auto& pointer : pointers) {
    auto at = text.find(pointer.substr(1));
    found.push_back(at == std::string_view::npos ? std::nullopt : std::optional<std::size_t>(at));
  }
  return found;
}

TEST(PositionsAt, FindsOffsetsInAnyOrderInOnePass) {
  std::string_view text = "ab\nK\xC3\xA4x\n";
  auto p = positions_at(text, {text.size(), 0, text.find('x'), 1});
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].line, 3);
  EXPECT_EQ(p[0].column, 1);
  EXPECT_EQ(p[1].line, 1);
  EXPECT_EQ(p[1].column, 1);
  EXPECT_EQ(p[2].line, 2);
  EXPECT_EQ(p[2].column, 3);
  EXPECT_EQ(p[3].column, 2);
}

TEST(ProblemReporter, LocatesThroughItsLocatorOrByLine) {
  std::vector<diagnostic> out;
  locator_calls = 0;
  problem_reporter problems("ab\ncd", "feed", out, find_names);
  problems.error("feed.a", "/d", "about d");
  problems.warn("feed.b", "/zz", "not in the text");
  problems.report_line(severity::warning, "ics.c", 2, "line two");
  problems.report_line(severity::error, "ics.d", 0, "the whole text");
  problems.finish();
  EXPECT_EQ(locator_calls, 1);
  EXPECT_EQ(texts(out), (std::vector<std::string>{"[feed.a] /d (line 2, column 2): about d", "[feed.b] /zz: not in the text",
                                                  "[ics.c] line 2, column 1: line two", "[ics.d]: the whole text"}));
  EXPECT_EQ(out[1].level, severity::warning);
}

TEST(ProblemReporter, ListsAHundredAndCountsTheRest) {
  std::vector<diagnostic> out;
  problem_reporter problems("", "frab", out);
  for (int i = 0; i < 103; ++i) problems.warn("frab.w", "", "w");
  problems.error("frab.e", "", "e");
  problems.finish();
  ASSERT_EQ(out.size(), 101u);
  EXPECT_EQ(out.back().to_string(), "[frab.too_many_problems]: 4 more problems (1 of them errors) were found but are not listed");
  EXPECT_EQ(out.back().level, severity::error);
}

TEST(ProblemReporter, KeepsRoomForTheReasonOfAFailure) {
  std::vector<diagnostic> out;
  problem_reporter problems("", "frab", out);
  for (int i = 0; i < 120; ++i) problems.warn("frab.w", "", "w");
  problems.keep_room_for_one();
  problems.error("frab.too_large", "", "too large");
  problems.finish();
  ASSERT_EQ(out.size(), 102u);
  EXPECT_EQ(out[100].code, "frab.too_large");
  EXPECT_EQ(out[101].to_string(), "[frab.too_many_problems]: 20 more problems (0 of them errors) were found but are not listed");
  EXPECT_EQ(out[101].level, severity::warning);
}

TEST(ProblemReporter, AddsNoCountWhenEverythingWasListed) {
  std::vector<diagnostic> out;
  problem_reporter problems("", "ics", out);
  problems.warn("ics.w", "", "w");
  problems.finish();
  EXPECT_EQ(out.size(), 1u);
}

}  // namespace
