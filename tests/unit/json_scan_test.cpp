// Byte-level passes over JSON text (src/feed/json_scan.hpp): the preflight that
// enforces limits and repairs encoding, and the JSON Pointer locator.
#include <gtest/gtest.h>

#include <string>

#include "feed/json_scan.hpp"

namespace {

using namespace talktime::detail;
using talktime::feed_limits;
using talktime::severity;

TEST(Preflight, PassesCleanTextThrough) {
  auto r = preflight_json(R"({"a":["Kä🎉\ud83d\ude00"]})", {});
  EXPECT_FALSE(r.changed);
  EXPECT_FALSE(r.error);
  EXPECT_TRUE(r.warnings.empty());
  EXPECT_TRUE(r.repaired.empty());
}

TEST(Preflight, RepairsInvalidUtf8KeepingPositions) {
  std::string text = "{\"t\":\"K\xE4stner\"}";
  auto r = preflight_json(text, {});
  ASSERT_TRUE(r.changed);
  EXPECT_EQ(r.repaired, "{\"t\":\"K\xEF\xBF\xBDstner\"}");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].to_string(), "[feed.bad_utf8] line 1, column 8: invalid UTF-8 byte 0xE4 replaced by U+FFFD");
  EXPECT_EQ(r.warnings[0].level, severity::warning);
}

TEST(Preflight, ReportsEachInvalidByteAtItsOwnColumn) {
  auto r = preflight_json("[\"\xA9\xA9x\"]", {});
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].column, 3);
  EXPECT_EQ(r.warnings[1].column, 4);
}

TEST(Preflight, CapsEncodingWarningsAtTen) {
  std::string text = "[\"" + std::string(13, '\xFF') + "\"]";
  auto r = preflight_json(text, {});
  ASSERT_EQ(r.warnings.size(), 11u);
  EXPECT_EQ(r.warnings[10].to_string(), "[feed.bad_utf8]: 3 more encoding problems were repaired");
  EXPECT_EQ(r.warnings[10].line, 0);
  EXPECT_EQ(r.warnings[10].column, 0);
}

TEST(Preflight, ReplacesUnpairedSurrogateEscapes) {
  auto r = preflight_json(R"(["\ud800", "\udc00", "\ud83d\ude00", "\\ud800", "\ud83d"])", {});
  ASSERT_TRUE(r.changed);
  EXPECT_EQ(r.repaired, R"(["\uFFFD", "\uFFFD", "\ud83d\ude00", "\\ud800", "\uFFFD"])");
  ASSERT_EQ(r.warnings.size(), 3u);
  EXPECT_EQ(r.warnings[0].to_string(), "[feed.lone_surrogate] line 1, column 3: unpaired surrogate \\ud800 replaced by U+FFFD");
  EXPECT_EQ(r.warnings[1].column, 13);
  EXPECT_EQ(r.warnings[2].column, 50);
}

TEST(Preflight, EnforcesSizeAndDepthLimits) {
  feed_limits small;
  small.max_bytes = 10;
  auto big = preflight_json("[1,2,3,4,5,6]", small);
  ASSERT_TRUE(big.error);
  EXPECT_EQ(big.error->to_string(), "[feed.too_large] line 1, column 1: the feed is 13 bytes; the limit is 10 bytes");
  EXPECT_FALSE(preflight_json("[1,2,3,4]", small).error);  // 9 bytes

  feed_limits shallow;
  shallow.max_depth = 3;
  EXPECT_FALSE(preflight_json("[[[1]]]", shallow).error);
  EXPECT_FALSE(preflight_json("[\"[[[[[[\"]", shallow).error);  // brackets in strings do not count
  auto deep = preflight_json("[[[[1]]]]", shallow);
  ASSERT_TRUE(deep.error);
  EXPECT_EQ(deep.error->to_string(), "[feed.too_deep] line 1, column 4: arrays and objects nest deeper than 3 levels, the limit");
}

TEST(LocatePointer, FindsValuesInNestedText) {
  std::string_view text =
      "{\n"
      "  \"a/b\": 1, \"m~n\": [true, \"x]},\\\"\", {\"k\": null}],\n"
      "  \"talks\": [\n"
      "    {\"title\": \"Kä\", \"start\": \"2024\"},\n"
      "    {\"title\": \"B\", \"links\": {\"slides\": \"s.pdf\"}}\n"
      "  ],\n"
      "  \"dup\": 1, \"dup\": 2\n"
      "}\n";
  auto at = [&](std::string_view pointer) {
    auto p = locate_pointer(text, pointer);
    return p ? std::to_string(p->line) + ":" + std::to_string(p->column) : std::string("none");
  };
  EXPECT_EQ(at(""), "1:1");
  EXPECT_EQ(at("/a~1b"), "2:10");
  EXPECT_EQ(at("/m~0n/1"), "2:27");
  EXPECT_EQ(at("/m~0n/2/k"), "2:43");
  EXPECT_EQ(at("/talks"), "3:12");
  EXPECT_EQ(at("/talks/0"), "4:5");
  EXPECT_EQ(at("/talks/0/start"), "4:30");  // ä is one column
  EXPECT_EQ(at("/talks/1/links/slides"), "5:40");
  EXPECT_EQ(at("/dup"), "7:20");  // the last duplicate wins, as when parsing
  EXPECT_EQ(at("/talks/2"), "none");
  EXPECT_EQ(at("/missing"), "none");
  EXPECT_EQ(at("/a~1b/0"), "none");
  EXPECT_EQ(at("/talks/x"), "none");
  EXPECT_EQ(at("talks"), "none");
}

// All of a reader's problems are located together: the same answers as one by one,
// in the order asked, with repeats, from a single walk.
TEST(PointerOffsets, FindsManyPointersInOneWalk) {
  std::string_view text = R"({"talks": [{"a": 1}, {"a": 2, "b": [3, 4]}], "dup": 5, "dup": 6})";
  std::vector<std::string> pointers{"/talks/1/b/1", "/dup", "/talks/0/a", "/nope", "/talks/1/b/1", "", "bad", "/talks/9"};
  auto found = pointer_offsets(text, pointers);
  ASSERT_EQ(found.size(), pointers.size());
  EXPECT_EQ(found[0], text.find('4'));
  EXPECT_EQ(found[1], text.find('6'));  // the last duplicate wins
  EXPECT_EQ(found[2], text.find('1'));
  EXPECT_EQ(found[3], std::nullopt);
  EXPECT_EQ(found[4], found[0]);
  EXPECT_EQ(found[5], 0u);
  EXPECT_EQ(found[6], std::nullopt);  // not a JSON Pointer
  EXPECT_EQ(found[7], std::nullopt);
  for (std::size_t i = 0; i < pointers.size(); ++i) EXPECT_EQ(found[i], pointer_offset(text, pointers[i])) << pointers[i];
}

// A byte order mark is skipped by the locator and counts as one column of line 1.
TEST(LocatePointer, FindsValuesAfterAByteOrderMark) {
  std::string text = "\xEF\xBB\xBF{\"a\": [1,\n 2]}";
  ASSERT_TRUE(pointer_offset(text, "/a/1"));
  EXPECT_EQ(*pointer_offset(text, "/a/1"), text.find('2'));
  auto first = locate_pointer(text, "/a");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->line, 1);
  EXPECT_EQ(first->column, 8);  // after the mark, {, ", a, ", : and a space
  auto second = locate_pointer(text, "/a/1");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->line, 2);
  EXPECT_EQ(second->column, 2);
}

}  // namespace
