// Reading iCalendar text (src/formats/ical_reader.hpp): unfolding and content lines.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "formats/ical_reader.hpp"

namespace {

using namespace talktime::detail;

struct read_lines {
  std::vector<numbered_line> lines;
  std::size_t bad_bytes = 0, controls = 0;
  int first_bad_line = 0, first_control_line = 0;
};

read_lines read_all(std::string_view text) {
  logical_lines reader(text);
  read_lines out;
  numbered_line line;
  while (reader.next(line)) out.lines.push_back(line);
  out.bad_bytes = reader.bad_bytes();
  out.first_bad_line = reader.first_bad_line();
  out.controls = reader.controls();
  out.first_control_line = reader.first_control_line();
  return out;
}

TEST(LogicalLines, JoinsContinuationsAndNumbersPhysicalLines) {
  auto u = read_all("\xEF\xBB\xBF" "BEGIN:VCALENDAR\r\nSUMMARY:Long\r\n  title\r\n\tend\r\n\r\nEND:VCALENDAR");
  ASSERT_EQ(u.lines.size(), 3u);
  EXPECT_EQ(u.lines[0].number, 1);
  EXPECT_EQ(u.lines[0].text, "BEGIN:VCALENDAR");
  EXPECT_EQ(u.lines[1].number, 2);
  EXPECT_EQ(u.lines[1].text, "SUMMARY:Long titleend");
  EXPECT_EQ(u.lines[2].number, 6);  // the blank line 5 is left out
  EXPECT_EQ(u.bad_bytes, 0u);
}

TEST(LogicalLines, AContinuationAfterABlankLineJoinsTheLineBeforeIt) {
  auto u = read_all("A:x\r\n\r\n\r\n y\r\nB:z");
  ASSERT_EQ(u.lines.size(), 2u);
  EXPECT_EQ(u.lines[0].text, "A:xy");
  EXPECT_EQ(u.lines[1].number, 5);
  EXPECT_EQ(u.lines[1].text, "B:z");
}

TEST(LogicalLines, RepairsUtf8OnlyOnceFoldsAreUndone) {
  // "ä" (C3 A4) folded between its two bytes is whole again; the lone FF is not UTF-8.
  auto u = read_all("A:x\nB:\xC3\n \xA4\nC:\xFF\n");
  ASSERT_EQ(u.lines.size(), 3u);
  EXPECT_EQ(u.lines[1].text, "B:\xC3\xA4");
  EXPECT_EQ(u.lines[2].text, "C:\xEF\xBF\xBD");
  EXPECT_EQ(u.bad_bytes, 1u);
  EXPECT_EQ(u.first_bad_line, 4);
}

TEST(LogicalLines, RemovesControlCharactersButTab) {
  auto u = read_all("A:ok\r\nSUMMARY:a\x01\x02" "b\tc\x7F\r\nC:\x1B[31m\r\n");
  ASSERT_EQ(u.lines.size(), 3u);
  EXPECT_EQ(u.lines[0].text, "A:ok");
  EXPECT_EQ(u.lines[1].text, "SUMMARY:ab\tc");
  EXPECT_EQ(u.lines[2].text, "C:[31m");
  EXPECT_EQ(u.controls, 4u);
  EXPECT_EQ(u.first_control_line, 2);
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
