// iCalendar (RFC 5545) -> talktime v1 JSON. The feed parser validates the
// result; this file only reads the calendar's structure and value syntax, and
// records where each generated value came from (its line) for diagnostics.
// As the feed parser does, it lists at most 100 problems and counts the rest.
#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

#include "formats/ical_event_fields.hpp"
#include "formats/ical_occurrences.hpp"
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

using detail::ics_time;

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

class ical_importer final : public detail::occurrence_host {
 public:
  ical_importer(std::string_view text, import_result& result, const import_options& options)
      : text_(text), r_(result), options_(options), problems_(text, "ics", result.diagnostics) {}

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
          events_.push_back({std::move(*event_), event_line_});  // converted once overrides and masters are all known
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
                                                           "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "CATEGORIES"};
  // Properties that may be given on several lines, each of which counts.
  static bool repeatable(const std::string& name) { return name == "CATEGORIES" || name == "RDATE" || name == "EXDATE"; }
  // `seen` has a bit for each wanted name already kept, so a repeated property
  // costs no search of what was kept (which may be a million CATEGORIES lines).
  // An event's RDATE and EXDATE lines are all kept: each may add or remove dates.
  template <std::size_t N>
  static void keep(std::vector<content_line>& kept, unsigned& seen, content_line line, const std::string_view (&wanted)[N]) {
    static_assert(N <= 32, "one bit a name");
    for (std::size_t i = 0; i < N; ++i) {
      if (line.name != wanted[i]) continue;
      if (!repeatable(line.name) && (seen & (1u << i))) return;
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
  static const content_line* find(const std::vector<content_line>& props, std::string_view name) {
    return detail::find_property(props, name);
  }

  // Reads a DTSTART/DTEND value; reports and returns nullopt when it cannot be used.
  // A bad DTSTART/DTEND skips its event (an error); a bad RDATE, EXDATE or
  // RECURRENCE-ID value is left out (a warning; `left_out` says what that means).
  std::optional<ics_time> read_time(const content_line& p, const char* left_out = nullptr) {
    auto value = std::string(detail::trim(p.value));
    auto report = [&](const char* code, const std::string& message) {
      if (left_out) warn(code, p.line, message + "; " + left_out);
      else error(code, p.line, message + "; the event is skipped");
    };
    auto bad = [&](const std::string& why) {
      report("ics.bad_time", p.name + " " + detail::quote_for_message(value) + " " + why);
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
      } else if (!(t.zone = vtimezone_zone(*tzid, p.line, report))) {
        return std::nullopt;
      }
      return t;
    }
    t.kind = ics_time::floating;
    return t;
  }

  // A TZID that is neither IANA nor Windows: the file's own VTIMEZONE of that
  // name (reported once per TZID), else `report`s error (skips the event, or leaves
  // out one RDATE/EXDATE value).
  template <class Report>
  const time_zone* vtimezone_zone(const std::string& tzid, int line, Report& report) {
    if (!calendar_zones_) calendar_zones_.emplace(text_);  // a pass of its own, made only for such a TZID
    auto found = calendar_zones_->use(tzid);
    if (!found.zone) report("ics.unknown_zone", found.message);
    else if (!found.message.empty()) warn("ics.calendar_zone", line, std::move(found.message));
    return found.zone;
  }

  void origin(const std::string& pointer, int line) { r_.origins[pointer] = {"", line, line > 0 ? 1 : 0}; }

  // occurrence_host: what the occurrence expansion (ical_occurrences.cpp) asks of the importer.
  std::optional<ics_time> read_value(const content_line& line, const char* left_out) override { return read_time(line, left_out); }
  std::optional<ics_time> read_event_time(const content_line& line) override { return read_time(line); }
  void warn(std::string code, int line, std::string message) override {
    problems_.report_line(severity::warning, std::move(code), line, std::move(message));
  }
  const time_zone* calendar_zone() const override { return calendar_zone_; }

  // One talk: an event, an override (`named` says which occurrence it replaces) or
  // an occurrence the rule made (`named` has its start and end).
  void add_talk(const detail::event_record& event, const detail::occurrence* named) override {
    const auto& props = event.props;
    std::string at = "/talks/" + std::to_string(talks_.size());
    json t = json::object();
    const content_line* start_line = find(props, "DTSTART");
    const content_line* end_line = find(props, "DTEND");
    std::optional<ics_time> start, end;
    if (named && named->start) {
      start = named->start;
      end = named->end;
    } else {
      if (start_line && !(start = read_time(*start_line))) return;
      if (end_line && !(end = read_time(*end_line))) return;
    }
    if (named && named->windowed && start) {
      auto instant = detail::instant_of(start->local(), start->kind == ics_time::zoned ? start->zone
                                                        : start->kind == ics_time::utc ? nullptr : calendar_zone_);
      if (instant < named->from || instant >= named->to) return;
    }
    read_id_and_title(props, at, t, named);
    if (start) write_start(*start, start_line->line, at, t);
    if (end) write_end(start, *end, *end_line, at, t);
    if (named && named->length) {
      t["duration"] = "PT" + std::to_string(*named->length) + "S";
      origin(at + "/duration", end_line->line);
    }
    detail::read_event_fields(props, at, t, [this](const std::string& pointer, int line) { origin(pointer, line); });
    origin(at, event.line);
    talks_.push_back(std::move(t));
  }

  void read_id_and_title(const std::vector<content_line>& props, const std::string& at, json& t,
                         const detail::occurrence* named) {
    if (auto* uid = find(props, "UID")) {
      std::string id(detail::trim(detail::ics_unescape_text(uid->value)));
      // Re-exported, the event keeps its UID (and an occurrence its RECURRENCE-ID) so calendars update it.
      if (!id.empty()) {
        t["id"] = named ? id + "-" + named->key : id;
        origin(at + "/id", uid->line);
        t["uid"] = id;
        origin(at + "/uid", uid->line);
      }
    }
    if (named) {
      t["recurrence_id"] = named->recurrence_id;
      origin(at + "/recurrence_id", named->line);
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
        calendar_zone_ = locate_zone(*name);
      } else {
        warn("ics.unknown_zone", zone->line, "unknown time zone X-WR-TIMEZONE:" + detail::quote_for_message(zone->value) + "; ignored");
      }
    }
    detail::convert_events(events_, *this, options_);  // floating times need the calendar's zone
    root["talks"] = std::move(talks_);
    origin("/talks", calendar_line);
    r_.feed_json = root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  }

  std::string_view text_;
  import_result& r_;
  const import_options& options_;
  std::vector<detail::event_record> events_;
  const time_zone* calendar_zone_ = nullptr;
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

import_result import_ical(std::string_view text, const feed_limits& limits, const import_options& options) {
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
  ical_importer importer(text, result, options);
  importer.run();
  return result;
}

}  // namespace talktime
