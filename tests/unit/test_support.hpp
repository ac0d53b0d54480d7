// Helpers shared by the unit tests: fixtures, diagnostics as strings, instants from text.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "talktime/feed.hpp"

namespace talktime::test_support {

inline std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(TALKTIME_FIXTURES) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
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

}  // namespace talktime::test_support
