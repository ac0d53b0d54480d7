// The feed reader's JSON scanner (src/feed/json_tape.hpp) against nlohmann_json,
// its oracle, on the example feeds and fixtures; and the tape's own views.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "feed/json_scan.hpp"
#include "feed/json_tape.hpp"

namespace {

using namespace talktime::detail;
using json = nlohmann::ordered_json;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Equal values of equal types, members in the same order.
::testing::AssertionResult same(const json& a, const json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return ::testing::AssertionFailure() << a.dump() << " vs " << b.dump();
  if (a.is_object()) {
    auto x = a.begin();
    for (auto y = b.begin(); y != b.end(); ++x, ++y) {
      if (x.key() != y.key()) return ::testing::AssertionFailure() << x.key() << " vs " << y.key();
      if (auto r = same(x.value(), y.value()); !r) return r;
    }
    return ::testing::AssertionSuccess();
  }
  if (a.is_array()) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (auto r = same(a[i], b[i]); !r) return r;
    return ::testing::AssertionSuccess();
  }
  if (a == b) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a.dump() << " vs " << b.dump();
}

TEST(JsonTape, ReadsEveryExampleFeedAsNlohmannDoes) {
  int compared = 0;
  for (const char* folder : {TALKTIME_DATA, TALKTIME_FIXTURES}) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() != ".json") continue;
      auto input = read_file(entry.path());
      auto preflight = preflight_json(input, {});  // as the reader does: the scanner takes valid UTF-8
      ASSERT_FALSE(preflight.error) << entry.path();
      const auto& text = preflight.changed ? preflight.repaired : input;
      auto oracle = json::parse(text, nullptr, false);
      json_tape tape;
      bool scanned = scan_json(text, tape);
      ASSERT_EQ(scanned, !oracle.is_discarded()) << entry.path();
      if (!scanned) continue;
      EXPECT_TRUE(same(root_of(tape).to_json(), oracle)) << entry.path();
      ++compared;
    }
  }
  EXPECT_GE(compared, 10);
}

TEST(JsonTape, KeepsARepeatedKeyInItsFirstPlaceWithItsLastValue) {
  json_tape tape;
  std::string text = R"({"a":1,"b":2,"a":{"c":3}})";
  ASSERT_TRUE(scan_json(text, tape));
  auto root = root_of(tape);
  EXPECT_EQ(root.size(), 2u);
  EXPECT_EQ(root.find("a").find("c").unsigned_integer(), 3u);
  std::string order;
  root.for_each_member([&](std::string_view key, json_value) { order += key; });
  EXPECT_EQ(order, "ab");
  ASSERT_EQ(tape.duplicates.size(), 1u);
  EXPECT_EQ(tape.duplicates[0].object, "");
  EXPECT_EQ(tape.duplicates[0].key, "a");
  EXPECT_EQ(tape.duplicates[0].offset, 13u);
}

TEST(JsonTape, NamesTheObjectOfARepeatedKeyByItsPointer) {
  json_tape tape;
  ASSERT_TRUE(scan_json(R"({"talks":[{},{"links":{"a/b":{"x":1,"x":2}}}]})", tape));
  ASSERT_EQ(tape.duplicates.size(), 1u);
  EXPECT_EQ(tape.duplicates[0].object, "/talks/1/links/a~1b");
}

TEST(JsonTape, GivesStringsAndNumbersTheirValues) {
  json_tape tape;
  std::string text = R"(["K\u00e4stner \ud83d\ude00", "plain", -5, 7, 1.5, null, true])";
  ASSERT_TRUE(scan_json(text, tape));
  std::vector<json_value> items;
  root_of(tape).for_each_element([&](json_value v) { items.push_back(v); });
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[0].string(), "K\xC3\xA4stner \xF0\x9F\x98\x80");
  EXPECT_EQ(items[1].string(), "plain");
  EXPECT_EQ(items[1].string().data(), text.data() + 31);  // a view into the text, not a copy
  EXPECT_EQ(items[2].kind(), json_kind::integer);
  EXPECT_EQ(items[2].integer(), -5);
  EXPECT_EQ(items[3].kind(), json_kind::unsigned_integer);
  EXPECT_EQ(items[4].floating(), 1.5);
  EXPECT_TRUE(items[5].is_null());
  EXPECT_FALSE(items[5].given());
  EXPECT_TRUE(items[6].boolean());
  EXPECT_EQ(items[4].offset(), 46u);
  EXPECT_FALSE(root_of(tape).find("x").exists());
}

TEST(JsonTape, RefusesWhatJsonRefuses) {
  for (const char* text : {"", " ", "[1,]", "{\"a\" 1}", "[01]", "[1.]", "[-]", "\"\\ud800\"", "\"\\x\"", "[tru]",
                           "{} x", "[\"\x01\"]", "[1e400]", "{\"a\":1,}", "[\"unterminated"}) {
    json_tape tape;
    EXPECT_FALSE(scan_json(text, tape)) << text;
    EXPECT_TRUE(json::parse(text, nullptr, false).is_discarded()) << text;
  }
}

}  // namespace
