// talktime-full.wasm's side of module_parts.hpp: every format, the merge and JSON-LD.
#include "module_parts.hpp"

namespace talktime::wasm {

const char* full_module_reason(const std::string&, feed_format, std::size_t) { return nullptr; }

const char* full_module_reason(const feed&) { return nullptr; }

parse_result parse_source(const std::string& bytes, feed_format format, const feed_limits& limits,
                          const import_options& import) {
  return parse_any_feed(bytes, format, limits, import);
}

parse_result merge_sources(std::vector<feed_source> sources) { return merge_feeds(std::move(sources)); }

std::optional<std::string> json_ld_of(const feed& f, const std::vector<std::size_t>& talks) {
  return to_json_ld(f, talks);
}

}  // namespace talktime::wasm
