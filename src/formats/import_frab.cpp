// frab / pretalx / C3VOC schedule.json -> talktime v1 JSON (importers.hpp). The
// schedule's layout picks the reader: events in schedule.events[] (C3VOC's
// schedule2, import_schedule2.cpp), else in conference.days[].rooms (frab and
// pretalx, read here). Both convert events with frab_converter.
#include "common/text.hpp"
#include "feed/json_document.hpp"
#include "formats/frab_converter.hpp"
#include "formats/frab_readers.hpp"
#include "talktime/importers.hpp"

namespace talktime {
namespace detail {
namespace {

// The conference's "days" array; nullptr (with the error reported) when the schedule has none.
const json* conference_days(const json& conference, frab_converter& c) {
  const json* days = frab_member(conference, "days");
  if (!days || !days->is_array()) {
    c.error("frab.no_days", days ? "/schedule/conference/days" : "/schedule/conference", "the conference has no \"days\" array");
    return nullptr;
  }
  return days;
}

// The events of one day's rooms, appended to `talks` until the budget is spent.
void read_day(const json& day, const std::string& at_day, frab_converter& c, json& talks) {
  const json* rooms = frab_member(day, "rooms");
  if (!rooms) return;
  if (!rooms->is_object()) {
    c.warn("frab.bad_field", at_day + "/rooms", "\"rooms\" should be an object of room name: events; ignored");
    return;
  }
  for (const auto& [room, events] : rooms->items()) {
    if (c.spent()) return;
    std::string at_room = at_day + "/rooms/" + escape_pointer_token(room);
    if (!events.is_array()) {
      c.warn("frab.bad_field", at_room, "room " + quote_for_message(room) + " should hold an array of events; ignored");
      continue;
    }
    for (std::size_t k = 0; k < events.size() && !c.spent(); ++k)
      c.add_event(events[k], {&day, room}, at_room + "/" + std::to_string(k), talks);
  }
}

}  // namespace

void read_frab_days(const json& schedule, const json& conference, frab_converter& c) {
  const json* days = conference_days(conference, c);
  if (!days) return;
  const std::string at_days = "/schedule/conference/days";
  json feed = c.feed_header(schedule, conference);
  json talks = json::array();
  for (std::size_t d = 0; d < days->size() && !c.spent(); ++d) read_day((*days)[d], at_days + "/" + std::to_string(d), c, talks);
  // Days whose rooms list nothing: a schedule2 export read as frab, or a schedule not yet filled in.
  if (!days->empty() && c.events_seen() == 0) {
    c.error("frab.no_events", at_days,
            "the conference has " + std::to_string(days->size()) + (days->size() == 1 ? " day" : " days") +
                " but no events: neither in the days' \"rooms\" nor in \"schedule\": {\"events\": [...]}");
    return;
  }
  c.finish(std::move(feed), std::move(talks), at_days);
}

}  // namespace detail

import_result import_frab(std::string_view text, const feed_limits& limits) {
  using detail::frab_member;
  import_result result;
  detail::json_document doc;
  if (!detail::parse_json_document(text, limits, "frab", doc, result.diagnostics)) return result;
  detail::frab_converter converter(doc.text, limits, result);
  const detail::json& root = doc.root;
  const detail::json* schedule = frab_member(root, "schedule");
  const detail::json* conference = schedule ? frab_member(*schedule, "conference") : nullptr;
  if (!root.is_object() || !schedule || !schedule->is_object()) {
    converter.error("frab.not_schedule", "", "a frab schedule.json is a JSON object with a \"schedule\" object");
  } else if (!conference || !conference->is_object()) {
    converter.error("frab.no_conference", "/schedule", "the schedule has no \"conference\" object");
  } else if (const detail::json* events = frab_member(*schedule, "events"); events && events->is_array()) {
    detail::read_schedule2(*schedule, *conference, *events, converter);
  } else {
    detail::read_frab_days(*schedule, *conference, converter);
  }
  converter.finish_problems();
  return result;
}

}  // namespace talktime
