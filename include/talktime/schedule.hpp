// The query engine: a loaded feed, searchable and filterable for one viewer.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/feed.hpp"

namespace talktime {

/// How long a talk with no end is taken to last when deciding upcoming/live/past.
inline constexpr std::chrono::minutes assumed_talk_length{60};

enum class talk_phase { upcoming, live, past };
enum class show_filter { upcoming, past, all };

/// The show filter a user or page names: "upcoming", "past" or "all"; nullopt for
/// any other name (the CLI rejects it, the widget shows all).
///
///     talktime::parse_show_filter("past");  // show_filter::past
std::optional<show_filter> parse_show_filter(std::string_view name);

/// How find lists its matches.
enum class list_order {
  /// Programme order for a feed whose talks all lie within programme_span (a
  /// workshop, a conference), series order for any other (a seminar series).
  automatic,
  /// First talk to last, whatever the clock: "now" falls somewhere in the list.
  programme,
  /// Upcoming and live talks soonest first, then past ones by day, the most recent
  /// day first; the talks of one day always in running order.
  series,
};

/// The longest a feed may run, first start to last end, and still read as one
/// event in programme order under list_order::automatic.
inline constexpr std::chrono::hours programme_span{14 * 24};

/// "automatic", "programme" or "series"; nullopt for any other name.
///
///     talktime::parse_list_order("programme");  // list_order::programme
std::optional<list_order> parse_list_order(std::string_view name);

/// How much of a search the engine reads: the first 256 bytes, and of those the
/// first 16 distinct words (a search arrives from a link's fragment, which anyone
/// can write; each word costs one scan of the feed's vocabulary).
inline constexpr std::size_t max_search_bytes = 256;
inline constexpr std::size_t max_search_words = 16;

/// What a visitor asks for. Empty strings match everything.
struct query {
  std::string text;     ///< words, each must appear (case and diacritics ignored; see max_search_words)
  std::string series;   ///< series id
  std::string kind;     ///< kind name, e.g. "keynote"
  std::string tag;      ///< exact tag, case ignored
  std::string speaker;  ///< part of a speaker's name, case and diacritics ignored
  std::optional<date::sys_days> from, to;  ///< inclusive range of days in the display zone
  show_filter show = show_filter::all;
  list_order order = list_order::automatic;
  /// When set, only talks with these ids (e.g. a visitor's starred talks).
  std::optional<std::vector<std::string>> ids;
};

struct query_result {
  std::vector<std::size_t> talks;  ///< indices into feed().talks, in display order
  std::size_t talk_count = 0;      ///< matches that are not breaks
  list_order order = list_order::series;  ///< the order used: programme or series, never automatic
};

/// A talk's day in a zone: date-only talks keep their own date in every zone.
date::sys_days day_in_zone(const talk& t, const time_zone& zone);

/// A feed prepared for queries: search text folded and indexed once (every distinct
/// word with the talks that hold it), times kept as instants, talks kept in start
/// order and, per display zone, in the order past talks are listed. A query then
/// costs a scan of the vocabulary and one pass over the talks' flags, not a scan of
/// every talk's text: well under a millisecond at 10,000 talks.
///
///     talktime::schedule s(std::move(*talktime::parse_feed(text).feed));
///     talktime::query q;
///     q.text = "kastner";
///     q.show = talktime::show_filter::upcoming;
///     auto found = s.find(q, now, *talktime::locate_zone("Asia/Kolkata"));
class schedule {
 public:
  explicit schedule(talktime::feed feed);
  // The series index points into feed_: a copy would point into the original.
  schedule(const schedule&) = delete;
  schedule& operator=(const schedule&) = delete;
  schedule(schedule&&) noexcept;
  schedule& operator=(schedule&&) noexcept;
  ~schedule();

  const talktime::feed& feed() const { return feed_; }
  /// The series a talk names, when the feed declares it (constant time).
  const series_info* series_of(const talk& t) const { return series_.find(t.series); }

  /// When the talk begins: its instant, or local midnight of its date.
  sys_seconds begins(const talk& t) const;
  /// When it stops being upcoming (end, start + assumed length, or the end of its last day).
  sys_seconds ends(const talk& t) const;
  talk_phase phase(const talk& t, sys_seconds now) const;

  /// True when every talk lies within programme_span: one event, read in programme order.
  bool is_one_event() const { return one_event_; }

  /// Matching talks in the query's order (list_order). The whole list: a long view is
  /// rendered in parts from it (render_html_part) without asking again. Not thread-safe:
  /// the first query in a display zone keeps that zone's order for the next ones.
  query_result find(const query& q, sys_seconds now, const time_zone& display_zone) const;

 private:
  struct indexes;  // src/view/schedule.cpp
  // One flag a talk: 1 when it passes every filter of `q` but the phase.
  std::vector<std::uint8_t> matching(const query& q, const time_zone& display_zone) const;

  talktime::feed feed_;
  series_index series_;
  std::vector<std::string> speakers_;  // folded speaker names per talk
  std::vector<std::size_t> by_start_;  // talk indices by (begins, index): the upcoming order
  std::unique_ptr<indexes> index_;
  bool one_event_ = false;
};

}  // namespace talktime
