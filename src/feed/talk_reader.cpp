// Reading each talk of a feed: see talk_reader.hpp.
#include "feed/talk_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "feed/json_scan.hpp"
#include "feed/legacy_zone.hpp"
#include "feed/talk_uids.hpp"
#include "time/time_text.hpp"

namespace talktime::detail {
namespace {

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

class talk_fields {
 public:
  talk_fields(feed_reader& reader, const feed& f) : r_(reader), feed_(f), series_(f.series) {}

  // Reads one talk; nullopt (with the errors reported) when it must be skipped.
  std::optional<talk> read(json_value value, std::size_t index) {
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

  std::string id_of(json_value value) {
    label_.clear();
    auto it = value.find("id");
    if (!it.given()) return {};
    if (it.is_string() && !trim(it.string()).empty()) {
      label_ = std::string(trim(it.string()));
      return label_;
    }
    if (it.is_number_integer()) {
      label_ = it.to_json().dump();
      return label_;
    }
    r_.warn("talk.bad_field", at_ + "/id", "\"id\" should be a non-empty string, not " + describe(it) + "; a derived id is used");
    return {};
  }

  void read_title(json_value value, talk& t) {
    auto it = value.find("title");
    if (!it.given()) {
      error("talk.missing_title", at_, "the talk has no \"title\"");
    } else if (!it.is_string()) {
      error("talk.missing_title", at_ + "/title", "\"title\" should be a string, not " + type_name(it));
    } else if (trim(it.string()).empty()) {
      error("talk.missing_title", at_ + "/title", "\"title\" is empty");
    } else {
      t.title = std::string(trim(it.string()));
    }
  }

  void read_zone(json_value value, talk& t) {
    t.zone = feed_.zone;
    zone_error_ = false;
    auto it = value.find("timezone");
    if (!it.given()) return;
    if (!it.is_string()) {
      error("talk.bad_zone", at_ + "/timezone", "\"timezone\" should be an IANA zone name, not " + type_name(it));
      return;
    }
    const auto& name = it.string();
    t.zone = locate_zone(trim(name));
    if (!t.zone) error("talk.bad_zone", at_ + "/timezone", "unknown time zone " + quote_for_message(name));
    else if (auto legacy = legacy_zone_message(trim(name))) r_.warn("talk.legacy_zone", at_ + "/timezone", *legacy);
    zone_error_ = !t.zone;
  }

  // Parses a start or end value into an instant or a day; reports and returns nullopt when bad.
  std::optional<time_value> read_time(json_value v, const std::string& pointer, const char* code,
                                              const char* field, const talk& t) {
    std::string problem;
    std::optional<time_value> parsed;
    if (v.is_string()) {
      parsed = parse_time_text(v.string(), problem);
    } else if (v.is_number()) {
      parsed = parse_epoch_number(v.to_json(), problem);
    } else {
      problem = std::string("\"") + field + "\" should be a date-time string or epoch seconds, not " + type_name(v);
    }
    if (!parsed) {
      error(code, pointer, problem);
      return std::nullopt;
    }
    if (parsed->form == time_value::wall_clock) {
      if (zone_error_) return std::nullopt;  // already reported
      if (!t.zone) {
        error("talk.no_zone", pointer,
              "local time " + quote_for_message(v.string()) +
                  " needs a zone: give the talk or the feed a \"timezone\", or add Z or an offset");
        return std::nullopt;
      }
      auto resolution = t.zone->resolve(parsed->local);
      parsed->instant = resolution.instant;
      if (resolution.kind != local_time_kind::unique) {
        auto shown = v.string();
        auto offset = format_offset(std::int32_t((parsed->local.time_since_epoch() - resolution.instant.time_since_epoch()).count()), true);
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
  void check_exported_years(json_value value, const talk& t) {
    static constexpr date::sys_days last_day = date::year{9999} / 12 / 30;
    bool within = t.date_only ? t.end_day.value_or(t.start_day) <= last_day
                              : t.end.value_or(t.start) < date::sys_seconds{last_day + date::days{1}};
    if (within) return;
    auto given = [&](const char* key) {
      auto it = value.find(key);
      return it.given();
    };
    std::string field = !(t.end || t.end_day) ? "start" : given("end") ? "end" : "duration";
    error("talk.bad_" + field, at_ + "/" + field,
          std::string(field == "start" ? "the talk starts" : "the talk ends") +
              " after 9999-12-30 (UTC), later than calendars can hold (their years have four digits)");
  }

  // recurrence_id: a time like start (a date when start is one), warned about and left out when bad.
  void read_recurrence_id(json_value value, talk& t) {
    auto it = value.find("recurrence_id");
    if (!it.given()) return;
    std::string problem;
    std::optional<time_value> parsed;
    if (it.is_string()) parsed = parse_time_text(it.string(), problem);
    else problem = "\"recurrence_id\" should be a date-time string like \"start\", not " + type_name(it);
    if (parsed && (parsed->form == time_value::date_only) != t.date_only)
      problem = t.date_only ? "\"recurrence_id\" should be a date, as \"start\" is" : "\"recurrence_id\" should have a time, as \"start\" has";
    if (parsed && parsed->form == time_value::wall_clock) {
      if (t.zone) parsed->instant = t.zone->resolve(parsed->local).instant;
      else problem = "\"recurrence_id\" " + describe(it) + " needs a zone: add Z or an offset";
    }
    if (!problem.empty()) {
      r_.warn("talk.bad_recurrence_id", at_ + "/recurrence_id", problem + "; ignored");
      return;
    }
    t.recurrence_id = parsed->form == time_value::date_only ? sys_seconds{parsed->day.time_since_epoch()} : parsed->instant;
  }

  void read_times(json_value value, talk& t) {
    auto start_it = value.find("start");
    if (!start_it.given()) {
      error("talk.missing_start", at_, "the talk has no \"start\"");
      return;
    }
    auto start = read_time(start_it, at_ + "/start", "talk.bad_start", "start", t);
    if (!start) return;
    t.date_only = start->form == time_value::date_only;
    t.start = start->instant;
    t.start_day = start->day;

    auto end_it = value.find("end");
    auto duration_it = value.find("duration");
    bool has_end = end_it.given();
    bool has_duration = duration_it.given();
    if (has_end && has_duration)
      r_.warn("talk.end_and_duration", at_ + "/duration", "both \"end\" and \"duration\" are given; \"end\" is used");

    if (has_end) {
      auto end = read_time(end_it, at_ + "/end", "talk.bad_end", "end", t);
      if (!end) return;
      bool end_is_day = end->form == time_value::date_only;
      if (end_is_day != t.date_only) {
        error("talk.bad_end", at_ + "/end",
              t.date_only ? "\"end\" has a time but \"start\" is a date alone; give both as dates or both with times"
                          : "\"end\" is a date alone but \"start\" has a time; give both with times");
        return;
      }
      if (t.date_only ? end->day < t.start_day : end->instant < t.start) {
        error("talk.end_before_start", at_ + "/end", "end " + describe(end_it) + " is before start " + describe(start_it));
        return;
      }
      if (t.date_only) t.end_day = end->day;
      else t.end = end->instant;
    } else if (has_duration) {
      std::string problem;
      auto length = parse_duration(duration_it.to_json(), problem);
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
                "a talk with a date alone can only last whole days; duration " + describe(duration_it) + " ignored");
      }
    }
  }

  void read_kind_and_status(json_value value, talk& t) {
    auto kind = r_.text_field(value, "kind", at_, "talk");
    if (!kind.empty()) {
      auto it = kinds().find(ascii_lower(kind));
      if (it != kinds().end()) t.kind = it->second;
      else {
        t.kind = talk_kind::other;
        r_.warn("talk.unknown_kind", at_ + "/kind", "unknown kind " + quote_for_message(kind) + " shown as \"other\"");
      }
    }
    auto status = r_.text_field(value, "status", at_, "talk");
    if (!status.empty()) {
      auto it = statuses().find(ascii_lower(status));
      if (it != statuses().end()) t.status = it->second;
      else r_.warn("talk.unknown_status", at_ + "/status", "unknown status " + quote_for_message(status) + " treated as \"scheduled\"");
    }
  }

  void read_people_and_text(json_value value, talk& t) {
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

  void read_speakers(json_value value, talk& t) {
    auto it = value.find("speakers");
    if (!it.given()) return;
    if (!it.is_array()) {
      r_.warn("talk.bad_field", at_ + "/speakers", "\"speakers\" should be an array, not " + type_name(it) + "; ignored");
    } else {
      std::size_t i = 0;
      it.for_each_element([&](json_value s) {
        std::string at = at_ + "/speakers/" + std::to_string(i++);
        if (s.is_string() && !trim(s.string()).empty()) {
          t.speakers.push_back({std::string(trim(s.string())), {}, {}, {}, {}});
          return;
        }
        if (!s.is_object()) {
          r_.warn("talk.bad_field", at, "a speaker should be an object with a \"name\", not " + type_name(s) + "; ignored");
          return;
        }
        speaker sp;
        sp.name = r_.text_field(s, "name", at, "talk");
        if (sp.name.empty()) {
          r_.warn("talk.bad_field", at, "a speaker without a \"name\" is ignored");
          return;
        }
        sp.affiliation = r_.text_field(s, "affiliation", at, "talk");
        sp.url = r_.url_field(s, "url", at, "talk");
        sp.photo = r_.url_field(s, "photo", at, "talk");
        sp.bio = r_.text_field(s, "bio", at, "talk");
        t.speakers.push_back(std::move(sp));
      });
    }
  }

  void read_tags(json_value value, talk& t) {
    auto it = value.find("tags");
    if (!it.given()) return;
    if (!it.is_array()) {
      r_.warn("talk.bad_field", at_ + "/tags", "\"tags\" should be an array of strings, not " + type_name(it) + "; ignored");
    } else {
      std::set<std::string, std::less<>> seen;  // a talk may carry thousands of tags: no search per tag
      std::size_t i = 0;
      it.for_each_element([&](json_value tag) {
        if (tag.is_string() && !trim(tag.string()).empty()) {
          auto name = trim(tag.string());
          if (seen.emplace(name).second) t.tags.emplace_back(name);
        } else {
          r_.warn("talk.bad_field", at_ + "/tags/" + std::to_string(i), "tag " + describe(tag) + " is not a non-empty string; ignored");
        }
        ++i;
      });
    }
  }

  void read_links(json_value value, talk& t) {
    auto it = value.find("links");
    if (!it.given()) return;
    if (!it.is_object()) {
      r_.warn("talk.bad_field", at_ + "/links", "\"links\" should be an object of kind: URL, not " + type_name(it) + "; ignored");
    } else {
      it.for_each_member([&](std::string_view kind, json_value url) {
        std::string at = at_ + "/links/" + escape_pointer_token(kind);
        if (!url.is_string()) {
          r_.warn("talk.bad_url", at, "link " + quote_for_message(kind) + " should be a URL string, not " + type_name(url) + "; dropped");
          return;
        }
        auto safe = r_.checked_url(std::string(trim(url.string())), at, "talk");
        if (!safe.empty()) t.links.push_back({canonical_link_kind(kind), safe});
      });
    }
  }

  feed_reader& r_;
  const feed& feed_;
  const series_index series_;  // the series were read before any talk
  std::string at_, label_;
  int errors_ = 0;
  bool zone_error_ = false;
};

}  // namespace

struct talk_reader::impl : talk_fields {
  using talk_fields::talk_fields;
};

talk_reader::talk_reader(feed_reader& reader, const feed& f) : impl_(std::make_unique<impl>(reader, f)) {}
talk_reader::~talk_reader() = default;
std::optional<talk> talk_reader::read(json_value value, std::size_t index) { return impl_->read(value, index); }

}  // namespace talktime::detail
