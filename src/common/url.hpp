// URL safety: only http:, https: and mailto: links ever reach the page.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace talktime::detail {

/// The URL to render for `raw`, resolved against `base` when relative (and
/// `base` is an http(s) URL); nullopt with `why` set when it must be dropped.
/// Tabs and newlines are removed first, as browsers do, so "java\tscript:" is caught.
std::optional<std::string> safe_url(std::string_view raw, std::string_view base, std::string& why);

}  // namespace talktime::detail
