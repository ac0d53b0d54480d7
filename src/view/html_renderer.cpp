// The HTML renderer. Everything from the feed passes through `text()` or
// `attr()` (HTML escaping) and URLs were checked by the parser (src/common/url.cpp).
#include "talktime/html_renderer.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <unordered_set>

#include "common/text.hpp"
#include "common/url.hpp"
#include "time/time_text.hpp"

namespace talktime {
namespace {

using detail::append_html_escaped;

// A link's label: the language's word for its kind, or the kind capitalised.
std::string link_label(const std::string& kind, const render_text& text) {
  if (auto it = text.links.find(kind); it != text.links.end()) return it->second;
  std::string label = kind;
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = char(label[0] - 32);
  return label;
}

std::string_view kind_badge(talk_kind kind, const render_text& text) {
  if (auto it = text.kinds.find(to_string(kind)); it != text.kinds.end()) return it->second;
  return kind_label(kind);
}

class html_writer {
 public:
  std::string out;
  html_writer& raw(std::string_view s) {
    out.append(s);
    return *this;
  }
  html_writer& text(std::string_view s) {
    append_html_escaped(out, s);
    return *this;
  }
  // ` name="value"`, escaped
  html_writer& attr(std::string_view name, std::string_view value) {
    out += ' ';
    out.append(name);
    out += "=\"";
    append_html_escaped(out, value);
    out += '"';
    return *this;
  }
  html_writer& link(std::string_view url, std::string_view label, std::string_view css_class) {
    raw("<a").attr("href", url);
    if (!css_class.empty()) attr("class", css_class);
    if (url.substr(0, 7) != "mailto:") raw(" target=\"_blank\" rel=\"noopener noreferrer\"");
    return raw(">").text(label).raw("</a>");
  }
  // Paragraphs from plain text: a blank line separates them, single newlines become <br>.
  html_writer& paragraphs(std::string_view s) {
    std::size_t start = 0;
    while (start < s.size()) {
      auto gap = s.find("\n\n", start);
      auto para = detail::trim(s.substr(start, gap == std::string_view::npos ? std::string_view::npos : gap - start));
      if (!para.empty()) {
        raw("<p>");
        std::size_t line_start = 0;
        while (true) {
          auto nl = para.find('\n', line_start);
          text(para.substr(line_start, nl == std::string_view::npos ? std::string_view::npos : nl - line_start));
          if (nl == std::string_view::npos) break;
          raw("<br>");
          line_start = nl + 1;
        }
        raw("</p>");
      }
      if (gap == std::string_view::npos) break;
      start = gap + 2;
    }
    return *this;
  }
};

struct moment {
  local_seconds local;
  zone_offset offset;
};

moment at(const time_zone& zone, sys_seconds t) {
  auto offset = zone.offset_at(t);
  return {local_seconds{t.time_since_epoch() + offset.utc_offset}, offset};
}

date::sys_days day_of(local_seconds t) { return date::floor<date::days>(sys_seconds{t.time_since_epoch()}); }

void write_time(html_writer& w, const moment& m, bool hour12, const render_text& text) {
  w.raw("<time").attr("datetime", detail::format_iso_local(m.local, std::int32_t(m.offset.utc_offset.count())))
      .raw(">").text(format_clock(m.local, hour12, text)).raw("</time>");
}

std::string day_shift_label(long long days, const render_text& text) {
  if (days == 0) return {};
  std::string n = std::to_string(days > 0 ? days : -days);
  return std::string(days > 0 ? "+" : "\u2212") + fill(n == "1" ? text.shift_day : text.shift_days, {{"n", localized_digits(n, text)}});
}

std::string status_word(talk_status status, const render_text& text) {
  return status == talk_status::cancelled ? text.cancelled : status == talk_status::postponed ? text.postponed : text.tentative;
}

class talk_renderer {
 public:
  // page: the talk alone on a page (render_talk_page), rather than an item of a list.
  talk_renderer(const schedule& s, const render_options& o, bool page = false)
      : s_(s), o_(o), zone_(*o.display_zone), starred_(o.starred.begin(), o.starred.end()), page_(page) {}

  void render(html_writer& w, const talk& t) {
    auto phase = s_.phase(t, o_.now);
    w.raw(page_ ? "<div class=\"tt-talk tt-talk-page\"" : "<li class=\"tt-talk\"").attr("data-talk-id", t.id).attr("data-kind", to_string(t.kind))
        .attr("data-status", to_string(t.status)).attr("data-phase", phase == talk_phase::live ? "live" : phase == talk_phase::past ? "past" : "upcoming")
        .attr("data-start", std::to_string(s_.begins(t).time_since_epoch().count()))
        .attr("data-end", std::to_string(s_.ends(t).time_since_epoch().count()))
        .raw("><article class=\"tt-card\"").attr("aria-labelledby", "tt-title-" + std::to_string(t.index)).raw(">");
    if (!page_) when(w, t, phase);  // a page opens with its heading
    w.raw(page_ ? "<h2" : "<h4").raw(" class=\"tt-title\"").attr("id", "tt-title-" + std::to_string(t.index)).raw(">");
    // The id is percent-encoded: an id with "&" or "=" must not add keys to the fragment.
    if (page_) w.text(t.title).raw("</h2>");
    else w.raw("<a class=\"tt-permalink\"").attr("href", "#talk=" + detail::percent_encode(t.id)).raw(">").text(t.title).raw("</a></h4>");
    if (page_) when(w, t, phase);
    speakers(w, t);
    meta(w, t);
    links(w, t, phase);
    details(w, t);
    if (o_.interactive) actions(w, t);
    w.raw(page_ ? "</article></div>" : "</article></li>");
  }

 private:
  void when(html_writer& w, const talk& t, talk_phase phase) {
    w.raw("<p class=\"tt-when\">");
    if (t.date_only) {
      w.raw("<time").attr("datetime", detail::format_iso_date(t.start_day)).raw(">")
          .text(format_day_heading(t.start_day, o_.text)).raw("</time>");
      if (t.end_day && *t.end_day != t.start_day)
        w.raw(" \u2013 <time").attr("datetime", detail::format_iso_date(*t.end_day)).raw(">")
            .text(format_day_heading(*t.end_day, o_.text)).raw("</time>");
      w.raw(" <span class=\"tt-tba\">").text(o_.text.time_tba).raw("</span>");
    } else {
      auto start = at(zone_, t.start);
      if (page_)  // a page has no day heading above the talk
        w.raw("<time").attr("datetime", detail::format_iso_date(day_of(start.local))).raw(">")
            .text(format_day_heading(day_of(start.local), o_.text)).raw("</time> ");
      write_time(w, start, o_.hour12, o_.text);
      if (t.end && *t.end != t.start) {
        auto end = at(zone_, *t.end);
        w.raw("\u2013");
        write_time(w, end, o_.hour12, o_.text);
        auto extra = (day_of(end.local) - day_of(start.local)).count();
        if (extra != 0) w.raw("<sup class=\"tt-end-shift\"").attr("title", extra == 1 ? o_.text.ends_next_day : fill(o_.text.ends_days_later, {{"n", localized_digits(std::to_string(extra), o_.text)}})).raw(">").text(day_shift_label(extra, o_.text)).raw("</sup>");
      }
      w.raw(" <abbr class=\"tt-zone\"").attr("title", zone_.name()).raw(">").text(zone_label(start.offset)).raw("</abbr>");
      if (t.zone && t.zone->name() != zone_.name()) {
        auto own = at(*t.zone, t.start);
        auto shift = (day_in_zone(t, zone_) - day_of(own.local)).count();
        if (shift != 0)
          w.raw(" <span class=\"tt-shift\"").attr("title", o_.text.other_day).raw(">")
              .text(day_shift_label(shift, o_.text)).raw("</span>");
        w.raw(" <span class=\"tt-event-time\"><span class=\"tt-sep\" aria-hidden=\"true\">\u00b7</span> ");
        write_time(w, own, o_.hour12, o_.text);
        w.raw(" <abbr").attr("title", fill(o_.text.event_zone, {{"zone", std::string(t.zone->name())}})).raw(">")
            .text(zone_label(own.offset)).raw("</abbr></span>");
      }
    }
    if (phase == talk_phase::live && t.status == talk_status::scheduled) w.raw(" <span class=\"tt-badge tt-badge-live\">").text(o_.text.live_now).raw("</span>");
    if (t.status != talk_status::scheduled)
      w.raw(" <span class=\"tt-badge tt-badge-status\">").text(status_word(t.status, o_.text)).raw("</span>");
    w.raw("<span class=\"tt-relative\"></span></p>");
  }

  void speakers(html_writer& w, const talk& t) {
    if (t.speakers.empty()) return;
    w.raw("<ul class=\"tt-speakers\">");
    for (const auto& sp : t.speakers) {
      w.raw("<li class=\"tt-speaker\">");
      if (!sp.photo.empty()) w.raw("<img class=\"tt-photo\" loading=\"lazy\" decoding=\"async\" alt=\"\" width=\"40\" height=\"40\"").attr("src", sp.photo).raw(">");
      w.raw("<span class=\"tt-speaker-name\">");
      if (!sp.url.empty()) w.link(sp.url, sp.name, "");
      else w.text(sp.name);
      w.raw("</span>");
      if (!sp.affiliation.empty()) w.raw(" <span class=\"tt-affiliation\">").text(sp.affiliation).raw("</span>");
      w.raw("</li>");
    }
    w.raw("</ul>");
  }

  void meta(html_writer& w, const talk& t) {
    const auto& feed = s_.feed();
    const place& where = t.location.empty() ? feed.location : t.location;
    const series_info* series = s_.series_of(t);
    w.raw("<p class=\"tt-meta\"><span class=\"tt-kind\">").text(kind_badge(t.kind, o_.text)).raw("</span>");
    if (series || !t.series.empty()) w.raw(" <span class=\"tt-series\">").text(series ? series->title : t.series).raw("</span>");
    if (!where.empty()) {
      w.raw(" <span class=\"tt-location\">");
      if (!where.url.empty()) w.link(where.url, where.name.empty() ? where.url : where.name, "");
      else w.text(where.name);
      w.raw("</span>");
    }
    for (const auto& tag : t.tags) w.raw(" <span class=\"tt-tag\">").text(tag).raw("</span>");
    w.raw("</p>");
  }

  void links(html_writer& w, const talk& t, talk_phase phase) {
    if (t.links.empty()) return;
    bool watching = t.status == talk_status::scheduled &&
                    (phase == talk_phase::live ||
                     (phase == talk_phase::past && o_.now < s_.ends(t) + o_.livestream_grace));
    w.raw("<ul class=\"tt-links\">");
    for (const auto& l : t.links) {
      bool prominent = l.kind == "livestream" && watching;
      w.raw("<li>");
      w.link(l.url, prominent ? o_.text.watch_live : link_label(l.kind, o_.text), prominent ? "tt-link tt-link-live" : "tt-link");
      w.raw("</li>");
    }
    w.raw("</ul>");
  }

  void details(html_writer& w, const talk& t) {
    bool bios = false;
    for (const auto& sp : t.speakers) bios |= !sp.bio.empty();
    if (t.abstract.empty() && !bios) return;
    w.raw(page_ ? "<details class=\"tt-details\" open><summary>" : "<details class=\"tt-details\"><summary>")
        .text(t.abstract.empty() ? o_.text.about_speakers : bios ? o_.text.abstract_and_speakers : o_.text.abstract).raw("</summary>");
    if (!t.abstract.empty()) w.raw("<div class=\"tt-abstract\">").paragraphs(t.abstract).raw("</div>");
    for (const auto& sp : t.speakers) {
      if (sp.bio.empty()) continue;
      w.raw("<div class=\"tt-bio\"><h5>").text(sp.name).raw("</h5>").paragraphs(sp.bio).raw("</div>");
    }
    w.raw("</details>");
  }

  // The star toggle and the calendar menu; the loader handles their clicks. The
  // button holds both looks and CSS shows the one its aria-pressed names, so the
  // loader toggles a star by flipping that attribute alone.
  void actions(html_writer& w, const talk& t) {
    bool starred = starred_.count(t.id) > 0;
    w.raw("<div class=\"tt-actions\">");
    if (!page_)  // stars pick talks from a list
      w.raw("<button type=\"button\" class=\"tt-star\"").attr("aria-pressed", starred ? "true" : "false")
          .attr("aria-label", fill(o_.text.star_talk, {{"title", t.title}}))
          .raw("><span class=\"tt-star-off\" aria-hidden=\"true\">\u2606 ").text(o_.text.star)
          .raw("</span><span class=\"tt-star-on\" aria-hidden=\"true\">\u2605 ").text(o_.text.starred).raw("</span></button>");
    // The Google Calendar and Outlook links are added by the loader when the menu
    // first opens: two long URLs a talk would double the markup of every render.
    if (t.status != talk_status::cancelled)
      w.raw("<details class=\"tt-calendar\"><summary>").text(o_.text.add_to_calendar)
          .raw("</summary><ul><li><button type=\"button\" class=\"tt-ics\">").text(o_.text.download_ics).raw("</button></li></ul></details>");
    w.raw("</div>");
  }

  const schedule& s_;
  const render_options& o_;
  const time_zone& zone_;
  const std::unordered_set<std::string_view> starred_;  // a shared link may star thousands of talks
  const bool page_;
};

}  // namespace

std::string zone_label(const zone_offset& offset) {
  const auto& a = offset.abbreviation;
  if (!a.empty() && a[0] != '+' && a[0] != '-') return a;
  auto seconds = offset.utc_offset.count();
  if (seconds == 0) return "UTC";
  // "UTC+3", "UTC+5:45", "UTC−3:30": hours without a leading zero, minutes only when there are some.
  auto magnitude = seconds < 0 ? -seconds : seconds;
  std::string label = std::string("UTC") + (seconds < 0 ? "-" : "+") + std::to_string(magnitude / 3600);
  if (magnitude % 3600 != 0) {
    char minutes[8];
    std::snprintf(minutes, sizeof minutes, ":%02d", int(magnitude / 60 % 60));
    label += minutes;
  }
  return label;
}

namespace {

// The list's sections and days as the talks go by: "Upcoming" and "Past" in series
// order; in programme order days only, with the "Now" line before the first talk
// that is not over, when some talk before it is.
class list_structure {
 public:
  list_structure(html_writer& w, const schedule& s, const render_options& o) : w_(w), s_(s), o_(o) {}

  void before(const talk& t) {
    auto phase = s_.phase(t, o_.now);
    if (o_.order != list_order::programme) {
      std::string section = phase == talk_phase::past ? "past" : "upcoming";
      if (section != section_) open_section(section);
    }
    auto day = day_in_zone(t, *o_.display_zone);
    if (!open_day_ || day != day_) open_day(day);
    if (o_.order == list_order::programme && phase != talk_phase::past && seen_past_ && !marked_now_) {
      marked_now_ = true;
      w_.raw("<li class=\"tt-now\" role=\"separator\"").attr("aria-label", o_.text.now).raw("><span class=\"tt-now-label\">")
          .text(o_.text.now).raw("</span></li>");
    }
    seen_past_ |= phase == talk_phase::past;
  }

  // A talk already on the page (render_options::skip): only the Now line's state moves.
  void skip(const talk& t) {
    bool past = s_.phase(t, o_.now) == talk_phase::past;
    marked_now_ |= o_.order == list_order::programme && !past && seen_past_;
    seen_past_ |= past;
  }

  void finish() {
    close_day();
    if (!section_.empty()) w_.raw("</section>");
  }

 private:
  void open_section(const std::string& section) {
    close_day();
    if (!section_.empty()) w_.raw("</section>");
    section_ = section;
    w_.raw("<section class=\"tt-section\"").attr("data-section", section).raw("><h2 class=\"tt-section-title\">")
        .text(section == "past" ? o_.text.past : o_.text.upcoming).raw("</h2>");
  }
  void open_day(date::sys_days day) {
    close_day();
    day_ = day;
    open_day_ = true;
    w_.raw("<section class=\"tt-day\"").attr("data-day", detail::format_iso_date(day)).raw("><h3 class=\"tt-day-title\"><time")
        .attr("datetime", detail::format_iso_date(day)).raw(">").text(format_day_heading(day, o_.text)).raw("</time></h3><ol class=\"tt-talks\">");
  }
  void close_day() {
    if (open_day_) w_.raw("</ol></section>");
    open_day_ = false;
  }

  html_writer& w_;
  const schedule& s_;
  const render_options& o_;
  std::string section_;
  date::sys_days day_{};
  bool open_day_ = false, seen_past_ = false, marked_now_ = false;
};

}  // namespace

std::string render_html(const schedule& s, const std::vector<std::size_t>& order, const render_options& options) {
  html_writer w;
  talk_renderer talk_html(s, options);
  list_structure structure(w, s, options);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto& t = s.feed().talks[order[k]];
    if (k < options.skip) {
      structure.skip(t);
      continue;
    }
    structure.before(t);
    talk_html.render(w, t);
  }
  structure.finish();
  return std::move(w.out);
}

std::string render_talk_page(const schedule& s, std::size_t talk, const render_options& options) {
  html_writer w;
  talk_renderer(s, options, true).render(w, s.feed().talks[talk]);
  return std::move(w.out);
}

}  // namespace talktime
