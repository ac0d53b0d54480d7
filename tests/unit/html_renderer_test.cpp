// The HTML renderer: exact <time> values, clocks, day headings, zone labels,
// badges and hints, and escaping of hostile feed text.
//
// Expected local times from Python's zoneinfo:
//
//   from datetime import datetime, date
//   from zoneinfo import ZoneInfo
//   show = lambda u, z: (lambda d: (d.isoformat(), d.tzname()))(datetime.fromisoformat(u).astimezone(ZoneInfo(z)))
//   show("2021-03-28T15:00:00+00:00", "Asia/Kolkata")        -> 2021-03-28T20:30:00+05:30 IST
//   show("2021-03-28T14:50:00+00:00", "Europe/Berlin")       -> 2021-03-28T16:50:00+02:00 CEST
//   show("2024-05-03T05:30:00+00:00", "Asia/Kolkata")        -> 2024-05-03T11:00:00+05:30 IST
//   show("2024-05-02T03:30:00+00:00", "America/Los_Angeles") -> 2024-05-01T20:30:00-07:00 PDT
//   show("2024-05-02T23:30:00+00:00", "Europe/Berlin")       -> 2024-05-03T01:30:00+02:00 CEST
//   show("2024-05-02T10:00:00+00:00", "Asia/Kathmandu")      -> 2024-05-02T15:45:00+05:45 +0545
//   show("2024-05-02T10:00:00+00:00", "Europe/Istanbul")     -> 2024-05-02T13:00:00+03:00 +03
//   show("2024-05-02T10:00:00+00:00", "America/Sao_Paulo")   -> 2024-05-02T07:00:00-03:00 -03
//   date(2021, 3, 28).strftime("%A, %-d %B %Y")  -> Sunday, 28 March 2021
//   date(2024, 2, 29) -> Thursday, 29 February 2024;  date(1600, 1, 1) -> Saturday, 1 January 1600
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <sstream>
#include <string>
#include <vector>

#include "talktime/html_renderer.hpp"
#include "../fuzz/fuzz_support.hpp"  // the renderer's vocabulary, shared with the fuzz target

namespace {

using namespace talktime;
using namespace talktime::test_support;
using namespace std::chrono_literals;

local_seconds wall(int y, unsigned mo, unsigned d, int h, int mi) {
  return date::local_days{date::year{y} / mo / d} + std::chrono::hours{h} + std::chrono::minutes{mi};
}


std::string render(const schedule& s, const char* zone, sys_seconds now, bool hour12 = false) {
  const time_zone* z = locate_zone(zone);
  EXPECT_NE(z, nullptr) << zone;
  render_options o;
  o.display_zone = z;
  o.now = now;
  o.hour12 = hour12;
  return render_html(s, s.find({}, now, *z).talks, o);
}

std::size_t count(const std::string& html, const std::string& part) {
  std::size_t n = 0;
  for (auto at = html.find(part); at != std::string::npos; at = html.find(part, at + 1)) ++n;
  return n;
}

TEST(FormatClock, Writes24HourAnd12HourClocks) {
  struct { int h, m; const char* h24; const char* h12; } cases[] = {
      {0, 0, "00:00", "12:00 AM"},  {0, 5, "00:05", "12:05 AM"},  {8, 30, "08:30", "8:30 AM"},
      {11, 59, "11:59", "11:59 AM"}, {12, 0, "12:00", "12:00 PM"}, {12, 30, "12:30", "12:30 PM"},
      {13, 5, "13:05", "1:05 PM"},  {20, 30, "20:30", "8:30 PM"},  {23, 59, "23:59", "11:59 PM"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(format_clock(wall(2021, 3, 28, c.h, c.m), false), c.h24);
    EXPECT_EQ(format_clock(wall(2021, 3, 28, c.h, c.m), true), c.h12);
  }
  EXPECT_EQ(format_clock(wall(1969, 12, 31, 23, 15), false), "23:15");  // before the epoch
}

TEST(FormatDayHeading, WritesWeekdayDayMonthYear) {
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{2021} / 3 / 28}), "Sunday, 28 March 2021");
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{2024} / 2 / 29}), "Thursday, 29 February 2024");
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{1600} / 1 / 1}), "Saturday, 1 January 1600");
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{2024} / 5 / 3}), "Friday, 3 May 2024");
}

TEST(ZoneLabel, UsesLettersOrUtcOffsets) {
  auto label_at = [](const char* zone) { return zone_label(locate_zone(zone)->offset_at(utc("2024-05-02T10:00:00Z"))); };
  EXPECT_EQ(label_at("Asia/Kolkata"), "IST");
  EXPECT_EQ(label_at("Europe/Berlin"), "CEST");
  EXPECT_EQ(label_at("America/New_York"), "EDT");
  EXPECT_EQ(label_at("UTC"), "UTC");
  EXPECT_EQ(label_at("Europe/Istanbul"), "UTC+3");     // "+03"
  EXPECT_EQ(label_at("America/Sao_Paulo"), "UTC-3");   // "-03"
  EXPECT_EQ(label_at("Pacific/Kiritimati"), "UTC+14");
  EXPECT_EQ(label_at("Pacific/Niue"), "UTC-11");
  EXPECT_EQ(label_at("Etc/GMT+5"), "UTC-5");
  EXPECT_EQ(label_at("Asia/Kathmandu"), "UTC+5:45");  // "+0545"
  EXPECT_EQ(label_at("Australia/Lord_Howe"), "UTC+10:30");
  EXPECT_EQ(zone_label({0s, false, "-00"}), "UTC");
  EXPECT_EQ(zone_label({0s, false, ""}), "UTC");
  EXPECT_EQ(zone_label({std::chrono::seconds{-9000}, false, "-0230"}), "UTC-2:30");
  EXPECT_EQ(zone_label({std::chrono::seconds{-17762}, false, "LMT"}), "LMT");
}

TEST(HtmlRenderer, TimeElementsCarryTheDisplayZoneOffset) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "a", "title": "A", "start": "2021-03-28T15:00Z", "duration": 35}]})");
  auto html = render(s, "Asia/Kolkata", utc("2021-03-01T00:00:00Z"));
  EXPECT_TRUE(contains(html, R"(<time datetime="2021-03-28T20:30:00+05:30">20:30</time>)")) << html;
  EXPECT_TRUE(contains(html, "\u2013<time datetime=\"2021-03-28T21:05:00+05:30\">21:05</time>")) << html;
  EXPECT_TRUE(contains(html, R"(<abbr class="tt-zone" title="Asia/Kolkata">IST</abbr>)")) << html;
  EXPECT_FALSE(contains(html, "tt-event-time"));  // the talk has no zone of its own
  auto h12 = render(s, "Asia/Kolkata", utc("2021-03-01T00:00:00Z"), true);
  EXPECT_TRUE(contains(h12, R"(<time datetime="2021-03-28T20:30:00+05:30">8:30 PM</time>)")) << h12;
  EXPECT_TRUE(contains(h12, R"(<time datetime="2021-03-28T21:05:00+05:30">9:05 PM</time>)")) << h12;
}

TEST(HtmlRenderer, RendersOneTalkExactly) {
  auto s = load_schedule(R"({"talktime": 1, "timezone": "Asia/Kolkata",
    "talks": [{"id": "a", "title": "A talk", "start": "2021-03-28T20:30", "end": "2021-03-28T21:05"}]})");
  auto html = render(s, "Asia/Kolkata", utc("2021-03-01T00:00:00Z"));
  EXPECT_EQ(html,
            "<section class=\"tt-section\" data-section=\"upcoming\"><h2 class=\"tt-section-title\">Upcoming</h2>"
            "<section class=\"tt-day\" data-day=\"2021-03-28\"><h3 class=\"tt-day-title\">"
            "<time datetime=\"2021-03-28\">Sunday, 28 March 2021</time></h3><ol class=\"tt-talks\">"
            "<li class=\"tt-talk\" data-talk-id=\"a\" data-kind=\"talk\" data-status=\"scheduled\" "
            "data-phase=\"upcoming\" data-start=\"1616943600\" data-end=\"1616945700\">"
            "<article class=\"tt-card\" aria-labelledby=\"tt-title-0\"><p class=\"tt-when\">"
            "<time datetime=\"2021-03-28T20:30:00+05:30\">20:30</time>\u2013"
            "<time datetime=\"2021-03-28T21:05:00+05:30\">21:05</time> "
            "<abbr class=\"tt-zone\" title=\"Asia/Kolkata\">IST</abbr><span class=\"tt-relative\"></span></p>"
            "<h4 class=\"tt-title\" id=\"tt-title-0\"><a class=\"tt-permalink\" href=\"#talk=a\">A talk</a></h4>"
            "<p class=\"tt-meta\"><span class=\"tt-kind\">Talk</span></p></article></li></ol></section></section>");
}

TEST(HtmlRenderer, EmptyOrderRendersNothing) {
  schedule s(feed{});
  EXPECT_EQ(render(s, "UTC", utc("2021-03-01T00:00:00Z")), "");
}

TEST(HtmlRenderer, ShowsTheEventsOwnTimeWhenZonesDiffer) {
  // FastPath 2021: 10:50 in New York is 16:50 CEST in Berlin (Europe switched that morning).
  auto s = load_schedule(R"({"talktime": 1, "timezone": "America/New_York",
    "talks": [{"id": "o", "title": "Opening Remarks", "start": "2021-03-28T10:50", "end": "2021-03-28T11:00"}]})");
  auto html = render(s, "Europe/Berlin", utc("2021-03-01T00:00:00Z"));
  EXPECT_TRUE(contains(html, "<time datetime=\"2021-03-28T16:50:00+02:00\">16:50</time>\u2013"
                             "<time datetime=\"2021-03-28T17:00:00+02:00\">17:00</time> "
                             "<abbr class=\"tt-zone\" title=\"Europe/Berlin\">CEST</abbr> "
                             "<span class=\"tt-event-time\"><span aria-hidden=\"true\"><span class=\"tt-sep\">\u00b7</span> "
                             "<time datetime=\"2021-03-28T10:50:00-04:00\">10:50</time> "
                             "<abbr title=\"America/New_York, where the event takes place\">EDT</abbr> "
                             "<span class=\"tt-event-place\">in New York</span></span>"
                             " <span class=\"tt-sr\">That is 10:50 EDT on Sunday, 28 March 2021 in New York.</span></span>"))
      << html;
  EXPECT_FALSE(contains(html, "tt-event-day"));  // the same day in Berlin and New York
  // Viewed from the event's own zone (also through a link name), the event time is not repeated.
  EXPECT_FALSE(contains(render(s, "America/New_York", utc("2021-03-01T00:00:00Z")), "tt-event-time"));
  EXPECT_FALSE(contains(render(s, "US/Eastern", utc("2021-03-01T00:00:00Z")), "tt-event-time"));
}

TEST(HtmlRenderer, HintsWhenTheDayDiffersFromTheEventsDay) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "late", "title": "Late", "start": "2024-05-02T22:30", "timezone": "America/Los_Angeles"},
    {"id": "early", "title": "Early", "start": "2024-05-02T09:00", "timezone": "Asia/Kolkata"}]})");
  auto kolkata = render(s, "Asia/Kolkata", utc("2024-04-01T00:00:00Z"));
  // 22:30 PDT on 2 May is 11:00 IST on 3 May: the event's own day is named, not counted.
  // IST stays for the display zone: Los Angeles does not use those letters.
  EXPECT_TRUE(contains(kolkata, "<time datetime=\"2024-05-03T11:00:00+05:30\">11:00</time> "
                                "<abbr class=\"tt-zone\" title=\"Asia/Kolkata\">IST</abbr> "
                                "<span class=\"tt-event-time\"><span aria-hidden=\"true\"><span class=\"tt-sep\">\u00b7</span> "
                                "<time datetime=\"2024-05-02T22:30:00-07:00\">22:30</time> "
                                "<abbr title=\"America/Los_Angeles, where the event takes place\">PDT</abbr> "
                                "<span class=\"tt-event-day\">Thu 2 May</span> <span class=\"tt-event-place\">in Los Angeles</span></span>"
                                " <span class=\"tt-sr\">That is 22:30 PDT on Thursday, 2 May 2024 in Los Angeles.</span></span>"))
      << kolkata;
  auto la = render(s, "America/Los_Angeles", utc("2024-04-01T00:00:00Z"));
  // 09:00 IST on 2 May is 20:30 PDT on 1 May. Kolkata's IST is not the display zone's:
  // those letters are also Dublin's and Jerusalem's, so the offset is shown.
  EXPECT_TRUE(contains(la, "<time datetime=\"2024-05-01T20:30:00-07:00\">20:30</time> "
                           "<abbr class=\"tt-zone\" title=\"America/Los_Angeles\">PDT</abbr> "
                           "<span class=\"tt-event-time\"><span aria-hidden=\"true\"><span class=\"tt-sep\">\u00b7</span> "
                           "<time datetime=\"2024-05-02T09:00:00+05:30\">09:00</time> "
                           "<abbr title=\"Asia/Kolkata, where the event takes place\">UTC+5:30</abbr> "
                           "<span class=\"tt-event-day\">Thu 2 May</span> <span class=\"tt-event-place\">in Kolkata</span></span>"
                           " <span class=\"tt-sr\">That is 09:00 UTC+5:30 on Thursday, 2 May 2024 in Kolkata.</span></span>"))
      << la;
}

TEST(HtmlRenderer, HintsWhenATalkEndsOnALaterDay) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "n", "title": "Night", "start": "2024-05-02T23:30Z", "duration": 60}]})");
  auto html = render(s, "Europe/Berlin", utc("2024-04-01T00:00:00Z"));
  // 01:30-02:30 CEST on 3 May: same day in Berlin, no hint.
  EXPECT_FALSE(contains(html, "tt-end-shift"));
  auto in_utc = render(s, "UTC", utc("2024-04-01T00:00:00Z"));
  EXPECT_TRUE(contains(in_utc, "<time datetime=\"2024-05-02T23:30:00+00:00\">23:30</time>\u2013"
                               "<time datetime=\"2024-05-03T00:30:00+00:00\">00:30</time>"
                               "<sup class=\"tt-end-shift\" title=\"ends the next day\">+1 day</sup> "
                               "<abbr class=\"tt-zone\" title=\"Etc/UTC\">UTC</abbr>"))  // "UTC" is a link to Etc/UTC
      << in_utc;
}

TEST(HtmlRenderer, HintsAtTwoDaysBetweenTheExtremeZones) {
  // 23:30 SST (UTC-11) on 2 May is 10:30Z on 3 May, 00:30 (UTC+14) on 4 May in Kiritimati.
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "pp", "title": "PP", "start": "2024-05-02T23:30",
                    "timezone": "Pacific/Pago_Pago"}]})");
  auto html = render(s, "Pacific/Kiritimati", utc("2024-04-01T00:00:00Z"));
  EXPECT_TRUE(contains(html, "<time datetime=\"2024-05-04T00:30:00+14:00\">00:30</time> "
                             "<abbr class=\"tt-zone\" title=\"Pacific/Kiritimati\">UTC+14</abbr> "))
      << html;
  EXPECT_TRUE(contains(html, "<time datetime=\"2024-05-02T23:30:00-11:00\">23:30</time> "
                             "<abbr title=\"Pacific/Pago_Pago, where the event takes place\">SST</abbr> "
                             "<span class=\"tt-event-day\">Thu 2 May</span> <span class=\"tt-event-place\">in Pago Pago</span>"))
      << html;
  EXPECT_TRUE(contains(html, "data-day=\"2024-05-04\""));
}

TEST(HtmlRenderer, EndHintTitleMatchesTheDayCount) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "m", "title": "M", "start": "2024-05-02T09:00Z", "end": "2024-05-04T17:00Z"}]})");
  auto html = render(s, "UTC", utc("2024-04-01T00:00:00Z"));
  ASSERT_TRUE(contains(html, ">+2 days</sup>")) << html;
  EXPECT_FALSE(contains(html, "title=\"ends the next day\">+2 days</sup>")) << html;
}

TEST(HtmlRenderer, DateOnlyTalksShowTheDateAndTimeTba) {
  auto s = load_schedule(R"({"talktime": 1, "timezone": "America/Los_Angeles", "talks": [
    {"id": "h", "title": "Hackathon", "start": "2024-05-04"},
    {"id": "r", "title": "Retreat", "start": "2024-05-04", "end": "2024-05-05"}]})");
  for (const char* zone : {"Pacific/Kiritimati", "Pacific/Pago_Pago"}) {
    auto html = render(s, zone, utc("2024-04-01T00:00:00Z"));
    EXPECT_TRUE(contains(html, "<p class=\"tt-when\"><time datetime=\"2024-05-04\">Saturday, 4 May 2024</time> "
                               "<span class=\"tt-tba\">time TBA</span>"))
        << html;
    // A run of days is a range taken whole, not a time to be announced.
    EXPECT_TRUE(contains(html, "<p class=\"tt-when\"><span class=\"tt-days\"><time datetime=\"2024-05-04\">4</time>\u2013"
                               "<time datetime=\"2024-05-05\">5 May 2024</time></span> <span class=\"tt-all-day\">all day</span>"))
        << html;
    EXPECT_EQ(count(html, "time TBA"), 1u) << html;
    EXPECT_TRUE(contains(html, "<section class=\"tt-day\" data-day=\"2024-05-04\">")) << zone;
    EXPECT_EQ(count(html, "<section class=\"tt-day\""), 1u) << zone;
    EXPECT_FALSE(contains(html, "tt-zone"));
  }
}

// Programme order: days only, no Upcoming/Past sections, and one "Now" line before
// the first talk that is not over, when a talk before it is.
TEST(HtmlRenderer, ProgrammeOrderMarksNowInPlace) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "a", "title": "A", "start": "2024-05-02T09:00Z", "end": "2024-05-02T10:00Z"},
    {"id": "b", "title": "B", "start": "2024-05-02T10:00Z", "end": "2024-05-02T11:00Z"},
    {"id": "c", "title": "C", "start": "2024-05-03T09:00Z", "end": "2024-05-03T10:00Z"}]})");
  auto html_at = [&](const char* at) {
    render_options o;
    o.display_zone = locate_zone("UTC");
    o.now = utc(at);
    auto found = s.find({}, o.now, *o.display_zone);
    EXPECT_EQ(found.order, list_order::programme);
    o.order = found.order;
    return render_html(s, found.talks, o);
  };
  const std::string now_line = "<li class=\"tt-now\" role=\"separator\" aria-label=\"Now\"><span class=\"tt-now-label\">Now</span></li>";
  auto during = html_at("2024-05-02T10:30:00Z");
  EXPECT_FALSE(contains(during, "tt-section"));
  EXPECT_EQ(count(during, now_line), 1u);
  EXPECT_LT(during.find("data-talk-id=\"a\""), during.find(now_line));
  EXPECT_LT(during.find(now_line), during.find("data-talk-id=\"b\""));
  EXPECT_EQ(count(during, "<section class=\"tt-day\""), 2u);
  // Between the days: the line opens the second day's list.
  auto overnight = html_at("2024-05-02T20:00:00Z");
  EXPECT_LT(overnight.find("data-day=\"2024-05-03\""), overnight.find(now_line));
  EXPECT_LT(overnight.find(now_line), overnight.find("data-talk-id=\"c\""));
  // Before the first talk and after the last there is no line.
  EXPECT_FALSE(contains(html_at("2024-05-01T00:00:00Z"), "tt-now"));
  EXPECT_FALSE(contains(html_at("2024-06-01T00:00:00Z"), "tt-now"));
}

TEST(HtmlRenderer, GroupsIntoUpcomingAndPastSectionsAndDays) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "old", "title": "Old", "start": "2024-04-15T10:00Z", "duration": 60},
    {"id": "late", "title": "Late", "start": "2024-05-02T22:30", "timezone": "America/Los_Angeles"},
    {"id": "next", "title": "Next", "start": "2024-05-03T07:30Z", "duration": 30}]})");
  auto html = render(s, "Asia/Kolkata", utc("2024-05-01T00:00:00Z"));
  // Both upcoming talks are on 3 May in Kolkata (11:00 and 13:00 IST): one day section.
  auto upcoming = html.find("data-section=\"upcoming\"");
  auto day3 = html.find("<section class=\"tt-day\" data-day=\"2024-05-03\"><h3 class=\"tt-day-title\">"
                        "<time datetime=\"2024-05-03\">Friday, 3 May 2024</time></h3>");
  auto late = html.find("data-talk-id=\"late\""), next = html.find("data-talk-id=\"next\"");
  auto past = html.find("data-section=\"past\"");
  auto day15 = html.find("data-day=\"2024-04-15\"");
  auto old = html.find("data-talk-id=\"old\"");
  ASSERT_NE(upcoming, std::string::npos) << html;
  ASSERT_NE(past, std::string::npos) << html;
  EXPECT_LT(upcoming, day3);
  EXPECT_LT(day3, late);
  EXPECT_LT(late, next);
  EXPECT_LT(next, past);
  EXPECT_LT(past, day15);
  EXPECT_LT(day15, old);
  EXPECT_EQ(count(html, "<section class=\"tt-day\""), 2u);
  EXPECT_EQ(count(html, "<section"), count(html, "</section>"));
  EXPECT_TRUE(contains(html, "<h2 class=\"tt-section-title\">Upcoming</h2>"));
  EXPECT_TRUE(contains(html, "<h2 class=\"tt-section-title\">Past</h2>"));
  // In Los Angeles the late talk is on 2 May and the next one on 3 May (00:30 PDT).
  auto la = render(s, "America/Los_Angeles", utc("2024-05-01T00:00:00Z"));
  EXPECT_EQ(count(la, "<section class=\"tt-day\""), 3u);
  EXPECT_LT(la.find("data-day=\"2024-05-02\""), la.find("data-talk-id=\"late\""));
  EXPECT_LT(la.find("data-talk-id=\"late\""), la.find("data-day=\"2024-05-03\""));
}

TEST(HtmlRenderer, MarksLiveTalksAndTheirLivestream) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "a", "title": "A", "start": "2024-05-02T10:00Z", "duration": 60,
    "links": {"livestream": "https://yt.example/live", "slides": "https://s.example/a.pdf",
              "registration": "mailto:seminar@example.org"}}]})");
  auto live = render(s, "UTC", utc("2024-05-02T10:30:00Z"));
  EXPECT_TRUE(contains(live, "data-phase=\"live\"")) << live;
  EXPECT_TRUE(contains(live, " <span class=\"tt-badge tt-badge-live\">Live now</span>"));
  EXPECT_TRUE(contains(live, "<a href=\"https://yt.example/live\" class=\"tt-link tt-link-live\" target=\"_blank\" "
                             "rel=\"noopener noreferrer\">Watch live</a>"))
      << live;
  EXPECT_TRUE(contains(live, "<a href=\"https://s.example/a.pdf\" class=\"tt-link\" target=\"_blank\" "
                             "rel=\"noopener noreferrer\">Slides</a>"));
  EXPECT_TRUE(contains(live, "<a href=\"mailto:seminar@example.org\" class=\"tt-link\">Register</a>"));  // no new tab
  // Within 15 minutes after the end the stream stays prominent; then it is a plain link.
  auto grace = render(s, "UTC", utc("2024-05-02T11:14:59Z"));
  EXPECT_TRUE(contains(grace, "data-phase=\"past\""));
  EXPECT_TRUE(contains(grace, ">Watch live</a>"));
  EXPECT_FALSE(contains(grace, "Live now"));
  auto later = render(s, "UTC", utc("2024-05-02T11:15:00Z"));
  EXPECT_TRUE(contains(later, ">Livestream</a>"));
  EXPECT_FALSE(contains(later, "Watch live"));
  auto before = render(s, "UTC", utc("2024-05-02T09:59:59Z"));
  EXPECT_TRUE(contains(before, "data-phase=\"upcoming\""));
  EXPECT_TRUE(contains(before, ">Livestream</a>"));
}

TEST(HtmlRenderer, ShowsStatusBadges) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "c", "title": "C", "start": "2024-05-02T10:00Z", "duration": 60, "status": "cancelled",
     "links": {"livestream": "https://yt.example/live"}},
    {"id": "p", "title": "P", "start": "2024-05-02T12:00Z", "status": "postponed"},
    {"id": "t", "title": "T", "start": "2024-05-02T14:00Z", "status": "tentative"}]})");
  auto html = render(s, "UTC", utc("2024-05-02T10:30:00Z"));  // the cancelled talk's slot is now
  EXPECT_TRUE(contains(html, "<span class=\"tt-badge tt-badge-status\">Cancelled</span>")) << html;
  EXPECT_TRUE(contains(html, "<span class=\"tt-badge tt-badge-status\">Postponed</span>"));
  EXPECT_TRUE(contains(html, "<span class=\"tt-badge tt-badge-status\">Tentative</span>"));
  EXPECT_TRUE(contains(html, "data-talk-id=\"c\" data-kind=\"talk\" data-status=\"cancelled\""));
  EXPECT_FALSE(contains(html, "Live now"));
  EXPECT_FALSE(contains(html, "Watch live"));
}

TEST(HtmlRenderer, ShowsSpeakersMetaAndDetails) {
  auto s = load_schedule(R"({"talktime": 1, "location": "Virtual",
    "series": [{"id": "fm", "title": "Foundation Models"}],
    "talks": [{"id": "a", "title": "A", "start": "2024-05-02T10:00Z", "kind": "keynote", "series": "fm",
      "tags": ["GPUs", "attention"], "abstract": "Line one\nline two\n\nSecond paragraph",
      "speakers": [{"name": "Tri Dao", "affiliation": "Stanford", "url": "https://t.example/",
                    "photo": "https://t.example/p.jpg", "bio": "Bio."}, {"name": "Ana"}],
      "links": {"mailing list": "https://g.example/l"}}]})");
  auto html = render(s, "UTC", utc("2024-04-01T00:00:00Z"));
  EXPECT_TRUE(contains(html, "<ul class=\"tt-speakers\"><li class=\"tt-speaker\"><img class=\"tt-photo\" loading=\"lazy\" "
                             "decoding=\"async\" alt=\"\" width=\"40\" height=\"40\" src=\"https://t.example/p.jpg\">"
                             "<span class=\"tt-speaker-name\"><a href=\"https://t.example/\" target=\"_blank\" "
                             "rel=\"noopener noreferrer\">Tri Dao</a></span> <span class=\"tt-affiliation\">Stanford</span>"
                             "</li><li class=\"tt-speaker\"><span class=\"tt-speaker-name\">Ana</span></li></ul>"))
      << html;
  EXPECT_TRUE(contains(html, "<p class=\"tt-meta\"><span class=\"tt-kind\">Keynote</span> <span class=\"tt-series\">"
                             "Foundation Models</span> <span class=\"tt-location\">Virtual</span> <span class=\"tt-tag\">"
                             "GPUs</span> <span class=\"tt-tag\">attention</span></p>"))
      << html;
  EXPECT_TRUE(contains(html, ">Mailing list</a>"));
  EXPECT_TRUE(contains(html, "<details class=\"tt-details\"><summary>Abstract and speakers</summary><div class=\"tt-abstract\">"
                             "<p>Line one<br>line two</p><p>Second paragraph</p></div><div class=\"tt-bio\"><h5>Tri Dao</h5>"
                             "<p>Bio.</p></div></details>"))
      << html;
}

TEST(HtmlRenderer, EscapesHostileFeedText) {
  const std::string hostile = R"json({"talktime": 1, "title": "<script>alert('feed')</script>",
    "location": {"name": "<b>Room</b>", "url": "https://m.example/?a=1&b=\"><script>alert(2)</script>"},
    "series": [{"id": "s", "title": "</span><script>alert(3)</script>"}],
    "talks": [{"id": "\"><script>alert(4)</script>", "title": "<img src=x onerror=alert(1)>",
      "start": "2024-05-02T10:00Z", "series": "s",
      "tags": ["\" onmouseover=\"alert(5)", "<svg onload=alert(6)>"],
      "abstract": "</p><script>alert(7)</script>\n\n<iframe src=javascript:alert(8)>",
      "speakers": [{"name": "<u>Mallory</u>", "affiliation": "'; DROP TABLE", "url": "https://x.example/\"onclick=\"alert(9)",
                    "bio": "<style>*{display:none}</style>"}],
      "links": {"<b>kind</b>": "https://l.example/'><script>alert(10)</script>"}}]})json";
  auto s = load_schedule(hostile);
  auto html = render(s, "UTC", utc("2024-04-01T00:00:00Z"));
  // Nothing from the feed becomes markup.
  for (const char* tag : {"<script", "<img src=x", "<svg", "<iframe", "<style", "<b>", "<u>"})
    EXPECT_FALSE(contains(html, tag)) << tag << " in " << html;
  EXPECT_FALSE(contains(html, "\" onmouseover"));
  EXPECT_FALSE(contains(html, "\"onclick"));
  // It is all there as text.
  // The permalink's id is percent-encoded (RFC 3986, computed with Python's urllib.parse.quote).
  EXPECT_TRUE(contains(html, "<a class=\"tt-permalink\" href=\"#talk=%22%3E%3Cscript%3Ealert%284%29%3C%2Fscript%3E\">"
                             "&lt;img src=x onerror=alert(1)&gt;</a>"))
      << html;
  EXPECT_TRUE(contains(html, "data-talk-id=\"&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;\""));
  EXPECT_TRUE(contains(html, "<span class=\"tt-tag\">&quot; onmouseover=&quot;alert(5)</span>"));
  EXPECT_TRUE(contains(html, "<span class=\"tt-tag\">&lt;svg onload=alert(6)&gt;</span>"));
  EXPECT_TRUE(contains(html, "<span class=\"tt-series\">&lt;/span&gt;&lt;script&gt;alert(3)&lt;/script&gt;</span>"));
  EXPECT_TRUE(contains(html, "<a href=\"https://m.example/?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\" "
                             "target=\"_blank\" rel=\"noopener noreferrer\">&lt;b&gt;Room&lt;/b&gt;</a>"))
      << html;
  EXPECT_TRUE(contains(html, "<p>&lt;/p&gt;&lt;script&gt;alert(7)&lt;/script&gt;</p><p>&lt;iframe src=javascript:alert(8)&gt;</p>"));
  EXPECT_TRUE(contains(html, "<a href=\"https://x.example/&quot;onclick=&quot;alert(9)\" target=\"_blank\" "
                             "rel=\"noopener noreferrer\">&lt;u&gt;Mallory&lt;/u&gt;</a>"));
  EXPECT_TRUE(contains(html, "<span class=\"tt-affiliation\">&#39;; DROP TABLE</span>"));
  EXPECT_TRUE(contains(html, "<h5>&lt;u&gt;Mallory&lt;/u&gt;</h5><p>&lt;style&gt;*{display:none}&lt;/style&gt;</p>"));
  EXPECT_TRUE(contains(html, "<a href=\"https://l.example/&#39;&gt;&lt;script&gt;alert(10)&lt;/script&gt;\" class=\"tt-link\" "
                             "target=\"_blank\" rel=\"noopener noreferrer\">&lt;b&gt;kind&lt;/b&gt;</a>"))
      << html;
}

TEST(HtmlRenderer, NeverLinksUnsafeUrls) {
  auto r = parse_feed(R"json({"talktime": 1, "talks": [{"id": "a", "title": "A", "start": "2024-05-02T10:00Z",
    "speakers": [{"name": "S", "url": "javascript:alert(1)", "photo": "data:image/svg+xml,<svg onload=alert(2)>"}],
    "location": {"name": "L", "url": " JAVASCRIPT:alert(3)"},
    "links": {"video": "java\tscript:alert(4)", "slides": "vbscript:x"}}]})json");
  ASSERT_TRUE(r.feed);
  schedule s(std::move(*r.feed));
  auto html = render(s, "UTC", utc("2024-04-01T00:00:00Z"));
  EXPECT_FALSE(contains(html, "script:"));
  EXPECT_FALSE(contains(html, "data:"));
  EXPECT_FALSE(contains(html, "<img"));
  EXPECT_FALSE(contains(html, "tt-links"));
  EXPECT_TRUE(contains(html, "<span class=\"tt-speaker-name\">S</span>"));
  EXPECT_TRUE(contains(html, "<span class=\"tt-location\">L</span>"));
}

// The widget's extras (render_options::interactive): a star toggle whose label
// repeats the title, and a calendar menu. Hostile text in every field must stay
// inside its quoted attribute value or text node.
std::string render_interactive(const schedule& s, std::vector<std::string> starred) {
  render_options o;
  o.display_zone = locate_zone("UTC");
  o.now = utc("2024-04-01T00:00:00Z");
  o.interactive = true;
  o.starred = std::move(starred);
  return render_html(s, s.find({}, o.now, *o.display_zone).talks, o);
}

TEST(HtmlRenderer, InteractiveMarkupEscapesBreakOutPayloads) {
  auto s = load_schedule(R"json({"talktime": 1, "talks": [
    {"id": "a\"><img src=x onerror=alert(1)>", "title": "\"><img src=x onerror=alert(2)> ' onmouseover='alert(3)",
     "start": "2024-05-02T10:00Z", "location": "\"><svg onload=alert(4)>", "tags": ["' onfocus='alert(5)"],
     "speakers": [{"name": "\"><script>alert(6)</script>"}]},
    {"id": "b", "title": "Plain", "start": "2024-05-02T11:00Z", "status": "cancelled"}]})json");
  auto html = render_interactive(s, {"b"});
  EXPECT_EQ(fuzz::rendered_html_problem(html), "");
  // Each payload escaped by hand: " -> &quot;  < -> &lt;  > -> &gt;  ' -> &#39;
  EXPECT_TRUE(contains(html,
      "<div class=\"tt-actions\" role=\"toolbar\" aria-labelledby=\"tt-title-0\"><button type=\"button\" class=\"tt-star\" aria-pressed=\"false\" "
      "aria-label=\"Star &quot;&gt;&lt;img src=x onerror=alert(2)&gt; &#39; onmouseover=&#39;alert(3)\">"
      "<span class=\"tt-star-off\" aria-hidden=\"true\">\u2606 Star</span>"
      "<span class=\"tt-star-on\" aria-hidden=\"true\">\u2605 Starred</span></button>"
      "<details class=\"tt-calendar\"><summary tabindex=\"-1\">Add to calendar</summary><ul><li>"
      "<button type=\"button\" class=\"tt-ics\">Download .ics</button></li></ul></details></div>"))
      << html;
  EXPECT_TRUE(contains(html, "data-talk-id=\"a&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"")) << html;
  EXPECT_TRUE(contains(html, "<span class=\"tt-location\">&quot;&gt;&lt;svg onload=alert(4)&gt;</span>")) << html;
  EXPECT_TRUE(contains(html, "<span class=\"tt-tag\">&#39; onfocus=&#39;alert(5)</span>")) << html;
  EXPECT_TRUE(contains(html, "<span class=\"tt-speaker-name\">&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;</span>"))
      << html;
  // The starred, cancelled talk: the star is on (its name stays; aria-pressed says it
  // is on, and CSS shows the look that matches), and there is no calendar menu.
  EXPECT_TRUE(contains(html, "<div class=\"tt-actions\" role=\"toolbar\" aria-labelledby=\"tt-title-1\"><button type=\"button\" class=\"tt-star\" aria-pressed=\"true\" "
                             "aria-label=\"Star Plain\"><span class=\"tt-star-off\" aria-hidden=\"true\">\u2606 Star</span>"
                             "<span class=\"tt-star-on\" aria-hidden=\"true\">\u2605 Starred</span></button></div>"))
      << html;
  EXPECT_EQ(count(html, "<button"), 3u);
  EXPECT_EQ(count(html, "<img"), 0u);
}

// A talk's links, star and calendar menu are one toolbar: one tab stop a talk (the
// first item), the arrow keys reach the others; a live stream leads the row.
TEST(HtmlRenderer, InteractiveControlsAreOneToolbarWithOneTabStop) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "a", "title": "A", "start": "2024-04-01T00:00Z", "duration": 60,
    "links": {"slides": "https://s.example/a.pdf", "livestream": "https://yt.example/live"}},
    {"id": "b", "title": "B", "start": "2024-04-02T00:00Z"}]})");
  auto html = render_interactive(s, {});
  EXPECT_TRUE(contains(html,
      "<div class=\"tt-actions\" role=\"toolbar\" aria-labelledby=\"tt-title-0\"><ul class=\"tt-links\">"
      "<li><a href=\"https://yt.example/live\" class=\"tt-link tt-link-live\" target=\"_blank\" rel=\"noopener noreferrer\">"
      "Watch live</a></li><li><a href=\"https://s.example/a.pdf\" class=\"tt-link\" tabindex=\"-1\" target=\"_blank\" "
      "rel=\"noopener noreferrer\">Slides</a></li></ul><button type=\"button\" class=\"tt-star\" tabindex=\"-1\" "))
      << html;
  // Without links the star is the toolbar's tab stop.
  EXPECT_TRUE(contains(html, "aria-labelledby=\"tt-title-1\"><button type=\"button\" class=\"tt-star\" aria-pressed=\"false\""))
      << html;
  EXPECT_EQ(count(html, "<summary tabindex=\"-1\">Add to calendar</summary>"), 2u);
  // The page `talktime render` writes has no script: no toolbar, every link in the tab order.
  auto page = render(s, "UTC", utc("2024-04-01T00:30:00Z"));
  EXPECT_FALSE(contains(page, "tabindex"));
  EXPECT_FALSE(contains(page, "toolbar"));
}

TEST(HtmlRenderer, MarkupCheckerRejectsWhatTheRendererNeverWrites) {
  // The checker the test above relies on must see a break-out, or it proves nothing.
  EXPECT_EQ(fuzz::rendered_html_problem("<p class=\"a\">x</p>"), "");
  EXPECT_NE(fuzz::rendered_html_problem("<button aria-label=\"Star \"><img src=x onerror=alert(1)>\"></button>"), "");
  EXPECT_NE(fuzz::rendered_html_problem("<button aria-label=\"Star \" onmouseover=\"x\"></button>"), "");
  EXPECT_NE(fuzz::rendered_html_problem("<p>a > b</p>"), "");
  EXPECT_NE(fuzz::rendered_html_problem("<p><b>x</b></p>"), "");
  EXPECT_NE(fuzz::rendered_html_problem("<p>"), "");
}

TEST(HtmlRenderer, GroupsTalksBefore1970UnderTheirOwnDay) {
  // 1969-07-20T20:17:40Z (-14182940 s): 20:17 on 20 July in UTC, 16:17 EDT on 20 July
  // in New York, 05:17 JST on 21 July in Tokyo (Python's zoneinfo). Truncating the
  // negative day count would give 21, 21 and 22 July.
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "eagle", "title": "Landing", "start": "1969-07-20T20:17:40Z",
                    "end": "1969-07-20T20:47:40Z"}]})");
  struct { const char* zone; const char* day; const char* heading; const char* time; } cases[] = {
      {"UTC", "1969-07-20", "Sunday, 20 July 1969", "<time datetime=\"1969-07-20T20:17:40+00:00\">20:17</time>"},
      {"America/New_York", "1969-07-20", "Sunday, 20 July 1969", "<time datetime=\"1969-07-20T16:17:40-04:00\">16:17</time>"},
      {"Asia/Tokyo", "1969-07-21", "Monday, 21 July 1969", "<time datetime=\"1969-07-21T05:17:40+09:00\">05:17</time>"},
  };
  for (const auto& c : cases) {
    auto html = render(s, c.zone, utc("2024-01-01T00:00:00Z"));
    EXPECT_TRUE(contains(html, std::string("<section class=\"tt-day\" data-day=\"") + c.day + "\"><h3 class=\"tt-day-title\">"
                               "<time datetime=\"" + c.day + "\">" + c.heading + "</time></h3>")) << c.zone << ": " << html;
    EXPECT_TRUE(contains(html, c.time)) << c.zone << ": " << html;
    EXPECT_FALSE(contains(html, "tt-end-shift")) << c.zone;  // it ends the same day everywhere
  }
}

}  // namespace

namespace {

using namespace talktime;
using namespace talktime::test_support;

TEST(NextViewChange, IsTheNextStartEndOrLivestreamGraceEnd) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "a", "title": "A", "start": "2024-05-02T10:00Z", "end": "2024-05-02T11:00Z",
     "links": {"livestream": "https://example.org/live"}},
    {"id": "b", "title": "B", "start": "2024-05-02T13:00Z"},
    {"id": "c", "title": "C", "start": "2024-05-02T12:00Z", "end": "2024-05-02T12:30Z", "status": "cancelled",
     "links": {"livestream": "https://example.org/live"}}]})");
  render_options o;
  o.display_zone = locate_zone("UTC");
  auto next = [&](const char* now, std::vector<std::size_t> shown = {0, 1, 2}) {
    o.now = utc(now);
    return next_view_change(s, shown, o);
  };
  EXPECT_EQ(next("2024-05-02T09:00:00Z"), utc("2024-05-02T10:00:00Z"));  // A starts
  EXPECT_EQ(next("2024-05-02T10:00:00Z"), utc("2024-05-02T11:00:00Z"));  // A ends (a change exactly now is not next)
  EXPECT_EQ(next("2024-05-02T11:05:00Z"), utc("2024-05-02T11:15:00Z"));  // A's stream stops being prominent
  EXPECT_EQ(next("2024-05-02T11:20:00Z"), utc("2024-05-02T12:00:00Z"));  // C (cancelled) moves to the past
  EXPECT_EQ(next("2024-05-02T12:10:00Z"), utc("2024-05-02T12:30:00Z"));  // no grace for a cancelled stream
  EXPECT_EQ(next("2024-05-02T12:40:00Z"), utc("2024-05-02T13:00:00Z"));  // B starts
  EXPECT_EQ(next("2024-05-02T13:10:00Z"), utc("2024-05-02T14:00:00Z"));  // B ends: 60 minutes assumed
  EXPECT_EQ(next("2024-05-02T14:00:00Z"), std::nullopt);
  EXPECT_EQ(next("2024-05-02T09:00:00Z", {1}), utc("2024-05-02T13:00:00Z"));  // only the talks shown count
  o.livestream_grace = std::chrono::minutes{40};
  EXPECT_EQ(next("2024-05-02T11:05:00Z", {0}), utc("2024-05-02T11:40:00Z"));
}

TEST(KindLabels, NameEveryKindForBadgesAndTheFilter) {
  EXPECT_EQ(kind_label(talk_kind::keynote), "Keynote");
  EXPECT_EQ(kind_filter_label(talk_kind::keynote), "Keynotes");
  EXPECT_EQ(kind_label(talk_kind::break_time), "Break");
  EXPECT_EQ(kind_filter_label(talk_kind::break_time), "Breaks");
  EXPECT_EQ(kind_filter_label(talk_kind::invited), "Invited talks");
  EXPECT_EQ(kind_filter_label(talk_kind::other), "Other");
}

TEST(EscapeHtml, EscapesTheFiveMarkupCharacters) {
  EXPECT_EQ(escape_html("<b>\"Q&A\"</b>"), "&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;");
  EXPECT_EQ(escape_html("\"><img src=x onerror='alert(1)'>"),
            "&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;");
  EXPECT_EQ(escape_html("&amp; stays text"), "&amp;amp; stays text");
  EXPECT_EQ(escape_html("Kästner 😀 a=b; c/d"), "Kästner 😀 a=b; c/d");
  EXPECT_EQ(escape_html(""), "");
}

TEST(HtmlParagraphs, SplitsAtBlankLinesTrimsAndEscapes) {
  EXPECT_EQ(html_paragraphs("One.\n\nTwo.", "tt-description"),
            "<p class=\"tt-description\">One.</p>\n<p class=\"tt-description\">Two.</p>\n");
  EXPECT_EQ(html_paragraphs("  One\nstill one.  \n\n\n  Two <b>&</b> 'x'\n\n", "a\"b"),
            "<p class=\"a&quot;b\">One\nstill one.</p>\n<p class=\"a&quot;b\">Two &lt;b&gt;&amp;&lt;/b&gt; &#39;x&#39;</p>\n");
  EXPECT_EQ(html_paragraphs("\n\n \t\n\n", "c"), "");
  EXPECT_EQ(html_paragraphs("", "c"), "");
}

}  // namespace

namespace {

using namespace talktime;
using namespace talktime::test_support;

TEST(HtmlRenderer, PermalinksEncodeIdsSoTheyCannotAddFragmentKeys) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "x&w.q=nomatch&w.starred=g1,zz", "title": "T",
                                               "start": "2024-05-02T10:00Z"}]})");
  // Expected href from Python: urllib.parse.quote(id, safe='-._~').
  EXPECT_TRUE(contains(render(s, "UTC", utc("2024-04-01T00:00:00Z")),
                       "<a class=\"tt-permalink\" href=\"#talk=x%26w.q%3Dnomatch%26w.starred%3Dg1%2Czz\">T</a>"));
}

}  // namespace
