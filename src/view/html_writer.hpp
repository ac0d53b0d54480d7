// The renderer's markup writer and the moments it writes: shared by the files of
// src/view/ that write parts of a talk. Everything from the feed passes through
// `text()` or `attr()` (HTML escaping).
#pragma once

#include <string>
#include <string_view>

#include "common/text.hpp"
#include "talktime/html_renderer.hpp"
#include "time/time_text.hpp"

namespace talktime::view {

using detail::append_html_escaped;

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
  // `skip_tab`: out of the tab order (tabindex="-1"), for the items of a toolbar after its first.
  html_writer& link(std::string_view url, std::string_view label, std::string_view css_class, bool skip_tab = false) {
    raw("<a").attr("href", url);
    if (!css_class.empty()) attr("class", css_class);
    if (skip_tab) raw(" tabindex=\"-1\"");
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

inline moment at(const time_zone& zone, sys_seconds t) {
  auto offset = zone.offset_at(t);
  return {local_seconds{t.time_since_epoch() + offset.utc_offset}, offset};
}

inline date::sys_days day_of(local_seconds t) { return date::floor<date::days>(sys_seconds{t.time_since_epoch()}); }

inline void write_time(html_writer& w, const moment& m, bool hour12, const render_text& text) {
  w.raw("<time").attr("datetime", detail::format_iso_local(m.local, std::int32_t(m.offset.utc_offset.count())))
      .raw(">").text(format_clock(m.local, hour12, text)).raw("</time>");
}

}  // namespace talktime::view
