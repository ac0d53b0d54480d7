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

#include "talktime/talktime.hpp"

namespace {

constexpr int exit_ok = 0, exit_errors = 1, exit_usage = 2;

constexpr const char* usage_text = R"(usage: talktime COMMAND [OPTIONS] FEED...

Commands:
  check FEED...           report the errors and warnings of each feed
  ics FEED...             write an iCalendar (RFC 5545) file to standard output
  render FEED...          write a static HTML page of the schedule to standard output
  convert FEED            write the feed as talktime v1 JSON to standard output

Options:
  --from FORMAT           input format: talktime, frab or ics (default: detected)
  --now ISO               the current time, e.g. 2024-05-02T09:00:00Z (default: the
                          clock); ics: DTSTAMP; render: upcoming, live and past
  --series ID             ics, render: only the talks of this series
  --timezone ZONE         render (required): the IANA zone to show times in
  --hour12                render: 8:30 PM instead of 20:30
  --show WHICH            render: upcoming, past or all (default: all)
  -h, --help              show this help
  --version               show the version and the tz database release

FEED is a file name, or - for standard input. Several feeds given to ics or
render are merged into one schedule. Problems are printed as
  FILE:LINE:COLUMN: error|warning: [code] /json/pointer: message
(to standard output by check, to standard error by the other commands).

Exit status: 0 when no errors were found (warnings are fine), 1 when a feed has
errors, 2 for a usage error or a file that cannot be read.
)";

struct usage_error {
  std::string message;
};

struct options {
  std::string command;
  std::vector<std::string> feeds;
  std::optional<talktime::feed_format> from;
  std::optional<talktime::sys_seconds> now;
  std::string series, timezone;
  std::optional<talktime::show_filter> show;
  bool hour12 = false;
};

talktime::sys_seconds parse_now(const std::string& text) {
  std::string problem;
  auto instant = talktime::parse_instant(text, problem);
  if (instant) return *instant;
  if (!problem.empty()) throw usage_error{"--now: " + problem};
  throw usage_error{"--now needs a date-time with Z or an offset, e.g. 2024-05-02T09:00:00Z"};
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
      o.from = talktime::parse_feed_format(f);
      if (!o.from) throw usage_error{"--from: unknown format \"" + f + "\" (talktime, frab or ics)"};
    } else if (arg == "--now") {
      o.now = parse_now(take_value());
    } else if (arg == "--series") {
      o.series = take_value();
    } else if (arg == "--timezone") {
      o.timezone = take_value();
    } else if (arg == "--show") {
      auto show = take_value();
      o.show = talktime::parse_show_filter(show);
      if (!o.show) throw usage_error{"--show: \"" + show + "\" is not upcoming, past or all"};
    } else if (arg == "--hour12") {
      if (has_value) throw usage_error{"--hour12 takes no value"};
      o.hour12 = true;
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
  if (o.command != "check" && o.command != "ics" && o.command != "render" && o.command != "convert")
    throw usage_error{"unknown command \"" + o.command + "\""};
  if (o.feeds.empty()) throw usage_error{o.command + " needs a FEED"};
  if (o.command == "convert" && o.feeds.size() > 1) throw usage_error{"convert takes one FEED"};
  if (o.command == "render" && o.timezone.empty()) throw usage_error{"render needs --timezone ZONE"};
  bool filters = !o.series.empty();
  if (filters && o.command != "ics" && o.command != "render") throw usage_error{"--series is for ics and render"};
  if ((!o.timezone.empty() || o.hour12 || o.show.value_or(talktime::show_filter::all) != talktime::show_filter::all) &&
      o.command != "render")
    throw usage_error{"--timezone, --hour12 and --show are for render"};
  return o;
}

// The bytes of a file, or of standard input for "-"; nullopt with a message printed.
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

void print_diagnostic(std::ostream& out, const std::string& file, const talktime::diagnostic& d) {
  out << file;
  if (d.line > 0) out << ":" << d.line << ":" << d.column;
  out << ": " << (d.level == talktime::severity::error ? "error" : "warning") << ": [" << d.code << "] ";
  if (!d.pointer.empty()) out << d.pointer << ": ";
  out << d.message << "\n";
}

struct loaded {
  std::string name;
  talktime::parse_result result;
};

// Reads and parses every feed, printing problems; nullopt when a file cannot be read.
std::optional<std::vector<loaded>> load_all(const options& o, std::ostream& problems) {
  std::vector<loaded> feeds;
  for (const auto& name : o.feeds) {
    auto text = read_feed(name);
    if (!text) return std::nullopt;
    auto result = talktime::parse_any_feed(*text, o.from.value_or(talktime::feed_format::detect));
    for (const auto& d : result.diagnostics) print_diagnostic(problems, name == "-" ? "<stdin>" : name, d);
    feeds.push_back({name, std::move(result)});
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
    auto result = talktime::parse_any_feed(*text, o.from.value_or(talktime::feed_format::detect));
    std::string shown = name == "-" ? "<stdin>" : name;
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

// The feeds of ics/render as one (merged when there are several); exit status via `status`.
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
  for (const auto& d : merged.diagnostics) print_diagnostic(std::cerr, "talktime", d);
  return std::move(*merged.feed);
}

talktime::sys_seconds now_of(const options& o) {
  if (o.now) return *o.now;
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// Checks --series against the feed; the talks it selects.
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

int run_ics(const options& o) {
  int status = exit_ok;
  auto f = one_feed(o, status);
  if (!f) return status == exit_ok ? exit_errors : status;
  auto talks = selected_talks(*f, o.series);
  std::cout << talktime::to_ics(*f, talks, now_of(o));
  return status;
}

constexpr const char* page_style = R"(
:root { color-scheme: light dark; --text: #1b1b1f; --muted: #55555f; --background: #ffffff; --card: #f6f6f8;
  --border: #d4d4da; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) {
  :root { --text: #ececf1; --muted: #b4b4be; --background: #15151a; --card: #202027; --border: #3a3a44; --accent: #8ab4f8; }
}
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--background); }
main { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; color: var(--muted); }
h4 { font-size: 1.1rem; margin: .25rem 0; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.tt-zone-note, .tt-meta, .tt-affiliation, .tt-event-time { color: var(--muted); }
.tt-talks, .tt-speakers, .tt-links { list-style: none; margin: 0; padding: 0; }
.tt-card { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: .75rem 1rem; margin: .5rem 0; }
.tt-when, .tt-meta { margin: 0; font-size: .95rem; }
.tt-links li, .tt-tag { display: inline-block; margin-right: .75rem; }
.tt-badge { font-size: .8rem; font-weight: 600; padding: 0 .4rem; border: 1px solid currentColor; border-radius: 4px; }
.tt-talk[data-status="cancelled"] .tt-title { text-decoration: line-through; }
.tt-talk[data-kind="break"] .tt-card { background: transparent; }
.tt-now { list-style: none; display: flex; align-items: center; gap: .5rem; margin: .5rem 0; color: #c62828; font-weight: 600; }
.tt-now::after { content: ""; flex: 1; border-top: 2px solid currentColor; }
.tt-photo { border-radius: 50%; vertical-align: middle; margin-right: .5rem; }
)";

int run_render(const options& o) {
  const talktime::time_zone* zone = talktime::locate_zone(o.timezone);
  if (!zone) throw usage_error{"unknown time zone \"" + o.timezone + "\" (use an IANA name such as Europe/Berlin)"};
  int status = exit_ok;
  auto f = one_feed(o, status);
  if (!f) return status == exit_ok ? exit_errors : status;
  selected_talks(*f, o.series);  // rejects an unknown series
  auto now = now_of(o);
  talktime::schedule s(std::move(*f));
  talktime::query q;
  q.series = o.series;
  q.show = o.show.value_or(talktime::show_filter::all);
  auto found = s.find(q, now, *zone);
  talktime::render_options ro;
  ro.display_zone = zone;
  ro.now = now;
  ro.hour12 = o.hour12;
  ro.order = found.order;

  const auto& feed = s.feed();
  std::string title = feed.title.empty() ? "Schedule" : feed.title;
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"talktime\">\n<title>";
  page += talktime::escape_html(title);
  page += "</title>\n<style>";
  page += page_style;
  page += "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>";
  page += talktime::escape_html(title);
  page += "</h1>\n";
  page += talktime::html_paragraphs(feed.description, "tt-description");
  auto offset = zone->offset_at(now);
  auto local_now = talktime::local_seconds{now.time_since_epoch() + offset.utc_offset};
  page += "<p class=\"tt-zone-note\">Times are in ";
  page += talktime::escape_html(zone->name());
  page += " time (";
  page += talktime::escape_html(talktime::zone_label(offset));
  page += "). Schedule as of <time datetime=\"" + talktime::format_iso_utc(now) + "\">";
  page += talktime::escape_html(
      talktime::format_day_heading(date::floor<date::days>(talktime::sys_seconds{local_now.time_since_epoch()})) +
                ", " + talktime::format_clock(local_now, o.hour12));
  page += "</time>.</p>\n</header>\n";
  if (found.talks.empty()) page += "<p class=\"tt-empty\">No talks.</p>\n";
  else page += talktime::render_html(s, found.talks, ro) + "\n";
  page += "</main>\n</body>\n</html>\n";
  std::cout << page;
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

int main(int argc, char** argv) {
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
