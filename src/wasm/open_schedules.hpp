// The schedules the page has open, by handle: shared by the binding files, so a
// feed opened from its compact form (compact_feed_bindings.cpp) gets a handle like
// one opened from its text (wasm_bindings.cpp).
#pragma once

#include <map>
#include <memory>

#include "talktime/html_renderer.hpp"
#include "talktime/schedule.hpp"

namespace talktime::wasm {

/// Keeps `s` open until closeFeed and returns its handle (1, 2, …; never reused).
int adopt_schedule(std::unique_ptr<schedule> s);

/// The open schedules by handle.
std::map<int, std::unique_ptr<schedule>>& open_schedules();

/// A list the widget renders in parts ({"parts": true}), kept per feed: the query's
/// matches, the options of its first part and where the last part ended. A later part
/// ({"more": true, "limit"}) renders its own talks alone: no query, no walk over the
/// talks before it, so a 10,000-talk list costs its parts and not their squares.
struct list_in_parts {
  query_result found;
  render_options options;
  list_position position;
};

/// The lists being rendered in parts, by the handle of their feed.
std::map<int, list_in_parts>& lists_in_parts();

}  // namespace talktime::wasm
