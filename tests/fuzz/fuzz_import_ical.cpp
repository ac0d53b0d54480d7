// Fuzz target: talktime::import_ical on arbitrary bytes.
//
// Properties checked on every input (besides "no crash, leak, UB or hang", which
// the sanitizers and libFuzzer's -timeout check):
//   1. Every importer diagnostic has an ics.* code, a message, no JSON Pointer, and
//      a line of the text with column 1. Only "the file is empty" (ics.not_calendar
//      for a text of blank lines) and the count of problems past the hundredth
//      (ics.too_many_problems, last) have no line; so at most 100 are listed.
//   2. A failed import (no feed_json) ends with the ics.not_calendar error, located
//      unless the text is blank; only ics.bad_utf8 and ics.control_characters
//      warnings come before it.
//   3. Every origin points at a line of the text (column 1, no pointer), and is keyed
//      by a pointer that names a value of feed_json; the feed and every talk in it
//      have one.
//   4. feed_json is a talktime feed that parse_feed always loads: no feed-level
//      problem but a dropped feed "url" (feed.bad_url) and the problem count; talk
//      errors only for values the importer copies unjudged (title, duration, end
//      before start, floating times without a zone, duplicate ids), never a bad zone,
//      a bad start only for a talk that reaches past 9999-12-30 (UTC), and a bad end
//      only then or when DTSTART and DTEND are one a date and the other a date-time;
//      every talk that did not load has an error; loaded talks
//      have only safe URLs.
//   5. parse_any_feed(text, ical) is the import and then parse_feed: the same talks,
//      the importer's diagnostics plus the parser's, each of the parser's moved to a
//      line of the text.
//   6. One byte over the size limit, the import fails as ics.too_large at line 1.
//   7. Linear time: on an input of 32 KiB or more, parse_any_feed takes at most 25 times a
//      typical input's CPU time per byte (fuzz_support.hpp, linear_time_bound); the
//      hostile shapes of tests/fuzz/hostile_shapes.py are replayed against it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_import.hpp"
#include "fuzz_support.hpp"
#include "typical_inputs.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"

namespace {

using namespace talktime;
using talktime::fuzz::check;

// No content line at all: only blank lines after an optional byte order mark.
bool is_blank(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text.find_first_not_of(" \t\r\n\f") == std::string_view::npos;
}

void check_diagnostics(const import_result& r, std::string_view text, const fuzz::text_lines& lines) {
  std::size_t listed = 0;
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
    const auto& d = r.diagnostics[i];
    auto shown = d.to_string();
    fuzz::check_diagnostic(d, lines);
    check(fuzz::starts_with(d.code, "ics."), "an iCalendar importer diagnostic without an ics.* code", shown);
    check(d.pointer.empty(), "an iCalendar diagnostic with a JSON Pointer", shown);
    if (d.code == "ics.too_many_problems")
      check(i + 1 == r.diagnostics.size() && d.line == 0, "ics.too_many_problems is not the unlocated last line", shown);
    else
      ++listed;
    if (d.line == 0)
      check((d.code == "ics.not_calendar" && is_blank(text)) || d.code == "ics.too_many_problems",
            "an iCalendar diagnostic without a line", shown);
    else
      check(d.column == 1, "an iCalendar diagnostic not at the start of its line", shown);
  }
  check(listed <= 100, "more than 100 problems listed: " + std::to_string(listed));
}

void check_failed(const import_result& r, std::string_view text) {
  check(!r.diagnostics.empty(), "a failed import without diagnostics");
  const auto& last = r.diagnostics.back();
  check(last.code == "ics.not_calendar" && last.level == severity::error, "a failed import does not end with ics.not_calendar",
        last.to_string());
  check(last.line > 0 || is_blank(text), "a failed import without a located error", last.to_string());
  for (std::size_t i = 0; i + 1 < r.diagnostics.size(); ++i)
    check((r.diagnostics[i].code == "ics.bad_utf8" || r.diagnostics[i].code == "ics.control_characters") &&
              r.diagnostics[i].level == severity::warning,
          "a failed import with other problems before ics.not_calendar", r.diagnostics[i].to_string());
}

void check_origins(const import_result& r, const fuzz::text_lines& lines) {
  for (const auto& [generated, source] : r.origins) {
    auto shown = generated + " <- line " + std::to_string(source.line) + ", column " + std::to_string(source.column);
    check(source.pointer.empty(), "an iCalendar origin with a JSON Pointer", shown + " " + source.pointer);
    check(lines.contains(source.line, source.column) && source.column == 1, "an origin outside the text", shown);
  }
}

bool has_time(const fuzz::json& talk, const char* key) {
  auto it = talk.find(key);
  return it != talk.end() && it->is_string() && it->get_ref<const std::string&>().find('T') != std::string::npos;
}

// A time on the last two days of year 9999, which may lie past 9999-12-30 in UTC,
// the last day a talk may have (exports write four-digit years).
bool at_end_of_time(const fuzz::json& talk, const char* key) {
  auto it = talk.find(key);
  return it != talk.end() && it->is_string() && it->get_ref<const std::string&>().rfind("9999-12-3", 0) == 0;
}

const fuzz::converted_rules& rules() {
  static const fuzz::converted_rules r{
      {"feed.bad_url /url", "feed.url_without_scheme /url", "feed.empty /talks", "feed.no_talks /talks"},
      {"talk.not_object", "talk.bad_zone"},
      // DTSTART and DTEND are read and written by the importer; the parser can only
      // object to an end when one of them is a date and the other a date-time, and
      // to either when the talk reaches past 9999-12-30.
      [](const std::string& code, const fuzz::json& talk) {
        bool late = at_end_of_time(talk, "start") || at_end_of_time(talk, "end");
        if (code == "talk.bad_start") return late;
        if (code != "talk.bad_end") return true;
        return late || (talk.contains("start") && talk.contains("end") && has_time(talk, "start") != has_time(talk, "end"));
      }};
  return r;
}

// The linear-time property (fuzz_support.hpp): reading costs at most a
// fixed multiple of a typical input's cost per byte.
const fuzz::linear_time_bound& time_bound() {
  static const fuzz::linear_time_bound bound(fuzz::typical_calendar,
      [](std::string_view text) { parse_any_feed(text, feed_format::ical); });
  return bound;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  time_bound().check(text);
  fuzz::text_lines lines(text);
  auto r = import_ical(text);
  check_diagnostics(r, text, lines);
  check_origins(r, lines);
  if (!r.feed_json) {
    check(r.origins.empty(), "a failed import with origins");
    check_failed(r, text);
    fuzz::check_parse_any_feed(text, feed_format::ical, r, nullptr, true);
  } else {
    auto converted = fuzz::read_converted(*r.feed_json);
    fuzz::check_origin_keys(r, converted);
    auto parsed = fuzz::check_converted(r, converted, rules());
    check(parsed.feed.has_value(), "parse_feed rejected a converted calendar", *r.feed_json);
    fuzz::check_parse_any_feed(text, feed_format::ical, r, &parsed, true);
  }
  fuzz::check_size_limit(text, [](std::string_view t, const feed_limits& l) { return import_ical(t, l); }, "ics.too_large");
  return 0;
}
