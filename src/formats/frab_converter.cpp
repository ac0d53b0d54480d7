// The frab converter's feed-level half (frab_converter.hpp): the feed's header,
// the schedule's lookups, the budgets and the end of the conversion. A hostile
// schedule costs time and memory in proportion to its size, as a feed does: at
// most 100 problems are listed, ids are made unique through sets rather than
// searches, and what the conversion repeats for every event (its room's name in
// the location and in every origin's pointer, the day's date) is charged against
// limits.max_bytes; past that the schedule fails as frab.too_large.
#include "formats/frab_converter.hpp"

#include "common/url.hpp"
#include "feed/json_scan.hpp"

namespace talktime::detail {

const json* frab_member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string frab_text(const json& object, const char* key) {
  const json* v = frab_member(object, key);
  if (!v || !v->is_string()) return {};
  return std::string(trim(v->get_ref<const std::string&>()));
}

frab_converter::frab_converter(std::string_view text, const feed_limits& limits, import_result& result)
    : limits_(limits), r_(result), problems_(text, "frab", result.diagnostics, pointer_offsets) {}

void frab_converter::origin(const std::string& generated, const std::string& source) {
  charge(generated.size() + source.size());
  if (!spent()) r_.origins[generated] = {source, 0, 0};
}

json frab_converter::feed_header(const json& schedule, const json& conference) {
  const std::string at_conf = "/schedule/conference";
  read_lookups(schedule, conference);
  json feed = json::object();
  feed["talktime"] = 1;
  origin("", at_conf);
  auto title = frab_text(conference, "title");
  if (!title.empty() || !(title = frab_text(conference, "acronym")).empty()) {
    feed["title"] = title;
    origin("/title", at_conf + (frab_text(conference, "title").empty() ? "/acronym" : "/title"));
  }
  if (auto description = frab_text(conference, "description"); !description.empty()) {
    feed["description"] = description;
    origin("/description", at_conf + "/description");
  }
  // pretalx writes no conference url, only the schedule's base_url: the page the schedule is on.
  if (const json* url = frab_member(conference, "url")) {
    feed["url"] = *url;
    origin("/url", at_conf + "/url");
  } else if (const json* base = frab_member(schedule, "base_url")) {
    feed["url"] = *base;
    origin("/url", "/schedule/base_url");
  }
  if (const json* zone = frab_member(conference, "time_zone_name")) {
    feed["timezone"] = *zone;
    origin("/timezone", at_conf + "/time_zone_name");
  }
  return feed;
}

// Rooms and persons by guid, tracks by slug: schedule2 events name them so.
void frab_converter::read_lookups(const json& schedule, const json& conference) {
  base_url_ = frab_text(schedule, "base_url");
  auto each = [](const json* list, auto&& f) {
    if (list && list->is_array())
      for (const auto& item : *list)
        if (item.is_object()) f(item);
  };
  each(frab_member(conference, "rooms"), [&](const json& room) {
    if (auto guid = frab_text(room, "guid"); !guid.empty()) room_names_.emplace(guid, frab_text(room, "name"));
  });
  each(frab_member(conference, "tracks"), [&](const json& track) {
    if (auto slug = frab_text(track, "slug"); !slug.empty()) track_names_.emplace(slug, frab_text(track, "name"));
  });
  each(frab_member(schedule, "persons"), [&](const json& person) {
    if (auto guid = frab_text(person, "guid"); !guid.empty()) persons_.emplace(guid, &person);
  });
}

void frab_converter::add_event(const json& ev, const frab_listing& listing, const std::string& at_event, json& talks) {
  ++events_seen_;
  charge(at_event.size());
  if (!ev.is_object()) error("frab.bad_event", at_event, "an event should be an object; it is skipped");
  else talks.push_back(convert_event(ev, listing, at_event, "/talks/" + std::to_string(talks.size())));
  if (spent() && failed_at_.empty()) {
    failed_at_ = at_event;
    failed_room_ = listing.room.size();
  }
}

void frab_converter::finish(json feed, json talks, const std::string& at_events) {
  r_.source_events = events_seen_;
  r_.events_at.pointer = at_events;
  if (spent()) return fail_too_large(at_events);
  origin("/talks", at_events);
  if (!series_.empty()) {
    json series = json::array();
    for (std::size_t i = 0; i < series_.size(); ++i) {
      series.push_back({{"id", series_[i].id}, {"title", series_[i].title}});
      origin("/series/" + std::to_string(i), series_[i].source);
    }
    feed["series"] = std::move(series);
  }
  feed["talks"] = std::move(talks);
  r_.feed_json = feed.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void frab_converter::fail_too_large(const std::string& at_events) {
  r_.origins.clear();
  problems_.keep_room_for_one();  // the reason the import fails is always listed
  error("frab.too_large", failed_at_.empty() ? at_events : failed_at_,
        "converting the schedule takes more than " + std::to_string(limits_.max_bytes) +
            " bytes, the limit (each event repeats its room's name and its day's date; this room's name is " +
            std::to_string(failed_room_) + " bytes)");
}

std::string frab_converter::series_for(const std::string& name, const std::string& slug, const std::string& source) {
  if (auto it = series_by_name_.find(name); it != series_by_name_.end()) return series_[it->second].id;
  std::string id = slugify(slug.empty() ? name : slug, 48);
  if (id.empty()) id = "track";
  std::string candidate = series_ids_.claim(id);
  series_by_name_.emplace(name, series_.size());
  series_.push_back({candidate, name, source});
  return candidate;
}

// A link's URL as the feed gets it: relative media URLs resolved against the
// schedule's base_url (which pretalx gives for its attachments); anything else as
// written, for the parser to judge (and report) under the one link rule.
std::string frab_converter::link_url(const json& url) const {
  if (!url.is_string()) return {};
  const auto& raw = url.get_ref<const std::string&>();
  if (base_url_.empty()) return raw;
  auto resolved = check_url(raw, base_url_);
  return resolved.url && resolved.problem.empty() ? *resolved.url : raw;
}

}  // namespace talktime::detail
