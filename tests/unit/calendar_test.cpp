// Calendar export (include/talktime/calendar.hpp): whole calendars and the Google
// Calendar / Outlook links (the iCalendar text rules are tested in ics_text_test.cpp).
//
// The expected calendar and links of the "Kolloquium" feed below were computed
// without talktime by tests/calendar/make_ics_writer_expectations.py: instants
// with Python's zoneinfo, RFC 5545 escaping and folding written afresh there,
// and percent-encoding with urllib.parse.quote(s, safe=""):
//
//   utc("2024-01-17T16:15", "Europe/Berlin") -> 2024-01-17T15:15:00Z
//   utc("2024-01-17T17:45", "Europe/Berlin") -> 2024-01-17T16:45:00Z
//   utc("2024-02-01T10:00", "Europe/Berlin") -> 2024-02-01T09:00:00Z
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>

#include "talktime/calendar.hpp"
#include "talktime/feed.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

const char* const kolloquium = R"({
  "talktime": 1,
  "title": "Kolloquium; Winter, 2024",
  "url": "https://Talks.Example.org:8443/kolloquium/?lang=en#top",
  "timezone": "Europe/Berlin",
  "talks": [
    { "id": "k1", "title": "Große Zahlen, kleine Beweise",
      "start": "2024-01-17T16:15", "end": "2024-01-17T17:45",
      "speakers": [{ "name": "Ada Müller", "affiliation": "TU Wien" }],
      "abstract": "Line one\nLine two; with a semicolon, and a comma \\ backslash",
      "tags": ["number theory", "a,b"],
      "location": { "name": "Hörsaal 1", "url": "https://talks.example.org/map" },
      "links": { "livestream": "https://stream.example.org/k1", "slides": "slides/k1.pdf" } },
    { "id": "k2", "title": "Postponed talk", "start": "2024-02-01T10:00", "status": "postponed" },
    { "id": "k3", "title": "Retreat", "start": "2024-03-04", "end": "2024-03-06" }
  ]
})";

feed load(std::string_view text) {
  auto r = parse_feed(text);
  EXPECT_TRUE(r.feed.has_value());
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  return r.feed ? std::move(*r.feed) : feed{};
}

// One VEVENT's lines (without BEGIN/END), from a calendar.
std::string only_event(const std::string& ics) {
  auto begin = ics.find("BEGIN:VEVENT\r\n");
  auto end = ics.find("END:VEVENT\r\n");
  EXPECT_NE(begin, std::string::npos);
  EXPECT_NE(end, std::string::npos);
  if (begin == std::string::npos || end == std::string::npos) return {};
  begin += 14;
  return ics.substr(begin, end - begin);
}

// The release is package.json's; the rest of the line is the documented form.
std::string product_line() { return "PRODID:-//talktime//talktime " + std::string(talktime::version()) + "//EN\r\n"; }

TEST(IcsWriter, WritesTheWholeCalendar) {
  auto f = load(kolloquium);
  std::string expected =
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n" +
      product_line() +
      "CALSCALE:GREGORIAN\r\n"
      "METHOD:PUBLISH\r\n"
      "NAME:Kolloquium\\; Winter\\, 2024\r\n"
      "X-WR-CALNAME:Kolloquium\\; Winter\\, 2024\r\n"
      "X-WR-TIMEZONE:Europe/Berlin\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:k1.b9f0eb4b27a20337@talks.example.org\r\n"
      "DTSTAMP:20240105T083000Z\r\n"
      "DTSTART:20240117T151500Z\r\n"
      "DTEND:20240117T164500Z\r\n"
      "SUMMARY:Große Zahlen\\, kleine Beweise\r\n"
      "DESCRIPTION:Speaker: Ada Müller (TU Wien)\\n\\nLine one\\nLine two\\; with a s\r\n"
      " emicolon\\, and a comma \\\\ backslash\\n\\nLivestream: https://stream.example.\r\n"
      " org/k1\\nSlides: https://Talks.Example.org:8443/kolloquium/slides/k1.pdf\r\n"
      "LOCATION;ALTREP=\"https://talks.example.org/map\":Hörsaal 1\r\n"
      "URL:https://Talks.Example.org:8443/kolloquium/?lang=en#talk=k1\r\n"
      "STATUS:CONFIRMED\r\n"
      "CATEGORIES:number theory,a\\,b\r\n"
      "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Livestream:https://stream.example.\r\n"
      " org/k1\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:k2.b9f0eb4b27a20337@talks.example.org\r\n"
      "DTSTAMP:20240105T083000Z\r\n"
      "DTSTART:20240201T090000Z\r\n"
      "SUMMARY:Postponed talk\r\n"
      "DESCRIPTION:Postponed: the new date has not been announced yet.\r\n"
      "URL:https://Talks.Example.org:8443/kolloquium/?lang=en#talk=k2\r\n"
      "STATUS:TENTATIVE\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:k3.b9f0eb4b27a20337@talks.example.org\r\n"
      "DTSTAMP:20240105T083000Z\r\n"
      "DTSTART;VALUE=DATE:20240304\r\n"
      "DTEND;VALUE=DATE:20240307\r\n"
      "SUMMARY:Retreat\r\n"
      "URL:https://Talks.Example.org:8443/kolloquium/?lang=en#talk=k3\r\n"
      "STATUS:CONFIRMED\r\n"
      "END:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  EXPECT_EQ(to_ics(f, utc("2024-01-05T08:30:00Z")), expected);
  EXPECT_EQ(to_ics(f, {0, 1, 2}, utc("2024-01-05T08:30:00Z")), expected);
}

TEST(IcsWriter, WritesTheChosenTalksInTheGivenOrder) {
  auto f = load(kolloquium);
  auto ics = to_ics(f, {2, 0, 99}, utc("2024-01-05T08:30:00Z"));  // 99: no such talk, skipped
  auto first = ics.find("UID:k3."), second = ics.find("UID:k1.");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_EQ(ics.find("UID:k2."), std::string::npos);
  EXPECT_EQ(to_ics(f, {}, utc("2024-01-05T08:30:00Z")),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + product_line() + "CALSCALE:GREGORIAN\r\n"
            "METHOD:PUBLISH\r\nNAME:Kolloquium\\; Winter\\, 2024\r\nX-WR-CALNAME:Kolloquium\\; Winter\\, 2024\r\n"
            "X-WR-TIMEZONE:Europe/Berlin\r\nEND:VCALENDAR\r\n");
}

TEST(IcsWriter, StampsTheGivenNowNotTheClock) {
  auto f = load(kolloquium);
  auto ics = to_ics(f, {0}, utc("1999-12-31T23:59:59Z"));
  EXPECT_NE(ics.find("\r\nDTSTAMP:19991231T235959Z\r\n"), std::string::npos);
}

TEST(IcsWriter, TakesTheProductIdFromOptions) {
  auto f = load(kolloquium);
  ics_options o;
  o.product_id = "-//Example//Seminar, export//EN";
  auto ics = to_ics(f, {}, utc("2024-01-05T08:30:00Z"), o);
  EXPECT_NE(ics.find("\r\nPRODID:-//Example//Seminar\\, export//EN\r\n"), std::string::npos);
}

TEST(IcsWriter, UsesLfNowhereButInCrlf) {
  auto ics = to_ics(load(kolloquium), utc("2024-01-05T08:30:00Z"));
  for (std::size_t i = 0; i < ics.size(); ++i)
    if (ics[i] == '\n') ASSERT_TRUE(i > 0 && ics[i - 1] == '\r') << "bare LF at " << i;
}

TEST(IcsWriter, LeavesOutDtendWhenTheTalkHasNoEnd) {
  auto f = load(R"({"talktime":1,"talks":[{"id":"a","title":"Open end","start":"2024-05-02T09:00Z"}]})");
  EXPECT_EQ(only_event(to_ics(f, utc("2024-01-01T00:00:00Z"))),
            "UID:a.cbf29ce484222325@talktime\r\n"
            "DTSTAMP:20240101T000000Z\r\n"
            "DTSTART:20240502T090000Z\r\n"
            "SUMMARY:Open end\r\n"
            "STATUS:CONFIRMED\r\n");
}

TEST(IcsWriter, TurnsDurationsIntoDtend) {
  auto f = load(R"({"talktime":1,"timezone":"America/New_York","talks":[
      {"id":"a","title":"T","start":"2024-03-10T01:30","duration":"PT1H"}]})");
  // 01:30 EST is 06:30Z; an hour later (02:30 does not exist locally) is 07:30Z.
  auto event = only_event(to_ics(f, utc("2024-01-01T00:00:00Z")));
  EXPECT_NE(event.find("DTSTART:20240310T063000Z\r\nDTEND:20240310T073000Z\r\n"), std::string::npos) << event;
}

TEST(IcsWriter, WritesDateOnlyTalksWithAnExclusiveEnd) {
  auto f = load(R"({"talktime":1,"talks":[
      {"id":"one","title":"One day","start":"2024-02-28"},
      {"id":"leap","title":"Over the leap day","start":"2024-02-28","end":"2024-03-01"},
      {"id":"year","title":"New year","start":"2024-12-31","duration":"P1D"}]})");
  auto ics = to_ics(f, utc("2024-01-01T00:00:00Z"));
  EXPECT_NE(ics.find("UID:one.cbf29ce484222325@talktime\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240228\r\nDTEND;VALUE=DATE:20240229\r\n"),
            std::string::npos);
  EXPECT_NE(ics.find("UID:leap.cbf29ce484222325@talktime\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240228\r\nDTEND;VALUE=DATE:20240302\r\n"),
            std::string::npos);
  EXPECT_NE(ics.find("UID:year.cbf29ce484222325@talktime\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\n"),
            std::string::npos);
}

TEST(IcsWriter, MapsEveryStatus) {
  auto f = load(R"({"talktime":1,"talks":[
      {"id":"s","title":"S","start":"2024-05-02T09:00Z"},
      {"id":"c","title":"C","start":"2024-05-02T09:00Z","status":"cancelled"},
      {"id":"p","title":"P","start":"2024-05-02T09:00Z","status":"postponed"},
      {"id":"t","title":"T","start":"2024-05-02T09:00Z","status":"tentative"}]})");
  auto event = [&](std::size_t i) { return only_event(to_ics(f, {i}, utc("2024-01-01T00:00:00Z"))); };
  EXPECT_NE(event(0).find("\r\nSTATUS:CONFIRMED\r\n"), std::string::npos);
  EXPECT_EQ(event(0).find("DESCRIPTION"), std::string::npos);
  EXPECT_NE(event(1).find("\r\nDESCRIPTION:Cancelled.\r\nSTATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(event(2).find("\r\nDESCRIPTION:Postponed: the new date has not been announced yet.\r\nSTATUS:TENTATIVE\r\n"),
            std::string::npos);
  EXPECT_NE(event(3).find("\r\nDESCRIPTION:Tentative: not confirmed yet.\r\nSTATUS:TENTATIVE\r\n"), std::string::npos);
}

TEST(IcsWriter, NamesTheSeriesAndAllSpeakers) {
  auto f = load(R"({"talktime":1,"series":[{"id":"fm","title":"Foundation Models"}],"talks":[
      {"id":"a","title":"Panel","start":"2024-05-02T09:00Z","series":"fm",
       "speakers":[{"name":"A"},{"name":"B","affiliation":"X; Y"}]}]})");
  auto event = only_event(to_ics(f, utc("2024-01-01T00:00:00Z")));
  EXPECT_NE(event.find("\r\nDESCRIPTION:Speakers: A\\, B (X\\; Y)\\nSeries: Foundation Models\r\n"), std::string::npos) << event;
}

TEST(IcsWriter, PrefersTheTalksOwnPageAsUrl) {
  auto f = load(R"({"talktime":1,"url":"https://seminar.example.org/","talks":[
      {"id":"a","title":"A","start":"2024-05-02T09:00Z","links":{"website":"https://example.org/talks/a"}},
      {"id":"b c","title":"B","start":"2024-05-02T09:00Z"}]})");
  auto ics = to_ics(f, utc("2024-01-01T00:00:00Z"));
  EXPECT_NE(ics.find("\r\nURL:https://example.org/talks/a\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nURL:https://seminar.example.org/#talk=b%20c\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nUID:b%20c.911493e1173bf482@seminar.example.org\r\n"), std::string::npos);
}

TEST(IcsWriter, HasNoUrlWithoutAPage) {
  auto f = load(R"({"talktime":1,"talks":[{"id":"a","title":"A","start":"2024-05-02T09:00Z"}]})");
  EXPECT_EQ(to_ics(f, utc("2024-01-01T00:00:00Z")).find("URL"), std::string::npos);
  EXPECT_EQ(talk_permalink(f, f.talks[0]), "");
  EXPECT_EQ(calendar_uid(f, f.talks[0]), "a.cbf29ce484222325@talktime");
}

// The hash digits in these tests are FNV-1a 64 of the feed's url (else title),
// computed in Python:
//   def fnv(s):
//     h = 0xcbf29ce484222325
//     for b in s.encode(): h = ((h ^ b) * 0x100000001b3) % 2**64
//     return '%016x' % h
//   fnv('') -> cbf29ce484222325, fnv('https://seminar.example.org/') -> 911493e1173bf482,
//   fnv('https://Talks.Example.org:8443/kolloquium/?lang=en') -> b9f0eb4b27a20337
TEST(IcsWriter, NoTalkIdCanTakeAnotherTalksUid) {
  auto f = load(R"({"talktime":1,"url":"https://seminar.example.org/","talks":[
      {"id":"keynote","title":"A","start":"2024-05-02T09:00Z"},
      {"id":"keynote@seminar.example.org","title":"B","start":"2024-05-02T10:00Z"},
      {"id":"keynote.911493e1173bf482@seminar.example.org","title":"C","start":"2024-05-02T11:00Z"}]})");
  EXPECT_EQ(calendar_uid(f, f.talks[0]), "keynote.911493e1173bf482@seminar.example.org");
  EXPECT_EQ(calendar_uid(f, f.talks[1]), "keynote%40seminar.example.org.911493e1173bf482@seminar.example.org");
  EXPECT_EQ(calendar_uid(f, f.talks[2]), "keynote.911493e1173bf482%40seminar.example.org.911493e1173bf482@seminar.example.org");
}

TEST(IcsWriter, FeedsWithoutAPageDifferByTitle) {
  auto a = load(R"({"talktime":1,"title":"Reading group","talks":[{"id":"w1","title":"A","start":"2024-05-02T09:00Z"}]})");
  auto b = load(R"({"talktime":1,"title":"Theory seminar","talks":[{"id":"w1","title":"A","start":"2024-05-02T09:00Z"}]})");
  // fnv('Reading group') -> 4f89522742611e58, fnv('Theory seminar') -> 636ece10225e8463
  EXPECT_EQ(calendar_uid(a, a.talks[0]), "w1.4f89522742611e58@talktime");
  EXPECT_EQ(calendar_uid(b, b.talks[0]), "w1.636ece10225e8463@talktime");
}

// An imported calendar's UID (the feed's "uid") is kept, so a calendar app that holds
// the source calendar updates its events; one already taken is replaced, with a warning.
TEST(IcsWriter, KeepsAnImportedUidUnlessTaken) {
  auto r = parse_feed(R"({"talktime":1,"url":"https://seminar.example.org/","talks":[
      {"id":"a","uid":"040000008200E001@example.com","title":"A","start":"2024-05-02T09:00Z"},
      {"id":"b","uid":"040000008200E001@example.com","title":"B","start":"2024-05-02T09:00Z"},
      {"id":"c","uid":"a.911493e1173bf482@seminar.example.org","title":"C","start":"2024-05-02T09:00Z"}]})");
  ASSERT_TRUE(r.feed);
  const feed& f = *r.feed;
  EXPECT_EQ(calendar_uid(f, f.talks[0]), "040000008200E001@example.com");
  EXPECT_EQ(calendar_uid(f, f.talks[1]), "b.911493e1173bf482@seminar.example.org");
  EXPECT_EQ(calendar_uid(f, f.talks[2]), "c.911493e1173bf482@seminar.example.org");
  EXPECT_NE(to_ics(f, utc("2024-01-01T00:00:00Z")).find("\r\nUID:040000008200E001@example.com\r\n"), std::string::npos);
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].code, "talk.duplicate_uid");
  EXPECT_EQ(r.diagnostics[0].pointer, "/talks/1/uid");
  EXPECT_EQ(r.diagnostics[1].pointer, "/talks/2/uid");
}

TEST(IcsWriter, UsesTheFeedLocationWhenTheTalkHasNone) {
  auto f = load(R"({"talktime":1,"location":"Gates 104","talks":[
      {"id":"a","title":"A","start":"2024-05-02T09:00Z"},
      {"id":"b","title":"B","start":"2024-05-02T09:00Z","location":{"url":"https://zoom.example/j/1"}}]})");
  auto ics = to_ics(f, utc("2024-01-01T00:00:00Z"));
  EXPECT_NE(ics.find("\r\nLOCATION:Gates 104\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nLOCATION:https://zoom.example/j/1\r\n"), std::string::npos);  // a URL only: no ALTREP
}

TEST(IcsWriter, EncodesCharactersThatCannotStandInAUri) {
  auto f = load(R"({"talktime":1,"talks":[{"id":"a","title":"A","start":"2024-05-02T09:00Z",
      "location":{"name":"Room","url":"https://example.org/a b\"c"},
      "links":{"livestream":"https://e.org/?ü"}}]})");
  auto ics = to_ics(f, utc("2024-01-01T00:00:00Z"));
  EXPECT_NE(ics.find("\r\nLOCATION;ALTREP=\"https://example.org/a%20b%22c\":Room\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("\r\nCONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Livestream:https://e.org/?%C3%BC\r\n"),
            std::string::npos)
      << ics;
}

TEST(IcsWriter, KeepsEveryPhysicalLineWithin75Octets) {
  auto f = load(read_fixture("docs-complete-example.json"));
  for (const auto& line : physical_lines(to_ics(f, utc("2024-01-01T00:00:00Z")))) EXPECT_LE(line.size(), 75u) << line;
}

TEST(CalendarLinks, BuildsAGoogleCalendarLink) {
  auto f = load(kolloquium);
  EXPECT_EQ(google_calendar_url(f, f.talks[0]),
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Gro%C3%9Fe%20Zahlen%2C%20kleine%20Beweise"
            "&dates=20240117T151500Z/20240117T164500Z&details=Speaker%3A%20Ada%20M%C3%BCller%20%28TU%20Wien%29%0A%0ALine"
            "%20one%0ALine%20two%3B%20with%20a%20semicolon%2C%20and%20a%20comma%20%5C%20backslash%0A%0ALivestream%3A%20ht"
            "tps%3A%2F%2Fstream.example.org%2Fk1%0ASlides%3A%20https%3A%2F%2FTalks.Example.org%3A8443%2Fkolloquium%2Fslide"
            "s%2Fk1.pdf%0A%0Ahttps%3A%2F%2FTalks.Example.org%3A8443%2Fkolloquium%2F%3Flang%3Den%23talk%3Dk1&location=H%C3%"
            "B6rsaal%201");
}

TEST(CalendarLinks, BuildsAnOutlookLink) {
  auto f = load(kolloquium);
  EXPECT_EQ(outlook_calendar_url(f, f.talks[0]),
            "https://outlook.live.com/calendar/0/deeplink/compose?subject=Gro%C3%9Fe%20Zahlen%2C%20kleine%20Beweise"
            "&startdt=2024-01-17T15%3A15%3A00Z&enddt=2024-01-17T16%3A45%3A00Z&body=Speaker%3A%20Ada%20M%C3%BCller%20%28T"
            "U%20Wien%29%0A%0ALine%20one%0ALine%20two%3B%20with%20a%20semicolon%2C%20and%20a%20comma%20%5C%20backslash%0A%"
            "0ALivestream%3A%20https%3A%2F%2Fstream.example.org%2Fk1%0ASlides%3A%20https%3A%2F%2FTalks.Example.org%3A8443%"
            "2Fkolloquium%2Fslides%2Fk1.pdf%0A%0Ahttps%3A%2F%2FTalks.Example.org%3A8443%2Fkolloquium%2F%3Flang%3Den%23talk"
            "%3Dk1&location=H%C3%B6rsaal%201");
}

TEST(CalendarLinks, GivesDateOnlyTalksWholeDays) {
  auto f = load(kolloquium);
  EXPECT_EQ(google_calendar_url(f, f.talks[2]),
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Retreat&dates=20240304/20240307"
            "&details=https%3A%2F%2FTalks.Example.org%3A8443%2Fkolloquium%2F%3Flang%3Den%23talk%3Dk3");
  EXPECT_EQ(outlook_calendar_url(f, f.talks[2]),
            "https://outlook.live.com/calendar/0/deeplink/compose?subject=Retreat&startdt=2024-03-04&enddt=2024-03-07"
            "&allday=true&body=https%3A%2F%2FTalks.Example.org%3A8443%2Fkolloquium%2F%3Flang%3Den%23talk%3Dk3");
}

TEST(CalendarLinks, HandleTalksWithoutAnEnd) {
  auto f = load(kolloquium);
  EXPECT_EQ(google_calendar_url(f, f.talks[1]),
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Postponed%20talk&dates=20240201T090000Z/"
            "20240201T090000Z&details=Postponed%3A%20the%20new%20date%20has%20not%20been%20announced%20yet.%0A%0Ahttps%3A"
            "%2F%2FTalks.Example.org%3A8443%2Fkolloquium%2F%3Flang%3Den%23talk%3Dk2");
  EXPECT_EQ(outlook_calendar_url(f, f.talks[1]),
            "https://outlook.live.com/calendar/0/deeplink/compose?subject=Postponed%20talk&startdt=2024-02-01T09%3A00%3A0"
            "0Z&body=Postponed%3A%20the%20new%20date%20has%20not%20been%20announced%20yet.%0A%0Ahttps%3A%2F%2FTalks.Exampl"
            "e.org%3A8443%2Fkolloquium%2F%3Flang%3Den%23talk%3Dk2");
}

TEST(CalendarLinks, LeaveOutEmptyDetailsAndLocation) {
  auto f = load(R"({"talktime":1,"talks":[{"id":"a","title":"A&B","start":"2024-05-02T09:00Z","end":"2024-05-02T10:00Z"}]})");
  EXPECT_EQ(google_calendar_url(f, f.talks[0]),
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text=A%26B&dates=20240502T090000Z/20240502T100000Z");
  EXPECT_EQ(outlook_calendar_url(f, f.talks[0]),
            "https://outlook.live.com/calendar/0/deeplink/compose?subject=A%26B&startdt=2024-05-02T09%3A00%3A00Z"
            "&enddt=2024-05-02T10%3A00%3A00Z");
}

TEST(CalendarLinks, CutLongDescriptionsAtACharacterAndKeepThePage) {
  std::string abstract;
  for (int i = 0; i < 1000; ++i) abstract += "é";  // 2000 octets
  auto f = load(R"({"talktime":1,"url":"https://s.example/","talks":[{"id":"a","title":"A","start":"2024-05-02T09:00Z",
                "abstract":")" + abstract + R"("}]})");
  auto url = google_calendar_url(f, f.talks[0]);
  auto at = url.find("&details=");
  ASSERT_NE(at, std::string::npos);
  // Decode the details again by hand: %XX -> byte.
  std::string encoded = url.substr(at + 9), details;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%') {
      details.push_back(char(std::stoi(encoded.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      details.push_back(encoded[i]);
    }
  }
  std::string tail = "\u2026\n\nhttps://s.example/#talk=a";
  ASSERT_GT(details.size(), tail.size());
  EXPECT_LE(details.size(), 1500u);
  EXPECT_EQ(details.substr(details.size() - tail.size()), tail);
  std::string kept = details.substr(0, details.size() - tail.size());
  EXPECT_EQ(kept.size() % 2, 0u);  // whole "é"s only
  EXPECT_EQ(kept, abstract.substr(0, kept.size()));
  EXPECT_EQ(kept.size(), 1470u);  // 1500 - 27 ("\n\n" and the page) - 3 ("…")
}

// UIDs and descriptions of the documentation's complete example, written by hand
// from docs/calendars.md: UID = id "." fnv(url) "@" the host of the feed's url; DESCRIPTION =
// status note, then speakers (with affiliations) and series, then the abstract,
// then every link as "Label: URL" (relative ones resolved against the feed's url),
// blocks separated by a blank line. Breaks and talks with nothing to say have none.
TEST(IcsWriter, UidsAndDescriptionsOfTheDocumentedExample) {
  auto f = load(read_fixture("docs-complete-example.json"));
  ASSERT_EQ(f.talks.size(), 6u);
  struct { const char* uid; const char* description; } expected[] = {
      {"2023-01-09-welcome.911493e1173bf482@seminar.example.org", "Series: Foundation Models Limited Series"},
      {"2023-01-11-tri-dao.911493e1173bf482@seminar.example.org",
       "Speaker: Tri Dao (Stanford, Adept AI)\nSeries: Foundation Models Limited Series\n\n"
       "Attention is slow and memory-hungry on long sequences.\n\n"
       "This talk shows how an IO-aware algorithm speeds it up without approximation.\n\n"
       "Livestream: https://www.youtube.com/watch?v=gMOAud7hZg4\n"
       "Slides: https://seminar.example.org/slides/2023-01-11-dao.pdf\n"
       "Paper: https://seminar.example.org/papers/flashattention.pdf"},
      {"2023-01-16-holiday.911493e1173bf482@seminar.example.org", ""},
      {"2023-01-18-guest.911493e1173bf482@seminar.example.org",
       "Tentative: not confirmed yet.\n\nSpeaker: A. Guest (ETH Zurich)\n\nRegistration: mailto:seminar@example.org"},
      {"2023-01-25-panel.911493e1173bf482@seminar.example.org", "Cancelled."},
      {"2023-02-01-podcast.911493e1173bf482@seminar.example.org", ""},
  };
  auto ics = to_ics(f, utc("2024-01-01T00:00:00Z"));
  for (std::size_t i = 0; i < f.talks.size(); ++i) {
    SCOPED_TRACE(f.talks[i].id);
    EXPECT_EQ(calendar_uid(f, f.talks[i]), expected[i].uid);
    EXPECT_EQ(calendar_description(f, f.talks[i]), expected[i].description);
    EXPECT_NE(ics.find(std::string("\r\nUID:") + expected[i].uid + "\r\n"), std::string::npos);
  }
  auto speakers = load(R"({"talktime":1,"series":[{"id":"s","title":"Seminar"}],"talks":[{"id":"p","title":"P",
      "start":"2024-05-02T09:00Z","series":"s","speakers":[{"name":"A","affiliation":"X"},{"name":"B"}]}]})");
  EXPECT_EQ(calendar_description(speakers, speakers.talks[0]), "Speakers: A (X), B\nSeries: Seminar");
  EXPECT_EQ(calendar_uid(speakers, speakers.talks[0]), "p.cbf29ce484222325@talktime");
}

}  // namespace
