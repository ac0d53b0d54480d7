// A talk as a page of its own (render_talk_page) and a list rendered in parts
// (render_options::skip): exact markup.
//
// Expected local times from Python's zoneinfo:
//   from datetime import datetime; from zoneinfo import ZoneInfo
//   datetime.fromisoformat("2021-03-28T11:00-04:00").astimezone(ZoneInfo("Asia/Kolkata"))
//     -> 2021-03-28 20:30+05:30 (IST); timestamp() 1616943600, end (+35 min) 1616945700
//   ... .astimezone(ZoneInfo("Pacific/Auckland")) -> 2021-03-29 04:00+13:00 (NZDT), a Monday
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>

#include "talktime/html_renderer.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;



const char* const one_talk = R"({"talktime": 1, "timezone": "America/New_York",
  "talks": [{"id": "p", "title": "A talk", "start": "2021-03-28T11:00", "duration": 35, "location": "Room 1",
    "abstract": "Why.", "speakers": [{"name": "Ana", "bio": "Bio."}], "links": {"livestream": "https://s.example/live"}}]})";

std::string page_in(const schedule& s, const char* zone) {
  render_options o;
  o.display_zone = locate_zone(zone);
  o.now = utc("2021-03-01T00:00:00Z");
  o.interactive = true;
  return render_talk_page(s, 0, o);
}

TEST(TalkPage, RendersTheTalkAloneHeadingFirstWithItsDayTimesAndOpenDetails) {
  auto s = load_schedule(one_talk);
  EXPECT_EQ(page_in(s, "Asia/Kolkata"),
            "<div class=\"tt-talk tt-talk-page\" data-talk-id=\"p\" data-kind=\"talk\" data-status=\"scheduled\" "
            "data-phase=\"upcoming\" data-start=\"1616943600\" data-end=\"1616945700\">"
            "<article class=\"tt-card\" aria-labelledby=\"tt-title-0\"><h2 class=\"tt-title\" id=\"tt-title-0\">A talk</h2>"
            "<p class=\"tt-when\">"
            "<time datetime=\"2021-03-28\">Sunday, 28 March 2021</time> "
            "<time datetime=\"2021-03-28T20:30:00+05:30\">20:30</time>\u2013"
            "<time datetime=\"2021-03-28T21:05:00+05:30\">21:05</time> "
            "<abbr class=\"tt-zone\" title=\"Asia/Kolkata\">IST</abbr> <span class=\"tt-event-time\"><span aria-hidden=\"true\">"
            "<span class=\"tt-sep\">\u00b7</span> <time datetime=\"2021-03-28T11:00:00-04:00\">11:00</time> "
            "<abbr title=\"America/New_York, where the event takes place\">EDT</abbr> <span class=\"tt-event-place\">in New York</span>"
            "</span> <span class=\"tt-sr\">That is 11:00 EDT on Sunday, 28 March 2021 in New York.</span></span>"
            "<span class=\"tt-relative\"></span></p>"
            "<ul class=\"tt-speakers\"><li class=\"tt-speaker\"><span class=\"tt-speaker-name\">Ana</span></li></ul>"
            "<p class=\"tt-meta\"><span class=\"tt-kind\">Talk</span> <span class=\"tt-location\">Room 1</span></p>"
            "<div class=\"tt-actions\" role=\"toolbar\" aria-labelledby=\"tt-title-0\">"
            "<ul class=\"tt-links\"><li><a href=\"https://s.example/live\" class=\"tt-link\" target=\"_blank\" "
            "rel=\"noopener noreferrer\">Livestream</a></li></ul>"
            "<details class=\"tt-calendar\"><summary tabindex=\"-1\">Add to calendar</summary><ul><li>"
            "<button type=\"button\" class=\"tt-ics\">Download .ics</button></li></ul></details></div>"
            "<details class=\"tt-details\" open><summary>Abstract and speakers</summary><div class=\"tt-abstract\"><p>Why.</p></div>"
            "<div class=\"tt-bio\"><h5>Ana</h5><p>Bio.</p></div></details></article></div>");
}

TEST(TalkPage, NamesTheViewersDayWhereItDiffersFromTheEvents) {
  auto html = page_in(load_schedule(one_talk), "Pacific/Auckland");
  EXPECT_TRUE(contains(html, "<p class=\"tt-when\"><time datetime=\"2021-03-29\">Monday, 29 March 2021</time> "
                             "<time datetime=\"2021-03-29T04:00:00+13:00\">04:00</time>")) << html;
  // The event's own day is named beside its time (Sunday in New York, Monday in Auckland).
  EXPECT_TRUE(contains(html, "<span class=\"tt-event-day\">Sun 28 Mar</span>")) << html;
}

TEST(TalkPage, HasNoStarNoPermalinkAndNoListAroundIt) {
  auto html = page_in(load_schedule(one_talk), "UTC");
  for (const char* part : {"tt-star", "tt-permalink", "<li class=\"tt-talk\"", "tt-section", "tt-day", "<h4"})
    EXPECT_FALSE(contains(html, part)) << part;
}

// Three talks over two days, in programme order: a list rendered in parts, each part
// skipping the talks before it, puts the Now line where the whole list has it, once.
TEST(RenderInParts, SkippedTalksPlaceTheNowLineAsTheWholeListDoes) {
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "a", "title": "A", "start": "2024-05-02T09:00Z", "end": "2024-05-02T10:00Z"},
    {"id": "b", "title": "B", "start": "2024-05-02T10:00Z", "end": "2024-05-02T11:00Z"},
    {"id": "c", "title": "C", "start": "2024-05-03T09:00Z", "end": "2024-05-03T10:00Z"}]})");
  render_options o;
  o.display_zone = locate_zone("UTC");
  o.now = utc("2024-05-02T10:30:00Z");
  auto found = s.find({}, o.now, *o.display_zone);
  ASSERT_EQ(found.order, list_order::programme);
  o.order = found.order;
  auto part = [&](std::size_t skip, std::size_t end) {
    o.skip = skip;
    return render_html(s, {found.talks.begin(), found.talks.begin() + std::ptrdiff_t(end)}, o);
  };
  const std::string now_line = "<li class=\"tt-now\" role=\"separator\" aria-label=\"Now\"><span class=\"tt-now-label\">Now</span></li>";
  auto first = part(0, 1), second = part(1, 2), third = part(2, 3);
  EXPECT_FALSE(contains(first, "tt-now"));
  EXPECT_FALSE(contains(second, "data-talk-id=\"a\""));
  EXPECT_EQ(second.find("<section class=\"tt-day\" data-day=\"2024-05-02\""), 0u) << second;
  EXPECT_LT(second.find(now_line), second.find("data-talk-id=\"b\""));
  EXPECT_NE(second.find(now_line), std::string::npos);
  EXPECT_FALSE(contains(third, "tt-now")) << third;
  EXPECT_EQ(third.find("<section class=\"tt-day\" data-day=\"2024-05-03\""), 0u) << third;
  // Together: the whole list, but with day 2024-05-02 closed and opened again between the parts.
  o.skip = 0;
  auto whole = render_html(s, found.talks, o);
  whole.insert(whole.find(now_line), "</ol></section><section class=\"tt-day\" data-day=\"2024-05-02\"><h3 class=\"tt-day-title\">"
                                     "<time datetime=\"2024-05-02\">Thursday, 2 May 2024</time></h3><ol class=\"tt-talks\">");
  EXPECT_EQ(first + second + third, whole);
}

}  // namespace
