// The "when" line of a talk (view/talk_when.hpp).
#include "view/talk_when.hpp"

#include <string>


namespace talktime::view {
namespace {

std::string day_shift_label(long long days, const render_text& text) {
  std::string n = std::to_string(days > 0 ? days : -days);
  return std::string(days > 0 ? "+" : "\u2212") + fill(n == "1" ? text.shift_day : text.shift_days, {{"n", localized_digits(n, text)}});
}

void write_day(html_writer& w, date::sys_days day, std::string_view shown) {
  w.raw("<time").attr("datetime", detail::format_iso_date(day)).raw(">").text(shown).raw("</time>");
}

// A date-only talk: one day with its time to be announced, or a run of days
// (a summer school) that takes them whole: "3–7 August 2026 · all day".
void write_days(html_writer& w, const talk& t, const render_text& text) {
  if (!t.end_day || *t.end_day == t.start_day) {
    write_day(w, t.start_day, format_day_heading(t.start_day, text));
    w.raw(" <span class=\"tt-tba\">").text(text.time_tba).raw("</span>");
    return;
  }
  auto range = format_day_range(t.start_day, *t.end_day, text);
  w.raw("<span class=\"tt-days\">");  // one piece of the line: "3–7", not "3 – 7"
  write_day(w, t.start_day, range.first);
  w.text(range.separator);
  write_day(w, *t.end_day, range.last);
  w.raw("</span> <span class=\"tt-all-day\">").text(text.all_day).raw("</span>");
}

// The event's own clock beside the visitor's: "· 10:00 CDT in Chicago", and the
// event's day when it is not the one the heading above shows ("10:00 UTC-6 Tue
// 21 Jan in Chicago"). Read aloud as one sentence instead of the fragments.
void write_event_time(html_writer& w, const render_options& o, const talk& t, const time_zone& display) {
  auto own = at(*t.zone, t.start);
  auto own_day = day_of(own.local);
  bool other_day = day_in_zone(t, display) != own_day;
  auto city = zone_city(*t.zone);
  const render_text& text = o.text;
  std::string place = city.empty() ? text.at_the_event : fill(text.in_place, {{"city", std::string(city)}});
  auto label = zone_label_for(*t.zone, t.start, false, &display);
  auto clock = format_clock(own.local, o.hour12, text);
  w.raw(" <span class=\"tt-event-time\"><span aria-hidden=\"true\"><span class=\"tt-sep\">\u00b7</span> ");
  write_time(w, own, o.hour12, text);
  w.raw(" <abbr").attr("title", fill(text.event_zone, {{"zone", std::string(t.zone->name())}})).raw(">").text(label).raw("</abbr>");
  if (other_day) w.raw(" <span class=\"tt-event-day\">").text(format_short_day(own_day, text)).raw("</span>");
  w.raw(" <span class=\"tt-event-place\">").text(place).raw("</span></span>");
  w.raw(" <span class=\"tt-sr\">")
      .text(fill(text.event_time_sentence, {{"clock", clock + " " + label}, {"day", format_day_heading(own_day, text)}, {"place", place}}))
      .raw("</span></span>");
}

void write_times(html_writer& w, const render_options& o, const talk& t, bool with_day) {
  const time_zone& display = *o.display_zone;
  const time_zone* event = t.zone && t.zone->name() != display.name() ? t.zone : nullptr;
  const render_text& text = o.text;
  auto start = at(display, t.start);
  if (with_day) {
    write_day(w, day_of(start.local), format_day_heading(day_of(start.local), text));
    w.raw(" ");
  }
  write_time(w, start, o.hour12, text);
  if (t.end && *t.end != t.start) {
    auto end = at(display, *t.end);
    w.raw("\u2013");
    write_time(w, end, o.hour12, text);
    auto extra = (day_of(end.local) - day_of(start.local)).count();
    if (extra != 0)
      w.raw("<sup class=\"tt-end-shift\"")
          .attr("title", extra == 1 ? text.ends_next_day : fill(text.ends_days_later, {{"n", localized_digits(std::to_string(extra), text)}}))
          .raw(">").text(day_shift_label(extra, text)).raw("</sup>");
  }
  w.raw(" <abbr class=\"tt-zone\"").attr("title", display.name()).raw(">")
      .text(zone_label_for(display, t.start, true, event)).raw("</abbr>");
  if (event) write_event_time(w, o, t, display);
}

const std::string& status_label(talk_status status, const render_text& text) {
  return status == talk_status::cancelled ? text.cancelled : status == talk_status::postponed ? text.postponed : text.tentative;
}

}  // namespace

// A postponed talk's time no longer holds: it is struck through after "was", and the
// feed's format has no field for the new one (a known new time is a new `start` with
// status `scheduled`), so the line says it is to be announced.
void write_when(html_writer& w, const render_options& o, const talk& t, talk_phase phase, bool with_day) {
  bool postponed = t.status == talk_status::postponed;
  w.raw("<p class=\"tt-when\">");
  if (postponed) w.raw("<span class=\"tt-was\">").text(o.text.was).raw(" <del>");
  if (t.date_only) write_days(w, t, o.text);
  else write_times(w, o, t, with_day);
  if (postponed) w.raw("</del></span>");
  if (phase == talk_phase::live && t.status == talk_status::scheduled) w.raw(" <span class=\"tt-badge tt-badge-live\">").text(o.text.live_now).raw("</span>");
  if (t.status != talk_status::scheduled) w.raw(" <span class=\"tt-badge tt-badge-status\">").text(status_label(t.status, o.text)).raw("</span>");
  if (postponed) w.raw(" <span class=\"tt-new-date\">").text(o.text.new_date_tba).raw("</span>");
  w.raw("<span class=\"tt-relative\"></span></p>");
}

}  // namespace talktime::view
