#include "common/problem_reporter.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace talktime::detail {

std::string_view skip_bom(std::string_view text) {
  return text.substr(0, utf8_bom.size()) == utf8_bom ? text.substr(utf8_bom.size()) : text;
}

text_position position_at(std::string_view text, std::size_t offset) { return positions_at(text, {offset}).front(); }

std::vector<text_position> positions_at(std::string_view text, const std::vector<std::size_t>& offsets) {
  std::vector<std::size_t> order(offsets.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
  std::vector<text_position> positions(offsets.size());
  text_position p;
  std::size_t i = 0;
  for (auto k : order) {
    for (; i < offsets[k] && i < text.size();) {
      if (text[i] == '\n') {
        ++p.line;
        p.column = 1;
        ++i;
        continue;
      }
      char32_t c;
      auto n = decode_utf8(text, i, c);
      ++p.column;
      i += n == 0 ? 1 : n;
    }
    positions[k] = p;
  }
  return positions;
}

void locate_diagnostics(std::vector<diagnostic>& diagnostics, const std::vector<std::size_t>& which,
                        std::string_view text, pointer_locator locate) {
  if (which.empty()) return;
  std::vector<std::string> pointers;
  for (auto k : which) pointers.push_back(diagnostics[k].pointer);
  auto offsets = locate(text, pointers);
  std::vector<std::size_t> found, found_at;
  for (std::size_t i = 0; i < which.size(); ++i)
    if (offsets[i]) {
      found.push_back(which[i]);
      found_at.push_back(*offsets[i]);
    }
  auto positions = positions_at(text, found_at);
  for (std::size_t i = 0; i < found.size(); ++i) {
    diagnostics[found[i]].line = positions[i].line;
    diagnostics[found[i]].column = positions[i].column;
  }
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
  if (locate_) unlocated_.push_back(out_.size());
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
  if (locate_) locate_diagnostics(out_, unlocated_, text_, locate_);
  unlocated_.clear();
  if (unlisted_ == 0) return;
  diagnostic d;
  d.level = unlisted_errors_ > 0 ? severity::error : severity::warning;
  d.code = prefix_ + ".too_many_problems";
  d.message = std::to_string(unlisted_) + " more problems (" + std::to_string(unlisted_errors_) +
              " of them errors) were found but are not listed";
  out_.push_back(std::move(d));
}

}  // namespace talktime::detail
