// The JSON side of the wasm contract: see request_json.hpp.
#include "request_json.hpp"

#include <chrono>
#include <cstdint>

namespace talktime::wasm {

json diagnostics_json(const std::vector<diagnostic>& diagnostics) {
  json out = json::array();
  for (const auto& d : diagnostics)
    out.push_back({{"level", d.level == severity::error ? "error" : "warning"},
                   {"code", d.code},
                   {"pointer", d.pointer},
                   {"line", d.line},
                   {"column", d.column},
                   {"message", d.message},
                   {"text", d.to_string()}});
  return out;
}

json meta_json(const feed& f) {
  auto facets = facets_of(f);
  json series = json::array(), kinds = json::array();
  for (const auto& s : facets.series) series.push_back({{"id", s.id}, {"title", s.title}});
  for (auto kind : facets.kinds)
    kinds.push_back({{"id", std::string(to_string(kind))}, {"label", std::string(kind_filter_label(kind))}});
  json series_descriptions = json::object();
  for (const auto& s : facets.series)
    if (!s.description.empty()) series_descriptions[s.id] = s.description;
  return {{"title", f.title},
          {"description", f.description},
          {"seriesDescriptions", series_descriptions},
          {"url", f.url},
          {"zone", f.zone ? std::string(f.zone->name()) : std::string()},
          {"eventZones", facets.event_zones},
          {"series", series},
          {"kinds", kinds},
          {"tags", facets.tags},
          {"talkCount", facets.talk_count},
          // How much of a search the engine reads: the loader caps its box and the fragment there.
          {"searchLimit", max_search_bytes}};
}

feed_limits limits_of(const json& options) {
  feed_limits limits;
  if (!options.is_object()) return limits;
  if (auto it = options.find("maxBytes"); it != options.end() && it->is_number_unsigned())
    limits.max_bytes = it->get<std::size_t>();
  if (auto it = options.find("maxDepth"); it != options.end() && it->is_number_unsigned())
    limits.max_depth = it->get<int>();
  return limits;
}

import_options import_options_of(const json& options) {
  import_options import;
  if (!options.is_object()) return import;
  if (auto it = options.find("now"); it != options.end() && it->is_number())
    import.now = sys_seconds{std::chrono::seconds{it->get<std::int64_t>()}};
  return import;
}

sys_seconds seconds_of(const json& view, const char* key) {
  auto it = view.find(key);
  return sys_seconds{std::chrono::seconds{it != view.end() && it->is_number() ? std::int64_t(it->get<double>()) : 0}};
}

std::string string_of(const json& view, const char* key) {
  auto it = view.find(key);
  return it != view.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings_of(const json& view, const char* key) {
  std::vector<std::string> out;
  if (auto it = view.find(key); it != view.end() && it->is_array())
    for (const auto& value : *it)
      if (value.is_string()) out.push_back(value.get<std::string>());
  return out;
}

query query_of(const json& q) {
  query query;
  query.text = string_of(q, "text");
  query.series = string_of(q, "series");
  query.kind = string_of(q, "kind");
  query.tag = string_of(q, "tag");
  query.speaker = string_of(q, "speaker");
  if (q.value("onlyStarred", false)) query.ids = strings_of(q, "starred");
  query.show = parse_show_filter(string_of(q, "show")).value_or(show_filter::all);
  query.order = parse_list_order(string_of(q, "order")).value_or(list_order::automatic);
  return query;
}

std::size_t count_of(const json& view, const char* key, std::size_t fallback) {
  auto it = view.find(key);
  return it != view.end() && it->is_number_unsigned() ? it->get<std::size_t>() : fallback;
}

}  // namespace talktime::wasm
