// The feed model (include/talktime/feed.hpp); the parser is feed_parser.cpp.
#include "talktime/feed.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>
#include <utility>

namespace talktime {

std::string_view to_string(talk_kind kind) {
  static constexpr std::string_view names[] = {"talk",     "keynote", "invited", "contributed",
                                               "panel",    "poster",  "tutorial", "break",
                                               "social",   "opening", "closing",  "other"};
  return names[static_cast<int>(kind)];
}

std::string_view to_string(talk_status status) {
  static constexpr std::string_view names[] = {"scheduled", "cancelled", "postponed", "tentative"};
  return names[static_cast<int>(status)];
}

bool postal_address::empty() const {
  return text.empty() && street.empty() && locality.empty() && region.empty() && postal_code.empty() && country.empty();
}

std::string postal_address::one_line() const {
  if (!text.empty()) return text;
  std::string out;
  for (const auto* part : {&street, &locality, &region, &postal_code, &country}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ", ";
    out += *part;
  }
  return out;
}

const series_info* feed::find_series(std::string_view id) const {
  for (const auto& s : series)
    if (s.id == id) return &s;
  return nullptr;
}

series_index::series_index(const std::vector<series_info>& series) : series_(&series) {
  for (std::size_t i = 0; i < series.size(); ++i) position_.emplace(series[i].id, i);  // the first of an id wins
}

const series_info* series_index::find(std::string_view id) const {
  auto it = position_.find(id);
  return it == position_.end() ? nullptr : &(*series_)[it->second];
}

feed_facets facets_of(const feed& f) {
  feed_facets out;
  out.series = f.series;
  out.talk_count = f.talks.size();
  std::unordered_set<std::string_view> series_ids, zones;
  std::set<std::string_view> tags;  // sorted as they are listed
  for (const auto& s : f.series) series_ids.insert(s.id);
  bool kind_seen[static_cast<int>(talk_kind::other) + 1] = {};
  for (const auto& t : f.talks) {
    if (!std::exchange(kind_seen[static_cast<int>(t.kind)], true)) out.kinds.push_back(t.kind);
    tags.insert(t.tags.begin(), t.tags.end());
    if (t.zone && zones.insert(t.zone->name()).second) out.event_zones.emplace_back(t.zone->name());
    if (!t.series.empty() && series_ids.insert(t.series).second) out.series.push_back({t.series, t.series, {}, {}});
  }
  out.tags.assign(tags.begin(), tags.end());
  return out;
}

}  // namespace talktime
