// A feed written back as talktime v1 JSON (docs/feed-format.md).
#include <cstdio>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "feed/talk_uids.hpp"
#include "talktime/feed_json.hpp"
#include "time/time_text.hpp"

namespace talktime {
namespace {

using json = nlohmann::ordered_json;

json address_json(const postal_address& a) {
  if (!a.text.empty()) return a.text;
  json out = json::object();
  const std::pair<const char*, const std::string*> parts[] = {{"streetAddress", &a.street}, {"addressLocality", &a.locality},
      {"addressRegion", &a.region}, {"postalCode", &a.postal_code}, {"addressCountry", &a.country}};
  for (const auto& [key, value] : parts)
    if (!value->empty()) out[key] = *value;
  return out;
}

json place_json(const place& p) {
  if (p.url.empty() && p.address.empty()) return p.name;
  json out = json::object();
  if (!p.name.empty()) out["name"] = p.name;
  if (!p.url.empty()) out["url"] = p.url;
  if (!p.address.empty()) out["address"] = address_json(p.address);
  return out;
}

bool same_zone(const time_zone* a, const time_zone* b) {
  return a == b || (a && b && a->name() == b->name());
}

// "2021-03-28T10:50" (seconds only when there are some), read in `zone`.
std::string local_text(local_seconds local) {
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  auto rest = (local - day).count();
  char buf[32];
  if (rest % 60 != 0)
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), int(rest / 3600), int(rest / 60 % 60), int(rest % 60));
  else
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), int(rest / 3600), int(rest / 60 % 60));
  return buf;
}

// An instant as the feed's text: local time in the talk's zone where that reads
// back as the same instant without a warning, else with its offset; "Z" without a
// zone, or when the local reading cannot be written (a year outside 1600-9999, as
// 1600-01-01T00:00Z is in New York, or a local mean time offset with seconds).
// An instant near the ends of the range that UTC cannot write either (from
// "9999-12-31T23:59-23:59") gets the offset that brings it back; nullopt if none does.
std::optional<std::string> instant_text(sys_seconds t, const time_zone* zone) {
  if (zone && detail::writable_in_feed(zone->to_local(t))) {
    auto local = zone->to_local(t);
    auto resolution = zone->resolve(local);
    if (resolution.kind == local_time_kind::unique && resolution.instant == t) return local_text(local);
    auto offset = std::int32_t((local.time_since_epoch() - t.time_since_epoch()).count());
    if (offset % 60 == 0) return local_text(local) + detail::format_offset(offset, true);
  }
  return detail::instant_feed_text(t);
}

json series_json(const std::vector<series_info>& list) {
  json series = json::array();
  for (const auto& s : list) {
    json entry = {{"id", s.id}};
    if (!s.title.empty() && s.title != s.id) entry["title"] = s.title;
    if (!s.description.empty()) entry["description"] = s.description;
    if (!s.url.empty()) entry["url"] = s.url;
    series.push_back(std::move(entry));
  }
  return series;
}

// Start and end (or a duration where the end has no text form), in the talk's zone.
void write_times(const talk& t, json& j) {
  if (t.date_only) {
    j["start"] = detail::format_iso_date(t.start_day);
    // An end that a duration pushed past 9999 has no text form: the duration is written.
    if (t.end_day && *t.end_day != t.start_day) {
      if (detail::writable_in_feed(local_seconds{t.end_day->time_since_epoch()})) j["end"] = detail::format_iso_date(*t.end_day);
      else j["duration"] = "P" + std::to_string((*t.end_day - t.start_day).count() + 1) + "D";
    }
    return;
  }
  j["start"] = instant_text(t.start, t.zone).value_or(format_iso_utc(t.start));
  if (t.end) {
    if (auto end = instant_text(*t.end, t.zone)) j["end"] = *end;
    else j["duration"] = "PT" + std::to_string((*t.end - t.start).count()) + "S";
  }
}

json speakers_json(const std::vector<speaker>& list) {
  json speakers = json::array();
  for (const auto& sp : list) {
    json s = {{"name", sp.name}};
    if (!sp.affiliation.empty()) s["affiliation"] = sp.affiliation;
    if (!sp.url.empty()) s["url"] = sp.url;
    if (!sp.photo.empty()) s["photo"] = sp.photo;
    if (!sp.bio.empty()) s["bio"] = sp.bio;
    speakers.push_back(std::move(s));
  }
  return speakers;
}

json talk_json(const talk& t, const feed& f) {
  json j = json::object();
  j["id"] = t.id;
  // A calendar's own UID (and an occurrence's recurrence_id) survive conversion; a derived one is made again.
  if (!t.uid.empty() && t.uid != detail::derived_calendar_uid(f, t)) j["uid"] = t.uid;
  if (t.recurrence_id)
    j["recurrence_id"] = t.date_only ? detail::format_iso_date(date::floor<date::days>(*t.recurrence_id))
                                     : format_iso_utc(*t.recurrence_id);
  j["title"] = t.title;
  if (t.kind != talk_kind::talk) j["kind"] = std::string(to_string(t.kind));
  if (t.status != talk_status::scheduled) j["status"] = std::string(to_string(t.status));
  // Local times are written in the talk's zone, which is named when it is not the feed's.
  write_times(t, j);
  if (t.zone && !same_zone(t.zone, f.zone)) j["timezone"] = std::string(t.zone->name());
  if (!t.series.empty()) j["series"] = t.series;
  if (!t.speakers.empty()) j["speakers"] = speakers_json(t.speakers);
  if (!t.abstract.empty()) j["abstract"] = t.abstract;
  if (!t.tags.empty()) j["tags"] = t.tags;
  if (!t.location.empty()) j["location"] = place_json(t.location);
  if (!t.links.empty()) {
    json links = json::object();
    for (const auto& l : t.links)
      if (!links.contains(l.kind)) links[l.kind] = l.url;
    j["links"] = std::move(links);
  }
  return j;
}

}  // namespace

std::string to_feed_json(const feed& f) {
  json root = json::object();
  root["talktime"] = 1;
  if (!f.title.empty()) root["title"] = f.title;
  if (!f.description.empty()) root["description"] = f.description;
  if (!f.url.empty()) root["url"] = f.url;
  if (f.zone) root["timezone"] = std::string(f.zone->name());
  if (!f.location.empty()) root["location"] = place_json(f.location);
  if (!f.organizer.empty()) {
    json who = json::object();
    if (!f.organizer.name.empty()) who["name"] = f.organizer.name;
    if (!f.organizer.url.empty()) who["url"] = f.organizer.url;
    root["organizer"] = f.organizer.url.empty() ? json(f.organizer.name) : who;
  }
  if (!f.series.empty()) root["series"] = series_json(f.series);
  json talks = json::array();
  for (const auto& t : f.talks) talks.push_back(talk_json(t, f));
  root["talks"] = std::move(talks);
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace talktime
