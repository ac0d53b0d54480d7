// Days as the schedule writes them: headings, the event-time hint and runs of days.
#include <string>

#include "talktime/html_renderer.hpp"

namespace talktime {
namespace {

constexpr const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
constexpr const char* weekday_names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string day_month(const date::year_month_day& ymd) {
  return std::to_string(unsigned(ymd.day())) + " " + month_names[unsigned(ymd.month()) - 1];
}

}  // namespace

std::string format_day_heading(date::sys_days day) {
  date::year_month_day ymd{day};
  date::weekday wd{day};
  return std::string(weekday_names[wd.c_encoding()]) + ", " + day_month(ymd) + " " + std::to_string(int(ymd.year()));
}

std::string format_short_day(date::sys_days day) {
  date::year_month_day ymd{day};
  return std::string(weekday_names[date::weekday{day}.c_encoding()], 3) + " " + std::to_string(unsigned(ymd.day())) +
         " " + std::string(month_names[unsigned(ymd.month()) - 1], 3);
}

// The shared tail is written once: "3–7 August 2026", not "3 August 2026 – 7 August 2026".
day_range_text format_day_range(date::sys_days first, date::sys_days last) {
  date::year_month_day a{first}, b{last};
  std::string year_b = " " + std::to_string(int(b.year()));
  if (a.year() != b.year()) return {day_month(a) + " " + std::to_string(int(a.year())), " \u2013 ", day_month(b) + year_b};
  if (a.month() != b.month()) return {day_month(a), " \u2013 ", day_month(b) + year_b};
  return {std::to_string(unsigned(a.day())), "\u2013", day_month(b) + year_b};
}

}  // namespace talktime
