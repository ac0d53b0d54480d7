#include "time/posix_tz_rule.hpp"

#include <algorithm>
#include <cctype>

#include <date/date.h>

namespace talktime::detail {
namespace {

class cursor {
 public:
  explicit cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool take(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  std::optional<int> number(int max_digits) {
    int value = 0, digits = 0;
    while (digits < max_digits && std::isdigit(static_cast<unsigned char>(peek()))) {
      value = value * 10 + (text_[pos_++] - '0');
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    return value;
  }
  // "EST" or "<+0530>"
  std::optional<std::string> abbreviation() {
    if (take('<')) {
      auto close = text_.find('>', pos_);
      if (close == std::string_view::npos || close == pos_) return std::nullopt;
      std::string name(text_.substr(pos_, close - pos_));
      pos_ = close + 1;
      return name;
    }
    auto start = pos_;
    while (std::isalpha(static_cast<unsigned char>(peek()))) ++pos_;
    if (pos_ - start < 3) return std::nullopt;
    return std::string(text_.substr(start, pos_ - start));
  }
  // [+-]hh[:mm[:ss]], hours up to 167 (RFC 8536 extension)
  std::optional<std::int32_t> duration() {
    int sign = 1;
    if (take('-')) sign = -1;
    else take('+');
    auto h = number(3);
    if (!h || *h > 167) return std::nullopt;
    std::int32_t seconds = *h * 3600;
    if (take(':')) {
      auto m = number(2);
      if (!m || *m > 59) return std::nullopt;
      seconds += *m * 60;
      if (take(':')) {
        auto s = number(2);
        if (!s || *s > 59) return std::nullopt;
        seconds += *s;
      }
    }
    return sign * seconds;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<posix_tz_rule> posix_tz_rule::parse(std::string_view text) {
  cursor in(text);
  posix_tz_rule rule;
  auto std_name = in.abbreviation();
  auto std_west = in.duration();
  if (!std_name || !std_west) return std::nullopt;
  rule.std_abbrev_ = *std_name;
  rule.std_offset_ = -*std_west;  // POSIX counts west of Greenwich as positive
  if (in.done()) return rule;

  auto dst_name = in.abbreviation();
  if (!dst_name) return std::nullopt;
  rule.has_dst_ = true;
  rule.dst_abbrev_ = *dst_name;
  rule.dst_offset_ = rule.std_offset_ + 3600;
  if (in.peek() != ',') {
    auto dst_west = in.duration();
    if (!dst_west) return std::nullopt;
    rule.dst_offset_ = -*dst_west;
  }
  auto date_rule_at = [&in](date_rule& out) {
    if (!in.take(',')) return false;
    if (in.take('M')) {
      auto m = in.number(2);
      if (!m || !in.take('.')) return false;
      auto w = in.number(1);
      if (!w || !in.take('.')) return false;
      auto d = in.number(1);
      if (!d || *m < 1 || *m > 12 || *w < 1 || *w > 5 || *d > 6) return false;
      out.form = 'M', out.month = *m, out.week = *w, out.weekday = *d;
    } else if (in.take('J')) {
      auto n = in.number(3);
      if (!n || *n < 1 || *n > 365) return false;
      out.form = 'J', out.day = *n;
    } else {
      auto n = in.number(3);
      if (!n || *n > 365) return false;
      out.form = 'N', out.day = *n;
    }
    if (in.take('/')) {
      auto t = in.duration();
      if (!t) return false;
      out.time = *t;
    }
    return true;
  };
  if (!date_rule_at(rule.start_) || !date_rule_at(rule.end_) || !in.done()) return std::nullopt;
  return rule;
}

std::int64_t posix_tz_rule::day_of(const date_rule& rule, int year) {
  using namespace date;
  switch (rule.form) {
    case 'J': {
      // Day 1-365, February 29 never counted.
      auto jan1 = sys_days{date::year{year} / January / 1};
      int offset = rule.day - 1;
      if (date::year{year}.is_leap() && rule.day >= 60) ++offset;
      return (jan1 + days{offset}).time_since_epoch().count();
    }
    case 'N':
      return (sys_days{date::year{year} / January / 1} + days{rule.day}).time_since_epoch().count();
    default: {
      auto month = date::month{static_cast<unsigned>(rule.month)};
      auto wd = date::weekday{static_cast<unsigned>(rule.weekday)};
      sys_days day = rule.week == 5
          ? sys_days{date::year{year} / month / wd[last]}
          : sys_days{date::year{year} / month / wd[static_cast<unsigned>(rule.week)]};
      return day.time_since_epoch().count();
    }
  }
}

std::vector<posix_transition> posix_tz_rule::transitions_in_year(int year) const {
  if (!has_dst_) return {};
  // The start time is read in standard time, the end time in daylight time.
  std::int64_t start = day_of(start_, year) * 86400 + start_.time - std_offset_;
  std::int64_t end = day_of(end_, year) * 86400 + end_.time - dst_offset_;
  std::vector<posix_transition> out{{start, true}, {end, false}};
  if (end < start) std::swap(out[0], out[1]);
  return out;
}

bool posix_tz_rule::is_dst_at(std::int64_t instant) const {
  if (!has_dst_) return false;
  auto days_since_epoch = (instant + std_offset_) / 86400 - ((instant + std_offset_) % 86400 < 0);
  int year = int(date::year_month_day{date::sys_days{date::days{days_since_epoch}}}.year());
  // The latest change at or before the instant decides; look one year back for it.
  bool dst = false;
  std::int64_t latest = INT64_MIN;
  for (int y = year - 1; y <= year + 1; ++y) {
    for (const auto& t : transitions_in_year(y)) {
      if (t.at <= instant && t.at >= latest) {
        latest = t.at;
        dst = t.to_dst;
      }
    }
  }
  return dst;
}

}  // namespace talktime::detail
