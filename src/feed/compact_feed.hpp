// The compact form of a parsed feed: the feed model and its diagnostics as bytes,
// so a feed read and validated in one WebAssembly instance (a Web Worker) is loaded
// into another (the page's) without reading or validating the text again, and in
// pieces short enough for the page to stay responsive between them.
//
// Layout: "TTC1", then the head (feed fields, series, diagnostics, talk count) and
// each talk as a part of its own; every part is a 32-bit little-endian length and
// that many bytes. Integers inside a part are LEB128 varints (signed: zigzag),
// strings a varint length and their bytes, a time zone its canonical name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "talktime/diagnostic.hpp"
#include "talktime/feed.hpp"

namespace talktime::compact {

/// The compact form of a feed and the diagnostics reading it gave.
///
///     auto bytes = talktime::compact::write(*parsed.feed, parsed.diagnostics);
std::string write(const feed& f, const std::vector<diagnostic>& diagnostics);

/// Reads a compact form given in any pieces, in order.
///
///     talktime::compact::reader r;
///     std::size_t used = r.take(first_bytes);  // the whole parts among them
///     // … take(the rest, from byte `used` on) until complete() or failed()
class reader {
 public:
  /// Reads every whole part at the start of `bytes` and says how many bytes those
  /// were; the caller passes the bytes after them (and more) next time. 0 when no
  /// part is whole yet, or once failed() or complete().
  std::size_t take(std::string_view bytes);
  /// The bytes are not a compact feed (wrong magic, a truncated or bad part, an
  /// unknown zone): nothing read is to be used.
  bool failed() const { return failed_; }
  /// The head and every talk have been read.
  bool complete() const { return head_read_ && f_.talks.size() == talk_count_; }
  /// The talks read so far, and how many the head announced.
  std::size_t talks_read() const { return f_.talks.size(); }
  std::size_t talk_count() const { return talk_count_; }

  feed& model() { return f_; }
  std::vector<diagnostic>& diagnostics() { return diagnostics_; }

 private:
  bool read_part(std::string_view part);
  const time_zone* zone_named(std::string_view name);

  feed f_;
  std::vector<diagnostic> diagnostics_;
  std::size_t talk_count_ = 0;
  bool magic_read_ = false, head_read_ = false, failed_ = false;
  std::unordered_map<std::string, const time_zone*> zones_;
};

/// A whole compact form read at once: the feed and its diagnostics, or nullopt when
/// the bytes are not a complete compact feed.
struct read_result {
  feed model;
  std::vector<diagnostic> diagnostics;
};
std::optional<read_result> read(std::string_view bytes);

}  // namespace talktime::compact
