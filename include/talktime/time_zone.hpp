// Time zones for talktime: IANA zones looked up in a compact table that is
// generated at build time by Howard Hinnant's date/tz from the system's tz
// database and compiled into the library (see docs/time-zones.md).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

namespace talktime {

/// An instant: seconds since 1970-01-01T00:00:00Z.
using sys_seconds = date::sys_seconds;
/// A wall-clock reading with no zone attached, e.g. 2021-03-28 10:50:00.
using local_seconds = date::local_seconds;

/// The offset in force in a zone at one instant.
struct zone_offset {
  std::chrono::seconds utc_offset{0};  ///< local time minus UTC
  bool is_dst = false;
  std::string abbreviation;            ///< "EDT", "IST", "+0530", …
};

/// How a local time maps to instants in a zone.
enum class local_time_kind {
  unique,     ///< exactly one instant
  gap,        ///< skipped by a spring-forward change: read with the offset before the gap
  ambiguous,  ///< repeated by a fall-back change: the first occurrence is taken
};

/// The instant a local time stands for, and how it was chosen.
struct local_time_resolution {
  sys_seconds instant;
  local_time_kind kind = local_time_kind::unique;
};

/// One IANA time zone, with its whole history and future rules.
///
/// Example:
///
///     const talktime::time_zone* la = talktime::locate_zone("America/Los_Angeles");
///     auto r = la->resolve(date::local_days{date::year{2023}/1/11} + std::chrono::hours{15});
///     // r.instant == 2023-01-11T23:00:00Z, r.kind == local_time_kind::unique
class time_zone {
 public:
  struct data;  // decoded table record; defined in src/time/zone_rules.hpp
  time_zone(std::string name, const data* rules) : name_(std::move(name)), rules_(rules) {}

  /// The canonical IANA name (a link such as "Asia/Calcutta" gives "Asia/Kolkata").
  std::string_view name() const { return name_; }
  /// The offset, daylight-saving flag and abbreviation in force at `instant`.
  zone_offset offset_at(sys_seconds instant) const;
  /// The wall-clock time in this zone at `instant`.
  local_seconds to_local(sys_seconds instant) const;
  /// The instant a wall-clock time stands for (gap: offset before it; overlap: first).
  local_time_resolution resolve(local_seconds local) const;
  /// Every distinct offset (with its abbreviation) in force from `from` to `to`,
  /// the one at `from` first: a year gives a zone's winter and summer time.
  std::vector<zone_offset> offsets_between(sys_seconds from, sys_seconds to) const;
  /// The countries the tz database's zone.tab gives this zone, as ISO 3166 codes
  /// run together, in upper case where zone.tab lists this zone first for the
  /// country (its most populous): "CHde" for Europe/Zurich (Switzerland's zone, and
  /// Germany's at Büsingen), "IN" for Asia/Kolkata, "" for Etc/UTC or a build
  /// without zone.tab.
  std::string_view countries() const;

 private:
  std::string name_;
  const data* rules_;
};

/// Finds a zone by IANA name or link name; nullptr when the name is unknown.
/// Names are matched exactly (case-sensitive), as the tz database defines them.
///
///     if (auto* z = talktime::locate_zone("Asia/Calcutta")) z->name();  // "Asia/Kolkata"
const time_zone* locate_zone(std::string_view name) noexcept;

/// Every zone and link name the table knows, sorted.
std::vector<std::string_view> zone_names();

/// The tz database release the table was generated from, e.g. "2025b".
std::string_view tz_database_version();

/// The zone a Windows zone name stands for, as Outlook and Exchange write TZIDs,
/// by CLDR's windowsZones table (its default mapping, territory "001"), ASCII case
/// ignored; nullptr for other names. The table is generated at build time from
/// Debian's CLDR data (docs/time-zones.md).
///
///     talktime::locate_windows_zone("W. Europe Standard Time")->name();  // "Europe/Berlin"
const time_zone* locate_windows_zone(std::string_view windows_name) noexcept;

/// Every Windows zone name of that table with the IANA name CLDR gives it
/// (CLDR's spelling, which may be a link such as "Asia/Calcutta"), sorted.
std::vector<std::pair<std::string_view, std::string_view>> windows_zone_table();

/// For a legacy name of the tz database (a zone that is not a place: EST, MST,
/// HST, CET, MET, WET, EET, EST5EDT, CST6CDT, MST7MDT, PST8PDT) the place's zone
/// probably meant, chosen at build time from CLDR and the tz database
/// (docs/time-zones.md): "EST" -> "America/New_York". Empty for every other name.
std::string_view zone_probably_meant(std::string_view legacy_name) noexcept;

}  // namespace talktime
