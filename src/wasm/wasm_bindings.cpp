// The WebAssembly boundary: the only file that includes <emscripten/bind.h>.
// Requests in as JSON text (feeds as bytes), one reply shape out (see `reply`);
// feeds stay in memory behind small integer handles so a keystroke never
// re-parses or re-converts anything.
//
// Two modules are linked from this file (CMakeLists.txt): talktime-full.wasm with
// everything (full_module.cpp), and the first-render module talktime.wasm
// (first_render_module.cpp), which reads one talktime feed. It answers the same calls with the same shapes, and
// request.needs_full_module for what only the full module does (another format, several
// feeds to merge, a talk before 1970, JSON-LD; module_parts.hpp): web/src/core.js then
// opens the same bytes in the full one.
#include <emscripten/bind.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "module_parts.hpp"
#include "open_schedules.hpp"
#include "render_text_json.hpp"
#include "request_json.hpp"
#include "talktime/talktime.hpp"

namespace {

using talktime::sys_seconds;
using namespace talktime::wasm;

// The bytes of a Uint8Array, copied into wasm memory with one TypedArray.set
// (a memcpy), not the per-character loop embind uses for std::string.
std::string bytes_of(const emscripten::val& array) {
  std::string bytes(array["length"].as<std::size_t>(), '\0');
  if (!bytes.empty())
    emscripten::val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<unsigned char*>(bytes.data())))
        .call<void>("set", array);
  return bytes;
}

// Every call answers with one shape, built here and unwrapped in one place
// (web/src/core.js): {ok: true, value} or {ok: false, error: {code, message,
// diagnostics}}. Codes are stable: a feed's own code (docs/feed-format.md) when
// no schedule could be made of it, otherwise one of request.* below.
namespace reply {

emscripten::val ok(emscripten::val value) {
  auto out = emscripten::val::object();
  out.set("ok", true);
  out.set("value", std::move(value));
  return out;
}

emscripten::val ok(const json& value) {
  auto text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  return ok(emscripten::val::global("JSON").call<emscripten::val>("parse", text));
}

emscripten::val failure(const std::string& code, const std::string& message, const json& diagnostics = json::array()) {
  auto error = emscripten::val::global("JSON").call<emscripten::val>(
      "parse", json{{"code", code}, {"message", message}, {"diagnostics", diagnostics}}.dump(
                   -1, ' ', false, json::error_handler_t::replace));
  auto out = emscripten::val::object();
  out.set("ok", false);
  out.set("error", error);
  return out;
}

}  // namespace reply

// The diagnostics of every source, each prefixed with its source's name when
// several feeds are merged, and the sources that made no feed (with why).
struct opened_feeds {
  json diagnostics = json::array();
  json failed_sources = json::array();
  std::optional<talktime::feed> feed;
  const char* needs_full_module = nullptr;  // why the first-render module read nothing

  void add(const std::vector<talktime::diagnostic>& list, const std::string& source) {
    for (auto d : diagnostics_json(list)) {
      d["source"] = source;
      if (!source.empty()) d["text"] = source + ": " + d["text"].get<std::string>();
      diagnostics.push_back(std::move(d));
    }
  }

  // A source that made no feed, named by its first error ({name, code, message}).
  void add_failed(const std::string& name, const std::vector<talktime::diagnostic>& list) {
    auto first = std::find_if(list.begin(), list.end(), [](const auto& d) { return d.level == talktime::severity::error; });
    if (first == list.end()) {
      failed_sources.push_back({{"name", name}, {"code", "feed.unreadable"}, {"message", "the feed could not be read"}});
    } else {
      failed_sources.push_back({{"name", name}, {"code", first->code}, {"message", first->to_string()}});
    }
  }

  // The first error's code and text: why no schedule could be made.
  emscripten::val failure() const {
    for (const auto& d : diagnostics)
      if (d["level"] == "error") return reply::failure(d["code"].get<std::string>(), d["text"].get<std::string>(), diagnostics);
    return reply::failure("feed.unreadable", "the feed could not be read", diagnostics);
  }
};

// Every source is parsed; those that parsed make the schedule (one as it is,
// several merged) and the rest are listed in failed_sources. No feed when none parsed.
opened_feeds parse_sources(const emscripten::val& sources, std::size_t count, const talktime::feed_limits& limits,
                           const talktime::import_options& import) {
  opened_feeds out;
  bool several = count > 1;
  std::vector<talktime::feed_source> parsed;
  for (std::size_t i = 0; i < count; ++i) {
    auto source = sources[i];
    auto name = source["name"].isString() ? source["name"].as<std::string>() : std::string();
    auto format = source["format"].isString() ? source["format"].as<std::string>() : std::string();
    auto bytes = bytes_of(source["bytes"]);
    auto hint = talktime::parse_feed_format(format).value_or(talktime::feed_format::detect);
    if (const char* why = full_module_reason(bytes, hint, count)) {
      out.needs_full_module = why;
      return out;
    }
    auto r = parse_source(bytes, hint, limits, import);
    if (const char* why = r.feed ? full_module_reason(*r.feed) : nullptr) {
      out.needs_full_module = why;
      return out;
    }
    out.add(r.diagnostics, several ? name : std::string());
    if (r.feed) {
      parsed.push_back({name, std::move(*r.feed)});
    } else {
      out.add_failed(name, r.diagnostics);
    }
  }
  if (parsed.size() == 1) {
    out.feed = std::move(parsed.front().feed);
  } else if (parsed.size() > 1) {
    auto merged = merge_sources(std::move(parsed));
    out.add(merged.diagnostics, std::string());
    out.feed = std::move(merged.feed);
  }
  return out;
}

// [{name, bytes: Uint8Array, format}…], {"maxBytes", "maxDepth"} -> {handle,
// diagnostics, meta, failedSources: [{name, code, message}]}; each diagnostic
// says which feed it is about. A failure only when no source made a feed.
emscripten::val open_feeds(const emscripten::val& sources, const std::string& options_text) {
  auto count = sources.isArray() ? sources["length"].as<std::size_t>() : 0;
  if (count == 0) return reply::failure("feed.none", "no feed given");
  auto options = json::parse(options_text, nullptr, false);
  auto opened = parse_sources(sources, count, limits_of(options), import_options_of(options));
  if (opened.needs_full_module) return reply::failure("request.needs_full_module", opened.needs_full_module);
  if (!opened.feed) return opened.failure();
  json value = {{"diagnostics", opened.diagnostics},
                {"meta", meta_json(*opened.feed)},
                {"failedSources", opened.failed_sources}};
  value["handle"] = adopt_schedule(std::make_unique<talktime::schedule>(std::move(*opened.feed)));
  return reply::ok(value);
}

const talktime::schedule* schedule_for(int handle) {
  auto it = open_schedules().find(handle);
  return it == open_schedules().end() ? nullptr : it->second.get();
}

emscripten::val close_feed(int handle) {
  lists_in_parts().erase(handle);
  if (open_schedules().erase(handle) == 0) return reply::failure("request.no_such_feed", "no open feed has handle " + std::to_string(handle));
  return reply::ok(emscripten::val(true));
}

// A call about one open feed: its schedule, the request's JSON and the zone it
// names, or the failure reply that says which of them is missing.
struct feed_request {
  const talktime::schedule* schedule = nullptr;
  json view;
  const talktime::time_zone* zone = nullptr;
  std::optional<emscripten::val> failure;
};

feed_request request_for(int handle, json view, bool zone_required) {
  feed_request r{schedule_for(handle), std::move(view), nullptr, std::nullopt};
  if (!r.schedule) {
    r.failure = reply::failure("request.no_such_feed", "no open feed has handle " + std::to_string(handle));
  } else if (!r.view.is_object()) {
    r.failure = reply::failure("request.invalid", "the request is not a JSON object");
  } else {
    auto name = string_of(r.view, "zone");
    r.zone = talktime::locate_zone(name.empty() && !zone_required ? "UTC" : name);
    if (!r.zone) r.failure = reply::failure("request.unknown_zone", "unknown time zone \"" + name + "\"");
  }
  return r;
}

// The matches from the `offset`-th, at most `limit` (all by default); `shown` holds those
// before them too (they decide where the "Now" line goes), `part` the talks themselves.
struct shown_talks {
  talktime::query_result found;
  std::vector<std::size_t> shown;
  std::size_t offset = 0;
  std::vector<std::size_t> part() const { return {shown.begin() + std::ptrdiff_t(offset), shown.end()}; }
};

shown_talks select(const talktime::schedule& s, const json& view, const talktime::time_zone& zone) {
  shown_talks out{s.find(query_of(view), seconds_of(view, "now"), zone), {}, 0};
  std::size_t total = out.found.talks.size();
  out.offset = std::min(total, count_of(view, "offset", 0));
  std::size_t end = out.offset + std::min(total - out.offset, count_of(view, "limit", total));
  out.shown.assign(out.found.talks.begin(), out.found.talks.begin() + std::ptrdiff_t(end));
  return out;
}

// A view's markup: its part of the list, or with "page": true its first talk as a page.
std::string view_markup(const talktime::schedule& s, const shown_talks& talks, bool page, talktime::render_options& options) {
  options.skip = talks.offset;
  if (page && talks.shown.size() > talks.offset)
    return talktime::render_talk_page(s, talks.shown[talks.offset], options);
  return talktime::render_html(s, talks.shown, options);
}

talktime::render_options render_options_of(const feed_request& r) {
  talktime::render_options options;
  options.display_zone = r.zone;
  options.now = seconds_of(r.view, "now");
  options.hour12 = r.view.value("hour12", false);
  options.interactive = true;
  options.starred = strings_of(r.view, "starred");
  if (auto text = r.view.find("renderText"); text != r.view.end()) options.text = talktime::wasm::render_text_from_json(*text);
  return options;
}

// A part's reply: {html, count, matched, shown, nextChange, order}; `part`: the talks in `html`.
emscripten::val part_reply(const talktime::schedule& s, const talktime::query_result& found, std::string html,
                           std::size_t shown, const std::vector<std::size_t>& part, const talktime::render_options& options) {
  auto next = talktime::next_view_change(s, part, options);
  auto out = emscripten::val::object();
  out.set("html", std::move(html));
  out.set("count", double(found.talk_count));
  out.set("matched", double(found.talks.size()));
  out.set("shown", double(shown));
  out.set("nextChange", next ? emscripten::val(double(next->time_since_epoch().count())) : emscripten::val::null());
  out.set("order", std::string(found.order == talktime::list_order::programme ? "programme" : "series"));
  return out;
}

// The next part of the list kept for `handle`: at least `limit` talks (whole time slots).
emscripten::val render_more(int handle, std::size_t limit) {
  auto it = lists_in_parts().find(handle);
  const auto* s = schedule_for(handle);
  if (!s || it == lists_in_parts().end())
    return reply::failure("request.no_list", "no list of feed " + std::to_string(handle) + " is being rendered in parts");
  auto& list = it->second;
  auto from = list.position.next;
  auto html = talktime::render_html_part(*s, list.found.talks, limit, list.position, list.options);
  std::vector<std::size_t> part(list.found.talks.begin() + std::ptrdiff_t(from),
                                list.found.talks.begin() + std::ptrdiff_t(list.position.next));
  return reply::ok(part_reply(*s, list.found, std::move(html), list.position.next, part, list.options));
}

// The first part of a list kept for render_more: the query runs once for every part.
emscripten::val render_first_part(const feed_request& r, int handle, talktime::render_options options) {
  auto& list = lists_in_parts()[handle];
  list = {r.schedule->find(query_of(r.view), options.now, *r.zone), std::move(options), {}};
  list.options.order = list.found.order;
  auto html = talktime::render_html_part(*r.schedule, list.found.talks, count_of(r.view, "limit", list.found.talks.size()),
                                         list.position, list.options);
  std::vector<std::size_t> part(list.found.talks.begin(), list.found.talks.begin() + std::ptrdiff_t(list.position.next));
  return part_reply(*r.schedule, list.found, std::move(html), list.position.next, part, list.options);
}

// {"zone", "now", "hour12", "offset", "limit", "page", "parts", "starred", "order",
// "renderText" (render_text_json.hpp), query fields…}
// -> {html, zone, zoneLabel, count, matched, shown, nextChange, order}, a JS object (the markup
// is not escaped into JSON). `limit` matches from the `offset`-th are rendered (`shown`
// counts up to the last); with "parts": true the list is kept and {"more": true, "limit"}
// renders its next part: a keystroke costs one screenful for 100 talks or 100,000.
emscripten::val render(int handle, const std::string& view_text) {
  auto view = json::parse(view_text, nullptr, false);
  if (view.is_object() && view.value("more", false)) return render_more(handle, count_of(view, "limit", 1));
  auto r = request_for(handle, std::move(view), true);
  if (r.failure) return *r.failure;
  auto options = render_options_of(r);
  emscripten::val out = emscripten::val::null();
  if (r.view.value("parts", false) && !r.view.value("page", false)) {
    out = render_first_part(r, handle, std::move(options));
  } else {
    auto talks = select(*r.schedule, r.view, *r.zone);
    options.order = talks.found.order;
    auto html = view_markup(*r.schedule, talks, r.view.value("page", false), options);
    out = part_reply(*r.schedule, talks.found, std::move(html), talks.shown.size(), talks.part(), options);
  }
  out.set("zone", std::string(r.zone->name()));
  // Labelled as the talks' times are: letters another zone of the feed reads otherwise become an offset.
  const auto& feed = r.schedule->feed();
  const talktime::time_zone* event = feed.zone ? feed.zone : feed.talks.empty() ? nullptr : feed.talks.front().zone;
  if (event && event->name() == r.zone->name()) event = nullptr;
  out.set("zoneLabel", talktime::zone_label_for(*r.zone, seconds_of(r.view, "now"), true, event));
  return reply::ok(out);
}

// The talks a query selects (all of them, not `limit`'s part) as schema.org Event
// JSON-LD: the loader asks for every talk the page offers once, not for each view.
emscripten::val json_ld(int handle, const std::string& view_text) {
  auto r = request_for(handle, json::parse(view_text, nullptr, false), true);
  if (r.failure) return *r.failure;
  auto text = json_ld_of(r.schedule->feed(), select(*r.schedule, r.view, *r.zone).part());
  if (!text) return reply::failure("request.needs_full_module", "JSON-LD is written by the full module");
  return reply::ok(emscripten::val(*text));
}

const talktime::talk* talk_by_id(const talktime::schedule& s, const std::string& id) {
  for (const auto& t : s.feed().talks)
    if (t.id == id) return &t;
  return nullptr;
}

// A talk's Google Calendar, Outlook.com and Microsoft 365 links, made when its
// "Add to calendar" menu first opens (three long URLs a talk would more than double
// the markup of every render): {google, outlook, office365}, or {} for a cancelled talk.
emscripten::val calendar_links(int handle, const std::string& id) {
  auto* s = schedule_for(handle);
  if (!s) return reply::failure("request.no_such_feed", "no open feed has handle " + std::to_string(handle));
  const auto* t = talk_by_id(*s, id);
  if (!t) return reply::failure("request.no_such_talk", "the feed has no talk with id \"" + id + "\"");
  if (t->status == talktime::talk_status::cancelled) return reply::ok(json::object());
  return reply::ok(json{{"google", talktime::google_calendar_url(s->feed(), *t)},
                        {"outlook", talktime::outlook_calendar_url(s->feed(), *t)},
                        {"office365", talktime::office365_calendar_url(s->feed(), *t)}});
}

// An iCalendar file for every talk the query matches (or for {"ids": [...]}, in feed order).
emscripten::val ics(int handle, const std::string& query_text) {
  auto r = request_for(handle, json::parse(query_text, nullptr, false), false);
  if (r.failure) return *r.failure;
  const auto& talks_in_feed = r.schedule->feed().talks;
  auto now = seconds_of(r.view, "now");
  std::vector<std::size_t> talks;
  if (r.view.contains("ids")) {
    auto ids = strings_of(r.view, "ids");
    std::unordered_set<std::string_view> wanted(ids.begin(), ids.end());
    for (std::size_t i = 0; i < talks_in_feed.size(); ++i)
      if (wanted.count(talks_in_feed[i].id)) talks.push_back(i);
  } else {
    talks = r.schedule->find(query_of(r.view), now, *r.zone).talks;
  }
  return reply::ok(emscripten::val(talktime::to_ics(r.schedule->feed(), talks, now)));
}

// What the zone picker searches, as the clock `at` (seconds) sees it, as text
// (one line each; JSON would cost this module more code):
//   "Europe/Zurich\tCET 3600 CEST 7200\tCHde": a zone by its canonical name, the
//     offsets in force in the year from `at` (abbreviation, seconds east of UTC;
//     the current one first), and its countries (time_zone::countries);
//   "Asia/Calcutta\tAsia/Kolkata": a link name and its zone.
// tz names, abbreviations and country codes hold no tabs, spaces or newlines.
emscripten::val zone_catalog(double at) {
  std::string text;
  sys_seconds from{std::chrono::seconds{std::int64_t(at)}};
  for (auto name : talktime::zone_names()) {
    const auto* zone = talktime::locate_zone(name);
    text.append(name).append("\t");
    if (zone->name() != name) {
      text.append(zone->name());
    } else {
      for (const auto& o : zone->offsets_between(from, from + std::chrono::hours{24 * 365}))
        text.append(o.abbreviation).append(" ").append(std::to_string(o.utc_offset.count())).append(" ");
      text.back() = '\t';
      text.append(zone->countries());
    }
    text += '\n';
  }
  return reply::ok(emscripten::val(text));
}

// The zone switcher's facts about a zone at an instant: {name, label, offset},
// or null for a name the database does not know (an answer, not a failure).
emscripten::val describe_zone(const std::string& name, double at) {
  auto* zone = talktime::locate_zone(name);
  if (!zone) return reply::ok(emscripten::val::null());
  auto offset = zone->offset_at(sys_seconds{std::chrono::seconds{std::int64_t(at)}});
  return reply::ok(json{{"name", std::string(zone->name())}, {"label", talktime::zone_label(offset)}, {"offset", offset.utc_offset.count()}});
}

}  // namespace

EMSCRIPTEN_BINDINGS(talktime) {
  emscripten::function("openFeeds", &open_feeds);
  emscripten::function("ics", &ics);
  emscripten::function("closeFeed", &close_feed);
  emscripten::function("render", &render);
  emscripten::function("jsonLd", &json_ld);
  emscripten::function("calendarLinks", &calendar_links);
  emscripten::function("zoneCatalog", &zone_catalog);
  emscripten::function("describeZone", &describe_zone);
}
