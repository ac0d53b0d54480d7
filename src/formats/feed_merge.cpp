// Several feeds shown as one widget: series and ids kept where they can be,
// prefixed only where two feeds collide.
#include <algorithm>
#include <map>
#include <set>

#include "talktime/feed_merge.hpp"
#include "common/text.hpp"

namespace talktime {
namespace {

using detail::quote_for_message;

// "data/fastpath-2021.json" -> "fastpath-2021"
std::string prefix_of(const std::string& name, std::size_t position) {
  std::string_view base = name;
  if (auto slash = base.find_last_of("/\\"); slash != std::string_view::npos) base.remove_prefix(slash + 1);
  if (auto query = base.find_first_of("?#"); query != std::string_view::npos) base = base.substr(0, query);
  if (auto dot = base.rfind('.'); dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  auto prefix = detail::slugify(base, 32);
  return prefix.empty() ? "feed-" + std::to_string(position + 1) : prefix;
}

// `id` if free, else "prefix-id", "prefix-id-2", …; taken.
std::string unique_id(const std::string& id, const std::string& prefix, detail::unique_names& taken) {
  if (!taken.contains(id)) {
    taken.insert(id);
    return id;
  }
  return taken.claim(prefix + "-" + id);
}

bool same_series(const series_info& a, const series_info& b) {
  return a.id == b.id && a.title == b.title && a.description == b.description && a.url == b.url;
}

diagnostic warning(std::string code, std::string pointer, std::string message) {
  diagnostic d;
  d.level = severity::warning;
  d.code = std::move(code);
  d.pointer = std::move(pointer);
  d.message = std::move(message);
  return d;
}

}  // namespace

parse_result merge_feeds(std::vector<feed_source> sources, const std::string& title) {
  parse_result result;
  feed merged;
  detail::unique_names talk_ids, series_ids;
  std::map<std::string, std::string> talk_owner, series_owner;  // id -> feed name

  bool same_url = true, same_zone = true, same_location = true;
  for (const auto& source : sources)
    same_location = same_location && source.feed.location.name == sources.front().feed.location.name &&
                    source.feed.location.url == sources.front().feed.location.url;
  if (same_location && !sources.empty()) merged.location = sources.front().feed.location;
  std::string titles;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    auto& source = sources[k];
    feed& f = source.feed;
    const std::string prefix = prefix_of(source.name, k);
    const std::string feed_label = "feed " + quote_for_message(source.name);

    if (k > 0) {
      same_url = same_url && f.url == merged.url;
      same_zone = same_zone && (f.zone == merged.zone || (f.zone && merged.zone && f.zone->name() == merged.zone->name()));
    } else {
      merged.url = f.url;
      merged.zone = f.zone;
      merged.description = f.description;
    }
    if (!f.title.empty()) titles += (titles.empty() ? "" : " \u00b7 ") + f.title;

    // Series: this feed's own, or one standing for the whole feed.
    std::map<std::string, std::string> renamed_series;
    std::string whole_feed_series;
    if (f.series.empty()) {
      series_info s;
      s.title = f.title.empty() ? source.name : f.title;
      s.id = detail::slugify(s.title, 48);
      if (s.id.empty()) s.id = prefix;
      s.description = f.description;
      s.url = f.url;
      f.series.push_back(s);
      whole_feed_series = s.id;
    }
    for (std::size_t i = 0; i < f.series.size(); ++i) {
      series_info s = f.series[i];
      if (series_ids.contains(s.id)) {
        auto existing = merged.find_series(s.id);
        if (existing && same_series(*existing, s)) continue;  // the same series, declared by both feeds
        auto id = unique_id(s.id, prefix, series_ids);
        result.diagnostics.push_back(warning(
            "merge.renamed_series", whole_feed_series.empty() ? "/series/" + std::to_string(i) : "",
            feed_label + ": series id " + quote_for_message(s.id) + " is already used by feed " + quote_for_message(series_owner[s.id]) +
                "; renamed to " + quote_for_message(id)));
        renamed_series[s.id] = id;
        if (s.id == whole_feed_series) whole_feed_series = id;
        s.id = id;
      }
      series_ids.insert(s.id);
      series_owner[s.id] = source.name;
      merged.series.push_back(std::move(s));
    }

    for (auto& t : f.talks) {
      if (!whole_feed_series.empty()) t.series = whole_feed_series;
      else if (auto it = renamed_series.find(t.series); it != renamed_series.end()) t.series = it->second;
      if (t.location.empty() && !same_location) t.location = f.location;
      if (talk_ids.contains(t.id)) {
        auto id = unique_id(t.id, prefix, talk_ids);
        result.diagnostics.push_back(warning("merge.renamed_id", "/talks/" + std::to_string(t.index),
                                             feed_label + ": talk id " + quote_for_message(t.id) + " is already used by feed " +
                                                 quote_for_message(talk_owner[t.id]) + "; renamed to " + quote_for_message(id)));
        t.id = id;
      }
      talk_ids.insert(t.id);
      talk_owner[t.id] = source.name;
      t.index = merged.talks.size();
      merged.talks.push_back(std::move(t));
    }
  }
  if (!same_url) merged.url.clear();
  if (!same_zone) merged.zone = nullptr;
  if (sources.size() != 1) merged.description.clear();
  merged.title = title.empty() ? titles : title;
  result.feed = std::move(merged);
  return result;
}

}  // namespace talktime
