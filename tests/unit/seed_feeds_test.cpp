// The real feeds shipped in data/: each must load with no errors (and, as
// docs/feed-format.md promises for feeds that pass the validator, no warnings),
// every talk must survive, and a few facts are checked against zoneinfo:
//
//   from datetime import datetime, timezone
//   from zoneinfo import ZoneInfo
//   utc = lambda local, zone: datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)
//   utc("2021-03-28T10:50", "America/New_York")     -> 2021-03-28 14:50Z  (fastpath-2021 opening)
//   utc("2023-12-16T09:00", "America/Chicago")      -> 2023-12-16 15:00Z  (mlforsystems-neurips-2023 opening)
//   utc("2020-10-15T15:30", "America/Los_Angeles")  -> 2020-10-15 22:30Z  (stanford-mlsys-seminar, first talk)
//   utc("2025-01-21T10:00", "America/Chicago")      -> 2025-01-21 16:00Z  (cds-faculty-candidate-2025)
//   datetime.fromtimestamp(1691157600, timezone.utc) -> 2023-08-04 14:00Z (mlsys-panel-2023)
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "talktime/talktime.hpp"

namespace {

using namespace talktime;
namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every data/*.json except JSON Schemas (data/talktime-feed.schema.json describes feeds; it is not one).
std::vector<fs::path> seed_feeds() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(TALKTIME_DATA)) {
    auto name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name.find(".schema.") == std::string::npos) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string listing(const std::vector<diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics)
    out += std::string("\n  ") + (d.level == severity::error ? "error   " : "warning ") + d.to_string();
  return out;
}

parse_result load(const std::string& name) { return parse_feed(read(fs::path(TALKTIME_DATA) / name)); }

std::string iso(sys_seconds t) { return date::format("%FT%TZ", t); }

const talk* by_id(const feed& f, std::string_view id) {
  for (const auto& t : f.talks)
    if (t.id == id) return &t;
  return nullptr;
}

TEST(SeedFeeds, AllFeedsAreFound) {
  auto feeds = seed_feeds();
  std::vector<std::string> names;
  for (const auto& p : feeds) names.push_back(p.filename().string());
  for (const char* expected : {"cds-faculty-candidate-2025.json", "fastpath-2021.json", "mlforsystems-neurips-2023.json",
                               "mlsys-panel-2023.json", "stanford-mlsys-seminar.json"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
}

TEST(SeedFeeds, EveryFeedLoadsWithoutErrors) {
  for (const auto& path : seed_feeds()) {
    SCOPED_TRACE(path.filename().string());
    auto text = read(path);
    auto r = parse_feed(text);
    EXPECT_TRUE(r.feed.has_value()) << listing(r.diagnostics);
    EXPECT_FALSE(has_errors(r.diagnostics)) << listing(r.diagnostics);
    if (!r.feed) continue;
    // No talk was skipped: count them independently.
    auto raw = nlohmann::json::parse(text);
    EXPECT_EQ(r.feed->talks.size(), raw.at("talks").size()) << listing(r.diagnostics);
    for (const auto& t : r.feed->talks) EXPECT_FALSE(t.id_derived) << t.title;
  }
}

TEST(SeedFeeds, EveryFeedLoadsWithoutWarnings) {
  for (const auto& path : seed_feeds()) {
    auto r = parse_feed(read(path));
    EXPECT_TRUE(r.diagnostics.empty()) << path.filename().string() << ":" << listing(r.diagnostics);
  }
}

TEST(SeedFeeds, EveryFeedRenders) {
  const time_zone* kolkata = locate_zone("Asia/Kolkata");
  const sys_seconds now = date::sys_days{date::year{2024} / 1 / 1};
  for (const auto& path : seed_feeds()) {
    SCOPED_TRACE(path.filename().string());
    auto r = parse_feed(read(path));
    ASSERT_TRUE(r.feed);
    std::size_t talks = r.feed->talks.size();
    schedule s(std::move(*r.feed));
    auto found = s.find({}, now, *kolkata);
    EXPECT_EQ(found.talks.size(), talks);
    render_options o;
    o.display_zone = kolkata;
    o.now = now;
    auto html = render_html(s, found.talks, o);
    std::size_t items = 0;
    for (auto at = html.find("<li class=\"tt-talk\""); at != std::string::npos; at = html.find("<li class=\"tt-talk\"", at + 1))
      ++items;
    EXPECT_EQ(items, talks);
    EXPECT_EQ(html.find("<script"), std::string::npos);
  }
}

TEST(SeedFeeds, FastPathTimesAndSearch) {
  auto r = load("fastpath-2021.json");
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 11u);
  const talk* opening = by_id(*r.feed, "2021-03-28-opening");
  ASSERT_NE(opening, nullptr);
  EXPECT_EQ(iso(opening->start), "2021-03-28T14:50:00Z");
  EXPECT_EQ(iso(*opening->end), "2021-03-28T15:00:00Z");
  schedule s(std::move(*r.feed));
  query q;
  q.text = "kastner";
  auto found = s.find(q, date::sys_days{date::year{2024} / 1 / 1}, *locate_zone("Europe/Berlin"));
  ASSERT_EQ(found.talks.size(), 1u);
  EXPECT_EQ(s.feed().talks[found.talks[0]].id, "2021-03-28-kaestner");
  EXPECT_EQ(s.feed().talks[found.talks[0]].speakers.at(0).name, "Christian Kästner");
  auto all = s.find({}, date::sys_days{date::year{2024} / 1 / 1}, *locate_zone("Europe/Berlin"));
  EXPECT_EQ(all.talk_count, 9u);  // two breaks
  render_options o;
  o.display_zone = locate_zone("Europe/Berlin");
  o.now = date::sys_days{date::year{2021} / 3 / 1};
  auto html = render_html(s, all.talks, o);
  EXPECT_NE(html.find("<time datetime=\"2021-03-28T16:50:00+02:00\">16:50</time>"), std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2021-03-28T10:50:00-04:00\">10:50</time>"), std::string::npos);
}

TEST(SeedFeeds, OtherFeedsFirstTalks) {
  auto neurips = load("mlforsystems-neurips-2023.json");
  ASSERT_TRUE(neurips.feed);
  EXPECT_EQ(neurips.feed->talks.size(), 19u);
  EXPECT_EQ(iso(by_id(*neurips.feed, "2023-12-16-opening")->start), "2023-12-16T15:00:00Z");
  schedule ns(std::move(*neurips.feed));
  EXPECT_EQ(ns.find({}, date::sys_days{date::year{2024} / 1 / 1}, *locate_zone("UTC")).talk_count, 14u);  // five breaks

  auto stanford = load("stanford-mlsys-seminar.json");
  ASSERT_TRUE(stanford.feed);
  EXPECT_EQ(stanford.feed->talks.size(), 87u);
  EXPECT_EQ(stanford.feed->series.size(), 4u);
  EXPECT_EQ(iso(by_id(*stanford.feed, "2020-10-15-marco-tulio-ribeiro")->start), "2020-10-15T22:30:00Z");
  // Python zoneinfo: 2022-01-06 15:30 America/Los_Angeles (PST) -> 2022-01-06 23:30 UTC
  EXPECT_EQ(iso(by_id(*stanford.feed, "2022-01-06-beidi-chen")->start), "2022-01-06T23:30:00Z");

  auto panel = load("mlsys-panel-2023.json");
  ASSERT_TRUE(panel.feed);
  const talk* p = by_id(*panel.feed, "2023-08-04-mlsys-panel");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(iso(p->start), "2023-08-04T14:00:00Z");
  EXPECT_EQ(iso(*p->end), "2023-08-04T15:00:00Z");
  EXPECT_EQ(panel.feed->zone, nullptr);

  auto cds = load("cds-faculty-candidate-2025.json");
  ASSERT_TRUE(cds.feed);
  EXPECT_EQ(iso(by_id(*cds.feed, "2025-01-21-zhao")->start), "2025-01-21T16:00:00Z");
}

}  // namespace
