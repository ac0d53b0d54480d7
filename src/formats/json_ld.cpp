// schema.org Event JSON-LD for talks, following Google's Event structured-data
// guidelines (docs/calendars.md#structured-data-json-ld).
#include <algorithm>
#include <array>
#include <utility>
#include <nlohmann/json.hpp>

#include "talktime/calendar.hpp"
#include "talktime/json_ld.hpp"
#include "common/text.hpp"
#include "common/url.hpp"
#include "time/time_text.hpp"

namespace talktime {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view schema = "https://schema.org/";

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

// Words of a location's name that say it is attended online ("Virtual", "Online only",
// "Zoom (link after registration)", "YouTube livestream"), compared case-insensitively.
constexpr std::array<std::string_view, 8> online_words = {"online", "virtual", "zoom", "youtube",
                                                          "livestream", "webinar", "webex", "jitsi"};
// Video-call and streaming services: a location whose url is on one of them (or a subdomain) is online.
constexpr std::array<std::string_view, 10> online_hosts = {
    "zoom.us", "youtube.com", "youtu.be", "meet.google.com", "teams.microsoft.com",
    "teams.live.com", "webex.com", "vimeo.com", "twitch.tv", "meet.jit.si"};

bool names_online_word(const std::string& name) {
  auto lower = detail::ascii_lower(name);
  std::size_t at = 0;
  while (at < lower.size()) {
    auto begin = lower.find_first_of("abcdefghijklmnopqrstuvwxyz", at);
    if (begin == std::string::npos) break;
    auto end = lower.find_first_not_of("abcdefghijklmnopqrstuvwxyz", begin);
    if (end == std::string::npos) end = lower.size();
    std::string_view word(lower.data() + begin, end - begin);
    for (auto online : online_words)
      if (word == online) return true;
    at = end;
  }
  return false;
}

bool on_online_host(const std::string& url) {
  auto host = detail::url_host(url);
  for (auto service : online_hosts) {
    if (host == service) return true;
    if (host.size() > service.size() && host.compare(host.size() - service.size(), service.size(), service) == 0 &&
        host[host.size() - service.size() - 1] == '.')
      return true;
  }
  return false;
}

// A url a visitor can open in a browser to attend (a mailto: link is not one): `url`, or "".
std::string web_url(const std::string& url) {
  return detail::starts_with_ascii_nocase(url, "https://") || detail::starts_with_ascii_nocase(url, "http://") ? url : "";
}

json address_json(const postal_address& a) {
  if (!a.text.empty()) return a.text;
  json out = {{"@type", "PostalAddress"}};
  const std::pair<const char*, const std::string*> parts[] = {{"streetAddress", &a.street}, {"addressLocality", &a.locality},
      {"addressRegion", &a.region}, {"postalCode", &a.postal_code}, {"addressCountry", &a.country}};
  for (const auto& [key, value] : parts)
    if (!value->empty()) out[key] = *value;
  return out;
}

// Where a talk happens, as Google's Event guidelines want it: a Place only with an
// address (a talk's own room without one is taken to be in the feed location's
// building), a VirtualLocation only with a url to attend by.
struct event_locations {
  bool in_person = false, online = false;
  json nodes = json::array();
};

event_locations locations_of(const feed& f, const talk& t) {
  event_locations out;
  const place& where = t.location.empty() ? f.location : t.location;
  bool online_place = is_online_location(where);
  out.in_person = !where.empty() && !online_place;
  if (out.in_person) {
    const postal_address* address = &where.address;
    if (address->empty() && &where == &t.location && !is_online_location(f.location)) address = &f.location.address;
    if (!address->empty()) {
      json p = {{"@type", "Place"}, {"name", where.name.empty() ? where.url : where.name}, {"address", address_json(*address)}};
      if (!where.url.empty()) p["url"] = where.url;
      out.nodes.push_back(std::move(p));
    }
  }
  const talk_link* stream = find_link(t, "livestream");
  out.online = stream || online_place;
  std::string join = stream ? web_url(stream->url) : "";
  bool streamed = !join.empty();
  if (join.empty() && online_place) join = web_url(where.url);
  if (join.empty() && out.online) {
    const talk_link* site = find_link(t, "website");
    join = site ? web_url(site->url) : "";
    if (join.empty()) join = talk_permalink(f, t);
  }
  if (!join.empty()) {
    json v = {{"@type", "VirtualLocation"}};
    // The location's name describes its own link, not a livestream's ("Zoom (link after registration)").
    if (online_place && !where.name.empty() && !streamed) v["name"] = where.name;
    v["url"] = join;
    out.nodes.push_back(std::move(v));
  }
  return out;
}

json performers_of(const talk& t, json& images) {
  json performers = json::array();
  for (const auto& s : t.speakers) {
    json person = {{"@type", "Person"}, {"name", s.name}};
    if (!s.affiliation.empty()) person["affiliation"] = {{"@type", "Organization"}, {"name", s.affiliation}};
    if (!s.url.empty()) person["url"] = s.url;
    if (!s.photo.empty()) {
      person["image"] = s.photo;
      if (std::find(images.begin(), images.end(), s.photo) == images.end()) images.push_back(s.photo);
    }
    performers.push_back(std::move(person));
  }
  return performers;
}

std::string status_of(const talk& t) {
  switch (t.status) {
    case talk_status::cancelled: return std::string(schema) + "EventCancelled";
    case talk_status::postponed: return std::string(schema) + "EventPostponed";
    default: return std::string(schema) + "EventScheduled";  // schema.org has no "tentative"
  }
}

json event_of(const feed& f, const talk& t) {
  json event = {{"@type", "Event"}, {"name", t.title}};
  if (t.date_only) {
    event["startDate"] = detail::format_iso_date(t.start_day);
    if (t.end_day) event["endDate"] = detail::format_iso_date(*t.end_day);
  } else {
    event["startDate"] = event_time(t, t.start);
    if (t.end) event["endDate"] = event_time(t, *t.end);
  }
  event["eventStatus"] = status_of(t);
  auto where = locations_of(f, t);
  if (where.in_person || where.online) {
    const char* mode = where.in_person && where.online ? "MixedEventAttendanceMode"
                       : where.online                  ? "OnlineEventAttendanceMode"
                                                       : "OfflineEventAttendanceMode";
    event["eventAttendanceMode"] = std::string(schema) + mode;
  }
  if (where.nodes.size() == 1) event["location"] = where.nodes[0];
  else if (!where.nodes.empty()) event["location"] = where.nodes;
  json images = json::array();
  if (!t.speakers.empty()) event["performer"] = performers_of(t, images);
  if (!images.empty()) event["image"] = images;
  if (!f.organizer.empty()) {
    json who = {{"@type", "Organization"}};
    if (!f.organizer.name.empty()) who["name"] = f.organizer.name;
    if (!f.organizer.url.empty()) who["url"] = f.organizer.url;
    event["organizer"] = who;
  }
  if (!t.abstract.empty()) event["description"] = t.abstract;
  auto permalink = talk_permalink(f, t);
  if (!permalink.empty()) event["url"] = permalink;
  if (!f.title.empty()) event["superEvent"] = {{"@type", "EventSeries"}, {"name", f.title}};
  return event;
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

// A location with an address is a place; one without is online when its name or its url says so.
bool is_online_location(const place& p) {
  return !p.empty() && p.address.empty() && (names_online_word(p.name) || on_online_host(p.url));
}

std::string to_json_ld(const feed& f, const std::vector<std::size_t>& talks) {
  json graph = json::array();
  for (auto i : talks) {
    if (i >= f.talks.size() || f.talks[i].kind == talk_kind::break_time) continue;
    graph.push_back(event_of(f, f.talks[i]));
  }
  return script_safe(
      json{{"@context", "https://schema.org"}, {"@graph", graph}}.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace talktime
