// What differs between the two WebAssembly modules linked from wasm_bindings.cpp
// (CMakeLists.txt): full_module.cpp links the importers, the merge and JSON-LD;
// first_render_module.cpp, in talktime.wasm, reads one talktime feed and leaves the
// rest to the full module (the request.needs_full_module answer).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "talktime/talktime.hpp"

namespace talktime::wasm {

/// Why this module cannot read a source (one of `count` opened together, in `format`,
/// detect for "find out"), or null when it can.
const char* full_module_reason(const std::string& bytes, feed_format format, std::size_t count);
/// Why this module cannot show a feed it has read, or null: the first-render module's
/// zone table starts in 1970, so a talk before then is the full module's.
const char* full_module_reason(const feed& f);
/// The source read as its format says (full_module_reason said this module can).
parse_result parse_source(const std::string& bytes, feed_format format, const feed_limits& limits,
                          const import_options& import);
/// Several parsed sources as one feed (only called where full_module_reason allows several).
parse_result merge_sources(std::vector<feed_source> sources);
/// schema.org JSON-LD of the talks, or nothing in a module without the writer.
std::optional<std::string> json_ld_of(const feed& f, const std::vector<std::size_t>& talks);

}  // namespace talktime::wasm
