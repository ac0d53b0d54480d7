// Text helpers (src/common/text.hpp): UTF-8, search folding, slugs, trimming,
// HTML escaping, the search loop, ASCII case, quoted values and unique names.
#include <gtest/gtest.h>

#include <string>

#include "common/text.hpp"

namespace {

using namespace talktime::detail;

TEST(Utf8, DecodesEachSequenceLength) {
  char32_t c = 0;
  EXPECT_EQ(decode_utf8("A", 0, c), 1u);
  EXPECT_EQ(c, U'A');
  EXPECT_EQ(decode_utf8("\xC3\xA4", 0, c), 2u);  // ä
  EXPECT_EQ(c, U'\u00E4');
  EXPECT_EQ(decode_utf8("\xE2\x82\xAC", 0, c), 3u);  // €
  EXPECT_EQ(c, U'\u20AC');
  EXPECT_EQ(decode_utf8("\xF0\x9F\x8E\x89", 0, c), 4u);  // 🎉
  EXPECT_EQ(c, U'\U0001F389');
  EXPECT_EQ(decode_utf8("x\xC3\xA4", 1, c), 2u);
  EXPECT_EQ(c, U'\u00E4');
}

TEST(Utf8, RejectsMalformedSequences) {
  char32_t c = 0;
  for (std::string bad : {"\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80" /* U+D800 */,
                          "\xF0\x80\x80\x80", "\xF4\x90\x80\x80" /* > U+10FFFF */, "\xF5\x80\x80\x80", "\xFF",
                          "\xC3", "\xE2\x82", "\xC3(", "\xE2\x28\xA1"}) {
    EXPECT_EQ(decode_utf8(bad, 0, c), 0u) << testing::PrintToString(bad);
  }
}

TEST(Utf8, AppendRoundTrips) {
  for (char32_t c : {U'\u0041', U'\u00E4', U'\u07FF', U'\u0800', U'\u20AC', U'\uFFFD', U'\U00010000', U'\U0001F389',
                     U'\U0010FFFF'}) {
    std::string s;
    append_utf8(s, c);
    char32_t back = 0;
    EXPECT_EQ(decode_utf8(s, 0, back), s.size());
    EXPECT_EQ(back, c);
  }
  std::string s;
  append_utf8(s, U'\u00E4');
  EXPECT_EQ(s, "\xC3\xA4");
}

TEST(FoldForSearch, LowersAndStripsLatinDiacritics) {
  EXPECT_EQ(fold_for_search("Kästner"), "kastner");
  EXPECT_EQ(fold_for_search("MÜNCHEN"), "munchen");
  EXPECT_EQ(fold_for_search("Straße"), "strasse");
  EXPECT_EQ(fold_for_search("ẞ"), "ss");
  EXPECT_EQ(fold_for_search("Ærøskøbing"), "aeroskobing");
  EXPECT_EQ(fold_for_search("Łódź"), "lodz");
  EXPECT_EQ(fold_for_search("Œuvre"), "oeuvre");
  EXPECT_EQ(fold_for_search("Þór"), "thor");
  EXPECT_EQ(fold_for_search("ĳssel"), "ijssel");
  EXPECT_EQ(fold_for_search("İstanbul"), "istanbul");
  EXPECT_EQ(fold_for_search("Dvořák Šťastný Žižek"), "dvorak stastny zizek");
  EXPECT_EQ(fold_for_search("François Ñúñez Çelik ÿ"), "francois nunez celik y");
  // Every letter of Latin-1 and Latin Extended-A: one sample per base letter.
  EXPECT_EQ(fold_for_search("ĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĴĶĹĻĽĿŃŅŇŌŎŐŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽſ"),
            "aaa" "cccc" "dd" "eeeee" "gggg" "hh" "iiii" "j" "k" "llll" "nnn" "ooo" "rrr" "ssss" "ttt" "uuuuuu" "w" "yy" "zzz" "s");
}

TEST(FoldForSearch, DropsCombiningMarks) {
  EXPECT_EQ(fold_for_search("Ka\xCC\x88stner"), "kastner");  // a + U+0308
  EXPECT_EQ(fold_for_search("e\xCC\x81\xCC\xA7"), "e");
}

TEST(FoldForSearch, LowersGreekAndCyrillicAndKeepsOtherScripts) {
  EXPECT_EQ(fold_for_search("ΑΘΗΝΑ"), "αθηνα");
  // Ё loses its diaeresis like any other diacritic: Russian readers often type е for ё.
  EXPECT_EQ(fold_for_search("МОСКВА Ёж"), "москва еж");
  EXPECT_EQ(fold_for_search("محمد علي"), "محمد علي");
  EXPECT_EQ(fold_for_search("日本語 🎉"), "日本語 🎉");
}

TEST(FoldForSearch, KeepsMojibakeAsIs) {
  // "KÃ¤stner" is UTF-8 read as Latin-1; Ã folds like any Latin letter, ¤ is kept.
  EXPECT_EQ(fold_for_search("KÃ¤stner"), "ka\u00A4stner");
}

TEST(FoldForSearch, SkipsInvalidBytes) { EXPECT_EQ(fold_for_search("A\xFF" "B\x80"), "ab"); }

TEST(FoldForSearch, FoldsLatinBeyondExtendedA) {
  EXPECT_EQ(fold_for_search("Nguyễn"), "nguyen");
  EXPECT_EQ(fold_for_search("Ștefan Țurcan"), "stefan turcan");
  EXPECT_EQ(fold_for_search("Trần Đức Ưng"), "tran duc ung");
}

TEST(Slugify, MakesReadableIdFragments) {
  EXPECT_EQ(slugify("FlashAttention: Fast!", 48), "flashattention-fast");
  EXPECT_EQ(slugify("  --Hello,   World--  ", 48), "hello-world");
  EXPECT_EQ(slugify("Kästner & Co.", 48), "kastner-co");
  EXPECT_EQ(slugify("日本語", 48), "");
  EXPECT_EQ(slugify("FlashAttention: Fast!", 5), "flash");
  EXPECT_EQ(slugify("a b c d e f", 5), "a-b-c");  // never ends with a hyphen
  EXPECT_EQ(slugify("GPT-4 in 2024", 48), "gpt-4-in-2024");
}

TEST(Trim, RemovesAsciiWhiteSpaceOnly) {
  EXPECT_EQ(trim("  \t\r\n\fx y\n "), "x y");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim("\u00A0x\u00A0"), "\u00A0x\u00A0");  // no-break space is content
}

TEST(HtmlEscape, EscapesMarkupAndBothQuotes) {
  std::string out = "<kept>";
  append_html_escaped(out, "<img src=x onerror=alert(1)> & \"q\" 'a' Kästner");
  EXPECT_EQ(out, "<kept>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39; Kästner");
}


TEST(AsciiCase, ChangesAsciiLettersOnly) {
  EXPECT_EQ(ascii_lower("BEGIN:VCalendar Ä"), "begin:vcalendar Ä");
  EXPECT_EQ(ascii_upper("dtstart;tzid=Ä"), "DTSTART;TZID=Ä");
  EXPECT_TRUE(starts_with_ascii_nocase("HTTPS://Example.org", "https://"));
  EXPECT_FALSE(starts_with_ascii_nocase("http:", "https://"));
  EXPECT_FALSE(starts_with_ascii_nocase("ftp://x", "http://"));
}

TEST(QuoteForMessage, QuotesEscapesAndCutsLongValues) {
  EXPECT_EQ(quote_for_message("Kästner"), "\"Kästner\"");
  EXPECT_EQ(quote_for_message("say \"hi\" \\ bye"), "\"say \\\"hi\\\" \\\\ bye\"");
  std::string long_value(200, 'x');
  // '"' + 116 x, then "…" (3 bytes) and the closing quote.
  EXPECT_EQ(quote_for_message(long_value), "\"" + std::string(116, 'x') + "\xE2\x80\xA6\"");
  EXPECT_EQ(quote_for_message(std::string(119, 'y')), "\"" + std::string(119, 'y') + "\"");
}

TEST(UniqueNames, NumbersTakenNamesFromTwo) {
  unique_names names;
  names.insert("talk");
  EXPECT_TRUE(names.contains("talk"));
  EXPECT_FALSE(names.contains("talk-2"));
  EXPECT_EQ(names.claim("talk"), "talk-2");
  EXPECT_EQ(names.claim("talk"), "talk-3");
  EXPECT_EQ(names.claim("other"), "other");
  names.insert("x-2");
  EXPECT_EQ(names.claim("x"), "x");
  EXPECT_EQ(names.claim("x"), "x-3");  // x-2 was taken as it is
  unique_names keys(" ");
  EXPECT_EQ(keys.claim("link"), "link");
  EXPECT_EQ(keys.claim("link"), "link 2");
}

}  // namespace

// find_text against std::string_view::find (the standard library's search, written
// independently) on every start position of many small texts over a tiny alphabet,
// where partial matches, overlaps and block edges are common.
TEST(FindText, AgreesWithTheStandardSearchEverywhere) {
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  const std::string alphabet = "ab\n\xC3";
  for (int round = 0; round < 3000; ++round) {
    std::string haystack(next() % 40, ' '), needle(1 + next() % 5, ' ');
    for (auto& c : haystack) c = alphabet[next() % alphabet.size()];
    for (auto& c : needle) c = alphabet[next() % alphabet.size()];
    std::string_view h(haystack), n(needle);
    for (std::size_t from = 0; from <= haystack.size() + 1; ++from)
      ASSERT_EQ(find_text(h, n, from), h.find(n, from)) << "haystack \"" << haystack << "\" needle \"" << needle << "\" from " << from;
  }
}

TEST(FindText, FindsAtTheEdgesOfEightByteBlocks) {
  std::string text(64, 'x');
  for (std::size_t at = 0; at + 3 <= text.size(); ++at) {
    std::string t = text;
    t.replace(at, 3, "dao");
    EXPECT_EQ(find_text(t, "dao"), at);
    EXPECT_EQ(find_text(t, "dao", at + 1), std::string_view::npos);
  }
  EXPECT_EQ(find_text("attention", ""), 0u);
  EXPECT_EQ(find_text("attention", "", 4), 4u);
  EXPECT_EQ(find_text("attention", "n"), 4u);
  EXPECT_EQ(find_text("attention", "n", 5), 8u);
  EXPECT_EQ(find_text("at", "attention"), std::string_view::npos);
  EXPECT_EQ(find_text("attention", "on", 10), std::string_view::npos);
}
