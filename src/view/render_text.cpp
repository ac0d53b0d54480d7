// The renderer's words by name (include/talktime/render_text.hpp), and the small text
// operations every language needs: placeholders and digits.
#include "talktime/render_text.hpp"

namespace talktime {

const std::vector<render_text_word>& render_text_words() {
  static const std::vector<render_text_word> words = {
      {"upcoming", &render_text::upcoming},
      {"past", &render_text::past},
      {"now", &render_text::now},
      {"liveNow", &render_text::live_now},
      {"cancelled", &render_text::cancelled},
      {"postponed", &render_text::postponed},
      {"tentative", &render_text::tentative},
      {"timeTba", &render_text::time_tba},
      {"watchLive", &render_text::watch_live},
      {"shiftDay", &render_text::shift_day},
      {"shiftDays", &render_text::shift_days},
      {"endsNextDay", &render_text::ends_next_day},
      {"endsDaysLater", &render_text::ends_days_later},
      {"otherDay", &render_text::other_day},
      {"eventZone", &render_text::event_zone},
      {"aboutSpeakers", &render_text::about_speakers},
      {"abstractAndSpeakers", &render_text::abstract_and_speakers},
      {"abstract", &render_text::abstract},
      {"starTalk", &render_text::star_talk},
      {"star", &render_text::star},
      {"starred", &render_text::starred},
      {"addToCalendar", &render_text::add_to_calendar},
      {"downloadIcs", &render_text::download_ics},
      {"dayHeading", &render_text::day_heading},
      {"clockSeparator", &render_text::clock_separator},
      {"am", &render_text::am},
      {"pm", &render_text::pm},
      {"dayPeriodGap", &render_text::day_period_gap},
  };
  return words;
}

std::string fill(std::string_view pattern, const std::vector<std::pair<std::string_view, std::string>>& values) {
  std::string out;
  std::size_t at = 0;
  while (at < pattern.size()) {
    bool replaced = false;
    if (pattern[at] == '{') {
      for (const auto& [key, value] : values) {
        if (pattern.compare(at + 1, key.size(), key) == 0 && pattern.substr(at + 1 + key.size(), 1) == "}") {
          out += value;
          at += key.size() + 2;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += pattern[at++];
  }
  return out;
}

std::string localized_digits(std::string_view ascii_digits, const render_text& text) {
  std::string out;
  for (char c : ascii_digits) {
    if (c >= '0' && c <= '9') out += text.digits[std::size_t(c - '0')];
    else out += c;
  }
  return out;
}

}  // namespace talktime
