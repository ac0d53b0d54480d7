// The WebAssembly boundary: the only file that includes <emscripten/bind.h>.
// Strings in, strings (JSON or HTML) out; feeds stay in memory behind small
// integer handles so a keystroke never re-parses or re-converts anything.
#include <emscripten/bind.h>

#include <algorithm>
#include <map>
#include <memory>

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
  json series = json::array(), kinds = json::array(), tags = json::array(), zones = json::array();
  for (const auto& s : f.series) series.push_back({{"id", s.id}, {"title", s.title}});
  std::map<std::string, int> tag_counts;
  std::vector<std::string> kind_names, zone_names;
  for (const auto& t : f.talks) {
    auto kind = std::string(talktime::to_string(t.kind));
    if (std::find(kind_names.begin(), kind_names.end(), kind) == kind_names.end()) kind_names.push_back(kind);
    for (const auto& tag : t.tags) ++tag_counts[tag];
    if (t.zone) {
      auto zone = std::string(t.zone->name());
      if (std::find(zone_names.begin(), zone_names.end(), zone) == zone_names.end()) zone_names.push_back(zone);
    }
    if (!t.series.empty() && !f.find_series(t.series)) {
      bool listed = std::any_of(series.begin(), series.end(), [&](const json& s) { return s["id"] == t.series; });
      if (!listed) series.push_back({{"id", t.series}, {"title", t.series}});
    }
  }
  for (const auto& [tag, count] : tag_counts) tags.push_back(tag);
  return {{"title", f.title},
          {"url", f.url},
          {"zone", f.zone ? std::string(f.zone->name()) : std::string()},
          {"eventZones", zone_names},
          {"series", series},
          {"kinds", kind_names},
          {"tags", tags},
          {"talkCount", f.talks.size()}};
}

// {"maxBytes": n, "maxDepth": n} -> handle, diagnostics and what the controls need.
std::string open_feed(const std::string& text, const std::string& options_text) {
  talktime::feed_limits limits;
  auto options = json::parse(options_text, nullptr, false);
  if (options.is_object()) {
    if (auto it = options.find("maxBytes"); it != options.end() && it->is_number_unsigned())
      limits.max_bytes = it->get<std::size_t>();
    if (auto it = options.find("maxDepth"); it != options.end() && it->is_number_unsigned())
      limits.max_depth = it->get<int>();
  }
  auto result = talktime::parse_feed(text, limits);
  json out = {{"diagnostics", diagnostics_json(result.diagnostics)}, {"handle", 0}};
  if (result.feed) {
    static int next_handle = 0;
    int handle = ++next_handle;
    out["meta"] = meta_json(*result.feed);
    open_schedules()[handle] = std::make_unique<talktime::schedule>(std::move(*result.feed));
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
  auto show = string_of(q, "show");
  query.show = show == "upcoming" ? talktime::show_filter::upcoming
               : show == "past"   ? talktime::show_filter::past
                                  : talktime::show_filter::all;
  return query;
}

// {"zone", "now", "hour12", "limit", query fields…} -> {"html", "zone", "zoneLabel",
// "count", "matched", "shown"} or {"error"}. Only the first `limit` matches are
// rendered, so a keystroke costs the same for 100 talks or 100,000.
std::string render(int handle, const std::string& view_text) {
  auto* s = schedule_for(handle);
  auto view = json::parse(view_text, nullptr, false);
  if (!s || !view.is_object()) return json{{"error", "no such feed"}}.dump();
  auto* zone = talktime::locate_zone(string_of(view, "zone"));
  if (!zone) return json{{"error", "unknown time zone \"" + string_of(view, "zone") + "\""}}.dump(-1, ' ', false, json::error_handler_t::replace);
  talktime::render_options options;
  options.display_zone = zone;
  options.now = seconds_of(view, "now");
  options.hour12 = view.value("hour12", false);
  auto found = s->find(query_of(view), options.now, *zone);
  std::size_t limit = found.talks.size();
  if (auto it = view.find("limit"); it != view.end() && it->is_number_unsigned()) limit = std::min(limit, it->get<std::size_t>());
  std::vector<std::size_t> shown(found.talks.begin(), found.talks.begin() + std::ptrdiff_t(limit));
  return json{{"html", talktime::render_html(*s, shown, options)},
              {"zone", std::string(zone->name())},
              {"zoneLabel", talktime::zone_label(zone->offset_at(options.now))},
              {"count", found.talk_count},
              {"matched", found.talks.size()},
              {"shown", shown.size()}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

// The same query, answered with talk ids only (for callers that filter themselves).
// {"text", "series", "kind", "tag", "speaker", "show", "now", "zone"} -> {"ids": [...], "count": n}
std::string find(int handle, const std::string& query_text) {
  auto* s = schedule_for(handle);
  auto q = json::parse(query_text, nullptr, false);
  if (!s || !q.is_object()) return json{{"error", "no such feed"}}.dump();
  auto* zone = talktime::locate_zone(string_of(q, "zone"));
  if (!zone) zone = talktime::locate_zone("UTC");
  auto result = s->find(query_of(q), seconds_of(q, "now"), *zone);
  json ids = json::array();
  for (auto i : result.talks) ids.push_back(s->feed().talks[i].id);
  return json{{"ids", ids}, {"count", result.talk_count}}.dump(-1, ' ', false, json::error_handler_t::replace);
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
  emscripten::function("openFeed", &open_feed);
  emscripten::function("closeFeed", &close_feed);
  emscripten::function("render", &render);
  emscripten::function("find", &find);
  emscripten::function("zoneNames", &zone_list);
  emscripten::function("describeZone", &describe_zone);
  emscripten::function("tzVersion", +[]() { return std::string(talktime::tz_database_version()); });
}
