// The words the "when" line, parallel-session slots and breaks add to a talk, in one
// place so a message catalogue can replace them as a set (each is used once).
#pragma once

#include <string>
#include <string_view>

namespace talktime::view_text {

// Date-only events that run several days: "3–7 August 2026" and this beside it.
inline constexpr std::string_view all_day = "all day";
// A postponed talk: its old time struck through after this word, then the note.
inline constexpr std::string_view was = "was";
inline constexpr std::string_view new_date_tba = "new date to be announced";
// Where the event's own clock is: "in Chicago"; a zone with no city (Etc/GMT+5): this.
inline std::string in_place(std::string_view city) { return "in " + std::string(city); }
inline constexpr std::string_view at_the_event = "where the event is";
// The screen-reader sentence for a talk whose event time is in another zone:
// "That is 10:00 on Tuesday, 21 January 2025 in Chicago."
inline std::string event_time_sentence(std::string_view clock, std::string_view long_day, std::string_view place) {
  return "That is " + std::string(clock) + " on " + std::string(long_day) + " " + std::string(place) + ".";
}
// A time slot holding parallel sessions: "3 parallel sessions".
inline std::string parallel_sessions(std::size_t n) { return std::to_string(n) + " parallel sessions"; }

}  // namespace talktime::view_text
