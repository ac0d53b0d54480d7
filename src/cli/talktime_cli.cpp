// talktime: the command-line tool. Checks feeds, exports calendars, renders
// static pages and converts other formats, with the same core as the widget.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "talktime/talktime.hpp"

namespace talktime_cli {
namespace {

constexpr const char* usage_text = R"(usage: talktime COMMAND [OPTIONS] FEED...

Commands:
  check FEED...           report the errors and warnings of each feed
  ics FEED...             write an iCalendar (RFC 5545) file to standard output
  render FEED...          write a static HTML page of the schedule to standard output;
                          with --fragment, the programme as HTML to paste into the
                          widget's element (shown without JavaScript or on errors)
  convert FEED            write the feed as talktime v1 JSON to standard output
  jsonld FEED...          write the talks as schema.org Event JSON-LD to standard output,
                          for a <script type="application/ld+json"> in a static page

Options:
  --from FORMAT           input format: talktime, frab (also pretalx and C3VOC
                          schedule2) or ics (default: detected)
  --now ISO               the current time, e.g. 2024-05-02T09:00:00Z (default: the
                          clock); ics: DTSTAMP; render: upcoming, live and past;
                          recurring iCalendar events: the import window
  --from DATE, --to DATE  the window recurring iCalendar events are expanded in,
                          e.g. --from 2026-01-01 --to 2026-07-01 (a date is 00:00
                          UTC; a date-time needs Z or an offset); default: a year
                          before --now to two years after it
  --series ID             ics, render, jsonld: only the talks of this series
                          (cancelled talks stay in the calendar, marked
                          STATUS:CANCELLED)
  --previous FILE         ics: the calendar published last time; a talk that
                          changed since gets SEQUENCE one higher than there
  --refresh-interval T    ics: how often subscribed apps fetch the calendar again,
                          e.g. 6h, 90m, 1d, or none (default: 12h)
  --timezone ZONE         render: the IANA zone to show times in (required, except
                          with --fragment: then the feed's zone by default)
  --fragment              render: no page around the programme, no styles, no script
  --hour12                render: 8:30 PM instead of 20:30
  --show WHICH            render: upcoming, past or all (default: all)
  -h, --help              show this help
  --version               show the version and the tz database release

FEED is a file name, or - for standard input. Several feeds given to ics,
render or jsonld are merged into one schedule. Problems are printed as
  FILE:LINE:COLUMN: error|warning: [code] /json/pointer: message
(to standard output by check, to standard error by the other commands); the
/json/pointer part only for JSON input, 1:1 for a problem about a whole file.

Exit status: 0 when no errors were found (warnings are fine), 1 when a feed has
errors, 2 for a usage error or a file that cannot be read.
)";

talktime::sys_seconds parse_now(const std::string& text, const std::string& option = "--now") {
  std::string problem;
  auto instant = talktime::parse_instant(text, problem);
  if (instant) return *instant;
  if (!problem.empty()) throw usage_error{option + ": " + problem};
  throw usage_error{option + " needs a date-time with Z or an offset, e.g. 2024-05-02T09:00:00Z"};
}

// --from and --to of the import window: a date (00:00 UTC) or an instant.
talktime::sys_seconds parse_window_edge(const std::string& text, const std::string& option) {
  if (text.size() == 10) return parse_now(text + "T00:00:00Z", option);
  return parse_now(text, option);
}

options parse_arguments(int argc, char** argv) {
  options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i], value;
    bool has_value = false;
    if (arg.rfind("--", 0) == 0) {
      if (auto eq = arg.find('='); eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
        has_value = true;
      }
    }
    auto take_value = [&]() -> std::string {
      if (has_value) return value;
      if (i + 1 >= args.size()) throw usage_error{arg + " needs a value"};
      return args[++i];
    };
    if (arg == "-h" || arg == "--help") {
      o.command = "help";
      return o;
    } else if (arg == "--version") {
      o.command = "version";
      return o;
    } else if (arg == "--from") {
      auto f = take_value();
      if (!f.empty() && f[0] >= '0' && f[0] <= '9') {  // a date: where the import window begins
        o.window_from = parse_window_edge(f, "--from");
        continue;
      }
      o.from = talktime::parse_feed_format(f);
      if (!o.from) throw usage_error{"--from: unknown format \"" + f + "\" (talktime, frab or ics)"};
    } else if (arg == "--to") {
      o.window_to = parse_window_edge(take_value(), "--to");
    } else if (arg == "--now") {
      o.now = parse_now(take_value());
    } else if (arg == "--series") {
      o.series = take_value();
    } else if (arg == "--previous") {
      o.previous = take_value();
      if (o.previous.empty()) throw usage_error{"--previous needs a file name"};
    } else if (arg == "--refresh-interval") {
      o.refresh_interval = parse_refresh_interval(take_value());
    } else if (arg == "--timezone") {
      o.timezone = take_value();
    } else if (arg == "--show") {
      auto show = take_value();
      o.show = talktime::parse_show_filter(show);
      if (!o.show) throw usage_error{"--show: \"" + show + "\" is not upcoming, past or all"};
    } else if (arg == "--hour12" || arg == "--fragment") {
      if (has_value) throw usage_error{arg + " takes no value"};
      (arg == "--hour12" ? o.hour12 : o.fragment) = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      throw usage_error{"unknown option " + arg};
    } else if (o.command.empty()) {
      o.command = arg;
    } else {
      o.feeds.push_back(arg);
    }
  }
  if (o.command.empty()) throw usage_error{"no command given"};
  if (o.command == "help" || o.command == "version") return o;
  if (o.command != "check" && o.command != "ics" && o.command != "render" && o.command != "convert" &&
      o.command != "jsonld")
    throw usage_error{"unknown command \"" + o.command + "\""};
  if (o.feeds.empty()) throw usage_error{o.command + " needs a FEED"};
  if (o.window_from && o.window_to && *o.window_to <= *o.window_from) throw usage_error{"--to must be after --from"};
  if (o.command == "convert" && o.feeds.size() > 1) throw usage_error{"convert takes one FEED"};
  if (o.command == "render" && o.timezone.empty() && !o.fragment) throw usage_error{"render needs --timezone ZONE"};
  if (o.fragment && o.command != "render") throw usage_error{"--fragment is for render"};
  if ((!o.previous.empty() || o.refresh_interval) && o.command != "ics")
    throw usage_error{"--previous and --refresh-interval are for ics"};
  for (const auto& feed : o.feeds)
    if (o.previous == "-" && feed == "-") throw usage_error{"--previous - and a FEED - cannot both read standard input"};
  bool filters = !o.series.empty();
  if (filters && o.command != "ics" && o.command != "render" && o.command != "jsonld")
    throw usage_error{"--series is for ics, render and jsonld"};
  if ((!o.timezone.empty() || o.hour12 || o.show.value_or(talktime::show_filter::all) != talktime::show_filter::all) &&
      o.command != "render")
    throw usage_error{"--timezone, --hour12 and --show are for render"};
  return o;
}

}  // namespace

std::optional<std::string> read_feed(const std::string& name) {
  std::FILE* file = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
  if (!file) {
    std::cerr << "talktime: cannot read \"" << name << "\": " << std::strerror(errno) << "\n";
    return std::nullopt;
  }
  std::string text;
  char buffer[65536];
  std::size_t n;
  errno = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  bool failed = std::ferror(file) != 0;
  int error = errno;
  if (file != stdin) std::fclose(file);
  if (failed) {
    std::cerr << "talktime: cannot read \"" << name << "\": " << std::strerror(error) << "\n";
    return std::nullopt;
  }
  return text;
}

// The one format of every problem line (README, "Command line"; a CI problem
// matcher relies on it): FILE:LINE:COLUMN: error|warning: [code] /pointer: message.
// A problem about the whole file, which has no place of its own, is at 1:1.
void print_diagnostic(std::ostream& out, const std::string& file, const talktime::diagnostic& d) {
  out << file << ":" << (d.line > 0 ? d.line : 1) << ":" << (d.line > 0 && d.column > 0 ? d.column : 1);
  out << ": " << (d.level == talktime::severity::error ? "error" : "warning") << ": [" << d.code << "] ";
  if (!d.pointer.empty()) out << d.pointer << ": ";
  out << d.message << "\n";
}

// The import window of recurring calendar events: --from/--to, around --now or the clock.
talktime::import_options import_options_of(const options& o) {
  talktime::import_options import;
  import.now = now_of(o);
  import.from = o.window_from;
  import.to = o.window_to;
  return import;
}

namespace {

std::string shown_name(const std::string& name) { return name == "-" ? "<stdin>" : name; }

struct loaded {
  std::string name;
  std::string text;  // kept to locate the merge's problems in it
  talktime::parse_result result;
};

// Reads and parses every feed, printing problems; nullopt when a file cannot be read.
std::optional<std::vector<loaded>> load_all(const options& o, std::ostream& problems) {
  std::vector<loaded> feeds;
  for (const auto& name : o.feeds) {
    auto text = read_feed(name);
    if (!text) return std::nullopt;
    auto result = talktime::parse_any_feed(*text, o.from.value_or(talktime::feed_format::detect), {}, import_options_of(o));
    for (const auto& d : result.diagnostics) print_diagnostic(problems, shown_name(name), d);
    feeds.push_back({name, std::move(*text), std::move(result)});
  }
  return feeds;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

int run_check(const options& o) {
  bool errors = false, unreadable = false;
  for (const auto& name : o.feeds) {
    auto text = read_feed(name);
    if (!text) {
      unreadable = true;
      continue;
    }
    auto result = talktime::parse_any_feed(*text, o.from.value_or(talktime::feed_format::detect), {}, import_options_of(o));
    std::string shown = shown_name(name);
    std::size_t error_count = 0, warning_count = 0;
    for (const auto& d : result.diagnostics) {
      print_diagnostic(std::cout, shown, d);
      (d.level == talktime::severity::error ? error_count : warning_count) += 1;
    }
    errors = errors || error_count > 0;
    std::cout << shown << ": ";
    if (!result.feed) std::cout << "not loaded";
    else std::cout << plural(result.feed->talks.size(), "talk", "talks");
    if (error_count == 0 && warning_count == 0) std::cout << ", no problems\n";
    else std::cout << ", " << plural(error_count, "error", "errors") << ", " << plural(warning_count, "warning", "warnings") << "\n";
  }
  return unreadable ? exit_usage : errors ? exit_errors : exit_ok;
}

}  // namespace

std::optional<talktime::feed> one_feed(const options& o, int& status) {
  auto feeds = load_all(o, std::cerr);
  if (!feeds) {
    status = exit_usage;
    return std::nullopt;
  }
  std::vector<talktime::feed_source> sources;
  for (auto& f : *feeds) {
    if (talktime::has_errors(f.result.diagnostics)) status = exit_errors;
    if (f.result.feed) sources.push_back({f.name, std::move(*f.result.feed)});
  }
  if (sources.empty()) return std::nullopt;
  if (sources.size() == 1) return std::move(sources[0].feed);
  auto merged = talktime::merge_feeds(std::move(sources));
  // Each merge problem is about one feed: printed with its file and the talk's (or series') place there.
  for (const auto& f : *feeds) {
    std::vector<talktime::diagnostic> about;
    for (const auto& d : merged.diagnostics)
      if (d.source == f.name) about.push_back(d);
    if (about.empty()) continue;
    talktime::locate_feed_pointers(f.text, o.from.value_or(talktime::feed_format::detect), about);
    for (const auto& d : about) print_diagnostic(std::cerr, shown_name(f.name), d);
  }
  return std::move(*merged.feed);
}

talktime::sys_seconds now_of(const options& o) {
  if (o.now) return *o.now;
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::vector<std::size_t> selected_talks(const talktime::feed& f, const std::string& series) {
  std::vector<std::size_t> talks;
  bool known = series.empty() || f.find_series(series);
  for (std::size_t i = 0; i < f.talks.size(); ++i) {
    if (!series.empty() && f.talks[i].series != series) continue;
    known = true;
    talks.push_back(i);
  }
  if (!known) {
    std::string list;
    for (const auto& s : f.series) list += (list.empty() ? "" : ", ") + s.id;
    throw usage_error{"unknown series \"" + series + "\"" + (list.empty() ? " (the feed declares none)" : " (the feed has: " + list + ")")};
  }
  return talks;
}

namespace {

// Breaks are left out (to_json_ld); the text can stand inside a <script> element as it is.
int run_jsonld(const options& o) {
  int status = exit_ok;
  auto f = one_feed(o, status);
  if (!f) return status == exit_ok ? exit_errors : status;
  std::cout << talktime::to_json_ld(*f, selected_talks(*f, o.series)) << "\n";
  return status;
}

int run_convert(const options& o) {
  auto feeds = load_all(o, std::cerr);
  if (!feeds) return exit_usage;
  auto& result = (*feeds)[0].result;
  if (!result.feed) return exit_errors;
  std::cout << talktime::to_feed_json(*result.feed);
  return talktime::has_errors(result.diagnostics) ? exit_errors : exit_ok;
}

}  // namespace
}  // namespace talktime_cli

int main(int argc, char** argv) {
  using namespace talktime_cli;
  std::ios::sync_with_stdio(false);
  try {
    auto o = parse_arguments(argc, argv);
    if (o.command == "help") {
      std::cout << usage_text;
      return exit_ok;
    }
    if (o.command == "version") {
      std::cout << "talktime " << talktime::version() << " (tz database " << talktime::tz_database_version() << ")\n";
      return exit_ok;
    }
    if (o.command == "check") return run_check(o);
    if (o.command == "ics") return run_ics(o);
    if (o.command == "render") return run_render(o);
    if (o.command == "jsonld") return run_jsonld(o);
    return run_convert(o);
  } catch (const usage_error& e) {
    std::cout.flush();
    std::cerr << "talktime: " << e.message << "\n(talktime --help shows how to use it)\n";
    return exit_usage;
  } catch (const std::exception& e) {  // not expected: the core reports problems as diagnostics
    std::cout.flush();
    std::cerr << "talktime: internal error: " << e.what() << "\n";
    return exit_usage;
  }
}
