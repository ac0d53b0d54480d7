// The generated tables of zone names that are not IANA names (written at build
// time by scripts/make_zone_aliases.py into zone_aliases_data.cpp): Windows zone
// names from CLDR, and the tz database's legacy names with the zone probably meant.
#pragma once

#include <cstddef>

namespace talktime::detail {

struct zone_alias {
  const char* name;  ///< "Eastern Standard Time", "EST"
  const char* zone;  ///< "America/New_York" (CLDR's spelling: may be a link name)
};

/// Sorted by name, ignoring ASCII case.
extern const zone_alias windows_zone_aliases[];
extern const std::size_t windows_zone_aliases_count;
/// Sorted by name, exactly.
extern const zone_alias legacy_zone_aliases[];
extern const std::size_t legacy_zone_aliases_count;
/// "windowsZones 7e11800, tz 2021a": the versions CLDR's table names.
extern const char windows_zone_aliases_version[];

}  // namespace talktime::detail
