// The WebAssembly boundary: the only file that includes <emscripten/bind.h>.
// Strings in, strings (JSON or HTML) out; feeds stay in memory behind small
// integer handles so a keystroke never re-parses or re-converts anything.
#include <emscripten/bind.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "talktime/talktime.hpp"

namespace {

// The same JSON type as the parser's, so one copy of nlohmann's code is linked.
using json = nlohmann::ordered_json;
using talktime::sys_seconds;

std::map<int, std::unique_ptr<talktime::schedule>>& open_schedules() {
  static std::map<int, std::unique_ptr<talktime::schedule>> schedules;
  return schedules;
}

json diagnostics_json(const std::vector<talktime::diagnostic>& diagnostics) {
  json out = json::array();
  for (const auto& d : diagnostics)
    out.push_back({{"level", d.level == talktime::severity::error ? "error" : "warning"},
                   {"code", d.code},
                   {"pointer", d.pointer},
                   {"line", d.line},
                   {"column", d.column},
                   {"message", d.message},
                   {"text", d.to_string()}});
  return out;
}

json meta_json(const talktime::feed& f) {
  auto facets = talktime::facets_of(f);
  json series = json::array(), kinds = json::array();
  for (const auto& s : facets.series) series.push_back({{"id", s.id}, {"title", s.title}});
  for (auto kind : facets.kinds) kinds.push_back(std::string(talktime::to_string(kind)));
  return {{"title", f.title},
          {"url", f.url},
          {"zone", f.zone ? std::string(f.zone->name()) : std::string()},
          {"eventZones", facets.event_zones},
          {"series", series},
          {"kinds", kinds},
          {"tags", facets.tags},
          {"talkCount", facets.talk_count}};
}

talktime::feed_limits limits_of(const json& options) {
  talktime::feed_limits limits;
  if (!options.is_object()) return limits;
  if (auto it = options.find("maxBytes"); it != options.end() && it->is_number_unsigned())
    limits.max_bytes = it->get<std::size_t>();
  if (auto it = options.find("maxDepth"); it != options.end() && it->is_number_unsigned())
    limits.max_depth = it->get<int>();
  return limits;
}

// The bytes of a Uint8Array, copied into wasm memory with one TypedArray.set
// (a memcpy), not the per-character loop embind uses for std::string.
std::string bytes_of(const emscripten::val& array) {
  std::string bytes(array["length"].as<std::size_t>(), '\0');
  if (!bytes.empty())
    emscripten::val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<unsigned char*>(bytes.data())))
        .call<void>("set", array);
  return bytes;
}

// [{name, bytes: Uint8Array, format}…], {"maxBytes", "maxDepth"} -> {"handle",
// "diagnostics", "meta"}. One source is parsed as it is; several are parsed one
// by one and merged, and each diagnostic then says which feed it is about.
std::string open_feeds(const emscripten::val& sources, const std::string& options_text) {
  auto limits = limits_of(json::parse(options_text, nullptr, false));
  json diagnostics = json::array();
  auto add = [&](const std::vector<talktime::diagnostic>& list, const std::string& source) {
    for (auto d : diagnostics_json(list)) {
      d["source"] = source;
      if (!source.empty()) d["text"] = source + ": " + d["text"].get<std::string>();
      diagnostics.push_back(std::move(d));
    }
  };
  auto count = sources.isArray() ? sources["length"].as<std::size_t>() : 0;
  if (count == 0) {
    return json{{"handle", 0}, {"diagnostics", json::array({{{"level", "error"}, {"code", "feed.none"}, {"text", "no feed given"}, {"message", "no feed given"}}})}}.dump();
  }
  bool several = count > 1;
  std::vector<talktime::feed_source> parsed;
  for (std::size_t i = 0; i < count; ++i) {
    auto source = sources[i];
    auto name = source["name"].isString() ? source["name"].as<std::string>() : std::string();
    auto format = source["format"].isString() ? source["format"].as<std::string>() : std::string();
    auto r = talktime::parse_any_feed(bytes_of(source["bytes"]),
                                      talktime::parse_feed_format(format).value_or(talktime::feed_format::detect), limits);
    add(r.diagnostics, several ? name : std::string());
    if (r.feed) parsed.push_back({name, std::move(*r.feed)});
  }
  std::optional<talktime::feed> result;
  if (!several && !parsed.empty()) {
    result = std::move(parsed.front().feed);
  } else if (several && parsed.size() == count) {
    auto merged = talktime::merge_feeds(std::move(parsed));
    add(merged.diagnostics, std::string());
    result = std::move(merged.feed);
  }
  json out = {{"diagnostics", diagnostics}, {"handle", 0}};
  if (result) {
    static int next_handle = 0;
    int handle = ++next_handle;
    out["meta"] = meta_json(*result);
    open_schedules()[handle] = std::make_unique<talktime::schedule>(std::move(*result));
    out["handle"] = handle;
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

void close_feed(int handle) { open_schedules().erase(handle); }

const talktime::schedule* schedule_for(int handle) {
  auto it = open_schedules().find(handle);
  return it == open_schedules().end() ? nullptr : it->second.get();
}

sys_seconds seconds_of(const json& view, const char* key) {
  auto it = view.find(key);
  return sys_seconds{std::chrono::seconds{it != view.end() && it->is_number() ? std::int64_t(it->get<double>()) : 0}};
}

std::string string_of(const json& view, const char* key) {
  auto it = view.find(key);
  return it != view.end() && it->is_string() ? it->get<std::string>() : std::string();
}

talktime::query query_of(const json& q) {
  talktime::query query;
  query.text = string_of(q, "text");
  query.series = string_of(q, "series");
  query.kind = string_of(q, "kind");
  query.tag = string_of(q, "tag");
  query.speaker = string_of(q, "speaker");
  if (auto starred = q.find("starred"); q.value("onlyStarred", false) && starred != q.end() && starred->is_array()) {
    query.ids.emplace();
    for (const auto& id : *starred)
      if (id.is_string()) query.ids->push_back(id.get<std::string>());
  }
  query.show = talktime::parse_show_filter(string_of(q, "show")).value_or(talktime::show_filter::all);
  return query;
}

// A call about one open feed: its schedule, the request's JSON, and the zone the
// request names (nullptr when it names none the database knows).
struct feed_request {
  const talktime::schedule* schedule = nullptr;
  json view;
  const talktime::time_zone* zone = nullptr;
  bool valid() const { return schedule && view.is_object(); }
  const talktime::time_zone& zone_or_utc() const { return zone ? *zone : *talktime::locate_zone("UTC"); }
};

feed_request request_for(int handle, const std::string& request_text) {
  feed_request r{schedule_for(handle), json::parse(request_text, nullptr, false), nullptr};
  if (r.valid()) r.zone = talktime::locate_zone(string_of(r.view, "zone"));
  return r;
}

// The talks a view shows: the query's matches, the first `limit` of them.
struct shown_talks {
  talktime::query_result found;
  std::vector<std::size_t> shown;
};

shown_talks select(const talktime::schedule& s, const json& view, const talktime::time_zone& zone) {
  shown_talks out{s.find(query_of(view), seconds_of(view, "now"), zone), {}};
  std::size_t limit = out.found.talks.size();
  if (auto it = view.find("limit"); it != view.end() && it->is_number_unsigned()) limit = std::min(limit, it->get<std::size_t>());
  out.shown.assign(out.found.talks.begin(), out.found.talks.begin() + std::ptrdiff_t(limit));
  return out;
}

emscripten::val error_object(const std::string& message) {
  auto out = emscripten::val::object();
  out.set("error", message);
  return out;
}

// {"zone", "now", "hour12", "limit", "starred", query fields…} -> {html, zone,
// zoneLabel, count, matched, shown} or {error}, as a JS object (the markup is not
// escaped into JSON and parsed again). Only the first `limit` matches are
// rendered, so a keystroke costs about the same for 100 talks or 100,000.
emscripten::val render(int handle, const std::string& view_text) {
  auto r = request_for(handle, view_text);
  if (!r.valid()) return error_object("no such feed");
  if (!r.zone) return error_object("unknown time zone \"" + string_of(r.view, "zone") + "\"");
  const auto* s = r.schedule;
  const auto* zone = r.zone;
  const auto& view = r.view;
  talktime::render_options options;
  options.display_zone = zone;
  options.now = seconds_of(view, "now");
  options.hour12 = view.value("hour12", false);
  options.interactive = true;
  if (auto starred = view.find("starred"); starred != view.end() && starred->is_array())
    for (const auto& id : *starred)
      if (id.is_string()) options.starred.push_back(id.get<std::string>());
  auto talks = select(*s, view, *zone);
  auto out = emscripten::val::object();
  out.set("html", talktime::render_html(*s, talks.shown, options));
  out.set("zone", std::string(zone->name()));
  out.set("zoneLabel", talktime::zone_label(zone->offset_at(options.now)));
  out.set("count", double(talks.found.talk_count));
  out.set("matched", double(talks.found.talks.size()));
  out.set("shown", double(talks.shown.size()));
  return out;
}

// The same view as schema.org Event JSON-LD (the loader asks for it once typing
// pauses, not on every keystroke); "" for an unknown feed or zone.
std::string json_ld(int handle, const std::string& view_text) {
  auto r = request_for(handle, view_text);
  if (!r.valid() || !r.zone) return std::string();
  return talktime::to_json_ld(r.schedule->feed(), select(*r.schedule, r.view, *r.zone).shown);
}

const talktime::talk* talk_by_id(const talktime::schedule& s, const std::string& id) {
  for (const auto& t : s.feed().talks)
    if (t.id == id) return &t;
  return nullptr;
}

// A talk's Google Calendar and Outlook links, made when its "Add to calendar"
// menu first opens (two long URLs a talk would double the markup of every render).
// {"google", "outlook"}; {} for an unknown talk or a cancelled one.
std::string calendar_links(int handle, const std::string& id) {
  auto* s = schedule_for(handle);
  const auto* t = s ? talk_by_id(*s, id) : nullptr;
  if (!t || t->status == talktime::talk_status::cancelled) return "{}";
  return json{{"google", talktime::google_calendar_url(s->feed(), *t)}, {"outlook", talktime::outlook_calendar_url(s->feed(), *t)}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

// The same query, answered with talk ids only (for callers that filter themselves).
// {"text", "series", "kind", "tag", "speaker", "show", "now", "zone"} -> {"ids": [...], "count": n}
std::string find(int handle, const std::string& query_text) {
  auto r = request_for(handle, query_text);
  if (!r.valid()) return json{{"error", "no such feed"}}.dump();
  const auto* s = r.schedule;
  auto result = s->find(query_of(r.view), seconds_of(r.view, "now"), r.zone_or_utc());
  json ids = json::array();
  for (auto i : result.talks) ids.push_back(s->feed().talks[i].id);
  return json{{"ids", ids}, {"count", result.talk_count}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

// An iCalendar file for every talk the query matches (or for {"ids": [...]}).
std::string ics(int handle, const std::string& query_text) {
  auto r = request_for(handle, query_text);
  if (!r.valid()) return std::string();
  const auto* s = r.schedule;
  const auto& q = r.view;
  auto now = seconds_of(q, "now");
  std::vector<std::size_t> talks;
  if (auto ids = q.find("ids"); ids != q.end() && ids->is_array()) {
    for (std::size_t i = 0; i < s->feed().talks.size(); ++i)
      for (const auto& id : *ids)
        if (id.is_string() && id.get_ref<const std::string&>() == s->feed().talks[i].id) talks.push_back(i);
  } else {
    talks = s->find(query_of(q), now, r.zone_or_utc()).talks;
  }
  return talktime::to_ics(s->feed(), talks, now);
}

std::string zone_list() {
  json names = json::array();
  for (auto name : talktime::zone_names()) names.push_back(std::string(name));
  return names.dump();
}

// {"zone", "at"} -> {"name", "label", "offset"} for the zone switcher; {} when unknown.
std::string describe_zone(const std::string& name, double at) {
  auto* zone = talktime::locate_zone(name);
  if (!zone) return "{}";
  auto offset = zone->offset_at(sys_seconds{std::chrono::seconds{std::int64_t(at)}});
  return json{{"name", std::string(zone->name())}, {"label", talktime::zone_label(offset)}, {"offset", offset.utc_offset.count()}}.dump();
}

}  // namespace

EMSCRIPTEN_BINDINGS(talktime) {
  emscripten::function("openFeeds", &open_feeds);
  emscripten::function("ics", &ics);
  emscripten::function("closeFeed", &close_feed);
  emscripten::function("render", &render);
  emscripten::function("jsonLd", &json_ld);
  emscripten::function("calendarLinks", &calendar_links);
  emscripten::function("find", &find);
  emscripten::function("zoneNames", &zone_list);
  emscripten::function("describeZone", &describe_zone);
}
