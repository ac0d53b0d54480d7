// recurrence_iterator (ical_recurrence.hpp): a rule's starts, one period at a time.
#include <algorithm>

#include "formats/ical_recurrence.hpp"

namespace talktime::detail {
namespace {

using date::days;
using date::sys_days;

unsigned weekday_number(sys_days day) { return date::weekday{day}.c_encoding(); }

int days_in_year(int year) { return date::year{year}.is_leap() ? 366 : 365; }

bool contains(const std::vector<int>& list, int value) { return std::find(list.begin(), list.end(), value) != list.end(); }

// A day past any window: returned for periods whose year would leave the calendar.
constexpr sys_days far_future{days{3000000}};

}  // namespace

recurrence_iterator::recurrence_iterator(const recurrence_rule& rule, local_seconds start,
                                         std::optional<local_seconds> until_reading, local_seconds stop_after,
                                         std::optional<local_seconds> skip_before)
    : rule_(rule), start_(start), start_day_(date::floor<days>(sys_days{} + (start - local_seconds{}))),
      until_(until_reading), stop_after_(stop_after) {
  normalize_defaults();
  if (!skip_before || rule_.count || *skip_before <= start_) return;
  // Without COUNT nothing before the window matters: start one period (two for
  // BYWEEKNO, whose weeks reach into the year before) ahead of it.
  auto skip_day = date::floor<days>(sys_days{} + (*skip_before - local_seconds{}));
  date::year_month_day from{start_day_}, to{skip_day};
  std::int64_t units = 0;
  switch (rule_.frequency) {
    case recurrence_frequency::daily: units = (skip_day - start_day_).count(); break;
    case recurrence_frequency::weekly: units = (skip_day - start_day_).count() / 7; break;
    case recurrence_frequency::monthly:
      units = (int(to.year()) - int(from.year())) * 12 + (int(unsigned(to.month())) - int(unsigned(from.month())));
      break;
    case recurrence_frequency::yearly: units = int(to.year()) - int(from.year()); break;
  }
  period_ = std::max<std::int64_t>(0, units / rule_.interval - 2);
}

// RFC 5545 3.3.10: what a rule without the day parts means is taken from DTSTART
// (a weekly rule on DTSTART's weekday, a monthly one on its day of the month, a
// yearly one on its date).
void recurrence_iterator::normalize_defaults() {
  bool day_parts = !rule_.by_day.empty() || !rule_.by_month_day.empty() || !rule_.by_year_day.empty() ||
                   !rule_.by_week_no.empty();
  if (day_parts) return;
  date::year_month_day ymd{start_day_};
  switch (rule_.frequency) {
    case recurrence_frequency::weekly: rule_.by_day.push_back({0, weekday_number(start_day_)}); break;
    case recurrence_frequency::monthly: rule_.by_month_day.push_back(int(unsigned(ymd.day()))); break;
    case recurrence_frequency::yearly:
      if (rule_.by_month.empty()) rule_.by_month.push_back(int(unsigned(ymd.month())));
      rule_.by_month_day.push_back(int(unsigned(ymd.day())));
      break;
    default: break;
  }
}

std::optional<local_seconds> recurrence_iterator::next() {
  while (!done_) {
    while (next_pending_ < pending_.size()) {
      auto reading = pending_[next_pending_++];
      if (reading < start_) continue;
      if ((until_ && reading > *until_) || (rule_.count && given_ >= *rule_.count)) {
        done_ = true;
        return std::nullopt;
      }
      ++given_;
      return reading;
    }
    if (!fill_period()) done_ = true;
  }
  return std::nullopt;
}

// The first day of the current period (for BYWEEKNO a week earlier, where week 1 may begin).
sys_days recurrence_iterator::period_first_day() const {
  std::int64_t step = period_ * rule_.interval;
  date::year_month_day ymd{start_day_};
  switch (rule_.frequency) {
    case recurrence_frequency::daily: return start_day_ + days{step};
    case recurrence_frequency::weekly: {
      auto back = (weekday_number(start_day_) + 7 - rule_.week_start) % 7;
      return start_day_ - days{back} + days{7 * step};
    }
    case recurrence_frequency::monthly: {
      std::int64_t month = std::int64_t(int(ymd.year())) * 12 + (unsigned(ymd.month()) - 1) + step;
      if (month / 12 > 9999) return far_future;
      return sys_days{date::year{int(month / 12)} / date::month{unsigned(month % 12 + 1)} / 1};
    }
    case recurrence_frequency::yearly: {
      std::int64_t year = int(ymd.year()) + step;
      if (year > 9999) return far_future;
      return sys_days{date::year{int(year)} / 1 / 1} - days{rule_.by_week_no.empty() ? 0 : 7};
    }
  }
  return far_future;
}

// Computes the next period's starts into pending_; false once periods begin after stop_after.
bool recurrence_iterator::fill_period() {
  auto first = period_first_day();
  if (local_seconds{first.time_since_epoch()} > stop_after_ || periods_computed_ >= period_budget_) return false;
  ++periods_computed_;
  std::vector<local_seconds> starts;
  auto times = times_of_day();
  for (auto day : period_days())
    if (day_matches(day))
      for (auto time : times) starts.push_back(local_seconds{day.time_since_epoch()} + time);
  if (!rule_.by_set_pos.empty()) {
    std::vector<local_seconds> picked;
    auto n = std::int64_t(starts.size());
    for (int position : rule_.by_set_pos) {
      auto index = position > 0 ? position - 1 : n + position;
      if (index >= 0 && index < n) picked.push_back(starts[std::size_t(index)]);
    }
    std::sort(picked.begin(), picked.end());
    picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    starts = std::move(picked);
  }
  pending_ = std::move(starts);
  next_pending_ = 0;
  ++period_;
  return true;
}

std::vector<sys_days> recurrence_iterator::period_days() const {
  auto first = period_first_day();
  std::vector<sys_days> out;
  auto run = [&](sys_days from, int count) {
    for (int i = 0; i < count; ++i) out.push_back(from + days{i});
  };
  date::year_month_day ymd{first};
  switch (rule_.frequency) {
    case recurrence_frequency::daily: run(first, 1); break;
    case recurrence_frequency::weekly: run(first, 7); break;
    case recurrence_frequency::monthly:
      run(first, int(unsigned((ymd.year() / ymd.month() / date::last).day())));
      break;
    case recurrence_frequency::yearly:
      if (!rule_.by_week_no.empty()) return week_number_days(int((ymd + date::years{1}).year()));
      run(first, days_in_year(int(ymd.year())));
      break;
  }
  return out;
}

// The days of the weeks BYWEEKNO names in `year`: week 1 is the first week (from
// WKST) with at least four days in the year; negative numbers count from the last.
std::vector<sys_days> recurrence_iterator::week_number_days(int year) const {
  auto week_one = [&](int y) {
    sys_days jan1{date::year{y} / 1 / 1};
    auto into = int((weekday_number(jan1) + 7 - rule_.week_start) % 7);
    return into <= 3 ? jan1 - days{into} : jan1 + days{7 - into};
  };
  auto begin = week_one(year);
  int weeks = int((week_one(year + 1) - begin).count() / 7);
  std::vector<sys_days> out;
  for (int n : rule_.by_week_no) {
    int week = n > 0 ? n : weeks + n + 1;
    if (week < 1 || week > weeks) continue;
    for (int i = 0; i < 7; ++i) out.push_back(begin + days{7 * (week - 1) + i});
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool recurrence_iterator::day_matches(sys_days day) const {
  date::year_month_day ymd{day};
  int month_day = int(unsigned(ymd.day()));
  int month_length = int(unsigned((ymd.year() / ymd.month() / date::last).day()));
  int year_day = int((day - sys_days{ymd.year() / 1 / 1}).count()) + 1;
  int year_length = days_in_year(int(ymd.year()));
  if (!rule_.by_month.empty() && !contains(rule_.by_month, int(unsigned(ymd.month())))) return false;
  if (!rule_.by_year_day.empty() && !contains(rule_.by_year_day, year_day) &&
      !contains(rule_.by_year_day, year_day - year_length - 1))
    return false;
  if (!rule_.by_month_day.empty() && !contains(rule_.by_month_day, month_day) &&
      !contains(rule_.by_month_day, month_day - month_length - 1))
    return false;
  return rule_.by_day.empty() || weekday_matches(day);
}

// BYDAY: the weekday, and an ordinal within the month (MONTHLY, or YEARLY with
// BYMONTH) or the year (YEARLY); DAILY and WEEKLY rules have no ordinals in RFC 5545.
bool recurrence_iterator::weekday_matches(sys_days day) const {
  date::year_month_day ymd{day};
  bool in_month = rule_.frequency == recurrence_frequency::monthly ||
                  (rule_.frequency == recurrence_frequency::yearly && !rule_.by_month.empty());
  bool ordinals = in_month || (rule_.frequency == recurrence_frequency::yearly && rule_.by_week_no.empty());
  int position, length;
  if (in_month) {
    position = int(unsigned(ymd.day()));
    length = int(unsigned((ymd.year() / ymd.month() / date::last).day()));
  } else {
    position = int((day - sys_days{ymd.year() / 1 / 1}).count()) + 1;
    length = days_in_year(int(ymd.year()));
  }
  int nth = (position - 1) / 7 + 1, nth_from_end = -((length - position) / 7 + 1);
  auto weekday = weekday_number(day);
  for (const auto& item : rule_.by_day) {
    if (item.weekday != weekday) continue;
    if (item.ordinal == 0 || !ordinals || item.ordinal == nth || item.ordinal == nth_from_end) return true;
  }
  return false;
}

std::vector<std::chrono::seconds> recurrence_iterator::times_of_day() const {
  auto of_day = start_ - local_seconds{start_day_.time_since_epoch()};
  auto pick = [](const std::vector<int>& given, long long fallback) {
    return given.empty() ? std::vector<long long>{fallback} : std::vector<long long>(given.begin(), given.end());
  };
  auto hours = pick(rule_.by_hour, of_day.count() / 3600);
  auto minutes = pick(rule_.by_minute, of_day.count() / 60 % 60);
  auto seconds = pick(rule_.by_second, of_day.count() % 60);
  std::vector<std::chrono::seconds> out;
  for (auto h : hours)
    for (auto m : minutes)
      for (auto s : seconds) out.push_back(std::chrono::seconds{h * 3600 + m * 60 + s});
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace talktime::detail
