// The renderer in another language (render_options::text): day headings, clocks and every
// word come from the render_text it is given, escaped like feed text.
//
// Expected dates and clocks from Node 20's Intl (ICU 78.2), the source the widget reads them from:
//   const o = {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', calendar: 'gregory'};
//   new Intl.DateTimeFormat('de-DE', o).format(Date.UTC(2021, 2, 28))  -> "Sonntag, 28. März 2021"
//   new Intl.DateTimeFormat('de-DE', o).format(Date.UTC(2024, 1, 29))  -> "Donnerstag, 29. Februar 2024"
//   new Intl.DateTimeFormat('ja-JP', o).format(Date.UTC(2021, 2, 28))  -> "2021年3月28日日曜日"
//   new Intl.DateTimeFormat('ja-JP', o).format(Date.UTC(2024, 1, 29))  -> "2024年2月29日木曜日"
//   new Intl.DateTimeFormat('ar-EG', o).format(Date.UTC(2021, 2, 28))  -> "الأحد، ٢٨ مارس ٢٠٢١"
//   const c = {hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'UTC'};
//   new Intl.DateTimeFormat('ja-JP', c).format(Date.UTC(2021, 2, 28, 20, 30))  -> "午後8:30"
//   new Intl.DateTimeFormat('ar-EG', c).format(Date.UTC(2021, 2, 28, 20, 30))  -> "٨:٣٠ م"
#include <gtest/gtest.h>

#include "test_support.hpp"

#include "talktime/html_renderer.hpp"
#include "../fuzz/fuzz_support.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

render_text german() {
  render_text t;
  t.months = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"};
  t.weekdays = {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"};
  t.day_heading = "{weekday}, {day}. {month} {year}";
  // Node 20's Intl, de: {weekday: 'short', day: 'numeric', month: 'short'} -> "Mo., 29. März"
  t.short_weekdays = {"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."};
  t.short_months = {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."};
  t.short_day = "{weekday}, {day}. {month}";
  t.event_time_sentence = "Das ist {clock} am {day} {place}.";
  t.upcoming = "Demnächst";
  t.past = "Vergangen";
  t.now = "Jetzt";
  t.live_now = "Läuft jetzt";
  t.cancelled = "Abgesagt";
  t.watch_live = "Live ansehen";
  t.shift_day = "{n} Tag";
  t.shift_days = "{n} Tage";
  t.ends_next_day = "endet am nächsten Tag";
  t.event_zone = "{zone}, Ort der Veranstaltung";
  t.abstract = "Zusammenfassung";
  t.star_talk = "\u201e{title}\u201c merken";
  t.star = "Merken";
  t.starred = "Gemerkt";
  t.add_to_calendar = "Zum <Kalender> hinzufügen";  // markup in a translation is text too
  t.download_ics = ".ics herunterladen";
  t.links["slides"] = "Folien";
  t.kinds["keynote"] = "Hauptvortrag";
  return t;
}

render_text japanese() {
  render_text t;
  for (unsigned m = 0; m < 12; ++m) t.months[m] = std::to_string(m + 1);  // "3" in "3月"
  t.weekdays = {"日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"};
  t.day_heading = "{year}年{month}月{day}日{weekday}";
  t.am = "午前";
  t.pm = "午後";
  t.day_period_first = true;
  t.day_period_gap = "";
  return t;
}

render_text arabic_digits() {
  render_text t;
  t.months[2] = "مارس";
  t.weekdays[0] = "الأحد";
  t.day_heading = "{weekday}، {day} {month} {year}";
  t.digits = {"٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"};
  t.am = "ص";
  t.pm = "م";
  return t;
}

local_seconds wall(int y, unsigned mo, unsigned d, int h, int mi) {
  return date::local_days{date::year{y} / mo / d} + std::chrono::hours{h} + std::chrono::minutes{mi};
}

TEST(RenderText, DayHeadingsFollowThePatternAndNames) {
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{2021} / 3 / 28}, german()), "Sonntag, 28. März 2021");
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{2024} / 2 / 29}, german()), "Donnerstag, 29. Februar 2024");
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{2021} / 3 / 28}, japanese()), "2021年3月28日日曜日");
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{2024} / 2 / 29}, japanese()), "2024年2月29日木曜日");
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{2021} / 3 / 28}, arabic_digits()), "الأحد، ٢٨ مارس ٢٠٢١");
  // The default is the English of the CLI and of today's widget.
  EXPECT_EQ(format_day_heading(date::sys_days{date::year{2021} / 3 / 28}, render_text{}), "Sunday, 28 March 2021");
}

TEST(RenderText, ClocksUseTheMarkersTheirPlaceAndDigits) {
  EXPECT_EQ(format_clock(wall(2021, 3, 28, 20, 30), true, japanese()), "午後8:30");
  EXPECT_EQ(format_clock(wall(2021, 3, 28, 0, 5), true, japanese()), "午前12:05");
  EXPECT_EQ(format_clock(wall(2021, 3, 28, 20, 30), false, japanese()), "20:30");
  EXPECT_EQ(format_clock(wall(2021, 3, 28, 20, 30), true, arabic_digits()), "٨:٣٠ م");
  EXPECT_EQ(format_clock(wall(2021, 3, 28, 9, 5), false, arabic_digits()), "٠٩:٠٥");
  EXPECT_EQ(format_clock(wall(2021, 3, 28, 20, 30), true, render_text{}), "8:30 PM");
}

TEST(RenderText, FillReplacesOnlyKnownPlaceholders) {
  EXPECT_EQ(fill("ends {n} days later", {{"n", "2"}}), "ends 2 days later");
  EXPECT_EQ(fill("{a}{b} {c} {", {{"a", "1"}, {"b", "{a}"}}), "1{a} {c} {");
}



// Seen from Berlin: a live keynote in Chicago that ends after midnight in Berlin (16:30-18:00
// CDT = 23:30-01:00 CEST), with slides and a stream, and a cancelled talk at 17:30 CDT on
// 29 March, which is 00:30 CEST on 30 March (a day after the event's own).
TEST(RenderText, EveryWordOfATalkComesFromTheText) {
  auto s = load_schedule(R"({"talktime": 1, "timezone": "America/Chicago", "talks": [
    {"id": "k", "title": "Q&A", "kind": "keynote", "start": "2021-03-28T16:30", "end": "2021-03-28T18:00",
     "abstract": "About it.", "links": {"slides": "https://example.org/s", "livestream": "https://example.org/l"}},
    {"id": "c", "title": "Gone", "start": "2021-03-29T17:30", "status": "cancelled"}]})");
  render_options o;
  o.display_zone = locate_zone("Europe/Berlin");
  o.now = utc("2021-03-28T22:00:00Z");  // 17:00 in Chicago: the keynote is live
  o.interactive = true;
  o.text = german();
  auto html = render_html(s, s.find({}, o.now, *o.display_zone).talks, o);
  EXPECT_EQ(fuzz::rendered_html_problem(html), "");
  for (const char* part : {
           "<h2 class=\"tt-section-title\">Demnächst</h2>",
           "<time datetime=\"2021-03-28\">Sonntag, 28. März 2021</time>",
           "<time datetime=\"2021-03-30\">Dienstag, 30. März 2021</time>",
           "<sup class=\"tt-end-shift\" title=\"endet am nächsten Tag\">+1 Tag</sup>",
           "<span class=\"tt-event-day\">Mo., 29. März</span>",
           "<span class=\"tt-sr\">Das ist 17:30 UTC-5 am Montag, 29. März 2021 in Chicago.</span>",
           "<abbr title=\"America/Chicago, Ort der Veranstaltung\">UTC-5</abbr>",
           "<span class=\"tt-badge tt-badge-live\">Läuft jetzt</span>",
           "<span class=\"tt-badge tt-badge-status\">Abgesagt</span>",
           "<span class=\"tt-kind\">Hauptvortrag</span>",
           "<span class=\"tt-kind\">Talk</span>",  // a kind the text does not name stays English
           ">Folien</a>", ">Live ansehen</a>",
           "<summary>Zusammenfassung</summary>",
           "aria-label=\"\u201eQ&amp;A\u201c merken\"",
           "\u2606 Merken</span>", "\u2605 Gemerkt</span>",
           "<summary tabindex=\"-1\">Zum &lt;Kalender&gt; hinzufügen</summary>",
           ">.ics herunterladen</button>"})
    EXPECT_TRUE(contains(html, part)) << part << "\n" << html;
  EXPECT_FALSE(contains(html, "Upcoming"));
  EXPECT_FALSE(contains(html, "Add to calendar"));
}

}  // namespace
