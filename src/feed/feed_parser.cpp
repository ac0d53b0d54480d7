// The feed parser: JSON text -> talktime::feed plus diagnostics (docs/feed-format.md).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "feed/json_document.hpp"
#include "feed/json_scan.hpp"
#include "feed/legacy_zone.hpp"
#include "feed/talk_uids.hpp"
#include "common/problem_reporter.hpp"
#include "talktime/feed.hpp"
#include "common/text.hpp"
#include "time/time_text.hpp"
#include "common/url.hpp"

namespace talktime {

using detail::json;

namespace {

using detail::quote_for_message;

std::string describe(const json& value) {
  if (value.is_string()) return quote_for_message(value.get_ref<const std::string&>());
  std::string dumped = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (dumped.size() > 80) dumped = std::string(detail::truncate_utf8(dumped, 77)) + "…";
  return dumped;
}

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    default: return "a number";
  }
}

class feed_reader {
 public:
  feed_reader(std::string_view text, std::vector<diagnostic>& out)
      : problems_(text, "feed", out, detail::pointer_offsets) {}

  void error(std::string code, std::string pointer, std::string message) {
    problems_.error(std::move(code), std::move(pointer), std::move(message));
  }
  void warn(std::string code, std::string pointer, std::string message) {
    problems_.warn(std::move(code), std::move(pointer), std::move(message));
  }
  // One last line for the problems that were not listed.
  void finish() { problems_.finish(); }

  // An optional string field; a value of another type is reported and ignored.
  std::string text_field(const json& object, const char* key, const std::string& at, const char* scope) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (!it->is_string()) {
      warn(std::string(scope) + ".bad_field", at + "/" + key,
           std::string("\"") + key + "\" should be a string, not " + type_name(*it) + "; ignored");
      return {};
    }
    return std::string(detail::trim(it->get_ref<const std::string&>()));
  }

  std::string url_field(const json& object, const char* key, const std::string& at, const char* scope) {
    return checked_url(text_field(object, key, at, scope), at + "/" + key, scope);
  }

  std::string checked_url(const std::string& raw, const std::string& at, const char* scope) {
    if (raw.empty()) return {};
    auto checked = detail::check_url(raw, base_url);
    if (!checked.problem.empty()) {
      warn(std::string(scope) + (checked.without_scheme ? ".url_without_scheme" : ".bad_url"), at,
           "link " + quote_for_message(raw) + (checked.url ? " " : " dropped: ") + checked.problem);
    }
    return checked.url.value_or(std::string());
  }

  place place_field(const json& object, const std::string& at, const char* scope) {
    auto it = object.find("location");
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return {std::string(detail::trim(it->get_ref<const std::string&>())), {}, {}};
    if (it->is_object()) {
      return {text_field(*it, "name", at + "/location", scope), url_field(*it, "url", at + "/location", scope),
              address_field(*it, at + "/location", scope)};
    }
    warn(std::string(scope) + ".bad_field", at + "/location",
         "\"location\" should be a string or an object, not " + type_name(*it) + "; ignored");
    return {};
  }

  // A location's "address": one line of text, or its parts by schema.org's names.
  postal_address address_field(const json& location, const std::string& at, const char* scope) {
    auto it = location.find("address");
    if (it == location.end() || it->is_null()) return {};
    postal_address out;
    if (it->is_string()) {
      out.text = std::string(detail::trim(it->get_ref<const std::string&>()));
    } else if (it->is_object()) {
      auto where = at + "/address";
      out.street = text_field(*it, "streetAddress", where, scope);
      out.locality = text_field(*it, "addressLocality", where, scope);
      out.region = text_field(*it, "addressRegion", where, scope);
      out.postal_code = text_field(*it, "postalCode", where, scope);
      out.country = text_field(*it, "addressCountry", where, scope);
    } else {
      warn(std::string(scope) + ".bad_field", at + "/address",
           "\"address\" should be a string or an object, not " + type_name(*it) + "; ignored");
    }
    return out;
  }

  // The feed's "organizer": a name, or {name, url}.
  organizer_info organizer_field(const json& root) {
    auto it = root.find("organizer");
    if (it == root.end() || it->is_null()) return {};
    if (it->is_string()) return {std::string(detail::trim(it->get_ref<const std::string&>())), {}};
    if (it->is_object()) return {text_field(*it, "name", "/organizer", "feed"), url_field(*it, "url", "/organizer", "feed")};
    warn("feed.bad_field", "/organizer", "\"organizer\" should be a string or an object, not " + type_name(*it) + "; ignored");
    return {};
  }

  std::string base_url;

 private:
  detail::problem_reporter problems_;  // at most 100 problems listed, the rest counted
};

const std::map<std::string, talk_kind, std::less<>>& kinds() {
  static const std::map<std::string, talk_kind, std::less<>> map = {
      {"talk", talk_kind::talk},         {"keynote", talk_kind::keynote},
      {"invited", talk_kind::invited},   {"contributed", talk_kind::contributed},
      {"panel", talk_kind::panel},       {"poster", talk_kind::poster},
      {"tutorial", talk_kind::tutorial}, {"break", talk_kind::break_time},
      {"social", talk_kind::social},     {"opening", talk_kind::opening},
      {"closing", talk_kind::closing},   {"other", talk_kind::other}};
  return map;
}

const std::map<std::string, talk_status, std::less<>>& statuses() {
  static const std::map<std::string, talk_status, std::less<>> map = {
      {"scheduled", talk_status::scheduled}, {"cancelled", talk_status::cancelled},
      {"canceled", talk_status::cancelled},  {"postponed", talk_status::postponed},
      {"tentative", talk_status::tentative}};
  return map;
}

class talk_reader {
 public:
  talk_reader(feed_reader& reader, const feed& f) : r_(reader), feed_(f), series_(f.series) {}

  // Reads one talk; nullopt (with the errors reported) when it must be skipped.
  std::optional<talk> read(const json& value, std::size_t index) {
    at_ = "/talks/" + std::to_string(index);
    errors_ = 0;
    if (!value.is_object()) {
      error("talk.not_object", at_, "talk " + std::to_string(index) + " should be an object, not " + type_name(value));
      return std::nullopt;
    }
    talk t;
    t.index = index;
    t.id = id_of(value);
    read_title(value, t);
    read_zone(value, t);
    read_times(value, t);
    if (errors_ == 0) check_exported_years(value, t);
    if (errors_ == 0) read_recurrence_id(value, t);
    read_kind_and_status(value, t);
    read_people_and_text(value, t);
    if (errors_ > 0) return std::nullopt;
    return t;
  }

 private:
  // Talk errors name the talk by id when it has one, so organisers can find it.
  void error(std::string code, std::string pointer, std::string message) {
    ++errors_;
    r_.error(std::move(code), std::move(pointer), std::move(message) + talk_label());
  }
  std::string talk_label() const { return label_.empty() ? "" : " (talk " + quote_for_message(label_) + ")"; }

  std::string id_of(const json& value) {
    label_.clear();
    auto it = value.find("id");
    if (it == value.end() || it->is_null()) return {};
    if (it->is_string() && !detail::trim(it->get_ref<const std::string&>()).empty()) {
      label_ = std::string(detail::trim(it->get_ref<const std::string&>()));
      return label_;
    }
    if (it->is_number_integer()) {
      label_ = it->dump();
      return label_;
    }
    r_.warn("talk.bad_field", at_ + "/id", "\"id\" should be a non-empty string, not " + describe(*it) + "; a derived id is used");
    return {};
  }

  void read_title(const json& value, talk& t) {
    auto it = value.find("title");
    if (it == value.end() || it->is_null()) {
      error("talk.missing_title", at_, "the talk has no \"title\"");
    } else if (!it->is_string()) {
      error("talk.missing_title", at_ + "/title", "\"title\" should be a string, not " + type_name(*it));
    } else if (detail::trim(it->get_ref<const std::string&>()).empty()) {
      error("talk.missing_title", at_ + "/title", "\"title\" is empty");
    } else {
      t.title = std::string(detail::trim(it->get_ref<const std::string&>()));
    }
  }

  void read_zone(const json& value, talk& t) {
    t.zone = feed_.zone;
    zone_error_ = false;
    auto it = value.find("timezone");
    if (it == value.end() || it->is_null()) return;
    if (!it->is_string()) {
      error("talk.bad_zone", at_ + "/timezone", "\"timezone\" should be an IANA zone name, not " + type_name(*it));
      return;
    }
    const auto& name = it->get_ref<const std::string&>();
    t.zone = locate_zone(detail::trim(name));
    if (!t.zone) error("talk.bad_zone", at_ + "/timezone", "unknown time zone " + quote_for_message(name));
    else if (auto legacy = detail::legacy_zone_message(detail::trim(name))) r_.warn("talk.legacy_zone", at_ + "/timezone", *legacy);
    zone_error_ = !t.zone;
  }

  // Parses a start or end value into an instant or a day; reports and returns nullopt when bad.
  std::optional<detail::time_value> read_time(const json& v, const std::string& pointer, const char* code,
                                              const char* field, const talk& t) {
    std::string problem;
    std::optional<detail::time_value> parsed;
    if (v.is_string()) {
      parsed = detail::parse_time_text(v.get_ref<const std::string&>(), problem);
    } else if (v.is_number()) {
      parsed = detail::parse_epoch_number(v, problem);
    } else {
      problem = std::string("\"") + field + "\" should be a date-time string or epoch seconds, not " + type_name(v);
    }
    if (!parsed) {
      error(code, pointer, problem);
      return std::nullopt;
    }
    if (parsed->form == detail::time_value::wall_clock) {
      if (zone_error_) return std::nullopt;  // already reported
      if (!t.zone) {
        error("talk.no_zone", pointer,
              "local time " + quote_for_message(v.get_ref<const std::string&>()) +
                  " needs a zone: give the talk or the feed a \"timezone\", or add Z or an offset");
        return std::nullopt;
      }
      auto resolution = t.zone->resolve(parsed->local);
      parsed->instant = resolution.instant;
      if (resolution.kind != local_time_kind::unique) {
        auto shown = v.get_ref<const std::string&>();
        auto offset = detail::format_offset(std::int32_t((parsed->local.time_since_epoch() - resolution.instant.time_since_epoch()).count()), true);
        if (resolution.kind == local_time_kind::gap) {
          r_.warn("talk.nonexistent_time", pointer,
                  "local time " + quote_for_message(shown) + " does not exist in " + std::string(t.zone->name()) +
                      " (clocks moved forward); read with the offset before the change, UTC" + offset);
        } else {
          r_.warn("talk.ambiguous_time", pointer,
                  "local time " + quote_for_message(shown) + " occurs twice in " + std::string(t.zone->name()) +
                      " (clocks moved back); the first occurrence, UTC" + offset + ", is used");
        }
      }
    }
    return parsed;
  }

  // Exports write four-digit years, the most RFC 5545 allows: a talk ends by
  // 9999-12-30 in UTC, a day before the last, so it is still 9999 in every zone
  // and with any length a calendar gives a talk without an end.
  void check_exported_years(const json& value, const talk& t) {
    static constexpr date::sys_days last_day = date::year{9999} / 12 / 30;
    bool within = t.date_only ? t.end_day.value_or(t.start_day) <= last_day
                              : t.end.value_or(t.start) < date::sys_seconds{last_day + date::days{1}};
    if (within) return;
    auto given = [&](const char* key) {
      auto it = value.find(key);
      return it != value.end() && !it->is_null();
    };
    std::string field = !(t.end || t.end_day) ? "start" : given("end") ? "end" : "duration";
    error("talk.bad_" + field, at_ + "/" + field,
          std::string(field == "start" ? "the talk starts" : "the talk ends") +
              " after 9999-12-30 (UTC), later than calendars can hold (their years have four digits)");
  }

  // recurrence_id: a time like start (a date when start is one), warned about and left out when bad.
  void read_recurrence_id(const json& value, talk& t) {
    auto it = value.find("recurrence_id");
    if (it == value.end() || it->is_null()) return;
    std::string problem;
    std::optional<detail::time_value> parsed;
    if (it->is_string()) parsed = detail::parse_time_text(it->get_ref<const std::string&>(), problem);
    else problem = "\"recurrence_id\" should be a date-time string like \"start\", not " + type_name(*it);
    if (parsed && (parsed->form == detail::time_value::date_only) != t.date_only)
      problem = t.date_only ? "\"recurrence_id\" should be a date, as \"start\" is" : "\"recurrence_id\" should have a time, as \"start\" has";
    if (parsed && parsed->form == detail::time_value::wall_clock) {
      if (t.zone) parsed->instant = t.zone->resolve(parsed->local).instant;
      else problem = "\"recurrence_id\" " + describe(*it) + " needs a zone: add Z or an offset";
    }
    if (!problem.empty()) {
      r_.warn("talk.bad_recurrence_id", at_ + "/recurrence_id", problem + "; ignored");
      return;
    }
    t.recurrence_id = parsed->form == detail::time_value::date_only ? sys_seconds{parsed->day.time_since_epoch()} : parsed->instant;
  }

  void read_times(const json& value, talk& t) {
    auto start_it = value.find("start");
    if (start_it == value.end() || start_it->is_null()) {
      error("talk.missing_start", at_, "the talk has no \"start\"");
      return;
    }
    auto start = read_time(*start_it, at_ + "/start", "talk.bad_start", "start", t);
    if (!start) return;
    t.date_only = start->form == detail::time_value::date_only;
    t.start = start->instant;
    t.start_day = start->day;

    auto end_it = value.find("end");
    auto duration_it = value.find("duration");
    bool has_end = end_it != value.end() && !end_it->is_null();
    bool has_duration = duration_it != value.end() && !duration_it->is_null();
    if (has_end && has_duration)
      r_.warn("talk.end_and_duration", at_ + "/duration", "both \"end\" and \"duration\" are given; \"end\" is used");

    if (has_end) {
      auto end = read_time(*end_it, at_ + "/end", "talk.bad_end", "end", t);
      if (!end) return;
      bool end_is_day = end->form == detail::time_value::date_only;
      if (end_is_day != t.date_only) {
        error("talk.bad_end", at_ + "/end",
              t.date_only ? "\"end\" has a time but \"start\" is a date alone; give both as dates or both with times"
                          : "\"end\" is a date alone but \"start\" has a time; give both with times");
        return;
      }
      if (t.date_only ? end->day < t.start_day : end->instant < t.start) {
        error("talk.end_before_start", at_ + "/end", "end " + describe(*end_it) + " is before start " + describe(*start_it));
        return;
      }
      if (t.date_only) t.end_day = end->day;
      else t.end = end->instant;
    } else if (has_duration) {
      std::string problem;
      auto length = detail::parse_duration(*duration_it, problem);
      if (!length) {
        error("talk.bad_duration", at_ + "/duration", problem);
        return;
      }
      if (!t.date_only) {
        t.end = t.start + std::chrono::seconds{*length};
      } else if (*length % 86400 == 0 && *length >= 86400) {
        t.end_day = t.start_day + date::days{*length / 86400 - 1};
      } else {
        r_.warn("talk.bad_duration", at_ + "/duration",
                "a talk with a date alone can only last whole days; duration " + describe(*duration_it) + " ignored");
      }
    }
  }

  void read_kind_and_status(const json& value, talk& t) {
    auto kind = r_.text_field(value, "kind", at_, "talk");
    if (!kind.empty()) {
      auto it = kinds().find(detail::ascii_lower(kind));
      if (it != kinds().end()) t.kind = it->second;
      else {
        t.kind = talk_kind::other;
        r_.warn("talk.unknown_kind", at_ + "/kind", "unknown kind " + quote_for_message(kind) + " shown as \"other\"");
      }
    }
    auto status = r_.text_field(value, "status", at_, "talk");
    if (!status.empty()) {
      auto it = statuses().find(detail::ascii_lower(status));
      if (it != statuses().end()) t.status = it->second;
      else r_.warn("talk.unknown_status", at_ + "/status", "unknown status " + quote_for_message(status) + " treated as \"scheduled\"");
    }
  }

  void read_people_and_text(const json& value, talk& t) {
    t.abstract = r_.text_field(value, "abstract", at_, "talk");
    t.uid = r_.text_field(value, "uid", at_, "talk");
    t.location = r_.place_field(value, at_, "talk");
    t.series = r_.text_field(value, "series", at_, "talk");
    if (!t.series.empty() && !series_.find(t.series))
      r_.warn("talk.unknown_series", at_ + "/series", "series " + quote_for_message(t.series) + " is not declared in the feed's \"series\"");

    read_speakers(value, t);
    read_tags(value, t);
    read_links(value, t);
  }

  void read_speakers(const json& value, talk& t) {
    auto it = value.find("speakers");
    if (it == value.end() || it->is_null()) return;
    if (!it->is_array()) {
      r_.warn("talk.bad_field", at_ + "/speakers", "\"speakers\" should be an array, not " + type_name(*it) + "; ignored");
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& s = (*it)[i];
        std::string at = at_ + "/speakers/" + std::to_string(i);
        if (s.is_string() && !detail::trim(s.get_ref<const std::string&>()).empty()) {
          t.speakers.push_back({std::string(detail::trim(s.get_ref<const std::string&>())), {}, {}, {}, {}});
          continue;
        }
        if (!s.is_object()) {
          r_.warn("talk.bad_field", at, "a speaker should be an object with a \"name\", not " + type_name(s) + "; ignored");
          continue;
        }
        speaker sp;
        sp.name = r_.text_field(s, "name", at, "talk");
        if (sp.name.empty()) {
          r_.warn("talk.bad_field", at, "a speaker without a \"name\" is ignored");
          continue;
        }
        sp.affiliation = r_.text_field(s, "affiliation", at, "talk");
        sp.url = r_.url_field(s, "url", at, "talk");
        sp.photo = r_.url_field(s, "photo", at, "talk");
        sp.bio = r_.text_field(s, "bio", at, "talk");
        t.speakers.push_back(std::move(sp));
      }
    }
  }

  void read_tags(const json& value, talk& t) {
    auto it = value.find("tags");
    if (it == value.end() || it->is_null()) return;
    if (!it->is_array()) {
      r_.warn("talk.bad_field", at_ + "/tags", "\"tags\" should be an array of strings, not " + type_name(*it) + "; ignored");
    } else {
      std::set<std::string, std::less<>> seen;  // a talk may carry thousands of tags: no search per tag
      for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& tag = (*it)[i];
        if (tag.is_string() && !detail::trim(tag.get_ref<const std::string&>()).empty()) {
          auto name = detail::trim(tag.get_ref<const std::string&>());
          if (seen.emplace(name).second) t.tags.emplace_back(name);
        } else {
          r_.warn("talk.bad_field", at_ + "/tags/" + std::to_string(i), "tag " + describe(tag) + " is not a non-empty string; ignored");
        }
      }
    }
  }

  void read_links(const json& value, talk& t) {
    auto it = value.find("links");
    if (it == value.end() || it->is_null()) return;
    if (!it->is_object()) {
      r_.warn("talk.bad_field", at_ + "/links", "\"links\" should be an object of kind: URL, not " + type_name(*it) + "; ignored");
    } else {
      for (const auto& [kind, url] : it->items()) {
        std::string at = at_ + "/links/" + detail::escape_pointer_token(kind);
        if (!url.is_string()) {
          r_.warn("talk.bad_url", at, "link " + quote_for_message(kind) + " should be a URL string, not " + type_name(url) + "; dropped");
          continue;
        }
        auto safe = r_.checked_url(std::string(detail::trim(url.get_ref<const std::string&>())), at, "talk");
        if (!safe.empty()) t.links.push_back({detail::canonical_link_kind(kind), safe});
      }
    }
  }

  feed_reader& r_;
  const feed& feed_;
  const series_index series_;  // the series were read before any talk
  std::string at_, label_;
  int errors_ = 0;
  bool zone_error_ = false;
};

void read_series(feed_reader& r, const json& root, feed& f) {
  auto it = root.find("series");
  if (it == root.end() || it->is_null()) return;
  if (!it->is_array()) {
    r.warn("feed.bad_field", "/series", "\"series\" should be an array, not " + type_name(*it) + "; ignored");
    return;
  }
  std::set<std::string, std::less<>> declared;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& s = (*it)[i];
    std::string at = "/series/" + std::to_string(i);
    if (!s.is_object()) {
      r.warn("feed.bad_field", at, "a series should be an object, not " + type_name(s) + "; ignored");
      continue;
    }
    series_info info;
    info.id = r.text_field(s, "id", at, "feed");
    if (info.id.empty()) {
      r.warn("feed.bad_field", at, "a series without an \"id\" is ignored");
      continue;
    }
    if (!declared.insert(info.id).second) {
      r.warn("feed.bad_field", at + "/id", "series " + quote_for_message(info.id) + " is declared twice; the first is kept");
      continue;
    }
    info.title = r.text_field(s, "title", at, "feed");
    if (info.title.empty()) info.title = info.id;
    info.description = r.text_field(s, "description", at, "feed");
    info.url = r.url_field(s, "url", at, "feed");
    f.series.push_back(std::move(info));
  }
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

// The feed's "talks" array once the feed itself is usable: nullptr (with the
// error reported) when it is not an object of format version 1 with talks.
const json* talks_of(feed_reader& r, const json& root) {
  if (!root.is_object()) {
    r.error("feed.not_object", "", "a feed is a JSON object with \"talktime\": 1 and \"talks\", not " + type_name(root));
    return nullptr;
  }
  auto version = root.find("talktime");
  if (version == root.end()) {
    r.error("feed.missing_version", "", "the feed has no \"talktime\" format version; add \"talktime\": 1");
    return nullptr;
  }
  if (!version->is_number_integer() || version->get<std::int64_t>() != 1) {
    r.error("feed.unsupported_version", "/talktime", "format version " + describe(*version) + " is not supported; this talktime reads version 1");
    return nullptr;
  }
  auto talks = root.find("talks");
  if (talks == root.end() || !talks->is_array()) {
    r.error("feed.missing_talks", talks == root.end() ? "" : "/talks",
            talks == root.end() ? "the feed has no \"talks\" array" : "\"talks\" should be an array, not " + type_name(*talks));
    return nullptr;
  }
  return &*talks;
}

// The feed's own fields and series; false (reported) for an unknown zone.
bool read_feed_fields(feed_reader& r, const json& root, feed& f) {
  if (auto zone = root.find("timezone"); zone != root.end() && !zone->is_null()) {
    if (!zone->is_string() || !(f.zone = locate_zone(detail::trim(zone->get_ref<const std::string&>())))) {
      r.error("feed.bad_zone", "/timezone", "unknown time zone " + describe(*zone));
      return false;
    }
    if (auto legacy = detail::legacy_zone_message(detail::trim(zone->get_ref<const std::string&>())))
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
void read_talks(feed_reader& r, const json& talks, feed& f) {
  talk_reader reader(r, f);
  std::map<std::string, std::size_t, std::less<>> first_use;  // explicit id -> index
  detail::unique_names used;
  std::vector<std::size_t> needs_id;
  for (std::size_t i = 0; i < talks.size(); ++i) {
    auto t = reader.read(talks[i], i);
    if (!t) continue;
    if (!t->id.empty()) {
      if (auto seen = first_use.find(t->id); seen != first_use.end()) {
        r.error("talk.duplicate_id", "/talks/" + std::to_string(i) + "/id",
                "id " + quote_for_message(t->id) + " is already used by /talks/" + std::to_string(seen->second) + "; this talk is skipped");
        continue;
      }
      first_use.emplace(t->id, i);
      used.insert(t->id);
    } else {
      needs_id.push_back(f.talks.size());
    }
    f.talks.push_back(std::move(*t));
  }
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

}  // namespace

parse_result parse_feed(std::string_view text, const feed_limits& limits) {
  parse_result result;
  detail::json_document doc;
  if (!detail::parse_json_document(text, limits, "feed", doc, result.diagnostics)) return result;
  feed_reader r(doc.text, result.diagnostics);
  const json* talks = talks_of(r, doc.root);
  feed f;
  bool readable = talks && read_feed_fields(r, doc.root, f);
  if (readable) read_talks(r, *talks, f);
  r.finish();
  if (readable) result.feed = std::move(f);
  return result;
}

}  // namespace talktime
