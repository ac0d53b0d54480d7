// Format names and detection (src/formats/feed_formats.cpp); parse_any_feed's
// conversions are tested with each importer.
#include <gtest/gtest.h>

#include "talktime/feed_formats.hpp"

namespace {

using namespace talktime;

TEST(FeedFormats, ParsesTheNamesUsersGive) {
  EXPECT_EQ(parse_feed_format("talktime"), feed_format::talktime);
  EXPECT_EQ(parse_feed_format("frab"), feed_format::frab);
  EXPECT_EQ(parse_feed_format("ics"), feed_format::ical);
  EXPECT_EQ(parse_feed_format("ical"), feed_format::ical);
  EXPECT_EQ(parse_feed_format("icalendar"), feed_format::ical);
  EXPECT_EQ(parse_feed_format("detect"), std::nullopt);
  EXPECT_EQ(parse_feed_format("ICS"), std::nullopt);
  EXPECT_EQ(parse_feed_format(""), std::nullopt);
  EXPECT_EQ(to_string(feed_format::ical), "ical");
}

TEST(FeedFormats, DetectsAfterAByteOrderMark) {
  EXPECT_EQ(detect_feed_format("\xEF\xBB\xBF{\"schedule\": {}}"), feed_format::frab);
  EXPECT_EQ(detect_feed_format("\xEF\xBB\xBF{\"talktime\": 1, \"schedule\": {}}"), feed_format::talktime);
  EXPECT_EQ(detect_feed_format("\xEF\xBB\xBF begin:VCALENDAR\r\n"), feed_format::ical);
}

}  // namespace
