// Reading iCalendar (RFC 5545) text: physical lines unfolded into content lines,
// each split into its name, parameters and value. Used by the iCalendar importer
// (import_ical.cpp), which gives the properties their meaning; TEXT escapes are
// in ics_text.hpp, shared with the writer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace talktime::detail {

/// A logical line and the physical line it starts on (1-based).
struct numbered_line {
  int number = 0;
  std::string text;
};

/// The logical lines of a text, read one at a time so that only the current
/// line is held, however long the file: a byte order mark skipped, CRLF or LF
/// endings, continuation lines (leading space or tab) joined, blank lines left
/// out. Once folds are undone (a careless writer may fold inside a UTF-8
/// sequence), bytes that are not UTF-8 become U+FFFD and control characters
/// other than tab, which RFC 5545 does not allow in a value, are removed.
class logical_lines {
 public:
  explicit logical_lines(std::string_view text);

  /// The next logical line into `line`; false at the end of the text.
  bool next(numbered_line& line);

  std::size_t bad_bytes() const { return bad_bytes_; }  ///< replaced by U+FFFD so far
  int first_bad_line() const { return first_bad_line_; }  ///< the line the first of them is in
  std::size_t controls() const { return controls_; }      ///< control characters removed so far
  int first_control_line() const { return first_control_line_; }

 private:
  std::string_view physical();  // the next physical line, its ending removed
  bool at_continuation() const;
  void clean(numbered_line& line);

  std::string_view text_;
  std::size_t pos_ = 0;
  int number_ = 0;
  std::size_t bad_bytes_ = 0, controls_ = 0;
  int first_bad_line_ = 0, first_control_line_ = 0;
};

struct content_line {
  int line = 0;  // physical line it starts on, 1-based
  std::string name;  // upper case
  std::vector<std::pair<std::string, std::string>> params;  // name upper case, value unquoted
  std::string value;

  /// The value of parameter `key` (upper case), or nullptr.
  const std::string* param(std::string_view key) const;
};

/// Splits "NAME;P=V;Q=\"a:b\":value" into `out` (name and parameter names upper
/// case, parameter values unquoted). False when there is no name or no ':'.
bool split_content_line(const std::string& text, content_line& out);

}  // namespace talktime::detail
