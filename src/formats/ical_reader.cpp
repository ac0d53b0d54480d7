#include "formats/ical_reader.hpp"

#include "common/problem_reporter.hpp"
#include "common/text.hpp"

namespace talktime::detail {
namespace {

// Replaces bytes that are not UTF-8 with U+FFFD; how many there were.
std::size_t repair_utf8(std::string& text) {
  std::string repaired;
  std::size_t bad = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c;
    auto n = decode_utf8(text, i, c);
    if (n == 0) {
      ++bad;
      repaired += "\uFFFD";
      ++i;
    } else {
      repaired.append(text, i, n);
      i += n;
    }
  }
  if (bad > 0) text = std::move(repaired);
  return bad;
}

bool is_name_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// One parameter value at `i`: a list ("a,b") whose items may be quoted, kept as
// written with the quotes removed. False for an unclosed quote.
bool read_param_value(const std::string& text, std::size_t& i, std::string& value) {
  while (true) {
    if (i < text.size() && text[i] == '"') {
      auto close = text.find('"', i + 1);
      if (close == std::string::npos) return false;
      value.append(text, i + 1, close - i - 1);
      i = close + 1;
    } else {
      while (i < text.size() && text[i] != ';' && text[i] != ':' && text[i] != ',') value.push_back(text[i++]);
    }
    if (i >= text.size() || text[i] != ',') return true;
    value.push_back(',');
    ++i;
  }
}

}  // namespace

unfolded_lines unfold_lines(std::string_view text) {
  unfolded_lines out;
  std::size_t pos = text.size() - skip_bom(text).size();
  int number = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    auto physical = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    ++number;
    if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
    if (!physical.empty() && (physical.front() == ' ' || physical.front() == '\t') && !out.lines.empty()) {
      out.lines.back().text.append(physical.substr(1));
      continue;
    }
    if (trim(physical).empty()) continue;
    out.lines.push_back({number, std::string(physical)});
  }
  for (auto& line : out.lines) {
    auto n = repair_utf8(line.text);
    if (n > 0 && out.bad_bytes == 0) out.first_bad_line = line.number;
    out.bad_bytes += n;
  }
  return out;
}

const std::string* content_line::param(std::string_view key) const {
  for (const auto& [k, v] : params)
    if (k == key) return &v;
  return nullptr;
}

bool split_content_line(const std::string& text, content_line& out) {
  std::size_t i = 0;
  while (i < text.size() && is_name_char(text[i])) ++i;
  if (i == 0) return false;
  out.name = ascii_upper(text.substr(0, i));
  while (i < text.size() && text[i] == ';') {
    std::size_t start = ++i;
    while (i < text.size() && is_name_char(text[i])) ++i;
    std::string key = ascii_upper(text.substr(start, i - start));
    if (key.empty() || i >= text.size() || text[i] != '=') return false;
    std::string value;
    if (!read_param_value(text, ++i, value)) return false;
    out.params.emplace_back(std::move(key), std::move(value));
  }
  if (i >= text.size() || text[i] != ':') return false;
  out.value = text.substr(i + 1);
  return true;
}

}  // namespace talktime::detail
