// URLs: only http:, https: and mailto: links ever reach the page; percent-encoding
// and hosts for calendar links and UIDs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace talktime::detail {

/// The URL to render for `raw`, resolved against `base` when relative (and
/// `base` is an http(s) URL); nullopt with `why` set when it must be dropped.
/// Tabs and newlines are removed first, as browsers do, so "java\tscript:" is caught.
std::optional<std::string> safe_url(std::string_view raw, std::string_view base, std::string& why);

/// RFC 3986 percent-encoding of UTF-8 bytes: only A-Z a-z 0-9 - . _ ~ are kept.
std::string percent_encode(std::string_view text);

/// The host of an http(s) URL, lower case, without user info or port; "" when there is none.
std::string url_host(std::string_view url);

}  // namespace talktime::detail
