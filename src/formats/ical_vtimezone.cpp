#include "formats/ical_vtimezone.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "common/text.hpp"
#include "formats/ical_reader.hpp"
#include "formats/ics_text.hpp"
#include "time/observance_zone.hpp"
#include "time/time_text.hpp"
#include "time/zone_rules.hpp"

namespace talktime::detail {
namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  for (std::size_t from = 0;;) {
    auto at = text.find(separator, from);
    parts.emplace_back(trim(text.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from)));
    if (at == std::string_view::npos) return parts;
    from = at + 1;
  }
}

// Digits of `text` from `from`, `n` of them; nullopt when any is not a digit.
std::optional<int> digits(std::string_view text, std::size_t from, std::size_t n) {
  if (from + n > text.size()) return std::nullopt;
  int out = 0;
  for (std::size_t k = from; k < from + n; ++k) {
    if (text[k] < '0' || text[k] > '9') return std::nullopt;
    out = out * 10 + (text[k] - '0');
  }
  return out;
}

// "16010101T020000" (local) or "20061029T060000Z"; `utc` tells which it was.
std::optional<local_seconds> date_time(std::string_view text, bool& utc) {
  text = trim(text);
  auto y = digits(text, 0, 4), mo = digits(text, 4, 2), d = digits(text, 6, 2);
  if (!y || !mo || !d) return std::nullopt;
  date::year_month_day ymd{date::year{*y}, date::month{unsigned(*mo)}, date::day{unsigned(*d)}};
  if (!ymd.ok()) return std::nullopt;
  local_seconds day{date::local_days{ymd}.time_since_epoch()};
  utc = false;
  if (text.size() == 8) return day;  // a DATE: midnight
  auto h = digits(text, 9, 2), mi = digits(text, 11, 2), s = digits(text, 13, 2);
  if (text.size() < 15 || (text[8] != 'T' && text[8] != 't') || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 60)
    return std::nullopt;
  utc = text.size() == 16 && (text[15] == 'Z' || text[15] == 'z');
  if (text.size() != 15 && !utc) return std::nullopt;
  return day + std::chrono::hours{*h} + std::chrono::minutes{*mi} + std::chrono::seconds{*s};
}

// "-0500", "+0530", "+001510": seconds east of UTC.
std::optional<std::int32_t> utc_offset(std::string_view text) {
  text = trim(text);
  if (text.size() != 5 && text.size() != 7) return std::nullopt;
  if (text[0] != '+' && text[0] != '-') return std::nullopt;
  auto h = digits(text, 1, 2), m = digits(text, 3, 2);
  auto s = text.size() == 7 ? digits(text, 5, 2) : std::optional<int>(0);
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;  // RFC 5545's utc-offset
  std::int32_t seconds = *h * 3600 + *m * 60 + *s;
  return text[0] == '-' ? -seconds : seconds;
}

// "+2", "-1", "10": an integer within [-limit, limit]; nullopt otherwise (no overflow on "99999999999").
std::optional<int> bounded_int(std::string_view text, int limit) {
  int sign = 1;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) sign = text[0] == '-' ? -1 : 1, text.remove_prefix(1);
  if (text.empty() || text.size() > 9) return std::nullopt;
  auto value = digits(text, 0, text.size());
  if (!value || *value > limit) return std::nullopt;
  return sign * *value;
}

// An RRULE of an observance; false (with `problem`) for a part that is not understood.
bool read_rule(std::string_view text, std::int32_t offset_from, yearly_rule& rule, std::string& problem) {
  static constexpr std::string_view weekdays[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  bool yearly = false;
  int set_position = 0;
  for (auto part : split(ascii_upper(text), ';')) {
    auto eq = part.find('=');
    if (eq == std::string::npos) continue;
    std::string key = part.substr(0, eq), value = part.substr(eq + 1);
    if (key == "FREQ") {
      yearly = value == "YEARLY";
    } else if (key == "BYMONTH") {
      for (auto m : split(value, ',')) {
        auto month = bounded_int(m, 12);
        if (!month || *month < 1) return problem = "BYMONTH=" + value + " is not 1 to 12", false;
        rule.months.push_back(unsigned(*month));
      }
    } else if (key == "BYMONTHDAY") {
      for (auto d : split(value, ',')) {
        auto day = bounded_int(d, 31);
        if (!day || *day == 0) return problem = "BYMONTHDAY=" + value + " is not 1 to 31 or -31 to -1", false;
        rule.month_days.push_back(*day);
      }
    } else if (key == "BYDAY") {
      if (value.find(',') != std::string::npos || value.size() < 2) return problem = "BYDAY=" + value + " is not one weekday", false;
      auto name = value.substr(value.size() - 2);
      for (int w = 0; w < 7; ++w)
        if (weekdays[w] == name) rule.weekday = w;
      auto ordinal = value.size() > 2 ? bounded_int(std::string_view(value).substr(0, value.size() - 2), 5) : 0;
      if (rule.weekday < 0 || !ordinal) return problem = "BYDAY=" + value + " is not a weekday of a month", false;
      rule.ordinal = *ordinal;
    } else if (key == "UNTIL") {
      bool utc = false;
      auto until = date_time(value, utc);
      if (!until) return problem = "UNTIL=" + value + " is not a date-time", false;
      rule.until = sys_seconds{until->time_since_epoch() - std::chrono::seconds{utc ? 0 : offset_from}};
    } else if (key == "COUNT") {
      auto count = bounded_int(value, 100000000);
      if (!count || *count < 1) return problem = "COUNT=" + value + " is not a count", false;
      rule.count = *count;
    } else if (key == "BYSETPOS") {  // BYDAY=SU;BYSETPOS=-1, as some Exchange exports write -1SU
      auto position = bounded_int(value, 5);
      if (!position || *position == 0) return problem = "BYSETPOS=" + value + " is not a weekday's position in a month", false;
      set_position = *position;
    } else if (key != "INTERVAL" || value != "1") {
      if (key != "WKST") return problem = key + "=" + value + " is not a yearly onset rule talktime reads", false;
    }
  }
  if (set_position != 0) {
    if (rule.weekday < 0 || rule.ordinal != 0 || !rule.month_days.empty() || rule.months.size() > 1)
      return problem = "BYSETPOS is used other than with one BYDAY weekday in one month", false;
    rule.ordinal = set_position;  // one weekday in one month: the n-th of them
  }
  if (!yearly) problem = "its RRULE is not FREQ=YEARLY";
  return yearly;
}

// What read_observance reads; other lines are not kept, so they cost no memory.
bool observance_property(std::string_view name) {
  for (std::string_view wanted : {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "RRULE", "RDATE"})
    if (name == wanted) return true;
  return false;
}

struct observance_lines {
  bool daylight = false;
  std::vector<content_line> lines;
};

// One STANDARD or DAYLIGHT block; false with `problem` when it cannot be used.
bool read_observance(const observance_lines& block, observance& o, std::string& problem) {
  o.daylight = block.daylight;
  const content_line *start = nullptr, *from = nullptr, *to = nullptr, *rrule = nullptr;
  for (const auto& p : block.lines) {
    if (p.name == "DTSTART") start = &p;
    else if (p.name == "TZOFFSETFROM") from = &p;
    else if (p.name == "TZOFFSETTO") to = &p;
    else if (p.name == "RRULE") rrule = &p;
    else if (p.name == "TZNAME" && o.name.empty()) o.name = std::string(trim(ics_unescape_text(p.value)));
  }
  const char* kind = block.daylight ? "a DAYLIGHT block" : "a STANDARD block";
  if (!start || !from || !to) return problem = std::string(kind) + " lacks DTSTART, TZOFFSETFROM or TZOFFSETTO", false;
  bool utc = false;
  auto start_time = date_time(start->value, utc);
  auto offset_from = utc_offset(from->value), offset_to = utc_offset(to->value);
  if (!start_time || utc) return problem = std::string(kind) + " has DTSTART " + quote_for_message(start->value) + ", not a local date-time", false;
  if (!offset_from || !offset_to) return problem = std::string(kind) + " has an offset that is not +HHMM or -HHMM", false;
  o.start = *start_time, o.offset_from = *offset_from, o.offset_to = *offset_to;
  if (rrule) {
    o.rule.emplace();
    if (!read_rule(rrule->value, o.offset_from, *o.rule, problem)) return false;
  }
  for (const auto& p : block.lines) {
    if (p.name != "RDATE") continue;
    for (const auto& value : split(p.value, ',')) {
      auto when = date_time(value, utc);
      if (!when) return problem = std::string(kind) + " has RDATE " + quote_for_message(value) + ", not a date-time", false;
      o.dates.push_back(sys_seconds{when->time_since_epoch() - std::chrono::seconds{utc ? 0 : o.offset_from}});
    }
  }
  return true;
}

}  // namespace

calendar_zones::calendar_zones(std::string_view text) {
  logical_lines lines(text);
  numbered_line raw;
  std::optional<std::string> tzid;
  int zone_line = 0, depth = 0;  // depth inside the VTIMEZONE
  bool in_observance = false;    // inside its STANDARD or DAYLIGHT (not an X- component)
  std::vector<observance_lines> blocks;
  auto finish = [&] {
    if (!tzid || zones_.count(*tzid)) return;  // the first VTIMEZONE of a TZID counts
    entry e;
    e.line = zone_line;
    std::vector<observance> observances;
    for (const auto& block : blocks) {
      observance o;
      if (!read_observance(block, o, e.problem)) break;
      observances.push_back(std::move(o));
    }
    if (e.problem.empty()) {
      if (auto rules = zone_from_observances(*tzid, observances, e.problem)) {
        e.rules = std::make_unique<time_zone::data>(std::move(*rules));
        e.zone = std::make_unique<time_zone>(*tzid, e.rules.get());
      }
    }
    zones_.emplace(*tzid, std::move(e));
  };
  while (lines.next(raw)) {
    content_line cl;
    cl.line = raw.number;
    if (!split_content_line(raw.text, cl)) continue;
    auto value = ascii_upper(trim(cl.value));
    if (depth == 0) {
      if (cl.name == "BEGIN" && value == "VTIMEZONE") depth = 1, zone_line = cl.line, tzid.reset(), blocks.clear();
      continue;
    }
    if (cl.name == "BEGIN") {
      in_observance = ++depth == 2 && (value == "DAYLIGHT" || value == "STANDARD");
      if (in_observance) blocks.push_back({value == "DAYLIGHT", {}});
    } else if (cl.name == "END") {
      if (--depth == 0) finish();
    } else if (depth == 1 && cl.name == "TZID") {
      tzid = std::string(trim(cl.value));
    } else if (depth == 2 && in_observance && observance_property(cl.name)) {
      blocks.back().lines.push_back(std::move(cl));
    }
  }
}

const calendar_zones::entry* calendar_zones::find(std::string_view tzid) const {
  auto it = zones_.find(trim(tzid));
  return it == zones_.end() ? nullptr : &it->second;
}

calendar_zones::use_result calendar_zones::use(const std::string& tzid) {
  const entry* e = find(tzid);
  if (!e || !e->zone)
    return {nullptr, "unknown time zone TZID=" + quote_for_message(tzid) +
                         (e ? " (its VTIMEZONE on line " + std::to_string(e->line) + " " + e->problem + ")"
                            : " (not an IANA or Windows zone name, and the calendar has no VTIMEZONE of that TZID)")};
  if (std::exchange(used_[tzid], true)) return {e->zone.get(), {}};
  return {e->zone.get(), "TZID=" + quote_for_message(tzid) +
                             " is not an IANA or Windows zone name: its times are read with the calendar's VTIMEZONE (line " +
                             std::to_string(e->line) + ") and written with their UTC offset, so these talks show in the feed's zone"};
}

std::string local_time_with_offset(const time_zone& zone, local_seconds local) {
  auto instant = zone.resolve(local).instant;
  return format_iso_local(zone.to_local(instant), std::int32_t(zone.offset_at(instant).utc_offset.count()));
}

}  // namespace talktime::detail
