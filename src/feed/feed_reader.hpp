// The feed reader's shared part: where its problems go and how the fields every
// level of a feed has (text, links, places, addresses, the organizer) are read.
// feed_parser.cpp reads the feed, talk_reader.cpp its talks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "feed/json_document.hpp"
#include "feed/json_scan.hpp"
#include "feed/json_tape.hpp"
#include "common/problem_reporter.hpp"
#include "talktime/feed.hpp"
#include "common/text.hpp"
#include "common/url.hpp"

namespace talktime::detail {

// A value as a message quotes it: a string in quotes, anything else as JSON (cut at 80).
std::string describe(json_value value);
// "an object", "an array", "a string", … for messages.
std::string type_name(json_value value);

class feed_reader {
 public:
  feed_reader(std::string_view text, std::vector<diagnostic>& out)
      : problems_(text, "feed", out, pointer_offsets) {}

  void error(std::string code, std::string pointer, std::string message) {
    problems_.error(std::move(code), std::move(pointer), std::move(message));
  }
  void warn(std::string code, std::string pointer, std::string message) {
    problems_.warn(std::move(code), std::move(pointer), std::move(message));
  }
  // One last line for the problems that were not listed.
  void finish() { problems_.finish(); }

  // An optional string field; a value of another type is reported and ignored.
  std::string text_field(json_value object, const char* key, const std::string& at, const char* scope) {
    auto it = object.find(key);
    if (!it.given()) return {};
    if (!it.is_string()) {
      warn(std::string(scope) + ".bad_field", at + "/" + key,
           std::string("\"") + key + "\" should be a string, not " + type_name(it) + "; ignored");
      return {};
    }
    return std::string(trim(it.string()));
  }

  std::string url_field(json_value object, const char* key, const std::string& at, const char* scope) {
    return checked_url(text_field(object, key, at, scope), at + "/" + key, scope);
  }

  std::string checked_url(const std::string& raw, const std::string& at, const char* scope) {
    if (raw.empty()) return {};
    auto checked = check_url(raw, base_url);
    if (!checked.problem.empty()) {
      warn(std::string(scope) + (checked.without_scheme ? ".url_without_scheme" : ".bad_url"), at,
           "link " + quote_for_message(raw) + (checked.url ? " " : " dropped: ") + checked.problem);
    }
    return checked.url.value_or(std::string());
  }

  place place_field(json_value object, const std::string& at, const char* scope) {
    auto it = object.find("location");
    if (!it.given()) return {};
    if (it.is_string()) return {std::string(trim(it.string())), {}, {}};
    if (it.is_object()) {
      return {text_field(it, "name", at + "/location", scope), url_field(it, "url", at + "/location", scope),
              address_field(it, at + "/location", scope)};
    }
    warn(std::string(scope) + ".bad_field", at + "/location",
         "\"location\" should be a string or an object, not " + type_name(it) + "; ignored");
    return {};
  }

  // A location's "address": one line of text, or its parts by schema.org's names.
  postal_address address_field(json_value location, const std::string& at, const char* scope) {
    auto it = location.find("address");
    if (!it.given()) return {};
    postal_address out;
    if (it.is_string()) {
      out.text = std::string(trim(it.string()));
    } else if (it.is_object()) {
      auto where = at + "/address";
      out.street = text_field(it, "streetAddress", where, scope);
      out.locality = text_field(it, "addressLocality", where, scope);
      out.region = text_field(it, "addressRegion", where, scope);
      out.postal_code = text_field(it, "postalCode", where, scope);
      out.country = text_field(it, "addressCountry", where, scope);
    } else {
      warn(std::string(scope) + ".bad_field", at + "/address",
           "\"address\" should be a string or an object, not " + type_name(it) + "; ignored");
    }
    return out;
  }

  // The feed's "organizer": a name, or {name, url}.
  organizer_info organizer_field(json_value root) {
    auto it = root.find("organizer");
    if (!it.given()) return {};
    if (it.is_string()) return {std::string(trim(it.string())), {}};
    if (it.is_object()) return {text_field(it, "name", "/organizer", "feed"), url_field(it, "url", "/organizer", "feed")};
    warn("feed.bad_field", "/organizer", "\"organizer\" should be a string or an object, not " + type_name(it) + "; ignored");
    return {};
  }

  std::string base_url;

 private:
  problem_reporter problems_;  // at most 100 problems listed, the rest counted
};


}  // namespace talktime::detail
