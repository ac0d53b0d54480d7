// Internals shared by the parser, query engine and renderer: UTF-8 and search
// folding (src/text.hpp), URL safety (src/url.hpp), the byte-level JSON passes
// (src/json_scan.hpp) and time text (src/time_text.hpp).
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "feed/json_scan.hpp"
#include "common/text.hpp"
#include "time/time_text.hpp"
#include "common/url.hpp"

namespace {

using namespace talktime::detail;
using talktime::feed_limits;
using talktime::severity;
using talktime::format_iso_utc;

// ---------------------------------------------------------------- text.hpp

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

// ----------------------------------------------------------------- url.hpp

std::string url_or_why(std::string_view raw, std::string_view base) {
  std::string why;
  auto url = safe_url(raw, base, why);
  return url ? *url : "DROPPED: " + why;
}

constexpr const char* base = "https://seminar.example.org/talks/index.html?x=1#top";

TEST(SafeUrl, KeepsHttpHttpsAndMailto) {
  EXPECT_EQ(url_or_why("https://a.example/c?d=1#e", base), "https://a.example/c?d=1#e");
  EXPECT_EQ(url_or_why("http://a.example/", base), "http://a.example/");
  EXPECT_EQ(url_or_why("HTTPS://A.EXAMPLE/", base), "HTTPS://A.EXAMPLE/");
  EXPECT_EQ(url_or_why("mailto:seminar@example.org", base), "mailto:seminar@example.org");
  EXPECT_EQ(url_or_why("  https://a.example/  ", base), "https://a.example/");
  EXPECT_EQ(url_or_why("https:\\\\evil.example\\x", base), "https://evil.example/x");  // as browsers read it
}

TEST(SafeUrl, DropsScriptAndOtherSchemes) {
  const std::string not_allowed = "DROPPED: only http:, https: and mailto: links are allowed";
  for (std::string raw : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                          "java\nscript:alert(1)", "java\r\nscript:alert(1)", "\x01javascript:alert(1)",
                          "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "ftp://x.example/",
                          "file:///etc/passwd", ":x", "a:b"}) {
    EXPECT_EQ(url_or_why(raw, base), not_allowed) << testing::PrintToString(raw);
  }
  EXPECT_EQ(url_or_why("http:evil", base), "DROPPED: a web address needs \"http://\"");
  EXPECT_EQ(url_or_why("https:/x", base), "DROPPED: a web address needs \"https://\"");
  EXPECT_EQ(url_or_why("https://x/\x01y", base), "DROPPED: it contains control characters");
  EXPECT_EQ(url_or_why("https://x/\x7Fy", base), "DROPPED: it contains control characters");
  EXPECT_EQ(url_or_why("", base), "DROPPED: it is empty");
  EXPECT_EQ(url_or_why(" \t ", base), "DROPPED: it is empty");
}

TEST(SafeUrl, ResolvesRelativeUrlsAgainstTheFeedUrl) {
  EXPECT_EQ(url_or_why("slides/a.pdf", base), "https://seminar.example.org/talks/slides/a.pdf");
  EXPECT_EQ(url_or_why("./a.pdf", base), "https://seminar.example.org/talks/a.pdf");
  EXPECT_EQ(url_or_why("../a.pdf", base), "https://seminar.example.org/a.pdf");
  EXPECT_EQ(url_or_why("../../../../a.pdf", base), "https://seminar.example.org/a.pdf");
  EXPECT_EQ(url_or_why("/img/./x/../s.jpg", base), "https://seminar.example.org/img/s.jpg");
  EXPECT_EQ(url_or_why("?page=2", base), "https://seminar.example.org/talks/index.html?page=2");
  EXPECT_EQ(url_or_why("#frag", base), "https://seminar.example.org/talks/index.html?x=1#frag");
  EXPECT_EQ(url_or_why("//cdn.example.net/x", base), "https://cdn.example.net/x");
  EXPECT_EQ(url_or_why("d/", base), "https://seminar.example.org/talks/d/");
  EXPECT_EQ(url_or_why("1abc:z", base), "https://seminar.example.org/talks/1abc:z");  // not a scheme
  // A base with no path, and one that is a bare directory.
  EXPECT_EQ(url_or_why("slides/a.pdf", "https://tinyurl.com/fastpath2021"), "https://tinyurl.com/slides/a.pdf");
  EXPECT_EQ(url_or_why("slides/a.pdf", "https://mlsys.stanford.edu/"), "https://mlsys.stanford.edu/slides/a.pdf");
  EXPECT_EQ(url_or_why("a", "https://h.example"), "https://h.example/a");
}

TEST(SafeUrl, LeavesRelativeUrlsWithoutAnHttpBase) {
  EXPECT_EQ(url_or_why("slides/a.pdf", ""), "slides/a.pdf");
  EXPECT_EQ(url_or_why("slides/a.pdf", "ftp://h.example/"), "slides/a.pdf");
  EXPECT_EQ(url_or_why("javascript:alert(1)", ""), "DROPPED: only http:, https: and mailto: links are allowed");
}

// ----------------------------------------------------------- json_scan.hpp

TEST(PositionAt, CountsLinesAndCodePoints) {
  std::string_view text = "ab\nKä🎉x\n";
  EXPECT_EQ(position_at(text, 0).line, 1);
  EXPECT_EQ(position_at(text, 0).column, 1);
  EXPECT_EQ(position_at(text, 2).column, 3);
  auto x = position_at(text, text.find('x'));
  EXPECT_EQ(x.line, 2);
  EXPECT_EQ(x.column, 4);  // K, ä, 🎉 are one column each
  auto end = position_at(text, text.size());
  EXPECT_EQ(end.line, 3);
  EXPECT_EQ(end.column, 1);
}

TEST(Preflight, PassesCleanTextThrough) {
  auto r = preflight_json(R"({"a":["Kä🎉\ud83d\ude00"]})", {});
  EXPECT_FALSE(r.changed);
  EXPECT_FALSE(r.error);
  EXPECT_TRUE(r.warnings.empty());
  EXPECT_TRUE(r.repaired.empty());
}

TEST(Preflight, RepairsInvalidUtf8KeepingPositions) {
  std::string text = "{\"t\":\"K\xE4stner\"}";
  auto r = preflight_json(text, {});
  ASSERT_TRUE(r.changed);
  EXPECT_EQ(r.repaired, "{\"t\":\"K\xEF\xBF\xBDstner\"}");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].to_string(), "[feed.bad_utf8] line 1, column 8: invalid UTF-8 byte 0xE4 replaced by U+FFFD");
  EXPECT_EQ(r.warnings[0].level, severity::warning);
}

TEST(Preflight, ReportsEachInvalidByteAtItsOwnColumn) {
  auto r = preflight_json("[\"\xA9\xA9x\"]", {});
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].column, 3);
  EXPECT_EQ(r.warnings[1].column, 4);
}

TEST(Preflight, CapsEncodingWarningsAtTen) {
  std::string text = "[\"" + std::string(13, '\xFF') + "\"]";
  auto r = preflight_json(text, {});
  ASSERT_EQ(r.warnings.size(), 11u);
  EXPECT_EQ(r.warnings[10].to_string(), "[feed.bad_utf8]: 3 more encoding problems were repaired");
  EXPECT_EQ(r.warnings[10].line, 0);
  EXPECT_EQ(r.warnings[10].column, 0);
}

TEST(Preflight, ReplacesUnpairedSurrogateEscapes) {
  auto r = preflight_json(R"(["\ud800", "\udc00", "\ud83d\ude00", "\\ud800", "\ud83d"])", {});
  ASSERT_TRUE(r.changed);
  EXPECT_EQ(r.repaired, R"(["\uFFFD", "\uFFFD", "\ud83d\ude00", "\\ud800", "\uFFFD"])");
  ASSERT_EQ(r.warnings.size(), 3u);
  EXPECT_EQ(r.warnings[0].to_string(), "[feed.lone_surrogate] line 1, column 3: unpaired surrogate \\ud800 replaced by U+FFFD");
  EXPECT_EQ(r.warnings[1].column, 13);
  EXPECT_EQ(r.warnings[2].column, 50);
}

TEST(Preflight, EnforcesSizeAndDepthLimits) {
  feed_limits small;
  small.max_bytes = 10;
  auto big = preflight_json("[1,2,3,4,5,6]", small);
  ASSERT_TRUE(big.error);
  EXPECT_EQ(big.error->to_string(), "[feed.too_large] line 1, column 1: the feed is 13 bytes; the limit is 10 bytes");
  EXPECT_FALSE(preflight_json("[1,2,3,4]", small).error);  // 9 bytes

  feed_limits shallow;
  shallow.max_depth = 3;
  EXPECT_FALSE(preflight_json("[[[1]]]", shallow).error);
  EXPECT_FALSE(preflight_json("[\"[[[[[[\"]", shallow).error);  // brackets in strings do not count
  auto deep = preflight_json("[[[[1]]]]", shallow);
  ASSERT_TRUE(deep.error);
  EXPECT_EQ(deep.error->to_string(), "[feed.too_deep] line 1, column 4: arrays and objects nest deeper than 3 levels, the limit");
}

TEST(LocatePointer, FindsValuesInNestedText) {
  std::string_view text =
      "{\n"
      "  \"a/b\": 1, \"m~n\": [true, \"x]},\\\"\", {\"k\": null}],\n"
      "  \"talks\": [\n"
      "    {\"title\": \"Kä\", \"start\": \"2024\"},\n"
      "    {\"title\": \"B\", \"links\": {\"slides\": \"s.pdf\"}}\n"
      "  ],\n"
      "  \"dup\": 1, \"dup\": 2\n"
      "}\n";
  auto at = [&](std::string_view pointer) {
    auto p = locate_pointer(text, pointer);
    return p ? std::to_string(p->line) + ":" + std::to_string(p->column) : std::string("none");
  };
  EXPECT_EQ(at(""), "1:1");
  EXPECT_EQ(at("/a~1b"), "2:10");
  EXPECT_EQ(at("/m~0n/1"), "2:27");
  EXPECT_EQ(at("/m~0n/2/k"), "2:43");
  EXPECT_EQ(at("/talks"), "3:12");
  EXPECT_EQ(at("/talks/0"), "4:5");
  EXPECT_EQ(at("/talks/0/start"), "4:30");  // ä is one column
  EXPECT_EQ(at("/talks/1/links/slides"), "5:40");
  EXPECT_EQ(at("/dup"), "7:20");  // the last duplicate wins, as when parsing
  EXPECT_EQ(at("/talks/2"), "none");
  EXPECT_EQ(at("/missing"), "none");
  EXPECT_EQ(at("/a~1b/0"), "none");
  EXPECT_EQ(at("/talks/x"), "none");
  EXPECT_EQ(at("talks"), "none");
}

// ----------------------------------------------------------- time_text.hpp

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
