// to_feed_json and round trips: talktime -> JSON -> talktime, talktime -> ICS ->
// talktime, frab/ICS -> JSON -> talktime, all keeping the same instants.
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <map>
#include <string>
#include <vector>

#include "talktime/calendar.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/feed_json.hpp"
#include "talktime/importers.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

const std::vector<std::string> seed_feeds = {
    "cds-faculty-candidate-2025.json", "fastpath-2021.json", "mlforsystems-neurips-2023.json",
    "mlsys-panel-2023.json",           "stanford-mlsys-seminar.json"};

std::string read_data(const std::string& name) {
  std::ifstream in(std::string(TALKTIME_DATA) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

feed load(std::string_view text, feed_format format = feed_format::detect) {
  auto r = parse_any_feed(text, format);
  EXPECT_TRUE(r.feed.has_value());
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  return r.feed ? std::move(*r.feed) : feed{};
}

std::string zone_name(const time_zone* z) { return z ? std::string(z->name()) : std::string("(none)"); }

// Every field of two feeds, talk by talk.
void expect_same_feed(const feed& a, const feed& b, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(zone_name(a.zone), zone_name(b.zone));
  EXPECT_EQ(a.location.name, b.location.name);
  EXPECT_EQ(a.location.url, b.location.url);
  ASSERT_EQ(a.series.size(), b.series.size());
  for (std::size_t i = 0; i < a.series.size(); ++i) {
    EXPECT_EQ(a.series[i].id, b.series[i].id);
    EXPECT_EQ(a.series[i].title, b.series[i].title);
    EXPECT_EQ(a.series[i].description, b.series[i].description);
    EXPECT_EQ(a.series[i].url, b.series[i].url);
  }
  ASSERT_EQ(a.talks.size(), b.talks.size());
  for (std::size_t i = 0; i < a.talks.size(); ++i) {
    const talk &x = a.talks[i], &y = b.talks[i];
    SCOPED_TRACE(x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.title, y.title);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.date_only, y.date_only);
    if (x.date_only) {
      EXPECT_EQ(x.start_day, y.start_day);
      EXPECT_EQ(x.end_day.value_or(x.start_day), y.end_day.value_or(y.start_day));
    } else {
      EXPECT_EQ(iso(x.start), iso(y.start));
      EXPECT_EQ(x.end.has_value(), y.end.has_value());
      if (x.end && y.end) EXPECT_EQ(iso(*x.end), iso(*y.end));
    }
    EXPECT_EQ(zone_name(x.zone), zone_name(y.zone));
    EXPECT_EQ(x.series, y.series);
    EXPECT_EQ(x.abstract, y.abstract);
    EXPECT_EQ(x.tags, y.tags);
    EXPECT_EQ(x.location.name, y.location.name);
    EXPECT_EQ(x.location.url, y.location.url);
    expect_same_speakers_and_links(x, y);
  }
}

TEST(FeedJson, WritesEveryField) {
  auto f = load(R"({"talktime": 1, "title": "T", "description": "D", "url": "https://example.org/feed/",
    "timezone": "America/New_York", "location": "Hall",
    "series": [{"id": "s1"}, {"id": "s2", "title": "Series Two", "url": "https://example.org/s2"}],
    "talks": [
      {"id": "a", "title": "Second 01:30", "start": "2024-11-03T01:30-05:00", "end": "2024-11-03T03:00"},
      {"id": "b", "title": "Berlin", "timezone": "Europe/Berlin", "start": "2024-05-02T09:00:30", "duration": "PT1H",
       "kind": "keynote", "status": "tentative", "series": "s2",
       "speakers": [{"name": "X", "affiliation": "Y", "url": "https://x.example", "photo": "https://x.example/p.jpg", "bio": "Bio"}],
       "abstract": "A\n\nB", "tags": ["t1", "t2"], "location": {"name": "Room", "url": "https://map.example"},
       "links": {"slides": "https://s.example/a.pdf", "livestream": "https://l.example"}},
      {"title": "Epoch", "start": 1691157600},
      {"id": "d", "title": "Days", "start": "2024-07-05", "end": "2024-07-09"},
      {"id": "e", "title": "Calcutta", "timezone": "Asia/Calcutta", "start": "2024-05-02T09:00"}
    ]})");
  EXPECT_EQ(to_feed_json(f), R"({
  "talktime": 1,
  "title": "T",
  "description": "D",
  "url": "https://example.org/feed/",
  "timezone": "America/New_York",
  "location": "Hall",
  "series": [
    {
      "id": "s1"
    },
    {
      "id": "s2",
      "title": "Series Two",
      "url": "https://example.org/s2"
    }
  ],
  "talks": [
    {
      "id": "a",
      "title": "Second 01:30",
      "start": "2024-11-03T01:30-05:00",
      "end": "2024-11-03T03:00"
    },
    {
      "id": "b",
      "title": "Berlin",
      "kind": "keynote",
      "status": "tentative",
      "start": "2024-05-02T09:00:30",
      "end": "2024-05-02T10:00:30",
      "timezone": "Europe/Berlin",
      "series": "s2",
      "speakers": [
        {
          "name": "X",
          "affiliation": "Y",
          "url": "https://x.example",
          "photo": "https://x.example/p.jpg",
          "bio": "Bio"
        }
      ],
      "abstract": "A\n\nB",
      "tags": [
        "t1",
        "t2"
      ],
      "location": {
        "name": "Room",
        "url": "https://map.example"
      },
      "links": {
        "slides": "https://s.example/a.pdf",
        "livestream": "https://l.example"
      }
    },
    {
      "id": "2023-08-04-epoch",
      "title": "Epoch",
      "start": "2023-08-04T10:00"
    },
    {
      "id": "d",
      "title": "Days",
      "start": "2024-07-05",
      "end": "2024-07-09"
    },
    {
      "id": "e",
      "title": "Calcutta",
      "start": "2024-05-02T09:00",
      "timezone": "Asia/Kolkata"
    }
  ]
}
)");
}

TEST(FeedJson, WritesUtcWhenThereIsNoZone) {
  auto f = load(R"({"talktime": 1, "talks": [{"id": "a", "title": "A", "start": "2024-05-02T09:00+02:00", "duration": 30}]})");
  auto text = to_feed_json(f);
  EXPECT_NE(text.find("\"start\": \"2024-05-02T07:00:00Z\",\n      \"end\": \"2024-05-02T07:30:00Z\""), std::string::npos)
      << text;
}

TEST(FeedJson, RoundTripsTheSeedFeeds) {
  for (const auto& name : seed_feeds) {
    auto original = load(read_data(name));
    auto again = load(to_feed_json(original), feed_format::talktime);
    expect_same_feed(original, again, name);
  }
  auto docs = load(read_fixture("docs-complete-example.json"));
  expect_same_feed(docs, load(to_feed_json(docs)), "docs-complete-example.json");
}

TEST(FeedJson, RoundTripsImportedFeeds) {
  for (const char* name : {"frab-schedule.json", "seminar.ics"}) {
    auto original = load(read_fixture(name));
    auto json = to_feed_json(original);
    EXPECT_EQ(detect_feed_format(json), feed_format::talktime);
    expect_same_feed(original, load(json), name);
  }
}

TEST(FeedJson, WritesTheSecondOfTwoLocalTimesWithItsOffset) {
  // The frab fixture's 02:30+01:00 on 2024-10-27 is the second 02:30 in Berlin.
  auto f = load(read_fixture("frab-schedule.json"));
  auto json = to_feed_json(f);
  EXPECT_NE(json.find("\"start\": \"2024-10-27T02:30+01:00\",\n      \"end\": \"2024-10-27T03:00\""), std::string::npos)
      << json;
}

// The status note that starts a talk's calendar description (docs/calendars.md).
std::string status_note(talk_status status) {
  switch (status) {
    case talk_status::cancelled: return "Cancelled.";
    case talk_status::postponed: return "Postponed: the new date has not been announced yet.";
    case talk_status::tentative: return "Tentative: not confirmed yet.";
    default: return "";
  }
}

// talktime -> ICS -> talktime keeps every instant, day, title, status and tag. The
// UID (docs/calendars.md) ends in "@" and `uid_host` (the host of the feed's url, or "talktime"), and the description holds the status note, the speakers, the
// abstract and every link. tests/unit/calendar_test.cpp checks whole descriptions.
void expect_ics_round_trip(const feed& original, const std::string& what, const std::string& uid_host) {
  SCOPED_TRACE(what);
  auto ics = to_ics(original, utc("2024-01-01T00:00:00Z"));
  auto r = parse_any_feed(ics);
  ASSERT_TRUE(r.feed);
  EXPECT_FALSE(has_errors(r.diagnostics)) << testing::PrintToString(messages(r));
  const feed& back = *r.feed;
  EXPECT_EQ(back.title, original.title);
  ASSERT_EQ(back.talks.size(), original.talks.size());
  for (std::size_t i = 0; i < original.talks.size(); ++i) {
    const talk &x = original.talks[i], &y = back.talks[i];
    SCOPED_TRACE(x.id);
    // The export's UID comes back as the id and as the uid, so a second export keeps it.
    EXPECT_EQ(y.id, x.uid);
    EXPECT_EQ(y.uid, x.uid);
    if (!uid_host.empty()) EXPECT_EQ(x.uid.substr(x.uid.rfind('@') + 1), uid_host);
    EXPECT_EQ(y.title, x.title);
    EXPECT_EQ(y.date_only, x.date_only);
    if (x.date_only) {
      EXPECT_EQ(y.start_day, x.start_day);
      EXPECT_EQ(y.end_day.value_or(y.start_day), x.end_day.value_or(x.start_day));
    } else {
      EXPECT_EQ(iso(y.start), iso(x.start));
      EXPECT_EQ(y.end.has_value(), x.end.has_value());
      if (x.end && y.end) EXPECT_EQ(iso(*y.end), iso(*x.end));
    }
    EXPECT_EQ(y.status, x.status == talk_status::postponed ? talk_status::tentative : x.status);
    EXPECT_EQ(y.tags, x.tags);
    const place& where = x.location.empty() ? original.location : x.location;
    // LOCATION is one text: the name, then the address (its exact form: calendar_test.cpp).
    std::string address = where.address.empty() ? "" : ", " + where.address.one_line();
    EXPECT_EQ(y.location.name, (where.name.empty() ? where.url : where.name) + address);
    EXPECT_EQ(y.abstract.rfind(status_note(x.status), 0), 0u) << y.abstract;
    EXPECT_NE(y.abstract.find(x.abstract), std::string::npos) << y.abstract;
    for (const auto& sp : x.speakers) EXPECT_NE(y.abstract.find(sp.name), std::string::npos) << sp.name;
    for (const auto& l : x.links) EXPECT_NE(y.abstract.find(": " + l.url), std::string::npos) << l.url;
    bool says_nothing = x.status == talk_status::scheduled && x.speakers.empty() && x.series.empty() &&
                        x.abstract.empty() && x.links.empty();
    if (says_nothing) EXPECT_EQ(y.abstract, "");
  }
}

TEST(IcsRoundTrip, KeepsTheInstantsOfEverySeedFeed) {
  // The hosts of the feeds' urls, by hand; "talktime" for the feeds without one.
  const std::map<std::string, std::string> uid_host = {
      {"cds-faculty-candidate-2025.json", "talktime"}, {"fastpath-2021.json", "tinyurl.com"},
      {"mlforsystems-neurips-2023.json", "talktime"},  {"mlsys-panel-2023.json", "talktime"},
      {"stanford-mlsys-seminar.json", "mlsys.stanford.edu"}};
  for (const auto& name : seed_feeds) {
    ASSERT_EQ(uid_host.count(name), 1u) << name << ": add its url's host above";
    expect_ics_round_trip(load(read_data(name)), name, uid_host.at(name));
  }
  expect_ics_round_trip(load(read_fixture("docs-complete-example.json")), "docs-complete-example.json",
                        "seminar.example.org");
  expect_ics_round_trip(load(read_fixture("frab-schedule.json")), "frab-schedule.json", "oid.example.org");
  expect_ics_round_trip(load(read_fixture("seminar.ics")), "seminar.ics", "");  // its ids are UIDs already
}

TEST(IcsRoundTrip, KeepsAwkwardText) {
  auto f = load(R"({"talktime": 1, "talks": [{"id": "x", "title": "a;b,c\\d \"e\" — ünïcödé 😀 and a long title that certainly needs folding once or twice",
      "start": "2024-05-02T09:00Z", "abstract": "Line 1\nLine 2\n\nPara; with, punctuation\\", "tags": ["x,y", "z;w"]}]})");
  expect_ics_round_trip(f, "awkward text", "talktime");
  // The description is the abstract alone, and it comes back byte for byte.
  auto back = parse_any_feed(to_ics(f, utc("2024-01-01T00:00:00Z")));
  ASSERT_TRUE(back.feed);
  EXPECT_EQ(back.feed->talks[0].abstract, "Line 1\nLine 2\n\nPara; with, punctuation\\");
}

TEST(FeedFormat, DetectsEachFormat) {
  EXPECT_EQ(detect_feed_format(R"({"talktime": 1, "talks": []})"), feed_format::talktime);
  EXPECT_EQ(detect_feed_format(R"({"$schema": "x", "generator": {"talktime": 2}, "schedule": {}})"), feed_format::frab);
  EXPECT_EQ(detect_feed_format(R"({"title": "no version yet", "schedule": {"conference": {}})"), feed_format::frab);
  EXPECT_EQ(detect_feed_format(R"({"talktime": 1, "schedule": "my own field"})"), feed_format::talktime);
  EXPECT_EQ(detect_feed_format(R"({"schedule": {"conference": {"days": [ broken)"), feed_format::frab);
  EXPECT_EQ(detect_feed_format("not json at all"), feed_format::talktime);
  EXPECT_EQ(detect_feed_format("[1, 2]"), feed_format::talktime);
  EXPECT_EQ(detect_feed_format(""), feed_format::talktime);
  EXPECT_EQ(to_string(feed_format::ical), "ical");
  EXPECT_EQ(to_string(feed_format::frab), "frab");
  EXPECT_EQ(to_string(feed_format::talktime), "talktime");
  EXPECT_EQ(to_string(feed_format::detect), "detect");
}

TEST(FeedFormat, ParsesTalktimeFeedsExactlyAsParseFeedDoes) {
  auto text = read_fixture("latin1-bytes.json");
  auto direct = parse_feed(text), any = parse_any_feed(text);
  EXPECT_EQ(messages(direct), messages(any));
  ASSERT_TRUE(any.feed);
  EXPECT_EQ(any.feed->talks.size(), direct.feed->talks.size());
}

TEST(FeedFormat, FollowsTheHintOverDetection) {
  auto r = parse_any_feed(R"({"talktime": 1, "talks": []})", feed_format::frab);
  EXPECT_FALSE(r.feed);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "frab.not_schedule");
}

}  // namespace
