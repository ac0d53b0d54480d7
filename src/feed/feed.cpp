// The feed model (include/talktime/feed.hpp); the parser is feed_parser.cpp.
#include "talktime/feed.hpp"

namespace talktime {

std::string_view to_string(talk_kind kind) {
  static constexpr std::string_view names[] = {"talk",     "keynote", "invited", "contributed",
                                               "panel",    "poster",  "tutorial", "break",
                                               "social",   "opening", "closing",  "other"};
  return names[static_cast<int>(kind)];
}

std::string_view to_string(talk_status status) {
  static constexpr std::string_view names[] = {"scheduled", "cancelled", "postponed", "tentative"};
  return names[static_cast<int>(status)];
}

const series_info* feed::find_series(std::string_view id) const {
  for (const auto& s : series)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace talktime
