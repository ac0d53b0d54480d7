// One frab, pretalx or schedule2 event as a talk (frab_converter.hpp). The two
// layouts differ in a few members, read here side by side:
//   start     frab/pretalx: "date" (ISO with offset) and "start" "HH:MM"; schedule2: "start" ISO
//   end       frab/pretalx: "duration" "HH:MM"; schedule2: "end" ISO ("duration" deprecated)
//   room      frab/pretalx: a name; schedule2: {name, guid} (the name else found by guid)
//   track     frab/pretalx: a name; schedule2: a name or {slug} (the name found by slug)
//   speakers  frab/pretalx: persons[]; schedule2: participants[] (more in schedule.persons by guid)
#include <cstdio>
#include <optional>

#include "common/url.hpp"
#include "formats/frab_converter.hpp"

namespace talktime::detail {
namespace {

// frab's event types (free text in frab; these are the common ones, and schedule2's
// enum) -> talktime kinds.
std::string kind_of(std::string type) {
  type = ascii_lower(trim(type));
  for (auto& c : type)
    if (c == ' ' || c == '-') c = '_';
  static const std::pair<const char*, const char*> kinds[] = {
      {"lecture", "talk"},         {"talk", "talk"},           {"lightning_talk", "talk"},
      {"lightning_talks", "talk"}, {"keynote", "keynote"},     {"workshop", "tutorial"},
      {"tutorial", "tutorial"},    {"hands_on", "tutorial"},   {"panel", "panel"},
      {"podium", "panel"},         {"podium_discussion", "panel"}, {"discussion", "panel"},
      {"poster", "poster"},        {"break", "break"},         {"pause", "break"},
      {"social", "social"},        {"party", "social"},        {"game", "social"},
      {"opening", "opening"},      {"closing", "closing"}};
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

// "01:30" or "01:30:00" -> 90 (minutes) or "PT1H30M15S".
std::optional<json> duration_of(const json& value) {
  if (!value.is_string()) return std::nullopt;
  std::string_view s = trim(value.get_ref<const std::string&>());
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

// A text member that schedule2 may give per language ({"en": …, "de": …}): the
// event's language, else English, else the first one given.
std::string translated_text(const json& ev, const char* key) {
  const json* v = frab_member(ev, key);
  if (!v || !v->is_object()) return frab_text(ev, key);
  for (const std::string& language : {frab_text(ev, "language"), std::string("en")})
    if (auto text = frab_text(*v, language.c_str()); !text.empty()) return text;
  for (const auto& [language, text] : v->items())
    if (text.is_string() && !trim(text.get_ref<const std::string&>()).empty())
      return std::string(trim(text.get_ref<const std::string&>()));
  return {};
}

// A date-time rather than a bare "HH:MM" (schedule2's "start").
bool is_date_time(const json& value) {
  return value.is_string() && value.get_ref<const std::string&>().size() >= 16;
}

}  // namespace

json frab_converter::convert_event(const json& ev, const frab_listing& listing, const std::string& at_event,
                                   const std::string& at) {
  json t = json::object();
  origin(at, at_event);
  event_id(ev, at_event, at, t);
  if (const json* title = frab_member(ev, "title")) {
    t["title"] = *title;
    origin(at + "/title", at_event + "/title");
  }
  event_start(ev, listing, at_event, at, t);
  event_end(ev, at_event, at, t);
  event_abstract(ev, at_event, at, t);
  event_kind_and_series(ev, at_event, at, t);
  event_speakers(ev, at_event, at, t);
  if (auto language = frab_text(ev, "language"); !language.empty()) {
    t["tags"] = json::array({language});
    origin(at + "/tags", at_event + "/language");
  }
  event_location(ev, listing, at_event, at, t);
  event_links(ev, at_event, at, t);
  return t;
}

// The slug is readable and stable; else frab's numeric id, else the guid.
void frab_converter::event_id(const json& ev, const std::string& at_event, const std::string& at, json& t) {
  for (const char* key : {"slug", "id", "guid"}) {
    const json* v = frab_member(ev, key);
    if (!v) continue;
    std::string id = v->is_string() ? std::string(trim(v->get_ref<const std::string&>()))
                     : v->is_number_integer() ? v->dump() : std::string();
    if (id.empty()) continue;
    t["id"] = id;
    origin(at + "/id", at_event + "/" + key);
    return;
  }
}

void frab_converter::event_start(const json& ev, const frab_listing& listing, const std::string& at_event,
                                 const std::string& at, json& t) {
  const json* date = frab_member(ev, "date");
  const json* start = frab_member(ev, "start");
  if (!date && start && is_date_time(*start)) date = start;  // schedule2
  if (date) {
    t["start"] = *date;
    origin(at + "/start", at_event + (date == start ? "/start" : "/date"));
    if (date != start && date->is_string() && start && start->is_string()) {
      const auto& d = date->get_ref<const std::string&>();
      const auto& s = start->get_ref<const std::string&>();
      if (d.size() >= 16 && s.size() == 5 && d.compare(11, 5, s) != 0)
        warn("frab.start_mismatch", at_event + "/start",
             "\"start\" " + quote_for_message(s) + " differs from the time in \"date\" " + quote_for_message(d) +
                 "; \"date\" is used");
    }
  } else if (start && start->is_string() && listing.day && !frab_text(*listing.day, "date").empty()) {
    // No full date: the day's date and the start time, read in the conference's zone.
    auto day_date = frab_text(*listing.day, "date");
    charge(day_date.size());
    t["start"] = day_date + "T" + std::string(trim(start->get_ref<const std::string&>()));
    origin(at + "/start", at_event + "/start");
  }
}

// schedule2's "end" (a date-time) when given, else frab's "duration".
void frab_converter::event_end(const json& ev, const std::string& at_event, const std::string& at, json& t) {
  if (const json* end = frab_member(ev, "end"); end && is_date_time(*end)) {
    t["end"] = *end;
    origin(at + "/end", at_event + "/end");
    return;
  }
  const json* duration = frab_member(ev, "duration");
  if (!duration) return;
  if (auto value = duration_of(*duration)) {
    t["duration"] = *value;
    origin(at + "/duration", at_event + "/duration");
  } else {
    warn("frab.bad_duration", at_event + "/duration",
         "duration " + (duration->is_string() ? quote_for_message(duration->get_ref<const std::string&>()) : duration->dump()) +
             " is not \"HH:MM\"; the talk is shown without an end");
  }
}

// Subtitle, abstract and description, each left out when an earlier one holds it.
void frab_converter::event_abstract(const json& ev, const std::string& at_event, const std::string& at, json& t) {
  std::string abstract;
  for (const char* key : {"subtitle", "abstract", "description"}) {
    auto part = translated_text(ev, key);
    if (part.empty() || contains_text(abstract, part)) continue;
    if (!abstract.empty()) abstract += "\n\n";
    else origin(at + "/abstract", at_event + "/" + key);
    abstract += part;
  }
  if (!abstract.empty()) t["abstract"] = abstract;
}

void frab_converter::event_kind_and_series(const json& ev, const std::string& at_event, const std::string& at, json& t) {
  if (const json* type = frab_member(ev, "type"); type && type->is_string()) {
    auto kind = kind_of(type->get_ref<const std::string&>());
    if (kind != "talk") {
      t["kind"] = kind;
      origin(at + "/kind", at_event + "/type");
    }
  }
  std::string name = frab_text(ev, "track"), slug;
  if (const json* track = frab_member(ev, "track"); track && track->is_object()) {  // schedule2: {slug} or {name}
    slug = frab_text(*track, "slug");
    name = frab_text(*track, "name");
    if (auto known = track_names_.find(slug); name.empty() && known != track_names_.end()) name = known->second;
    if (name.empty()) name = slug;
  }
  if (!name.empty()) {
    t["series"] = series_for(name, slug, at_event + "/track");
    origin(at + "/series", at_event + "/track");
  }
}

// frab's persons[] (pretalx adds avatar and url), or schedule2's participants[],
// whose biography, avatar and url are in schedule.persons under the same guid.
void frab_converter::event_speakers(const json& ev, const std::string& at_event, const std::string& at, json& t) {
  const char* key = frab_member(ev, "persons") ? "persons" : "participants";
  const json* persons = frab_member(ev, key);
  if (!persons) return;
  origin(at + "/speakers", at_event + "/" + key);
  if (!persons->is_array()) {
    t["speakers"] = *persons;  // the parser reports the wrong type
    return;
  }
  json speakers = json::array();
  for (std::size_t i = 0; i < persons->size() && !spent(); ++i) {
    const json& p = (*persons)[i];
    origin(at + "/speakers/" + std::to_string(speakers.size()), at_event + "/" + key + "/" + std::to_string(i));
    speakers.push_back(p.is_object() ? speaker_of(p) : p);
  }
  t["speakers"] = std::move(speakers);
}

json frab_converter::speaker_of(const json& person) {
  const json* more = nullptr;
  if (auto guid = frab_text(person, "guid"); !guid.empty())
    if (auto it = persons_.find(guid); it != persons_.end()) more = it->second;
  auto text = [&](const char* key) {
    auto value = frab_text(person, key);
    return value.empty() && more ? frab_text(*more, key) : value;
  };
  json sp = json::object();
  for (const char* key : {"public_name", "name", "full_public_name"}) {
    if (auto name = text(key); !name.empty()) {
      sp["name"] = name;
      break;
    }
  }
  if (auto bio = text("biography"); !bio.empty()) sp["bio"] = bio;
  if (auto url = text("url"); !url.empty()) sp["url"] = link_url(url);
  // pretalx: "avatar": URL or null; schedule2: "avatar": {"url": …}.
  for (const json* source : {&person, more}) {
    const json* avatar = source ? frab_member(*source, "avatar") : nullptr;
    if (avatar && avatar->is_object()) avatar = frab_member(*avatar, "url");
    if (avatar && avatar->is_string() && !trim(avatar->get_ref<const std::string&>()).empty()) {
      sp["photo"] = link_url(*avatar);
      break;
    }
  }
  return sp;
}

// The event's own "room" (a name, or schedule2's {name, guid}), else the name of
// the room it is listed under.
void frab_converter::event_location(const json& ev, const frab_listing& listing, const std::string& at_event,
                                    const std::string& at, json& t) {
  std::string where = frab_text(ev, "room");
  std::string source = at_event + "/room";
  if (const json* room = frab_member(ev, "room"); room && room->is_object()) {
    where = frab_text(*room, "name");
    if (auto known = room_names_.find(frab_text(*room, "guid")); where.empty() && known != room_names_.end())
      where = known->second;
  }
  if (where.empty()) {
    where = listing.room;
    source = at_event;
    charge(listing.room.size());
  }
  if (!where.empty()) {
    t["location"] = where;
    origin(at + "/location", source);
  }
}

namespace {

// A links[] entry's kind: a kind talktime knows given as its type (schedule2's
// "slides", "paper"), else its title as written (capitals kept), else its type.
// An attachment is a file: its title when that names a known kind, else "slides".
std::string link_kind(const json& link, bool attachment) {
  auto type = canonical_link_kind(frab_text(link, "type"));
  auto title = canonical_link_kind(frab_text(link, "title"));
  if (attachment) return is_known_link_kind(type) ? type : is_known_link_kind(title) ? title : "slides";
  if (is_known_link_kind(type)) return type;
  if (!title.empty()) return title;
  return type.empty() ? "link" : type;
}

}  // namespace

// "url" as the website, links[] and attachments[] by their kinds, the recording;
// keys made unique ("Blog", "Blog 2").
void frab_converter::event_links(const json& ev, const std::string& at_event, const std::string& at, json& t) {
  json links = json::object();
  unique_names link_keys(" ");
  auto add_link = [&](std::string kind, const json& url, const std::string& source) {
    std::string key = link_keys.claim(kind.empty() ? "link" : kind);
    // The key is new, so it is appended to the object's list of members directly:
    // links[key] would first search the list, quadratic for an event's many links.
    links.get_ref<json::object_t&>().emplace_back(key, url.is_string() ? json(link_url(url)) : url);
    origin(at + "/links/" + escape_pointer_token(key), source);
  };
  if (const json* url = frab_member(ev, "url")) add_link("website", *url, at_event + "/url");
  for (const char* list_key : {"links", "attachments"}) {
    const json* list = frab_member(ev, list_key);
    std::string at_list = at_event + "/" + list_key;
    if (list && !list->is_array()) {
      warn("frab.bad_field", at_list, "\"" + std::string(list_key) + "\" should be an array of {url, title}; ignored");
      continue;
    }
    for (std::size_t i = 0; list && i < list->size() && !spent(); ++i) {
      const json& l = (*list)[i];
      std::string at_link = at_list + "/" + std::to_string(i);
      bool attachment = list_key[0] == 'a';
      if (l.is_string()) add_link(attachment ? "slides" : "link", l, at_link);
      else if (const json* url = frab_member(l, "url")) add_link(link_kind(l, attachment), *url, at_link + "/url");
      else warn("frab.bad_field", at_link, "a link should be an object with a \"url\"; ignored");
    }
  }
  if (const json* recording = frab_member(ev, "recording")) {
    if (recording->is_string()) add_link("recording", *recording, at_event + "/recording");
    else if (const json* url = frab_member(*recording, "url")) add_link("recording", *url, at_event + "/recording/url");
  }
  if (!links.empty()) t["links"] = std::move(links);
}

}  // namespace talktime::detail
