// The "when" line: zone labels no visitor misreads (checked against Python's
// zoneinfo through tests/fixtures/zone-labels.tsv, which
// tests/oracle/make_zone_label_cases.py writes), the event's own day named in
// words, runs of days, postponed talks, and breaks without star or calendar.
//
// Days and local times from Python:
//   date(2025, 1, 21).strftime("%a %-d %b") -> Tue 21 Jan;  "%A, %-d %B %Y" -> Tuesday, 21 January 2025
//   datetime(2025, 1, 21, 10, tzinfo=ZoneInfo("America/Chicago")).astimezone(ZoneInfo("Asia/Shanghai"))
//     -> 2025-01-22T00:00:00+08:00 CST;  its timestamp 1737475200
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <sstream>
#include <string>

#include "talktime/html_renderer.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;


std::string render(const schedule& s, const char* zone, const char* now, bool interactive = false) {
  render_options o;
  o.display_zone = locate_zone(zone);
  o.now = utc(now);
  o.interactive = interactive;
  return render_html(s, s.find({}, o.now, *o.display_zone).talks, o);
}


TEST(ZoneLabelFor, MatchesZoneinfoForCollidingLetters) {
  std::istringstream lines(read_fixture("zone-labels.tsv"));
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string display, event, instant, display_label, event_label;
    std::getline(fields, display, '\t');
    std::getline(fields, event, '\t');
    std::getline(fields, instant, '\t');
    std::getline(fields, display_label, '\t');
    std::getline(fields, event_label, '\t');
    const time_zone* d = locate_zone(display);
    const time_zone* e = locate_zone(event);
    ASSERT_TRUE(d && e) << line;
    auto t = utc(instant.c_str());
    EXPECT_EQ(zone_label_for(*d, t, true, e), display_label) << line;
    EXPECT_EQ(zone_label_for(*e, t, false, d), event_label) << line;
    ++checked;
  }
  EXPECT_EQ(checked, 960);  // 16 zones, each against the 15 others, at 4 instants (one before 1970)
}

TEST(ZoneLabelFor, NamesLettersWithSeveralMeanings) {
  EXPECT_TRUE(letters_name_several_offsets("CST", utc("2025-01-21T16:00:00Z")));  // Chicago, Havana, Shanghai
  EXPECT_TRUE(letters_name_several_offsets("IST", utc("2025-01-21T16:00:00Z")));  // Kolkata, Dublin, Jerusalem
  EXPECT_FALSE(letters_name_several_offsets("CET", utc("2025-01-21T16:00:00Z")));
  EXPECT_FALSE(letters_name_several_offsets("JST", utc("2025-01-21T16:00:00Z")));
  // The display zone alone keeps its letters: no other zone on the line.
  EXPECT_EQ(zone_label_for(*locate_zone("Asia/Shanghai"), utc("2025-01-21T16:00:00Z"), true, nullptr), "CST");
  EXPECT_EQ(zone_label_for(*locate_zone("Asia/Shanghai"), utc("2025-01-21T16:00:00Z"), false, nullptr), "UTC+8");
}

TEST(ZoneCity, IsTheLastPartOfTheNameWithSpaces) {
  EXPECT_EQ(zone_city(*locate_zone("America/Chicago")), "Chicago");
  EXPECT_EQ(zone_city(*locate_zone("America/Argentina/Buenos_Aires")), "Buenos Aires");
  EXPECT_EQ(zone_city(*locate_zone("Asia/Calcutta")), "Kolkata");  // by its current name
  EXPECT_EQ(zone_city(*locate_zone("UTC")), "");
  EXPECT_EQ(zone_city(*locate_zone("Etc/GMT+5")), "");
}

TEST(DayText, ShortDaysAndRunsOfDays) {
  EXPECT_EQ(format_short_day(day(2025, 1, 21)), "Tue 21 Jan");
  EXPECT_EQ(format_short_day(day(2024, 9, 1)), "Sun 1 Sep");
  auto joined = [](date::sys_days a, date::sys_days b) {
    auto r = format_day_range(a, b);
    return r.first + r.separator + r.last;
  };
  EXPECT_EQ(joined(day(2026, 8, 3), day(2026, 8, 7)), "3\u20137 August 2026");
  EXPECT_EQ(joined(day(2026, 7, 30), day(2026, 8, 3)), "30 July \u2013 3 August 2026");
  EXPECT_EQ(joined(day(2026, 12, 30), day(2027, 1, 2)), "30 December 2026 \u2013 2 January 2027");
}

TEST(WhenLine, ShanghaiViewerOfAChicagoSeminarReadsNoCstTwice) {
  auto s = load_schedule(R"({"talktime": 1, "timezone": "America/Chicago",
    "talks": [{"id": "c", "title": "Candidate", "start": "2025-01-21T10:00", "duration": 60}]})");
  auto html = render(s, "Asia/Shanghai", "2025-01-01T00:00:00Z");
  EXPECT_TRUE(contains(html, "<p class=\"tt-when\"><time datetime=\"2025-01-22T00:00:00+08:00\">00:00</time>\u2013"
                             "<time datetime=\"2025-01-22T01:00:00+08:00\">01:00</time> "
                             "<abbr class=\"tt-zone\" title=\"Asia/Shanghai\">UTC+8</abbr> "
                             "<span class=\"tt-event-time\"><span aria-hidden=\"true\"><span class=\"tt-sep\">\u00b7</span> "
                             "<time datetime=\"2025-01-21T10:00:00-06:00\">10:00</time> "
                             "<abbr title=\"America/Chicago, where the event takes place\">UTC-6</abbr> "
                             "<span class=\"tt-event-day\">Tue 21 Jan</span> <span class=\"tt-event-place\">in Chicago</span></span>"
                             " <span class=\"tt-sr\">That is 10:00 UTC-6 on Tuesday, 21 January 2025 in Chicago.</span></span>"
                             "<span class=\"tt-relative\"></span></p>"))
      << html;
  EXPECT_EQ(html.find("CST"), std::string::npos);
  // In Chicago itself the seminar's letters are unambiguous: no other zone on the line.
  EXPECT_TRUE(contains(render(s, "America/Chicago", "2025-01-01T00:00:00Z"),
                       "<abbr class=\"tt-zone\" title=\"America/Chicago\">CST</abbr><span class=\"tt-relative\">"));
  // Berlin: CET names one offset; Chicago's CST does not.
  auto berlin = render(s, "Europe/Berlin", "2025-01-01T00:00:00Z");
  EXPECT_TRUE(contains(berlin, "<abbr class=\"tt-zone\" title=\"Europe/Berlin\">CET</abbr>")) << berlin;
  EXPECT_TRUE(contains(berlin, "\">UTC-6</abbr> <span class=\"tt-event-place\">in Chicago</span>")) << berlin;
}

TEST(WhenLine, PostponedTalksStrikeTheOldTimeAndAwaitANewDate) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [{"id": "p", "title": "P", "start": "2025-01-21T10:00Z", "status": "postponed"}]})");
  auto html = render(s, "UTC", "2025-01-01T00:00:00Z");
  EXPECT_TRUE(contains(html, "<p class=\"tt-when\"><span class=\"tt-was\">was <del>"
                             "<time datetime=\"2025-01-21T10:00:00+00:00\">10:00</time> "
                             "<abbr class=\"tt-zone\" title=\"Etc/UTC\">UTC</abbr></del></span> "
                             "<span class=\"tt-badge tt-badge-status\">Postponed</span> "
                             "<span class=\"tt-new-date\">new date to be announced</span><span class=\"tt-relative\"></span></p>"))
      << html;
  auto scheduled = render(load_schedule(R"({"talktime": 1, "talks": [{"id": "p", "title": "P", "start": "2025-01-21T10:00Z"}]})"),
                          "UTC", "2025-01-01T00:00:00Z");
  EXPECT_FALSE(contains(scheduled, "tt-was"));
  EXPECT_FALSE(contains(scheduled, "new date"));
}

TEST(WhenLine, BreaksCarryNoStarAndNoCalendar) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "lunch", "title": "Lunch", "kind": "break", "start": "2025-01-21T12:00Z", "duration": 60},
    {"id": "talk", "title": "Talk", "start": "2025-01-21T13:00Z", "duration": 60}]})");
  auto html = render(s, "UTC", "2025-01-01T00:00:00Z", true);
  auto lunch = html.substr(html.find("data-talk-id=\"lunch\""), html.find("data-talk-id=\"talk\"") - html.find("data-talk-id=\"lunch\""));
  auto talk = html.substr(html.find("data-talk-id=\"talk\""));
  EXPECT_FALSE(contains(lunch, "tt-actions")) << lunch;
  EXPECT_TRUE(contains(talk, "<div class=\"tt-actions\" role=\"toolbar\" aria-labelledby=\"tt-title-1\"><button type=\"button\" class=\"tt-star\"")) << talk;
  EXPECT_TRUE(contains(talk, "<summary tabindex=\"-1\">Add to calendar</summary>")) << talk;
}

TEST(ParallelSessions, ShareOneTimeSlotWithTheRoomLeadingEachCard) {
  auto s = load_schedule(R"({"talktime": 1, "timezone": "Europe/Berlin", "talks": [
    {"id": "a", "title": "A", "start": "2026-08-10T09:30", "duration": 60, "location": "Room A"},
    {"id": "b", "title": "B", "start": "2026-08-10T09:30", "duration": 45, "location": {"name": "Room B", "url": "https://example.org/b"}},
    {"id": "coffee", "title": "Coffee", "kind": "break", "start": "2026-08-10T10:30", "duration": 30},
    {"id": "tea", "title": "Tea", "kind": "break", "start": "2026-08-10T10:30", "duration": 30},
    {"id": "c", "title": "C", "start": "2026-08-10T11:00", "duration": 60, "location": "Room A"}]})");
  auto html = render(s, "Europe/Berlin", "2026-08-01T00:00:00Z");
  EXPECT_TRUE(contains(html, "<ol class=\"tt-talks\"><li class=\"tt-slot\"><p class=\"tt-slot-head\">"
                             "<time datetime=\"2026-08-10T09:30:00+02:00\">09:30</time> "
                             "<span class=\"tt-slot-count\">2 parallel sessions</span></p><ol class=\"tt-slot-talks\">"
                             "<li class=\"tt-talk\" data-talk-id=\"a\""))
      << html;
  EXPECT_TRUE(contains(html, "<article class=\"tt-card\" aria-labelledby=\"tt-title-0\"><p class=\"tt-room\">Room A</p>"
                             "<p class=\"tt-when\">")) << html;
  EXPECT_TRUE(contains(html, "<p class=\"tt-room\"><a href=\"https://example.org/b\" target=\"_blank\" "
                             "rel=\"noopener noreferrer\">Room B</a></p>")) << html;
  // The slot closes after B; breaks at one time are not sessions, and C stands alone with its room in its meta.
  EXPECT_TRUE(contains(html, "</article></li></ol></li><li class=\"tt-talk\" data-talk-id=\"coffee\"")) << html;
  EXPECT_EQ(html.find("tt-slot\""), html.rfind("tt-slot\""));
  EXPECT_TRUE(contains(html, "<p class=\"tt-meta\"><span class=\"tt-kind\">Talk</span> <span class=\"tt-location\">Room A</span></p>"))
      << html;
  EXPECT_FALSE(contains(html, "<span class=\"tt-location\">Room B")) << html;
}

}  // namespace
