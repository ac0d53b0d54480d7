// `talktime ics`: the calendar a site publishes for download and subscription,
// with SEQUENCE numbers worked out from the calendar it published before.
#include <iostream>
#include <string>

#include "cli/cli.hpp"
#include "talktime/talktime.hpp"

namespace talktime_cli {

constexpr std::chrono::minutes default_refresh_interval{12 * 60};

std::chrono::minutes parse_refresh_interval(const std::string& text) {
  if (text == "none") return std::chrono::minutes{0};
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  std::string unit = text.substr(digits);
  if (digits == 0 || digits > 6 || (unit != "m" && unit != "h" && unit != "d"))
    throw usage_error{"--refresh-interval: \"" + text + "\" is not a number of minutes, hours or days "
                      "such as 90m, 12h, 1d (or none)"};
  long count = std::stol(text.substr(0, digits));
  long minutes = unit == "m" ? count : unit == "h" ? count * 60 : count * 24 * 60;
  if (minutes == 0) throw usage_error{"--refresh-interval must be longer than 0 (none leaves it out)"};
  return std::chrono::minutes{minutes};
}

int run_ics(const options& o) {
  int status = exit_ok;
  std::string previous;
  if (!o.previous.empty()) {
    auto text = read_feed(o.previous);
    if (!text) return exit_usage;
    previous = std::move(*text);
  }
  auto f = one_feed(o, status);
  if (!f) return status == exit_ok ? exit_errors : status;
  talktime::ics_options ics;
  ics.refresh_interval = o.refresh_interval.value_or(default_refresh_interval);
  auto calendar = talktime::to_ics(*f, selected_talks(*f, o.series), now_of(o), ics);
  auto published = talktime::sequence_events(calendar, previous);
  for (const auto& d : published.diagnostics) print_diagnostic(std::cerr, o.previous, d);
  if (talktime::has_errors(published.diagnostics)) status = exit_errors;
  std::cout << published.text;
  return status;
}

}  // namespace talktime_cli
