#include "time/time_text.hpp"

#include "common/text.hpp"

#include <cmath>
#include <cstdio>

namespace talktime::detail {
namespace {

// Instants the zone table and the calendar code handle: years 1600 to 9999.
constexpr std::int64_t earliest_epoch = -11676096000;  // 1600-01-01T00:00:00Z
constexpr std::int64_t latest_epoch = 253402300799;    // 9999-12-31T23:59:59Z

class scanner {
 public:
  explicit scanner(std::string_view s) : s_(s) {}
  bool done() const { return i_ == s_.size(); }
  char peek() const { return done() ? '\0' : s_[i_]; }
  bool take(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  bool take_any(std::string_view chars) {
    if (done() || chars.find(s_[i_]) == std::string_view::npos) return false;
    ++i_;
    return true;
  }
  // Exactly n digits.
  std::optional<int> digits(int n) {
    if (i_ + std::size_t(n) > s_.size()) return std::nullopt;
    int v = 0;
    for (int k = 0; k < n; ++k) {
      char c = s_[i_ + std::size_t(k)];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    i_ += std::size_t(n);
    return v;
  }
  // One or more digits, at most 9 of them.
  std::optional<std::int64_t> number() {
    std::int64_t v = 0;
    int count = 0;
    while (!done() && s_[i_] >= '0' && s_[i_] <= '9' && count < 10) {
      v = v * 10 + (s_[i_++] - '0');
      ++count;
    }
    if (count == 0 || count > 9) return std::nullopt;
    return v;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};


}  // namespace

namespace {

const char* const expected_form = " (expected e.g. \"2024-05-02T14:30\")";

// "YYYY-MM-DD" at the start of `in`, a valid date from 1600 on.
std::optional<date::sys_days> read_date(scanner& in, std::string_view raw, std::string& problem) {
  auto y = in.digits(4);
  bool dash1 = in.take('-');
  auto mo = in.digits(2);
  bool dash2 = in.take('-');
  auto d = in.digits(2);
  if (!y || !dash1 || !mo || !dash2 || !d) {
    problem = "not a date or date-time: " + quote_for_message(raw) + expected_form;
    return std::nullopt;
  }
  date::year_month_day ymd{date::year{*y}, date::month{unsigned(*mo)}, date::day{unsigned(*d)}};
  if (!ymd.ok() || *y < 1600) {
    problem = "invalid date " + quote_for_message(raw);
    return std::nullopt;
  }
  return date::sys_days{ymd};
}

// "HH:MM[:SS[.fraction]]": the time since midnight (fractions of a second dropped).
std::optional<std::chrono::seconds> read_clock(scanner& in, std::string_view raw, std::string& problem) {
  auto h = in.digits(2);
  bool colon = in.take(':');
  auto mi = in.digits(2);
  int s = 0;
  if (h && colon && mi && in.take(':')) {
    auto sec = in.digits(2);
    if (!sec) h.reset();
    else s = *sec;
    if (sec && (in.take('.') || in.take(',')) && !in.number()) {
      problem = "invalid fraction of a second in " + quote_for_message(raw);
      return std::nullopt;
    }
  }
  if (!h || !colon || !mi) {
    problem = "invalid time in " + quote_for_message(raw) + " (expected HH:MM or HH:MM:SS)";
    return std::nullopt;
  }
  if (*h > 23 || *mi > 59 || s > 59) {
    problem = "invalid time in " + quote_for_message(raw);
    return std::nullopt;
  }
  return std::chrono::hours{*h} + std::chrono::minutes{*mi} + std::chrono::seconds{s};
}

// "Z", "±HH:MM" or "±HHMM" or "±HH": the offset in seconds.
std::optional<std::int32_t> read_offset(scanner& in, std::string_view raw, std::string& problem) {
  if (in.take_any("Zz")) return 0;
  int sign = in.take('+') ? 1 : (in.take('-') ? -1 : 0);
  auto oh = in.digits(2);
  int om = 0;
  if (sign != 0 && oh) {
    bool with_colon = in.take(':');
    auto m = in.digits(2);
    if (m) om = *m;
    else if (with_colon) oh.reset();
  }
  if (sign == 0 || !oh || *oh > 23 || om > 59) {
    problem = "invalid offset in " + quote_for_message(raw) + " (expected Z or ±HH:MM)";
    return std::nullopt;
  }
  return sign * (*oh * 3600 + om * 60);
}

}  // namespace

std::optional<time_value> parse_time_text(std::string_view text, std::string& problem) {
  auto raw = text;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  scanner in(text);
  time_value value;
  auto day = read_date(in, raw, problem);
  if (!day) return std::nullopt;
  value.day = *day;
  if (in.done()) {
    value.form = time_value::date_only;
    return value;
  }
  if (!in.take_any("Tt ")) {
    problem = "not a date or date-time: " + quote_for_message(raw) + expected_form;
    return std::nullopt;
  }
  auto since_midnight = read_clock(in, raw, problem);
  if (!since_midnight) return std::nullopt;
  value.local = local_seconds{value.day.time_since_epoch()} + *since_midnight;
  if (in.done()) {
    value.form = time_value::wall_clock;
    return value;
  }
  auto offset = read_offset(in, raw, problem);
  if (!offset) return std::nullopt;
  if (!in.done()) {
    problem = "unexpected text after the time in " + quote_for_message(raw);
    return std::nullopt;
  }
  value.form = time_value::exact;
  value.instant = sys_seconds{value.local.time_since_epoch() - std::chrono::seconds{*offset}};
  return value;
}

std::optional<time_value> parse_epoch_number(const nlohmann::ordered_json& value, std::string& problem) {
  double seconds;
  if (value.is_number_unsigned()) seconds = double(value.get<std::uint64_t>());
  else if (value.is_number_integer()) seconds = double(value.get<std::int64_t>());
  else seconds = value.get<double>();
  auto shown = value.dump();
  if (!std::isfinite(seconds) || seconds < double(earliest_epoch) || seconds > double(latest_epoch)) {
    problem = "epoch seconds " + shown + " are outside the years 1600 to 9999";
    return std::nullopt;
  }
  if (seconds != std::floor(seconds)) {
    problem = "epoch seconds " + shown + " should be a whole number";
    return std::nullopt;
  }
  time_value v;
  v.form = time_value::exact;
  v.instant = sys_seconds{std::chrono::seconds{std::int64_t(seconds)}};
  return v;
}

std::optional<std::int64_t> parse_duration(const nlohmann::ordered_json& value, std::string& problem) {
  constexpr std::int64_t longest = 366LL * 86400;  // a talk, or a programme, lasts at most a year
  if (value.is_number()) {
    double minutes = value.get<double>();
    if (!std::isfinite(minutes) || minutes < 0 || minutes * 60 > double(longest)) {
      problem = "duration " + value.dump() + " should be a number of minutes from 0 to 527040";
      return std::nullopt;
    }
    return std::int64_t(std::llround(minutes * 60));
  }
  if (!value.is_string()) {
    problem = "\"duration\" should be minutes or an ISO 8601 duration such as \"PT1H30M\"";
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  auto bad = [&] {
    problem = "invalid duration \"" + std::string(truncate_utf8(text, 60)) +
              "\" (expected minutes or ISO 8601 such as \"PT50M\", \"PT1H30M\", \"P1D\")";
    return std::nullopt;
  };
  scanner in(text);
  if (!in.take_any("Pp")) return bad();
  std::int64_t total = 0;
  bool in_time = false, any = false;
  while (!in.done()) {
    if (!in_time && in.take_any("Tt")) {
      in_time = true;
      continue;
    }
    auto n = in.number();
    if (!n) return bad();
    std::int64_t unit;
    if (!in_time && in.take_any("Ww")) unit = 7 * 86400;
    else if (!in_time && in.take_any("Dd")) unit = 86400;
    else if (in_time && in.take_any("Hh")) unit = 3600;
    else if (in_time && in.take_any("Mm")) unit = 60;
    else if (in_time && in.take_any("Ss")) unit = 1;
    else if (!in_time && (in.take_any("Yy") || in.take_any("Mm"))) {
      problem = "duration \"" + text + "\" uses years or months, which have no fixed length; use days, hours or minutes";
      return std::nullopt;
    } else {
      return bad();
    }
    total += *n * unit;
    any = true;
    if (total > longest) {
      problem = "duration \"" + text + "\" is longer than a year";
      return std::nullopt;
    }
  }
  if (!any) return bad();
  return total;
}

std::string format_offset(std::int32_t seconds, bool colon) {
  char sign = seconds < 0 ? '-' : '+';
  std::int32_t a = seconds < 0 ? -seconds : seconds;
  char buf[16];
  if (a % 60 != 0)  // local mean time offsets carry seconds
    std::snprintf(buf, sizeof buf, colon ? "%c%02d:%02d:%02d" : "%c%02d%02d%02d", sign, a / 3600, a / 60 % 60, a % 60);
  else
    std::snprintf(buf, sizeof buf, colon ? "%c%02d:%02d" : "%c%02d%02d", sign, a / 3600, a / 60 % 60);
  return buf;
}

namespace {
void append_civil(std::string& out, std::int64_t seconds, bool with_time) {
  auto days = date::floor<date::days>(date::sys_seconds{std::chrono::seconds{seconds}});
  date::year_month_day ymd{days};
  std::int64_t rest = seconds - std::int64_t(days.time_since_epoch().count()) * 86400;
  char buf[32];
  if (with_time)
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), int(rest / 3600), int(rest / 60 % 60), int(rest % 60));
  else
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  out += buf;
}
}  // namespace

std::string format_iso_local(local_seconds local, std::int32_t offset_seconds) {
  std::string out;
  append_civil(out, local.time_since_epoch().count(), true);
  return out + format_offset(offset_seconds, true);
}

std::string format_iso_date(date::sys_days day) {
  std::string out;
  append_civil(out, std::int64_t(day.time_since_epoch().count()) * 86400, false);
  return out;
}

bool writable_in_feed(local_seconds reading) {
  int year = int(date::year_month_day{date::floor<date::days>(reading)}.year());
  return year >= 1600 && year <= 9999;
}

std::optional<std::string> instant_feed_text(sys_seconds instant) {
  if (writable_in_feed(local_seconds{instant.time_since_epoch()})) return format_iso_utc(instant);
  for (std::int32_t offset : {23 * 3600 + 59 * 60, -(23 * 3600 + 59 * 60)}) {
    local_seconds local{instant.time_since_epoch() + std::chrono::seconds{offset}};
    if (writable_in_feed(local)) return format_iso_local(local, offset);
  }
  return std::nullopt;
}

}  // namespace talktime::detail

namespace talktime {

std::string format_iso_utc(sys_seconds instant) {
  std::string out;
  detail::append_civil(out, instant.time_since_epoch().count(), true);
  return out + "Z";
}

std::optional<sys_seconds> parse_instant(std::string_view text, std::string& problem) {
  problem.clear();
  auto value = detail::parse_time_text(text, problem);
  if (!value || value->form != detail::time_value::exact) return std::nullopt;
  return value->instant;
}

}  // namespace talktime
