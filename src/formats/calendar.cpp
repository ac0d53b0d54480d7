// Calendar export: RFC 5545 iCalendar text and "add to calendar" links.
#include <cstdio>

#include "talktime/calendar.hpp"

#include "common/text.hpp"
#include "common/url.hpp"
#include "feed/talk_uids.hpp"
#include "formats/ics_text.hpp"
#include "talktime/time_zone.hpp"
#include "time/time_text.hpp"

namespace talktime {
namespace {

using detail::append_ics_line;
using detail::ics_escape_text;

std::string compact_utc(sys_seconds t) {  // 20240502T070000Z
  auto day = date::floor<date::days>(t);
  date::year_month_day ymd{day};
  auto rest = (t - day).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), int(rest / 3600), int(rest / 60 % 60), int(rest % 60));
  return buf;
}

std::string compact_date(date::sys_days day) {  // 20240502
  date::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

date::sys_days exclusive_end_day(const talk& t) { return t.end_day.value_or(t.start_day) + date::days{1}; }

std::string link_label(const std::string& kind) {
  std::string label = kind;
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = char(label[0] - 32);
  return label;
}

const place& where(const feed& f, const talk& t) { return t.location.empty() ? f.location : t.location; }

// The place as calendars show it and map it: its name (else url), then its address.
std::string location_text(const place& p) {
  std::string text = p.name.empty() ? p.url : p.name;
  auto address = p.address.one_line();
  if (!address.empty()) text += (text.empty() ? "" : ", ") + address;
  return text;
}

const talk_link* find_link(const talk& t, std::string_view kind) {
  for (const auto& l : t.links)
    if (l.kind == kind) return &l;
  return nullptr;
}

// The talk's page: its own "website" link, else its permalink on the feed's page.
std::string page_of(const feed& f, const talk& t) {
  if (auto* site = find_link(t, "website")) return site->url;
  return talk_permalink(f, t);
}

std::string status_value(talk_status s) {
  switch (s) {
    case talk_status::cancelled: return "CANCELLED";
    case talk_status::postponed:
    case talk_status::tentative: return "TENTATIVE";
    default: return "CONFIRMED";
  }
}

}  // namespace

std::string calendar_uid(const feed& f, const talk& t) {
  return t.uid.empty() ? detail::derived_calendar_uid(f, t) : t.uid;
}

std::string talk_permalink(const feed& f, const talk& t) {
  if (detail::url_host(f.url).empty()) return {};
  return f.url.substr(0, f.url.find('#')) + "#talk=" + detail::percent_encode(t.id);
}

namespace {

// The description of a talk whose series (declared by the feed, or nullptr) is known.
std::string describe(const talk& t, const series_info* series) {
  std::vector<std::string> blocks;
  switch (t.status) {
    case talk_status::postponed: blocks.push_back("Postponed: the new date has not been announced yet."); break;
    case talk_status::cancelled: blocks.push_back("Cancelled."); break;
    case talk_status::tentative: blocks.push_back("Tentative: not confirmed yet."); break;
    default: break;
  }
  std::string about;
  if (!t.speakers.empty()) {
    about = t.speakers.size() == 1 ? "Speaker: " : "Speakers: ";
    for (std::size_t i = 0; i < t.speakers.size(); ++i) {
      const auto& sp = t.speakers[i];
      if (i > 0) about += ", ";
      about += sp.name;
      if (!sp.affiliation.empty()) about += " (" + sp.affiliation + ")";
    }
  }
  if (!t.series.empty()) {
    if (!about.empty()) about += "\n";
    about += "Series: " + (series ? series->title : t.series);
  }
  if (!about.empty()) blocks.push_back(about);
  if (!t.abstract.empty()) blocks.push_back(t.abstract);
  std::string links;
  for (const auto& l : t.links) {
    if (!links.empty()) links += "\n";
    links += link_label(l.kind) + ": " + l.url;
  }
  if (!links.empty()) blocks.push_back(links);
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += "\n\n";
    out += b;
  }
  return out;
}

}  // namespace

std::string ics_duration(std::chrono::minutes interval) {
  auto minutes = interval.count();
  if (minutes % (24 * 60) == 0) return "P" + std::to_string(minutes / (24 * 60)) + "D";
  if (minutes % 60 == 0) return "PT" + std::to_string(minutes / 60) + "H";
  return "PT" + std::to_string(minutes) + "M";
}

namespace {

// What a subscribing app shows as the calendar's name and zone, and how often it refreshes.
void append_calendar_properties(std::string& out, const feed& f, const ics_options& options) {
  if (!f.title.empty()) {
    append_ics_line(out, "NAME:" + ics_escape_text(f.title));
    append_ics_line(out, "X-WR-CALNAME:" + ics_escape_text(f.title));
  }
  if (!f.description.empty()) {
    append_ics_line(out, "DESCRIPTION:" + ics_escape_text(f.description));
    append_ics_line(out, "X-WR-CALDESC:" + ics_escape_text(f.description));
  }
  if (f.zone) append_ics_line(out, "X-WR-TIMEZONE:" + std::string(f.zone->name()));
  if (options.refresh_interval.count() > 0) {
    auto duration = ics_duration(options.refresh_interval);
    append_ics_line(out, "REFRESH-INTERVAL;VALUE=DURATION:" + duration);
    append_ics_line(out, "X-PUBLISHED-TTL:" + duration);
  }
}

}  // namespace

std::string calendar_description(const feed& f, const talk& t) { return describe(t, f.find_series(t.series)); }

std::string to_ics(const feed& f, const std::vector<std::size_t>& talks, sys_seconds now, const ics_options& options) {
  std::string out;
  append_ics_line(out, "BEGIN:VCALENDAR");
  append_ics_line(out, "VERSION:2.0");
  append_ics_line(out, "PRODID:" + ics_escape_text(options.product_id));
  append_ics_line(out, "CALSCALE:GREGORIAN");
  append_ics_line(out, "METHOD:PUBLISH");
  append_calendar_properties(out, f, options);
  auto stamp = compact_utc(now);
  series_index series(f.series);
  for (auto index : talks) {
    if (index >= f.talks.size()) continue;
    const talk& t = f.talks[index];
    append_ics_line(out, "BEGIN:VEVENT");
    append_ics_line(out, "UID:" + ics_escape_text(calendar_uid(f, t)));
    append_ics_line(out, "DTSTAMP:" + stamp);
    if (t.recurrence_id)  // one occurrence of the source calendar's recurring event, as DTSTART is written
      append_ics_line(out, t.date_only ? "RECURRENCE-ID;VALUE=DATE:" + compact_date(date::floor<date::days>(*t.recurrence_id))
                                       : "RECURRENCE-ID:" + compact_utc(*t.recurrence_id));
    if (t.date_only) {
      append_ics_line(out, "DTSTART;VALUE=DATE:" + compact_date(t.start_day));
      append_ics_line(out, "DTEND;VALUE=DATE:" + compact_date(exclusive_end_day(t)));
    } else {
      append_ics_line(out, "DTSTART:" + compact_utc(t.start));
      if (t.end) append_ics_line(out, "DTEND:" + compact_utc(*t.end));
    }
    append_ics_line(out, "SUMMARY:" + ics_escape_text(t.title));
    auto description = describe(t, series.find(t.series));
    if (!description.empty()) append_ics_line(out, "DESCRIPTION:" + ics_escape_text(description));
    const place& p = where(f, t);
    if (!p.empty()) {
      std::string line = "LOCATION";
      if (!p.name.empty() && !p.url.empty()) line += ";ALTREP=\"" + detail::ics_uri(p.url) + "\"";
      append_ics_line(out, line + ":" + ics_escape_text(location_text(p)));
    }
    if (auto page = page_of(f, t); !page.empty()) append_ics_line(out, "URL:" + detail::ics_uri(page));
    append_ics_line(out, "STATUS:" + status_value(t.status));
    if (!t.tags.empty()) {
      std::string line = "CATEGORIES:";
      for (std::size_t i = 0; i < t.tags.size(); ++i) line += (i ? "," : "") + ics_escape_text(t.tags[i]);
      append_ics_line(out, line);
    }
    if (auto* live = find_link(t, "livestream"))
      append_ics_line(out, "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Livestream:" + detail::ics_uri(live->url));
    append_ics_line(out, "END:VEVENT");
  }
  append_ics_line(out, "END:VCALENDAR");
  return out;
}

std::string to_ics(const feed& f, sys_seconds now, const ics_options& options) {
  std::vector<std::size_t> all(f.talks.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return to_ics(f, all, now, options);
}

namespace {

constexpr std::size_t max_link_details = 1500;

// The description for a link, with the talk's page at the end, cut to fit.
std::string link_details(const feed& f, const talk& t) {
  auto description = calendar_description(f, t);
  auto page = page_of(f, t);
  std::string tail = page.empty() ? "" : (description.empty() ? "" : "\n\n") + page;
  if (description.size() + tail.size() > max_link_details) {
    std::size_t room = tail.size() + 3 < max_link_details ? max_link_details - tail.size() - 3 : 0;
    description = std::string(detail::truncate_utf8(description, room)) + "\u2026";
  }
  return description + tail;
}

}  // namespace

std::string google_calendar_url(const feed& f, const talk& t) {
  std::string dates;
  if (t.date_only) {
    dates = compact_date(t.start_day) + "/" + compact_date(exclusive_end_day(t));
  } else {
    dates = compact_utc(t.start) + "/" + compact_utc(t.end.value_or(t.start));
  }
  std::string url = "https://calendar.google.com/calendar/render?action=TEMPLATE&text=" +
                    detail::percent_encode(t.title) + "&dates=" + dates;
  if (auto details = link_details(f, t); !details.empty()) url += "&details=" + detail::percent_encode(details);
  if (auto place = location_text(where(f, t)); !place.empty()) url += "&location=" + detail::percent_encode(place);
  return url;
}

namespace {

// Outlook on the web's compose form (Outlook.com and Microsoft 365 take the same
// parameters). It needs an end: a talk without one ends when it starts, as in the
// Google link and the .ics file (a point in time), rather than an invented length.
std::string outlook_compose_url(std::string_view host, const feed& f, const talk& t) {
  std::string url = "https://" + std::string(host) +
                    "/calendar/0/action/compose?path=/calendar/action/compose&rru=addevent&subject=" +
                    detail::percent_encode(t.title);
  if (t.date_only) {
    url += "&startdt=" + detail::format_iso_date(t.start_day) + "&enddt=" + detail::format_iso_date(exclusive_end_day(t)) +
           "&allday=true";
  } else {
    url += "&startdt=" + format_iso_utc(t.start) + "&enddt=" + format_iso_utc(t.end.value_or(t.start));
  }
  if (auto details = link_details(f, t); !details.empty()) url += "&body=" + detail::percent_encode(details);
  if (auto place = location_text(where(f, t)); !place.empty()) url += "&location=" + detail::percent_encode(place);
  return url;
}

}  // namespace

std::string outlook_calendar_url(const feed& f, const talk& t) { return outlook_compose_url("outlook.live.com", f, t); }

std::string office365_calendar_url(const feed& f, const talk& t) { return outlook_compose_url("outlook.office.com", f, t); }

}  // namespace talktime
