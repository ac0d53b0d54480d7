// iCalendar recurrence rules (RFC 5545 3.3.10, RRULE): the rule read from its
// text, and the starts it gives, computed in wall-clock time (so a weekly
// 16:00 stays 16:00 across daylight-saving changes; the caller turns readings
// into instants in the event's zone). Used by the series expansion
// (ical_series.hpp); pure, with every loop bounded by the caller's window.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/time_zone.hpp"

namespace talktime::detail {

enum class recurrence_frequency { daily, weekly, monthly, yearly };

/// A BYDAY item: a weekday (0 = Sunday … 6 = Saturday), with an ordinal
/// ("1MO" first Monday, "-1FR" last Friday) or 0 for every such weekday.
struct weekday_item {
  int ordinal = 0;
  unsigned weekday = 1;
  bool operator==(const weekday_item& o) const { return ordinal == o.ordinal && weekday == o.weekday; }
};

/// UNTIL as written: a DATE (the whole day counts), or a DATE-TIME, UTC ("Z") or floating.
struct recurrence_until {
  enum kind_t { date_value, utc, floating } kind = utc;
  local_seconds reading{};  ///< the date at 00:00, or the time as written
};

struct recurrence_rule {
  recurrence_frequency frequency = recurrence_frequency::daily;
  std::int64_t interval = 1;
  std::optional<std::uint64_t> count;
  std::optional<recurrence_until> until;
  std::vector<int> by_month, by_month_day, by_year_day, by_week_no, by_set_pos, by_hour, by_minute, by_second;
  std::vector<weekday_item> by_day;
  unsigned week_start = 1;  ///< WKST, Monday unless given
};

/// Reads an RRULE value ("FREQ=WEEKLY;BYDAY=TH;UNTIL=20260528T235959Z"). nullopt
/// with `problem` set (a sentence without the property name) when it cannot be
/// used: FREQ missing or SECONDLY/MINUTELY/HOURLY (not supported), a part or
/// value that is not RFC 5545, COUNT with UNTIL.
///
///     parse_recurrence_rule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1", problem);  // first Monday of each month
std::optional<recurrence_rule> parse_recurrence_rule(std::string_view text, std::string& problem);

/// The starts a rule gives from `start` on, in order, as wall-clock readings.
/// `start` is one only when the rule gives it (RFC 5545 leaves a DTSTART out of step
/// with its rule undefined; ical.js and python-dateutil leave it out, and so does talktime). UNTIL and COUNT end the
/// series; `until_reading` is UNTIL as a reading in the event's frame (the caller
/// converts a UTC UNTIL into the event's zone). The iterator also ends at the first
/// period that begins after `stop_after`, so a rule that never matches (BYMONTHDAY=30
/// in February) or never ends costs a bounded number of steps. Without COUNT, periods
/// wholly before `skip_before` are stepped over without being computed.
///
///     recurrence_iterator it(rule, start, std::nullopt, window_end, window_start);
///     while (auto reading = it.next()) …
class recurrence_iterator {
 public:
  recurrence_iterator(const recurrence_rule& rule, local_seconds start, std::optional<local_seconds> until_reading,
                      local_seconds stop_after, std::optional<local_seconds> skip_before);

  std::optional<local_seconds> next();

  /// At most `periods` periods are computed (a calendar's budget: a file of many events
  /// that each start centuries before the window must not cost centuries of steps each).
  void limit_periods(std::uint64_t periods) { period_budget_ = periods; }
  std::uint64_t periods_computed() const { return periods_computed_; }
  bool out_of_budget() const { return periods_computed_ >= period_budget_; }

 private:
  void normalize_defaults();
  bool fill_period();
  std::vector<date::sys_days> period_days() const;
  std::vector<date::sys_days> week_number_days(int year) const;
  bool day_matches(date::sys_days day) const;
  bool weekday_matches(date::sys_days day) const;
  std::vector<std::chrono::seconds> times_of_day() const;
  date::sys_days period_first_day() const;

  recurrence_rule rule_;
  local_seconds start_;
  date::sys_days start_day_;
  std::optional<local_seconds> until_;
  local_seconds stop_after_;
  std::int64_t period_ = 0;
  std::vector<local_seconds> pending_;  // the current period's starts, in order
  std::size_t next_pending_ = 0;
  std::uint64_t given_ = 0;
  std::uint64_t period_budget_ = UINT64_MAX, periods_computed_ = 0;
  bool done_ = false;
};

}  // namespace talktime::detail
