// schema.org Event JSON-LD (include/talktime/json_ld.hpp): every field of
// an event, compared with literal expected values.
//
// Expected wall-clock times and offsets from Python's zoneinfo:
//
//   from datetime import datetime, timezone
//   from zoneinfo import ZoneInfo
//   datetime.fromisoformat("2024-05-02T16:30+00:00").astimezone(ZoneInfo("Europe/Berlin"))
//       -> 2024-05-02T18:30:00+02:00   (and 17:30Z -> 19:30:00+02:00)
//   datetime(2024, 1, 10, 18, 30, tzinfo=ZoneInfo("Europe/Berlin")).isoformat()
//       -> 2024-01-10T18:30:00+01:00
//   datetime(2024, 11, 4, 9, 0, tzinfo=ZoneInfo("America/New_York")).isoformat()
//       -> 2024-11-04T09:00:00-05:00
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "talktime/json_ld.hpp"

namespace {

using namespace talktime;
using json = nlohmann::ordered_json;

feed load(std::string_view text) {
  auto r = parse_feed(text);
  EXPECT_TRUE(r.feed.has_value());
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  return r.feed ? std::move(*r.feed) : feed{};
}

// A seminar in Berlin with a page, a default room, and one talk of each shape.
const char* const seminar = R"json({"talktime": 1, "title": "ML Seminar", "timezone": "Europe/Berlin",
  "url": "https://seminar.example.org/talks",
  "location": {"name": "Gates 104", "url": "https://seminar.example.org/directions"},
  "talks": [
    {"id": "mixed", "title": "Attention", "start": "2024-05-02T16:30Z", "duration": 60,
     "location": {"name": "Hall A", "url": "https://example.org/hall-a"},
     "links": {"slides": "https://s.example/a.pdf", "livestream": "https://stream.example/live"},
     "abstract": "Why attention is enough.",
     "speakers": [{"name": "Ada Lovelace", "affiliation": "Analytical Engines", "url": "https://ada.example/"},
                  {"name": "Grace Hopper"}]},
    {"id": "cancelled", "title": "Called off", "start": "2024-01-10T18:30", "duration": 45, "status": "cancelled"},
    {"id": "postponed", "title": "Later", "start": "2024-01-17T18:30", "status": "postponed"},
    {"id": "tentative", "title": "Maybe", "start": "2024-01-24T18:30", "status": "tentative"},
    {"id": "retreat", "title": "Retreat", "start": "2024-05-04", "end": "2024-05-05"},
    {"id": "coffee", "title": "Coffee", "kind": "break", "start": "2024-05-02T17:30Z", "duration": 15},
    {"id": "ny", "title": "Abroad", "start": "2024-11-04T09:00", "timezone": "America/New_York", "location": "Room 5"},
    {"id": "hackday", "title": "Hack day", "start": "2024-06-01"}]})json";

json events(const feed& f, const std::vector<std::size_t>& talks) {
  auto document = json::parse(to_json_ld(f, talks));
  EXPECT_EQ(document["@context"], "https://schema.org");
  return document["@graph"];
}

TEST(JsonLd, WritesEveryFieldOfAMixedAttendanceTalk) {
  auto f = load(seminar);
  auto graph = events(f, {0});
  ASSERT_EQ(graph.size(), 1u);
  auto expected = json::parse(R"json({
    "@type": "Event", "name": "Attention",
    "startDate": "2024-05-02T18:30:00+02:00", "endDate": "2024-05-02T19:30:00+02:00",
    "eventStatus": "https://schema.org/EventScheduled",
    "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
    "location": [{"@type": "Place", "name": "Hall A", "url": "https://example.org/hall-a"},
                 {"@type": "VirtualLocation", "url": "https://stream.example/live"}],
    "performer": [{"@type": "Person", "name": "Ada Lovelace",
                   "affiliation": {"@type": "Organization", "name": "Analytical Engines"},
                   "url": "https://ada.example/"},
                  {"@type": "Person", "name": "Grace Hopper"}],
    "description": "Why attention is enough.",
    "url": "https://seminar.example.org/talks#talk=mixed",
    "superEvent": {"@type": "EventSeries", "name": "ML Seminar"}})json");
  EXPECT_EQ(graph[0], expected) << graph[0].dump(2);
}

TEST(JsonLd, MarksCancelledPostponedAndOtherStatuses) {
  auto f = load(seminar);
  auto graph = events(f, {1, 2, 3});
  ASSERT_EQ(graph.size(), 3u);
  EXPECT_EQ(graph[0]["eventStatus"], "https://schema.org/EventCancelled");
  EXPECT_EQ(graph[1]["eventStatus"], "https://schema.org/EventPostponed");
  EXPECT_EQ(graph[2]["eventStatus"], "https://schema.org/EventScheduled");  // schema.org has no "tentative"
  // In winter Berlin is one hour ahead of UTC; a talk with 45 minutes ends at 19:15.
  EXPECT_EQ(graph[0]["startDate"], "2024-01-10T18:30:00+01:00");
  EXPECT_EQ(graph[0]["endDate"], "2024-01-10T19:15:00+01:00");
  EXPECT_FALSE(graph[1].contains("endDate"));  // no end in the feed: none invented
}

TEST(JsonLd, AttendanceModeFollowsPlaceAndLivestream) {
  auto f = load(seminar);
  // No talk location and no stream: the feed's room, attended in person.
  auto cancelled = events(f, {1})[0];
  EXPECT_EQ(cancelled["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
  EXPECT_EQ(cancelled["location"], json::parse(R"({"@type": "Place", "name": "Gates 104",
                                                    "url": "https://seminar.example.org/directions"})"));
  auto online = load(R"json({"talktime": 1, "talks": [
    {"id": "o", "title": "Streamed", "start": "2024-05-02T10:00Z", "links": {"livestream": "https://stream.example/o"}},
    {"id": "n", "title": "Nowhere", "start": "2024-05-02T11:00Z"}]})json");
  auto graph = events(online, {0, 1});
  ASSERT_EQ(graph.size(), 2u);
  EXPECT_EQ(graph[0]["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode");
  EXPECT_EQ(graph[0]["location"], json::parse(R"({"@type": "VirtualLocation", "url": "https://stream.example/o"})"));
  // Neither place nor stream: schema.org's default, offline, and no location at all.
  EXPECT_EQ(graph[1]["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
  EXPECT_FALSE(graph[1].contains("location"));
}

TEST(JsonLd, DateOnlyTalksKeepTheirDates) {
  auto f = load(seminar);
  auto graph = events(f, {4, 7});
  ASSERT_EQ(graph.size(), 2u);
  EXPECT_EQ(graph[0]["startDate"], "2024-05-04");
  EXPECT_EQ(graph[0]["endDate"], "2024-05-05");  // the last day, inclusive as in the feed
  EXPECT_EQ(graph[1]["startDate"], "2024-06-01");
  EXPECT_FALSE(graph[1].contains("endDate"));
}

TEST(JsonLd, TimesUseTheTalksOwnZoneOrUtc) {
  auto f = load(seminar);
  auto ny = events(f, {6})[0];
  EXPECT_EQ(ny["startDate"], "2024-11-04T09:00:00-05:00");
  EXPECT_EQ(ny["location"], json::parse(R"({"@type": "Place", "name": "Room 5"})"));
  EXPECT_EQ(ny["url"], "https://seminar.example.org/talks#talk=ny");
  // Without any zone the instant is written in UTC; without a feed url there is no permalink.
  auto bare = load(R"({"talktime": 1, "talks": [{"id": "u", "title": "U", "start": "2024-05-02T10:00Z", "duration": 30}]})");
  auto graph = events(bare, {0});
  ASSERT_EQ(graph.size(), 1u);
  EXPECT_EQ(graph[0], json::parse(R"json({"@type": "Event", "name": "U",
    "startDate": "2024-05-02T10:00:00Z", "endDate": "2024-05-02T10:30:00Z",
    "eventStatus": "https://schema.org/EventScheduled",
    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"})json"))
      << graph[0].dump(2);
}

TEST(JsonLd, LeavesOutBreaksAndUnknownIndicesAndKeepsTheOrderGiven) {
  auto f = load(seminar);
  auto graph = events(f, {6, 5, 99, 0});
  ASSERT_EQ(graph.size(), 2u);
  EXPECT_EQ(graph[0]["name"], "Abroad");
  EXPECT_EQ(graph[1]["name"], "Attention");
  EXPECT_EQ(to_json_ld(f, {}), R"({"@context":"https://schema.org","@graph":[]})");
}

TEST(JsonLd, FeedTextStaysText) {
  auto f = load(R"json({"talktime": 1, "talks": [{"id": "x", "title": "</script><script>alert(1)</script>",
    "start": "2024-05-02T10:00Z", "speakers": [{"name": "\"quoted\" \\ name"}]}]})json");
  auto text = to_json_ld(f, {0});
  auto graph = json::parse(text)["@graph"];
  EXPECT_EQ(graph[0]["name"], "</script><script>alert(1)</script>");
  EXPECT_EQ(graph[0]["performer"][0]["name"], "\"quoted\" \\ name");
}

// A page snapshot (a prerenderer storing outerHTML) writes the script element's text
// as it is: a "</script>" inside it would end the element and run what follows.
TEST(JsonLd, NoMarkupCharactersSurviveInTheText) {
  auto f = load(R"json({"talktime": 1, "talks": [{"id": "x", "start": "2024-05-02T10:00Z",
    "title": "</script><img src=x onerror=alert(1)> & <!-- more"}]})json");
  auto text = to_json_ld(f, {0});
  EXPECT_EQ(text.find_first_of("<>&"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("name":"\u003c/script\u003e\u003cimg src=x onerror=alert(1)\u003e \u0026 \u003c!-- more")"),
            std::string::npos)
      << text;
  EXPECT_EQ(json::parse(text)["@graph"][0]["name"], "</script><img src=x onerror=alert(1)> & <!-- more");
}

}  // namespace
