// The query engine: search, filters, upcoming/live/past, ordering.
#include "talktime/schedule.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "common/text.hpp"

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
    if (c == ' ' || c == '\t' || c == '\n' || c == ',') keep();
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

schedule::schedule(talktime::feed feed) : feed_(std::move(feed)), series_(feed_.series) {
  const auto n = feed_.talks.size();
  text_start_.reserve(n + 1);
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
    text_start_.push_back(corpus_.size());
    corpus_ += detail::fold_for_search(text);
    speakers_.push_back(detail::fold_for_search(names));
  }
  text_start_.push_back(corpus_.size());
  by_start_.resize(n);
  for (std::size_t i = 0; i < n; ++i) by_start_[i] = i;
  std::vector<sys_seconds> start(n);
  for (std::size_t i = 0; i < n; ++i) start[i] = begins(feed_.talks[i]);
  std::sort(by_start_.begin(), by_start_.end(),
            [&](std::size_t a, std::size_t b) { return std::make_pair(start[a], a) < std::make_pair(start[b], b); });
  if (n > 0) {
    auto last_end = ends(feed_.talks[0]);
    for (const auto& t : feed_.talks) last_end = std::max(last_end, ends(t));
    one_event_ = last_end - start[by_start_.front()] <= programme_span;
  }
}

std::vector<bool> schedule::containing(std::string_view word) const {
  std::vector<bool> found(feed_.talks.size());
  std::string_view corpus(corpus_);
  for (auto at = detail::find_text(corpus, word); at != std::string_view::npos;) {
    // The talk whose text holds the match; the search goes on after that talk.
    auto talk = std::size_t(std::upper_bound(text_start_.begin(), text_start_.end(), at) - text_start_.begin()) - 1;
    found[talk] = true;
    at = detail::find_text(corpus, word, text_start_[talk + 1]);
  }
  return found;
}

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

query_result schedule::find(const query& q, sys_seconds now, const time_zone& display_zone) const {
  const auto words = words_of(detail::fold_for_search(detail::truncate_utf8(q.text, max_search_bytes)));
  const auto speaker = detail::fold_for_search(q.speaker);
  const auto tag = detail::fold_for_search(q.tag);
  std::vector<std::vector<bool>> with_word;
  with_word.reserve(words.size());
  for (const auto& w : words) with_word.push_back(containing(w));
  std::unordered_set<std::string_view> wanted;
  if (q.ids) wanted.insert(q.ids->begin(), q.ids->end());

  const bool programme = q.order == list_order::programme || (q.order == list_order::automatic && one_event_);
  std::vector<std::size_t> upcoming, past;  // in programme order, every match is "upcoming"
  for (auto i : by_start_) {  // soonest first, so the upcoming list needs no sort
    const auto& t = feed_.talks[i];
    if (q.ids && !wanted.count(t.id)) continue;
    if (!q.series.empty() && t.series != q.series) continue;
    if (!q.kind.empty() && to_string(t.kind) != q.kind) continue;
    if (!tag.empty() && std::none_of(t.tags.begin(), t.tags.end(),
                                     [&](const std::string& x) { return detail::fold_for_search(x) == tag; }))
      continue;
    if (!speaker.empty() && speakers_[i].find(speaker) == std::string::npos) continue;
    if (q.from || q.to) {
      auto day = day_in_zone(t, display_zone);
      if ((q.from && day < *q.from) || (q.to && day > *q.to)) continue;
    }
    if (!std::all_of(with_word.begin(), with_word.end(), [&](const std::vector<bool>& has) { return has[i]; })) continue;
    bool is_past = phase(t, now) == talk_phase::past;
    if (is_past ? q.show == show_filter::upcoming : q.show == show_filter::past) continue;
    (is_past && !programme ? past : upcoming).push_back(i);
  }
  // Past talks: most recent day first, but the talks of one day keep their running
  // order (the list is in start order already, and the sort is stable).
  std::vector<std::pair<date::sys_days, std::size_t>> past_by_day;
  past_by_day.reserve(past.size());
  for (auto i : past) past_by_day.emplace_back(day_in_zone(feed_.talks[i], display_zone), i);
  std::stable_sort(past_by_day.begin(), past_by_day.end(), [](const auto& a, const auto& b) { return a.first > b.first; });

  query_result result;
  result.order = programme ? list_order::programme : list_order::series;
  result.talks = std::move(upcoming);
  result.talks.reserve(result.talks.size() + past_by_day.size());
  for (const auto& [day, i] : past_by_day) result.talks.push_back(i);
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
