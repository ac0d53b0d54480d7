// Diagnostics: every problem talktime finds in a feed, as a value with a
// stable code, a location and a message that carries the offending value.
#pragma once

#include <string>
#include <vector>

namespace talktime {

enum class severity { error, warning };

/// One problem found in a feed.
///
///     [talk.bad_start] /talks/3/start (line 41, column 16): invalid date "2024-02-30"
///
/// `code` is stable across releases (documented in docs/feed-format.md);
/// `pointer` is a JSON Pointer into the feed ("" for the whole feed);
/// `line`/`column` are 1-based positions in the feed text (0 when unknown).
struct diagnostic {
  severity level = severity::error;
  std::string code;
  std::string pointer;
  int line = 0;
  int column = 0;
  std::string message;
  /// The input it is about when several are read together (merge_feeds: the
  /// feed_source's name, with `pointer` into that feed as parsed); "" otherwise.
  std::string source;

  /// "[code] pointer (line L, column C): message", parts left out when empty.
  std::string to_string() const;
};

/// True when any diagnostic is an error.
bool has_errors(const std::vector<diagnostic>& diagnostics);

}  // namespace talktime
