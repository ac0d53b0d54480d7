// Occurrences of a recurring event in a window (ical_series.hpp).
#include "formats/ical_series.hpp"

#include <algorithm>
#include <set>

namespace talktime::detail {
namespace {

// Readings of the frame a day either side of an instant cover every offset a zone has (at most ±14 h).
constexpr std::chrono::hours margin{26};

// UNTIL as a reading of the frame: a DATE takes its whole day; a UTC time is
// converted into the zone; a floating one is read as written.
std::optional<local_seconds> until_reading(const recurrence_rule& rule, const time_zone* zone) {
  if (!rule.until) return std::nullopt;
  const auto& until = *rule.until;
  switch (until.kind) {
    case recurrence_until::date_value: return until.reading + std::chrono::hours{24} - std::chrono::seconds{1};
    case recurrence_until::utc: return reading_of(sys_seconds{until.reading.time_since_epoch()}, zone);
    default: return until.reading;
  }
}

class collector {
 public:
  collector(const series_request& r) : r_(r), excluded_(r.excluded.begin(), r.excluded.end()), kept_(r.kept.begin(), r.kept.end()) {}

  // Adds a reading when it counts; false once the cap is passed.
  bool add(local_seconds reading) {
    if (excluded_.count(reading)) return true;
    auto instant = instant_of(reading, r_.zone);
    if (!kept_.count(reading) && (instant < r_.from || instant >= r_.to)) return true;
    if (!found_.insert(reading).second) return true;
    if (found_.size() > r_.limit) {
      found_.erase(std::prev(found_.end()));
      cut_ = true;
      return false;
    }
    return true;
  }

  series_result result() const { return {std::vector<local_seconds>(found_.begin(), found_.end()), cut_, false, 0}; }

 private:
  const series_request& r_;
  std::set<local_seconds> excluded_, kept_, found_;
  bool cut_ = false;
};

}  // namespace

sys_seconds instant_of(local_seconds reading, const time_zone* zone) {
  if (zone) return zone->resolve(reading).instant;
  return sys_seconds{reading.time_since_epoch()};
}

local_seconds reading_of(sys_seconds instant, const time_zone* zone) {
  if (zone) return zone->to_local(instant);
  return local_seconds{instant.time_since_epoch()};
}

series_result expand_series(const series_request& request) {
  collector found(request);
  // RDATEs first, in order, so that the cap keeps the earliest whatever their source.
  auto extra = request.extra;
  std::sort(extra.begin(), extra.end());
  auto stop_after = reading_of(request.to, request.zone) + margin;
  for (auto reading : request.kept) stop_after = std::max(stop_after, reading);
  if (!request.rule) {
    found.add(request.start);  // DTSTART is an occurrence of an event with RDATEs alone
    for (auto reading : extra) found.add(reading);
    return found.result();
  }
  auto skip_before = reading_of(request.from, request.zone) - margin;
  for (auto reading : request.kept) skip_before = std::min(skip_before, reading);
  recurrence_iterator rule(*request.rule, request.start, until_reading(*request.rule, request.zone), stop_after,
                           skip_before);
  rule.limit_periods(request.period_budget);
  auto finish = [&] {
    auto result = found.result();
    result.periods = rule.periods_computed();
    result.out_of_budget = rule.out_of_budget();
    return result;
  };
  std::size_t next_extra = 0;
  while (auto reading = rule.next()) {
    if (*reading > stop_after) break;
    for (; next_extra < extra.size() && extra[next_extra] <= *reading; ++next_extra)
      if (!found.add(extra[next_extra])) return finish();
    if (!found.add(*reading)) return finish();
  }
  for (; next_extra < extra.size(); ++next_extra)
    if (!found.add(extra[next_extra])) break;
  return finish();
}

}  // namespace talktime::detail
