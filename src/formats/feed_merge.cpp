// Several feeds shown as one widget: series and ids kept where they can be,
// prefixed only where two feeds collide.
#include <algorithm>
#include <map>
#include <set>

#include "talktime/feed_merge.hpp"
#include "talktime/json_ld.hpp"
#include "common/text.hpp"

namespace talktime {
namespace {

using detail::quote_for_message;

// "/home/me/data/fastpath-2021.json" -> "fastpath-2021": a name without the
// folders it is in, which may be a local path no one else should see.
std::string_view base_name_of(std::string_view name) {
  if (auto query = name.find_first_of("?#"); query != std::string_view::npos) name = name.substr(0, query);
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (auto dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return name;
}

// "data/fastpath-2021.json" -> "fastpath-2021"
std::string prefix_of(const std::string& name, std::size_t position) {
  auto prefix = detail::slugify(base_name_of(name), 32);
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

diagnostic warning(std::string source, std::string code, std::string pointer, std::string message) {
  diagnostic d;
  d.source = std::move(source);
  d.level = severity::warning;
  d.code = std::move(code);
  d.pointer = std::move(pointer);
  d.message = std::move(message);
  return d;
}

// Feeds added one by one to `merged`, their ids made unique across feeds.
class feed_merger {
 public:
  feed_merger(feed& merged, std::vector<diagnostic>& diagnostics) : merged_(merged), out_(diagnostics) {}

  // Adds source `k`'s series and talks; `same_location`: every feed has the same one.
  void add(feed_source& source, std::size_t k, bool same_location) {
    prefix_ = prefix_of(source.name, k);
    label_ = "feed " + quote_for_message(source.name);
    name_ = source.name;
    auto renamed = add_series(source.feed);
    add_talks(source.feed, renamed, same_location);
  }

 private:
  // A feed that declares no series gets one for all its talks, titled with the
  // feed's title, else its file's base name: exports publish it (an .ics
  // description says "Series: …"), and a path such as /home/me/… must never leak.
  static void give_series(feed& f, const std::string& name, const std::string& prefix) {
    series_info s;
    s.title = f.title.empty() ? std::string(base_name_of(name)) : f.title;
    if (s.title.empty()) s.title = prefix;
    s.id = detail::slugify(s.title, 48);
    if (s.id.empty()) s.id = prefix;
    s.description = f.description;
    s.url = f.url;
    f.series.push_back(s);
  }

  // The series ids this feed had to give up -> their new ids ("" -> the whole-feed series).
  std::map<std::string, std::string> add_series(feed& f) {
    std::map<std::string, std::string> renamed;
    bool whole_feed = f.series.empty();
    if (whole_feed) give_series(f, name_, prefix_);
    if (whole_feed) renamed[""] = f.series.front().id;
    for (std::size_t i = 0; i < f.series.size(); ++i) {
      series_info s = f.series[i];
      if (series_ids_.contains(s.id)) {
        auto existing = merged_.find_series(s.id);
        if (existing && same_series(*existing, s)) continue;  // the same series, declared by both feeds
        auto id = unique_id(s.id, prefix_, series_ids_);
        out_.push_back(warning(name_, "merge.renamed_series", whole_feed ? "" : "/series/" + std::to_string(i),
                               label_ + ": series id " + quote_for_message(s.id) + " is already used by feed " +
                                   quote_for_message(series_owner_[s.id]) + "; renamed to " + quote_for_message(id)));
        renamed[s.id] = id;
        if (whole_feed) renamed[""] = id;
        s.id = id;
      }
      series_ids_.insert(s.id);
      series_owner_[s.id] = name_;
      merged_.series.push_back(std::move(s));
    }
    return renamed;
  }

  void add_talks(feed& f, const std::map<std::string, std::string>& renamed, bool same_location) {
    auto whole_feed = renamed.find("");
    for (auto& t : f.talks) {
      if (whole_feed != renamed.end()) t.series = whole_feed->second;
      else if (auto it = renamed.find(t.series); it != renamed.end()) t.series = it->second;
      if (t.location.empty() && !same_location) {
        t.location = f.location;
      } else if (!same_location && t.location.address.empty() && !is_online_location(t.location) &&
                 !is_online_location(f.location)) {
        // A room of this feed's building keeps the building's address (json_ld.hpp), which
        // the merged feed, with no location in common, no longer holds.
        t.location.address = f.location.address;
      }
      if (talk_ids_.contains(t.id)) {
        auto id = unique_id(t.id, prefix_, talk_ids_);
        out_.push_back(warning(name_, "merge.renamed_id", "/talks/" + std::to_string(t.index),
                               label_ + ": talk id " + quote_for_message(t.id) + " is already used by feed " +
                                   quote_for_message(talk_owner_[t.id]) + "; renamed to " + quote_for_message(id)));
        t.id = id;
      }
      talk_ids_.insert(t.id);
      talk_owner_[t.id] = name_;
      t.index = merged_.talks.size();
      merged_.talks.push_back(std::move(t));
    }
  }

  feed& merged_;
  std::vector<diagnostic>& out_;
  detail::unique_names talk_ids_, series_ids_;
  std::map<std::string, std::string> talk_owner_, series_owner_;  // id -> feed name
  std::string prefix_, label_, name_;
};

}  // namespace

parse_result merge_feeds(std::vector<feed_source> sources, const std::string& title) {
  parse_result result;
  feed merged;
  feed_merger merger(merged, result.diagnostics);
  bool same_url = true, same_zone = true, same_location = true, same_organizer = true;
  for (const auto& source : sources) {
    const auto &here = source.feed, &first = sources.front().feed;
    same_location = same_location && here.location.name == first.location.name && here.location.url == first.location.url &&
                    here.location.address.one_line() == first.location.address.one_line();
    same_organizer = same_organizer && here.organizer.name == first.organizer.name && here.organizer.url == first.organizer.url;
  }
  if (same_location && !sources.empty()) merged.location = sources.front().feed.location;
  // Feeds of different organizers have none in common to name (the merged feed has no per-talk organizer).
  if (same_organizer && !sources.empty()) merged.organizer = sources.front().feed.organizer;
  std::string titles;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    const feed& f = sources[k].feed;
    if (k > 0) {
      same_url = same_url && f.url == merged.url;
      same_zone = same_zone && (f.zone == merged.zone || (f.zone && merged.zone && f.zone->name() == merged.zone->name()));
    } else {
      merged.url = f.url;
      merged.zone = f.zone;
      merged.description = f.description;
    }
    if (!f.title.empty()) titles += (titles.empty() ? "" : " \u00b7 ") + f.title;
    merger.add(sources[k], k, same_location);
  }
  if (!same_url) merged.url.clear();
  if (!same_zone) merged.zone = nullptr;
  if (sources.size() != 1) merged.description.clear();
  merged.title = title.empty() ? titles : title;
  result.feed = std::move(merged);
  return result;
}

}  // namespace talktime
