// The compact form of a feed (src/feed/compact_feed.hpp): what a Web Worker sends the
// page after reading a large feed. Every example feed, read back from its compact
// form whole or in pieces of any size, equals the parsed feed field for field
// (time zones by identity), diagnostics included; bytes that are not a compact
// feed are refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "feed/compact_feed.hpp"
#include "talktime/talktime.hpp"
#include "test_support.hpp"

namespace {

using namespace talktime;
using talktime::test_support::expect_same_speakers_and_links;
namespace fs = std::filesystem;

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// data/'s feeds and the talktime feeds among the fixtures (one with every field the
// format has, one with problems that make diagnostics).
std::vector<fs::path> example_feeds() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(TALKTIME_DATA))
    if (entry.path().extension() == ".json" && entry.path().string().find(".schema.") == std::string::npos)
      out.push_back(entry.path());
  for (const char* name : {"docs-complete-example.json", "subscribe-v1.json", "subscribe-v2.json", "cli-broken.json",
                           "fragment-escapes.json", "json-ld-talks.json"})
    out.push_back(fs::path(TALKTIME_FIXTURES) / name);
  return out;
}

void expect_same_place(const place& a, const place& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.address.text, b.address.text);
  EXPECT_EQ(a.address.street, b.address.street);
  EXPECT_EQ(a.address.locality, b.address.locality);
  EXPECT_EQ(a.address.region, b.address.region);
  EXPECT_EQ(a.address.postal_code, b.address.postal_code);
  EXPECT_EQ(a.address.country, b.address.country);
}

void expect_same_talk(const talk& a, const talk& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.id_derived, b.id_derived);
  EXPECT_EQ(a.uid, b.uid);
  EXPECT_EQ(a.recurrence_id, b.recurrence_id);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.date_only, b.date_only);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.start_day, b.start_day);
  EXPECT_EQ(a.end_day, b.end_day);
  EXPECT_EQ(a.zone, b.zone);
  EXPECT_EQ(a.series, b.series);
  EXPECT_EQ(a.abstract, b.abstract);
  EXPECT_EQ(a.tags, b.tags);
  expect_same_place(a.location, b.location);
  expect_same_speakers_and_links(a, b);
  EXPECT_EQ(a.index, b.index);
}

void expect_same_feed(const feed& a, const feed& b) {
  EXPECT_EQ(a.version, b.version);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.zone, b.zone);
  expect_same_place(a.location, b.location);
  EXPECT_EQ(a.organizer.name, b.organizer.name);
  EXPECT_EQ(a.organizer.url, b.organizer.url);
  ASSERT_EQ(a.series.size(), b.series.size());
  for (std::size_t i = 0; i < a.series.size(); ++i) {
    EXPECT_EQ(a.series[i].id, b.series[i].id);
    EXPECT_EQ(a.series[i].title, b.series[i].title);
    EXPECT_EQ(a.series[i].description, b.series[i].description);
    EXPECT_EQ(a.series[i].url, b.series[i].url);
  }
  ASSERT_EQ(a.talks.size(), b.talks.size());
  for (std::size_t i = 0; i < a.talks.size(); ++i) {
    SCOPED_TRACE("talk " + std::to_string(i));
    expect_same_talk(a.talks[i], b.talks[i]);
  }
}

void expect_same_diagnostics(const std::vector<diagnostic>& a, const std::vector<diagnostic>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].level, b[i].level);
    EXPECT_EQ(a[i].code, b[i].code);
    EXPECT_EQ(a[i].pointer, b[i].pointer);
    EXPECT_EQ(a[i].line, b[i].line);
    EXPECT_EQ(a[i].column, b[i].column);
    EXPECT_EQ(a[i].message, b[i].message);
    EXPECT_EQ(a[i].source, b[i].source);
  }
}

TEST(CompactFeed, EveryExampleFeedReadsBackWhole) {
  for (const auto& path : example_feeds()) {
    SCOPED_TRACE(path.string());
    auto parsed = parse_feed(file_text(path));
    ASSERT_TRUE(parsed.feed);
    auto back = compact::read(compact::write(*parsed.feed, parsed.diagnostics));
    ASSERT_TRUE(back);
    expect_same_feed(*parsed.feed, back->model);
    expect_same_diagnostics(parsed.diagnostics, back->diagnostics);
  }
}

TEST(CompactFeed, TheBrokenFixtureKeepsItsDiagnostics) {
  auto parsed = parse_feed(file_text(fs::path(TALKTIME_FIXTURES) / "cli-broken.json"));
  ASSERT_TRUE(parsed.feed);
  ASSERT_FALSE(parsed.diagnostics.empty());  // the point of this fixture
  auto back = compact::read(compact::write(*parsed.feed, parsed.diagnostics));
  ASSERT_TRUE(back);
  expect_same_diagnostics(parsed.diagnostics, back->diagnostics);
}

// The page passes whatever slice of the bytes it has; the reader uses the whole
// parts and the page passes the rest again with more.
TEST(CompactFeed, ReadsBackFromPiecesOfAnySize) {
  auto parsed = parse_feed(file_text(fs::path(TALKTIME_DATA) / "stanford-mlsys-seminar.json"));
  ASSERT_TRUE(parsed.feed);
  auto bytes = compact::write(*parsed.feed, parsed.diagnostics);
  for (std::size_t piece : {std::size_t(1), std::size_t(7), std::size_t(300), std::size_t(4096)}) {
    SCOPED_TRACE(piece);
    compact::reader r;
    std::size_t at = 0, window = piece;
    while (at < bytes.size() && !r.failed()) {
      std::string_view rest(bytes.data() + at, std::min(window, bytes.size() - at));
      auto used = r.take(rest);
      at += used;
      window = used ? piece : window + piece;  // no whole part yet: offer more
    }
    ASSERT_FALSE(r.failed());
    ASSERT_TRUE(r.complete());
    EXPECT_EQ(r.talks_read(), parsed.feed->talks.size());
    expect_same_feed(*parsed.feed, r.model());
  }
}

TEST(CompactFeed, RefusesWhatIsNotACompactFeed) {
  auto parsed = parse_feed(file_text(fs::path(TALKTIME_DATA) / "fastpath-2021.json"));
  ASSERT_TRUE(parsed.feed);
  auto bytes = compact::write(*parsed.feed, parsed.diagnostics);
  EXPECT_FALSE(compact::read("{\"talktime\":1}"));
  EXPECT_FALSE(compact::read(bytes.substr(0, bytes.size() - 1)));  // the last talk cut short
  EXPECT_FALSE(compact::read(bytes + "x"));                         // trailing bytes
  // A talk's zone the database does not know (its name's first letter changed).
  auto zone = bytes.find("America/New_York");
  ASSERT_NE(zone, std::string::npos);
  auto unknown = bytes;
  unknown[zone] = 'Q';
  EXPECT_FALSE(compact::read(unknown));
}

}  // namespace
