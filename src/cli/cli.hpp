// What the command-line tool's files share: its options, exit codes and the
// feed loading that ics and render have in common (talktime_cli.cpp), and the
// render command (render_command.cpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "talktime/talktime.hpp"

namespace talktime_cli {

constexpr int exit_ok = 0, exit_errors = 1, exit_usage = 2;

/// A mistake in the command line: printed with a hint, exit status 2.
struct usage_error {
  std::string message;
};

struct options {
  std::string command;
  std::vector<std::string> feeds;
  std::optional<talktime::feed_format> from;
  std::optional<talktime::sys_seconds> now;
  /// --from DATE / --to DATE: the window recurring iCalendar events are expanded in.
  std::optional<talktime::sys_seconds> window_from, window_to;
  std::string series, timezone;
  std::optional<talktime::show_filter> show;
  bool hour12 = false;
  bool fragment = false;  ///< render: an HTML fragment (the widget's fallback), not a page
  std::string previous;   ///< ics: the calendar published before, for SEQUENCE ("" for none)
  std::optional<std::chrono::minutes> refresh_interval;  ///< ics: --refresh-interval (0: none)
};

/// --refresh-interval's value: "12h", "90m", "1d", or "none" (0).
std::chrono::minutes parse_refresh_interval(const std::string& text);

/// The bytes of a file, or of standard input for "-"; nullopt with a message printed.
std::optional<std::string> read_feed(const std::string& name);
/// One problem line: FILE:LINE:COLUMN: error|warning: [code] /pointer: message
void print_diagnostic(std::ostream& out, const std::string& file, const talktime::diagnostic& d);

/// The feeds of ics/render as one (merged when there are several); nullopt when none
/// loaded. Problems go to standard error; `status` becomes 1 on errors, 2 on an unreadable file.
std::optional<talktime::feed> one_feed(const options& o, int& status);
/// --now, or the clock.
talktime::sys_seconds now_of(const options& o);
/// Checks --series against the feed (a usage_error names the series it has); the talks it selects.
std::vector<std::size_t> selected_talks(const talktime::feed& f, const std::string& series);

/// `talktime ics`: the calendar, with the properties subscribers need and SEQUENCE from --previous.
int run_ics(const options& o);

/// `talktime render`: a static page, or with --fragment the fallback to paste into the widget's element.
int run_render(const options& o);

}  // namespace talktime_cli
