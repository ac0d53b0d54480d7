// `talktime render`: a static HTML page of the schedule (its own styles, no
// script), or with --fragment the programme alone, to paste into the widget's
// element as the content visitors see without JavaScript or when loading fails.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "talktime/talktime.hpp"

namespace talktime_cli {
namespace {

using talktime::escape_html;

constexpr const char* page_style = R"(
:root { color-scheme: light dark; --text: #1b1b1f; --muted: #55555f; --background: #ffffff; --card: #f6f6f8;
  --border: #d4d4da; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) {
  :root { --text: #ececf1; --muted: #b4b4be; --background: #15151a; --card: #202027; --border: #3a3a44; --accent: #8ab4f8; }
}
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--background); }
main { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; color: var(--muted); }
h4 { font-size: 1.1rem; margin: .25rem 0; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.tt-zone-note, .tt-meta, .tt-affiliation, .tt-event-time { color: var(--muted); }
.tt-talks, .tt-speakers, .tt-links { list-style: none; margin: 0; padding: 0; }
.tt-card { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: .75rem 1rem; margin: .5rem 0; }
.tt-when, .tt-meta { margin: 0; font-size: .95rem; }
.tt-links li, .tt-tag { display: inline-block; margin-right: .75rem; }
.tt-badge { font-size: .8rem; font-weight: 600; padding: 0 .4rem; border: 1px solid currentColor; border-radius: 4px; }
.tt-talk[data-status="cancelled"] .tt-title { text-decoration: line-through; }
.tt-talk[data-kind="break"] .tt-card { background: transparent; }
.tt-now { list-style: none; display: flex; align-items: center; gap: .5rem; margin: .5rem 0; color: #c62828; font-weight: 600; }
.tt-now::after { content: ""; flex: 1; border-top: 2px solid currentColor; }
.tt-photo { border-radius: 50%; vertical-align: middle; margin-right: .5rem; }
)";

// The whole page: title, description, the zone and the moment it was made, and the
// talks as the widget groups them (by day; upcoming, then past, for a series).
std::string page_html(const talktime::schedule& s, const std::vector<std::size_t>& talks, const talktime::time_zone& zone,
                      talktime::sys_seconds now, bool hour12) {
  talktime::render_options ro;
  ro.display_zone = &zone;
  ro.now = now;
  ro.hour12 = hour12;
  ro.order = s.is_one_event() ? talktime::list_order::programme : talktime::list_order::series;  // as find's automatic order
  const auto& feed = s.feed();
  std::string title = escape_html(feed.title.empty() ? "Schedule" : feed.title);
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"talktime\">\n<title>";
  page += title + "</title>\n<style>";
  page += page_style;
  page += "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>" + title + "</h1>\n";
  page += talktime::html_paragraphs(feed.description, "tt-description");
  auto offset = zone.offset_at(now);
  auto local_now = zone.to_local(now);
  page += "<p class=\"tt-zone-note\">Times are in " + escape_html(zone.name()) + " time (" +
          escape_html(talktime::zone_label(offset)) + "). Schedule as of <time datetime=\"" +
          talktime::format_iso_utc(now) + "\">";
  page += escape_html(talktime::format_day_heading(date::floor<date::days>(talktime::sys_seconds{local_now.time_since_epoch()})) +
                      ", " + talktime::format_clock(local_now, hour12));
  page += "</time>.</p>\n</header>\n";
  if (talks.empty()) page += "<p class=\"tt-empty\">No talks.</p>\n";
  else page += talktime::render_html(s, talks, ro) + "\n";
  page += "</main>\n</body>\n</html>\n";
  return page;
}

// ---- The fragment: plain HTML in the host page's own styles ----------------------

std::string iso_date(date::sys_days day) {
  date::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return text;
}

std::string clock(const talktime::time_zone& zone, talktime::sys_seconds instant, bool hour12) {
  return "<time datetime=\"" + talktime::format_iso_utc(instant) + "\">" +
         escape_html(talktime::format_clock(zone.to_local(instant), hour12)) + "</time>";
}

date::sys_days local_day(const talktime::time_zone& zone, talktime::sys_seconds instant) {
  return date::floor<date::days>(talktime::sys_seconds{zone.to_local(instant).time_since_epoch()});
}

// "16:00–17:00 EDT" ("23:30–01:15 CST (ends the next day)"), or for a talk with a date
// only "Time to be announced" / "Until Wednesday, 23 October 2024".
std::string when_text(const talktime::talk& t, const talktime::time_zone& zone, bool hour12) {
  if (t.date_only) {
    if (t.end_day && *t.end_day != t.start_day) return "Until " + escape_html(talktime::format_day_heading(*t.end_day));
    return "Time to be announced";
  }
  std::string text = clock(zone, t.start, hour12);
  long long later = 0;
  if (t.end && *t.end != t.start) {
    text += "\u2013" + clock(zone, *t.end, hour12);
    later = (local_day(zone, *t.end) - local_day(zone, t.start)).count();
  }
  text += " " + escape_html(talktime::zone_label(zone.offset_at(t.start)));
  if (later == 1) text += " (ends the next day)";
  if (later > 1) text += " (ends " + std::to_string(later) + " days later)";
  return text;
}

std::string link(const std::string& url, const std::string& label) {
  return "<a href=\"" + escape_html(url) + "\">" + escape_html(label) + "</a>";
}

// The link's kind as a label: "slides" -> "Slides".
std::string link_label(std::string kind) {
  if (!kind.empty() && kind[0] >= 'a' && kind[0] <= 'z') kind[0] = char(kind[0] - 'a' + 'A');
  return kind;
}

// One line a talk: when · title (status) · speakers · place · links.
std::string talk_line(const talktime::schedule& s, const talktime::talk& t, const talktime::time_zone& zone, bool hour12) {
  std::string line = when_text(t, zone, hour12) + " \u00b7 <strong>" + escape_html(t.title) + "</strong>";
  if (t.status != talktime::talk_status::scheduled) line += " (" + std::string(talktime::to_string(t.status)) + ")";
  std::string speakers;
  for (const auto& sp : t.speakers) {
    if (!speakers.empty()) speakers += ", ";
    speakers += sp.url.empty() ? escape_html(sp.name) : link(sp.url, sp.name);
    if (!sp.affiliation.empty()) speakers += " (" + escape_html(sp.affiliation) + ")";
  }
  if (!speakers.empty()) line += " \u00b7 " + speakers;
  const auto& where = t.location.empty() ? s.feed().location : t.location;
  if (!where.empty()) line += " \u00b7 " + (where.url.empty() ? escape_html(where.name) : link(where.url, where.name.empty() ? where.url : where.name));
  std::string links;
  for (const auto& l : t.links) links += (links.empty() ? "" : " ") + link(l.url, link_label(l.kind));
  if (!links.empty()) line += " \u00b7 " + links;
  return line;
}

// The talks in programme order (by start, then feed order), a heading and a list a day.
std::string fragment_html(const talktime::schedule& s, std::vector<std::size_t> talks, const talktime::time_zone& zone,
                          bool hour12) {
  const auto& all = s.feed().talks;
  std::stable_sort(talks.begin(), talks.end(), [&](std::size_t a, std::size_t b) {
    return s.begins(all[a]) != s.begins(all[b]) ? s.begins(all[a]) < s.begins(all[b]) : all[a].index < all[b].index;
  });
  std::string out = zone.name() == "Etc/UTC" ? "<p>Times are in UTC.</p>\n"
                                             : "<p>Times are in " + escape_html(zone.name()) + " time.</p>\n";
  if (talks.empty()) return out + "<p>No talks.</p>\n";
  std::optional<date::sys_days> day;
  for (auto i : talks) {
    auto d = talktime::day_in_zone(all[i], zone);
    if (d != day) {
      if (day) out += "</ul>\n";
      day = d;
      out += "<h2><time datetime=\"" + iso_date(d) + "\">" + escape_html(talktime::format_day_heading(d)) + "</time></h2>\n<ul>\n";
    }
    out += "<li>" + talk_line(s, all[i], zone, hour12) + "</li>\n";
  }
  return out + "</ul>\n";
}

}  // namespace

int run_render(const options& o) {
  const talktime::time_zone* zone = nullptr;
  if (!o.timezone.empty() && !(zone = talktime::locate_zone(o.timezone)))
    throw usage_error{"unknown time zone \"" + o.timezone + "\" (use an IANA name such as Europe/Berlin)"};
  int status = exit_ok;
  auto f = one_feed(o, status);
  if (!f) return status == exit_ok ? exit_errors : status;
  if (!zone) zone = f->zone;  // --fragment without --timezone: the feed's own zone
  if (!zone) throw usage_error{"the feed names no time zone: render --fragment needs --timezone ZONE"};
  selected_talks(*f, o.series);  // rejects an unknown series
  auto now = now_of(o);
  talktime::schedule s(std::move(*f));
  talktime::query q;
  q.series = o.series;
  q.show = o.show.value_or(talktime::show_filter::all);
  auto found = s.find(q, now, *zone);
  std::cout << (o.fragment ? fragment_html(s, found.talks, *zone, o.hour12) : page_html(s, found.talks, *zone, now, o.hour12));
  return status;
}

}  // namespace talktime_cli
