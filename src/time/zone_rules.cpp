#include "time/zone_rules.hpp"

#include <algorithm>

namespace talktime {

bool time_zone::data::prepare_rule() {
  if (footer.empty()) return true;
  rule = detail::posix_tz_rule::parse(footer);
  if (!rule) return false;
  rule_std = {rule->std_offset(), false, rule->std_abbreviation()};
  rule_dst = {rule->dst_offset(), true, rule->dst_abbreviation()};
  return true;
}

zone_type time_zone::data::type_at(std::int64_t instant) const {
  if (rule && instant >= rule_from) return rule->is_dst_at(instant) ? rule_dst : rule_std;
  auto after = std::upper_bound(times.begin(), times.end(), instant);
  if (after == times.begin()) return types[initial_type];
  return types[type_after[std::size_t(after - times.begin()) - 1]];
}

std::optional<std::int64_t> time_zone::data::next_transition(std::int64_t instant) const {
  auto after = std::upper_bound(times.begin(), times.end(), instant);
  if (after != times.end() && (!rule || *after < rule_from)) return *after;
  if (!rule || !rule->has_dst()) return std::nullopt;
  std::int64_t from = std::max(instant, rule_from - 1);
  auto days = from / 86400 - (from % 86400 < 0);
  int year = int(date::year_month_day{date::sys_days{date::days{days}}}.year());
  for (int y = year - 1; y <= year + 2; ++y)
    for (const auto& t : rule->transitions_in_year(y))
      if (t.at > from) return t.at;
  return std::nullopt;
}

namespace detail {
namespace {

void put_unsigned(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(char(0x80 | (v & 0x7f)));
    v >>= 7;
  }
  out.push_back(char(v));
}
void put_signed(std::string& out, std::int64_t v) {
  put_unsigned(out, (std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63));  // zig-zag
}
void put_string(std::string& out, std::string_view s) {
  put_unsigned(out, s.size());
  out.append(s);
}

class reader {
 public:
  explicit reader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == bytes_.size(); }
  std::uint64_t get_unsigned() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) break;
      auto byte = std::uint8_t(bytes_[pos_++]);
      v |= std::uint64_t(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  std::int64_t get_signed() {
    auto v = get_unsigned();
    return std::int64_t(v >> 1) ^ -std::int64_t(v & 1);
  }
  std::string_view get_bytes(std::uint64_t n) {
    if (n > bytes_.size() - pos_) {
      ok_ = false;
      return {};
    }
    auto s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::string_view get_string() { return get_bytes(get_unsigned()); }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

constexpr std::string_view magic = "TTZ2";

}  // namespace

std::string encode_zone_table(std::string_view version,
                              const std::vector<std::pair<std::string, std::uint32_t>>& names,
                              const std::vector<time_zone::data>& records,
                              const std::vector<std::string>& countries) {
  std::string out(magic);
  put_string(out, version);
  put_unsigned(out, names.size());
  for (const auto& [name, record] : names) {
    put_string(out, name);
    put_unsigned(out, record);
  }
  put_unsigned(out, records.size());
  for (const auto& z : records) {
    std::string r;
    put_string(r, z.name);
    put_unsigned(r, z.types.size());
    for (const auto& t : z.types) {
      put_signed(r, t.offset);
      r.push_back(char(t.is_dst));
      put_string(r, t.abbreviation);
    }
    put_unsigned(r, z.initial_type);
    put_unsigned(r, z.times.size());
    std::int64_t previous = 0;
    for (std::size_t i = 0; i < z.times.size(); ++i) {
      put_signed(r, z.times[i] - previous);  // deltas keep most times to 3-4 bytes
      previous = z.times[i];
      r.push_back(char(z.type_after[i]));
    }
    put_signed(r, z.rule_from == INT64_MAX ? 0 : z.rule_from);
    put_string(r, z.footer);
    put_string(out, r);
  }
  for (std::size_t i = 0; i < records.size(); ++i) put_string(out, i < countries.size() ? countries[i] : std::string());
  return out;
}

bool decode_zone_table_index(std::string_view blob, zone_table_index& out) {
  reader in(blob);
  if (in.get_bytes(magic.size()) != magic) return false;
  out.version = in.get_string();
  auto name_count = in.get_unsigned();
  out.names.clear();
  for (std::uint64_t i = 0; i < name_count && in.ok(); ++i) {
    auto name = in.get_string();
    out.names.emplace_back(name, std::uint32_t(in.get_unsigned()));
  }
  auto record_count = in.get_unsigned();
  out.records.clear();
  for (std::uint64_t i = 0; i < record_count && in.ok(); ++i) out.records.push_back(in.get_string());
  out.countries.clear();
  for (std::uint64_t i = 0; i < record_count && in.ok(); ++i) out.countries.push_back(in.get_string());
  if (!in.ok() || !in.at_end()) return false;
  for (const auto& entry : out.names)
    if (entry.second >= out.records.size()) return false;
  return std::is_sorted(out.names.begin(), out.names.end());
}

bool decode_zone_record(std::string_view record, time_zone::data& out) {
  reader in(record);
  out = {};
  out.name = std::string(in.get_string());
  auto type_count = in.get_unsigned();
  for (std::uint64_t i = 0; i < type_count && in.ok(); ++i) {
    zone_type t;
    t.offset = std::int32_t(in.get_signed());
    t.is_dst = in.get_bytes(1) == std::string_view("\1", 1);
    t.abbreviation = std::string(in.get_string());
    out.types.push_back(std::move(t));
  }
  out.initial_type = std::uint32_t(in.get_unsigned());
  auto count = in.get_unsigned();
  std::int64_t time = 0;
  for (std::uint64_t i = 0; i < count && in.ok(); ++i) {
    time += in.get_signed();
    out.times.push_back(time);
    auto type = in.get_bytes(1);
    out.type_after.push_back(type.empty() ? 0 : std::uint8_t(type[0]));
  }
  auto rule_from = in.get_signed();
  out.footer = std::string(in.get_string());
  out.rule_from = out.footer.empty() ? INT64_MAX : rule_from;
  if (!in.ok() || !in.at_end() || out.types.empty() || out.initial_type >= out.types.size())
    return false;
  for (auto t : out.type_after)
    if (t >= out.types.size()) return false;
  return out.prepare_rule();
}

}  // namespace detail
}  // namespace talktime
