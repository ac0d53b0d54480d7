// schema.org structured data (JSON-LD) for the talks a widget shows, so search
// engines can list them as events.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "talktime/feed.hpp"

namespace talktime {

/// A JSON-LD document ({"@context": "https://schema.org", "@graph": [Event…]})
/// for the talks `talks` names, following schema.org and Google's Event guidelines
/// (docs/calendars.md#structured-data-json-ld). Each Event has name, startDate (with
/// the event's own offset; a date alone for date-only talks), endDate when the talk
/// has an end, eventStatus, and where known:
/// - location: a Place only with an address (its own, or for a talk's room without
///   one, the feed location's), a VirtualLocation only with an http(s) url (the livestream,
///   else an online location's url, else the talk's page); a hybrid talk has both;
/// - eventAttendanceMode: online (a livestream link, or a location that is online by
///   its name or url), offline (a location that is not), mixed (both); left out when
///   the feed says nothing about where;
/// - performer (Person with affiliation, url and image: the speaker's photo), image
///   (the speakers' photos), organizer (the feed's), description and url.
/// Breaks are left out.
///     auto ld = talktime::to_json_ld(feed, {0, 1, 2});
///     // {"@context":"https://schema.org","@graph":[{"@type":"Event","name":"…",…}]}
std::string to_json_ld(const feed& f, const std::vector<std::size_t>& talks);

/// Whether the structured data reads a location as online: it has no address, and its
/// name has a word such as "Virtual", "Online" or "Zoom", or its url is on a video-call
/// or streaming service (docs/calendars.md#structured-data-json-ld).
bool is_online_location(const place& p);

}  // namespace talktime
