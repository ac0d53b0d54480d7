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

// A seminar in Berlin with a page, an organizer, a default room with an address, and
// one talk of each shape.
const char* const seminar = R"json({"talktime": 1, "title": "ML Seminar", "timezone": "Europe/Berlin",
  "url": "https://seminar.example.org/talks",
  "organizer": {"name": "ML Group", "url": "https://ml.example.org/"},
  "location": {"name": "Gates 104", "url": "https://seminar.example.org/directions",
               "address": {"streetAddress": "Unter den Linden 6", "addressLocality": "Berlin",
                           "postalCode": "10117", "addressCountry": "DE"}},
  "talks": [
    {"id": "mixed", "title": "Attention", "start": "2024-05-02T16:30Z", "duration": 60,
     "location": {"name": "Hall A", "url": "https://example.org/hall-a"},
     "links": {"slides": "https://s.example/a.pdf", "livestream": "https://stream.example/live"},
     "abstract": "Why attention is enough.",
     "speakers": [{"name": "Ada Lovelace", "affiliation": "Analytical Engines", "url": "https://ada.example/",
                   "photo": "https://ada.example/ada.jpg"},
                  {"name": "Grace Hopper", "photo": "https://grace.example/g.png"}]},
    {"id": "cancelled", "title": "Called off", "start": "2024-01-10T18:30", "duration": 45, "status": "cancelled"},
    {"id": "postponed", "title": "Later", "start": "2024-01-17T18:30", "status": "postponed"},
    {"id": "tentative", "title": "Maybe", "start": "2024-01-24T18:30", "status": "tentative"},
    {"id": "retreat", "title": "Retreat", "start": "2024-05-04", "end": "2024-05-05"},
    {"id": "coffee", "title": "Coffee", "kind": "break", "start": "2024-05-02T17:30Z", "duration": 15},
    {"id": "ny", "title": "Abroad", "start": "2024-11-04T09:00", "timezone": "America/New_York",
     "location": {"name": "Room 5", "address": "1 Main St, New York, NY 10001, USA"}},
    {"id": "hackday", "title": "Hack day", "start": "2024-06-01"},
    {"id": "virtual", "title": "Remote", "start": "2024-06-03T10:00", "location": "Virtual"},
    {"id": "zoom", "title": "Zoomed", "start": "2024-06-04T10:00",
     "location": {"name": "Zoom (link after registration)", "url": "https://register.example/zoomed"}},
    {"id": "yt", "title": "Watched", "start": "2024-06-05T10:00",
     "location": {"name": "Channel", "url": "https://www.youtube.com/@mlseminar"}}]})json";

const json gates = json::parse(R"({"@type": "Place", "name": "Gates 104",
  "address": {"@type": "PostalAddress", "streetAddress": "Unter den Linden 6", "addressLocality": "Berlin",
              "postalCode": "10117", "addressCountry": "DE"},
  "url": "https://seminar.example.org/directions"})");

json events(const feed& f, const std::vector<std::size_t>& talks) {
  auto document = json::parse(to_json_ld(f, talks));
  EXPECT_EQ(document["@context"], "https://schema.org");
  return document["@graph"];
}

TEST(JsonLd, WritesEveryFieldOfAMixedAttendanceTalk) {
  auto f = load(seminar);
  auto graph = events(f, {0});
  ASSERT_EQ(graph.size(), 1u);
  // Hall A has no address of its own: it is a room of the feed's building.
  auto expected = json::parse(R"json({
    "@type": "Event", "name": "Attention",
    "startDate": "2024-05-02T18:30:00+02:00", "endDate": "2024-05-02T19:30:00+02:00",
    "eventStatus": "https://schema.org/EventScheduled",
    "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
    "location": [{"@type": "Place", "name": "Hall A",
                  "address": {"@type": "PostalAddress", "streetAddress": "Unter den Linden 6", "addressLocality": "Berlin",
                              "postalCode": "10117", "addressCountry": "DE"},
                  "url": "https://example.org/hall-a"},
                 {"@type": "VirtualLocation", "url": "https://stream.example/live"}],
    "performer": [{"@type": "Person", "name": "Ada Lovelace",
                   "affiliation": {"@type": "Organization", "name": "Analytical Engines"},
                   "url": "https://ada.example/", "image": "https://ada.example/ada.jpg"},
                  {"@type": "Person", "name": "Grace Hopper", "image": "https://grace.example/g.png"}],
    "image": ["https://ada.example/ada.jpg", "https://grace.example/g.png"],
    "organizer": {"@type": "Organization", "name": "ML Group", "url": "https://ml.example.org/"},
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

TEST(JsonLd, AnInPersonTalkIsAtThePlaceWithItsAddress) {
  auto f = load(seminar);
  auto cancelled = events(f, {1})[0];  // no location of its own: the feed's
  EXPECT_EQ(cancelled["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
  EXPECT_EQ(cancelled["location"], gates) << cancelled["location"].dump(2);
  auto ny = events(f, {6})[0];  // an address as one line of text
  EXPECT_EQ(ny["location"], json::parse(R"({"@type": "Place", "name": "Room 5", "address": "1 Main St, New York, NY 10001, USA"})"));
  EXPECT_EQ(ny["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
}

// Google requires location.address for a Place: without one there is no Place,
// though the talk is still offline; with a stream it keeps its VirtualLocation.
TEST(JsonLd, NoPlaceWithoutAnAddress) {
  auto f = load(R"json({"talktime": 1, "location": "CDS 1646", "talks": [
    {"id": "r", "title": "Room only", "start": "2024-05-02T10:00Z"},
    {"id": "h", "title": "Hybrid", "start": "2024-05-02T11:00Z", "links": {"livestream": "https://youtu.be/x"}}]})json");
  auto graph = events(f, {0, 1});
  EXPECT_EQ(graph[0]["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
  EXPECT_FALSE(graph[0].contains("location")) << graph[0].dump(2);
  EXPECT_EQ(graph[1]["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode");
  EXPECT_EQ(graph[1]["location"], json::parse(R"({"@type": "VirtualLocation", "url": "https://youtu.be/x"})"));
}

TEST(JsonLd, OnlineTalksHaveAVirtualLocationWithAUrl) {
  auto f = load(seminar);
  auto graph = events(f, {8, 9, 10});
  ASSERT_EQ(graph.size(), 3u);
  for (const auto& e : graph) EXPECT_EQ(e["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode") << e.dump(2);
  // "Virtual" with no url: the talk's page is where one finds how to attend.
  EXPECT_EQ(graph[0]["location"], json::parse(R"({"@type": "VirtualLocation", "name": "Virtual",
    "url": "https://seminar.example.org/talks#talk=virtual"})"));
  // "Zoom" in the name: its url (a registration page) is the way in.
  EXPECT_EQ(graph[1]["location"], json::parse(R"json({"@type": "VirtualLocation", "name": "Zoom (link after registration)",
    "url": "https://register.example/zoomed"})json"));
  // A url on youtube.com makes a location online whatever its name.
  EXPECT_EQ(graph[2]["location"], json::parse(R"({"@type": "VirtualLocation", "name": "Channel",
    "url": "https://www.youtube.com/@mlseminar"})"));
  auto online = load(R"json({"talktime": 1, "talks": [
    {"id": "o", "title": "Streamed", "start": "2024-05-02T10:00Z", "links": {"livestream": "https://stream.example/o"}},
    {"id": "z", "title": "Zoom", "start": "2024-05-02T10:00Z", "location": {"name": "Online", "url": "https://zoom.us/j/1"},
     "links": {"livestream": "https://stream.example/z"}},
    {"id": "v", "title": "Nowhere to join", "start": "2024-05-02T10:00Z", "location": "Online only"},
    {"id": "n", "title": "Nowhere", "start": "2024-05-02T11:00Z"}]})json");
  auto more = events(online, {0, 1, 2, 3});
  EXPECT_EQ(more[0]["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode");
  EXPECT_EQ(more[0]["location"], json::parse(R"({"@type": "VirtualLocation", "url": "https://stream.example/o"})"));
  // An online location with a livestream is online, not mixed: the stream is the way in.
  EXPECT_EQ(more[1]["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode");
  // The location's name ("Online", its Zoom link) is not the stream's.
  EXPECT_EQ(more[1]["location"], json::parse(R"({"@type": "VirtualLocation", "url": "https://stream.example/z"})"));
  // Online, but no url at all (no feed url either): no location rather than one Google rejects.
  EXPECT_EQ(more[2]["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode");
  EXPECT_FALSE(more[2].contains("location"));
  // Neither place nor stream: the feed says nothing about attendance, so neither does the event.
  EXPECT_FALSE(more[3].contains("eventAttendanceMode"));
  EXPECT_FALSE(more[3].contains("location"));
}

// A VirtualLocation's url is where one attends from a browser: a mailto: link is passed over.
TEST(JsonLd, AVirtualLocationHasAWebUrl) {
  auto f = load(R"json({"talktime": 1, "url": "https://s.example/talks", "talks": [
    {"id": "m", "title": "Mailed", "start": "2024-05-02T10:00Z", "location": {"name": "Online", "url": "mailto:host@s.example"}}]})json");
  EXPECT_EQ(events(f, {0})[0]["location"], json::parse(R"({"@type": "VirtualLocation", "name": "Online",
    "url": "https://s.example/talks#talk=m"})"));
}

TEST(JsonLd, AnAddressMakesALocationAPlaceWhateverItsName) {
  auto f = load(R"json({"talktime": 1, "talks": [{"id": "s", "title": "Studio", "start": "2024-05-02T10:00Z",
    "location": {"name": "Zoom studio", "url": "https://zoom.us/studio", "address": "2 Studio Rd, Leeds"}}]})json");
  auto e = events(f, {0})[0];
  EXPECT_EQ(e["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
  EXPECT_EQ(e["location"], json::parse(R"({"@type": "Place", "name": "Zoom studio", "address": "2 Studio Rd, Leeds",
    "url": "https://zoom.us/studio"})"));
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
  EXPECT_EQ(ny["url"], "https://seminar.example.org/talks#talk=ny");
  // Without any zone the instant is written in UTC; without a feed url there is no permalink.
  auto bare = load(R"({"talktime": 1, "talks": [{"id": "u", "title": "U", "start": "2024-05-02T10:00Z", "duration": 30}]})");
  auto graph = events(bare, {0});
  ASSERT_EQ(graph.size(), 1u);
  EXPECT_EQ(graph[0], json::parse(R"json({"@type": "Event", "name": "U",
    "startDate": "2024-05-02T10:00:00Z", "endDate": "2024-05-02T10:30:00Z",
    "eventStatus": "https://schema.org/EventScheduled"})json"))
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
