// Hostile calendars (issue 15, SECURITY.md): iCalendar files within the size limit
// that used to cost memory or time far beyond their size. Time is checked as growth
// from n to 8n (tests/unit/growth.hpp); memory as the peak a child process reaches
// while importing, against the size of its input.
#include <gtest/gtest.h>

#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <string>

#include "growth.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"

namespace {

using namespace talktime;
using test_support::growth_from_n_to_8n;
using test_support::linear_growth_limit;

std::string calendar_around(const std::string& inside_event, const std::string& after_event = "") {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240502T100000Z\r\n" + inside_event +
         "END:VEVENT\r\n" + after_event + "END:VCALENDAR\r\n";
}

// n lines "X:" after the event (issue 15: 16 MiB of them grew wasm memory to 427 MB).
std::string calendar_with_blank_properties(int n) {
  std::string lines;
  for (int i = 0; i < n; ++i) lines += "X:\r\n";
  return calendar_around("SUMMARY:A\r\n", lines);
}

// One SUMMARY of n control bytes (issue 15: 16 MiB took 490 MB and 12.5 s, each
// byte written back as \u0001).
std::string calendar_with_control_bytes(int n) {
  return calendar_around("SUMMARY:A" + std::string(std::size_t(n), '\x01') + "\r\n");
}

// One CATEGORIES line of n distinct values (issue 15: 100,000 took 14.4 s).
std::string calendar_with_many_categories(int n) {
  std::string line = "CATEGORIES:";
  for (int i = 0; i < n; ++i) line += (i ? ",t" : "t") + std::to_string(i);
  return calendar_around("SUMMARY:A\r\n" + line + "\r\n");
}

#if defined(__SANITIZE_ADDRESS__)
#define TALKTIME_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TALKTIME_UNDER_ASAN 1
#endif
#endif

// How much the peak resident memory of a fresh child process grows while it loads
// `text` (already in memory) as a calendar, in bytes; -1 when it could not be measured.
long peak_growth_while_loading(const std::string& text) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) return -1;
  pid_t child = fork();
  if (child == 0) {
    malloc_trim(0);  // memory freed earlier is given back, so reusing it counts too
    rusage before{}, after{};
    getrusage(RUSAGE_SELF, &before);
    auto result = parse_any_feed(text, feed_format::ical);
    getrusage(RUSAGE_SELF, &after);
    long grown = result.feed ? (after.ru_maxrss - before.ru_maxrss) * 1024L : -1;
    (void)!write(pipe_ends[1], &grown, sizeof grown);
    _exit(0);
  }
  close(pipe_ends[1]);
  long grown = -1;
  if (read(pipe_ends[0], &grown, sizeof grown) != sizeof grown) grown = -1;
  close(pipe_ends[0]);
  waitpid(child, nullptr, 0);
  return grown;
}

// The target of issue 15: peak memory a small multiple of the input. The child's
// peak before loading already includes the text; what loading adds is measured.
// First in this file, so that the process is still small when it forks.
TEST(HostileCalendars, PeakMemoryStaysASmallMultipleOfTheInput) {
#ifdef TALKTIME_UNDER_ASAN
  GTEST_SKIP() << "AddressSanitizer's shadow memory and quarantine make resident memory meaningless here";
#endif
  const int bytes = 8 << 20;
  for (auto [name, text] : {std::pair<const char*, std::string>{"blank properties", calendar_with_blank_properties(bytes / 4)},
                            {"control bytes", calendar_with_control_bytes(bytes)}}) {
    auto grown = peak_growth_while_loading(text);
    ASSERT_GE(grown, 0) << name;
    std::printf("%s: %zu bytes of calendar, peak grew by %ld bytes\n", name, text.size(), grown);
    EXPECT_LT(double(grown), 3.0 * double(text.size())) << name;
  }
}

TEST(HostileCalendars, OtherPropertiesAreSkippedAndControlBytesRemoved) {
  auto blank = parse_any_feed(calendar_with_blank_properties(5), feed_format::ical);
  ASSERT_TRUE(blank.feed);
  ASSERT_EQ(blank.feed->talks.size(), 1u);
  EXPECT_TRUE(blank.diagnostics.empty());

  auto controls = parse_any_feed(calendar_with_control_bytes(3), feed_format::ical);
  ASSERT_TRUE(controls.feed);
  ASSERT_EQ(controls.feed->talks.size(), 1u);
  EXPECT_EQ(controls.feed->talks[0].title, "A");
  ASSERT_EQ(controls.diagnostics.size(), 1u);
  EXPECT_EQ(controls.diagnostics[0].to_string(),
            "[ics.control_characters] line 6, column 1: 3 control characters removed (the first in the line that "
            "starts here); iCalendar text does not allow them");

  auto tags = parse_any_feed(calendar_with_many_categories(3), feed_format::ical);
  ASSERT_TRUE(tags.feed);
  EXPECT_EQ(tags.feed->talks.at(0).tags, (std::vector<std::string>{"t0", "t1", "t2"}));
}

TEST(HostileCalendars, ImportTimeGrowsLinearly) {
  std::function<void(const std::string&)> load = [](const std::string& text) {
    EXPECT_TRUE(parse_any_feed(text, feed_format::ical).feed);
  };
  std::function<std::string(int)> blank = calendar_with_blank_properties;
  EXPECT_LT(growth_from_n_to_8n(20000, blank, load), linear_growth_limit) << "lines of other properties";
  std::function<std::string(int)> controls = calendar_with_control_bytes;
  EXPECT_LT(growth_from_n_to_8n(100000, controls, load), linear_growth_limit) << "control bytes";
  std::function<std::string(int)> categories = calendar_with_many_categories;
  EXPECT_LT(growth_from_n_to_8n(5000, categories, load), linear_growth_limit) << "categories";
}

}  // namespace
