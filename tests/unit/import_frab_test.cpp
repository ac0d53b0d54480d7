// frab / C3VOC schedule.json import (include/talktime/importers.hpp), with
// diagnostics as JSON Pointers (and lines) into the frab file.
//
// Expected instants from Python, never from talktime:
//
//   datetime.fromisoformat(d).astimezone(timezone.utc) for the fixture's "date"s:
//     2024-10-26T11:00:00+02:00 -> 2024-10-26T09:00:00Z
//     2024-10-26T11:45:00+02:00 -> 2024-10-26T09:45:00Z
//     2024-10-27T00:30:00+02:00 -> 2024-10-26T22:30:00Z
//     2024-10-26T14:00:00+02:00 -> 2024-10-26T12:00:00Z
//     2024-10-27T02:30:00+01:00 -> 2024-10-27T01:30:00Z  (the second 02:30 of that night)
//     2024-10-27T10:00:00+01:00 -> 2024-10-27T09:00:00Z
//     2024-10-27T13:30:00+01:00 -> 2024-10-27T12:30:00Z
//     2024-10-27T17:00:00+01:00 -> 2024-10-27T16:00:00Z
//   utc("2024-10-27T12:00", "Europe/Berlin") -> 2024-10-27T11:00:00Z  (event 1007 has no "date")
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <chrono>
#include <string>
#include <vector>

#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

std::vector<std::string> import_messages(const import_result& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.to_string());
  return out;
}

template <class F>
double seconds_for(F&& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<std::string> names(const talk& t) {
  std::vector<std::string> out;
  for (const auto& s : t.speakers) out.push_back(s.name);
  return out;
}

// A schedule with one day and the given events in room "Saal 1".
std::string schedule_with(const std::string& events, const std::string& zone = "\"Europe/Berlin\"") {
  return R"({"schedule": {"version": "1", "conference": {"title": "Test Con", "time_zone_name": )" + zone +
         R"(, "days": [{"index": 0, "date": "2024-05-02", "rooms": {"Saal 1": [)" + events + "]}}]}}}";
}

TEST(FrabImport, ReadsTheFixture) {
  auto text = read_fixture("frab-schedule.json");
  EXPECT_EQ(detect_feed_format(text), feed_format::frab);
  auto r = parse_any_feed(text);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  const feed& f = *r.feed;
  EXPECT_EQ(f.title, "Open Infrastructure Days 2024");
  EXPECT_EQ(f.url, "https://oid.example.org/2024/");
  ASSERT_NE(f.zone, nullptr);
  EXPECT_EQ(f.zone->name(), "Europe/Berlin");
  ASSERT_EQ(f.series.size(), 3u);
  EXPECT_EQ(f.series[0].id, "hardware-making");
  EXPECT_EQ(f.series[0].title, "Hardware & Making");
  EXPECT_EQ(f.series[1].id, "society");
  EXPECT_EQ(f.series[2].id, "security");
  ASSERT_EQ(f.talks.size(), 9u);

  const auto& opening = by_id(f, "oid24-1001-opening");
  EXPECT_EQ(iso(opening.start), "2024-10-26T09:00:00Z");
  EXPECT_EQ(iso(*opening.end), "2024-10-26T09:30:00Z");
  EXPECT_EQ(opening.series, "");  // "track": null
  EXPECT_EQ(opening.kind, talk_kind::talk);
  EXPECT_EQ(opening.location.name, "Saal A");
  EXPECT_EQ(opening.tags, std::vector<std::string>{"en"});
  ASSERT_EQ(opening.speakers.size(), 1u);
  EXPECT_EQ(opening.speakers[0].name, "Mira Okonkwo");
  EXPECT_EQ(opening.speakers[0].bio, "Runs the orga team.");

  const auto& mesh = by_id(f, "oid24-1002-mesh-networks-after-the-flood");
  EXPECT_EQ(iso(mesh.start), "2024-10-26T09:45:00Z");
  EXPECT_EQ(iso(*mesh.end), "2024-10-26T10:45:00Z");
  EXPECT_EQ(mesh.series, "hardware-making");
  EXPECT_EQ(names(mesh), (std::vector<std::string>{"Jonas Weißkopf", "Aylin Demir"}));
  EXPECT_EQ(mesh.abstract,
            "Keeping a valley online when the fibre is gone\n\nIn July the river took out both fibre lines into the valley. "
            "We built a 40-node mesh in nine days.\n\nWe show the antennas, the routing, the power budget, and the mistakes.");
  ASSERT_EQ(mesh.links.size(), 3u);
  EXPECT_EQ(mesh.links[0].kind, "website");
  EXPECT_EQ(mesh.links[0].url, "https://oid.example.org/2024/talk/1002.html");
  EXPECT_EQ(mesh.links[1].kind, "slides");
  EXPECT_EQ(mesh.links[1].url, "https://oid.example.org/2024/slides/1002.pdf");
  EXPECT_EQ(mesh.links[2].kind, "code");

  const auto& night = by_id(f, "oid24-1003-chiptunes-from-scrap");
  EXPECT_EQ(iso(night.start), "2024-10-26T22:30:00Z");  // listed under day 1, after midnight
  EXPECT_EQ(names(night), std::vector<std::string>{"Kai \"8bit\" Lindqvist"});  // "name", not "public_name"

  const auto& workshop = by_id(f, "oid24-1004-loeten-fuer-einsteiger");
  EXPECT_EQ(workshop.kind, talk_kind::tutorial);
  EXPECT_EQ(workshop.location.name, "Werkstatt");
  EXPECT_EQ(iso(*workshop.end), "2024-10-26T14:00:00Z");

  const auto& owls = by_id(f, "oid24-1005-night-owls");
  EXPECT_EQ(iso(owls.start), "2024-10-27T01:30:00Z");
  EXPECT_EQ(owls.kind, talk_kind::other);  // "meeting"
  EXPECT_TRUE(owls.speakers.empty());

  const auto& meter = by_id(f, "oid24-1006-who-owns-the-smart-meter");
  EXPECT_EQ(iso(meter.start), "2024-10-27T09:00:00Z");
  EXPECT_EQ(meter.series, "society");

  const auto& lightning = by_id(f, "oid24-1007-lightning-talks");
  EXPECT_EQ(iso(lightning.start), "2024-10-27T11:00:00Z");
  EXPECT_EQ(iso(*lightning.end), "2024-10-27T11:20:00Z");
  EXPECT_EQ(lightning.kind, talk_kind::talk);
  EXPECT_EQ(lightning.series, "security");

  const auto& panel = by_id(f, "oid24-1008-repair-cafes-and-the-law");
  EXPECT_EQ(panel.kind, talk_kind::panel);  // "podium"
  EXPECT_EQ(iso(panel.start), "2024-10-27T12:30:00Z");
  EXPECT_EQ(iso(*panel.end), "2024-10-27T14:00:00Z");
  EXPECT_EQ(names(panel), (std::vector<std::string>{"Hannes Brückner", "Özlem Aksoy", "Dr. Sunita Rao"}));
  ASSERT_EQ(panel.links.size(), 2u);
  EXPECT_EQ(panel.links[1].kind, "livestream");
  EXPECT_EQ(panel.tags, std::vector<std::string>{"de"});

  const auto& closing = by_id(f, "oid24-1009-closing");
  EXPECT_EQ(iso(closing.start), "2024-10-27T16:00:00Z");
}

TEST(FrabImport, FallsBackToNumericIdsAndGuids) {
  auto r = parse_any_feed(schedule_with(R"(
      {"id": 42, "guid": "g-42", "date": "2024-05-02T10:00:00+02:00", "duration": "00:30", "title": "By id"},
      {"guid": "0b7e", "date": "2024-05-02T11:00:00+02:00", "duration": "00:30", "title": "By guid"})"));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  EXPECT_EQ(r.feed->talks[0].id, "42");
  EXPECT_EQ(r.feed->talks[1].id, "0b7e");
  EXPECT_EQ(r.feed->talks[0].location.name, "Saal 1");  // from the room's key
}

TEST(FrabImport, ConvertsDurations) {
  auto r = import_frab(schedule_with(R"(
      {"id": 1, "date": "2024-05-02T10:00:00+02:00", "duration": "01:30", "title": "A"},
      {"id": 2, "date": "2024-05-02T10:00:00+02:00", "duration": "00:05:30", "title": "B"},
      {"id": 3, "date": "2024-05-02T10:00:00+02:00", "duration": "90 min", "title": "C"})"));
  ASSERT_TRUE(r.feed_json);
  EXPECT_NE(r.feed_json->find("\"duration\": 90,\n"), std::string::npos) << *r.feed_json;
  EXPECT_NE(r.feed_json->find("\"duration\": \"PT0H5M30S\",\n"), std::string::npos) << *r.feed_json;
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "[frab.bad_duration] /schedule/conference/days/0/rooms/Saal 1/2/duration (line 4, column 66): duration "
            "\"90 min\" is not \"HH:MM\"; the talk is shown without an end");
}

// Lines and columns here were counted independently (a Python script finding each value's first byte).
TEST(FrabImport, LocatesTheParsersProblemsInTheFrabFile) {
  std::string text = R"json({"schedule": {"conference": {"title": "T", "time_zone_name": "Europe/Berlin", "days": [
  {"date": "2024-05-02", "rooms": {"Hall/1": [
    {"id": 1, "date": "2024-05-02T10:00:00+02:00", "duration": "00:30", "title": ""},
    {"id": 2, "date": "2024-02-30T10:00:00+02:00", "duration": "00:30", "title": "Bad date"},
    {"id": 3, "date": "2024-05-02T10:00:00+02:00", "start": "11:00", "duration": "00:30", "title": "Mismatch",
     "persons": [{"id": 9}], "links": [{"url": "javascript:alert(1)", "title": "Slides"}]}
  ]}}]}}})json";
  auto r = parse_any_feed(text);
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "[talk.missing_title] /schedule/conference/days/0/rooms/Hall~11/0/title (line 3, column 82): \"title\" is "
                "empty (talk \"1\")",
                "[talk.bad_start] /schedule/conference/days/0/rooms/Hall~11/1/date (line 4, column 23): invalid date "
                "\"2024-02-30T10:00:00+02:00\" (talk \"2\")",
                "[frab.start_mismatch] /schedule/conference/days/0/rooms/Hall~11/2/start (line 5, column 61): \"start\" "
                "\"11:00\" differs from the time in \"date\" \"2024-05-02T10:00:00+02:00\"; \"date\" is used",
                "[talk.bad_field] /schedule/conference/days/0/rooms/Hall~11/2/persons/0 (line 6, column 18): a speaker "
                "without a \"name\" is ignored",
                "[talk.bad_url] /schedule/conference/days/0/rooms/Hall~11/2/links/0/url (line 6, column 48): link "
                "\"javascript:alert(1)\" dropped: only http:, https: and mailto: links are allowed",
            }));
  ASSERT_EQ(r.feed->talks.size(), 1u);
  EXPECT_EQ(r.feed->talks[0].id, "3");
}

TEST(FrabImport, ReadsTheDayAndStartWhenThereIsNoDate) {
  auto r = parse_any_feed(schedule_with(R"({"id": 1, "start": "09:15", "duration": "00:45", "title": "Early"})"));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  EXPECT_EQ(iso(r.feed->talks[0].start), "2024-05-02T07:15:00Z");  // 09:15 CEST
  EXPECT_EQ(iso(*r.feed->talks[0].end), "2024-05-02T08:00:00Z");
}

TEST(FrabImport, ReportsAnUnknownConferenceZoneWhereItIs) {
  auto r = parse_any_feed(schedule_with(R"({"id": 1, "start": "09:15", "title": "A"})", "\"Europe/Atlantis\""));
  EXPECT_FALSE(r.feed);
  EXPECT_EQ(messages(r), (std::vector<std::string>{"[feed.bad_zone] /schedule/conference/time_zone_name (line 1, column "
                                                   "85): unknown time zone \"Europe/Atlantis\""}));
}

TEST(FrabImport, RejectsJsonThatIsNoSchedule) {
  auto not_schedule = parse_any_feed(R"({"conference": {}})", feed_format::frab);
  EXPECT_FALSE(not_schedule.feed);
  EXPECT_EQ(messages(not_schedule), (std::vector<std::string>{
                                        "[frab.not_schedule] line 1, column 1: a frab schedule.json is a JSON object with a \"schedule\" object"}));
  auto no_days = parse_any_feed(R"({"schedule": {"conference": {"title": "T"}}})");
  EXPECT_FALSE(no_days.feed);
  EXPECT_EQ(messages(no_days), (std::vector<std::string>{"[frab.no_days] /schedule/conference (line 1, column 29): the "
                                                         "conference has no \"days\" array"}));
  auto broken = parse_any_feed("{\"schedule\": {\"conference\": ", feed_format::frab);
  EXPECT_FALSE(broken.feed);
  ASSERT_EQ(broken.diagnostics.size(), 1u);
  EXPECT_EQ(broken.diagnostics[0].code, "frab.syntax");
  EXPECT_EQ(broken.diagnostics[0].line, 1);
}

TEST(FrabImport, ReportsEventsThatAreNotObjects) {
  auto r = parse_any_feed(schedule_with(R"("oops", {"id": 2, "date": "2024-05-02T10:00:00+02:00", "title": "B"})"));
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "frab.bad_event");
  EXPECT_EQ(r.diagnostics[0].pointer, "/schedule/conference/days/0/rooms/Saal 1/0");
  EXPECT_EQ(r.feed->talks.size(), 1u);
}

TEST(FrabImport, KeepsTrackIdsApartWhenTheirSlugsCollide) {
  auto r = parse_any_feed(schedule_with(R"(
      {"id": 1, "date": "2024-05-02T10:00:00+02:00", "title": "A", "track": "Art & Code"},
      {"id": 2, "date": "2024-05-02T10:00:00+02:00", "title": "B", "track": "Art / Code"},
      {"id": 3, "date": "2024-05-02T10:00:00+02:00", "title": "C", "track": "Art & Code"})"));
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->series.size(), 2u);
  EXPECT_EQ(r.feed->series[0].id, "art-code");
  EXPECT_EQ(r.feed->series[1].id, "art-code-2");
  EXPECT_EQ(r.feed->series[1].title, "Art / Code");
  EXPECT_EQ(r.feed->talks[2].series, "art-code");
}

// Reproducer tests/fuzz/regressions/fuzz_import_frab/location-after-byte-order-mark.json:
// with a UTF-8 byte order mark, the importer's own problems had no line (the pointer
// locator read the mark as the start of a value). The mark counts as one column of
// line 1, as it does in the positions of frab.syntax errors. Locations counted by a
// Python script.
TEST(FrabImport, LocatesItsProblemsAfterAByteOrderMark) {
  EXPECT_EQ(import_messages(import_frab("\xEF\xBB\xBF{\"schedule\": {}}")),
            std::vector<std::string>{
                "[frab.no_conference] /schedule (line 1, column 15): the schedule has no \"conference\" object"});
  EXPECT_EQ(import_messages(import_frab("\xEF\xBB\xBF{\n\"schedule\": {}}")),
            std::vector<std::string>{
                "[frab.no_conference] /schedule (line 2, column 13): the schedule has no \"conference\" object"});
  auto r = import_frab(
      "\xEF\xBB\xBF{\"schedule\": {\"conference\": {\"days\": [\n{\"date\": \"2024-05-02\", \"rooms\": {\"R\": [\n"
      "{\"id\": 1, \"title\": \"A\", \"date\": \"2024-05-02T10:00:00+02:00\", \"duration\": \"1h\"}]}}]}}}");
  ASSERT_TRUE(r.feed_json);
  EXPECT_EQ(import_messages(r), std::vector<std::string>{
                             "[frab.bad_duration] /schedule/conference/days/0/rooms/R/0/duration (line 3, column 74): "
                             "duration \"1h\" is not \"HH:MM\"; the talk is shown without an end"});
}

// The parser's problems, moved back into a frab file with a byte order mark, are
// located there too (the mark used to hide every value from the locator).
TEST(FrabImport, LocatesTheParsersProblemsAfterAByteOrderMark) {
  std::string text = schedule_with(R"json({"id": 1, "date": "2024-05-02T10:00:00+02:00", "title": "A",
      "links": [{"url": "javascript:alert(1)", "title": "Slides"}]})json");
  auto plain = parse_any_feed(text), marked = parse_any_feed("\xEF\xBB\xBF" + text);
  ASSERT_EQ(plain.diagnostics.size(), 1u);
  EXPECT_GT(plain.diagnostics[0].line, 1);
  EXPECT_EQ(messages(marked), messages(plain));
}

TEST(FrabImport, NumbersLinksOfOneKind) {
  auto r = parse_any_feed(schedule_with(R"({"id": 1, "date": "2024-05-02T10:00:00+02:00", "title": "A", "links": [
      "https://a.example/1", {"url": "https://a.example/2", "title": "link"},
      {"url": "https://a.example/3", "title": "link 2"}, "https://a.example/4"]})"));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  const auto& links = r.feed->talks[0].links;
  ASSERT_EQ(links.size(), 4u);
  EXPECT_EQ(links[0].kind, "link");
  EXPECT_EQ(links[0].url, "https://a.example/1");
  EXPECT_EQ(links[1].kind, "link 2");
  EXPECT_EQ(links[1].url, "https://a.example/2");
  EXPECT_EQ(links[2].kind, "link 2 2");  // "link 2" was taken by the second link
  EXPECT_EQ(links[2].url, "https://a.example/3");
  EXPECT_EQ(links[3].kind, "link 3");
  EXPECT_EQ(links[3].url, "https://a.example/4");
}

// Reproducer tests/fuzz/regressions/fuzz_import_frab/timeout-2000-links-of-one-kind.json:
// each link probed "link 2", "link 3", … from the start, each probe a search of the
// event's links: 2,000 links took 8 s, and the time grew with the cube of the count
// (10,000: about 20 minutes).
TEST(FrabImport, NumbersManyLinksOfOneKindQuickly) {
  std::string links;
  for (int i = 0; i < 10000; ++i) links += std::string(i ? "," : "") + "\"https://a.example/" + std::to_string(i) + "\"";
  auto text = schedule_with(R"({"id": 1, "date": "2024-05-02T10:00:00+02:00", "title": "A", "links": [)" + links + "]}");
  import_result r;
  EXPECT_LT(seconds_for([&] { r = import_frab(text); }), 20.0);
  ASSERT_TRUE(r.feed_json);
  EXPECT_EQ(import_messages(r), std::vector<std::string>{});
  EXPECT_NE(r.feed_json->find("\"link 10000\": \"https://a.example/9999\"\n"), std::string::npos);
  EXPECT_EQ(r.origins.at("/talks/0/links/link 10000").pointer, "/schedule/conference/days/0/rooms/Saal 1/0/links/9999");
}

// Reproducer tests/fuzz/regressions/fuzz_import_frab/timeout-2500-tracks-with-one-slug.json:
// track names that slugify alike ("a!!!", "A#$%", …) probed "a-2", "a-3", … from the
// start, each probe a search of all tracks: 2,500 of them took 16 s, 4,000 took 37 s.
TEST(FrabImport, NumbersManyTracksWithOneSlugInLinearTime) {
  std::string events;
  for (int i = 0; i < 4000; ++i)
    events += std::string(i ? "," : "") + R"({"id": )" + std::to_string(i) +
              R"(, "date": "2024-05-02T10:00:00+02:00", "title": "A", "track": "a)" + std::string(std::size_t(i), '!') + "\"}";
  // 4,000 names "a", "a!", "a!!", …; and one whose own slug is a numbered one.
  events += R"(, {"id": "x", "date": "2024-05-02T10:00:00+02:00", "title": "X", "track": "A 2"})";
  import_result r;
  EXPECT_LT(seconds_for([&] { r = import_frab(schedule_with(events)); }), 20.0);
  ASSERT_TRUE(r.feed_json);
  auto parsed = parse_feed(*r.feed_json);
  ASSERT_TRUE(parsed.feed);
  const auto& series = parsed.feed->series;
  ASSERT_EQ(series.size(), 4001u);
  EXPECT_EQ(series[0].id, "a");
  EXPECT_EQ(series[1].id, "a-2");
  EXPECT_EQ(series[1].title, "a!");
  EXPECT_EQ(series[3999].id, "a-4000");
  EXPECT_EQ(series[4000].id, "a-2-2");  // "A 2" slugifies to "a-2", which "a!" has
  EXPECT_EQ(series[4000].title, "A 2");
  EXPECT_EQ(parsed.feed->talks[4000].series, "a-2-2");
}

// Subtitle, abstract and description are joined, each left out when the text so far
// already holds it. That test used std::string::find, quadratic for "aaa…a" and
// "aaa…ab": these 3,000,000 and 1,000,001 characters would take hours.
TEST(FrabImport, JoinsTheAbstractInLinearTime) {
  auto r = parse_any_feed(schedule_with(R"({"id": 1, "date": "2024-05-02T10:00:00+02:00", "title": "A",
      "subtitle": "Short", "abstract": "Short and long", "description": "Short and long"})"));
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(r.feed->talks[0].abstract, "Short\n\nShort and long");
  auto contained = parse_any_feed(schedule_with(R"({"id": 1, "date": "2024-05-02T10:00:00+02:00", "title": "A",
      "subtitle": "and long", "abstract": "Short and long", "description": "Short"})"));
  ASSERT_TRUE(contained.feed);
  EXPECT_EQ(contained.feed->talks[0].abstract, "and long\n\nShort and long");

  std::string many(3000000, 'a'), almost = std::string(1000000, 'a') + "b";
  auto text = schedule_with(R"({"id": 1, "date": "2024-05-02T10:00:00+02:00", "title": "A", "subtitle": ")" + many +
                            R"(", "abstract": ")" + almost + R"(", "description": ")" + almost.substr(1) + "\"}");
  import_result big;
  EXPECT_LT(seconds_for([&] { big = import_frab(text); }), 20.0);
  ASSERT_TRUE(big.feed_json);
  EXPECT_NE(big.feed_json->find("\"abstract\": \"" + many + "\\n\\n" + almost + "\",\n"), std::string::npos);
}

// Reproducer tests/fuzz/regressions/fuzz_import_frab/oom-long-room-name-in-every-event.json:
// every event repeats its room's name, in its location and in each origin's pointer;
// that schedule (a 16,000-byte room name, 4,000 empty events) took 51 s and 0.5 GB,
// a 60 KB one (30,000 bytes, 10,000 events) 277 s and 2.3 GB. What the conversion
// repeats is now charged against limits.max_bytes.
// Here: 20 bytes for the feed's origin, then 533 per event (the event's pointer of
// 136 bytes three times, "/talks/3" twice, the 100-byte name, "/location"), so the
// 2,000 bytes run out at event 3 (column counted by a Python script).
TEST(FrabImport, FailsWhenTheConversionRepeatsMoreThanTheLimit) {
  std::string room(100, 'R');
  auto text = R"({"schedule":{"conference":{"days":[{"rooms":{")" + room + R"(":[{},{},{},{},{}]}}]}}})";
  ASSERT_EQ(text.size(), 170u);
  feed_limits limits;
  limits.max_bytes = 2000;
  auto r = import_frab(text, limits);
  EXPECT_FALSE(r.feed_json);
  EXPECT_TRUE(r.origins.empty());
  EXPECT_EQ(import_messages(r), std::vector<std::string>{
                             "[frab.too_large] /schedule/conference/days/0/rooms/" + room + "/3 (line 1, column 159): "
                             "converting the schedule takes more than 2000 bytes, the limit (each event repeats its "
                             "room's name and its day's date; this room's name is 100 bytes)"});
  limits.max_bytes = 20 + 5 * 533 - 1;
  auto short_by_one = import_frab(text, limits);
  EXPECT_FALSE(short_by_one.feed_json);
  ASSERT_EQ(short_by_one.diagnostics.size(), 1u);
  EXPECT_EQ(short_by_one.diagnostics[0].pointer, "/schedule/conference/days/0/rooms/" + room + "/4");
  limits.max_bytes = 20 + 5 * 533;
  auto fits = import_frab(text, limits);
  ASSERT_TRUE(fits.feed_json);
  EXPECT_EQ(import_messages(fits), std::vector<std::string>{});

  std::string large = R"({"schedule":{"conference":{"days":[{"rooms":{")" + std::string(30000, 'r') + "\":[";
  for (int i = 0; i < 10000; ++i) large += i ? ",{}" : "{}";
  large += "]}}]}}}";
  import_result hostile;
  EXPECT_LT(seconds_for([&] { hostile = import_frab(large); }), 20.0);
  EXPECT_FALSE(hostile.feed_json);
  ASSERT_EQ(hostile.diagnostics.size(), 1u);
  EXPECT_EQ(hostile.diagnostics[0].code, "frab.too_large");
}

// Reproducer tests/fuzz/regressions/fuzz_import_frab/timeout-5000-events-not-objects.json:
// every problem was listed, each located by a walk over the text (20,000 took 36 s).
// As in the feed parser, 100 are listed and the rest counted.
TEST(FrabImport, ListsAHundredProblemsAndCountsTheRest) {
  std::string events;
  for (int i = 0; i < 150; ++i) events += i ? ",0" : "0";
  auto r = import_frab(R"({"schedule":{"conference":{"days":[{"rooms":{"R":[)" + events + "]}}]}}}");
  ASSERT_TRUE(r.feed_json);
  ASSERT_EQ(r.diagnostics.size(), 101u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "[frab.bad_event] /schedule/conference/days/0/rooms/R/0 (line 1, column 51): an event should be an object; "
            "it is skipped");
  EXPECT_EQ(r.diagnostics[99].to_string(),
            "[frab.bad_event] /schedule/conference/days/0/rooms/R/99 (line 1, column 249): an event should be an "
            "object; it is skipped");
  EXPECT_EQ(r.diagnostics[100].to_string(),
            "[frab.too_many_problems]: 50 more problems (50 of them errors) were found but are not listed");
  EXPECT_EQ(r.diagnostics[100].level, severity::error);
}

}  // namespace
