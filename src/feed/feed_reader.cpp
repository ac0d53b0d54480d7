// See feed_reader.hpp.
#include "feed/feed_reader.hpp"

namespace talktime::detail {

std::string describe(json_value value) {
  if (value.is_string()) return quote_for_message(value.string());
  std::string dumped = value.to_json().dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  if (dumped.size() > 80) dumped = std::string(truncate_utf8(dumped, 77)) + "…";
  return dumped;
}

std::string type_name(json_value value) {
  switch (value.kind()) {
    case json_kind::object: return "an object";
    case json_kind::array: return "an array";
    case json_kind::string: return "a string";
    case json_kind::boolean: return "a boolean";
    case json_kind::null: return "null";
    default: return "a number";
  }
}

}  // namespace talktime::detail
