// See feed_reader.hpp.
#include "feed/feed_reader.hpp"

namespace talktime::detail {

std::string describe(const json& value) {
  if (value.is_string()) return quote_for_message(value.get_ref<const std::string&>());
  std::string dumped = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (dumped.size() > 80) dumped = std::string(truncate_utf8(dumped, 77)) + "…";
  return dumped;
}

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    default: return "a number";
  }
}

}  // namespace talktime::detail
