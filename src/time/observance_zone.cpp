#include "time/observance_zone.hpp"

#include <algorithm>
#include <cstdio>

#include "time/zone_rules.hpp"

namespace talktime::detail {
namespace {

using namespace date;

constexpr int last_expanded_year = 2200;          // as the compiled table (docs/time-zones.md)
constexpr std::size_t max_changes = 20000;        // a VTIMEZONE of a real zone has a few hundred

struct change {
  std::int64_t at;
  zone_type type;
  std::int32_t offset_from;  // what it changes from
  std::size_t order = 0;     // position in the file, for changes at one instant
};

std::int64_t seconds_of(local_seconds t) { return t.time_since_epoch().count(); }

int year_of(local_seconds t) { return int(year_month_day{floor<days>(t)}.year()); }

// The days of `y`/`m` the rule picks, in order.
std::vector<sys_days> days_in_month(const yearly_rule& rule, year y, month m, day dtstart_day) {
  auto last = unsigned((y / m / date::last).day());
  auto listed = [&](unsigned d) {
    return rule.month_days.empty() || std::any_of(rule.month_days.begin(), rule.month_days.end(), [&](int md) {
             return md > 0 ? unsigned(md) == d : int(last) + md + 1 == int(d);
           });
  };
  std::vector<sys_days> out;
  if (rule.weekday >= 0 && rule.ordinal != 0) {
    auto wd = weekday{unsigned(rule.weekday)};
    sys_days picked = rule.ordinal > 0 ? sys_days{y / m / wd[1]} + weeks{rule.ordinal - 1}
                                       : sys_days{y / m / wd[date::last]} - weeks{-rule.ordinal - 1};
    year_month_day ymd{picked};
    if (ymd.year() == y && ymd.month() == m && listed(unsigned(ymd.day()))) out.push_back(picked);
  } else if (!rule.month_days.empty() || rule.weekday >= 0) {
    for (unsigned d = 1; d <= last; ++d) {
      sys_days candidate{y / m / day{d}};
      if (rule.weekday >= 0 && weekday{candidate}.c_encoding() != unsigned(rule.weekday)) continue;
      if (listed(d)) out.push_back(candidate);
    }
  } else if (unsigned(dtstart_day) <= last) {
    out.push_back(sys_days{y / m / dtstart_day});
  }
  return out;
}

// The onsets of one observance as instants, up to the end of `through_year` (local).
void expand(const observance& o, int through_year, std::vector<change>& out, const zone_type& type, std::string& problem) {
  auto add = [&](std::int64_t at) {
    if (out.size() >= max_changes) problem = "has more than " + std::to_string(max_changes) + " changes of offset";
    else out.push_back({at, type, o.offset_from, 0});
  };
  for (auto date : o.dates) add(date.time_since_epoch().count());
  if (!o.rule) {
    add(seconds_of(o.start) - o.offset_from);
    return;
  }
  const yearly_rule& rule = *o.rule;
  auto start_day = floor<days>(o.start);
  auto time_of_day = o.start - start_day;
  year_month_day first{start_day};
  std::vector<month> months;
  for (auto m : rule.months) months.push_back(month{m});
  if (months.empty()) months.push_back(first.month());
  long taken = 0;
  for (int y = int(first.year()); y <= through_year && problem.empty(); ++y) {
    for (auto m : months) {
      for (auto d : days_in_month(rule, year{y}, m, first.day())) {
        local_seconds onset = local_days{d.time_since_epoch()} + time_of_day;
        if (onset < o.start) continue;
        std::int64_t at = seconds_of(onset) - o.offset_from;
        if (rule.until && at > rule.until->time_since_epoch().count()) return;
        if (rule.count && taken >= *rule.count) return;
        ++taken;
        add(at);
      }
    }
  }
}

std::string offset_text(std::int32_t seconds) {
  char buf[16];
  std::int32_t a = seconds < 0 ? -seconds : seconds;
  std::snprintf(buf, sizeof buf, "%c%02d%02d", seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  return buf;
}

zone_type type_of(const observance& o) {
  bool usable = !o.name.empty() && o.name.find_first_of("<>,") == std::string::npos;
  return {o.offset_to, o.daylight, usable ? o.name : offset_text(o.offset_to)};
}

bool open_ended(const observance& o) { return o.rule && !o.rule->until && !o.rule->count; }

// "M3.2.0/7200": the POSIX form of a yearly rule, when there is one.
std::optional<std::string> posix_date(const observance& o) {
  const yearly_rule& r = *o.rule;
  if (r.months.size() != 1 || r.weekday < 0 || !r.month_days.empty()) return std::nullopt;
  // RRULE's -1 is POSIX's 5 (the last); RRULE's 5 (a fifth, when there is one) has no POSIX form.
  if (r.ordinal == 0 || r.ordinal < -1 || r.ordinal > 4) return std::nullopt;
  int week = r.ordinal == -1 ? 5 : r.ordinal;
  auto time = std::int32_t((o.start - floor<days>(o.start)).count());
  char buf[48];
  std::snprintf(buf, sizeof buf, ",M%u.%d.%d/%d:%02d:%02d", r.months[0], week, r.weekday, time / 3600, time / 60 % 60, time % 60);
  return std::string(buf);
}

std::string posix_offset(std::int32_t east) {  // POSIX counts west of Greenwich as positive
  std::int32_t west = -east, a = west < 0 ? -west : west;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%s%d:%02d:%02d", west < 0 ? "-" : "", a / 3600, a / 60 % 60, a % 60);
  return buf;
}

// The POSIX TZ rule stating the two open-ended rules, when the zone ends in one
// daylight and one standard yearly rule that hand over to each other.
std::optional<std::string> posix_footer(const std::vector<observance>& observances) {
  const observance *dst = nullptr, *std_time = nullptr;
  for (const auto& o : observances) {
    if (!open_ended(o)) continue;
    const observance*& slot = o.daylight ? dst : std_time;
    if (slot) return std::nullopt;
    slot = &o;
  }
  if (!dst || !std_time || dst->offset_from != std_time->offset_to || std_time->offset_from != dst->offset_to ||
      dst->offset_to == std_time->offset_to)
    return std::nullopt;
  auto start = posix_date(*dst), end = posix_date(*std_time);
  if (!start || !end) return std::nullopt;
  return "<" + type_of(*std_time).abbreviation + ">" + posix_offset(std_time->offset_to) + "<" +
         type_of(*dst).abbreviation + ">" + posix_offset(dst->offset_to) + *start + *end;
}

}  // namespace

std::optional<time_zone::data> zone_from_observances(const std::string& tzid, const std::vector<observance>& observances,
                                                      std::string& problem) {
  if (observances.empty()) {
    problem = "has no STANDARD or DAYLIGHT observance";
    return std::nullopt;
  }
  auto footer = posix_footer(observances);
  int through_year = last_expanded_year;
  if (footer) {
    // Explicit changes until every open rule has begun and every other observance has ended.
    through_year = 0;
    for (const auto& o : observances) {
      through_year = std::max(through_year, year_of(o.start));
      for (auto d : o.dates) through_year = std::max(through_year, year_of(local_seconds{d.time_since_epoch()}) + 1);
      if (o.rule && o.rule->until) through_year = std::max(through_year, year_of(local_seconds{o.rule->until->time_since_epoch()}) + 1);
      if (o.rule && o.rule->count) through_year = last_expanded_year;  // where a COUNT ends is found by expanding
    }
  }
  std::vector<change> changes;
  for (const auto& o : observances) expand(o, through_year, changes, type_of(o), problem);
  if (!problem.empty()) return std::nullopt;
  // By instant; of two at one instant the later observance wins (as a stable sort would keep them).
  for (std::size_t i = 0; i < changes.size(); ++i) changes[i].order = i;
  std::sort(changes.begin(), changes.end(),
            [](const change& a, const change& b) { return a.at != b.at ? a.at < b.at : a.order < b.order; });

  time_zone::data z;
  z.name = tzid;
  auto type_index = [&](const zone_type& t) {
    auto it = std::find(z.types.begin(), z.types.end(), t);
    if (it != z.types.end()) return std::size_t(it - z.types.begin());
    z.types.push_back(t);
    return z.types.size() - 1;
  };
  if (changes.empty()) {
    problem = "has no onset (its RRULE never applies)";
    return std::nullopt;
  }
  // Before the first onset, its TZOFFSETFROM is in force.
  auto initial = changes.front().offset_from;
  z.initial_type = std::uint32_t(type_index({initial, false, offset_text(initial)}));
  std::int64_t rule_from = footer ? std::int64_t((sys_days{year{through_year + 1} / January / 1}).time_since_epoch().count()) * 86400 : INT64_MAX;
  for (const auto& c : changes) {
    if (c.at >= rule_from) break;
    if (!z.times.empty() && z.times.back() == c.at) z.times.pop_back(), z.type_after.pop_back();
    z.times.push_back(c.at);
    z.type_after.push_back(std::uint8_t(type_index(c.type)));
    if (z.types.size() > 255) {
      problem = "has more than 255 different offsets and names";
      return std::nullopt;
    }
  }
  if (footer) {
    z.footer = *footer;
    z.rule_from = rule_from;
  }
  if (!z.prepare_rule()) {
    problem = "has rules talktime cannot state";  // unreachable: the footer is built above
    return std::nullopt;
  }
  return z;
}

}  // namespace talktime::detail
