// Native benchmark of the core: zone start-up, feed parse + validation + conversion,
// and query time. Prints one JSON object per feed file (median of the runs).
// parseMs/perTalkUs include building the schedule (search folding); readUsPerTalk is
// parse_feed alone (read + validate + convert), and readPeakBytesPerTalk the most heap
// it held at once (the feed it returns included; the input text not), both per talk.
// A keystroke's core time (keystrokeMs) is the query plus the first screen (12 talks)
// of the list rendered in parts, for each prefix of "memory" typed and deleted (the
// slowest of them); zoneSwitchMs the same in a zone not asked for before; partMs one
// later part of 10 talks, from where the last one ended.
// usage: talktime_bench RUNS FEED.json...
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "talktime/talktime.hpp"

// The heap in use and its peak, counted by every operator new of the program.
std::atomic<std::size_t> heap_in_use{0}, heap_peak{0};

void* operator new(std::size_t size) {
  void* p = std::malloc(size ? size : 1);
  if (!p) throw std::bad_alloc();
  auto now = heap_in_use += malloc_usable_size(p);
  if (now > heap_peak) heap_peak = now;
  return p;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  heap_in_use -= malloc_usable_size(p);
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace {

using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point t0) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// The query and the first screen of the list in parts, as the widget asks for them.
double screen_ms(const talktime::schedule& s, const std::string& text, const talktime::time_zone& zone, talktime::sys_seconds now) {
  auto t = clock_type::now();
  talktime::query q;
  q.text = text;
  auto found = s.find(q, now, zone);
  talktime::render_options options{&zone, now};
  options.order = found.order;
  talktime::list_position at;
  auto html = talktime::render_html_part(s, found.talks, 12, at, options);
  double ms = ms_since(t);
  return html.size() > 1 || found.talks.empty() ? ms : -1;
}

struct interaction_figures {
  double keystroke = 0, zone_switch = 0, part = 0;
};

interaction_figures interaction_ms(const talktime::schedule& s, talktime::sys_seconds now, int runs) {
  const char* typed[] = {"m", "me", "mem", "memo", "memor", "memory", "memor", "memo", "mem", "me", "m", ""};
  const char* zones[] = {"Asia/Kolkata", "Europe/Berlin", "Australia/Sydney", "America/Sao_Paulo", "Pacific/Auckland"};
  auto* display = talktime::locate_zone("America/New_York");
  std::vector<double> keys, switches, parts;
  for (int r = 0; r < runs; ++r) {
    double slowest = 0;
    for (const char* text : typed) slowest = std::max(slowest, screen_ms(s, text, *display, now));
    keys.push_back(slowest);
    // Each run a zone the schedule has not kept an order for (it keeps four).
    switches.push_back(screen_ms(s, "", *talktime::locate_zone(zones[r % 5]), now));
    auto found = s.find({}, now, *display);
    talktime::render_options options{display, now};
    options.order = found.order;
    talktime::list_position at;
    at.next = found.talks.size() / 2;
    auto t = clock_type::now();
    auto html = talktime::render_html_part(s, found.talks, 10, at, options);
    parts.push_back(html.empty() && !found.talks.empty() ? -1 : ms_since(t));
  }
  return {median(keys), median(switches), median(parts)};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: talktime_bench RUNS FEED.json...\n");
    return 2;
  }
  // The first lookup decodes the table's index and one zone: the zone database start-up.
  auto t0 = clock_type::now();
  auto* zone = talktime::locate_zone("America/Los_Angeles");
  auto first = zone->resolve(date::local_days{date::year{2026} / 3 / 9} + std::chrono::hours{15});
  double startup = ms_since(t0);
  if (first.instant.time_since_epoch().count() == 0) return 1;

  int runs = std::max(1, std::atoi(argv[1]));
  auto* display = talktime::locate_zone("America/New_York");
  auto now = talktime::sys_seconds{std::chrono::seconds{1798761600}};  // 2027-01-01
  for (int f = 2; f < argc; ++f) {
    std::ifstream in(argv[f], std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    std::vector<double> parse_ms, read_ms, query_ms, render_ms;
    std::size_t talks = 0, read_peak = 0;
    talktime::feed_limits limits;
    limits.max_bytes = 1u << 30;
    for (int r = 0; r < runs; ++r) {
      auto before = heap_in_use.load();
      heap_peak = before;
      auto t = clock_type::now();
      auto read = talktime::parse_feed(text, limits);
      read_ms.push_back(ms_since(t));
      read_peak = heap_peak - before;
      if (!read.feed) return 1;
    }
    for (int r = 0; r < runs; ++r) {
      auto t = clock_type::now();
      auto result = talktime::parse_feed(text, limits);
      talktime::schedule s(std::move(*result.feed));
      parse_ms.push_back(ms_since(t));
      talks = s.feed().talks.size();
      talktime::query q;
      q.text = "memory";
      t = clock_type::now();
      auto found = s.find(q, now, *display);
      query_ms.push_back(ms_since(t));
      t = clock_type::now();
      std::vector<std::size_t> page(found.talks.begin(), found.talks.begin() + std::min<std::size_t>(60, found.talks.size()));
      auto html = talktime::render_html(s, page, {display, now});
      render_ms.push_back(ms_since(t));
      if (html.empty() && !page.empty()) return 1;
    }
    double per_talk = talks ? 1.0 / double(talks) : 0.0;
    auto result = talktime::parse_feed(text, limits);
    talktime::schedule s(std::move(*result.feed));
    auto keys = interaction_ms(s, now, runs);
    std::printf("{\"file\":\"%s\",\"talks\":%zu,\"zoneStartupMs\":%.3f,\"parseMs\":%.3f,\"perTalkUs\":%.3f,"
                "\"readUsPerTalk\":%.3f,\"readPeakBytesPerTalk\":%.0f,\"feedBytesPerTalk\":%.0f,\"queryMs\":%.3f,"
                "\"renderPageMs\":%.3f,\"keystrokeMs\":%.3f,\"zoneSwitchMs\":%.3f,\"partMs\":%.3f}\n",
                argv[f], talks, startup, median(parse_ms), median(parse_ms) * 1000 * per_talk,
                median(read_ms) * 1000 * per_talk, double(read_peak) * per_talk, double(text.size()) * per_talk,
                median(query_ms), median(render_ms), keys.keystroke, keys.zone_switch, keys.part);
  }
}
