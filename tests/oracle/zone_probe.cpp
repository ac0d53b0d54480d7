// A line-oriented probe of talktime's time zones, driven by check_zones.py,
// which compares every answer with Python's zoneinfo (an independent reader of
// the system's TZif files).
//
// Input, one request per line:
//   names                               -> every zone/link name, one a line, then "END"
//   offset ZONE EPOCH                   -> "UTCOFFSETSECONDS ISDST ABBREV"  (ISDST 0 or 1)
//   resolve ZONE YYYY-MM-DDTHH:MM:SS    -> "EPOCH KIND"  (KIND unique|gap|ambiguous)
//   canonical ZONE                      -> the zone's name()
//   windows NAME WITH SPACES            -> name() of the zone the Windows name maps to
// An unknown zone answers "unknown"; a malformed request answers "error".
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "talktime/time_zone.hpp"

namespace {

bool parse_local(const std::string& text, talktime::local_seconds& out) {
  int y, mo, d, h, mi, s;
  char tail;
  if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d%c", &y, &mo, &d, &h, &mi, &s, &tail) != 6) return false;
  date::year_month_day ymd{date::year{y}, date::month{unsigned(mo)}, date::day{unsigned(d)}};
  if (!ymd.ok()) return false;
  out = date::local_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
  return true;
}

const char* kind_name(talktime::local_time_kind k) {
  switch (k) {
    case talktime::local_time_kind::gap: return "gap";
    case talktime::local_time_kind::ambiguous: return "ambiguous";
    default: return "unique";
  }
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  std::string out;
  while (std::getline(std::cin, line)) {
    if (line.rfind("windows ", 0) == 0) {
      const talktime::time_zone* zone = talktime::locate_windows_zone(line.substr(8));
      out.append(zone ? zone->name() : "unknown").append("\n");
      continue;
    }
    std::istringstream in(line);
    std::string command, zone_name, arg;
    in >> command >> zone_name >> arg;
    if (command == "names") {
      for (auto name : talktime::zone_names()) out.append(name).append("\n");
      out += "END\n";
      continue;
    }
    const talktime::time_zone* zone = talktime::locate_zone(zone_name);
    if (command != "offset" && command != "resolve" && command != "canonical") {
      out += "error\n";
      continue;
    }
    if (!zone) {
      out += "unknown\n";
      continue;
    }
    if (command == "canonical") {
      out.append(zone->name()).append("\n");
    } else if (command == "offset") {
      long long epoch;
      try {
        epoch = std::stoll(arg);
      } catch (...) {
        out += "error\n";
        continue;
      }
      auto o = zone->offset_at(talktime::sys_seconds{std::chrono::seconds{epoch}});
      out += std::to_string(o.utc_offset.count()) + (o.is_dst ? " 1 " : " 0 ") + o.abbreviation + "\n";
    } else {
      talktime::local_seconds local;
      if (!parse_local(arg, local)) {
        out += "error\n";
        continue;
      }
      auto r = zone->resolve(local);
      out += std::to_string(r.instant.time_since_epoch().count()) + " " + kind_name(r.kind) + "\n";
    }
    if (out.size() > (1u << 16)) {
      std::cout << out;
      out.clear();
    }
  }
  std::cout << out << std::flush;
  return 0;
}
