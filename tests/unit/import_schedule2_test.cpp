// C3VOC schedule2 and pretalx schedule.json (include/talktime/importers.hpp): the
// members the classic frab layout lacks. Expected instants from Python:
//   datetime.fromisoformat("2025-03-30T01:30:00+01:00").astimezone(timezone.utc) -> 2025-03-30T00:30:00Z
//   datetime.fromisoformat("2025-03-30T03:30:00+02:00").astimezone(timezone.utc) -> 2025-03-30T01:30:00Z
//   datetime.fromisoformat("2025-10-26T00:30:00+01:00").astimezone(timezone.utc) -> 2025-10-25T23:30:00Z, +2 h
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>
#include <vector>

#include "talktime/feed_formats.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

const talk_link* link_of(const talk& t, const std::string& kind) {
  for (const auto& l : t.links)
    if (l.kind == kind) return &l;
  return nullptr;
}

TEST(Schedule2Import, ReadsEventsFromScheduleEvents) {
  auto r = parse_any_feed(read_fixture("schedule2.json"));
  ASSERT_TRUE(r.feed);
  const feed& f = *r.feed;
  EXPECT_EQ(f.url, "https://frostbyte.example.org/2025/");  // conference.url before base_url
  ASSERT_EQ(f.talks.size(), 5u);
  const auto& night = by_id(f, "frostbyte25-soldering-through-the-night");
  EXPECT_EQ(iso(night.start), "2025-03-30T00:30:00Z");  // its own "start", across the change to summer time
  EXPECT_EQ(iso(*night.end), "2025-03-30T01:30:00Z");   // its own "end"
  EXPECT_EQ(night.kind, talk_kind::tutorial);
  const auto& lora = by_id(f, "frostbyte25-lora-weather-stations");
  EXPECT_EQ(lora.location.name, "Saal Nord");  // a room given by guid only
  ASSERT_EQ(f.series.size(), 2u);
  EXPECT_EQ(lora.series, "hardware-radio");  // {"slug": …}, titled from conference.tracks
  EXPECT_EQ(f.series[0].title, "Hardware & Radio");
  ASSERT_EQ(lora.speakers.size(), 2u);  // participants, with schedule.persons' details
  EXPECT_EQ(lora.speakers[0].bio, "Radio amateur, DL-licensed.");
  EXPECT_EQ(lora.speakers[1].photo, "https://hub.example.org/media/avatars/sanna.png");
  ASSERT_NE(link_of(lora, "Build Notes"), nullptr);  // the title as written, capitals kept
  ASSERT_NE(link_of(lora, "activitypub"), nullptr);  // no title: the type
  ASSERT_NE(link_of(lora, "slides"), nullptr);       // an attachment, resolved against base_url
  EXPECT_EQ(link_of(lora, "slides")->url, "https://hub.example.org/event/frostbyte-2025/media/frostbyte25/lora-slides.pdf");
  EXPECT_EQ(by_id(f, "frostbyte25-opening").abstract, "Willkommen in der Kälte.");  // {"de": …, "en": …}: the event's language
}

TEST(PretalxImport, TakesBaseUrlAvatarsAndAttachments) {
  const std::string text = read_fixture("pretalx-schedule.json");
  auto r = parse_any_feed(text);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "[talk.url_without_scheme] /schedule/conference/days/0/rooms/Auditório/1/links/0/url " +
                             where(text, "\"openmesh.example.org\"") +
                             ": link \"openmesh.example.org\" has no scheme; read as \"https://openmesh.example.org\""});
  const feed& f = *r.feed;
  EXPECT_EQ(f.url, "https://pretalx.example.com/lisbon-geo-25/schedule/");  // no conference url: schedule.base_url
  const auto& tiles = by_id(f, "lisbon-geo-25-312-vector-tiles-for-small-towns");
  EXPECT_EQ(tiles.speakers[1].photo, "https://pretalx.example.com/media/avatars/aiko.png");
  EXPECT_EQ(tiles.speakers[0].url, "https://pretalx.example.com/lisbon-geo-25/speaker/K8DUVE/");
  ASSERT_NE(link_of(tiles, "Project Site"), nullptr);
  EXPECT_EQ(link_of(tiles, "Project Site")->url, "https://openmesh.example.org");
  ASSERT_NE(link_of(tiles, "slides"), nullptr);  // "Slides (PDF)", type "related": a file is slides
  EXPECT_EQ(link_of(tiles, "slides")->url,
            "https://pretalx.example.com/media/lisbon-geo-25/submissions/ZP3KQD/resources/town_tiles_Ab3dEf.pdf");
  const auto& workshop = by_id(f, "lisbon-geo-25-314-osm-editing-for-newcomers");
  ASSERT_NE(link_of(workshop, "paper"), nullptr);  // an attachment titled "Paper"
  const auto& night = by_id(f, "lisbon-geo-25-313-night-mapping-party");
  EXPECT_EQ(iso(night.start), "2025-10-25T23:30:00Z");
  EXPECT_EQ(iso(*night.end), "2025-10-26T01:30:00Z");  // "duration" 02:00 across the clocks going back
}

TEST(Schedule2Import, AnEmptyEventListIsAWarningAndSkippedEventsAnError) {
  const std::string head = R"({"schedule": {"version": "1", "conference": {"title": "C", "time_zone_name": "UTC",
    "days": [{"index": 1, "date": "2024-05-02"}]}, "events": )";
  auto empty = parse_any_feed(head + "[]}}");
  ASSERT_TRUE(empty.feed);
  EXPECT_EQ(messages(empty), std::vector<std::string>{"[feed.empty] /schedule/events " + where(head + "[]}}", "[]") +
                                                      ": the feed has no talks yet"});
  const std::string skipped = head + "[1, \"two\"]}}";
  auto none = parse_any_feed(skipped);
  ASSERT_TRUE(none.feed);
  EXPECT_EQ(messages(none).back(), "[feed.no_talks] /schedule/events " + where(skipped, "[1") +
                                       ": none of the 2 events became a talk (each is reported); the schedule would be empty");
}

}  // namespace
