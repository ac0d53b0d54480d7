// Reading JSON text into nlohmann's DOM the way every talktime reader needs it:
// limits and encoding repair first (json_scan.hpp), no exceptions, syntax errors
// as located diagnostics. Used by the feed parser and the frab importer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "talktime/diagnostic.hpp"
#include "talktime/feed.hpp"

namespace talktime::detail {

/// Ordered, so maps keep the order the organiser wrote them in; the one JSON
/// type in the library (each other one would add nlohmann's code again).
using json = nlohmann::ordered_json;

/// A parsed JSON text. `text` is what was parsed (the input, or its repaired copy).
struct json_document {
  json root;
  std::string_view text;
  std::string repaired;
  json_document() = default;
  json_document(const json_document&) = delete;
  json_document& operator=(const json_document&) = delete;
};

/// A SAX handler for nlohmann::sax_parse that accepts every event and keeps where
/// and why the text stopped being JSON. Handlers that care about some events derive
/// from it and hide those (sax_parse calls the derived type's members).
struct accepting_sax {
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_object() { return true; }
  bool end_array() { return true; }
  bool key(std::string&) { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
    error_position = position;
    error_message = error.what();
    return false;
  }
  std::size_t error_position = 0;
  std::string error_message;
};

/// Parses `input` into `doc`; false when it failed as a whole. Diagnostics (repairs,
/// limits, syntax) are appended with codes under `code_prefix` ("feed", "frab").
bool parse_json_document(std::string_view input, const feed_limits& limits, std::string_view code_prefix,
                         json_document& doc, std::vector<diagnostic>& diagnostics);

/// Where and why `text` (through the preflight) is not JSON, in nlohmann's words as
/// a "<code_prefix>.syntax" error; nullopt when it is JSON.
std::optional<diagnostic> json_syntax_problem(std::string_view text, std::string_view code_prefix);

/// A JSON Pointer reference token: "~" -> "~0", "/" -> "~1".
std::string escape_pointer_token(std::string_view token);

}  // namespace talktime::detail
