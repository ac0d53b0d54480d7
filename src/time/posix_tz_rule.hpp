// POSIX TZ strings ("PST8PDT,M3.2.0,M11.1.0"), as found in the footer of TZif
// files: the rule a zone follows after its last explicit transition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace talktime::detail {

struct posix_transition {
  std::int64_t at = 0;  ///< instant, seconds since the epoch
  bool to_dst = false;  ///< the state entered at `at`
};

class posix_tz_rule {
 public:
  /// Parses a TZ string; nullopt when it is not valid POSIX TZ syntax.
  static std::optional<posix_tz_rule> parse(std::string_view text);

  bool has_dst() const { return has_dst_; }
  std::int32_t std_offset() const { return std_offset_; }  ///< east of UTC, seconds
  std::int32_t dst_offset() const { return dst_offset_; }
  const std::string& std_abbreviation() const { return std_abbrev_; }
  const std::string& dst_abbreviation() const { return dst_abbrev_; }

  /// Is daylight saving time in force at `instant`?
  bool is_dst_at(std::int64_t instant) const;
  /// The two changes of calendar year `year`, in instant order (empty without DST).
  std::vector<posix_transition> transitions_in_year(int year) const;

 private:
  struct date_rule {
    char form = 'M';  // 'M' month.week.weekday, 'J' 1-365 without Feb 29, 'N' 0-365
    int month = 0, week = 0, weekday = 0, day = 0;
    std::int32_t time = 7200;  // seconds after local midnight; may be negative or > 24 h
  };
  static std::int64_t day_of(const date_rule& rule, int year);  // days since epoch

  std::string std_abbrev_, dst_abbrev_;
  std::int32_t std_offset_ = 0, dst_offset_ = 0;
  bool has_dst_ = false;
  date_rule start_, end_;
};

}  // namespace talktime::detail
