// What the two frab readers share: the classic frab/pretalx layout (events in
// schedule.conference.days[].rooms, import_frab.cpp) and C3VOC's schedule2 (events
// in schedule.events[], import_schedule2.cpp) hold events of the same shape, so one
// converter turns an event into a talk, keeps the origins, the problem budget and
// the size budget (frab_converter.cpp, frab_event.cpp).
//
// Values are carried over as they are wherever the talktime parser can judge them,
// so a bad value is reported once, by the parser, and then located back in the file.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/problem_reporter.hpp"
#include "common/text.hpp"
#include "feed/json_document.hpp"
#include "talktime/importers.hpp"

namespace talktime::detail {

/// A member that is present and not null, else nullptr.
const json* frab_member(const json& object, const char* key);
/// A non-empty trimmed string member, or "".
std::string frab_text(const json& object, const char* key);

/// Where an event is listed in the classic layout: its day (whose date a bare
/// "start" time needs) and the name of the room it is listed under.
struct frab_listing {
  const json* day = nullptr;
  std::string room;
};

class frab_converter {
 public:
  frab_converter(std::string_view text, const feed_limits& limits, import_result& result);

  /// The feed's own members from the schedule and its conference; also reads the
  /// lookups events refer to (rooms and persons by guid, tracks by slug).
  nlohmann::ordered_json feed_header(const json& schedule, const json& conference);

  /// One event appended to `talks` as a talk (an event that is no object is
  /// reported and skipped); counts it and charges it against the size budget.
  void add_event(const json& ev, const frab_listing& listing, const std::string& at_event, nlohmann::ordered_json& talks);

  /// Ends the conversion: the feed text with its talks and series, or frab.too_large.
  /// `at_events` is where the events are (events_at of the result).
  void finish(nlohmann::ordered_json feed, nlohmann::ordered_json talks, const std::string& at_events);

  bool spent() const { return spent_ > limits_.max_bytes; }
  std::size_t events_seen() const { return events_seen_; }

  void error(std::string code, std::string pointer, std::string message) {
    problems_.error(std::move(code), std::move(pointer), std::move(message));
  }
  void warn(std::string code, std::string pointer, std::string message) {
    problems_.warn(std::move(code), std::move(pointer), std::move(message));
  }
  /// Locates the problems; call once, on every path out of the reader.
  void finish_problems() { problems_.finish(); }

 private:
  struct track {
    std::string id, title, source;
  };

  void charge(std::size_t bytes) { spent_ += bytes; }
  void origin(const std::string& generated, const std::string& source);
  void fail_too_large(const std::string& at_events);
  void read_lookups(const json& schedule, const json& conference);
  std::string series_for(const std::string& name, const std::string& slug, const std::string& source);
  std::string link_url(const json& url) const;

  // frab_event.cpp: one event's members.
  nlohmann::ordered_json convert_event(const json& ev, const frab_listing& listing, const std::string& at_event,
                                       const std::string& at);
  void event_id(const json& ev, const std::string& at_event, const std::string& at, nlohmann::ordered_json& t);
  void event_start(const json& ev, const frab_listing& listing, const std::string& at_event, const std::string& at,
                   nlohmann::ordered_json& t);
  void event_end(const json& ev, const std::string& at_event, const std::string& at, nlohmann::ordered_json& t);
  void event_abstract(const json& ev, const std::string& at_event, const std::string& at, nlohmann::ordered_json& t);
  void event_kind_and_series(const json& ev, const std::string& at_event, const std::string& at, nlohmann::ordered_json& t);
  void event_speakers(const json& ev, const std::string& at_event, const std::string& at, nlohmann::ordered_json& t);
  nlohmann::ordered_json speaker_of(const json& person);
  void event_location(const json& ev, const frab_listing& listing, const std::string& at_event, const std::string& at,
                      nlohmann::ordered_json& t);
  void event_links(const json& ev, const std::string& at_event, const std::string& at, nlohmann::ordered_json& t);

  const feed_limits& limits_;
  import_result& r_;
  problem_reporter problems_;
  std::vector<track> series_;
  std::map<std::string, std::size_t> series_by_name_;
  unique_names series_ids_;
  std::map<std::string, std::string> room_names_, track_names_;  // by guid, by slug
  std::map<std::string, const json*> persons_;                   // schedule.persons by guid
  std::string base_url_;  // schedule.base_url: relative media URLs resolve against it
  std::string failed_at_;  // the event that used up the budget
  std::size_t failed_room_ = 0;
  std::size_t spent_ = 0;
  std::size_t events_seen_ = 0;
};

}  // namespace talktime::detail
