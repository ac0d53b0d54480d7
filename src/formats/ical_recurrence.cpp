// RRULE reading and expansion (ical_recurrence.hpp). The expansion follows the
// RFC 5545 table of 3.3.10: each period of the frequency (a day, a week from
// WKST, a month, a year) gives its days; BYxxx parts that "limit" drop days,
// those that "expand" are what the period's days are filtered by, which is the
// same set; BYSETPOS then picks from the period's sorted starts.
#include "formats/ical_recurrence.hpp"

#include <algorithm>
#include <cstdlib>

#include "common/text.hpp"

namespace talktime::detail {
namespace {

constexpr std::string_view weekday_codes[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

std::optional<unsigned> weekday_of_code(std::string_view code) {
  for (unsigned i = 0; i < 7; ++i)
    if (code == weekday_codes[i]) return i;
  return std::nullopt;
}

// A whole number with an optional sign, within [low, high].
std::optional<std::int64_t> read_number(std::string_view text, std::int64_t low, std::int64_t high) {
  bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (negative) value = -value;
  if (value < low || value > high) return std::nullopt;
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    auto at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

// A BYxxx list of numbers in [low, high], 0 excluded when `signed_list` (BYMONTHDAY=-1 is the last day).
bool read_number_list(std::string_view text, int low, int high, bool signed_list, std::vector<int>& out) {
  for (auto item : split(text, ',')) {
    auto n = read_number(item, signed_list ? -high : low, high);
    if (!n || (signed_list && *n == 0)) return false;
    out.push_back(int(*n));
  }
  return true;
}

bool read_weekday_list(std::string_view text, std::vector<weekday_item>& out) {
  for (auto item : split(text, ',')) {
    if (item.size() < 2) return false;
    auto weekday = weekday_of_code(item.substr(item.size() - 2));
    if (!weekday) return false;
    weekday_item w;
    w.weekday = *weekday;
    if (item.size() > 2) {
      auto ordinal = read_number(item.substr(0, item.size() - 2), -53, 53);
      if (!ordinal || *ordinal == 0) return false;
      w.ordinal = int(*ordinal);
    }
    out.push_back(w);
  }
  return true;
}

// UNTIL: YYYYMMDD, or YYYYMMDDTHHMMSS with an optional Z.
std::optional<recurrence_until> read_until(std::string_view text) {
  auto digits = [&](std::size_t from, std::size_t n, int low, int high) {
    return text.size() >= from + n ? read_number(text.substr(from, n), low, high) : std::nullopt;
  };
  auto y = digits(0, 4, 1600, 9999), mo = digits(4, 2, 1, 12), d = digits(6, 2, 1, 31);
  if (!y || !mo || !d) return std::nullopt;
  date::year_month_day ymd{date::year{int(*y)}, date::month{unsigned(*mo)}, date::day{unsigned(*d)}};
  if (!ymd.ok()) return std::nullopt;
  recurrence_until until;
  until.reading = local_seconds{date::sys_days{ymd}.time_since_epoch()};
  if (text.size() == 8) {
    until.kind = recurrence_until::date_value;
    return until;
  }
  auto h = digits(9, 2, 0, 23), mi = digits(11, 2, 0, 59), s = digits(13, 2, 0, 60);
  if (text.size() < 15 || (text[8] != 'T') || !h || !mi || !s) return std::nullopt;
  if (text.size() == 16 && text[15] != 'Z') return std::nullopt;
  if (text.size() > 16) return std::nullopt;
  until.kind = text.size() == 16 ? recurrence_until::utc : recurrence_until::floating;
  until.reading += std::chrono::hours{*h} + std::chrono::minutes{*mi} + std::chrono::seconds{std::min<std::int64_t>(*s, 59)};
  return until;
}

bool read_frequency(std::string_view value, recurrence_rule& rule, std::string& problem) {
  if (value == "DAILY") rule.frequency = recurrence_frequency::daily;
  else if (value == "WEEKLY") rule.frequency = recurrence_frequency::weekly;
  else if (value == "MONTHLY") rule.frequency = recurrence_frequency::monthly;
  else if (value == "YEARLY") rule.frequency = recurrence_frequency::yearly;
  else if (value == "SECONDLY" || value == "MINUTELY" || value == "HOURLY")
    problem = "FREQ=" + std::string(value) + " is not supported (talktime expands DAILY, WEEKLY, MONTHLY and YEARLY rules)";
  else problem = "FREQ=" + quote_for_message(value) + " is not a frequency";
  return problem.empty();
}

// One NAME=VALUE part into `rule`; false with `problem` set when it is not RFC 5545.
bool read_part(std::string_view name, std::string_view value, recurrence_rule& rule, std::string& problem) {
  bool ok = true;
  if (name == "FREQ") return read_frequency(value, rule, problem);
  if (name == "INTERVAL") {
    auto n = read_number(value, 1, 1000000);
    ok = n.has_value();
    if (ok) rule.interval = *n;
  } else if (name == "COUNT") {
    auto n = read_number(value, 1, 999999999999999999);
    ok = n.has_value();
    if (ok) rule.count = std::uint64_t(*n);
  } else if (name == "UNTIL") {
    rule.until = read_until(value);
    ok = rule.until.has_value();
  } else if (name == "WKST") {
    auto w = weekday_of_code(value);
    ok = w.has_value();
    if (ok) rule.week_start = *w;
  } else if (name == "BYDAY") ok = read_weekday_list(value, rule.by_day);
  else if (name == "BYMONTH") ok = read_number_list(value, 1, 12, false, rule.by_month);
  else if (name == "BYMONTHDAY") ok = read_number_list(value, 1, 31, true, rule.by_month_day);
  else if (name == "BYYEARDAY") ok = read_number_list(value, 1, 366, true, rule.by_year_day);
  else if (name == "BYWEEKNO") ok = read_number_list(value, 1, 53, true, rule.by_week_no);
  else if (name == "BYSETPOS") ok = read_number_list(value, 1, 366, true, rule.by_set_pos);
  else if (name == "BYHOUR") ok = read_number_list(value, 0, 23, false, rule.by_hour);
  else if (name == "BYMINUTE") ok = read_number_list(value, 0, 59, false, rule.by_minute);
  else if (name == "BYSECOND") ok = read_number_list(value, 0, 59, false, rule.by_second);
  else if (name.rfind("X-", 0) == 0) return true;  // experimental parts carry no dates
  else {
    problem = "has an unknown part " + quote_for_message(name);
    return false;
  }
  if (!ok) problem = "has " + quote_for_message(std::string(name) + "=" + std::string(value)) + ", which is not RFC 5545";
  return ok;
}

}  // namespace

std::optional<recurrence_rule> parse_recurrence_rule(std::string_view text, std::string& problem) {
  recurrence_rule rule;
  bool has_frequency = false;
  problem.clear();
  auto upper = ascii_upper(trim(text));
  for (auto part : split(upper, ';')) {
    if (part.empty()) continue;
    auto eq = part.find('=');
    if (eq == std::string_view::npos) {
      problem = "has " + quote_for_message(part) + ", which is not NAME=VALUE";
      return std::nullopt;
    }
    auto name = part.substr(0, eq);
    if (!read_part(name, part.substr(eq + 1), rule, problem)) return std::nullopt;
    has_frequency = has_frequency || name == "FREQ";
  }
  if (!has_frequency) problem = "has no FREQ";
  else if (rule.count && rule.until) problem = "has both COUNT and UNTIL, which RFC 5545 does not allow";
  if (!problem.empty()) return std::nullopt;
  return rule;
}

}  // namespace talktime::detail
