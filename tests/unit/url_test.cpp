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

TEST(SafeUrl, DropsRelativeUrlsWithoutAnHttpBase) {
  const std::string no_base = "DROPPED: it has no scheme, and the feed has no \"url\" to resolve it against";
  EXPECT_EQ(url_or_why("slides/a.pdf", ""), no_base);
  EXPECT_EQ(url_or_why("slides/a.pdf", "ftp://h.example/"), no_base);
  EXPECT_EQ(url_or_why("/img/a.jpg", ""), no_base);
  EXPECT_EQ(url_or_why("./nymtech.net", ""), no_base);  // "./" makes it a path, whatever follows
  EXPECT_EQ(url_or_why("javascript:alert(1)", ""), "DROPPED: only http:, https: and mailto: links are allowed");
}

// The link rule for a text without a scheme (url.hpp): a host name gets "https://"
// and an e-mail address "mailto:", each with a warning, with or without a base.
TEST(CheckUrl, ReadsHostNamesAndMailAddressesWithoutSchemeWithAWarning) {
  struct expectation {
    const char* raw;
    const char* url;
  };
  for (const char* b : {"", base}) {
    for (auto [raw, url] : {expectation{"nymtech.net", "https://nymtech.net"},
                            expectation{"www.example.org/a?b#c", "https://www.example.org/a?b#c"},
                            expectation{"example.org:8080/x", "https://example.org:8080/x"},
                            expectation{"sub.host-name.example.museum", "https://sub.host-name.example.museum"},
                            expectation{"talks@example.org", "mailto:talks@example.org"}}) {
      auto checked = check_url(raw, b);
      EXPECT_EQ(checked.url.value_or("DROPPED"), url) << raw;
      EXPECT_TRUE(checked.without_scheme) << raw;
      EXPECT_EQ(checked.problem, std::string("has no scheme; read as \"") + url + "\"") << raw;
    }
  }
  // Without a base, "//host" takes https:; with one, it is an ordinary relative URL (no problem).
  EXPECT_EQ(check_url("//cdn.example.net/x", "").url.value_or(""), "https://cdn.example.net/x");
  EXPECT_TRUE(check_url("//cdn.example.net/x", "").without_scheme);
  EXPECT_TRUE(check_url("//cdn.example.net/x", base).problem.empty());
  // Not host names: one label, a numeric or too short top-level label, a leading hyphen, a bad port.
  for (const char* raw : {"localhost", "a.b1", "10.0.0.1", "x.y", "-a.example.org", "a..org"}) {
    EXPECT_FALSE(check_url(raw, "").url) << raw;
    EXPECT_EQ(check_url(raw, base).url.value_or(""), std::string("https://seminar.example.org/talks/") + raw) << raw;
  }
  // Absolute URLs pass without a problem; other schemes are bad URLs, not missing schemes.
  EXPECT_TRUE(check_url("https://a.example/", "").problem.empty());
  EXPECT_FALSE(check_url("ftp://a.example/", "").without_scheme);
}

TEST(LinkKind, KnownKindsAreLowerCaseAndTheRestKeepTheirCapitals) {
  EXPECT_EQ(canonical_link_kind(" Slides "), "slides");
  EXPECT_EQ(canonical_link_kind("LIVESTREAM"), "livestream");
  EXPECT_EQ(canonical_link_kind("Blog DE"), "Blog DE");
  EXPECT_EQ(canonical_link_kind("GitHub"), "GitHub");
  EXPECT_TRUE(is_known_link_kind("website"));
  EXPECT_FALSE(is_known_link_kind("Website"));
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
