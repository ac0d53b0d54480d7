#include "talktime/time_zone.hpp"

#include <algorithm>
#include <memory>
#include <mutex>

#include "time/zone_rules.hpp"

namespace talktime {
namespace {

using std::chrono::seconds;

struct zone_registry {
  detail::zone_table_index index;
  bool valid = false;
  std::vector<std::unique_ptr<time_zone::data>> records;  // decoded on first use
  std::vector<std::unique_ptr<time_zone>> zones;          // one per record
  std::mutex mutex;

  zone_registry() {
    std::string_view blob(reinterpret_cast<const char*>(detail::compiled_zone_table),
                          detail::compiled_zone_table_size);
    valid = detail::decode_zone_table_index(blob, index);
    records.resize(index.records.size());
    zones.resize(index.records.size());
  }
};

zone_registry& registry() {
  static zone_registry r;
  return r;
}

}  // namespace

const time_zone* locate_zone(std::string_view name) noexcept {
  auto& r = registry();
  if (!r.valid) return nullptr;
  auto it = std::lower_bound(r.index.names.begin(), r.index.names.end(), name,
                             [](const auto& entry, std::string_view n) { return entry.first < n; });
  if (it == r.index.names.end() || it->first != name) return nullptr;
  std::uint32_t record = it->second;
  std::lock_guard<std::mutex> lock(r.mutex);
  if (!r.zones[record]) {
    auto rules = std::make_unique<time_zone::data>();
    if (!detail::decode_zone_record(r.index.records[record], *rules)) return nullptr;
    rules->countries = r.index.countries[record];
    r.zones[record] = std::make_unique<time_zone>(rules->name, rules.get());
    r.records[record] = std::move(rules);
  }
  return r.zones[record].get();
}

std::vector<std::string_view> zone_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : registry().index.names) names.push_back(entry.first);
  return names;
}

std::string_view tz_database_version() { return registry().index.version; }

zone_offset time_zone::offset_at(sys_seconds instant) const {
  auto t = rules_->type_at(instant.time_since_epoch().count());
  return {seconds{t.offset}, t.is_dst, t.abbreviation};
}

std::vector<zone_offset> time_zone::offsets_between(sys_seconds from, sys_seconds to) const {
  std::vector<zone_offset> out;
  auto add = [&](std::int64_t at) {
    auto t = rules_->type_at(at);
    for (const auto& o : out)
      if (o.utc_offset.count() == t.offset && o.abbreviation == t.abbreviation) return;
    out.push_back({seconds{t.offset}, t.is_dst, t.abbreviation});
  };
  add(from.time_since_epoch().count());
  for (auto t = rules_->next_transition(from.time_since_epoch().count()); t && *t <= to.time_since_epoch().count();
       t = rules_->next_transition(*t))
    add(*t);
  return out;
}

std::string_view time_zone::countries() const { return rules_->countries; }

local_seconds time_zone::to_local(sys_seconds instant) const {
  auto t = rules_->type_at(instant.time_since_epoch().count());
  return local_seconds{instant.time_since_epoch() + seconds{t.offset}};
}

local_time_resolution time_zone::resolve(local_seconds local) const {
  const std::int64_t wall = local.time_since_epoch().count();
  // No zone's offset exceeds 26 hours, so every instant this wall time can stand
  // for lies within two days of it; walk the changes in that window.
  constexpr std::int64_t window = 2 * 86400;
  std::vector<std::int64_t> changes;
  for (auto t = rules_->next_transition(wall - window); t && *t <= wall + window;
       t = rules_->next_transition(*t))
    changes.push_back(*t);

  std::vector<std::int32_t> offsets{rules_->type_at(wall - window).offset};
  for (auto t : changes) offsets.push_back(rules_->type_at(t).offset);

  std::optional<std::int64_t> earliest;
  int matches = 0;
  std::sort(offsets.begin(), offsets.end());
  offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
  for (auto offset : offsets) {
    std::int64_t candidate = wall - offset;
    if (rules_->type_at(candidate).offset != offset) continue;
    ++matches;
    if (!earliest || candidate < *earliest) earliest = candidate;
  }
  if (earliest)
    return {sys_seconds{seconds{*earliest}},
            matches > 1 ? local_time_kind::ambiguous : local_time_kind::unique};

  // In a gap: read the wall time with the offset in force before the change.
  for (auto t : changes) {
    auto before = rules_->type_at(t - 1).offset, after = rules_->type_at(t).offset;
    if (after > before && wall >= t + before && wall < t + after)
      return {sys_seconds{seconds{wall - before}}, local_time_kind::gap};
  }
  auto fallback = rules_->type_at(wall).offset;  // unreachable for well-formed tables
  return {sys_seconds{seconds{wall - fallback}}, local_time_kind::gap};
}

}  // namespace talktime
