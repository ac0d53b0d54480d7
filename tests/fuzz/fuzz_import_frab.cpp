// Fuzz target: talktime::import_frab on arbitrary bytes.
//
// Properties checked on every input (besides "no crash, leak, UB or hang", which
// the sanitizers and libFuzzer's -timeout check):
//   1. Every importer diagnostic has a frab.* code, a message and a line and column
//      inside the text; one with a JSON Pointer names a value of the input (checked
//      when the input is JSON that needs no repair). Only the two counts have no
//      line: encoding repairs past the tenth (frab.bad_utf8) and problems past the
//      hundredth (frab.too_many_problems, last). So at most 10 repairs and 100
//      problems are listed (101 when the last is the frab.too_large that fails it).
//   2. A failed import (no feed_json) has an error with a line and column.
//   3. Every origin is a JSON Pointer into the input (naming a value there, when the
//      input needs no repair), with no line of its own, and is keyed by a pointer
//      that names a value of feed_json; the feed and every talk in it have one.
//   4. feed_json is a talktime feed that parse_feed loads unless the conference's
//      time_zone_name is no zone (feed.bad_zone at /timezone, the only error then);
//      otherwise no feed-level problem but the conference "url" (feed.bad_field,
//      feed.bad_url) and the problem count. Talk errors can come from any value the
//      importer copies for the parser to judge, but never "not an object" or a bad
//      zone; every talk that did not load has an error; loaded talks have only safe
//      URLs.
//   5. parse_any_feed(text, frab) is the import and then parse_feed: the same talks,
//      the importer's diagnostics plus the parser's, each of the parser's moved to a
//      pointer into the input, and located there when the text needs no encoding
//      repair (src/formats/feed_formats.cpp locates in the text as given, after any
//      byte order mark: a repaired key hides the value from it).
//   6. One byte over the size limit, the import fails as frab.too_large at line 1.
//   7. Linear time: on an input of 32 KiB or more, parse_any_feed takes at most 25 times a
//      typical input's CPU time per byte (fuzz_support.hpp, linear_time_bound); the
//      hostile shapes of tests/fuzz/hostile_shapes.py are replayed against it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_import.hpp"
#include "fuzz_support.hpp"
#include "typical_inputs.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"

namespace {

using namespace talktime;
using talktime::fuzz::check;

bool is_encoding(const diagnostic& d) { return d.code == "frab.bad_utf8" || d.code == "frab.lone_surrogate"; }

void check_diagnostics(const import_result& r, const fuzz::text_lines& lines, const nlohmann::json& input) {
  std::size_t encoding = 0, problems = 0;
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
    const auto& d = r.diagnostics[i];
    auto shown = d.to_string();
    fuzz::check_diagnostic(d, lines);
    check(fuzz::starts_with(d.code, "frab."), "a frab importer diagnostic without a frab.* code", shown);
    if (d.code == "frab.too_many_problems")
      check(i + 1 == r.diagnostics.size() && d.line == 0 && d.pointer.empty(), "frab.too_many_problems is not the unlocated last line", shown);
    else if (is_encoding(d))
      ++encoding;
    else
      ++problems;
    if (d.line == 0)
      check((d.code == "frab.bad_utf8" && d.pointer.empty() && d.level == severity::warning) ||
                d.code == "frab.too_many_problems",
            "a frab diagnostic without a line and column", shown);
    if (!d.pointer.empty() && !input.is_discarded())
      check(fuzz::resolve_pointer(input, d.pointer) != nullptr, "a frab diagnostic points at no value of the input", shown);
  }
  check(encoding <= 11, "more than 10 encoding repairs listed, besides their count");
  bool too_large = !r.feed_json && std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                                [](const diagnostic& d) { return d.code == "frab.too_large"; });
  check(problems <= (too_large ? 101u : 100u), "more than 100 problems listed: " + std::to_string(problems));
}

void check_origins(const import_result& r, const nlohmann::json& input) {
  for (const auto& [generated, source] : r.origins) {
    auto shown = generated + " <- " + source.pointer;
    check(fuzz::starts_with(source.pointer, "/"), "a frab origin that is not a JSON Pointer", shown);
    check(source.line == 0 && source.column == 0, "a frab origin with a line of its own", shown);
    if (!input.is_discarded())
      check(fuzz::resolve_pointer(input, source.pointer) != nullptr, "a frab origin points at no value of the input", shown);
  }
}

const fuzz::converted_rules& rules() {
  static const fuzz::converted_rules r{
      {"feed.bad_zone /timezone", "feed.bad_field /url", "feed.bad_url /url", "feed.url_without_scheme /url",
       "feed.empty /talks", "feed.no_talks /talks"}, {"talk.not_object", "talk.bad_zone"}, {}};
  return r;
}

bool repaired(const import_result& r) {
  for (const auto& d : r.diagnostics)
    if (d.code == "frab.bad_utf8" || d.code == "frab.lone_surrogate") return true;
  return false;
}

// The linear-time property (fuzz_support.hpp): reading costs at most a
// fixed multiple of a typical input's cost per byte.
const fuzz::linear_time_bound& time_bound() {
  static const fuzz::linear_time_bound bound(fuzz::typical_frab,
      [](std::string_view text) { parse_any_feed(text, feed_format::frab); });
  return bound;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  time_bound().check(text);
  fuzz::text_lines lines(text);
  // The input read independently; discarded when it is no JSON or needs repair.
  auto input = nlohmann::json::parse(text, nullptr, false);
  auto r = import_frab(text);
  check_diagnostics(r, lines, input);
  check_origins(r, input);
  if (!r.feed_json) {
    check(r.origins.empty(), "a failed import with origins");
    bool located_error = false;
    for (const auto& d : r.diagnostics) located_error |= d.level == severity::error && d.line > 0;
    check(located_error, "a failed import without an error with a line and column");
    fuzz::check_parse_any_feed(text, feed_format::frab, r, nullptr, true);
  } else {
    auto converted = fuzz::read_converted(*r.feed_json);
    fuzz::check_origin_keys(r, converted);
    auto parsed = fuzz::check_converted(r, converted, rules());
    if (!parsed.feed) {
      check(parsed.diagnostics.size() == 1 && parsed.diagnostics[0].code == "feed.bad_zone",
            "parse_feed rejected a converted schedule for a reason other than its zone",
            parsed.diagnostics.empty() ? std::string_view{} : std::string_view(parsed.diagnostics[0].code));
    } else {
      for (const auto& d : parsed.diagnostics)
        check(d.code != "feed.bad_zone", "a converted schedule with a bad zone loaded", d.to_string());
    }
    fuzz::check_parse_any_feed(text, feed_format::frab, r, &parsed, !repaired(r));
  }
  fuzz::check_size_limit(text, [](std::string_view t, const feed_limits& l) { return import_frab(t, l); }, "frab.too_large");
  return 0;
}
