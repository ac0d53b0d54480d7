// Several feeds merged into one widget.
#pragma once

#include <string>
#include <vector>

#include "talktime/feed.hpp"

namespace talktime {

/// One feed to merge, and the name diagnostics call it by (a file name or URL).
struct feed_source {
  std::string name;
  talktime::feed feed;
};

/// Several feeds as one.
///
/// - Talks keep their series. The series of every feed are declared in the
///   merged feed; a feed that declares none gets one, titled with the feed's
///   title (else its name's base name: "talks" for "/home/me/talks.json", so an
///   export never publishes a local path), for all its talks.
/// - A talk or series id already taken by an earlier feed gets a prefix made
///   from its feed's name ("workshop-opening"); only colliding ids change, each
///   with a `merge.renamed_id` / `merge.renamed_series` warning naming the feed
///   (its `source` is the feed's name, its `pointer` the talk or series in that
///   feed as parsed: locate_feed_pointers finds it in the feed's text).
/// - A talk without a location gets its feed's location (unless all feeds share one).
/// - title: `title` if given, else the titles joined with " · "; url and
///   timezone: the feeds' own when they all agree (else none).
///
///     auto merged = talktime::merge_feeds({{"a.json", std::move(a)}, {"b.json", std::move(b)}});
parse_result merge_feeds(std::vector<feed_source> sources, const std::string& title = {});

}  // namespace talktime
