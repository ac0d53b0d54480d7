// schema.org structured data (JSON-LD) for the talks a widget shows, so search
// engines can list them as events.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "talktime/feed.hpp"

namespace talktime {

/// A JSON-LD document ({"@context": "https://schema.org", "@graph": [Event…]})
/// for the talks `talks` names. Each Event has name, startDate (with the event's
/// own offset; a date alone for date-only talks), endDate, eventStatus,
/// eventAttendanceMode (online with a livestream link, offline with a place,
/// mixed with both), location (Place and/or VirtualLocation), performer
/// (Person with affiliation), description and url. Breaks are left out.
///
///     auto ld = talktime::to_json_ld(feed, {0, 1, 2});
///     // {"@context":"https://schema.org","@graph":[{"@type":"Event","name":"…",…}]}
std::string to_json_ld(const feed& f, const std::vector<std::size_t>& talks);

}  // namespace talktime
