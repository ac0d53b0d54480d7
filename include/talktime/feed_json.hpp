// Feeds written back as talktime v1 JSON.
#pragma once

#include <string>

#include "talktime/feed.hpp"

namespace talktime {

/// A feed as talktime v1 JSON (two-space indent, UTF-8, final newline). Timed
/// talks are written as local times in their zone (with the offset only where a
/// local time is ambiguous), or in UTC with "Z" when they have no zone; every
/// talk gets its id. Parsing the result gives the same feed.
std::string to_feed_json(const feed& f);

}  // namespace talktime
