// The words and date formats the HTML renderer writes, in one language. The default is
// English and gives the renderer's English output (the CLI's); the widget fills one from
// its message catalogue and the browser's Intl for the visitor's language (web/src/i18n/),
// so the core needs no locale data of its own.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/feed.hpp"

namespace talktime {

struct render_text {
  // Dates. Names in their date-context form ("März", "de março"), as Intl's formatToParts
  // gives them inside a full date; months January first, weekdays Sunday first.
  std::array<std::string, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
  std::array<std::string, 7> weekdays{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  /// A day heading: {weekday}, {day}, {month} and {year} are replaced, the rest is kept.
  std::string day_heading = "{weekday}, {day} {month} {year}";
  /// The digits 0-9 for days, years and clocks ("٠"… for Arabic-Indic numerals).
  std::array<std::string, 10> digits{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  // Clocks: "20:30", and for hour12 "8:30 PM" or "午後8:30" (the marker first).
  std::string clock_separator = ":";
  std::string am = "AM", pm = "PM";
  bool day_period_first = false;
  std::string day_period_gap = " ";  ///< between the marker and the time

  // Words. {n}, {title} and {zone} are replaced where a comment names them.
  std::string upcoming = "Upcoming", past = "Past", now = "Now";
  std::string live_now = "Live now", cancelled = "Cancelled", postponed = "Postponed", tentative = "Tentative";
  std::string time_tba = "time TBA", watch_live = "Watch live";
  std::string shift_day = "{n} day", shift_days = "{n} days";  ///< "+1 day", "−2 days" (the sign is added)
  std::string ends_next_day = "ends the next day", ends_days_later = "ends {n} days later";
  std::string other_day = "on a different day than where the event takes place";
  std::string event_zone = "{zone}, where the event takes place";
  std::string about_speakers = "About the speakers", abstract_and_speakers = "Abstract and speakers", abstract = "Abstract";
  std::string star_talk = "Star {title}", star = "Star", starred = "Starred";
  std::string add_to_calendar = "Add to calendar", download_ics = "Download .ics";
  /// A link's label by its kind ("slides" -> "Slides"); a kind not listed is shown capitalised.
  std::map<std::string, std::string, std::less<>> links{
      {"livestream", "Livestream"}, {"video", "Video"}, {"slides", "Slides"}, {"registration", "Register"},
      {"paper", "Paper"}, {"code", "Code"}, {"recording", "Recording"}, {"website", "Website"}};
  /// A talk's kind badge by its feed name ("keynote"); a kind not listed gets kind_label's English.
  std::map<std::string, std::string, std::less<>> kinds;
};

/// The renderer's words by the names the widget sends them under ("liveNow" ->
/// &render_text::live_now): one row a word, so a new word is one field and one row.
/// Implemented in src/view/render_text.cpp.
struct render_text_word {
  std::string_view name;
  std::string render_text::*field;
};
const std::vector<render_text_word>& render_text_words();

/// `pattern` with each "{key}" replaced by its value; other text is kept as it is.
///
///     talktime::fill("ends {n} days later", {{"n", "2"}});  // "ends 2 days later"
std::string fill(std::string_view pattern, const std::vector<std::pair<std::string_view, std::string>>& values);

/// A number in `text`'s digits ("28" -> "٢٨").
std::string localized_digits(std::string_view ascii_digits, const render_text& text);

}  // namespace talktime
