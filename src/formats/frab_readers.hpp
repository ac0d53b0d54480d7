// The two layouts of a schedule.json (import_frab.cpp picks one): each reads its
// events into the converter and finishes it, or reports why the schedule fails.
#pragma once

#include "feed/json_document.hpp"
#include "formats/frab_converter.hpp"

namespace talktime::detail {

/// frab and pretalx: events in schedule.conference.days[].rooms {room name: [event, …]}.
void read_frab_days(const json& schedule, const json& conference, frab_converter& c);

/// C3VOC schedule2: events in schedule.events[], the days only dates (import_schedule2.cpp).
void read_schedule2(const json& schedule, const json& conference, const json& events, frab_converter& c);

}  // namespace talktime::detail
