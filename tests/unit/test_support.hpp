// Helpers shared by the unit tests: fixtures, diagnostics as strings, instants from and
// to text, talks by id, positions in a text and physical lines of a calendar.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "talktime/feed.hpp"
#include "talktime/schedule.hpp"

namespace talktime::test_support {

inline std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(TALKTIME_FIXTURES) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Two talks' speakers and links are the same, field by field.
inline void expect_same_speakers_and_links(const talk& a, const talk& b) {
  ASSERT_EQ(a.speakers.size(), b.speakers.size());
  for (std::size_t i = 0; i < a.speakers.size(); ++i) {
    EXPECT_EQ(a.speakers[i].name, b.speakers[i].name);
    EXPECT_EQ(a.speakers[i].affiliation, b.speakers[i].affiliation);
    EXPECT_EQ(a.speakers[i].url, b.speakers[i].url);
    EXPECT_EQ(a.speakers[i].photo, b.speakers[i].photo);
    EXPECT_EQ(a.speakers[i].bio, b.speakers[i].bio);
  }
  ASSERT_EQ(a.links.size(), b.links.size());
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    EXPECT_EQ(a.links[i].kind, b.links[i].kind);
    EXPECT_EQ(a.links[i].url, b.links[i].url);
  }
}

inline std::vector<std::string> messages(const parse_result& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.to_string());
  return out;
}

/// "2024-05-02T10:00:00Z" as an instant (read with date's parser, not talktime's).
inline sys_seconds utc(const char* text) {
  std::istringstream in(text);
  sys_seconds t;
  in >> date::parse("%FT%TZ", t);
  EXPECT_FALSE(in.fail()) << text;
  return t;
}

inline date::sys_days day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / m / d}; }

inline std::string iso(sys_seconds t) { return date::format("%FT%TZ", t); }
inline std::string iso(date::sys_days d) { return date::format("%F", d); }

/// The talk with this id; fails the test (and gives an empty talk) when there is none.
inline const talk& by_id(const feed& f, std::string_view id) {
  for (const auto& t : f.talks)
    if (t.id == id) return t;
  ADD_FAILURE() << "no talk " << std::string(id);
  static const talk none;
  return none;
}

/// Line and column of the first `needle` in `text` at or after the first `after`, counted
/// here independently of the parser: lines by '\n', columns by UTF-8 code points.
inline std::pair<int, int> position_of(std::string_view text, std::string_view needle, std::string_view after = {}) {
  std::size_t from = after.empty() ? 0 : text.find(after);
  EXPECT_NE(from, std::string_view::npos) << std::string(after);
  std::size_t at = text.find(needle, from == std::string_view::npos ? 0 : from);
  EXPECT_NE(at, std::string_view::npos) << std::string(needle);
  if (at == std::string_view::npos) return {0, 0};
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') ++line, line_start = i + 1;
  int column = 1;
  for (std::size_t i = line_start; i < at; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return {line, column};
}

/// position_of as a diagnostic writes it: "(line L, column C)".
inline std::string where(std::string_view text, std::string_view needle, std::string_view after = {}) {
  auto [line, column] = position_of(text, needle, after);
  return "(line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
}

/// A talktime feed whose talks are `talks` (JSON objects joined by commas), in `zone` (none when empty).
inline std::string with_talks(const std::string& talks, const std::string& zone = "Europe/Berlin") {
  return R"({"talktime": 1, )" + (zone.empty() ? std::string() : "\"timezone\": \"" + zone + "\", ") +
         "\"talks\": [" + talks + "]}";
}

/// The physical lines of iCalendar text, split at CRLF (the last one without it).
inline std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < ics.size()) {
    auto end = ics.find("\r\n", start);
    if (end == std::string::npos) {
      lines.push_back(ics.substr(start));
      break;
    }
    lines.push_back(ics.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

// A feed that must load without a problem, as a schedule (an empty one if it does not).
inline schedule load_schedule(std::string_view text) {
  auto r = parse_feed(text);
  EXPECT_TRUE(r.feed.has_value());
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  return schedule(r.feed ? std::move(*r.feed) : feed{});
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace talktime::test_support
