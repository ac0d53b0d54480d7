// Large feeds off the page's main thread (web/src/feed-worker.js): a Web Worker's
// instance of this module receives the feed's bytes straight into its memory as
// they download, reads and validates them once, and hands over the compact form
// (src/feed/compact_feed.hpp); the page's instance loads that in slices and opens
// a schedule from it without reading the text again. Replies have the shape of
// wasm_bindings.cpp's: {ok: true, value} or {ok: false, error: {code, message, diagnostics}}.
#include <emscripten/bind.h>

#include <map>
#include <memory>
#include <string>

#include "feed/compact_feed.hpp"
#include "open_schedules.hpp"
#include "request_json.hpp"
#include "talktime/talktime.hpp"

namespace {

using namespace talktime::wasm;

emscripten::val parsed_json(const json& value) {
  return emscripten::val::global("JSON").call<emscripten::val>(
      "parse", value.dump(-1, ' ', false, json::error_handler_t::replace));
}

emscripten::val ok(const json& value) { return parsed_json({{"ok", true}, {"value", value}}); }

emscripten::val failure(const std::string& code, const std::string& message, const json& diagnostics = json::array()) {
  return parsed_json({{"ok", false}, {"error", {{"code", code}, {"message", message}, {"diagnostics", diagnostics}}}});
}

// A single feed's diagnostics as openFeeds gives them (no source name).
json single_feed_diagnostics(const std::vector<talktime::diagnostic>& list) {
  json out = diagnostics_json(list);
  for (auto& d : out) d["source"] = "";
  return out;
}

// The worker's side ----------------------------------------------------------

// The feed's bytes, written in by the worker as they arrive, then its compact form.
std::string& feed_input() {
  static std::string input;
  return input;
}
std::string& compact_output() {
  static std::string output;
  return output;
}

// Makes room for `size` bytes of feed (keeping those already written) and returns
// where they start in the module's memory: the worker copies each downloaded chunk
// there, so no JavaScript copy of the whole feed is ever made.
double reserve_feed_input(double size) {
  feed_input().resize(std::size_t(size));
  return double(reinterpret_cast<std::uintptr_t>(feed_input().data()));
}

// Reads the first `length` bytes written in as a talktime feed ({"maxBytes",
// "maxDepth"} as openFeeds takes them) -> {address, length, talks}: where its compact
// form lies in memory (until releaseCompactFeed). The feed's text is freed first.
// A feed of another format is not read here: feed.not_talktime (the page reads it).
emscripten::val read_feed_input(double length, const std::string& limits_text) {
  auto& input = feed_input();
  input.resize(std::min(input.size(), std::size_t(length)));
  if (talktime::detect_feed_format(input) != talktime::feed_format::talktime)
    return failure("feed.not_talktime", "not a talktime feed: read on the page");
  auto parsed = talktime::parse_feed(input, limits_of(json::parse(limits_text, nullptr, false)));
  std::string().swap(input);
  if (!parsed.feed) {
    auto diagnostics = single_feed_diagnostics(parsed.diagnostics);
    for (const auto& d : parsed.diagnostics)
      if (d.level == talktime::severity::error) return failure(d.code, d.to_string(), diagnostics);
    return failure("feed.unreadable", "the feed could not be read", diagnostics);
  }
  compact_output() = talktime::compact::write(*parsed.feed, parsed.diagnostics);
  const auto& out = compact_output();
  return ok({{"address", double(reinterpret_cast<std::uintptr_t>(out.data()))},
             {"length", out.size()},
             {"talks", parsed.feed->talks.size()}});
}

emscripten::val release_compact_feed() {
  std::string().swap(compact_output());
  std::string().swap(feed_input());
  return ok(true);
}

// The page's side --------------------------------------------------------------

std::map<int, std::unique_ptr<talktime::compact::reader>>& compact_readers() {
  static std::map<int, std::unique_ptr<talktime::compact::reader>> readers;
  return readers;
}

// A new compact feed to load: its number for takeCompactFeed and openCompactFeed.
int begin_compact_feed() {
  static int next = 0;
  compact_readers()[++next] = std::make_unique<talktime::compact::reader>();
  return next;
}

// Reads the whole parts at the start of `bytes` (a Uint8Array) and answers how many
// bytes they were (the page passes the rest again, with more); -1 once the bytes are
// not a compact feed.
double take_compact_feed(int id, const emscripten::val& bytes) {
  auto it = compact_readers().find(id);
  if (it == compact_readers().end()) return -1;
  std::string piece(bytes["length"].as<std::size_t>(), '\0');
  if (!piece.empty())
    emscripten::val(emscripten::typed_memory_view(piece.size(), reinterpret_cast<unsigned char*>(piece.data())))
        .call<void>("set", bytes);
  auto used = it->second->take(piece);
  return it->second->failed() ? -1 : double(used);
}

// Opens the schedule of a compact feed read whole -> {handle, diagnostics, meta,
// failedSources: []}, as openFeeds answers for one feed.
emscripten::val open_compact_feed(int id) {
  auto it = compact_readers().find(id);
  if (it == compact_readers().end()) return failure("request.invalid", "no compact feed is being loaded as " + std::to_string(id));
  auto reader = std::move(it->second);
  compact_readers().erase(it);
  if (reader->failed() || !reader->complete()) return failure("feed.compact", "the worker's compact feed is incomplete");
  json value = {{"diagnostics", single_feed_diagnostics(reader->diagnostics())},
                {"meta", meta_json(reader->model())},
                {"failedSources", json::array()}};
  value["handle"] = adopt_schedule(std::make_unique<talktime::schedule>(std::move(reader->model())));
  return ok(value);
}

}  // namespace

EMSCRIPTEN_BINDINGS(talktime_compact_feed) {
  emscripten::function("reserveFeedInput", &reserve_feed_input);
  emscripten::function("readFeedInput", &read_feed_input);
  emscripten::function("releaseCompactFeed", &release_compact_feed);
  emscripten::function("beginCompactFeed", &begin_compact_feed);
  emscripten::function("takeCompactFeed", &take_compact_feed);
  emscripten::function("openCompactFeed", &open_compact_feed);
}
