#include "formats/ical_reader.hpp"

#include "common/problem_reporter.hpp"
#include "common/text.hpp"

namespace talktime::detail {
namespace {

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

logical_lines::logical_lines(std::string_view text) : text_(text), pos_(text.size() - skip_bom(text).size()) {}

std::string_view logical_lines::physical() {
  auto end = text_.find('\n', pos_);
  auto line = text_.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
  pos_ = end == std::string_view::npos ? text_.size() : end + 1;
  ++number_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool logical_lines::at_continuation() const {
  return pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t');
}

bool logical_lines::next(numbered_line& line) {
  while (pos_ < text_.size()) {
    auto first = physical();
    if (trim(first).empty()) continue;
    line.number = number_;
    line.text.assign(first);
    // Continuations join; blank lines between them are left out, as everywhere.
    while (pos_ < text_.size()) {
      if (at_continuation()) {
        line.text.append(physical().substr(1));
      } else {
        auto saved = pos_;
        auto saved_number = number_;
        if (!trim(physical()).empty()) {
          pos_ = saved;
          number_ = saved_number;
          break;
        }
      }
    }
    clean(line);
    return true;
  }
  return false;
}

// U+FFFD for each byte that is not UTF-8; control characters other than tab removed.
void logical_lines::clean(numbered_line& line) {
  std::string cleaned;
  std::size_t bad = 0, controls = 0;
  const auto& text = line.text;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c;
    auto n = decode_utf8(text, i, c);
    if (n == 0) {
      ++bad;
      cleaned += "\uFFFD";
      ++i;
      continue;
    }
    if ((c < 0x20 && c != '\t') || c == 0x7F) ++controls;
    else cleaned.append(text, i, n);
    i += n;
  }
  if (bad == 0 && controls == 0) return;
  line.text = std::move(cleaned);
  if (bad > 0 && bad_bytes_ == 0) first_bad_line_ = line.number;
  if (controls > 0 && controls_ == 0) first_control_line_ = line.number;
  bad_bytes_ += bad;
  controls_ += controls;
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
