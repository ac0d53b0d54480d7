// The feed parser: JSON text -> talktime::feed plus diagnostics (docs/feed-format.md).
#include <cstdio>
#include <map>
#include <set>

#include "feed/feed_reader.hpp"
#include "feed/legacy_zone.hpp"
#include "feed/talk_reader.hpp"
#include "feed/talk_uids.hpp"

namespace talktime {

using detail::json_value;

namespace {

using detail::describe;
using detail::feed_reader;
using detail::quote_for_message;
using detail::type_name;

void read_series(feed_reader& r, json_value root, feed& f) {
  auto it = root.find("series");
  if (!it.given()) return;
  if (!it.is_array()) {
    r.warn("feed.bad_field", "/series", "\"series\" should be an array, not " + type_name(it) + "; ignored");
    return;
  }
  std::set<std::string, std::less<>> declared;
  std::size_t i = 0;
  it.for_each_element([&](json_value s) {
    std::string at = "/series/" + std::to_string(i++);
    if (!s.is_object()) {
      r.warn("feed.bad_field", at, "a series should be an object, not " + type_name(s) + "; ignored");
      return;
    }
    series_info info;
    info.id = r.text_field(s, "id", at, "feed");
    if (info.id.empty()) {
      r.warn("feed.bad_field", at, "a series without an \"id\" is ignored");
      return;
    }
    if (!declared.insert(info.id).second) {
      r.warn("feed.bad_field", at + "/id", "series " + quote_for_message(info.id) + " is declared twice; the first is kept");
      return;
    }
    info.title = r.text_field(s, "title", at, "feed");
    if (info.title.empty()) info.title = info.id;
    info.description = r.text_field(s, "description", at, "feed");
    info.url = r.url_field(s, "url", at, "feed");
    f.series.push_back(std::move(info));
  });
}

std::string derived_id(const talk& t) {
  date::year_month_day day{t.date_only ? t.start_day
                                       : date::floor<date::days>(t.zone ? date::sys_seconds{t.zone->to_local(t.start).time_since_epoch()}
                                                                        : t.start)};
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%04d-%02u-%02u", int(day.year()), unsigned(day.month()), unsigned(day.day()));
  auto slug = detail::slugify(t.title, 48);
  return slug.empty() ? std::string(prefix) + "-talk" : std::string(prefix) + "-" + slug;
}

// A schedule that shows nothing is never silent: "talks": [] is a warning (a
// feed may be published before its first talk is), talks none of which load an error.
void report_empty(feed_reader& r, std::size_t given, std::size_t loaded) {
  if (given == 0) r.warn("feed.empty", "/talks", "the feed has no talks yet");
  else if (loaded == 0)
    r.error("feed.no_talks", "/talks", "none of the " + std::to_string(given) + (given == 1 ? " talk" : " talks") +
                                           " could be loaded (each is reported); the schedule would be empty");
}

// Every talk that loads, each with a unique id: the feed's own, else one derived
// from its day and title (after all explicit ones, so it never takes one of them).
void read_talks(feed_reader& r, json_value talks, feed& f) {
  detail::talk_reader reader(r, f);
  std::map<std::string, std::size_t, std::less<>> first_use;  // explicit id -> index
  detail::unique_names used;
  std::vector<std::size_t> needs_id;
  f.talks.reserve(talks.size());
  std::size_t i = 0;
  talks.for_each_element([&](json_value value) {
    auto index = i++;
    auto t = reader.read(value, index);
    if (!t) return;
    if (!t->id.empty()) {
      if (auto seen = first_use.find(t->id); seen != first_use.end()) {
        r.error("talk.duplicate_id", "/talks/" + std::to_string(index) + "/id",
                "id " + quote_for_message(t->id) + " is already used by /talks/" + std::to_string(seen->second) + "; this talk is skipped");
        return;
      }
      first_use.emplace(t->id, index);
      used.insert(t->id);
    } else {
      needs_id.push_back(f.talks.size());
    }
    f.talks.push_back(std::move(*t));
  });
  report_empty(r, talks.size(), f.talks.size());
  for (auto k : needs_id) {
    f.talks[k].id = used.claim(derived_id(f.talks[k]));
    f.talks[k].id_derived = true;
  }
  for (auto k : detail::assign_calendar_uids(f)) {
    r.warn("talk.duplicate_uid", "/talks/" + std::to_string(f.talks[k].index) + "/uid",
           "this uid is already another talk's; the talk gets " + quote_for_message(f.talks[k].uid) + " instead");
  }
}


// The feed's "talks" array once the feed itself is usable: no value (with the
// error reported) when it is not an object of format version 1 with talks.
json_value talks_of(feed_reader& r, json_value root) {
  if (!root.is_object()) {
    r.error("feed.not_object", "", "a feed is a JSON object with \"talktime\": 1 and \"talks\", not " + type_name(root));
    return {};
  }
  auto version = root.find("talktime");
  if (!version.exists()) {
    r.error("feed.missing_version", "", "the feed has no \"talktime\" format version; add \"talktime\": 1");
    return {};
  }
  if (!version.is_number_integer() || version.integer() != 1) {
    r.error("feed.unsupported_version", "/talktime", "format version " + describe(version) + " is not supported; this talktime reads version 1");
    return {};
  }
  auto talks = root.find("talks");
  if (!talks.exists() || !talks.is_array()) {
    r.error("feed.missing_talks", !talks.exists() ? "" : "/talks",
            !talks.exists() ? "the feed has no \"talks\" array" : "\"talks\" should be an array, not " + type_name(talks));
    return {};
  }
  return talks;
}

// The feed's own fields and series; false (reported) for an unknown zone.
bool read_feed_fields(feed_reader& r, json_value root, feed& f) {
  if (auto zone = root.find("timezone"); zone.given()) {
    if (!zone.is_string() || !(f.zone = locate_zone(detail::trim(zone.string())))) {
      r.error("feed.bad_zone", "/timezone", "unknown time zone " + describe(zone));
      return false;
    }
    if (auto legacy = detail::legacy_zone_message(detail::trim(zone.string())))
      r.warn("feed.legacy_zone", "/timezone", *legacy);
  }
  f.title = r.text_field(root, "title", "", "feed");
  f.description = r.text_field(root, "description", "", "feed");
  f.url = r.url_field(root, "url", "", "feed");
  r.base_url = f.url;
  f.location = r.place_field(root, "", "feed");
  f.organizer = r.organizer_field(root);
  read_series(r, root, f);
  return true;
}

}  // namespace

parse_result parse_feed(std::string_view text, const feed_limits& limits) {
  parse_result result;
  detail::json_tape tape;
  if (!detail::read_json_tape(text, limits, tape, result.diagnostics)) return result;
  feed_reader r(tape.text, result.diagnostics);
  auto root = detail::root_of(tape);
  json_value talks = talks_of(r, root);
  feed f;
  bool readable = talks.exists() && read_feed_fields(r, root, f);
  if (readable) read_talks(r, talks, f);
  r.finish();
  if (readable) result.feed = std::move(f);
  return result;
}

}  // namespace talktime
