// Build-time generator of the compiled zone table (zone_table_data.cpp).
//
// date/tz reads the IANA text database and answers, for every zone, which
// offset is in force when; this tool records those answers from the zone's
// first change up to 2200 as explicit transitions, then replaces the regular
// tail with the zone's POSIX TZ rule (the footer zic writes into each TZif file)
// wherever that rule reproduces date/tz exactly. Every record is decoded again
// and compared with date/tz before the table is written. The rows of the
// database's zone.tab (which country each zone serves) are stored too, for the
// zone picker's search by country.
//
// With --from YEAR (1600 by default) the table starts in that year: each zone's
// first record is the offset in force on 1 January of it. The first-render
// WebAssembly module carries the table from 1970 (CMakeLists.txt), and sends a
// feed with a talk before then to the full module, which has the whole history.
//
// usage: make_zone_table --tzdata DIR --zoneinfo DIR --out FILE.cpp [--from YEAR]

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <date/tz.h>

#include "time/zone_rules.hpp"

namespace {

using namespace date;
using std::chrono::seconds;
using talktime::zone_type;
using zone_data = talktime::time_zone::data;

const std::int64_t table_end = sys_seconds{sys_days{year{2200} / January / 1}}.time_since_epoch().count();
int first_year = 1600;  // --from
sys_seconds history_start = sys_days{year{1600} / January / 1};

std::int64_t count(sys_seconds t) { return t.time_since_epoch().count(); }

// The zone as date/tz sees it: merged intervals of identical type.
zone_data explicit_history(const date::time_zone& zone) {
  zone_data z;
  z.name = std::string(zone.name());
  auto type_index = [&z](const zone_type& t) {
    auto it = std::find(z.types.begin(), z.types.end(), t);
    if (it != z.types.end()) return std::uint8_t(it - z.types.begin());
    z.types.push_back(t);
    return std::uint8_t(z.types.size() - 1);
  };
  auto t = history_start;
  bool first = true;
  std::uint8_t previous = 0;
  while (true) {
    auto info = zone.get_info(t);
    zone_type type{std::int32_t(info.offset.count()), info.save != std::chrono::minutes{0}, info.abbrev};
    auto index = type_index(type);
    if (first) {
      z.initial_type = index;
      first = false;
    } else if (index != previous) {
      z.times.push_back(count(t));
      z.type_after.push_back(index);
    }
    previous = index;
    if (info.end >= sys_seconds{seconds{table_end}} || info.end == sys_seconds::max()) break;
    t = info.end;
  }
  if (z.types.size() > 255) throw std::runtime_error(z.name + ": more than 255 types");
  return z;
}

std::string footer_of(const std::string& zoneinfo, const std::string& name) {
  std::ifstream in(zoneinfo + "/" + name, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < 2 || bytes.compare(0, 4, "TZif") != 0 || bytes.back() != '\n') return {};
  auto start = bytes.rfind('\n', bytes.size() - 2);
  if (start == std::string::npos) return {};
  return bytes.substr(start + 1, bytes.size() - start - 2);
}

// The zone's changes from `from` up to the table's end, as (instant, type).
std::vector<std::pair<std::int64_t, zone_type>> changes_from(const zone_data& z, std::int64_t from) {
  std::vector<std::pair<std::int64_t, zone_type>> out;
  for (auto t = z.next_transition(from - 1); t && *t < table_end; t = z.next_transition(*t))
    out.emplace_back(*t, z.type_at(*t));
  return out;
}

// Explicit transitions before `from`, the footer from `from` on.
zone_data with_rule_from(const zone_data& history, std::int64_t from, const std::string& footer) {
  zone_data z = history;
  auto cut = std::lower_bound(z.times.begin(), z.times.end(), from) - z.times.begin();
  z.times.resize(cut);
  z.type_after.resize(cut);
  z.footer = footer;
  z.rule_from = from;
  z.prepare_rule();
  // Drop types no longer referenced.
  std::vector<zone_type> used;
  auto remap = [&](std::uint32_t i) {
    auto it = std::find(used.begin(), used.end(), z.types[i]);
    if (it == used.end()) {
      used.push_back(z.types[i]);
      return std::uint8_t(used.size() - 1);
    }
    return std::uint8_t(it - used.begin());
  };
  z.initial_type = remap(z.initial_type);
  for (auto& t : z.type_after) t = remap(t);
  z.types = used;
  return z;
}

bool rule_matches_from(const zone_data& history, const zone_data& candidate, std::int64_t from) {
  return history.type_at(from) == candidate.type_at(from) &&
         changes_from(history, from) == changes_from(candidate, from);
}

zone_data compact(const zone_data& history, const std::string& footer) {
  if (footer.empty() || !talktime::detail::posix_tz_rule::parse(footer)) return history;
  auto start_of = [](int y) { return count(sys_days{year{y} / January / 1}); };
  auto ok = [&](int y) { return rule_matches_from(history, with_rule_from(history, start_of(y), footer), start_of(y)); };
  if (!ok(2037)) {
    // The rule disagrees with date/tz before 2200: keep every transition and
    // let the rule take over only at the table's end, if it agrees there.
    auto tail = with_rule_from(history, table_end, footer);
    return history.type_at(table_end) == tail.type_at(table_end) ? tail : history;
  }
  int lo = first_year, hi = 2037;  // ok(hi) holds; find the earliest year from which it holds
  if (ok(lo)) hi = lo;
  while (hi - lo > 1) {
    int mid = (lo + hi) / 2;
    (ok(mid) ? hi : lo) = mid;
  }
  return with_rule_from(history, start_of(hi), footer);
}

void verify(const date::time_zone& zone, const zone_data& decoded) {
  auto check = [&](sys_seconds t) {
    auto info = zone.get_info(t);
    auto got = decoded.type_at(count(t));
    if (got.offset != info.offset.count() || got.abbreviation != info.abbrev ||
        got.is_dst != (info.save != std::chrono::minutes{0}))
      throw std::runtime_error(std::string(zone.name()) + ": table disagrees with date/tz at " +
                               std::to_string(count(t)));
  };
  for (auto t = history_start; t < sys_seconds{seconds{table_end}};) {
    auto info = zone.get_info(t);
    check(t);
    check(t + (info.end - t) / 2);
    if (info.end >= sys_seconds{seconds{table_end}}) break;
    check(info.end - seconds{1});
    t = info.end;
  }
}

// For each record, the countries zone.tab gives it (see zone_table_index): codes
// run together, in lower case where an earlier row gave the country another zone.
// A row whose zone the table does not hold is an error; no zone.tab, no countries.
std::vector<std::string> record_countries(const std::string& zoneinfo,
                                          const std::vector<std::pair<std::string, std::uint32_t>>& names,
                                          std::size_t record_count) {
  std::vector<std::string> countries(record_count);
  std::ifstream in(zoneinfo + "/zone.tab");
  if (!in) std::cerr << "make_zone_table: no " << zoneinfo << "/zone.tab; zones carry no countries\n";
  std::set<std::string> seen;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string country, coordinates, zone;
    std::getline(fields, country, '\t');
    std::getline(fields, coordinates, '\t');
    std::getline(fields, zone, '\t');
    auto it = std::lower_bound(names.begin(), names.end(), std::make_pair(zone, std::uint32_t(0)));
    if (country.size() != 2 || !std::isupper(country[0]) || !std::isupper(country[1]) || it == names.end() ||
        it->first != zone)
      throw std::runtime_error("zone.tab: unknown zone in \"" + line + "\"");
    if (!seen.insert(country).second)
      for (auto& c : country) c = char(std::tolower(c));
    countries[it->second] += country;
  }
  return countries;
}

std::size_t seen_countries(const std::vector<std::string>& countries) {
  std::size_t n = 0;
  for (const auto& codes : countries)
    for (char c : codes) n += std::isupper(c) ? 1 : 0;
  return n / 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string tzdata, zoneinfo, out_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--tzdata") tzdata = argv[i + 1];
    else if (flag == "--zoneinfo") zoneinfo = argv[i + 1];
    else if (flag == "--out") out_path = argv[i + 1];
    else if (flag == "--from") first_year = std::atoi(argv[i + 1]);
  }
  history_start = sys_days{year{first_year} / January / 1};
  if (tzdata.empty() || zoneinfo.empty() || out_path.empty()) {
    std::cerr << "usage: make_zone_table --tzdata DIR --zoneinfo DIR --out FILE.cpp [--from YEAR]\n";
    return 2;
  }
  try {
    date::set_install(tzdata);
    const auto& db = date::get_tzdb();
    std::vector<zone_data> records;
    std::map<std::string, std::uint32_t> record_of;
    std::size_t explicit_transitions = 0, rule_zones = 0;
    for (const auto& zone : db.zones) {
      auto compacted = compact(explicit_history(zone), footer_of(zoneinfo, std::string(zone.name())));
      explicit_transitions += compacted.times.size();
      rule_zones += !compacted.footer.empty();
      record_of[std::string(zone.name())] = std::uint32_t(records.size());
      records.push_back(std::move(compacted));
    }
    std::vector<std::pair<std::string, std::uint32_t>> names(record_of.begin(), record_of.end());
    for (const auto& link : db.links) {
      std::string target = link.target();
      for (int hops = 0; hops < 8 && !record_of.count(target); ++hops)
        for (const auto& l : db.links)
          if (l.name() == target) target = l.target();
      if (!record_of.count(target)) throw std::runtime_error("link " + link.name() + " to unknown " + target);
      names.emplace_back(link.name(), record_of[target]);
    }
    std::sort(names.begin(), names.end());
    auto countries = record_countries(zoneinfo, names, records.size());
    auto blob = talktime::detail::encode_zone_table(db.version, names, records, countries);

    talktime::detail::zone_table_index index;
    if (!talktime::detail::decode_zone_table_index(blob, index) || index.countries.size() != records.size())
      throw std::runtime_error("index does not decode");
    for (const auto& zone : db.zones) {
      zone_data decoded;
      if (!talktime::detail::decode_zone_record(index.records[record_of[std::string(zone.name())]], decoded))
        throw std::runtime_error(std::string(zone.name()) + ": record does not decode");
      verify(zone, decoded);
    }

    std::ofstream out(out_path);
    out << "// Generated by src/time/zonegen/make_zone_table.cpp from tz " << db.version
        << "; do not edit.\n#include <cstddef>\n\nnamespace talktime::detail {\n"
        << "extern const unsigned char compiled_zone_table[];\nextern const std::size_t compiled_zone_table_size;\n"
        << "const unsigned char compiled_zone_table[] = {";
    for (std::size_t i = 0; i < blob.size(); ++i)
      out << (i % 24 ? "" : "\n") << unsigned(std::uint8_t(blob[i])) << ',';
    out << "\n};\nconst std::size_t compiled_zone_table_size = " << blob.size() << ";\n}\n";
    std::printf("zone table: tz %s, %zu zones, %zu names, %zu countries, %zu explicit transitions, %zu zones with a rule, %zu bytes\n",
                db.version.c_str(), records.size(), names.size(), seen_countries(countries), explicit_transitions, rule_zones, blob.size());
  } catch (const std::exception& e) {
    std::cerr << "make_zone_table: " << e.what() << '\n';
    return 1;
  }
}
