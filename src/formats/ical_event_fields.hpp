// The descriptive properties of an iCalendar VEVENT as talktime talk fields
// (DURATION, DESCRIPTION, LOCATION, STATUS, CATEGORIES, URL, CONFERENCE). Used by
// import_ical.cpp for each event and each occurrence of a recurring one.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/ical_reader.hpp"

namespace talktime::detail {

/// Records that the value at a JSON Pointer of the generated feed came from a line.
using origin_recorder = std::function<void(const std::string& pointer, int line)>;

/// DURATION -> duration, DESCRIPTION -> abstract, LOCATION (ALTREP) -> location,
/// STATUS -> status, every CATEGORIES line -> tags, URL -> links.website,
/// CONFERENCE -> links.livestream; into talk `t` at pointer `at`.
void read_event_fields(const std::vector<content_line>& props, const std::string& at, nlohmann::ordered_json& t,
                       const origin_recorder& origin);

}  // namespace talktime::detail
