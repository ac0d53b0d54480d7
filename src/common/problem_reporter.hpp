// Problems as diagnostics, the one way every reader reports them (the feed
// parser, both importers): located in the text as given (a UTF-8 byte order mark
// included), and within a budget: the first max_listed are listed (each is
// located by a walk over the text), the rest only counted, so a hostile input with
// millions of bad values costs neither quadratic time nor gigabytes of diagnostics.
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

class problem_reporter {
 public:
  static constexpr std::size_t max_listed = 100;

  /// Where the value a pointer names starts in `text` (the feed layer's JSON
  /// Pointer locator); nullopt when it is not there.
  using pointer_locator = std::optional<std::size_t> (*)(std::string_view text, std::string_view pointer);

  /// Problems about `text` go to `out`; the count of unlisted ones is named
  /// "<code_prefix>.too_many_problems".
  problem_reporter(std::string_view text, std::string code_prefix, std::vector<diagnostic>& out,
                   pointer_locator locate = nullptr)
      : text_(text), prefix_(std::move(code_prefix)), out_(out), locate_(locate) {}

  /// A problem at a JSON Pointer, located through the locator.
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

  /// Appends "[<prefix>.too_many_problems]: N more problems (M of them errors) were
  /// found but are not listed" when any problem was only counted; an error when any
  /// of those was.
  void finish();

  std::string_view text() const { return text_; }

 private:
  bool admit(severity level);

  std::string_view text_;
  std::string prefix_;
  std::vector<diagnostic>& out_;
  pointer_locator locate_;
  std::size_t listed_ = 0, unlisted_ = 0, unlisted_errors_ = 0;
};

}  // namespace talktime::detail
