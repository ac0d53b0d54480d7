// talktime.wasm's side of module_parts.hpp: one talktime feed, read by parse_feed.
// Nothing here calls the importers, the merge or the JSON-LD writer, so the linker
// leaves them out of the first-render module; web/src/core.js sends what they are
// needed for to the full module.
#include "module_parts.hpp"

namespace talktime::wasm {

const char* full_module_reason(const std::string& bytes, feed_format format, std::size_t count) {
  if (count > 1) return "several feeds are merged by the full module";
  if (format == feed_format::detect) format = detect_feed_format(bytes);
  if (format != feed_format::talktime) return "iCalendar and frab feeds are read by the full module";
  return nullptr;
}

// The zone table here starts on 1 January 1970 (make_zone_table --from 1970): from then
// on it is exact; a local time read before then may be off by the zone's older history,
// by less than two days, so every talk from 3 January 1970 on is read right.
const char* full_module_reason(const feed& f) {
  constexpr sys_seconds exact_from{std::chrono::hours{48}};
  for (const auto& t : f.talks)
    if (t.start < exact_from || t.start_day < date::sys_days{date::days{2}})
      return "talks before 1970 are shown by the full module, which has the zones' older history";
  return nullptr;
}

parse_result parse_source(const std::string& bytes, feed_format, const feed_limits& limits, const import_options&) {
  return parse_feed(bytes, limits);
}

parse_result merge_sources(std::vector<feed_source> sources) {
  parse_result only;
  if (!sources.empty()) only.feed = std::move(sources.front().feed);
  return only;
}

std::optional<std::string> json_ld_of(const feed&, const std::vector<std::size_t>&) { return std::nullopt; }

}  // namespace talktime::wasm
