// frab / C3VOC schedule.json -> talktime v1 JSON. Values are carried over as
// they are wherever the talktime parser can judge them, so a bad value is
// reported once, by the parser, and then located back in the frab file.
//
// A hostile schedule costs time and memory in proportion to its size, as a feed
// does: at most 100 problems are listed (all located in one walk over the text),
// ids are made unique through sets rather than searches, and what the conversion
// repeats for every event (its room's name in the location and in every origin's
// pointer, the day's date) is charged against limits.max_bytes; past that the
// schedule fails as frab.too_large.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "feed/json_document.hpp"
#include "feed/json_scan.hpp"
#include "common/problem_reporter.hpp"
#include "talktime/importers.hpp"
#include "common/text.hpp"

namespace talktime {
namespace {

using detail::json;

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

// A non-empty trimmed string member, or "".
std::string text_of(const json& object, const char* key) {
  const json* v = member(object, key);
  if (!v || !v->is_string()) return {};
  return std::string(detail::trim(v->get_ref<const std::string&>()));
}

// frab's event types (free text in frab; these are the common ones) -> talktime kinds.
std::string kind_of(std::string type) {
  type = detail::ascii_lower(detail::trim(type));
  for (auto& c : type)
    if (c == ' ' || c == '-') c = '_';
  static const std::pair<const char*, const char*> kinds[] = {
      {"lecture", "talk"},         {"talk", "talk"},           {"lightning_talk", "talk"},
      {"lightning_talks", "talk"}, {"keynote", "keynote"},     {"workshop", "tutorial"},
      {"tutorial", "tutorial"},    {"panel", "panel"},         {"podium", "panel"},
      {"podium_discussion", "panel"}, {"discussion", "panel"}, {"poster", "poster"},
      {"break", "break"},          {"pause", "break"},         {"social", "social"},
      {"party", "social"},         {"opening", "opening"},     {"closing", "closing"}};
  for (const auto& [name, kind] : kinds)
    if (type == name) return kind;
  return "other";
}

// "part" occurs in "text", found in linear time (Knuth-Morris-Pratt): std::string::find
// compares at every position, quadratic for texts such as "aaa…a" and "aaa…ab", and
// libstdc++'s Boyer-Moore searcher builds its table in quadratic time for them.
bool contains_text(std::string_view text, std::string_view part) {
  if (part.empty()) return true;
  if (part.size() > text.size()) return false;
  std::vector<std::size_t> border(part.size(), 0);  // longest proper border of part[0..i]
  for (std::size_t i = 1, k = 0; i < part.size(); ++i) {
    while (k > 0 && part[i] != part[k]) k = border[k - 1];
    if (part[i] == part[k]) ++k;
    border[i] = k;
  }
  for (std::size_t i = 0, k = 0; i < text.size(); ++i) {
    while (k > 0 && text[i] != part[k]) k = border[k - 1];
    if (text[i] == part[k]) ++k;
    if (k == part.size()) return true;
  }
  return false;
}

class frab_importer {
 public:
  frab_importer(std::string_view text, const feed_limits& limits, import_result& result)
      : limits_(limits), r_(result), problems_(text, "frab", result.diagnostics, detail::pointer_offsets) {}

  void run(const json& root) {
    convert(root);
    problems_.finish();
  }

 private:
  void convert(const json& root) {
    const json* days = conference_days(root);
    if (!days) return;
    const std::string at_conf = "/schedule/conference";
    json feed = feed_header(*member(*member(root, "schedule"), "conference"), at_conf);
    json talks = json::array();
    for (std::size_t d = 0; d < days->size() && !spent(); ++d) convert_day((*days)[d], at_conf + "/days/" + std::to_string(d), talks);
    if (spent()) {
      fail_too_large(at_conf);
      return;
    }
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

  // The conference's "days" array; nullptr (with the error reported) when the schedule has none.
  const json* conference_days(const json& root) {
    if (!root.is_object() || !member(root, "schedule") || !member(root, "schedule")->is_object()) {
      error("frab.not_schedule", "", "a frab schedule.json is a JSON object with a \"schedule\" object");
      return nullptr;
    }
    const json* conference = member(*member(root, "schedule"), "conference");
    if (!conference || !conference->is_object()) {
      error("frab.no_conference", "/schedule", "the schedule has no \"conference\" object");
      return nullptr;
    }
    const std::string at_conf = "/schedule/conference";
    const json* days = member(*conference, "days");
    if (!days || !days->is_array()) {
      error("frab.no_days", days ? at_conf + "/days" : at_conf, "the conference has no \"days\" array");
      return nullptr;
    }
    return days;
  }

  // The feed's own members, from the conference.
  json feed_header(const json& conference, const std::string& at_conf) {
    json feed = json::object();
    feed["talktime"] = 1;
    origin("", at_conf);
    auto title = text_of(conference, "title"), acronym = text_of(conference, "acronym");
    if (title.empty()) title = acronym;
    if (!title.empty()) {
      feed["title"] = title;
      origin("/title", at_conf + (text_of(conference, "title").empty() ? "/acronym" : "/title"));
    }
    if (auto description = text_of(conference, "description"); !description.empty()) {
      feed["description"] = description;
      origin("/description", at_conf + "/description");
    }
    if (const json* url = member(conference, "url")) {
      feed["url"] = *url;
      origin("/url", at_conf + "/url");
    }
    if (const json* zone = member(conference, "time_zone_name")) {
      feed["timezone"] = *zone;
      origin("/timezone", at_conf + "/time_zone_name");
    }
    return feed;
  }

  // The events of one day's rooms, appended to `talks` until the budget is spent.
  void convert_day(const json& day, const std::string& at_day, json& talks) {
    const json* rooms = member(day, "rooms");
    if (!rooms) return;
    if (!rooms->is_object()) {
      warn("frab.bad_field", at_day + "/rooms", "\"rooms\" should be an object of room name: events; ignored");
      return;
    }
    for (const auto& [room, events] : rooms->items()) {
      if (spent()) return;
      std::string at_room = at_day + "/rooms/" + detail::escape_pointer_token(room);
      if (!events.is_array()) {
        warn("frab.bad_field", at_room, "room " + detail::quote_for_message(room) + " should hold an array of events; ignored");
        continue;
      }
      for (std::size_t k = 0; k < events.size() && !spent(); ++k) {
        std::string at_event = at_room + "/" + std::to_string(k);
        charge(at_event.size());
        if (!events[k].is_object()) error("frab.bad_event", at_event, "an event should be an object; it is skipped");
        else talks.push_back(convert_event(events[k], day, room, at_event, "/talks/" + std::to_string(talks.size())));
        if (spent()) {
          failed_at_ = std::move(at_event);
          failed_room_ = room.size();
        }
      }
    }
  }

  void fail_too_large(const std::string& at_conf) {
    r_.origins.clear();
    problems_.keep_room_for_one();  // the reason the import fails is always listed
    error("frab.too_large", failed_at_.empty() ? at_conf : failed_at_,
          "converting the schedule takes more than " + std::to_string(limits_.max_bytes) +
              " bytes, the limit (each event repeats its room's name and its day's date; this room's name is " +
              std::to_string(failed_room_) + " bytes)");
  }

  struct track {
    std::string id, title, source;
  };

  // Listed within the problem budget (src/common/problem_reporter.hpp); run() adds the count of the rest.
  void error(std::string code, std::string pointer, std::string message) {
    problems_.error(std::move(code), std::move(pointer), std::move(message));
  }
  void warn(std::string code, std::string pointer, std::string message) {
    problems_.warn(std::move(code), std::move(pointer), std::move(message));
  }
  // The conversion's budget: bytes it records or repeats beyond the input's own.
  void charge(std::size_t bytes) { spent_ += bytes; }
  bool spent() const { return spent_ > limits_.max_bytes; }

  void origin(const std::string& generated, const std::string& source) {
    charge(generated.size() + source.size());
    if (!spent()) r_.origins[generated] = {source, 0, 0};
  }

  std::string series_for(const std::string& name, const std::string& source) {
    if (auto it = series_by_name_.find(name); it != series_by_name_.end()) return series_[it->second].id;
    std::string id = detail::slugify(name, 48);
    if (id.empty()) id = "track";
    std::string candidate = series_ids_.claim(id);
    series_by_name_.emplace(name, series_.size());
    series_.push_back({candidate, name, source});
    return candidate;
  }

  // One event as a talk; `at_event` is its pointer in the input, `at` the talk's in the feed.
  json convert_event(const json& ev, const json& day, const std::string& room, const std::string& at_event,
                     const std::string& at) {
    json t = json::object();
    origin(at, at_event);
    event_id(ev, at_event, at, t);
    if (const json* title = member(ev, "title")) {
      t["title"] = *title;
      origin(at + "/title", at_event + "/title");
    }
    event_start(ev, day, at_event, at, t);
    event_duration(ev, at_event, at, t);
    event_abstract(ev, at_event, at, t);
    event_kind_and_series(ev, at_event, at, t);
    event_speakers(ev, at_event, at, t);
    if (auto language = text_of(ev, "language"); !language.empty()) {
      t["tags"] = json::array({language});
      origin(at + "/tags", at_event + "/language");
    }
    event_location(ev, room, at_event, at, t);
    event_links(ev, at_event, at, t);
    return t;
  }

  // The slug is readable and stable; else frab's numeric id, else the guid.
  void event_id(const json& ev, const std::string& at_event, const std::string& at, json& t) {
    for (const char* key : {"slug", "id", "guid"}) {
      const json* v = member(ev, key);
      if (!v) continue;
      std::string id = v->is_string() ? std::string(detail::trim(v->get_ref<const std::string&>()))
                       : v->is_number_integer() ? v->dump() : std::string();
      if (id.empty()) continue;
      t["id"] = id;
      origin(at + "/id", at_event + "/" + key);
      return;
    }
  }

  void event_start(const json& ev, const json& day, const std::string& at_event, const std::string& at, json& t) {
    const json* date = member(ev, "date");
    const json* start = member(ev, "start");
    if (date) {
      t["start"] = *date;
      origin(at + "/start", at_event + "/date");
      if (date->is_string() && start && start->is_string()) {
        const auto& d = date->get_ref<const std::string&>();
        const auto& s = start->get_ref<const std::string&>();
        if (d.size() >= 16 && s.size() == 5 && d.compare(11, 5, s) != 0)
          warn("frab.start_mismatch", at_event + "/start",
               "\"start\" " + detail::quote_for_message(s) + " differs from the time in \"date\" " +
                   detail::quote_for_message(d) + "; \"date\" is used");
      }
    } else if (start && start->is_string() && !text_of(day, "date").empty()) {
      // No full date: the day's date and the start time, read in the conference's zone.
      auto day_date = text_of(day, "date");
      charge(day_date.size());
      t["start"] = day_date + "T" + std::string(detail::trim(start->get_ref<const std::string&>()));
      origin(at + "/start", at_event + "/start");
    }
  }

  void event_duration(const json& ev, const std::string& at_event, const std::string& at, json& t) {
    const json* duration = member(ev, "duration");
    if (!duration) return;
    if (auto value = duration_of(*duration)) {
      t["duration"] = *value;
      origin(at + "/duration", at_event + "/duration");
    } else {
      warn("frab.bad_duration", at_event + "/duration",
           "duration " + (duration->is_string() ? detail::quote_for_message(duration->get_ref<const std::string&>()) : duration->dump()) +
               " is not \"HH:MM\"; the talk is shown without an end");
    }
  }

  // Subtitle, abstract and description, each left out when an earlier one holds it.
  void event_abstract(const json& ev, const std::string& at_event, const std::string& at, json& t) {
    std::string abstract;
    for (const char* key : {"subtitle", "abstract", "description"}) {
      auto part = text_of(ev, key);
      if (part.empty() || contains_text(abstract, part)) continue;
      if (!abstract.empty()) abstract += "\n\n";
      else origin(at + "/abstract", at_event + "/" + key);
      abstract += part;
    }
    if (!abstract.empty()) t["abstract"] = abstract;
  }

  void event_kind_and_series(const json& ev, const std::string& at_event, const std::string& at, json& t) {
    if (const json* type = member(ev, "type"); type && type->is_string()) {
      auto kind = kind_of(type->get_ref<const std::string&>());
      if (kind != "talk") {
        t["kind"] = kind;
        origin(at + "/kind", at_event + "/type");
      }
    }
    if (auto track_name = text_of(ev, "track"); !track_name.empty()) {
      t["series"] = series_for(track_name, at_event + "/track");
      origin(at + "/series", at_event + "/track");
    }
  }

  void event_speakers(const json& ev, const std::string& at_event, const std::string& at, json& t) {
    const json* persons = member(ev, "persons");
    if (!persons) return;
    origin(at + "/speakers", at_event + "/persons");
    if (!persons->is_array()) {
      t["speakers"] = *persons;  // the parser reports the wrong type
      return;
    }
    json speakers = json::array();
    for (std::size_t i = 0; i < persons->size() && !spent(); ++i) {
      const json& p = (*persons)[i];
      origin(at + "/speakers/" + std::to_string(speakers.size()), at_event + "/persons/" + std::to_string(i));
      if (!p.is_object()) {
        speakers.push_back(p);
        continue;
      }
      json sp = json::object();
      for (const char* key : {"public_name", "name", "full_public_name"}) {
        if (auto name = text_of(p, key); !name.empty()) {
          sp["name"] = name;
          break;
        }
      }
      if (auto bio = text_of(p, "biography"); !bio.empty()) sp["bio"] = bio;
      speakers.push_back(std::move(sp));
    }
    t["speakers"] = std::move(speakers);
  }

  // The event's own "room", else the name of the room it is listed under.
  void event_location(const json& ev, const std::string& room, const std::string& at_event, const std::string& at, json& t) {
    std::string where = text_of(ev, "room");
    if (where.empty()) {
      where = room;
      charge(room.size());
    }
    if (!where.empty()) {
      t["location"] = where;
      origin(at + "/location", at_event + (text_of(ev, "room").empty() ? "" : "/room"));
    }
  }

  // "url" as the website, links[] by their titles, the recording; keys made unique.
  void event_links(const json& ev, const std::string& at_event, const std::string& at, json& t) {
    json links = json::object();
    detail::unique_names link_keys(" ");
    auto add_link = [&](std::string kind, const json& url, const std::string& source) {
      if (kind.empty()) kind = "link";
      std::string key = link_keys.claim(kind);
      // The key is new, so it is appended to the object's list of members directly:
      // links[key] would first search the list, quadratic for an event's many links.
      links.get_ref<json::object_t&>().emplace_back(key, url);
      origin(at + "/links/" + detail::escape_pointer_token(key), source);
    };
    if (const json* url = member(ev, "url")) add_link("website", *url, at_event + "/url");
    if (const json* list = member(ev, "links"); list && !list->is_array()) {
      warn("frab.bad_field", at_event + "/links", "\"links\" should be an array of {url, title}; ignored");
    } else if (list) {
      for (std::size_t i = 0; i < list->size() && !spent(); ++i) {
        const json& l = (*list)[i];
        std::string at_link = at_event + "/links/" + std::to_string(i);
        if (l.is_string()) add_link("link", l, at_link);
        else if (const json* url = member(l, "url")) add_link(detail::ascii_lower(text_of(l, "title")), *url, at_link + "/url");
        else warn("frab.bad_field", at_link, "a link should be an object with a \"url\"; ignored");
      }
    }
    if (const json* recording = member(ev, "recording")) {
      if (recording->is_string()) add_link("recording", *recording, at_event + "/recording");
      else if (const json* url = member(*recording, "url")) add_link("recording", *url, at_event + "/recording/url");
    }
    if (!links.empty()) t["links"] = std::move(links);
  }

  // "01:30" or "01:30:00" -> 90 (minutes) or "PT1H30M15S".
  static std::optional<json> duration_of(const json& value) {
    if (!value.is_string()) return std::nullopt;
    std::string_view s = detail::trim(value.get_ref<const std::string&>());
    int parts[3] = {0, 0, 0}, count = 0;
    std::size_t digits = 0;
    for (char c : s) {
      if (c >= '0' && c <= '9') {
        if (++digits > 4) return std::nullopt;
        parts[count] = parts[count] * 10 + (c - '0');
      } else if (c == ':' && digits > 0 && count < 2) {
        ++count;
        digits = 0;
      } else {
        return std::nullopt;
      }
    }
    if (digits == 0 || count == 0 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
    if (parts[2] == 0) return json(parts[0] * 60 + parts[1]);
    char buf[32];
    std::snprintf(buf, sizeof buf, "PT%dH%dM%dS", parts[0], parts[1], parts[2]);
    return json(std::string(buf));
  }

  const feed_limits& limits_;
  import_result& r_;
  std::vector<track> series_;
  std::map<std::string, std::size_t> series_by_name_;
  detail::unique_names series_ids_;
  detail::problem_reporter problems_;
  std::string failed_at_;  // the event that used up the budget
  std::size_t failed_room_ = 0;
  std::size_t spent_ = 0;
};

}  // namespace

import_result import_frab(std::string_view text, const feed_limits& limits) {
  import_result result;
  detail::json_document doc;
  if (!detail::parse_json_document(text, limits, "frab", doc, result.diagnostics)) return result;
  const json& root = doc.root;
  std::string_view source = doc.text;
  frab_importer importer(source, limits, result);
  importer.run(root);
  return result;
}

}  // namespace talktime
