// C3VOC's schedule2 (https://c3voc.de/schema/schedule2): the conference's days
// hold only dates, and every event is in one list, schedule.events[], with its own
// start and end as date-times, its room as {name, guid} and its speakers as
// participants[] whose details are in schedule.persons[] (frab_event.cpp reads both
// layouts' events).
#include "formats/frab_readers.hpp"

namespace talktime::detail {

void read_schedule2(const json& schedule, const json& conference, const json& events, frab_converter& c) {
  const std::string at_events = "/schedule/events";
  json feed = c.feed_header(schedule, conference);
  json talks = json::array();
  for (std::size_t k = 0; k < events.size() && !c.spent(); ++k)
    c.add_event(events[k], {}, at_events + "/" + std::to_string(k), talks);
  c.finish(std::move(feed), std::move(talks), at_events);
}

}  // namespace talktime::detail
