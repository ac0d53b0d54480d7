// The schedules the page has open, by handle: shared by the binding files, so a
// feed opened from its compact form (compact_feed_bindings.cpp) gets a handle like
// one opened from its text (wasm_bindings.cpp).
#pragma once

#include <memory>

#include "talktime/schedule.hpp"

namespace talktime::wasm {

/// Keeps `s` open until closeFeed and returns its handle (1, 2, …; never reused).
int adopt_schedule(std::unique_ptr<schedule> s);

}  // namespace talktime::wasm
