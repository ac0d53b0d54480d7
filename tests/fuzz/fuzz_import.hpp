// Checks shared by the importer fuzz targets (fuzz_import_frab, fuzz_import_ical):
// what holds for every converted feed, whatever the format. See SECURITY.md.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"
#include "talktime/talktime.hpp"

namespace talktime::fuzz {

// The converted feed as read here: member order does not matter to these checks, and
// std::map's members are found without the linear search of nlohmann::ordered_json.
using json = nlohmann::json;

/// The limits parse_any_feed reads a converted feed with (src/formats/feed_formats.cpp): the
/// input met the caller's limits; the generated text's layout is the importer's.
inline feed_limits converted_limits(std::size_t converted_size) {
  feed_limits limits;
  limits.max_bytes = std::max(limits.max_bytes, converted_size);
  limits.max_depth = std::max(limits.max_depth, 64);
  return limits;
}

/// feed_json, read independently of talktime: JSON, an object with "talktime": 1
/// and a "talks" array of objects.
inline json read_converted(const std::string& feed_json) {
  auto root = json::parse(feed_json, nullptr, false);
  check(!root.is_discarded(), "feed_json is not JSON", feed_json);
  check(root.is_object() && root.contains("talktime") && root["talktime"] == 1,
        "feed_json has no \"talktime\": 1", feed_json);
  check(root.contains("talks") && root["talks"].is_array(), "feed_json has no \"talks\" array", feed_json);
  for (const auto& t : root["talks"]) check(t.is_object(), "feed_json has a talk that is not an object", feed_json);
  return root;
}

/// Every origin is keyed by a JSON Pointer that names a value in feed_json, and the
/// feed itself and every talk in it have one (so every problem the parser finds in
/// the converted feed can be moved back to the input).
inline void check_origin_keys(const import_result& r, const json& converted) {
  for (const auto& [generated, source] : r.origins) {
    check(generated.empty() || generated[0] == '/', "an origin key that is not a JSON Pointer", generated);
    check(resolve_pointer(converted, generated) != nullptr, "an origin for a value feed_json does not have", generated);
  }
  check(r.origins.count("") == 1, "the converted feed has no origin");
  for (std::size_t i = 0; i < converted["talks"].size(); ++i)
    check(r.origins.count("/talks/" + std::to_string(i)) == 1, "talk " + std::to_string(i) + " of feed_json has no origin");
}

/// What the feed parser may say about a converted feed.
struct converted_rules {
  /// feed.* diagnostics allowed besides feed.too_many_problems, as "code pointer".
  std::set<std::string> feed_codes;
  /// Talk-level error codes a converted talk can never get.
  std::set<std::string> impossible_talk_errors;
  /// Whether an error with this code is allowed on this talk of feed_json.
  std::function<bool(const std::string& code, const json& talk)> talk_error_allowed;
};

/// parse_feed on feed_json (with parse_any_feed's limits): only the feed-level
/// diagnostics the rules allow; talk errors only with allowed codes, each pointing at
/// a talk of feed_json that did not load; every talk that did not load has an error
/// (when all problems are listed); loaded talks have only safe URLs.
inline parse_result check_converted(const import_result& r, const json& converted, const converted_rules& rules) {
  const auto& feed_json = *r.feed_json;
  auto parsed = parse_feed(feed_json, converted_limits(feed_json.size()));
  const auto& talks = converted["talks"];
  std::set<long> failed;
  bool all_listed = true;
  for (const auto& d : parsed.diagnostics) {
    auto shown = d.to_string();
    if (d.code == "feed.too_many_problems") {
      all_listed = false;
      continue;
    }
    if (starts_with(d.code, "feed.")) {
      check(rules.feed_codes.count(d.code + " " + d.pointer) == 1, "the converted feed has a feed-level problem", shown);
      continue;
    }
    check(starts_with(d.code, "talk."), "the converted feed has a problem that is neither feed.* nor talk.*", shown);
    if (d.level != severity::error) continue;
    auto index = talk_index_of(d.pointer);
    check(index >= 0 && std::size_t(index) < talks.size(), "a talk error that points at no talk of feed_json", shown);
    check(rules.impossible_talk_errors.count(d.code) == 0, "a converted talk got an error the importer rules out", shown);
    check(!rules.talk_error_allowed || rules.talk_error_allowed(d.code, talks[std::size_t(index)]),
          "a converted talk got an error its values do not allow", shown + "\n" + talks[std::size_t(index)].dump());
    failed.insert(index);
  }
  if (!parsed.feed) return parsed;
  std::set<long> loaded;
  for (const auto& t : parsed.feed->talks) {
    check(!failed.count(long(t.index)), "a converted talk loaded despite an error", t.id);
    loaded.insert(long(t.index));
  }
  if (all_listed)
    for (std::size_t i = 0; i < talks.size(); ++i)
      check(loaded.count(long(i)) || failed.count(long(i)), "converted talk " + std::to_string(i) + " was dropped without an error");
  check_feed_urls(*parsed.feed);
  return parsed;
}

/// parse_any_feed(text, format) is the importer and then parse_feed: the same
/// outcome and talks, the importer's diagnostics plus the parser's, and each of the
/// parser's moved to the input: a location inside it (when `must_locate`) and a
/// pointer that is empty (iCalendar) or one into the input (frab).
inline void check_parse_any_feed(std::string_view text, feed_format format, const import_result& r,
                                 const parse_result* parsed, bool must_locate) {
  auto any = parse_any_feed(text, format);
  text_lines lines(text);
  auto prefix = std::string(to_string(format)) + ".";
  if (format == feed_format::ical) prefix = "ics.";
  if (!parsed) {
    check(!any.feed, "parse_any_feed loaded a feed the importer rejected");
    check(any.diagnostics.size() == r.diagnostics.size(), "parse_any_feed added diagnostics to a rejected import");
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i)
      check(any.diagnostics[i].to_string() == r.diagnostics[i].to_string(), "parse_any_feed changed a diagnostic",
            any.diagnostics[i].to_string());
    return;
  }
  check(any.feed.has_value() == parsed->feed.has_value(), "parse_any_feed and parse_feed(feed_json) disagree on loading");
  // Events of which none became a talk: parse_any_feed gives feed.no_talks in place of the
  // parser's feed.empty, and adds it when the parser's list was full before it got there.
  auto has = [](const std::vector<diagnostic>& ds, std::string_view code) {
    return std::any_of(ds.begin(), ds.end(), [&](const diagnostic& d) { return d.code == code; });
  };
  auto expected = r.diagnostics.size() + parsed->diagnostics.size();
  if (has(any.diagnostics, "feed.no_talks") && !has(parsed->diagnostics, "feed.no_talks")) ++expected;
  if (has(parsed->diagnostics, "feed.empty") && !has(any.diagnostics, "feed.empty")) --expected;
  check(any.diagnostics.size() == expected, "parse_any_feed does not report the importer's and the parser's diagnostics");
  std::size_t own = 0;
  for (std::size_t i = 0; i < any.diagnostics.size(); ++i) {
    const auto& d = any.diagnostics[i];
    auto shown = d.to_string();
    check_diagnostic(d, lines);
    check(i == 0 || any.diagnostics[i - 1].line <= d.line, "parse_any_feed's diagnostics are not in line order", shown);
    if (starts_with(d.code, prefix)) {
      ++own;
      continue;
    }
    if (must_locate) check(d.line > 0, "a problem in the converted feed was not located in the input", shown);
    if (format == feed_format::ical) check(d.pointer.empty(), "an iCalendar diagnostic with a JSON Pointer", shown);
    else check(starts_with(d.pointer, "/"), "a frab diagnostic not moved to a pointer into the input", shown);
  }
  check(own == r.diagnostics.size(), "parse_any_feed lost or added importer diagnostics");
  if (!any.feed) return;
  const auto &a = any.feed->talks, &b = parsed->feed->talks;
  check(a.size() == b.size(), "parse_any_feed and parse_feed(feed_json) load different numbers of talks");
  for (std::size_t i = 0; i < a.size(); ++i)
    check(a[i].id == b[i].id, "parse_any_feed and parse_feed(feed_json) load different talks", a[i].id + " / " + b[i].id);
}

/// One byte over the size limit, the import fails as a whole with `code` at line 1.
template <class Importer>
void check_size_limit(std::string_view text, Importer importer, const std::string& code) {
  if (text.empty()) return;
  feed_limits tight;
  tight.max_bytes = text.size() - 1;
  auto over = importer(text, tight);
  check(!over.feed_json && over.diagnostics.size() == 1 && over.diagnostics[0].code == code &&
            over.diagnostics[0].level == severity::error && over.diagnostics[0].line == 1 &&
            over.diagnostics[0].column == 1,
        "an input one byte over the size limit was not rejected as " + code + " at line 1",
        over.diagnostics.empty() ? std::string_view{} : std::string_view(over.diagnostics.back().code));
}

}  // namespace talktime::fuzz
