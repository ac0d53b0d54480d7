// Day headings and clocks (declared in include/talktime/html_renderer.hpp), in the words,
// pattern and digits of a render_text; English when none is given.
#include <cstdio>

#include "talktime/html_renderer.hpp"

namespace talktime {
namespace {

const render_text& english() {
  static const render_text text;
  return text;
}

date::sys_days day_of(local_seconds t) { return date::floor<date::days>(sys_seconds{t.time_since_epoch()}); }

}  // namespace

std::string format_clock(local_seconds local, bool hour12, const render_text& text) {
  auto since_midnight = local.time_since_epoch().count() - std::int64_t(day_of(local).time_since_epoch().count()) * 86400;
  int h = int(since_midnight / 3600), m = int(since_midnight / 60 % 60);
  char hours[4], minutes[4];
  std::snprintf(hours, sizeof hours, hour12 ? "%d" : "%02d", hour12 ? (h % 12 == 0 ? 12 : h % 12) : h);
  std::snprintf(minutes, sizeof minutes, "%02d", m);
  auto clock = localized_digits(hours, text) + text.clock_separator + localized_digits(minutes, text);
  if (!hour12) return clock;
  const auto& marker = h < 12 ? text.am : text.pm;
  return text.day_period_first ? marker + text.day_period_gap + clock : clock + text.day_period_gap + marker;
}

std::string format_clock(local_seconds local, bool hour12) { return format_clock(local, hour12, english()); }

std::string format_day_heading(date::sys_days day, const render_text& text) {
  date::year_month_day ymd{day};
  date::weekday wd{day};
  return fill(text.day_heading, {{"weekday", text.weekdays[wd.c_encoding()]},
                                 {"day", localized_digits(std::to_string(unsigned(ymd.day())), text)},
                                 {"month", text.months[unsigned(ymd.month()) - 1]},
                                 {"year", localized_digits(std::to_string(int(ymd.year())), text)}});
}

std::string format_day_heading(date::sys_days day) { return format_day_heading(day, english()); }

}  // namespace talktime
