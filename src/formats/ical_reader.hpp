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

struct unfolded_lines {
  std::vector<numbered_line> lines;
  std::size_t bad_bytes = 0;  ///< bytes that were not UTF-8, replaced by U+FFFD
  int first_bad_line = 0;     ///< the line the first of them is in
};

/// Logical lines: a byte order mark skipped, CRLF or LF endings, continuation
/// lines (leading space or tab) joined, blank lines left out. Bytes that are not
/// UTF-8 are replaced only once folds are undone (a careless writer may fold
/// inside a UTF-8 sequence).
unfolded_lines unfold_lines(std::string_view text);

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
