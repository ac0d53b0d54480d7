// The decoded form of one zone of the compiled zone table, the binary format
// of that table, and the lookups on it. Shared by the library and by the
// build-time generator (src/time/zonegen), which checks every record it writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "time/posix_tz_rule.hpp"
#include "talktime/time_zone.hpp"

namespace talktime {

struct zone_type {
  std::int32_t offset = 0;
  bool is_dst = false;
  std::string abbreviation;
  bool operator==(const zone_type& o) const {
    return offset == o.offset && is_dst == o.is_dst && abbreviation == o.abbreviation;
  }
};

struct time_zone::data {
  std::string name;                      ///< canonical IANA name
  std::vector<zone_type> types;
  std::uint32_t initial_type = 0;        ///< in force before the first transition
  std::vector<std::int64_t> times;       ///< explicit transitions, ascending
  std::vector<std::uint8_t> type_after;  ///< index into types, one per transition
  std::int64_t rule_from = INT64_MAX;    ///< from this instant on, `footer` decides
  std::string footer;                    ///< POSIX TZ string, empty for none
  std::optional<detail::posix_tz_rule> rule;  ///< parsed footer
  zone_type rule_std, rule_dst;
  std::string_view countries;            ///< see time_zone::countries (in the table)

  /// Parses the footer and prepares its types; false when it is malformed.
  bool prepare_rule();
  zone_type type_at(std::int64_t instant) const;
  /// The first change strictly after `instant`, if any.
  std::optional<std::int64_t> next_transition(std::int64_t instant) const;
};

namespace detail {

/// The table as the generator writes it and the library reads it: magic, tz
/// version, sorted names each pointing at a record, the records, then for each
/// record the countries zone.tab gives it: ISO codes run together ("CHde"), in
/// lower case where the zone is not the first zone.tab lists for the country.
struct zone_table_index {
  std::string_view version;
  std::vector<std::pair<std::string_view, std::uint32_t>> names;  // sorted
  std::vector<std::string_view> records;
  std::vector<std::string_view> countries;  // one per record
};

std::string encode_zone_table(std::string_view version,
                              const std::vector<std::pair<std::string, std::uint32_t>>& names,
                              const std::vector<time_zone::data>& records,
                              const std::vector<std::string>& countries);
bool decode_zone_table_index(std::string_view blob, zone_table_index& out);
bool decode_zone_record(std::string_view record, time_zone::data& out);

/// The table compiled into the library (generated file zone_table_data.cpp).
extern const unsigned char compiled_zone_table[];
extern const std::size_t compiled_zone_table_size;

}  // namespace detail
}  // namespace talktime
