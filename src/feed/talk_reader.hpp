// One talk of a feed: an item of "talks" read and checked (docs/feed-format.md,
// "Talks"): id, title, zone, times, kind, status, people, text, tags and links.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>

#include "feed/feed_reader.hpp"

namespace talktime::detail {

// Reads the talks of one feed, whose zone and series were read before.
//   talk_reader reader(r, f);
//   root_of(tape).find("talks").for_each_element([&](json_value v) { if (auto t = reader.read(v, i++)) ... });
class talk_reader {
 public:
  talk_reader(feed_reader& reader, const feed& f);
  ~talk_reader();
  /// The talk at /talks/<index>; nullopt (its errors reported) when it must be skipped.
  std::optional<talk> read(json_value value, std::size_t index);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace talktime::detail
