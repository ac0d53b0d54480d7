// The query engine: search, filters, upcoming/live/past, ordering.
#include "talktime/schedule.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "common/text.hpp"
#include "view/search_index.hpp"

namespace talktime {
namespace {

// Midnight at the start of `day` in `zone` (UTC when the talk has no zone).
sys_seconds midnight(date::sys_days day, const time_zone* zone) {
  local_seconds local{day.time_since_epoch()};
  if (zone) return zone->resolve(local).instant;
  return sys_seconds{day.time_since_epoch()};
}

// The distinct words of a folded search, the first max_search_words of them.
std::vector<std::string> words_of(const std::string& folded) {
  std::vector<std::string> words;
  std::string word;
  auto keep = [&] {
    if (!word.empty() && words.size() < max_search_words && std::find(words.begin(), words.end(), word) == words.end())
      words.push_back(word);
    word.clear();
  };
  for (char c : folded) {
    if (view::is_word_separator(c)) keep();  // as the index cuts the talks' text
    else word.push_back(c);
  }
  keep();
  return words;
}

}  // namespace

date::sys_days day_in_zone(const talk& t, const time_zone& zone) {
  if (t.date_only) return t.start_day;
  return date::floor<date::days>(sys_seconds{zone.to_local(t.start).time_since_epoch()});
}

// What find reads instead of the talks themselves: the search index, the instant each
// talk is over, and per display zone each talk's day and the order of past talks.
struct schedule::indexes {
  view::search_index words;
  std::vector<sys_seconds> over;  // from this instant on the talk is past (phase())
  struct zone_order {
    const time_zone* zone = nullptr;
    std::vector<date::sys_days> day;           // per talk, its day in the zone
    std::vector<std::uint32_t> past_order;     // every talk: most recent day first, each day in start order
  };
  // The zones asked for most recently (a visitor switches between a few): a zone
  // switch to one of them costs nothing, to another one pass over the talks.
  static constexpr std::size_t kept_zones = 4;
  mutable std::vector<zone_order> zones;

  const zone_order& order_in(const time_zone& zone, const talktime::feed& feed, const std::vector<std::size_t>& by_start) const;
};

const schedule::indexes::zone_order& schedule::indexes::order_in(const time_zone& zone, const talktime::feed& feed,
                                                                  const std::vector<std::size_t>& by_start) const {
  for (std::size_t k = 0; k < zones.size(); ++k) {
    if (zones[k].zone != &zone) continue;
    std::rotate(zones.begin(), zones.begin() + std::ptrdiff_t(k), zones.begin() + std::ptrdiff_t(k) + 1);
    return zones.front();
  }
  zone_order made;
  made.zone = &zone;
  made.day.resize(feed.talks.size());
  for (std::size_t i = 0; i < feed.talks.size(); ++i) made.day[i] = day_in_zone(feed.talks[i], zone);
  made.past_order.assign(by_start.begin(), by_start.end());
  // Stable: the talks of one day keep their start order.
  std::stable_sort(made.past_order.begin(), made.past_order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return made.day[a] > made.day[b]; });
  if (zones.size() == kept_zones) zones.pop_back();
  zones.insert(zones.begin(), std::move(made));
  return zones.front();
}

schedule::schedule(talktime::feed feed) : feed_(std::move(feed)), series_(feed_.series), index_(std::make_unique<indexes>()) {
  const auto n = feed_.talks.size();
  speakers_.reserve(n);
  std::string text, names;
  for (const auto& t : feed_.talks) {
    text.assign(t.title).append(1, '\n').append(t.abstract).append(1, '\n').append(t.location.name).append(1, '\n');
    names.clear();
    for (const auto& s : t.speakers) {
      text.append(s.name).append(1, '\n').append(s.affiliation).append(1, '\n');
      names.append(s.name).append(1, '\n');
    }
    for (const auto& tag : t.tags) text.append(tag).append(1, '\n');
    auto* s = series_of(t);
    text.append(s ? s->title : t.series).append(1, '\n');
    index_->words.add_talk(detail::fold_for_search(text));
    speakers_.push_back(detail::fold_for_search(names));
  }
  index_->words.finish();
  by_start_.resize(n);
  for (std::size_t i = 0; i < n; ++i) by_start_[i] = i;
  std::vector<sys_seconds> start(n);
  index_->over.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    start[i] = begins(feed_.talks[i]);
    // A zero-length talk is live for its start second only.
    index_->over[i] = std::max(ends(feed_.talks[i]), start[i] + std::chrono::seconds{1});
  }
  std::sort(by_start_.begin(), by_start_.end(),
            [&](std::size_t a, std::size_t b) { return std::make_pair(start[a], a) < std::make_pair(start[b], b); });
  if (n > 0) {
    auto last_end = ends(feed_.talks[0]);
    for (const auto& t : feed_.talks) last_end = std::max(last_end, ends(t));
    one_event_ = last_end - start[by_start_.front()] <= programme_span;
  }
}

schedule::schedule(schedule&&) noexcept = default;
schedule& schedule::operator=(schedule&&) noexcept = default;
schedule::~schedule() = default;

sys_seconds schedule::begins(const talk& t) const {
  return t.date_only ? midnight(t.start_day, t.zone) : t.start;
}

sys_seconds schedule::ends(const talk& t) const {
  if (t.date_only) return midnight(t.end_day.value_or(t.start_day) + date::days{1}, t.zone);
  if (t.end) return *t.end;
  return t.start + assumed_talk_length;
}

talk_phase schedule::phase(const talk& t, sys_seconds now) const {
  if (now < begins(t)) return talk_phase::upcoming;
  // A zero-length talk is live for its start second only.
  auto end = std::max(ends(t), begins(t) + std::chrono::seconds{1});
  return now < end ? talk_phase::live : talk_phase::past;
}

std::vector<std::uint8_t> schedule::matching(const query& q, const time_zone& display_zone) const {
  const auto n = feed_.talks.size();
  const auto words = words_of(detail::fold_for_search(detail::truncate_utf8(q.text, max_search_bytes)));
  // hits[i]: how many of the words, in turn, talk i holds; each word looks only at the
  // talks that hold all the words before it.
  std::vector<std::uint8_t> hits(n, 0);
  std::size_t candidates = n;
  for (std::size_t k = 0; k < words.size() && candidates > 0; ++k)
    candidates = index_->words.narrow(words[k], hits, std::uint8_t(k), candidates);
  const auto all_words = std::uint8_t(words.size());
  const auto speaker = detail::fold_for_search(q.speaker);
  const auto tag = detail::fold_for_search(q.tag);
  std::unordered_set<std::string_view> wanted;
  if (q.ids) wanted.insert(q.ids->begin(), q.ids->end());
  const auto* days = q.from || q.to ? &index_->order_in(display_zone, feed_, by_start_).day : nullptr;
  for (std::size_t i = 0; i < n; ++i) {
    if (hits[i] != all_words) {
      hits[i] = 0;
      continue;
    }
    const auto& t = feed_.talks[i];
    bool keep = (!q.ids || wanted.count(t.id)) && (q.series.empty() || t.series == q.series) &&
                (q.kind.empty() || to_string(t.kind) == q.kind) &&
                (tag.empty() || std::any_of(t.tags.begin(), t.tags.end(),
                                            [&](const std::string& x) { return detail::fold_for_search(x) == tag; })) &&
                (speaker.empty() || speakers_[i].find(speaker) != std::string::npos) &&
                (!days || ((!q.from || (*days)[i] >= *q.from) && (!q.to || (*days)[i] <= *q.to)));
    hits[i] = keep ? 1 : 0;
  }
  return hits;
}

// Upcoming (and live) talks come in start order; past ones, in series order, in the
// display zone's past order (most recent day first, each day in running order): both
// orders are made once, so a query is a pass over flags.
query_result schedule::find(const query& q, sys_seconds now, const time_zone& display_zone) const {
  const auto keep = matching(q, display_zone);
  const bool programme = q.order == list_order::programme || (q.order == list_order::automatic && one_event_);
  const auto& over = index_->over;
  auto shown = [&](std::size_t i, bool past) {
    return keep[i] && (past ? q.show != show_filter::upcoming : q.show != show_filter::past);
  };
  query_result result;
  result.order = programme ? list_order::programme : list_order::series;
  for (auto i : by_start_) {
    bool past = now >= over[i];
    if ((programme || !past) && shown(i, past)) result.talks.push_back(i);
  }
  if (!programme && q.show != show_filter::upcoming) {
    for (auto i : index_->order_in(display_zone, feed_, by_start_).past_order)
      if (now >= over[i] && shown(i, true)) result.talks.push_back(i);
  }
  for (auto i : result.talks) result.talk_count += feed_.talks[i].kind != talk_kind::break_time;
  return result;
}

std::optional<list_order> parse_list_order(std::string_view name) {
  if (name == "automatic") return list_order::automatic;
  if (name == "programme") return list_order::programme;
  if (name == "series") return list_order::series;
  return std::nullopt;
}

std::optional<show_filter> parse_show_filter(std::string_view name) {
  if (name == "upcoming") return show_filter::upcoming;
  if (name == "past") return show_filter::past;
  if (name == "all") return show_filter::all;
  return std::nullopt;
}

}  // namespace talktime
