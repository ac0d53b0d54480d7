// The query engine: search, filters, upcoming/live/past, ordering.
#include "talktime/schedule.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "text.hpp"

namespace talktime {
namespace {

// Midnight at the start of `day` in `zone` (UTC when the talk has no zone).
sys_seconds midnight(date::sys_days day, const time_zone* zone) {
  local_seconds local{day.time_since_epoch()};
  if (zone) return zone->resolve(local).instant;
  return sys_seconds{day.time_since_epoch()};
}

std::vector<std::string> words_of(const std::string& folded) {
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == ',') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

date::sys_days day_in_zone(const talk& t, const time_zone& zone) {
  if (t.date_only) return t.start_day;
  return date::floor<date::days>(sys_seconds{zone.to_local(t.start).time_since_epoch()});
}

schedule::schedule(talktime::feed feed) : feed_(std::move(feed)) {
  haystack_.reserve(feed_.talks.size());
  for (const auto& t : feed_.talks) {
    std::string text = t.title + '\n' + t.abstract + '\n' + t.location.name + '\n';
    for (const auto& s : t.speakers) text += s.name + '\n' + s.affiliation + '\n';
    for (const auto& tag : t.tags) text += tag + '\n';
    if (auto* s = feed_.find_series(t.series)) text += s->title + '\n';
    else text += t.series + '\n';
    haystack_.push_back(detail::fold_for_search(text));
    std::string names;
    for (const auto& s : t.speakers) names += s.name + '\n';
    speakers_.push_back(detail::fold_for_search(names));
  }
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
  auto words = words_of(detail::fold_for_search(q.text));
  auto speaker = detail::fold_for_search(q.speaker);
  auto tag = detail::fold_for_search(q.tag);
  std::vector<std::size_t> upcoming, past;
  std::unordered_set<std::string_view> wanted;
  if (q.ids) wanted.insert(q.ids->begin(), q.ids->end());
  for (std::size_t i = 0; i < feed_.talks.size(); ++i) {
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
    if (!std::all_of(words.begin(), words.end(),
                     [&](const std::string& w) { return haystack_[i].find(w) != std::string::npos; }))
      continue;
    bool is_past = phase(t, now) == talk_phase::past;
    if (is_past ? q.show == show_filter::upcoming : q.show == show_filter::past) continue;
    (is_past ? past : upcoming).push_back(i);
  }
  auto key = [&](std::size_t i) { return std::make_pair(begins(feed_.talks[i]), i); };
  std::sort(upcoming.begin(), upcoming.end(), [&](auto a, auto b) { return key(a) < key(b); });
  std::sort(past.begin(), past.end(), [&](auto a, auto b) {
    // Most recent day first, but the talks of one day keep their running order.
    auto da = day_in_zone(feed_.talks[a], display_zone), db = day_in_zone(feed_.talks[b], display_zone);
    if (da != db) return da > db;
    return key(a) < key(b);
  });
  query_result result;
  result.talks = std::move(upcoming);
  result.talks.insert(result.talks.end(), past.begin(), past.end());
  for (auto i : result.talks) result.talk_count += feed_.talks[i].kind != talk_kind::break_time;
  return result;
}

}  // namespace talktime
