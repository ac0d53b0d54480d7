// Byte-level passes over feed text that nlohmann_json does not offer: a
// preflight that enforces limits and repairs encoding damage without losing
// the rest of the feed, and a locator from JSON Pointer to line and column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/problem_reporter.hpp"
#include "talktime/diagnostic.hpp"
#include "talktime/feed.hpp"

namespace talktime::detail {

struct preflight_result {
  std::string repaired;          ///< the text to parse when `changed`
  bool changed = false;
  std::vector<diagnostic> warnings;
  std::optional<diagnostic> error;  ///< a limit was hit: the feed fails
};

/// Checks size and nesting limits; replaces malformed UTF-8 and unpaired
/// surrogate escapes with U+FFFD (keeping every line and column where it was).
preflight_result preflight_json(std::string_view text, const feed_limits& limits);

/// The byte offset where the value that `pointer` names starts, if it is in the
/// text (after a byte order mark, which the JSON reader skips too).
std::optional<std::size_t> pointer_offset(std::string_view text, std::string_view pointer);

/// The line and column of that value (a byte order mark is one column of line 1).
std::optional<text_position> locate_pointer(std::string_view text, std::string_view pointer);

}  // namespace talktime::detail
