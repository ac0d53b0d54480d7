// Feed errors and warnings: every error path of the parser, with the exact
// diagnostic text (code, JSON Pointer, line, column, message). Positions are
// computed here with a plain text search, independently of the parser.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "talktime/feed.hpp"
#include "common/text.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

// Checks that the feed fails as a whole with exactly this one diagnostic.
void expect_feed_error(std::string_view text, const std::string& expected) {
  auto r = parse_feed(text);
  EXPECT_FALSE(r.feed.has_value());
  EXPECT_TRUE(has_errors(r.diagnostics));
  EXPECT_EQ(messages(r), std::vector<std::string>{expected});
}

// Checks that the feed loads with the talks `loaded_ids` and these diagnostics.
void expect_talk_diagnostics(std::string_view text, const std::vector<std::string>& loaded_ids,
                             const std::vector<std::string>& expected) {
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed.has_value()) << testing::PrintToString(messages(r));
  std::vector<std::string> ids;
  for (const auto& t : r.feed->talks) ids.push_back(t.id);
  EXPECT_EQ(ids, loaded_ids);
  auto all = expected;
  if (loaded_ids.empty()) {  // none of the talks loaded: the feed says so where its talks are
    auto given = std::to_string(nlohmann::json::parse(text)["talks"].size());
    all.push_back("[feed.no_talks] /talks " + where(text, "[", "\"talks\"") + ": none of the " +
                  given + (given == "1" ? " talk" : " talks") + " could be loaded (each is reported); the schedule would be empty");
  }
  EXPECT_EQ(messages(r), all);
}

// ------------------------------------------------------------ feed errors

TEST(FeedErrors, RejectsAFeedThatIsNotAnObject) {
  expect_feed_error("[1, 2]", "[feed.not_object] line 1, column 1: a feed is a JSON object with \"talktime\": 1 and "
                              "\"talks\", not an array");
  expect_feed_error("\"x\"", "[feed.not_object] line 1, column 1: a feed is a JSON object with \"talktime\": 1 and "
                             "\"talks\", not a string");
  expect_feed_error("  null", "[feed.not_object] line 1, column 3: a feed is a JSON object with \"talktime\": 1 and "
                              "\"talks\", not null");
}

TEST(FeedErrors, RequiresTheFormatVersion) {
  expect_feed_error(R"({"talks": []})", "[feed.missing_version] line 1, column 1: the feed has no \"talktime\" format "
                                        "version; add \"talktime\": 1");
}

TEST(FeedErrors, RejectsOtherFormatVersions) {
  const std::string rest = " is not supported; this talktime reads version 1";
  expect_feed_error(R"({"talktime": 2, "talks": []})",
                    "[feed.unsupported_version] /talktime (line 1, column 14): format version 2" + rest);
  expect_feed_error(R"({"talktime": "1", "talks": []})",
                    "[feed.unsupported_version] /talktime (line 1, column 14): format version \"1\"" + rest);
  expect_feed_error(R"({"talktime": 1.0, "talks": []})",
                    "[feed.unsupported_version] /talktime (line 1, column 14): format version 1.0" + rest);
  expect_feed_error(R"({"talktime": null, "talks": []})",
                    "[feed.unsupported_version] /talktime (line 1, column 14): format version null" + rest);
}

TEST(FeedErrors, RequiresATalksArray) {
  expect_feed_error(R"({"talktime": 1})", "[feed.missing_talks] line 1, column 1: the feed has no \"talks\" array");
  expect_feed_error(R"({"talktime": 1, "talks": {}})",
                    "[feed.missing_talks] /talks (line 1, column 26): \"talks\" should be an array, not an object");
  expect_feed_error(R"({"talktime": 1, "talks": null})",
                    "[feed.missing_talks] /talks (line 1, column 26): \"talks\" should be an array, not null");
}

// An empty schedule is allowed (published before its first talk) but never silent.
TEST(FeedErrors, AnEmptyTalksArrayIsAWarning) {
  auto r = parse_feed(R"({"talktime": 1, "talks": []})");
  ASSERT_TRUE(r.feed);
  EXPECT_TRUE(r.feed->talks.empty());
  EXPECT_EQ(messages(r), std::vector<std::string>{"[feed.empty] /talks (line 1, column 26): the feed has no talks yet"});
}

// Talks of which none loads: an error at the talks array, besides each talk's own.
TEST(FeedErrors, TalksNoneOfWhichLoadAreAnError) {
  auto r = parse_feed(R"({"talktime": 1, "talks": [3, {"title": "x"}]})");
  ASSERT_TRUE(r.feed);
  EXPECT_TRUE(has_errors(r.diagnostics));
  EXPECT_EQ(r.diagnostics.back().to_string(),
            "[feed.no_talks] /talks (line 1, column 26): none of the 2 talks could be loaded (each is reported); "
            "the schedule would be empty");
}

TEST(FeedErrors, UnknownFeedZoneFailsTheFeed) {
  expect_feed_error(R"({"talktime": 1, "timezone": "Mars/Olympus", "talks": []})",
                    "[feed.bad_zone] /timezone (line 1, column 29): unknown time zone \"Mars/Olympus\"");
  expect_feed_error(R"({"talktime": 1, "timezone": "PST", "talks": []})",
                    "[feed.bad_zone] /timezone (line 1, column 29): unknown time zone \"PST\"");
  expect_feed_error(R"({"talktime": 1, "timezone": "europe/berlin", "talks": []})",
                    "[feed.bad_zone] /timezone (line 1, column 29): unknown time zone \"europe/berlin\"");
  expect_feed_error(R"({"talktime": 1, "timezone": 5, "talks": []})",
                    "[feed.bad_zone] /timezone (line 1, column 29): unknown time zone 5");
}

TEST(FeedErrors, ReportsLineAndColumnOfATruncatedFeed) {
  // The upload stopped after line 5 (75 characters): the error is just past its end.
  const std::string text = read_fixture("truncated.json");
  ASSERT_EQ(text.substr(text.rfind('\n') + 1).size(), 75u);
  expect_feed_error(text, "[feed.syntax] line 5, column 76: unexpected end of input; expected '[', '{', or a literal");
}

TEST(FeedErrors, ReportsSyntaxErrorsWhereTheyAre) {
  expect_feed_error("", "[feed.syntax] line 1, column 1: unexpected end of input; expected '[', '{', or a literal");
  expect_feed_error(R"({"talktime": 1, "talks": [],})",
                    "[feed.syntax] line 1, column 29: unexpected '}'; expected string literal");
  expect_feed_error("{\n  \"talktime\": 1,\n  \"talks\": [\n    {\"title\": \"A\",}\n  ]\n}",
                    "[feed.syntax] line 4, column 19: unexpected '}'; expected string literal");
  expect_feed_error("{\"talktime\": 1, \"talks\": []} x",
                    "[feed.syntax] line 1, column 30: invalid literal; last read: '\"talks\": []} x'; expected end of input");
  // Columns count characters, not bytes: "Kästner" is 7 columns.
  expect_feed_error("{\"talktime\": 1, \"title\": \"Kästner\" ]}",
                    "[feed.syntax] line 1, column 36: unexpected ']'; expected '}'");
}

TEST(FeedErrors, SyntaxMessagesCarryNoLibraryInternals) {
  auto r = parse_feed(R"({"talktime": 1, "talks": [{"title": "A", "start": 1e400}]})");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "feed.syntax");
  EXPECT_EQ(r.diagnostics[0].message, "number overflow parsing '1e400'");
}

TEST(FeedErrors, EnforcesTheSizeLimit) {
  feed_limits limits;
  limits.max_bytes = 100;
  std::string text = R"({"talktime": 1, "talks": [], "padding": ")" + std::string(60, 'x') + "\"}";
  ASSERT_GT(text.size(), 100u);
  auto r = parse_feed(text, limits);
  EXPECT_FALSE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{"[feed.too_large] line 1, column 1: the feed is " +
                                                  std::to_string(text.size()) + " bytes; the limit is 100 bytes"});
  limits.max_bytes = text.size();
  EXPECT_TRUE(parse_feed(text, limits).feed);
}

TEST(FeedErrors, DefaultSizeLimitIsSixteenMebibytes) {
  std::string text(16u * 1024 * 1024 + 1, ' ');
  auto r = parse_feed(text);
  EXPECT_FALSE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "[feed.too_large] line 1, column 1: the feed is 16777217 bytes; the limit is 16777216 bytes"});
}

TEST(FeedErrors, EnforcesTheDepthLimit) {
  // The top-level object is level 1: 63 nested arrays inside it make 64 levels, the default limit.
  auto nested = [](int arrays) {
    return R"({"talktime": 1, "talks": [], "x": )" + std::string(std::size_t(arrays), '[') +
           std::string(std::size_t(arrays), ']') + "}";
  };
  auto ok = parse_feed(nested(63));
  EXPECT_TRUE(ok.feed) << testing::PrintToString(messages(ok));
  EXPECT_EQ(ok.diagnostics.size(), 1u);  // feed.empty: the talks array is empty
  const std::string deep = nested(64);
  expect_feed_error(deep, "[feed.too_deep] line 1, column " + std::to_string(deep.find('[', 30) + 64) +
                              ": arrays and objects nest deeper than 64 levels, the limit");
  feed_limits limits;
  limits.max_depth = 3;
  const std::string text = R"({"talktime": 1, "talks": [{"title": "A", "start": "2024-05-02", "tags": ["x"]}]})";
  auto r = parse_feed(text, limits);
  EXPECT_FALSE(r.feed);
  EXPECT_EQ(messages(r), std::vector<std::string>{"[feed.too_deep] line 1, column " + std::to_string(text.find("[\"x\"]") + 1) +
                                                  ": arrays and objects nest deeper than 3 levels, the limit"});
}

// ------------------------------------------------------------ talk errors

TEST(TalkErrors, NonObjectTalkIsSkipped) {
  const std::string text = with_talks(R"(5, "x", {"id": "ok", "title": "A", "start": "2024-05-02"})");
  expect_talk_diagnostics(text, {"ok"},
                          {"[talk.not_object] /talks/0 " + where(text, "5,") + ": talk 0 should be an object, not a number",
                           "[talk.not_object] /talks/1 " + where(text, "\"x\"") +
                               ": talk 1 should be an object, not a string"});
}

TEST(TalkErrors, TitleIsRequired) {
  const std::string text = with_talks(R"(
    {"start": "2024-05-02T09:00"},
    {"title": "  ", "start": "2024-05-02T09:00"},
    {"id": "n", "title": 7, "start": "2024-05-02T09:00"},
    {"id": "ok", "title": "A", "start": "2024-05-02T09:00"})");
  expect_talk_diagnostics(
      text, {"ok"},
      {"[talk.missing_title] /talks/0 " + where(text, "{\"start\"") + ": the talk has no \"title\"",
       "[talk.missing_title] /talks/1/title " + where(text, "\"  \"") + ": \"title\" is empty",
       "[talk.missing_title] /talks/2/title " + where(text, "7,") + ": \"title\" should be a string, not a number (talk \"n\")"});
}

TEST(TalkErrors, StartIsRequiredAndMustBeValid) {
  const std::string text = with_talks(R"(
    {"id": "none", "title": "A"},
    {"id": "feb30", "title": "A", "start": "2024-02-30"},
    {"id": "feb29", "title": "A", "start": "2023-02-29"},
    {"id": "h25", "title": "A", "start": "2024-03-01T25:00"},
    {"id": "words", "title": "A", "start": "next Tuesday"},
    {"id": "bool", "title": "A", "start": true},
    {"id": "frac", "title": "A", "start": 1691157600.5},
    {"id": "far", "title": "A", "start": 253402300800},
    {"id": "ok", "title": "A", "start": "2024-02-29"})");
  expect_talk_diagnostics(
      text, {"ok"},
      {"[talk.missing_start] /talks/0 " + where(text, "{\"id\": \"none\"") + ": the talk has no \"start\" (talk \"none\")",
       "[talk.bad_start] /talks/1/start " + where(text, "\"2024-02-30\"") + ": invalid date \"2024-02-30\" (talk \"feb30\")",
       "[talk.bad_start] /talks/2/start " + where(text, "\"2023-02-29\"") + ": invalid date \"2023-02-29\" (talk \"feb29\")",
       "[talk.bad_start] /talks/3/start " + where(text, "\"2024-03-01T25:00\"") +
           ": invalid time in \"2024-03-01T25:00\" (talk \"h25\")",
       "[talk.bad_start] /talks/4/start " + where(text, "\"next Tuesday\"") +
           ": not a date or date-time: \"next Tuesday\" (expected e.g. \"2024-05-02T14:30\") (talk \"words\")",
       "[talk.bad_start] /talks/5/start " + where(text, "true") +
           ": \"start\" should be a date-time string or epoch seconds, not a boolean (talk \"bool\")",
       "[talk.bad_start] /talks/6/start " + where(text, "1691157600.5") +
           ": epoch seconds 1691157600.5 should be a whole number (talk \"frac\")",
       "[talk.bad_start] /talks/7/start " + where(text, "253402300800") +
           ": epoch seconds 253402300800 are outside the years 1600 to 9999 (talk \"far\")"});
}

TEST(TalkErrors, UnknownTalkZoneSkipsTheTalk) {
  const std::string text = with_talks(R"({"id": "mars", "title": "A", "start": "2024-05-02T09:00", "timezone": "Mars/Olympus"},
    {"id": "num", "title": "A", "start": "2024-05-02T09:00", "timezone": 5},
    {"id": "ok", "title": "B", "start": "2024-05-02T09:00", "timezone": "Asia/Kolkata"})");
  expect_talk_diagnostics(text, {"ok"},
                          {"[talk.bad_zone] /talks/0/timezone " + where(text, "\"Mars/Olympus\"") +
                               ": unknown time zone \"Mars/Olympus\" (talk \"mars\")",
                           "[talk.bad_zone] /talks/1/timezone " + where(text, "5}") +
                               ": \"timezone\" should be an IANA zone name, not a number (talk \"num\")"});
}

TEST(TalkErrors, LocalTimeNeedsAZone) {
  const std::string text = with_talks(R"({"id": "x", "title": "A", "start": "2024-05-02T09:00"},
    {"id": "exact", "title": "B", "start": "2024-05-02T09:00Z"},
    {"id": "own", "title": "C", "start": "2024-05-02T09:00", "timezone": "UTC"})", "");
  expect_talk_diagnostics(text, {"exact", "own"},
                          {"[talk.no_zone] /talks/0/start " + where(text, "\"2024-05-02T09:00\"") +
                               ": local time \"2024-05-02T09:00\" needs a zone: give the talk or the feed a "
                               "\"timezone\", or add Z or an offset (talk \"x\")"});
}

TEST(TalkErrors, EndMustBeValidAndNotBeforeStart) {
  const std::string text = with_talks(R"(
    {"id": "before", "title": "A", "start": "2024-05-02T09:00", "end": "2024-05-02T08:00"},
    {"id": "days", "title": "A", "start": "2024-05-03", "end": "2024-05-02"},
    {"id": "words", "title": "A", "start": "2024-05-02T09:00", "end": "later"},
    {"id": "mixed1", "title": "A", "start": "2024-05-02", "end": "2024-05-03T10:00"},
    {"id": "mixed2", "title": "A", "start": "2024-05-02T09:00", "end": "2024-05-03"},
    {"id": "ok", "title": "A", "start": "2024-05-02T09:00", "end": "2024-05-02T09:00"})");
  expect_talk_diagnostics(
      text, {"ok"},
      {"[talk.end_before_start] /talks/0/end " + where(text, "\"2024-05-02T08:00\"") +
           ": end \"2024-05-02T08:00\" is before start \"2024-05-02T09:00\" (talk \"before\")",
       "[talk.end_before_start] /talks/1/end " + where(text, "\"2024-05-02\"}") +
           ": end \"2024-05-02\" is before start \"2024-05-03\" (talk \"days\")",
       "[talk.bad_end] /talks/2/end " + where(text, "\"later\"") +
           ": not a date or date-time: \"later\" (expected e.g. \"2024-05-02T14:30\") (talk \"words\")",
       "[talk.bad_end] /talks/3/end " + where(text, "\"2024-05-03T10:00\"") +
           ": \"end\" has a time but \"start\" is a date alone; give both as dates or both with times (talk \"mixed1\")",
       "[talk.bad_end] /talks/4/end " + where(text, "\"2024-05-03\"}") +
           ": \"end\" is a date alone but \"start\" has a time; give both with times (talk \"mixed2\")"});
}

TEST(TalkErrors, EndBeforeStartAcrossZones) {
  // 10:00 in New York (14:00Z) ends at 15:00 Berlin (13:00Z): before the start.
  const std::string text = with_talks(R"({"id": "a", "title": "A", "start": "2024-05-02T10:00-04:00", "end": "2024-05-02T15:00"})");
  expect_talk_diagnostics(text, {},
                          {"[talk.end_before_start] /talks/0/end " + where(text, "\"2024-05-02T15:00\"") +
                               ": end \"2024-05-02T15:00\" is before start \"2024-05-02T10:00-04:00\" (talk \"a\")"});
}

TEST(TalkErrors, DurationMustBeValid) {
  const std::string text = with_talks(R"(
    {"id": "neg", "title": "A", "start": "2024-05-02T09:00", "duration": -5},
    {"id": "pt", "title": "A", "start": "2024-05-02T09:00", "duration": "PT"},
    {"id": "words", "title": "A", "start": "2024-05-02T09:00", "duration": "90 minutes"},
    {"id": "month", "title": "A", "start": "2024-05-02T09:00", "duration": "P1M"},
    {"id": "long", "title": "A", "start": "2024-05-02T09:00", "duration": "P400D"},
    {"id": "bool", "title": "A", "start": "2024-05-02T09:00", "duration": true},
    {"id": "ok", "title": "A", "start": "2024-05-02T09:00", "duration": "PT50M"})");
  const std::string expected = " (expected minutes or ISO 8601 such as \"PT50M\", \"PT1H30M\", \"P1D\")";
  expect_talk_diagnostics(
      text, {"ok"},
      {"[talk.bad_duration] /talks/0/duration " + where(text, "-5") +
           ": duration -5 should be a number of minutes from 0 to 527040 (talk \"neg\")",
       "[talk.bad_duration] /talks/1/duration " + where(text, "\"PT\"") + ": invalid duration \"PT\"" + expected +
           " (talk \"pt\")",
       "[talk.bad_duration] /talks/2/duration " + where(text, "\"90 minutes\"") + ": invalid duration \"90 minutes\"" +
           expected + " (talk \"words\")",
       "[talk.bad_duration] /talks/3/duration " + where(text, "\"P1M\"") +
           ": duration \"P1M\" uses years or months, which have no fixed length; use days, hours or minutes (talk "
           "\"month\")",
       "[talk.bad_duration] /talks/4/duration " + where(text, "\"P400D\"") +
           ": duration \"P400D\" is longer than a year (talk \"long\")",
       "[talk.bad_duration] /talks/5/duration " + where(text, "true") +
           ": \"duration\" should be minutes or an ISO 8601 duration such as \"PT1H30M\" (talk \"bool\")"});
}

TEST(TalkErrors, DuplicateIdSkipsTheSecondTalk) {
  const std::string text = with_talks(R"({"id": "dup", "title": "First", "start": "2024-05-02T10:00"},
    {"id": "dup", "title": "Second", "start": "2024-05-02T11:00"},
    {"id": "other", "title": "Third", "start": "2024-05-02T12:00"},
    {"id": " dup ", "title": "Fourth", "start": "2024-05-02T13:00"})");
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 2u);
  EXPECT_EQ(r.feed->talks[0].title, "First");
  EXPECT_EQ(r.feed->talks[1].title, "Third");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "[talk.duplicate_id] /talks/1/id " + where(text, "\"dup\"", "\n") + ": id \"dup\" is already used by /talks/0; this talk is skipped",
                "[talk.duplicate_id] /talks/3/id " + where(text, "\" dup \"") +
                    ": id \"dup\" is already used by /talks/0; this talk is skipped"}));
}

TEST(TalkErrors, ATalkWithErrorsDoesNotClaimItsId) {
  // The first "a" fails, so the second "a" is the one that loads.
  auto r = parse_feed(with_talks(R"({"id": "a", "title": "A", "start": "never"},
                                    {"id": "a", "title": "B", "start": "2024-05-02"})"));
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 1u);
  EXPECT_EQ(r.feed->talks[0].title, "B");
  EXPECT_EQ(r.diagnostics.size(), 1u);
}

TEST(TalkErrors, ErrorsAreReportedForEveryProblemOfATalk) {
  const std::string text = with_talks(R"({"id": "bad", "title": "", "start": "2024-02-30"})");
  expect_talk_diagnostics(text, {},
                          {"[talk.missing_title] /talks/0/title " + where(text, "\"\"") + ": \"title\" is empty (talk \"bad\")",
                           "[talk.bad_start] /talks/0/start " + where(text, "\"2024-02-30\"") +
                               ": invalid date \"2024-02-30\" (talk \"bad\")"});
}

TEST(TalkErrors, AnUnknownZoneDoesNotLeakIntoTheNextTalk) {
  const std::string text = with_talks(R"({"id": "mars", "title": "A", "start": "2024-05-02T09:00", "timezone": "Mars/Olympus"},
    {"title": "B", "start": "2024-05-02T09:00"})");
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 1u);
  EXPECT_EQ(date::format("%FT%TZ", r.feed->talks[0].start), "2024-05-02T07:00:00Z");  // 09:00 CEST
  EXPECT_EQ(r.feed->talks[0].id, "2024-05-02-b");
  EXPECT_EQ(r.diagnostics.size(), 1u);
}

TEST(TalkErrors, DiagnosticsStayValidUtf8WhenLongValuesAreShortened) {
  std::string umlauts;
  for (int i = 0; i < 60; ++i) umlauts += "ä";
  auto r = parse_feed(with_talks(R"({"title": "A", "start": "x)" + umlauts + R"("},
                                    {"title": "A", "start": "2024-05-02", "kind": "x)" + umlauts + R"("})"));
  ASSERT_EQ(r.diagnostics.size(), 2u);
  for (const auto& d : r.diagnostics) {
    const std::string& m = d.message;
    for (std::size_t i = 0; i < m.size();) {
      char32_t c;
      auto n = detail::decode_utf8(m, i, c);
      ASSERT_NE(n, 0u) << "invalid UTF-8 at byte " << i << " of " << m;
      i += n;
    }
  }
}

// --------------------------------------------------------- encoding repair

TEST(FeedErrors, RepairsInvalidUtf8AndKeepsEveryTalk) {
  // tests/fixtures/latin1-bytes.json was saved as Latin-1: "Kästner" has a lone 0xE4 byte.
  const std::string text = read_fixture("latin1-bytes.json");
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 3u);
  EXPECT_EQ(r.feed->talks[0].title, "Christian K\uFFFDstner");
  EXPECT_EQ(r.feed->talks[1].title, "Jana M\uFFFDller \uFFFD\uFFFD");
  EXPECT_EQ(r.feed->talks[2].title, "Plain");
  ASSERT_EQ(r.diagnostics.size(), 4u);
  EXPECT_EQ(where(text, "\xE4"), "(line 5, column 39)");
  EXPECT_EQ(r.diagnostics[0].to_string(), "[feed.bad_utf8] line 5, column 39: invalid UTF-8 byte 0xE4 replaced by U+FFFD");
  EXPECT_EQ(r.diagnostics[1].to_string(), "[feed.bad_utf8] line 6, column 34: invalid UTF-8 byte 0xFC replaced by U+FFFD");
  EXPECT_EQ(r.diagnostics[2].to_string(), "[feed.bad_utf8] line 6, column 40: invalid UTF-8 byte 0xA9 replaced by U+FFFD");
  EXPECT_EQ(r.diagnostics[3].code, "feed.bad_utf8");
  for (const auto& d : r.diagnostics) EXPECT_EQ(d.level, severity::warning);
  EXPECT_FALSE(has_errors(r.diagnostics));
}

TEST(FeedErrors, ReportsConsecutiveInvalidBytesAtTheirOwnColumns) {
  auto r = parse_feed(read_fixture("latin1-bytes.json"));
  ASSERT_EQ(r.diagnostics.size(), 4u);
  EXPECT_EQ(r.diagnostics[3].to_string(), "[feed.bad_utf8] line 6, column 41: invalid UTF-8 byte 0xA9 replaced by U+FFFD");
}

TEST(FeedErrors, CapsEncodingWarnings) {
  std::string title(25, '\xFF');
  auto r = parse_feed(with_talks(R"({"id": "a", "title": ")" + title + R"(", "start": "2024-05-02"})"));
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.diagnostics.size(), 11u);
  EXPECT_EQ(r.diagnostics.back().to_string(), "[feed.bad_utf8]: 15 more encoding problems were repaired");
  std::string expected;
  for (int i = 0; i < 25; ++i) expected += "\uFFFD";
  EXPECT_EQ(r.feed->talks[0].title, expected);
}

TEST(FeedErrors, ReplacesLoneSurrogateEscapesAndKeepsTheTalks) {
  const std::string text = with_talks(R"({"id": "a", "title": "lone \ud800 high", "start": "2024-05-02"},
    {"id": "b", "title": "lone \udc00 low \ud83d\ude00 pair", "start": "2024-05-02"},
    {"id": "c", "title": "escaped \\ud800 backslash", "start": "2024-05-02"})");
  auto r = parse_feed(text);
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 3u);
  EXPECT_EQ(r.feed->talks[0].title, "lone \uFFFD high");
  EXPECT_EQ(r.feed->talks[1].title, "lone \uFFFD low 😀 pair");
  EXPECT_EQ(r.feed->talks[2].title, "escaped \\ud800 backslash");
  auto [line0, col0] = position_of(text, "\\ud800");
  auto [line1, col1] = position_of(text, "\\udc00");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "[feed.lone_surrogate] line " + std::to_string(line0) + ", column " + std::to_string(col0) +
                    ": unpaired surrogate \\ud800 replaced by U+FFFD",
                "[feed.lone_surrogate] line " + std::to_string(line1) + ", column " + std::to_string(col1) +
                    ": unpaired surrogate \\udc00 replaced by U+FFFD"}));
}

TEST(FeedErrors, WarningsNeverSkipTalksButErrorsDo) {
  auto r = parse_feed(with_talks(R"({"id": "w", "title": "A", "start": "2024-05-02", "kind": "lecture", "status": "maybe",
      "tags": "x", "series": "none", "links": {"a": "javascript:x"}},
    {"id": "e", "title": "B", "start": "2024-05-02", "end": "2024-05-01"})"));
  ASSERT_TRUE(r.feed);
  ASSERT_EQ(r.feed->talks.size(), 1u);
  EXPECT_EQ(r.feed->talks[0].id, "w");
  int errors = 0, warnings = 0;
  for (const auto& d : r.diagnostics) (d.level == severity::error ? errors : warnings)++;
  EXPECT_EQ(errors, 1);
  EXPECT_EQ(warnings, 5);
  EXPECT_TRUE(has_errors(r.diagnostics));
}

// Regression: after a UTF-8 byte order mark the pointer locator read the mark as
// the start of a value, so every problem lost its line and column.
TEST(FeedErrors, LocatesProblemsTheSameAfterAByteOrderMark) {
  const std::string text = read_fixture("cli-broken.json");
  auto plain = parse_feed(text), marked = parse_feed("\xEF\xBB\xBF" + text);
  ASSERT_EQ(marked.diagnostics.size(), 3u);
  EXPECT_EQ(messages(marked), messages(plain));
  EXPECT_EQ(marked.diagnostics[0].to_string(),
            "[talk.bad_start] /talks/1/start " + where(text, "\"2023-02-29T10:00\"") + ": invalid date \"2023-02-29T10:00\" (talk \"bad-date\")");
}

}  // namespace
