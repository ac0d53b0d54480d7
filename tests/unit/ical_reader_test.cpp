// Reading iCalendar text (src/formats/ical_reader.hpp): unfolding and content lines.
#include <gtest/gtest.h>

#include <string>

#include "formats/ical_reader.hpp"

namespace {

using namespace talktime::detail;

TEST(UnfoldLines, JoinsContinuationsAndNumbersPhysicalLines) {
  auto u = unfold_lines("\xEF\xBB\xBF" "BEGIN:VCALENDAR\r\nSUMMARY:Long\r\n  title\r\n\tend\r\n\r\nEND:VCALENDAR");
  ASSERT_EQ(u.lines.size(), 3u);
  EXPECT_EQ(u.lines[0].number, 1);
  EXPECT_EQ(u.lines[0].text, "BEGIN:VCALENDAR");
  EXPECT_EQ(u.lines[1].number, 2);
  EXPECT_EQ(u.lines[1].text, "SUMMARY:Long titleend");
  EXPECT_EQ(u.lines[2].number, 6);  // the blank line 5 is left out
  EXPECT_EQ(u.bad_bytes, 0u);
}

TEST(UnfoldLines, RepairsUtf8OnlyOnceFoldsAreUndone) {
  // "ä" (C3 A4) folded between its two bytes is whole again; the lone FF is not UTF-8.
  auto u = unfold_lines("A:x\nB:\xC3\n \xA4\nC:\xFF\n");
  ASSERT_EQ(u.lines.size(), 3u);
  EXPECT_EQ(u.lines[1].text, "B:\xC3\xA4");
  EXPECT_EQ(u.lines[2].text, "C:\xEF\xBF\xBD");
  EXPECT_EQ(u.bad_bytes, 1u);
  EXPECT_EQ(u.first_bad_line, 4);
}

TEST(SplitContentLine, ReadsNameParametersAndValue) {
  content_line cl;
  ASSERT_TRUE(split_content_line("dtStart;tzid=\"Europe/Berlin\";X-A=a,\"b:c\":20240502T090000", cl));
  EXPECT_EQ(cl.name, "DTSTART");
  ASSERT_EQ(cl.params.size(), 2u);
  EXPECT_EQ(*cl.param("TZID"), "Europe/Berlin");
  EXPECT_EQ(*cl.param("X-A"), "a,b:c");
  EXPECT_EQ(cl.param("VALUE"), nullptr);
  EXPECT_EQ(cl.value, "20240502T090000");
}

TEST(SplitContentLine, RejectsLinesThatAreNotNameColonValue) {
  content_line cl;
  EXPECT_FALSE(split_content_line(":value", cl));
  EXPECT_FALSE(split_content_line("NAME value", cl));
  EXPECT_FALSE(split_content_line("NAME;=x:value", cl));
  EXPECT_FALSE(split_content_line("NAME;P=\"open:value", cl));
  EXPECT_TRUE(split_content_line("NAME:", cl));
  EXPECT_EQ(cl.value, "");
}

}  // namespace
