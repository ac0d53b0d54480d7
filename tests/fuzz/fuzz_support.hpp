// Checks shared by the fuzz targets (see SECURITY.md). A failed check prints
// what broke and aborts, which libFuzzer reports as a crash with the input saved.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/talktime.hpp"

namespace talktime::fuzz {

[[noreturn]] inline void fail(const std::string& what, std::string_view context = {}) {
  std::fprintf(stderr, "\n*** fuzz property violated: %s\n", what.c_str());
  if (!context.empty()) {
    auto shown = context.substr(0, 2000);
    std::fprintf(stderr, "*** context (%zu bytes): %.*s\n", context.size(), int(shown.size()), shown.data());
  }
  std::abort();
}

inline void check(bool ok, const std::string& what, std::string_view context = {}) {
  if (!ok) fail(what, context);
}

/// A diagnostic code: "scope.name", lower case, digits and '_' only.
inline bool is_code(std::string_view code) {
  auto dot = code.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == code.size()) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (i != dot && !((c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

inline bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// The lines of a text ('\n' ends a line; an empty text is one empty line), for
/// checking that a line and column lie inside it.
class text_lines {
 public:
  explicit text_lines(std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || text[i] == '\n') {
        bytes_.push_back(i - start);
        start = i + 1;
      }
  }
  int count() const { return int(bytes_.size()); }
  /// Line `line` (1-based) exists, and `column` is at most one past its end. Columns
  /// count characters; a line's length in bytes bounds them from above.
  bool contains(int line, int column) const {
    return line >= 1 && line <= count() && column >= 1 && std::size_t(column) <= bytes_[std::size_t(line - 1)] + 1;
  }

 private:
  std::vector<std::size_t> bytes_;
};

/// Every diagnostic: a proper code, a message, line and column both set (inside the
/// text) or both 0, and a pointer that is empty or a JSON Pointer.
inline void check_diagnostic(const diagnostic& d, const text_lines& lines) {
  auto shown = d.to_string();
  check(is_code(d.code), "diagnostic without a proper code", shown);
  check(!d.message.empty(), "diagnostic without a message", shown);
  check((d.line == 0) == (d.column == 0), "diagnostic with only one of line and column", shown);
  check(d.line == 0 || lines.contains(d.line, d.column), "diagnostic located outside the text", shown);
  check(d.pointer.empty() || d.pointer[0] == '/', "diagnostic pointer is not a JSON Pointer", shown);
}

// "/talks/12/start" -> 12; -1 when the pointer is not inside a talk.
inline long talk_index_of(std::string_view pointer) {
  constexpr std::string_view prefix = "/talks/";
  if (pointer.substr(0, prefix.size()) != prefix) return -1;
  pointer.remove_prefix(prefix.size());
  auto end = pointer.find('/');
  auto digits = pointer.substr(0, end);
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos) return -1;
  return std::stol(std::string(digits));
}

/// The value a JSON Pointer (RFC 6901) names in `root`, or nullptr when it names
/// none. A malformed pointer ("~" not followed by 0 or 1, an index with a leading
/// zero) names none. Read here, independently of the library's own locator.
template <class Json>
const Json* resolve_pointer(const Json& root, std::string_view pointer) {
  const Json* at = &root;
  while (!pointer.empty()) {
    if (pointer[0] != '/') return nullptr;
    pointer.remove_prefix(1);
    auto slash = pointer.find('/');
    auto raw = pointer.substr(0, slash);
    pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '~') {
        token.push_back(raw[i]);
        continue;
      }
      if (i + 1 >= raw.size() || (raw[i + 1] != '0' && raw[i + 1] != '1')) return nullptr;
      token.push_back(raw[++i] == '0' ? '~' : '/');
    }
    if (at->is_object()) {
      auto it = at->find(token);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array()) {
      if (token.empty() || token.size() > 9 || token.find_first_not_of("0123456789") != std::string::npos ||
          (token.size() > 1 && token[0] == '0'))
        return nullptr;
      auto index = std::stoul(token);
      if (index >= at->size()) return nullptr;
      at = &(*at)[index];
    } else {
      return nullptr;
    }
  }
  return at;
}

/// The scheme a browser would read from `url` ("" for a relative URL), lower case.
/// Leading C0 controls and spaces are skipped and tabs/newlines ignored, as the URL
/// Standard does, so "  java\tscript:" counts as "javascript".
inline std::string browser_scheme(std::string_view url) {
  std::string cleaned;
  for (char c : url)
    if (c != '\t' && c != '\n' && c != '\r') cleaned.push_back(c);
  std::size_t i = 0;
  while (i < cleaned.size() && std::uint8_t(cleaned[i]) <= 0x20) ++i;
  std::string scheme;
  for (; i < cleaned.size(); ++i) {
    char c = cleaned[i];
    if (c == ':') return scheme;
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool later = !scheme.empty() && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
    if (!letter && !later) return {};
    scheme.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : c);
  }
  return {};
}

/// Only absolute http(s) and mailto links (a relative one is resolved against the
/// feed's url or dropped, by the link rule of src/common/url.hpp); never control characters.
/// The problem with `url`, or "" when it has none.
inline std::string url_problem(std::string_view url, std::string_view where) {
  if (url.empty()) return {};
  auto scheme = browser_scheme(url);
  if (scheme.empty()) return std::string(where) + ": a relative URL got through";
  if (!(scheme == "http" || scheme == "https" || scheme == "mailto"))
    return std::string(where) + ": URL with scheme \"" + scheme + "\" got through";
  for (char c : url)
    if (std::uint8_t(c) < 0x20 || c == 0x7F) return std::string(where) + ": URL with a control character";
  return {};
}

inline void check_url(std::string_view url, std::string_view where) {
  auto problem = url_problem(url, where);
  check(problem.empty(), problem, url);
}

/// Every URL a loaded feed carries.
inline void check_feed_urls(const feed& f) {
  check_url(f.url, "feed url");
  check_url(f.location.url, "feed location url");
  for (const auto& s : f.series) check_url(s.url, "series url");
  for (const auto& t : f.talks) {
    check_url(t.location.url, "talk location url");
    for (const auto& l : t.links) check_url(l.url, "talk link");
    for (const auto& sp : t.speakers) {
      check_url(sp.url, "speaker url");
      check_url(sp.photo, "speaker photo");
    }
  }
}

/// The renderer's whole vocabulary: every '<' in its output must open or close one
/// of these elements, with only these attributes. Anything else came from feed text.
inline bool known_element(std::string_view name, bool& is_void) {
  static constexpr std::string_view elements[] = {"section", "h2", "h3", "h4",   "h5",      "time",    "ol",
                                                  "ul",      "li", "article", "p", "a",       "span",    "abbr",
                                                  "sup",     "div", "details", "summary", "img", "br", "button", "del"};
  is_void = name == "img" || name == "br";
  for (auto e : elements)
    if (e == name) return true;
  return false;
}

inline bool known_attribute(std::string_view name) {
  static constexpr std::string_view attributes[] = {
      "class", "id",  "href",    "target",   "rel",  "title",  "datetime", "src",       "alt",
      "width", "height", "loading", "decoding", "aria-labelledby", "aria-hidden", "data-section", "data-day",
      "data-talk-id", "data-kind", "data-status", "data-phase", "data-start", "data-end",
      // the interactive extras (render_options::interactive)
      "type", "aria-pressed", "aria-label", "role", "tabindex"};
  for (auto a : attributes)
    if (a == name) return true;
  return false;
}

/// Length of the character reference at html[i] ('&'), or 0 when it is not one the
/// renderer writes (it escapes exactly & < > " ').
inline std::size_t entity_length(std::string_view html, std::size_t i) {
  for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
    if (html.compare(i, e.size(), e) == 0) return e.size();
  return 0;
}

inline std::string unescape(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size();) {
    if (value[i] == '&') {
      auto n = entity_length(value, i);
      auto e = value.substr(i, n);
      out += e == "&amp;" ? "&" : e == "&lt;" ? "<" : e == "&gt;" ? ">" : e == "&quot;" ? "\"" : "'";
      i += n;
    } else {
      out.push_back(value[i++]);
    }
  }
  return out;
}

/// The renderer's output is well-formed markup made only of its own elements and
/// attributes: feed text can only appear as escaped text or inside quoted attribute
/// values, and links carry only absolute http(s)/mailto URLs. Returns what is
/// wrong with `html` (and where), or "" when nothing is; unit tests call it too.
inline std::string rendered_html_problem(std::string_view html) {
  std::vector<std::string_view> open;
  auto bad = [&](std::size_t at, const std::string& why) {
    auto from = at > 200 ? at - 200 : 0;
    return "rendered HTML: " + why + " at byte " + std::to_string(at) + ": " + std::string(html.substr(from, 400));
  };
  auto is_name_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '&') {
      auto n = entity_length(html, i);
      if (n == 0) return bad(i, "bare '&' in text");
      i += n;
      continue;
    }
    if (c == '>' || c == '"') return bad(i, std::string("unescaped '") + c + "' in text");
    if (c != '<') {
      ++i;
      continue;
    }
    std::size_t at = i++;
    bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    std::size_t name_start = i;
    while (i < html.size() && is_name_char(html[i])) ++i;
    auto name = html.substr(name_start, i - name_start);
    bool is_void = false;
    if (!known_element(name, is_void)) return bad(at, "'<' that starts no element the renderer writes");
    if (closing) {
      if (i >= html.size() || html[i] != '>') return bad(at, "malformed end tag");
      if (open.empty() || open.back() != name) return bad(at, "end tag </" + std::string(name) + "> does not match");
      open.pop_back();
      ++i;
      continue;
    }
    while (true) {
      if (i >= html.size()) return bad(at, "unterminated tag");
      if (html[i] == '>') break;
      if (html[i] != ' ') return bad(i, "unexpected character in a tag");
      ++i;
      std::size_t attr_start = i;
      while (i < html.size() && is_name_char(html[i])) ++i;
      auto attr = html.substr(attr_start, i - attr_start);
      if (!known_attribute(attr)) return bad(attr_start, "attribute \"" + std::string(attr) + "\" the renderer never writes");
      if (html.compare(i, 2, "=\"") != 0) return bad(i, "attribute without a quoted value");
      i += 2;
      std::size_t value_start = i;
      while (i < html.size() && html[i] != '"') {
        if (html[i] == '<' || html[i] == '>') return bad(i, "unescaped '<' or '>' in an attribute value");
        if (html[i] == '&') {
          auto n = entity_length(html, i);
          if (n == 0) return bad(i, "bare '&' in an attribute value");
          i += n;
        } else {
          ++i;
        }
      }
      if (i >= html.size()) return bad(value_start, "unterminated attribute value");
      auto value = unescape(html.substr(value_start, i - value_start));
      ++i;  // closing quote
      // Permalinks ("#talk=<id>") carry the feed's id as it is; a fragment cannot
      // change the scheme, so only the other URLs must be free of control characters.
      if ((attr == "href" && value.rfind("#talk=", 0) != 0) || attr == "src") {
        auto problem = url_problem(value, "rendered " + std::string(attr));
        if (!problem.empty()) return bad(value_start, problem);
      }
    }
    ++i;  // '>'
    if (!is_void) open.push_back(name);
  }
  if (!open.empty()) return bad(html.size(), "<" + std::string(open.back()) + "> is never closed");
  return {};
}

inline void check_rendered_html(std::string_view html) {
  auto problem = rendered_html_problem(html);
  check(problem.empty(), problem);
}

/// Reads little-endian integers from a byte string; missing bytes read as zero.
class byte_reader {
 public:
  explicit byte_reader(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t take(int count) {
    std::uint64_t v = 0;
    for (int k = 0; k < count; ++k) {
      std::uint64_t b = pos_ < bytes_.size() ? std::uint8_t(bytes_[pos_]) : 0;
      ++pos_;
      v |= b << (8 * k);
    }
    return v;
  }
  std::string_view rest() const { return pos_ < bytes_.size() ? bytes_.substr(pos_) : std::string_view{}; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

/// CPU seconds that `work` takes (this process's, so other processes on a busy
/// machine do not count).
inline double cpu_seconds(const std::function<void()>& work) {
  timespec start{}, end{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
  work();
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end);
  return double(end.tv_sec - start.tv_sec) + double(end.tv_nsec - start.tv_nsec) * 1e-9;
}

/// The linear-time property (issue 15, SECURITY.md): `work` on an input of n bytes
/// takes at most max_ratio times what it takes per byte on a typical input, times n,
/// plus a floor. The typical cost is measured once (the least of three runs) on
/// `typical(reference_bytes)`, a realistic input the target makes, so the bound
/// follows the build (ASan or not) and the machine. Quadratic work fails it by far
/// on the hostile shapes scripts/fuzz.sh and ctest replay (tests/fuzz/hostile_shapes.py,
/// about 1 MB each); small inputs are not timed, their cost is below the clock's
/// noise. A slow input is timed twice more and its least time counts.
class linear_time_bound {
 public:
  static constexpr double max_ratio = 25.0;
  static constexpr double floor_seconds = 0.05;
  static constexpr std::size_t min_bytes = 32u << 10;
  static constexpr std::size_t reference_bytes = 256u << 10;

  using work_t = std::function<void(std::string_view)>;
  linear_time_bound(const std::function<std::string(std::size_t)>& typical, work_t work) : work_(std::move(work)) {
    auto reference = typical(reference_bytes);
    double least = 1e9;
    for (int run = 0; run < 3; ++run) least = std::min(least, time(reference));
    per_byte_ = least / double(reference.size());
  }

  void check(std::string_view input) const {
    if (input.size() < min_bytes) return;
    double limit = max_ratio * per_byte_ * double(input.size()) + floor_seconds;
    double least = time(input);
    for (int retry = 0; retry < 2 && least > limit; ++retry) least = std::min(least, time(input));
    if (least > limit)
      fail("work grows faster than linearly: " + std::to_string(least) + " s of CPU for " + std::to_string(input.size()) +
               " bytes, over the bound of " + std::to_string(limit) + " s (" + std::to_string(max_ratio) +
               " times a typical input's cost per byte)",
           input);
  }

 private:
  double time(std::string_view input) const { return cpu_seconds([&] { work_(input); }); }
  work_t work_;
  double per_byte_ = 0;
};

}  // namespace talktime::fuzz