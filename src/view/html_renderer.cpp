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
#include "view/html_writer.hpp"
#include "view/talk_when.hpp"

namespace talktime {
namespace {

using detail::append_html_escaped;
using view::at;
using view::day_of;
using view::html_writer;

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

class talk_renderer {
 public:
  // page: the talk alone on a page (render_talk_page), rather than an item of a list.
  talk_renderer(const schedule& s, const render_options& o, bool page = false)
      : s_(s), o_(o), starred_(o.starred.begin(), o.starred.end()), page_(page) {}

  // `in_slot`: one of parallel sessions (a time slot of several rooms), whose room
  // leads the card instead of closing its meta line.
  void render(html_writer& w, const talk& t, bool in_slot = false) {
    auto phase = s_.phase(t, o_.now);
    w.raw(page_ ? "<div class=\"tt-talk tt-talk-page\"" : "<li class=\"tt-talk\"").attr("data-talk-id", t.id).attr("data-kind", to_string(t.kind))
        .attr("data-status", to_string(t.status)).attr("data-phase", phase == talk_phase::live ? "live" : phase == talk_phase::past ? "past" : "upcoming")
        .attr("data-start", std::to_string(s_.begins(t).time_since_epoch().count()))
        .attr("data-end", std::to_string(s_.ends(t).time_since_epoch().count()))
        .raw("><article class=\"tt-card\"").attr("aria-labelledby", "tt-title-" + std::to_string(t.index)).raw(">");
    if (in_slot && !where(t).empty()) place_of(w.raw("<p class=\"tt-room\">"), where(t)).raw("</p>");
    if (!page_) view::write_when(w, o_, t, phase);  // a page opens with its heading
    w.raw(page_ ? "<h2" : "<h4").raw(" class=\"tt-title\"").attr("id", "tt-title-" + std::to_string(t.index)).raw(">");
    // The id is percent-encoded: an id with "&" or "=" must not add keys to the fragment.
    if (page_) w.text(t.title).raw("</h2>");
    else w.raw("<a class=\"tt-permalink\"").attr("href", "#talk=" + detail::percent_encode(t.id)).raw(">").text(t.title).raw("</a></h4>");
    if (page_) view::write_when(w, o_, t, phase, true);
    speakers(w, t);
    meta(w, t, in_slot);
    controls(w, t, phase);
    details(w, t);
    w.raw(page_ ? "</article></div>" : "</article></li>");
  }

 private:
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

  const place& where(const talk& t) const { return t.location.empty() ? s_.feed().location : t.location; }

  static html_writer& place_of(html_writer& w, const place& p) {
    if (!p.url.empty()) return w.link(p.url, p.name.empty() ? p.url : p.name, "");
    return w.text(p.name);
  }

  void meta(html_writer& w, const talk& t, bool in_slot) {
    const series_info* series = s_.series_of(t);
    w.raw("<p class=\"tt-meta\"><span class=\"tt-kind\">").text(kind_badge(t.kind, o_.text)).raw("</span>");
    if (series || !t.series.empty()) w.raw(" <span class=\"tt-series\">").text(series ? series->title : t.series).raw("</span>");
    if (!where(t).empty() && !in_slot) place_of(w.raw(" <span class=\"tt-location\">"), where(t)).raw("</span>");
    for (const auto& tag : t.tags) w.raw(" <span class=\"tt-tag\">").text(tag).raw("</span>");
    w.raw("</p>");
  }

  // The links, the star and the calendar menu in one row. In the widget they are one
  // toolbar, one tab stop a talk: the first item is in the tab order, the others are
  // reached with the arrow keys (web/src/keyboard.js moves the tab stop along).
  void controls(html_writer& w, const talk& t, talk_phase phase) {
    // A break is not something to star or to put in a calendar.
    if (!o_.interactive || t.kind == talk_kind::break_time) return links(w, t, phase, false);
    w.raw("<div class=\"tt-actions\" role=\"toolbar\"").attr("aria-labelledby", "tt-title-" + std::to_string(t.index)).raw(">");
    links(w, t, phase, true);
    actions(w, t, !t.links.empty());
    w.raw("</div>");
  }

  // The talk's links; "Watch live" first while it is on, so it leads the row (and is the
  // one a compact row keeps).
  void links(html_writer& w, const talk& t, talk_phase phase, bool roving) {
    if (t.links.empty()) return;
    bool watching = t.status == talk_status::scheduled &&
                    (phase == talk_phase::live ||
                     (phase == talk_phase::past && o_.now < s_.ends(t) + o_.livestream_grace));
    auto prominent = [&](const auto& l) { return l.kind == "livestream" && watching; };
    w.raw("<ul class=\"tt-links\">");
    bool first = true;
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& l : t.links) {
        if (prominent(l) != (pass == 0)) continue;
        w.raw("<li>");
        w.link(l.url, prominent(l) ? o_.text.watch_live : link_label(l.kind, o_.text), prominent(l) ? "tt-link tt-link-live" : "tt-link",
               roving && !first);
        w.raw("</li>");
        first = false;
      }
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
  // `after_links`: the links lead the toolbar, so the star is out of the tab order too.
  void actions(html_writer& w, const talk& t, bool after_links) {
    bool starred = starred_.count(t.id) > 0;
    if (!page_)  // stars pick talks from a list
      w.raw("<button type=\"button\" class=\"tt-star\"").raw(after_links ? " tabindex=\"-1\"" : "")
          .attr("aria-pressed", starred ? "true" : "false")
          .attr("aria-label", fill(o_.text.star_talk, {{"title", t.title}}))
          .raw("><span class=\"tt-star-off\" aria-hidden=\"true\">\u2606 ").text(o_.text.star)
          .raw("</span><span class=\"tt-star-on\" aria-hidden=\"true\">\u2605 ").text(o_.text.starred).raw("</span></button>");
    // The Google Calendar and Outlook links are added by the loader when the menu
    // first opens: two long URLs a talk would double the markup of every render.
    if (t.status != talk_status::cancelled)
      // On a page without links the menu leads the toolbar (no star there): its one tab stop.
      w.raw("<details class=\"tt-calendar\"><summary").raw(page_ && !after_links ? "" : " tabindex=\"-1\"").raw(">")
          .text(o_.text.add_to_calendar)
          .raw("</summary><ul><li><button type=\"button\" class=\"tt-ics\">").text(o_.text.download_ics).raw("</button></li></ul></details>");
  }

  const schedule& s_;
  const render_options& o_;
  const std::unordered_set<std::string_view> starred_;  // a shared link may star thousands of talks
  const bool page_;
};

}  // namespace


namespace {

// The list's sections and days as the talks go by: "Upcoming" and "Past" in series
// order; in programme order days only, with the "Now" line before the first talk
// that is not over, when some talk before it is.
class list_structure {
 public:
  list_structure(html_writer& w, const schedule& s, const render_options& o, list_position& at)
      : w_(w), s_(s), o_(o), at_(at) {}

  void before(const talk& t) {
    auto phase = s_.phase(t, o_.now);
    if (o_.order != list_order::programme) {
      std::string section = phase == talk_phase::past ? "past" : "upcoming";
      if (section != section_) open_section(section);
    }
    auto day = day_in_zone(t, *o_.display_zone);
    if (!open_day_ || day != day_) open_day(day);
    if (o_.order == list_order::programme && phase != talk_phase::past && at_.seen_past && !at_.marked_now) {
      at_.marked_now = true;
      w_.raw("<li class=\"tt-now\" role=\"separator\"").attr("aria-label", o_.text.now).raw("><span class=\"tt-now-label\">")
          .text(o_.text.now).raw("</span></li>");
    }
    at_.seen_past |= phase == talk_phase::past;
  }

  // A talk already on the page (render_options::skip): only the Now line's state moves.
  void skip(const talk& t) {
    bool past = s_.phase(t, o_.now) == talk_phase::past;
    at_.marked_now |= o_.order == list_order::programme && !past && at_.seen_past;
    at_.seen_past |= past;
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
  list_position& at_;
  std::string section_;
  date::sys_days day_{};
  bool open_day_ = false;
};


// How many talks from order[first] on are parallel sessions: timed talks (not breaks)
// that start at the same instant and are in the same phase, so they share a section.
std::size_t parallel_run(const schedule& s, const std::vector<std::size_t>& order, std::size_t first, sys_seconds now) {
  const auto& talks = s.feed().talks;
  auto joins = [&](const talk& t, const talk& lead) {
    return !t.date_only && t.kind != talk_kind::break_time && s.begins(t) == s.begins(lead) && s.phase(t, now) == s.phase(lead, now);
  };
  const talk& lead = talks[order[first]];
  std::size_t n = 1;
  if (lead.date_only || lead.kind == talk_kind::break_time) return n;
  while (first + n < order.size() && joins(talks[order[first + n]], lead)) ++n;
  return n;
}

// Parallel sessions share one time slot, as a programme prints them: the slot names
// the time once, and each session's card leads with its room.
void render_talks(html_writer& w, const schedule& s, const std::vector<std::size_t>& order, std::size_t limit,
                  list_position& position, const render_options& options) {
  talk_renderer talk_html(s, options);
  list_structure structure(w, s, options, position);
  const auto& talks = s.feed().talks;
  for (std::size_t written = 0; position.next < order.size() && written < limit;) {
    auto i = position.next;
    auto n = parallel_run(s, order, i, options.now);
    const talk& lead = talks[order[i]];
    structure.before(lead);
    if (n == 1) {
      talk_html.render(w, lead);
    } else {
      w.raw("<li class=\"tt-slot\"><p class=\"tt-slot-head\">");
      view::write_time(w, at(*options.display_zone, lead.start), options.hour12, options.text);
      w.raw(" <span class=\"tt-slot-count\">")
          .text(fill(options.text.parallel_sessions, {{"n", localized_digits(std::to_string(n), options.text)}}))
          .raw("</span></p><ol class=\"tt-slot-talks\">");
      for (std::size_t k = i; k < i + n; ++k) talk_html.render(w, talks[order[k]], true);
      w.raw("</ol></li>");
    }
    position.next += n;
    written += n;
  }
  structure.finish();
}

}  // namespace

std::string render_html(const schedule& s, const std::vector<std::size_t>& order, const render_options& options) {
  html_writer w;
  list_position at;
  {
    // Talks rendered in an earlier part (render_options::skip) only move the Now line's state.
    html_writer none;
    list_structure structure(none, s, options, at);
    for (; at.next < std::min(options.skip, order.size()); ++at.next) structure.skip(s.feed().talks[order[at.next]]);
  }
  render_talks(w, s, order, order.size(), at, options);
  return std::move(w.out);
}

std::string render_html_part(const schedule& s, const std::vector<std::size_t>& order, std::size_t limit,
                             list_position& at, const render_options& options) {
  html_writer w;
  render_talks(w, s, order, limit, at, options);
  return std::move(w.out);
}

std::string render_talk_page(const schedule& s, std::size_t talk, const render_options& options) {
  html_writer w;
  talk_renderer(s, options, true).render(w, s.feed().talks[talk]);
  return std::move(w.out);
}

}  // namespace talktime
