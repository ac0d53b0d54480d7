// The HTML renderer: a schedule as escaped, accessible markup.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/render_text.hpp"
#include "talktime/schedule.hpp"

namespace talktime {

struct render_options {
  const time_zone* display_zone = nullptr;  ///< required
  sys_seconds now{};                         ///< decides live badges and section placement
  bool hour12 = false;                       ///< "8:30 PM" instead of "20:30"
  /// Minutes after a talk ends during which its livestream link stays prominent.
  std::chrono::minutes livestream_grace{15};
  /// Interactive extras for the widget: a star toggle and an "Add to calendar" menu
  /// per talk (with its .ics button; the loader adds the Google Calendar and Outlook
  /// links when the menu opens). Off for static pages (the CLI), where nothing would
  /// handle them.
  bool interactive = false;
  std::vector<std::string> starred;  ///< ids whose star is on
  /// The order `find` used (query_result::order). In programme order the talks are
  /// grouped only by day, and a "Now" line marks the clock's place among them;
  /// in series order they are grouped into "Upcoming" and "Past" first.
  list_order order = list_order::series;
  /// The first `skip` talks of the order precede the ones to render: an earlier part of
  /// the same list, already on the page. They are not written, but the "Now" line's
  /// place counts them, so a long list can be rendered in parts.
  std::size_t skip = 0;
  /// Every word and date format the markup holds; English unless the widget gives the
  /// visitor's language (include/talktime/render_text.hpp).
  render_text text;
};

/// Renders the talks `order` names (as schedule::find returns them) grouped by day
/// in the display zone, and in series order first into an "Upcoming" and a "Past"
/// section (render_options::order). Every
/// feed string is escaped; only http(s)/mailto links appear.
///
///     auto html = talktime::render_html(s, s.find({}, now, *zone).talks, {zone, now});
///     // <section class="tt-section" data-section="upcoming">…<li class="tt-talk" data-talk-id="…">
std::string render_html(const schedule& s, const std::vector<std::size_t>& order, const render_options& options);

/// Where a list rendered in parts stands: the next talk of the order to render and
/// what the talks before it decided (the "Now" line's place), so that each part
/// costs its own talks, not a walk over every talk before it.
struct list_position {
  std::size_t next = 0;     ///< index into the order of the first talk not yet rendered
  bool seen_past = false;   ///< a past talk came before (programme order)
  bool marked_now = false;  ///< the "Now" line is written
};

/// The next part of a list: talks from order[at.next] on, whole time slots (parallel
/// sessions are never cut), until at least `limit` talks are written or the order
/// ends; `at` moves past them. Each part opens its own section and day: the widget
/// joins a part's first day to the last one on the page when they are the same.
///
///     talktime::list_position at;
///     auto first = talktime::render_html_part(s, found.talks, 12, at, options);
///     auto next = talktime::render_html_part(s, found.talks, 10, at, options);  // from at.next
std::string render_html_part(const schedule& s, const std::vector<std::size_t>& order, std::size_t limit,
                             list_position& at, const render_options& options);

/// One talk as a page of its own (a feed of one talk, or the widget's talk view): the
/// talk's card with its title as an `<h2>`, its day beside its times, the abstract and
/// bios open and no star; no sections or day headings around it.
///
///     auto html = talktime::render_talk_page(s, 0, {zone, now});
///     // <div class="tt-talk tt-talk-page" data-talk-id="…">…<h2 class="tt-title" …>
std::string render_talk_page(const schedule& s, std::size_t talk, const render_options& options);

/// The first instant after `options.now` at which rendering the same talks again
/// would give other markup: a talk starts or ends (its badge and section change), or
/// a livestream link stops being prominent after `livestream_grace`. A page left
/// open renders again then; none when nothing shown will change.
///
///     auto next = talktime::next_view_change(s, shown, options);  // e.g. the next talk's start
std::optional<sys_seconds> next_view_change(const schedule& s, const std::vector<std::size_t>& order,
                                            const render_options& options);

/// A kind as a talk's badge names it ("Keynote") and as the kind filter lists it
/// ("Keynotes"). Implemented in src/view/kind_labels.cpp.
///
///     talktime::kind_filter_label(talktime::talk_kind::break_time);  // "Breaks"
std::string_view kind_label(talk_kind kind);
std::string_view kind_filter_label(talk_kind kind);

/// "20:30" or "8:30 PM"; in `text`'s digits and markers ("午後8:30"). In src/view/day_format.cpp.
std::string format_clock(local_seconds local, bool hour12);
std::string format_clock(local_seconds local, bool hour12, const render_text& text);
/// "Sunday, 28 March 2021"; in `text`'s pattern and names ("Sonntag, 28. März 2021").
std::string format_day_heading(date::sys_days day);
std::string format_day_heading(date::sys_days day, const render_text& text);
/// Text escaped for HTML element content and double- or single-quoted attributes.
///
///     talktime::escape_html("<b>\"Q&A\"</b>");  // "&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;"
std::string escape_html(std::string_view text);

/// Plain text as HTML paragraphs for static pages: blank lines separate them; each
/// is trimmed, escaped and written as `<p class="css_class">…</p>` and a newline.
///
///     talktime::html_paragraphs("One.\n\nTwo.", "tt-description");
///     // "<p class=\"tt-description\">One.</p>\n<p class=\"tt-description\">Two.</p>\n"
std::string html_paragraphs(std::string_view text, std::string_view css_class);

/// A zone's own label, as the zone picker lists it: the abbreviation ("IST"), or
/// "UTC+3" where the database has no letters for the zone.
std::string zone_label(const zone_offset& offset);

/// Whether the tz database gives `letters` ("CST") more than one UTC offset in the
/// calendar years before, of and after `at`'s (CST: Chicago, Havana, Shanghai).
/// Implemented with the rest of the zone labels in src/view/zone_labels.cpp.
bool letters_name_several_offsets(std::string_view letters, sys_seconds at);

/// The label beside a time in `zone` at `at`, as a visitor reads it
/// (docs/time-zones.md, "Zone labels"): letters that name one offset in the whole
/// tz database ("CEST", "EDT", "JST"); letters with several meanings ("CST", "IST")
/// only for the display zone (`display_zone`), and only when `other`, the other zone
/// on the same line (or nullptr), does not use them for another offset; otherwise
/// the offset ("UTC-6", "UTC+5:30").
///
///     talktime::zone_label_for(*shanghai, t, true, chicago);   // "UTC+8" (Chicago's CST is -6)
///     talktime::zone_label_for(*chicago, t, false, shanghai);  // "UTC-6"
///     talktime::zone_label_for(*berlin, t, false, shanghai);   // "CET"
std::string zone_label_for(const time_zone& zone, sys_seconds at, bool display_zone, const time_zone* other);

/// The place a zone is named after: "Chicago", "Buenos Aires" (for
/// America/Argentina/Buenos_Aires); "" for UTC, Etc/GMT+5 and other zones that name none.
std::string zone_city(const time_zone& zone);

/// A day as the event-time hint names it: "Tue 21 Jan".
std::string format_short_day(date::sys_days day);
std::string format_short_day(date::sys_days day, const render_text& text);

/// A run of days: "3–7 August 2026", "30 July – 3 August 2026",
/// "30 December 2026 – 2 January 2027" (`first` <= `last`).
struct day_range_text {
  std::string first, separator, last;
};
day_range_text format_day_range(date::sys_days first, date::sys_days last);
day_range_text format_day_range(date::sys_days first, date::sys_days last, const render_text& text);

}  // namespace talktime
