// Duplicate JSON keys (src/feed/json_document.cpp): the last value is used, as in
// JavaScript's JSON.parse, with a warning located at the repeated key.
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>
#include <vector>

#include "talktime/feed_formats.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

TEST(DuplicateKeys, WarnAtTheRepeatedKeyAndUseTheLastValue) {
  const std::string text = "{\"talktime\": 1, \"title\": \"A\",\n \"title\": \"B\", \"talks\": [{\"id\": \"x\", \"start\": "
                           "\"2024-05-02T10:00Z\",\n  \"title\": \"one\", \"title\": \"two\", \"title\": \"three\"}]}";
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(r.feed->title, "B");
  EXPECT_EQ(r.feed->talks[0].title, "three");
  const std::string said = ": key \"title\" is given again in this object; its last value is used";
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[feed.duplicate_key] /title " + where(text, "\"title\": \"B\"") + said,
                             "[feed.duplicate_key] /talks/0/title " + where(text, "\"title\": \"two\"") + said,
                             "[feed.duplicate_key] /talks/0/title " + where(text, "\"title\": \"three\"") + said}));
}

// Keys with escapes are compared as text, and a key inside a string value is no key.
TEST(DuplicateKeys, CompareKeysAsTextAndSkipStrings) {
  const std::string text = R"({"talktime": 1, "talks": [], "x": "\"a\": 1", "a": {"k\u0065y": 1, "key": 2}})";
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "[feed.duplicate_key] /a/key " + where(text, "\"key\"") +
                                 ": key \"key\" is given again in this object; its last value is used",
                             "[feed.empty] /talks " + where(text, "[]") + ": the feed has no talks yet"}));
}

// A frab file's duplicates are frab.* and located in the frab file.
TEST(DuplicateKeys, AreReportedInFrabFilesToo) {
  const std::string text = R"({"schedule": {"conference": {"title": "C", "title": "D", "time_zone_name": "UTC", "days": [
    {"date": "2024-05-02", "rooms": {"Hall": [{"id": 1, "date": "2024-05-02T10:00:00+00:00", "title": "T"}]}}]}}})";
  auto r = parse_any_feed(text);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(r.feed->title, "D");
  EXPECT_EQ(messages(r), (std::vector<std::string>{"[frab.duplicate_key] /schedule/conference/title " +
                                                   where(text, "\"title\": \"D\"") +
                                                   ": key \"title\" is given again in this object; its last value is used"}));
}

// A repeat inside a value that a later repeat replaces is not reported: that value is
// not used, and its pointer would name nothing (found by fuzz_import_frab).
TEST(DuplicateKeys, InsideAReplacedValueAreNotReported) {
  const std::string text = "{\"talktime\": 1, \"talks\": [{\"id\": \"x\", \"title\": \"T\", \"start\": \"2024-05-02T10:00Z\",\n"
                           " \"links\": {\"slides\": \"https://a.example/s\", \"slides\": \"https://b.example/s\"},\n"
                           " \"links\": {\"video\": \"https://c.example/v\"}}]}";
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks[0].links.size(), 1u);
  EXPECT_EQ(r.feed->talks[0].links[0].url, "https://c.example/v");
  EXPECT_EQ(messages(r), (std::vector<std::string>{"[feed.duplicate_key] /talks/0/links " + where(text, "\"links\": {\"video") +
                                                   ": key \"links\" is given again in this object; its last value is used"}));
}

// Ten are listed, the rest counted in one more line; none is searched for twice.
TEST(DuplicateKeys, ListTenAndCountTheRest) {
  std::string text = R"({"talktime": 1, "talks": [{"id": "x", "title": "T", "start": "2024-05-02T10:00Z")";
  for (int i = 0; i < 5000; ++i) text += R"(, "tags": ["a"])";
  text += "}]}";
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.diagnostics.size(), 11u);
  EXPECT_EQ(r.diagnostics[9].pointer, "/talks/0/tags");
  EXPECT_EQ(r.diagnostics[10].to_string(), "[feed.duplicate_key] line 1, column 1: 4989 more keys are given twice but are not listed");
}

}  // namespace
