// URL safety and encoding (src/common/url.hpp).
#include <gtest/gtest.h>

#include <string>

#include "common/url.hpp"

namespace {

using namespace talktime::detail;

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

TEST(UrlHost, FindsTheHostOfAUrl) {
  EXPECT_EQ(url_host("https://user:pw@Example.ORG:8443/a?b#c"), "example.org");
  EXPECT_EQ(url_host("HTTP://seminar.example.org"), "seminar.example.org");
  EXPECT_EQ(url_host("https://[2001:db8::1]:443/x"), "[2001:db8::1]");
  EXPECT_EQ(url_host("mailto:a@example.org"), "");
  EXPECT_EQ(url_host("talks.json"), "");
}

TEST(PercentEncode, PercentEncodesUtf8AndReservedCharacters) {
  EXPECT_EQ(percent_encode("a b+c&d=e/f?g#h%i~j_k.l-m"), "a%20b%2Bc%26d%3De%2Ff%3Fg%23h%25i~j_k.l-m");
  EXPECT_EQ(percent_encode("Kästner\n😀"), "K%C3%A4stner%0A%F0%9F%98%80");
}

}  // namespace
