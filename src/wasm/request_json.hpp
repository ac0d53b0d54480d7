// The JSON side of the wasm contract (src/wasm/wasm_bindings.cpp): request fields
// read into the core's types, and the core's results written as JSON for the loader
// (web/src/core.js). No Emscripten here, so the bindings file stays the thin part.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "talktime/talktime.hpp"

namespace talktime::wasm {

// The same JSON type as the parser's, so one copy of nlohmann's code is linked.
using json = nlohmann::ordered_json;

/// [{level, code, pointer, line, column, message, text}] of each diagnostic.
json diagnostics_json(const std::vector<diagnostic>& diagnostics);
/// {title, description, seriesDescriptions, url, zone, eventZones, series, kinds, tags,
///  talkCount, searchLimit}: what the loader's toolbar and header need of a feed.
json meta_json(const feed& f);
/// {"maxBytes", "maxDepth"}; a field missing or of the wrong type keeps its default.
feed_limits limits_of(const json& options);
/// {"now": seconds since 1970}: the page's clock, around which recurring calendar
/// events are expanded (the core has no clock of its own).
import_options import_options_of(const json& options);

/// A request field as seconds since 1970 (0 when missing), a string ("" when missing),
/// the strings of an array, or a count (`fallback` when missing).
sys_seconds seconds_of(const json& view, const char* key);
std::string string_of(const json& view, const char* key);
std::vector<std::string> strings_of(const json& view, const char* key);
std::size_t count_of(const json& view, const char* key, std::size_t fallback);
/// The query fields of a request: text, series, kind, tag, speaker, onlyStarred with
/// starred, show, order.
query query_of(const json& q);

}  // namespace talktime::wasm
