#include "talktime/version.hpp"

namespace talktime {

// TALKTIME_VERSION comes from package.json through CMakeLists.txt.
std::string_view version() { return TALKTIME_VERSION; }

}  // namespace talktime
