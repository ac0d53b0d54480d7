// The version of talktime: the library, the CLI, the widget and the feed format
// are released together under the version in package.json.
#pragma once

#include <string_view>

namespace talktime {

/// The release, as package.json names it.
///
///     std::cout << "talktime " << talktime::version();  // "talktime 0.1.0"
std::string_view version();

}  // namespace talktime
