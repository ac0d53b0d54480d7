// Text as HTML for the renderer's callers: escaping, and plain text as paragraphs.
#include "talktime/html_renderer.hpp"

#include "common/text.hpp"

namespace talktime {

using detail::append_html_escaped;

std::string escape_html(std::string_view text) {
  std::string out;
  append_html_escaped(out, text);
  return out;
}

std::string html_paragraphs(std::string_view text, std::string_view css_class) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto gap = text.find("\n\n", start);
    auto para = detail::trim(text.substr(start, gap == std::string_view::npos ? std::string_view::npos : gap - start));
    if (!para.empty()) {
      out += "<p class=\"";
      append_html_escaped(out, css_class);
      out += "\">";
      append_html_escaped(out, para);
      out += "</p>\n";
    }
    if (gap == std::string_view::npos) break;
    start = gap + 2;
  }
  return out;
}

}  // namespace talktime
