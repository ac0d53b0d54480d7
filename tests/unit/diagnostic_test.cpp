// Diagnostics (src/common/diagnostic.cpp): their text form and has_errors.
#include <gtest/gtest.h>

#include <string>

#include "talktime/diagnostic.hpp"

namespace {

using namespace talktime;

TEST(Diagnostic, FormatsEveryCombinationOfParts) {
  diagnostic d;
  d.code = "talk.bad_start";
  d.pointer = "/talks/3/start";
  d.line = 41;
  d.column = 16;
  d.message = "invalid date \"2024-02-30\"";
  EXPECT_EQ(d.to_string(), "[talk.bad_start] /talks/3/start (line 41, column 16): invalid date \"2024-02-30\"");
  d.line = d.column = 0;
  EXPECT_EQ(d.to_string(), "[talk.bad_start] /talks/3/start: invalid date \"2024-02-30\"");
  d.pointer.clear();
  EXPECT_EQ(d.to_string(), "[talk.bad_start]: invalid date \"2024-02-30\"");
  d.code = "feed.syntax";
  d.line = 5;
  d.column = 70;
  d.message = "unexpected end of input";
  EXPECT_EQ(d.to_string(), "[feed.syntax] line 5, column 70: unexpected end of input");
}

TEST(Diagnostic, HasErrorsLooksForErrorsOnly) {
  diagnostic warning;
  warning.level = severity::warning;
  diagnostic error;
  EXPECT_FALSE(has_errors({}));
  EXPECT_FALSE(has_errors({warning, warning}));
  EXPECT_TRUE(has_errors({warning, error}));
}

}  // namespace
