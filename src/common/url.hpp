// URLs: only http:, https: and mailto: links ever reach the page; percent-encoding
// and hosts for calendar links and UIDs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace talktime::detail {

/// What a link's text becomes (check_url).
struct url_check {
  std::optional<std::string> url;  ///< the URL to use; nullopt: the link is dropped
  std::string problem;             ///< why it was dropped or changed; "" when it is used as written
  bool without_scheme = false;     ///< the problem is a missing scheme (code *.url_without_scheme), else *.bad_url
};

/// The one rule for every link of a feed (the talktime parser's, so importers' too;
/// docs/feed-format.md, "Links and URLs"). Tabs and newlines are removed first, as
/// browsers do, so "java\tscript:" is caught.
///
/// - http:, https: and mailto: URLs are kept; any other scheme is dropped.
/// - Without a scheme, a text that reads as a host name ("nymtech.net",
///   "www.example.org/x", "example.org:8080") gets "https://", and one that reads as
///   an e-mail address "mailto:"; both with a problem (a warning), never silently.
/// - Any other relative URL ("slides/a.pdf", "/img/a.jpg", "./a.pdf", "//cdn.example/x")
///   is resolved against `base` (the feed's url) when that is an http(s) URL, and
///   dropped with a problem when it is not (it would resolve against whatever page
///   shows the feed).
///
///     check_url("nymtech.net", "").url;  // "https://nymtech.net", problem set, without_scheme
url_check check_url(std::string_view raw, std::string_view base);

/// check_url's URL, or nullopt with `why` set when it is dropped.
std::optional<std::string> safe_url(std::string_view raw, std::string_view base, std::string& why);

/// The link kinds the renderer has words for (livestream, video, slides,
/// registration, paper, code, recording, website) in their lower-case spelling,
/// matched without regard to case; any other kind as it is written (trimmed), so a
/// feed's own labels keep their capitals.
///
///     canonical_link_kind("Slides");   // "slides"
///     canonical_link_kind("Blog DE");  // "Blog DE"
std::string canonical_link_kind(std::string_view kind);

/// One of those kinds, spelled as canonical_link_kind returns it.
bool is_known_link_kind(std::string_view kind);

/// RFC 3986 percent-encoding of UTF-8 bytes: only A-Z a-z 0-9 - . _ ~ are kept.
std::string percent_encode(std::string_view text);

/// The host of an http(s) URL, lower case, without user info or port; "" when there is none.
std::string url_host(std::string_view url);

}  // namespace talktime::detail
