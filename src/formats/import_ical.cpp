// iCalendar (RFC 5545) -> talktime v1 JSON. The feed parser validates the
// result; this file only reads the calendar's structure and value syntax, and
// records where each generated value came from (its line) for diagnostics.
// As the feed parser does, it lists at most 100 problems and counts the rest.
#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

#include "formats/ical_reader.hpp"
#include "formats/ical_vtimezone.hpp"
#include "formats/ics_text.hpp"
#include "common/problem_reporter.hpp"
#include "talktime/importers.hpp"
#include "common/text.hpp"
#include "time/time_text.hpp"

namespace talktime {
namespace {

using json = nlohmann::ordered_json;
using detail::content_line;

// A DATE or DATE-TIME value.
struct ics_time {
  enum kind_t { date_value, floating, utc, zoned } kind = date_value;
  date::sys_days day{};
  int hour = 0, minute = 0, second = 0;
  const time_zone* zone = nullptr;
  std::string zone_name;  // the IANA zone the TZID names; empty for a zone of the file's own VTIMEZONE

  bool in_calendar_zone() const { return kind == zoned && zone_name.empty(); }

  local_seconds local() const {
    return local_seconds{day.time_since_epoch()} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second};
  }
  // "2024-05-02", "2024-05-02T09:30", "2024-05-02T09:30:15", with "Z" for UTC.
  std::string feed_text() const {
    std::string out = detail::format_iso_date(day);
    if (kind == date_value) return out;
    char buf[16];
    if (second != 0) std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
    else std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
    out += buf;
    if (kind == utc) out += "Z";
    return out;
  }
};

// A TZID that names an IANA zone, also behind a "/"-prefixed global id
// ("/mozilla.org/20050126_1/America/New_York" -> "America/New_York"), or a
// Windows zone ("Eastern Standard Time", as Outlook writes) by CLDR's mapping,
// which has the zone's whole history where the file's VTIMEZONE has one rule.
std::optional<std::string> iana_name(std::string_view tzid) {
  tzid = detail::trim(tzid);
  for (auto rest = tzid; !rest.empty();) {
    if (locate_zone(rest)) return std::string(rest);
    auto slash = rest.find('/');
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  if (const time_zone* windows = locate_windows_zone(tzid)) return std::string(windows->name());
  return std::nullopt;
}

class ical_importer {
 public:
  ical_importer(std::string_view text, import_result& result)
      : text_(text), r_(result), problems_(text, "ics", result.diagnostics) {}

  void run() {
    detail::logical_lines lines(text_);
    convert(lines);
    report_cleaning(lines);
    problems_.finish();
  }

 private:
  void convert(detail::logical_lines& lines) {
    std::vector<std::string> stack;
    bool seen_calendar = false;
    int calendar_line = 0;
    detail::numbered_line raw;
    while (lines.next(raw)) {
      detail::content_line cl;
      cl.line = raw.number;
      bool parsed = split_content_line(raw.text, cl);
      if (!seen_calendar && (!parsed || cl.name != "BEGIN" || detail::ascii_upper(detail::trim(cl.value)) != "VCALENDAR")) {
        report_cleaning(lines);  // the error that fails the import comes last
        error("ics.not_calendar", cl.line, "an iCalendar file begins with BEGIN:VCALENDAR, not " + detail::quote_for_message(raw.text));
        return;
      }
      if (!parsed) {
        warn("ics.syntax", cl.line, "line " + detail::quote_for_message(raw.text) + " is not NAME:VALUE; ignored");
        continue;
      }
      if (!seen_calendar) {
        seen_calendar = true;
        calendar_line = cl.line;
      }
      if (cl.name == "BEGIN") {
        auto component = detail::ascii_upper(detail::trim(cl.value));
        stack.push_back(component);
        if (component == "VEVENT" && stack.size() == 2 && stack[0] == "VCALENDAR") {
          event_ = std::vector<content_line>{};
          event_kept_ = 0;
          event_line_ = cl.line;
          if (r_.source_events++ == 0) r_.events_at = {"", cl.line, 1};  // for feed.no_talks (importers.hpp)
        }
        continue;
      }
      if (cl.name == "END") {
        auto component = detail::ascii_upper(detail::trim(cl.value));
        if (stack.empty() || stack.back() != component) {
          warn("ics.syntax", cl.line,
               "END:" + component + " does not close " + (stack.empty() ? std::string("anything") : "BEGIN:" + stack.back()) + "; ignored");
          continue;
        }
        stack.pop_back();
        if (component == "VEVENT" && event_ && stack.size() == 1) {
          convert_event(*event_);
          event_.reset();
        }
        continue;
      }
      if (stack.size() == 1 && stack[0] == "VCALENDAR") keep(calendar_, calendar_kept_, std::move(cl), calendar_properties);
      else if (stack.size() == 2 && event_) keep(*event_, event_kept_, std::move(cl), event_properties);
      // VTIMEZONE, VALARM, VTODO, …: not needed (zones come from the tz database).
    }
    if (!seen_calendar) {
      error("ics.not_calendar", 0, "the file is empty; an iCalendar file begins with BEGIN:VCALENDAR");
      return;
    }
    if (event_) {
      error("ics.unterminated", event_line_, "this VEVENT has no END:VEVENT (the file is cut short?); it is skipped");
    }
    if (!stack.empty())
      warn("ics.unterminated", calendar_line, "the calendar has no END:VCALENDAR (the file is cut short?)");
    build_feed(calendar_line);
  }

  // What the importer reads, and nothing else, is kept of a component, so a
  // calendar of millions of other lines costs no memory; of a property read only
  // once, the first.
  static constexpr std::string_view calendar_properties[] = {"X-WR-CALNAME", "NAME", "X-WR-CALDESC", "DESCRIPTION",
                                                              "URL", "X-WR-TIMEZONE"};
  static constexpr std::string_view event_properties[] = {"UID", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS",
                                                           "DTSTART", "DTEND", "DURATION", "URL", "CONFERENCE",
                                                           "RRULE", "RDATE", "RECURRENCE-ID", "CATEGORIES"};
  // `seen` has a bit for each wanted name already kept, so a repeated property
  // costs no search of what was kept (which may be a million CATEGORIES lines).
  template <std::size_t N>
  static void keep(std::vector<content_line>& kept, unsigned& seen, content_line line, const std::string_view (&wanted)[N]) {
    static_assert(N <= 32, "one bit a name");
    for (std::size_t i = 0; i < N; ++i) {
      if (line.name != wanted[i]) continue;
      if (line.name != "CATEGORIES" && (seen & (1u << i))) return;
      seen |= 1u << i;
      kept.push_back(std::move(line));
      return;
    }
  }

  // One warning each for the bytes that were not UTF-8 and the control characters removed.
  void report_cleaning(const detail::logical_lines& lines) {
    if (std::exchange(cleaning_reported_, true)) return;
    if (auto bad = lines.bad_bytes(); bad > 0)
      warn("ics.bad_utf8", lines.first_bad_line(),
           std::to_string(bad) + (bad == 1 ? " byte that is" : " bytes that are") +
               " not UTF-8 replaced by U+FFFD (the first in the line that starts here)");
    if (auto controls = lines.controls(); controls > 0)
      warn("ics.control_characters", lines.first_control_line(),
           std::to_string(controls) + (controls == 1 ? " control character" : " control characters") +
               " removed (the first in the line that starts here); iCalendar text does not allow them");
  }

  // Listed within the problem budget (src/common/problem_reporter.hpp); run() adds the count of the rest.
  void error(std::string code, int line, std::string message) {
    problems_.report_line(severity::error, std::move(code), line, std::move(message));
  }
  void warn(std::string code, int line, std::string message) {
    problems_.report_line(severity::warning, std::move(code), line, std::move(message));
  }

  static const content_line* find(const std::vector<content_line>& props, std::string_view name) {
    for (const auto& p : props)
      if (p.name == name) return &p;
    return nullptr;
  }

  // Reads a DTSTART/DTEND value; reports and returns nullopt when it cannot be used.
  std::optional<ics_time> read_time(const content_line& p) {
    auto value = std::string(detail::trim(p.value));
    auto bad = [&](const std::string& why) {
      error("ics.bad_time", p.line, p.name + " " + detail::quote_for_message(value) + " " + why + "; the event is skipped");
      return std::nullopt;
    };
    auto digits = [&](std::size_t from, std::size_t n, int& out) {
      if (from + n > value.size()) return false;
      out = 0;
      for (std::size_t k = from; k < from + n; ++k) {
        if (value[k] < '0' || value[k] > '9') return false;
        out = out * 10 + (value[k] - '0');
      }
      return true;
    };
    const std::string* type = p.param("VALUE");
    bool want_date = type && detail::ascii_upper(*type) == "DATE";
    int y, mo, d;
    if (!digits(0, 4, y) || !digits(4, 2, mo) || !digits(6, 2, d))
      return bad("is not an iCalendar date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)");
    ics_time t;
    date::year_month_day ymd{date::year{y}, date::month{unsigned(mo)}, date::day{unsigned(d)}};
    if (!ymd.ok() || y < 1600) return bad("is not a valid date");
    t.day = date::sys_days{ymd};
    if (value.size() == 8) {
      if (type && !want_date) return bad("has no time but is not VALUE=DATE");
      t.kind = ics_time::date_value;
      return t;
    }
    if (want_date) return bad("has a time but is VALUE=DATE");
    if (value.size() < 15 || (value[8] != 'T' && value[8] != 't') || !digits(9, 2, t.hour) || !digits(11, 2, t.minute) ||
        !digits(13, 2, t.second))
      return bad("is not an iCalendar date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)");
    if (t.hour > 23 || t.minute > 59 || t.second > 59) return bad("is not a valid time");
    if (value.size() == 16 && (value[15] == 'Z' || value[15] == 'z')) {
      t.kind = ics_time::utc;
      return t;
    }
    if (value.size() != 15) return bad("is not an iCalendar date-time (YYYYMMDDTHHMMSS, optionally with Z)");
    if (const std::string* tzid = p.param("TZID")) {
      t.kind = ics_time::zoned;
      if (auto name = iana_name(*tzid)) {
        t.zone_name = *name;
        t.zone = locate_zone(*name);
      } else if (!(t.zone = calendar_zone(*tzid, p.line))) {
        return std::nullopt;
      }
      return t;
    }
    t.kind = ics_time::floating;
    return t;
  }

  // A TZID that is neither IANA nor Windows: the file's own VTIMEZONE of that
  // name (reported once per TZID), else an error that skips the event.
  const time_zone* calendar_zone(const std::string& tzid, int line) {
    if (!calendar_zones_) calendar_zones_.emplace(text_);  // a pass of its own, made only for such a TZID
    auto found = calendar_zones_->use(tzid);
    if (!found.zone) error("ics.unknown_zone", line, std::move(found.message));
    else if (!found.message.empty()) warn("ics.calendar_zone", line, std::move(found.message));
    return found.zone;
  }

  void origin(const std::string& pointer, int line) { r_.origins[pointer] = {"", line, line > 0 ? 1 : 0}; }

  void convert_event(const std::vector<content_line>& props) {
    std::string at = "/talks/" + std::to_string(talks_.size());
    json t = json::object();
    const content_line* start_line = find(props, "DTSTART");
    const content_line* end_line = find(props, "DTEND");
    std::optional<ics_time> start, end;
    if (start_line && !(start = read_time(*start_line))) return;
    if (end_line && !(end = read_time(*end_line))) return;

    read_id_and_title(props, at, t);
    if (start) write_start(*start, start_line->line, at, t);
    if (end) write_end(start, *end, *end_line, at, t);
    read_text_fields(props, at, t);
    read_categories(props, at, t);
    read_links(props, at, t);
    warn_recurrence(props, t);
    origin(at, event_line_);
    talks_.push_back(std::move(t));
  }

  void read_id_and_title(const std::vector<content_line>& props, const std::string& at, json& t) {
    if (auto* uid = find(props, "UID")) {
      std::string id(detail::trim(detail::ics_unescape_text(uid->value)));
      auto* rid = find(props, "RECURRENCE-ID");
      // Re-exported, the event keeps its UID so calendars update it; a moved occurrence
      // would need its RECURRENCE-ID too, which the export does not write.
      std::string source_uid = rid ? std::string() : id;
      if (rid) id += "-" + std::string(detail::trim(rid->value));
      if (!id.empty()) {
        t["id"] = id;
        origin(at + "/id", uid->line);
      }
      if (!source_uid.empty()) {
        t["uid"] = source_uid;
        origin(at + "/uid", uid->line);
      }
    }
    if (auto* summary = find(props, "SUMMARY")) {
      t["title"] = detail::ics_unescape_text(summary->value);
      origin(at + "/title", summary->line);
    }
  }

  void write_start(const ics_time& start, int line, const std::string& at, json& t) {
    t["start"] = start.in_calendar_zone() ? detail::local_time_with_offset(*start.zone, start.local()) : start.feed_text();
    origin(at + "/start", line);
    if (start.kind == ics_time::zoned && !start.in_calendar_zone()) {
      t["timezone"] = start.zone_name;
      origin(at + "/timezone", line);
    }
  }

  void write_end(const std::optional<ics_time>& start, const ics_time& end, const content_line& end_line,
                 const std::string& at, json& t) {
    if (start && start->kind == ics_time::date_value && end.kind == ics_time::date_value) {
      // DTEND of an all-day event is exclusive; talktime's "end" is the last day.
      if (end.day <= start->day) {
        warn("ics.bad_end", end_line.line, "DTEND " + detail::quote_for_message(end_line.value) + " is not after DTSTART; ignored");
      } else if (end.day - start->day > date::days{1}) {
        t["end"] = detail::format_iso_date(end.day - date::days{1});
        origin(at + "/end", end_line.line);
      }
      return;
    }
    std::string text = end.in_calendar_zone() ? detail::local_time_with_offset(*end.zone, end.local()) : end.feed_text();
    bool same_zone = start && start->kind == ics_time::zoned && end.kind == ics_time::zoned && start->zone == end.zone;
    if (end.kind == ics_time::zoned && !same_zone && !end.in_calendar_zone())  // the feed has one zone per talk: give the end as an instant
      text = detail::instant_feed_text(end.zone->resolve(end.local()).instant).value_or(text);
    t["end"] = text;
    origin(at + "/end", end_line.line);
  }

  void read_text_fields(const std::vector<content_line>& props, const std::string& at, json& t) {
    if (auto* duration = find(props, "DURATION")) {
      std::string value(detail::trim(duration->value));
      if (!value.empty() && value.front() == '+') value.erase(0, 1);
      t["duration"] = value;
      origin(at + "/duration", duration->line);
    }
    if (auto* description = find(props, "DESCRIPTION")) {
      t["abstract"] = detail::ics_unescape_text(description->value);
      origin(at + "/abstract", description->line);
    }
    if (auto* location = find(props, "LOCATION")) {
      auto name = detail::ics_unescape_text(location->value);
      const std::string* altrep = location->param("ALTREP");
      if (altrep && !altrep->empty()) t["location"] = {{"name", name}, {"url", *altrep}};
      else t["location"] = name;
      origin(at + "/location", location->line);
    }
    if (auto* status = find(props, "STATUS")) {
      auto value = detail::ascii_upper(detail::trim(status->value));
      if (value == "CANCELLED") t["status"] = "cancelled";
      else if (value == "TENTATIVE") t["status"] = "tentative";
      else if (value != "CONFIRMED") t["status"] = detail::ascii_lower(value);
      if (t.contains("status")) origin(at + "/status", status->line);
    }
  }

  // Every CATEGORIES line, split at commas that are not escaped, each part unescaped.
  void read_categories(const std::vector<content_line>& props, const std::string& at, json& t) {
    json tags = json::array();
    for (const auto& p : props) {
      if (p.name != "CATEGORIES") continue;
      std::string part;
      auto flush = [&] {
        auto tag = std::string(detail::trim(detail::ics_unescape_text(part)));
        if (!tag.empty()) {
          if (tags.empty()) origin(at + "/tags", p.line);  // the first CATEGORIES line with a tag
          origin(at + "/tags/" + std::to_string(tags.size()), p.line);
          tags.push_back(tag);
        }
        part.clear();
      };
      for (std::size_t i = 0; i < p.value.size(); ++i) {
        if (p.value[i] == '\\' && i + 1 < p.value.size()) {
          part += p.value.substr(i, 2);
          ++i;
        } else if (p.value[i] == ',') {
          flush();
        } else {
          part.push_back(p.value[i]);
        }
      }
      flush();
    }
    if (!tags.empty()) t["tags"] = tags;
  }

  void read_links(const std::vector<content_line>& props, const std::string& at, json& t) {
    json links = json::object();
    if (auto* url = find(props, "URL")) {
      links["website"] = std::string(detail::trim(url->value));
      origin(at + "/links/website", url->line);
    }
    for (const auto& p : props) {
      if (p.name != "CONFERENCE" || links.contains("livestream")) continue;
      links["livestream"] = std::string(detail::trim(p.value));
      origin(at + "/links/livestream", p.line);
    }
    if (!links.empty()) t["links"] = links;
  }

  void warn_recurrence(const std::vector<content_line>& props, const json& t) {
    for (const char* name : {"RRULE", "RDATE"}) {
      if (auto* rule = find(props, name)) {
        warn("ics.recurrence_ignored", rule->line,
             std::string(name) + " is not expanded: only the first occurrence of " +
                 (t.contains("title") ? detail::quote_for_message(t["title"].get_ref<const std::string&>()) : std::string("this event")) +
                 " is imported");
        return;
      }
    }
  }

  void build_feed(int calendar_line) {
    json root = json::object();
    root["talktime"] = 1;
    origin("", calendar_line);
    auto text_prop = [&](std::initializer_list<const char*> names, const char* key) {
      for (const char* name : names) {
        if (auto* p = find(calendar_, name)) {
          root[key] = detail::ics_unescape_text(p->value);
          origin(std::string("/") + key, p->line);
          return;
        }
      }
    };
    text_prop({"X-WR-CALNAME", "NAME"}, "title");
    text_prop({"X-WR-CALDESC", "DESCRIPTION"}, "description");
    if (auto* url = find(calendar_, "URL")) {
      root["url"] = std::string(detail::trim(url->value));
      origin("/url", url->line);
    }
    if (auto* zone = find(calendar_, "X-WR-TIMEZONE")) {
      if (auto name = iana_name(detail::ics_unescape_text(zone->value))) {
        root["timezone"] = *name;
        origin("/timezone", zone->line);
      } else {
        warn("ics.unknown_zone", zone->line, "unknown time zone X-WR-TIMEZONE:" + detail::quote_for_message(zone->value) + "; ignored");
      }
    }
    root["talks"] = std::move(talks_);
    origin("/talks", calendar_line);
    r_.feed_json = root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  }

  std::string_view text_;
  import_result& r_;
  std::vector<content_line> calendar_;
  std::optional<std::vector<content_line>> event_;
  int event_line_ = 0;
  unsigned calendar_kept_ = 0, event_kept_ = 0;  // keep()'s bits
  bool cleaning_reported_ = false;
  json talks_ = json::array();
  detail::problem_reporter problems_;
  std::optional<detail::calendar_zones> calendar_zones_;  // the VTIMEZONEs, for TZIDs that are not IANA or Windows names
};

}  // namespace

import_result import_ical(std::string_view text, const feed_limits& limits) {
  import_result result;
  if (text.size() > limits.max_bytes) {
    diagnostic d;
    d.code = "ics.too_large";
    d.line = d.column = 1;  // as feed.too_large and frab.too_large
    d.message = "the calendar is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                std::to_string(limits.max_bytes);
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  ical_importer importer(text, result);
  importer.run();
  return result;
}

}  // namespace talktime
