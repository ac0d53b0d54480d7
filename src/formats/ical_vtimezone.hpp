// The zones a calendar defines itself: its VTIMEZONE components, read into zone
// rules (time/observance_zone.hpp) for the TZIDs that name neither an IANA zone
// nor a Windows one ("Customized Time Zone", "(UTC-03:00) Brasília").
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "talktime/time_zone.hpp"
#include "time/zone_rules.hpp"  // time_zone::data, which an entry owns

namespace talktime::detail {

class calendar_zones {
 public:
  /// One VTIMEZONE: its zone, or why it cannot be used.
  struct entry {
    int line = 0;  ///< the BEGIN:VTIMEZONE line
    std::unique_ptr<time_zone::data> rules;
    std::unique_ptr<time_zone> zone;  ///< nullptr when `problem` says why
    std::string problem;
  };

  /// Reads every VTIMEZONE of the calendar `text` (a pass of its own over its lines).
  explicit calendar_zones(std::string_view text);

  /// The VTIMEZONE whose TZID is `tzid` (compared as written, spaces around it
  /// trimmed), or nullptr when the calendar has none.
  const entry* find(std::string_view tzid) const;

  /// What an event's TZID=`tzid` finds: the zone, and on the first use of each
  /// TZID the warning ics.calendar_zone to report; or no zone and the message of
  /// the error ics.unknown_zone.
  struct use_result {
    const time_zone* zone = nullptr;
    std::string message;  ///< the error without a zone; the warning on a first use; else empty
  };
  use_result use(const std::string& tzid);

 private:
  std::map<std::string, entry, std::less<>> zones_;
  std::map<std::string, bool, std::less<>> used_;
};

/// "2025-02-18T18:00:00+13:00": `local` in `zone` with the offset in force, which
/// the feed reads as an exact instant (a zone of the calendar's own has no IANA name).
std::string local_time_with_offset(const time_zone& zone, local_seconds local);

}  // namespace talktime::detail
