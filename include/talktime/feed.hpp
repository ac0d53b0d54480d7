// The talk feed (format version 1, docs/feed-format.md) and its parser.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <map>
#include <vector>

#include "talktime/diagnostic.hpp"
#include "talktime/time_zone.hpp"

namespace talktime {

enum class talk_kind {
  talk, keynote, invited, contributed, panel, poster, tutorial,
  break_time, social, opening, closing, other
};
enum class talk_status { scheduled, cancelled, postponed, tentative };

/// The feed spelling of a kind or status ("break", "cancelled", …).
std::string_view to_string(talk_kind kind);
std::string_view to_string(talk_status status);

struct speaker {
  std::string name, affiliation, url, photo, bio;
};

/// A postal address (docs/feed-format.md#locations): the feed gives it as one line
/// of text or in parts named as schema.org's PostalAddress names them.
struct postal_address {
  std::string text;  ///< the one-line form, when the feed gave a string
  std::string street, locality, region, postal_code, country;
  bool empty() const;
  /// `text`, else the parts that are given joined with ", ":
  /// "353 Jane Stanford Way, Stanford, CA, 94305, US".
  std::string one_line() const;
};

struct place {
  std::string name, url;
  postal_address address;  ///< where a visitor goes; empty when the feed gives none
  bool empty() const { return name.empty() && url.empty() && address.empty(); }
};

/// Who runs the seminar or event (the feed's optional `organizer`).
struct organizer_info {
  std::string name, url;
  bool empty() const { return name.empty() && url.empty(); }
};

struct talk_link {
  std::string kind;  ///< livestream, video, slides, registration, paper, code, or the feed's own key
  std::string url;
};

struct series_info {
  std::string id, title, description, url;
};

/// One talk. Timed talks have `start` (and maybe `end`) as instants; date-only
/// talks (time not announced) have `start_day` (and maybe `end_day`, inclusive),
/// which are calendar dates shown the same in every zone.
struct talk {
  std::string id;
  bool id_derived = false;  ///< no id in the feed: made from start and title
  /// The UID calendar apps know it by: the feed's "uid" (an imported calendar's own),
  /// else made from the id and the feed, never the id itself (calendar_uid).
  std::string uid;
  /// Which occurrence of a recurring calendar event (RFC 5545 RECURRENCE-ID, with
  /// `uid` the event's UID) this talk is: that occurrence's original start, as an
  /// instant, or for a date-only talk its day at 00:00 UTC. Set by the iCalendar
  /// import; the .ics export writes it back.
  std::optional<sys_seconds> recurrence_id;
  std::string title;
  talk_kind kind = talk_kind::talk;
  talk_status status = talk_status::scheduled;

  bool date_only = false;
  sys_seconds start{};
  std::optional<sys_seconds> end;
  date::sys_days start_day{};
  std::optional<date::sys_days> end_day;
  const time_zone* zone = nullptr;  ///< the event's own zone, when known

  std::string series;  ///< id into feed::series
  std::vector<speaker> speakers;
  std::string abstract;
  std::vector<std::string> tags;
  place location;
  std::vector<talk_link> links;
  std::size_t index = 0;  ///< position in the feed's `talks` array
};

struct feed {
  int version = 1;
  std::string title, description, url;
  const time_zone* zone = nullptr;
  place location;
  organizer_info organizer;
  std::vector<series_info> series;
  std::vector<talk> talks;  ///< the talks that loaded, in feed order

  /// A linear search: for one lookup. Code that looks up a series per talk uses a series_index.
  const series_info* find_series(std::string_view id) const;
};

/// A feed's series by id, each found in logarithmic time (a feed may declare
/// thousands, and every talk names one). It points into the vector it was made
/// from, which must outlive it unchanged.
///
///     talktime::series_index series(f.series);
///     series.find(f.talks[0].series);  // nullptr when not declared
class series_index {
 public:
  series_index() = default;
  explicit series_index(const std::vector<series_info>& series);
  const series_info* find(std::string_view id) const;

 private:
  // id -> position of its first declaration. The same map type as the reader's
  // other indexes, so WebAssembly carries its code once.
  const std::vector<series_info>* series_ = nullptr;
  std::map<std::string, std::size_t, std::less<>> position_;
};

/// What a feed offers a visitor to filter by (the widget's toolbar), in one pass
/// over its talks.
struct feed_facets {
  /// The declared series, then each series id talks use without declaring it
  /// (titled with its id), in order of first use.
  std::vector<series_info> series;
  std::vector<talk_kind> kinds;          ///< every kind talks have, in order of first use
  std::vector<std::string> tags;         ///< every tag, once, sorted by bytes
  std::vector<std::string> event_zones;  ///< the talks' own zone names, in order of first use
  std::size_t talk_count = 0;            ///< talks, breaks included
};

/// The facets of a feed, in time linear in its size.
///
///     auto facets = talktime::facets_of(feed);
///     facets.kinds;  // {talk_kind::keynote, talk_kind::talk, talk_kind::break_time}
feed_facets facets_of(const feed& f);

/// Limits that protect the page from oversized feeds.
struct feed_limits {
  std::size_t max_bytes = 16u << 20;  ///< 16 MiB
  int max_depth = 64;                 ///< nesting of arrays and objects
};

struct parse_result {
  std::optional<talktime::feed> feed;  ///< empty when the feed failed as a whole
  std::vector<diagnostic> diagnostics;  ///< errors (talks skipped) and warnings
};

/// Parses and validates a feed. Never throws: problems come back as diagnostics.
/// A feed-level error leaves `feed` empty; a talk-level error skips that talk only.
///
///     auto result = talktime::parse_feed(R"({"talktime":1,"timezone":"Europe/Berlin",
///       "talks":[{"title":"Opening","start":"2024-05-02T09:00"}]})");
///     result.feed->talks[0].start;  // 2024-05-02T07:00:00Z
/// (Implemented in src/feed/feed_parser.cpp; the rest of this header in src/feed/feed.cpp.)
talktime::parse_result parse_feed(std::string_view text, const feed_limits& limits = {});

}  // namespace talktime
