// Fuzz target: talktime::parse_feed on arbitrary bytes.
//
// Properties checked on every input (besides "no crash, leak, UB or hang", which
// the sanitizers and libFuzzer's -timeout check):
//   1. Every diagnostic has a code ("feed.x" / "talk.x"), a message, and a sane
//      location (line and column both set or both 0, inside the text: the column at
//      most one past the end of its line).
//   2. A rejected feed carries a feed-level error with a line and column.
//   3. An accepted feed has only talk-level errors (or the feed.too_many_problems
//      count, or feed.no_talks when none of its talks loaded); every talk that did
//      not load has an error pointing into it (when all problems are listed), and no
//      talk that loaded has one.
//   4. Loaded talks have a title, a unique id, end not before start, and only
//      absolute http(s)/mailto URLs.
//   5. Feed text never becomes markup: the whole feed rendered is made only of the
//      renderer's own elements and attributes (no "<script", no " on…=").
//   6. The size limit is enforced exactly: one byte over it fails as feed.too_large.
//   7. Round trip: an accepted feed written back with to_feed_json parses again with
//      no errors, with the same talks (id, title, kind, status, times), and writing
//      that gives the same text.
//   8. Linear time: on an input of 32 KiB or more, parse_feed takes at most 25 times a
//      typical input's CPU time per byte (fuzz_support.hpp, linear_time_bound); the
//      hostile shapes of tests/fuzz/hostile_shapes.py are replayed against it.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "typical_inputs.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"
#include "talktime/talktime.hpp"

namespace {

using namespace talktime;
using talktime::fuzz::check;

void check_diagnostics(const parse_result& r, std::string_view text) {
  fuzz::text_lines lines(text);
  for (const auto& d : r.diagnostics) fuzz::check_diagnostic(d, lines);
}

void check_rejected(const parse_result& r) {
  bool located_feed_error = false;
  for (const auto& d : r.diagnostics)
    located_feed_error |= d.level == severity::error && d.code.rfind("feed.", 0) == 0 && d.line > 0;
  check(located_feed_error, "a rejected feed has no feed-level error with a line and column");
}

void check_accepted(const parse_result& r, std::string_view text) {
  const auto& f = *r.feed;
  std::set<std::string> ids;
  std::set<long> loaded;
  for (const auto& t : f.talks) {
    check(!t.title.empty(), "a loaded talk has no title", t.id);
    check(!t.id.empty(), "a loaded talk has no id", t.title);
    check(ids.insert(t.id).second, "two loaded talks share an id", t.id);
    check(loaded.empty() || long(t.index) > *loaded.rbegin(), "talks out of feed order", t.id);
    loaded.insert(long(t.index));
    if (t.date_only) {
      check(!t.end && (!t.end_day || *t.end_day >= t.start_day), "a date-only talk ends before it starts", t.id);
    } else {
      check(!t.end_day && (!t.end || *t.end >= t.start), "a talk ends before it starts", t.id);
    }
  }
  fuzz::check_feed_urls(f);

  std::set<long> with_errors;
  bool all_listed = true;
  for (const auto& d : r.diagnostics) {
    if (d.code == "feed.too_many_problems") {
      all_listed = false;
      continue;
    }
    if (d.level != severity::error || d.code == "feed.no_talks") continue;  // no_talks: none of several loaded
    check(d.code.rfind("talk.", 0) == 0, "an accepted feed has a feed-level error", d.to_string());
    auto index = fuzz::talk_index_of(d.pointer);
    check(index >= 0, "a talk error that points at no talk", d.to_string());
    check(!loaded.count(index), "a talk loaded despite an error", d.to_string());
    with_errors.insert(index);
  }
  // Every talk that did not load was reported. The text is parsed again on its own;
  // that is possible only when it needed no encoding repair.
  auto root = all_listed ? nlohmann::json::parse(text, nullptr, false) : nlohmann::json();
  if (all_listed && root.is_object() && root.contains("talks") && root["talks"].is_array()) {
    long n = long(root["talks"].size());
    for (long i = 0; i < n; ++i)
      check(loaded.count(i) || with_errors.count(i), "talk " + std::to_string(i) + " was dropped without an error");
  }
}

// The whole feed rendered, as the widget shows it with no filter.
void check_escaping(const parse_result& r) {
  schedule s(*r.feed);
  const auto* utc = locate_zone("UTC");
  check(utc != nullptr, "no UTC zone");
  render_options options;
  options.display_zone = utc;
  options.now = sys_seconds{std::chrono::seconds{1700000000}};
  auto found = s.find({}, options.now, *utc);
  check(found.talks.size() == s.feed().talks.size(), "an empty query does not find every talk");
  auto html = render_html(s, found.talks, options);
  fuzz::check_rendered_html(html);
  for (std::size_t i = 0; i + 7 <= html.size(); ++i) {
    if (html[i] != '<') continue;
    std::string tag;
    for (std::size_t k = i + 1; k < i + 7; ++k) tag.push_back(char(std::tolower(static_cast<unsigned char>(html[k]))));
    check(tag != "script", "rendered HTML contains <script", html);
  }
}

void check_round_trip(const feed& f) {
  auto first = to_feed_json(f);
  auto again = parse_feed(first);
  std::string problems;
  for (const auto& d : again.diagnostics)
    if (d.level == severity::error) problems += d.to_string() + "\n";
  check(again.feed && problems.empty(), "to_feed_json wrote a feed that does not parse cleanly:\n" + problems, first);
  const auto& g = *again.feed;
  check(g.talks.size() == f.talks.size(), "the round trip changed the number of talks", first);
  for (std::size_t i = 0; i < f.talks.size(); ++i) {
    const auto &a = f.talks[i], &b = g.talks[i];
    bool same = a.id == b.id && a.title == b.title && a.kind == b.kind && a.status == b.status &&
                a.date_only == b.date_only &&
                (a.date_only ? a.start_day == b.start_day && a.end_day.value_or(a.start_day) == b.end_day.value_or(b.start_day)
                             : a.start == b.start && a.end == b.end);
    check(same, "the round trip changed talk " + a.id, first);
  }
  check(to_feed_json(g) == first, "to_feed_json(parse(to_feed_json(feed))) differs from to_feed_json(feed)", first);
}

// The linear-time property (fuzz_support.hpp): reading costs at most a
// fixed multiple of a typical input's cost per byte.
const fuzz::linear_time_bound& time_bound() {
  static const fuzz::linear_time_bound bound(fuzz::typical_feed,
      [](std::string_view text) { parse_feed(text); });
  return bound;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  time_bound().check(text);
  auto r = parse_feed(text);
  check_diagnostics(r, text);
  if (!r.feed) {
    check_rejected(r);
  } else {
    check_accepted(r, text);
    check_escaping(r);
    check_round_trip(*r.feed);
  }
  if (size > 0) {
    feed_limits tight;
    tight.max_bytes = size - 1;
    auto over = parse_feed(text, tight);
    check(!over.feed && !over.diagnostics.empty() && over.diagnostics.back().code == "feed.too_large",
          "a feed one byte over the size limit was not rejected as feed.too_large");
  }
  return 0;
}
