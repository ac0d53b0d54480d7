// Times as text (src/time/time_text.hpp and include/talktime/time_text.hpp): feed
// start/end/duration values, ISO 8601 output, instants for the CLI and feed text.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "talktime/time_text.hpp"
#include "time/time_text.hpp"

namespace {

using namespace talktime::detail;
using talktime::format_iso_utc;

std::string describe(const std::optional<time_value>& v, const std::string& problem) {
  if (!v) return "ERROR: " + problem;
  switch (v->form) {
    case time_value::date_only: return "date " + format_iso_date(v->day);
    case time_value::wall_clock: return "local " + format_iso_local(v->local, 0).substr(0, 19);
    default: return "instant " + format_iso_utc(v->instant);
  }
}

std::string parse_text(std::string_view s) {
  std::string problem;
  auto v = parse_time_text(s, problem);
  return describe(v, problem);
}

TEST(ParseTimeText, ReadsEveryForm) {
  EXPECT_EQ(parse_text("2024-05-02"), "date 2024-05-02");
  EXPECT_EQ(parse_text("2024-02-29"), "date 2024-02-29");
  EXPECT_EQ(parse_text("2024-05-02T09:30"), "local 2024-05-02T09:30:00");
  EXPECT_EQ(parse_text("2024-05-02T09:30:15"), "local 2024-05-02T09:30:15");
  EXPECT_EQ(parse_text("2024-05-02T09:30Z"), "instant 2024-05-02T09:30:00Z");
  EXPECT_EQ(parse_text("2024-05-02T09:30+05:30"), "instant 2024-05-02T04:00:00Z");
  EXPECT_EQ(parse_text("2024-05-02T09:30-04:00"), "instant 2024-05-02T13:30:00Z");
  EXPECT_EQ(parse_text("2024-05-02T09:30+0530"), "instant 2024-05-02T04:00:00Z");
  EXPECT_EQ(parse_text("2024-05-02T09:30:00.123Z"), "instant 2024-05-02T09:30:00Z");
  EXPECT_EQ(parse_text("2021-03-28T10:50-04:00"), "instant 2021-03-28T14:50:00Z");
  EXPECT_EQ(parse_text("2024-01-01T00:30+01:00"), "instant 2023-12-31T23:30:00Z");
  EXPECT_EQ(parse_text(" 2024-05-02T09:30Z\t"), "instant 2024-05-02T09:30:00Z");
  EXPECT_EQ(parse_text("1600-01-01"), "date 1600-01-01");
  EXPECT_EQ(parse_text("9999-12-31T23:59:59Z"), "instant 9999-12-31T23:59:59Z");
}

TEST(ParseTimeText, ExplainsWhatIsWrong) {
  EXPECT_EQ(parse_text("2024-02-30"), "ERROR: invalid date \"2024-02-30\"");
  EXPECT_EQ(parse_text("2023-02-29"), "ERROR: invalid date \"2023-02-29\"");
  EXPECT_EQ(parse_text("2024-13-01"), "ERROR: invalid date \"2024-13-01\"");
  EXPECT_EQ(parse_text("2024-00-10"), "ERROR: invalid date \"2024-00-10\"");
  EXPECT_EQ(parse_text("next Tuesday"),
            "ERROR: not a date or date-time: \"next Tuesday\" (expected e.g. \"2024-05-02T14:30\")");
  EXPECT_EQ(parse_text("2024-5-2"), "ERROR: not a date or date-time: \"2024-5-2\" (expected e.g. \"2024-05-02T14:30\")");
  EXPECT_EQ(parse_text("2024-05-02X09:30"),
            "ERROR: not a date or date-time: \"2024-05-02X09:30\" (expected e.g. \"2024-05-02T14:30\")");
  EXPECT_EQ(parse_text("2024-03-01T25:00"), "ERROR: invalid time in \"2024-03-01T25:00\"");
  EXPECT_EQ(parse_text("2024-03-01T24:00"), "ERROR: invalid time in \"2024-03-01T24:00\"");
  EXPECT_EQ(parse_text("2024-03-01T23:60"), "ERROR: invalid time in \"2024-03-01T23:60\"");
  EXPECT_EQ(parse_text("2024-03-01T23:59:60"), "ERROR: invalid time in \"2024-03-01T23:59:60\"");
  EXPECT_EQ(parse_text("2024-03-01T9:30"), "ERROR: invalid time in \"2024-03-01T9:30\" (expected HH:MM or HH:MM:SS)");
  EXPECT_EQ(parse_text("2024-03-01T09"), "ERROR: invalid time in \"2024-03-01T09\" (expected HH:MM or HH:MM:SS)");
  EXPECT_EQ(parse_text("2024-03-01T09:30+24:00"), "ERROR: invalid offset in \"2024-03-01T09:30+24:00\" (expected Z or ±HH:MM)");
  EXPECT_EQ(parse_text("2024-03-01T09:30+05:3"), "ERROR: invalid offset in \"2024-03-01T09:30+05:3\" (expected Z or ±HH:MM)");
  EXPECT_EQ(parse_text("2024-03-01T09:30 PST"), "ERROR: invalid offset in \"2024-03-01T09:30 PST\" (expected Z or ±HH:MM)");
  EXPECT_EQ(parse_text("2024-03-01T09:30Zjunk"), "ERROR: unexpected text after the time in \"2024-03-01T09:30Zjunk\"");
  EXPECT_EQ(parse_text("2024-03-01T09:30:00.Z"), "ERROR: invalid fraction of a second in \"2024-03-01T09:30:00.Z\"");
}

std::string parse_epoch(const nlohmann::json& value) {
  std::string problem;
  return describe(parse_epoch_number(value, problem), problem);
}

TEST(ParseEpochNumber, ReadsWholeSecondsInRange) {
  EXPECT_EQ(parse_epoch(1691157600), "instant 2023-08-04T14:00:00Z");
  EXPECT_EQ(parse_epoch(1691157600.0), "instant 2023-08-04T14:00:00Z");
  EXPECT_EQ(parse_epoch(0), "instant 1970-01-01T00:00:00Z");
  EXPECT_EQ(parse_epoch(-1), "instant 1969-12-31T23:59:59Z");
  EXPECT_EQ(parse_epoch(-11676096000LL), "instant 1600-01-01T00:00:00Z");
  EXPECT_EQ(parse_epoch(253402300799LL), "instant 9999-12-31T23:59:59Z");
  EXPECT_EQ(parse_epoch(1691157600.5), "ERROR: epoch seconds 1691157600.5 should be a whole number");
  EXPECT_EQ(parse_epoch(253402300800LL), "ERROR: epoch seconds 253402300800 are outside the years 1600 to 9999");
  EXPECT_EQ(parse_epoch(-11676096001LL), "ERROR: epoch seconds -11676096001 are outside the years 1600 to 9999");
  EXPECT_EQ(parse_epoch(18446744073709551615ULL),
            "ERROR: epoch seconds 18446744073709551615 are outside the years 1600 to 9999");
}

std::string duration(const nlohmann::json& value) {
  std::string problem;
  auto seconds = parse_duration(value, problem);
  return seconds ? std::to_string(*seconds) : "ERROR: " + problem;
}

TEST(ParseDuration, ReadsMinutesAndIsoDurations) {
  EXPECT_EQ(duration(50), "3000");
  EXPECT_EQ(duration(12.5), "750");
  EXPECT_EQ(duration(0), "0");
  EXPECT_EQ(duration(527040), "31622400");
  EXPECT_EQ(duration("PT50M"), "3000");
  EXPECT_EQ(duration("PT1H30M"), "5400");
  EXPECT_EQ(duration("PT45S"), "45");
  EXPECT_EQ(duration("P1D"), "86400");
  EXPECT_EQ(duration("P1DT2H"), "93600");
  EXPECT_EQ(duration("pt1h"), "3600");
  EXPECT_EQ(duration("P366D"), "31622400");
}

TEST(ParseDuration, RejectsBadDurations) {
  const std::string expected = " (expected minutes or ISO 8601 such as \"PT50M\", \"PT1H30M\", \"P1D\")";
  EXPECT_EQ(duration(-5), "ERROR: duration -5 should be a number of minutes from 0 to 527040");
  EXPECT_EQ(duration(527041), "ERROR: duration 527041 should be a number of minutes from 0 to 527040");
  EXPECT_EQ(duration("PT"), "ERROR: invalid duration \"PT\"" + expected);
  EXPECT_EQ(duration("P"), "ERROR: invalid duration \"P\"" + expected);
  EXPECT_EQ(duration("90 minutes"), "ERROR: invalid duration \"90 minutes\"" + expected);
  EXPECT_EQ(duration("PT1.5H"), "ERROR: invalid duration \"PT1.5H\"" + expected);
  EXPECT_EQ(duration("P1H"), "ERROR: invalid duration \"P1H\"" + expected);
  EXPECT_EQ(duration("P1M"),
            "ERROR: duration \"P1M\" uses years or months, which have no fixed length; use days, hours or minutes");
  EXPECT_EQ(duration("P1Y"),
            "ERROR: duration \"P1Y\" uses years or months, which have no fixed length; use days, hours or minutes");
  EXPECT_EQ(duration("P367D"), "ERROR: duration \"P367D\" is longer than a year");
  EXPECT_EQ(duration(true), "ERROR: \"duration\" should be minutes or an ISO 8601 duration such as \"PT1H30M\"");
}

TEST(FormatTime, WritesOffsetsAndIsoText) {
  EXPECT_EQ(format_offset(19800, true), "+05:30");
  EXPECT_EQ(format_offset(19800, false), "+0530");
  EXPECT_EQ(format_offset(-16200, true), "-04:30");
  EXPECT_EQ(format_offset(0, true), "+00:00");
  EXPECT_EQ(format_offset(50400, true), "+14:00");
  EXPECT_EQ(format_offset(-17762, true), "-04:56:02");  // New York's local mean time
  EXPECT_EQ(format_offset(3208, false), "+005328");
  auto local = talktime::local_seconds{date::local_days{date::year{2021} / 3 / 28}.time_since_epoch()} +
               std::chrono::hours{20} + std::chrono::minutes{30};
  EXPECT_EQ(format_iso_local(local, 19800), "2021-03-28T20:30:00+05:30");
  EXPECT_EQ(format_iso_date(date::sys_days{date::year{1600} / 1 / 1}), "1600-01-01");
  EXPECT_EQ(format_iso_date(date::sys_days{date::year{2024} / 2 / 29}), "2024-02-29");
  EXPECT_EQ(format_iso_utc(talktime::sys_seconds{std::chrono::seconds{-1}}), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_iso_utc(talktime::sys_seconds{std::chrono::seconds{1691157600}}), "2023-08-04T14:00:00Z");
}

TEST(ParseInstant, ReadsDateTimesWithZOrAnOffsetOnly) {
  std::string problem = "stale";
  auto at = talktime::parse_instant("2024-05-02T09:00:00+02:00", problem);
  ASSERT_TRUE(at);
  EXPECT_EQ(format_iso_utc(*at), "2024-05-02T07:00:00Z");
  EXPECT_EQ(problem, "");
  EXPECT_FALSE(talktime::parse_instant("2024-05-02T09:00", problem));
  EXPECT_EQ(problem, "");  // valid, but names no instant
  EXPECT_FALSE(talktime::parse_instant("2024-05-02", problem));
  EXPECT_EQ(problem, "");
  EXPECT_FALSE(talktime::parse_instant("tomorrow", problem));
  EXPECT_EQ(problem, "not a date or date-time: \"tomorrow\" (expected e.g. \"2024-05-02T14:30\")");
}

// Expected values: Python, datetime(1599, 12, 31, 20, 31, 8, tzinfo=timezone.utc) + timedelta(hours=23, minutes=59).
TEST(InstantFeedText, WritesUtcOrTheOffsetThatKeepsTheYearReadable) {
  auto instant = [](const char* text) {
    std::string problem;
    return *talktime::parse_instant(text, problem);
  };
  EXPECT_EQ(instant_feed_text(instant("2024-05-02T07:00:00Z")), "2024-05-02T07:00:00Z");
  EXPECT_EQ(instant_feed_text(instant("1600-01-01T20:31:08+23:59")), "1600-01-01T20:31:08+23:59");
  EXPECT_EQ(instant_feed_text(instant("9999-12-31T04:01:00-23:59")), "9999-12-31T04:01:00-23:59");
  EXPECT_TRUE(writable_in_feed(talktime::local_seconds{date::local_days{date::year{9999} / 12 / 31}.time_since_epoch()}));
  EXPECT_FALSE(writable_in_feed(talktime::local_seconds{date::local_days{date::year{1599} / 12 / 31}.time_since_epoch()}));
}

}  // namespace
