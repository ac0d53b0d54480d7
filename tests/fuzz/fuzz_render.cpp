// Fuzz target: parse -> schedule -> find (fuzzed query) -> render_html.
//
// Input layout: FEED [0xFF CONTROL]. Everything before the last 0xFF byte is the
// feed (0xFF never occurs in UTF-8, so seed feeds are used as they are); the bytes
// after it choose the view:
//   byte 0      flags: bit 0 hour12, bits 1-2 show (all/upcoming/past), bit 3 display
//               zone = the feed's zone, bit 4 `from`, bit 5 `to`, bit 6 render only
//               the first `limit` matches, bit 7 interactive (star buttons and
//               calendar menus, the first talk starred)
//   bytes 1-2   display zone: index into zone_names()
//   bytes 3-6   now: minutes from 2000-01-01T00:00Z (signed)
//   byte 7, 8   from / to: days from now's day (signed)
//   byte 9      limit
//   bytes 10-11 livestream grace, minutes
//   the rest    query text, fields split by '|': text|speaker|tag|series|kind
//
// Properties: no crash, leak, UB or hang; `find` returns each matching talk once,
// upcoming ones before past ones, and counts non-breaks; the HTML has one talk
// item per talk shown, and every '<' in it opens or closes an element the renderer
// writes, with only its own attributes (tests/fuzz/fuzz_support.hpp). Linear time:
// on a feed of 32 KiB or more, parsing, indexing and rendering every talk take at
// most 25 times a typical feed's CPU time per byte (linear_time_bound); the hostile
// shapes of tests/fuzz/hostile_shapes.py are replayed against it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "typical_inputs.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/talktime.hpp"

namespace {

using namespace talktime;
using talktime::fuzz::check;

std::vector<std::string> split_fields(std::string_view text) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (fields.size() < 4) {
    auto bar = text.find('|', start);
    if (bar == std::string_view::npos) break;
    fields.emplace_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  fields.emplace_back(text.substr(std::min(start, text.size())));
  fields.resize(5);
  return fields;
}

std::size_t count_of(std::string_view html, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = html.find(needle); at != std::string_view::npos; at = html.find(needle, at + 1)) ++n;
  return n;
}

// The linear-time property (fuzz_support.hpp): reading, indexing and rendering costs at most a
// fixed multiple of a typical input's cost per byte.
const fuzz::linear_time_bound& time_bound() {
  static const fuzz::linear_time_bound bound(fuzz::typical_feed,
      [](std::string_view text) {
        auto parsed = parse_feed(text);
        if (!parsed.feed) return;
        schedule s(std::move(*parsed.feed));
        render_options o;
        o.display_zone = locate_zone("UTC");
        render_html(s, s.find({}, sys_seconds{}, *o.display_zone).talks, o);
      });
  return bound;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto split = input.rfind('\xFF');
  std::string_view feed_text = input.substr(0, split);
  time_bound().check(feed_text);
  std::string_view control = split == std::string_view::npos ? std::string_view{} : input.substr(split + 1);

  auto parsed = parse_feed(feed_text);
  if (!parsed.feed) return 0;
  schedule s(std::move(*parsed.feed));
  const auto& talks = s.feed().talks;

  fuzz::byte_reader in(control);
  auto flags = unsigned(in.take(1));
  static const auto names = zone_names();
  check(!names.empty(), "no zones");
  const time_zone* zone = locate_zone(names[in.take(2) % names.size()]);
  check(zone != nullptr, "a listed zone cannot be located");
  if ((flags & 8) && s.feed().zone) zone = s.feed().zone;
  auto minutes = std::int64_t(std::int32_t(std::uint32_t(in.take(4))));
  sys_seconds now = sys_seconds{std::chrono::seconds{946684800 + minutes * 60}};
  auto from_days = int(std::int8_t(std::uint8_t(in.take(1))));
  auto to_days = int(std::int8_t(std::uint8_t(in.take(1))));
  auto limit = std::size_t(in.take(1));
  auto grace = std::chrono::minutes{in.take(2)};
  auto fields = split_fields(in.rest());

  query q;
  q.text = fields[0];
  q.speaker = fields[1];
  q.tag = fields[2];
  q.series = fields[3];
  q.kind = fields[4];
  q.show = (flags >> 1 & 3) == 1 ? show_filter::upcoming : (flags >> 1 & 3) == 2 ? show_filter::past : show_filter::all;
  auto today = date::floor<date::days>(sys_seconds{zone->to_local(now).time_since_epoch()});
  if (flags & 16) q.from = today + date::days{from_days};
  if (flags & 32) q.to = today + date::days{to_days};

  auto found = s.find(q, now, *zone);
  std::set<std::size_t> seen;
  std::size_t not_breaks = 0;
  bool past_started = false;
  for (auto i : found.talks) {
    check(i < talks.size(), "find returned an index past the talks");
    check(seen.insert(i).second, "find returned a talk twice", talks[i].id);
    not_breaks += talks[i].kind != talk_kind::break_time;
    bool past = s.phase(talks[i], now) == talk_phase::past;
    check(!(past_started && !past), "an upcoming talk after a past one", talks[i].id);
    past_started |= past;
    if (q.show == show_filter::upcoming) check(!past, "show=upcoming returned a past talk", talks[i].id);
    if (q.show == show_filter::past) check(past, "show=past returned an upcoming talk", talks[i].id);
  }
  check(found.talk_count == not_breaks, "talk_count is not the number of non-break matches");

  std::vector<std::size_t> shown = found.talks;
  if ((flags & 64) && shown.size() > limit) shown.resize(limit);
  render_options options;
  options.display_zone = zone;
  options.now = now;
  options.hour12 = flags & 1;
  options.livestream_grace = grace;
  options.interactive = flags & 128;
  if (options.interactive && !talks.empty()) options.starred.push_back(talks.front().id);
  auto html = render_html(s, shown, options);
  fuzz::check_rendered_html(html);
  check(count_of(html, "<li class=\"tt-talk\"") == shown.size(), "the HTML does not hold one item per talk shown", html);
  check(zone_label(zone->offset_at(now)).size() > 0, "an empty zone label");
  return 0;
}
