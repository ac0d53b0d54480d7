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

/// The byte offsets where the values that `pointers` name start (nullopt for one
/// that is not in the text), found in one walk over the text, however many there
/// are. A byte order mark is skipped, as the JSON reader skips it.
std::vector<std::optional<std::size_t>> pointer_offsets(std::string_view text, const std::vector<std::string>& pointers);

/// The byte offset of one pointer's value (one walk: for many, pointer_offsets).
std::optional<std::size_t> pointer_offset(std::string_view text, std::string_view pointer);

/// The line and column of that value (a byte order mark is one column of line 1).
std::optional<text_position> locate_pointer(std::string_view text, std::string_view pointer);

}  // namespace talktime::detail
