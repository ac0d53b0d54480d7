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

 private:
  std::map<std::string, entry, std::less<>> zones_;
};

}  // namespace talktime::detail
