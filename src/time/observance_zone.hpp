// Zone rules from the observances of an iCalendar VTIMEZONE (RFC 5545 3.6.5):
// each STANDARD or DAYLIGHT block says from when (DTSTART, RDATE, a yearly RRULE)
// the offset TZOFFSETFROM gives way to TZOFFSETTO. They become a zone record of
// the same kind as the compiled table's (time/zone_rules.hpp): explicit changes,
// and, when the zone ends in one yearly daylight rule and one yearly standard
// rule, those two as a POSIX TZ rule that holds for every later year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "talktime/time_zone.hpp"

namespace talktime::detail {

/// An RRULE of an observance; only FREQ=YEARLY is meaningful in a VTIMEZONE.
struct yearly_rule {
  std::vector<unsigned> months;       ///< BYMONTH (1-12); empty: DTSTART's month
  int weekday = -1;                   ///< BYDAY weekday, 0 = Sunday … 6 = Saturday; -1 none
  int ordinal = 0;                    ///< BYDAY ordinal (2 in 2SU, -1 in -1SU); 0 = every such weekday
  std::vector<int> month_days;        ///< BYMONTHDAY (negative counts from the month's end)
  std::optional<sys_seconds> until;   ///< UNTIL as an instant (a floating UNTIL is read in TZOFFSETFROM)
  std::optional<long> count;          ///< COUNT
};

struct observance {
  bool daylight = false;              ///< DAYLIGHT (else STANDARD)
  local_seconds start;                ///< DTSTART, wall-clock time in offset_from
  std::int32_t offset_from = 0;       ///< TZOFFSETFROM, seconds east of UTC
  std::int32_t offset_to = 0;         ///< TZOFFSETTO
  std::string name;                   ///< TZNAME; may be empty
  std::optional<yearly_rule> rule;    ///< RRULE
  std::vector<sys_seconds> dates;     ///< RDATE values as instants
};

/// The zone rules `observances` define, named `tzid`; nullopt with `problem` set
/// when they cannot make a zone (none at all, a rule that is not yearly).
/// Yearly rules without an end are expanded as far as the year 2200 when they
/// are not one daylight and one standard rule that a POSIX TZ rule can state.
std::optional<time_zone::data> zone_from_observances(const std::string& tzid, const std::vector<observance>& observances,
                                                      std::string& problem);

}  // namespace talktime::detail
