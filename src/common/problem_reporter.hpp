// Problems as diagnostics, the one way every reader reports them (the feed
// parser, both importers): located in the text as given (a UTF-8 byte order mark
// included), and within a budget: the first max_listed are listed, the rest only
// counted, so a hostile input with millions of bad values costs neither time nor
// gigabytes of diagnostics. Listed problems are located together when the reader
// finishes: one walk finds every pointer, one more turns offsets into lines and
// columns, so a hundred problems at the end of a large feed cost two passes, not
// two hundred.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/diagnostic.hpp"

namespace talktime::detail {

/// A UTF-8 byte order mark, which readers skip.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// `text` without a leading byte order mark.
std::string_view skip_bom(std::string_view text);

struct text_position {
  int line = 1, column = 1;  // 1-based; columns count code points
};

/// The line and column of byte `offset` in `text`. A byte order mark is a
/// character like any other: one column of line 1.
text_position position_at(std::string_view text, std::size_t offset);

/// The positions of many offsets, in one pass over the text.
std::vector<text_position> positions_at(std::string_view text, const std::vector<std::size_t>& offsets);

/// Where the values pointers name start in `text`, found together (the feed
/// layer's JSON Pointer locator); nullopt for one that is not there.
using pointer_locator = std::vector<std::optional<std::size_t>> (*)(std::string_view text,
                                                                    const std::vector<std::string>& pointers);

/// Gives diagnostics `which` (indexes into `diagnostics`) the line and column of
/// the value their pointer names in `text`, all found in one call to `locate`
/// and one pass over the text; one whose pointer is not there is left as it is.
void locate_diagnostics(std::vector<diagnostic>& diagnostics, const std::vector<std::size_t>& which,
                        std::string_view text, pointer_locator locate);

class problem_reporter {
 public:
  static constexpr std::size_t max_listed = 100;

  /// Problems about `text` go to `out`; the count of unlisted ones is named
  /// "<code_prefix>.too_many_problems".
  problem_reporter(std::string_view text, std::string code_prefix, std::vector<diagnostic>& out,
                   pointer_locator locate = nullptr)
      : text_(text), prefix_(std::move(code_prefix)), out_(out), locate_(locate) {}

  /// A problem at a JSON Pointer, located through the locator by finish().
  void report(severity level, std::string code, std::string pointer, std::string message);
  void error(std::string code, std::string pointer, std::string message) {
    report(severity::error, std::move(code), std::move(pointer), std::move(message));
  }
  void warn(std::string code, std::string pointer, std::string message) {
    report(severity::warning, std::move(code), std::move(pointer), std::move(message));
  }
  /// A problem on a line of the text (0: the whole text), at its first column.
  void report_line(severity level, std::string code, int line, std::string message);

  /// Makes sure the next problem is listed (the one that says why everything failed).
  void keep_room_for_one();

  /// Locates the listed problems, and appends "[<prefix>.too_many_problems]: N
  /// more problems (M of them errors) were found but are not listed" when any
  /// problem was only counted; an error when any of those was. Call it once, on
  /// every path out of the reader.
  void finish();

  std::string_view text() const { return text_; }

 private:
  bool admit(severity level);

  std::string_view text_;
  std::string prefix_;
  std::vector<diagnostic>& out_;
  pointer_locator locate_;
  std::vector<std::size_t> unlocated_;  // indexes in out_ of problems at a pointer
  std::size_t listed_ = 0, unlisted_ = 0, unlisted_errors_ = 0;
};

}  // namespace talktime::detail
