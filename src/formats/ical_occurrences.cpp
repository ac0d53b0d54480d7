// Events to talks, recurring ones expanded (ical_occurrences.hpp).
#include "formats/ical_occurrences.hpp"

#include <algorithm>
#include <map>

#include "common/text.hpp"
#include "formats/ics_text.hpp"

namespace talktime::detail {
namespace {

constexpr std::chrono::hours one_year{24 * 365}, two_years{24 * 730}, three_years{24 * 1096};

std::string uid_of(const std::vector<content_line>& props) {
  auto* uid = find_property(props, "UID");
  return uid ? std::string(trim(ics_unescape_text(uid->value))) : std::string();
}

ics_time at_reading(ics_time t, local_seconds reading) {
  t.day = date::floor<date::days>(date::sys_days{} + (reading - local_seconds{}));
  auto of_day = (reading - local_seconds{t.day.time_since_epoch()}).count();
  t.hour = int(of_day / 3600);
  t.minute = int(of_day / 60 % 60);
  t.second = int(of_day % 60);
  return t;
}

// "20260108T210000Z" (UTC), "20260108T160000" (floating) or "20260108".
std::string compact_key(const ics_time& t) {
  auto iso = format_iso_date(t.day);
  std::string key = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  if (t.kind == ics_time::date_value) return key;
  char time[16];
  std::snprintf(time, sizeof time, "T%02d%02d%02d%s", t.hour, t.minute, t.second, t.kind == ics_time::utc ? "Z" : "");
  return key + time;
}

class occurrence_importer {
 public:
  occurrence_importer(const std::vector<event_record>& events, occurrence_host& host, const import_options& options)
      : events_(events), host_(host), options_(options) {}

  // Recurring events are those with RRULE or RDATE and no RECURRENCE-ID; an
  // override goes with the recurring event of its UID when the file has one.
  void run() {
    std::map<std::string, std::size_t> masters;  // UID -> its first recurring event
    std::vector<bool> recurring(events_.size());
    for (std::size_t i = 0; i < events_.size(); ++i) {
      const auto& props = events_[i].props;
      recurring[i] = (find_property(props, "RRULE") || find_property(props, "RDATE")) && !find_property(props, "RECURRENCE-ID");
      if (recurring[i] && find_property(props, "UID")) masters.emplace(uid_of(props), i);
    }
    std::map<std::size_t, std::vector<std::size_t>> overrides;
    std::vector<bool> replaced(events_.size());
    for (std::size_t i = 0; i < events_.size(); ++i) {
      if (!find_property(events_[i].props, "RECURRENCE-ID")) continue;
      auto master = masters.find(uid_of(events_[i].props));
      if (master == masters.end()) continue;
      overrides[master->second].push_back(i);
      replaced[i] = true;
    }
    for (std::size_t i = 0; i < events_.size(); ++i) {
      if (recurring[i]) convert_series(i, overrides[i]);
      else if (!replaced[i]) convert_single(events_[i]);
    }
  }

 private:
  // An event on its own. An override whose recurring event is not in the file
  // keeps its UID and RECURRENCE-ID, so calendars match it to theirs.
  void convert_single(const event_record& event) {
    if (auto* rid = find_property(event.props, "RECURRENCE-ID")) {
      if (auto when = host_.read_value(*rid, "the event is imported as one of its own")) {
        auto named = name_occurrence(uid_of(event.props), *when, rid->line);
        return host_.add_talk(event, &named);
      }
    }
    host_.add_talk(event, nullptr);
  }

  // The zone a value is read in: its TZID's; floating times and dates: the calendar's; UTC: none.
  const time_zone* frame_zone(const ics_time& t) const {
    if (t.kind == ics_time::zoned) return t.zone;
    return t.kind == ics_time::utc ? nullptr : host_.calendar_zone();
  }

  sys_seconds instant(const ics_time& t) const { return instant_of(t.local(), frame_zone(t)); }

  // A value as a reading in the frame of `start`: the same instant, or the same date.
  local_seconds reading_in_frame(const ics_time& value, const ics_time& start) const {
    if (start.kind == ics_time::date_value) return local_seconds{value.day.time_since_epoch()};
    if (value.kind == ics_time::date_value)  // an EXDATE;VALUE=DATE of a timed series: that day's occurrence
      return local_seconds{value.day.time_since_epoch()} + (start.local() - local_seconds{start.day.time_since_epoch()});
    if (value.kind == ics_time::floating && start.kind == ics_time::floating) return value.local();
    return reading_of(instant(value), frame_zone(start));
  }

  // The talk id ends in the RECURRENCE-ID in compact form, UTC for zoned times as
  // the export writes it; recurrence_id is the same as feed text.
  occurrence name_occurrence(std::string uid, ics_time when, int line) const {
    occurrence o;
    o.uid = std::move(uid);
    o.line = line;
    if (when.kind == ics_time::date_value || when.kind == ics_time::floating) {
      o.recurrence_id = when.feed_text();
    } else {
      auto at = instant(when);
      o.recurrence_id = instant_feed_text(at).value_or(when.feed_text());
      when = at_reading(when, local_seconds{at.time_since_epoch()});
      when.kind = ics_time::utc;
    }
    o.key = compact_key(when);
    return o;
  }

  int series_line(const event_record& event) const {
    auto* rule = find_property(event.props, "RRULE");
    return rule ? rule->line : find_property(event.props, "RDATE")->line;
  }

  // One talk per occurrence in the window, overrides in place of the occurrences
  // they name, at most the per-event and per-file caps.
  void convert_series(std::size_t index, const std::vector<std::size_t>& override_indices) {
    const auto& master = events_[index];
    const content_line* start_line = find_property(master.props, "DTSTART");
    if (!start_line) return host_.add_talk(master, nullptr);  // the feed parser reports the missing start
    auto start = host_.read_event_time(*start_line);
    if (!start) return;
    // A floating time in a calendar without a zone is no instant: one talk, which the feed parser reports.
    if (start->kind == ics_time::floating && !host_.calendar_zone()) return host_.add_talk(master, nullptr);
    std::optional<ics_time> end;
    if (auto* end_line = find_property(master.props, "DTEND"); end_line && !(end = host_.read_event_time(*end_line))) return;
    auto request = series_of(master, *start);
    std::map<local_seconds, std::size_t> replaced_by;
    for (auto k : override_indices) {
      auto* rid = find_property(events_[k].props, "RECURRENCE-ID");
      auto when = host_.read_value(*rid, "the override is ignored");
      if (!when) continue;
      if (auto* range = rid->param("RANGE"); range && ascii_upper(*range) == "THISANDFUTURE")
        host_.warn("ics.range_ignored", rid->line,
                   "RANGE=THISANDFUTURE is not supported: this override changes only the occurrence it names");
      auto reading = reading_in_frame(*when, *start);
      replaced_by.emplace(reading, k);
      request.kept.push_back(reading);
    }
    auto found = expand_series(request);
    if (found.cut) warn_cut(master, request.limit);
    if (found.out_of_budget) warn_budget(master);
    occurrences_ += found.readings.size();
    periods_ += found.periods;
    auto uid = uid_of(master.props);
    for (auto reading : found.readings) {
      auto named = name_occurrence(uid, at_reading(*start, reading), series_line(master));
      if (auto it = replaced_by.find(reading); it != replaced_by.end()) {
        named.line = find_property(events_[it->second].props, "RECURRENCE-ID")->line;
        named.windowed = true;
        named.from = request.from;
        named.to = request.to;
        host_.add_talk(events_[it->second], &named);
        continue;
      }
      named.start = at_reading(*start, reading);
      if (end && start->kind != ics_time::date_value && end->kind != ics_time::date_value &&
          instant(*end) >= instant(*start))
        named.length = (instant(*end) - instant(*start)).count();
      else if (end)
        named.end = at_reading(*end, end->local() + (reading - start->local()));
      host_.add_talk(master, &named);
    }
  }

  // What expand_series needs of an event: its rule, RDATEs, EXDATEs, the window and the cap.
  series_request series_of(const event_record& event, const ics_time& start) {
    series_request request;
    request.start = start.local();
    request.zone = frame_zone(start);
    if (auto* rule = find_property(event.props, "RRULE")) {
      std::string problem;
      request.rule = parse_recurrence_rule(rule->value, problem);
      if (!request.rule)
        host_.warn("ics.bad_rrule", rule->line,
                   "RRULE " + quote_for_message(rule->value) + " " + problem + "; only DTSTART and any RDATEs are imported");
    }
    request.extra = readings(event.props, "RDATE", start);
    request.excluded = readings(event.props, "EXDATE", start);
    auto window = import_window(options_, instant(start));
    request.from = window.first;
    request.to = window.second;
    auto left = options_.max_occurrences > occurrences_ ? options_.max_occurrences - occurrences_ : 0;
    request.limit = std::min(options_.max_occurrences_per_event, left);
    request.period_budget = periods_ < period_budget ? period_budget - periods_ : 0;
    return request;
  }

  // Every date of an event's RDATE or EXDATE lines (comma lists; of a PERIOD, its start).
  std::vector<local_seconds> readings(const std::vector<content_line>& props, std::string_view name, const ics_time& start) {
    std::vector<local_seconds> out;
    const char* left_out = name == "RDATE" ? "that date is not added" : "that date is not removed";
    for (const auto& p : props) {
      if (p.name != name) continue;
      content_line item = p;
      if (auto* type = p.param("VALUE"); type && ascii_upper(*type) == "PERIOD")
        item.params.erase(std::remove_if(item.params.begin(), item.params.end(),
                                         [](const auto& param) { return param.first == "VALUE"; }),
                          item.params.end());
      std::string_view list = p.value;
      while (!list.empty()) {
        auto comma = list.find(',');
        auto value = list.substr(0, comma);
        item.value = std::string(value.substr(0, value.find('/')));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        if (auto when = host_.read_value(item, left_out)) out.push_back(reading_in_frame(*when, start));
      }
    }
    return out;
  }

  std::string title_of(const event_record& event) const {
    auto* title = find_property(event.props, "SUMMARY");
    return title ? quote_for_message(ics_unescape_text(title->value)) : std::string("this event");
  }

  void warn_budget(const event_record& event) {
    host_.warn("ics.too_many_occurrences", series_line(event),
               "the calendar's rules need more than " + std::to_string(period_budget) +
                   " steps to reach the import window; " + title_of(event) + " is expanded only that far");
  }

  void warn_cut(const event_record& event, std::size_t limit) {
    bool calendar_cap = limit < options_.max_occurrences_per_event;
    if (limit == 0)
      return host_.warn("ics.too_many_occurrences", series_line(event),
                        "the calendar's cap of " + std::to_string(options_.max_occurrences) +
                            " occurrences is reached; none of " + title_of(event) + " are imported");
    host_.warn("ics.too_many_occurrences", series_line(event),
               title_of(event) + " has more than " + std::to_string(limit) + " occurrences in the import window" +
                   (calendar_cap ? " (what is left of the cap of " + std::to_string(options_.max_occurrences) + " for the calendar)"
                                 : " (the cap for one event)") +
                   "; only the first " + std::to_string(limit) + " are imported");
  }

  const std::vector<event_record>& events_;
  occurrence_host& host_;
  const import_options& options_;
  std::size_t occurrences_ = 0;  // made so far, against the per-file cap
  std::uint64_t periods_ = 0;    // rule periods computed so far, against the budget
  // Steps (days of a DAILY rule, months of a MONTHLY one…) computed for a whole calendar:
  // enough for 50 events that each count daily from 1900, and milliseconds each.
  static constexpr std::uint64_t period_budget = 2000000;
};

}  // namespace

const content_line* find_property(const std::vector<content_line>& props, std::string_view name) {
  for (const auto& p : props)
    if (p.name == name) return &p;
  return nullptr;
}

std::pair<sys_seconds, sys_seconds> import_window(const import_options& options, sys_seconds series_start) {
  sys_seconds from = options.from   ? *options.from
                     : options.now  ? *options.now - one_year
                     : options.to   ? *options.to - three_years
                                    : series_start;
  sys_seconds to = options.to ? *options.to : options.now ? *options.now + two_years : from + three_years;
  return {from, to};
}

void convert_events(const std::vector<event_record>& events, occurrence_host& host, const import_options& options) {
  occurrence_importer(events, host, options).run();
}

}  // namespace talktime::detail
