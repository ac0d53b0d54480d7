#include "common/problem_reporter.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace talktime::detail {

std::string_view skip_bom(std::string_view text) {
  return text.substr(0, utf8_bom.size()) == utf8_bom ? text.substr(utf8_bom.size()) : text;
}

text_position position_at(std::string_view text, std::size_t offset) {
  text_position p;
  for (std::size_t i = 0; i < offset && i < text.size();) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
      ++i;
      continue;
    }
    char32_t c;
    auto n = decode_utf8(text, i, c);
    ++p.column;  // one column per character; a malformed byte counts as one
    i += n == 0 ? 1 : n;
  }
  return p;
}

bool problem_reporter::admit(severity level) {
  if (listed_ < max_listed) {
    ++listed_;
    return true;
  }
  ++unlisted_;
  unlisted_errors_ += level == severity::error;
  return false;
}

void problem_reporter::report(severity level, std::string code, std::string pointer, std::string message) {
  if (!admit(level)) return;
  diagnostic d;
  d.level = level;
  d.code = std::move(code);
  d.pointer = std::move(pointer);
  d.message = std::move(message);
  if (auto offset = locate_ ? locate_(text_, d.pointer) : std::nullopt) {
    auto at = position_at(text_, *offset);
    d.line = at.line;
    d.column = at.column;
  }
  out_.push_back(std::move(d));
}

void problem_reporter::report_line(severity level, std::string code, int line, std::string message) {
  if (!admit(level)) return;
  diagnostic d;
  d.level = level;
  d.code = std::move(code);
  d.line = line;
  d.column = line > 0 ? 1 : 0;
  d.message = std::move(message);
  out_.push_back(std::move(d));
}

void problem_reporter::keep_room_for_one() { listed_ = std::min(listed_, max_listed - 1); }

void problem_reporter::finish() {
  if (unlisted_ == 0) return;
  diagnostic d;
  d.level = unlisted_errors_ > 0 ? severity::error : severity::warning;
  d.code = prefix_ + ".too_many_problems";
  d.message = std::to_string(unlisted_) + " more problems (" + std::to_string(unlisted_errors_) +
              " of them errors) were found but are not listed";
  out_.push_back(std::move(d));
}

}  // namespace talktime::detail
