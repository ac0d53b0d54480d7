// iCalendar text rules (src/formats/ics_text.hpp): escaping, unescaping and line folding.
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <string>

#include "common/text.hpp"
#include "formats/ics_text.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;

TEST(IcsText, EscapesText) {
  EXPECT_EQ(detail::ics_escape_text("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
  EXPECT_EQ(detail::ics_escape_text("tab\tstays, bell\x07 and DEL\x7f go"), "tab\tstays\\, bell and DEL go");
  EXPECT_EQ(detail::ics_escape_text("Kästner: \"ok\""), "Kästner: \"ok\"");
}

TEST(IcsText, UnescapesText) {
  EXPECT_EQ(detail::ics_unescape_text("a\\\\b\\;c\\,d\\ne\\Nf"), "a\\b;c,d\ne\nf");
  EXPECT_EQ(detail::ics_unescape_text("odd \\x and end\\"), "odd x and end\\");
  std::string text = "Line; one,\nline \\ two";
  EXPECT_EQ(detail::ics_unescape_text(detail::ics_escape_text(text)), text);
}

TEST(IcsText, FoldsLongLines) {
  std::string out;
  detail::append_ics_line(out, std::string(75, 'a'));
  EXPECT_EQ(out, std::string(75, 'a') + "\r\n");
  out.clear();
  detail::append_ics_line(out, std::string(76, 'a'));
  EXPECT_EQ(out, std::string(75, 'a') + "\r\n a\r\n");
  out.clear();
  detail::append_ics_line(out, std::string(75 + 74 + 1, 'b'));
  EXPECT_EQ(out, std::string(75, 'b') + "\r\n " + std::string(74, 'b') + "\r\n b\r\n");
}

TEST(IcsText, FoldsWithoutSplittingUtf8) {
  // "SUMMARY:" is 8 octets; then 2-octet "ä"s: octets 74-75 hold a whole ä, 76-77 the next.
  std::string line = "SUMMARY:";
  for (int i = 0; i < 40; ++i) line += "ä";
  std::string out;
  detail::append_ics_line(out, line);
  auto lines = physical_lines(out);
  ASSERT_EQ(lines.size(), 2u);
  std::string first = "SUMMARY:", second = " ";
  for (int i = 0; i < 33; ++i) first += "ä";  // 8 + 66 = 74 octets: the next ä would make 76
  for (int i = 0; i < 7; ++i) second += "ä";
  EXPECT_EQ(lines[0], first);
  EXPECT_EQ(lines[1], second);

  // 4-octet characters at every alignment.
  for (int pad = 0; pad < 4; ++pad) {
    std::string text = "X:" + std::string(std::size_t(pad), 'p');
    for (int i = 0; i < 60; ++i) text += "\U0001F600";
    std::string folded;
    detail::append_ics_line(folded, text);
    std::string unfolded;
    for (const auto& l : physical_lines(folded)) {
      EXPECT_LE(l.size(), 75u);
      char32_t c;
      std::string_view piece = l;
      if (!unfolded.empty()) {
        ASSERT_FALSE(piece.empty());
        EXPECT_EQ(piece.front(), ' ');
        piece.remove_prefix(1);
      }
      for (std::size_t i = 0; i < piece.size();) {
        auto n = detail::decode_utf8(piece, i, c);
        ASSERT_GT(n, 0u) << "split character in line " << l;
        i += n;
      }
      unfolded += piece;
    }
    EXPECT_EQ(unfolded, text);
  }
}

TEST(IcsText, PercentEncodesWhatCannotStandInAUri) {
  EXPECT_EQ(detail::ics_uri("https://example.org/a b\"c<d>e\\f^g`h{i|j}k\x01\x7Fü?x=1&y=%41#top"),
            "https://example.org/a%20b%22c%3Cd%3Ee%5Cf%5Eg%60h%7Bi%7Cj%7Dk%01%7F%C3%BC?x=1&y=%41#top");
}

}  // namespace
