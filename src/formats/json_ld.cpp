// schema.org Event JSON-LD for talks.
#include <nlohmann/json.hpp>

#include "talktime/calendar.hpp"
#include "talktime/json_ld.hpp"
#include "time/time_text.hpp"

namespace talktime {
namespace {

using json = nlohmann::ordered_json;

// The event's own wall-clock time with its offset, or UTC when it has no zone.
std::string event_time(const talk& t, sys_seconds instant) {
  if (!t.zone) return format_iso_utc(instant);
  auto offset = t.zone->offset_at(instant).utc_offset;
  return detail::format_iso_local(local_seconds{instant.time_since_epoch() + offset}, std::int32_t(offset.count()));
}

const talk_link* find_link(const talk& t, std::string_view kind) {
  for (const auto& l : t.links)
    if (l.kind == kind) return &l;
  return nullptr;
}

// JSON whose text can stand inside an HTML <script> element, also after a snapshot
// tool serializes the page to markup: "<", ">" and "&" occur only inside strings, so
// writing them as \u escapes keeps every value and no "</script>" or "<!--" remains.
std::string script_safe(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

}  // namespace

std::string to_json_ld(const feed& f, const std::vector<std::size_t>& talks) {
  json graph = json::array();
  for (auto i : talks) {
    if (i >= f.talks.size()) continue;
    const talk& t = f.talks[i];
    if (t.kind == talk_kind::break_time) continue;
    json event = {{"@type", "Event"}, {"name", t.title}};
    if (t.date_only) {
      event["startDate"] = detail::format_iso_date(t.start_day);
      if (t.end_day) event["endDate"] = detail::format_iso_date(*t.end_day);
    } else {
      event["startDate"] = event_time(t, t.start);
      if (t.end) event["endDate"] = event_time(t, *t.end);
    }
    event["eventStatus"] = t.status == talk_status::cancelled   ? "https://schema.org/EventCancelled"
                           : t.status == talk_status::postponed ? "https://schema.org/EventPostponed"
                                                                : "https://schema.org/EventScheduled";
    const place& where = t.location.empty() ? f.location : t.location;
    const talk_link* stream = find_link(t, "livestream");
    json locations = json::array();
    if (!where.empty()) {
      json p = {{"@type", "Place"}, {"name", where.name.empty() ? where.url : where.name}};
      if (!where.url.empty()) p["url"] = where.url;
      locations.push_back(p);
    }
    if (stream) locations.push_back({{"@type", "VirtualLocation"}, {"url", stream->url}});
    event["eventAttendanceMode"] = stream && !where.empty() ? "https://schema.org/MixedEventAttendanceMode"
                                   : stream                 ? "https://schema.org/OnlineEventAttendanceMode"
                                                            : "https://schema.org/OfflineEventAttendanceMode";
    if (locations.size() == 1) event["location"] = locations[0];
    else if (!locations.empty()) event["location"] = locations;
    if (!t.speakers.empty()) {
      json performers = json::array();
      for (const auto& s : t.speakers) {
        json person = {{"@type", "Person"}, {"name", s.name}};
        if (!s.affiliation.empty()) person["affiliation"] = {{"@type", "Organization"}, {"name", s.affiliation}};
        if (!s.url.empty()) person["url"] = s.url;
        performers.push_back(person);
      }
      event["performer"] = performers;
    }
    if (!t.abstract.empty()) event["description"] = t.abstract;
    auto permalink = talk_permalink(f, t);
    if (!permalink.empty()) event["url"] = permalink;
    if (!f.title.empty()) event["superEvent"] = {{"@type", "EventSeries"}, {"name", f.title}};
    graph.push_back(std::move(event));
  }
  return script_safe(
      json{{"@context", "https://schema.org"}, {"@graph", graph}}.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace talktime
