// An iCalendar DATE or DATE-TIME value as the importer reads it (import_ical.cpp)
// and the recurrence expansion uses it (ical_occurrences.hpp).
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "talktime/time_zone.hpp"
#include "time/time_text.hpp"

namespace talktime::detail {

// A DATE or DATE-TIME value.
struct ics_time {
  enum kind_t { date_value, floating, utc, zoned } kind = date_value;
  date::sys_days day{};
  int hour = 0, minute = 0, second = 0;
  const time_zone* zone = nullptr;
  std::string zone_name;  // the IANA zone the TZID names; empty for a zone of the file's own VTIMEZONE

  bool in_calendar_zone() const { return kind == zoned && zone_name.empty(); }

  local_seconds local() const {
    return local_seconds{day.time_since_epoch()} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second};
  }
  // "2024-05-02", "2024-05-02T09:30", "2024-05-02T09:30:15", with "Z" for UTC.
  std::string feed_text() const {
    std::string out = format_iso_date(day);
    if (kind == date_value) return out;
    char buf[16];
    if (second != 0) std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
    else std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
    out += buf;
    if (kind == utc) out += "Z";
    return out;
  }
};

}  // namespace talktime::detail
