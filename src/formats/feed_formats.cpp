// Format detection and parse_any_feed: imported formats become talktime JSON,
// go through parse_feed, and have every diagnostic moved back to its source.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "feed/json_document.hpp"
#include "feed/json_scan.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/importers.hpp"

namespace talktime {
namespace {

// Reads only as far as the first member of the top-level object that tells the format.
class format_sniffer : public detail::accepting_sax {
 public:
  feed_format found = feed_format::talktime;

  bool start_object(std::size_t) {
    ++depth_;
    return true;
  }
  bool end_object() {
    --depth_;
    return depth_ > 0;
  }
  bool start_array(std::size_t) {
    ++depth_;
    return depth_ > 1;  // a top-level array is no feed of any kind
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool key(std::string& name) {
    if (depth_ != 1) return true;
    if (name == "talktime") {
      found = feed_format::talktime;
      return false;
    }
    if (name == "schedule") {
      found = feed_format::frab;
      return false;
    }
    return true;
  }

 private:
  int depth_ = 0;
};

bool begins_calendar(std::string_view text) {
  text = detail::skip_bom(text);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
    text.remove_prefix(1);
  return detail::starts_with_ascii_nocase(text, "begin:vcalendar");
}

// The diagnostic at the place in the source its pointer into the generated feed
// came from: a line (iCalendar) or a pointer, which locate_in_source finds.
diagnostic relocate(diagnostic d, const std::map<std::string, source_location>& origins) {
  std::string pointer = d.pointer;
  while (true) {
    if (auto it = origins.find(pointer); it != origins.end()) {
      d.pointer = it->second.pointer;
      d.line = it->second.line;
      d.column = it->second.column;
      return d;
    }
    if (pointer.empty()) break;
    auto slash = pointer.rfind('/');
    pointer.erase(slash == std::string::npos ? 0 : slash);
  }
  d.pointer.clear();  // a place in the generated text would mean nothing to the reader
  d.line = d.column = 0;
  return d;
}

// Lines and columns for the relocated diagnostics that have only a pointer into
// the source, found in one walk over it.
void locate_in_source(std::vector<diagnostic>& diagnostics, std::size_t first, std::string_view source) {
  std::vector<std::size_t> which;
  for (auto k = first; k < diagnostics.size(); ++k)
    if (diagnostics[k].line == 0 && !diagnostics[k].pointer.empty()) which.push_back(k);
  detail::locate_diagnostics(diagnostics, which, source, detail::pointer_offsets);
}

// An input with events of which none became a talk: an error where the events
// are (the importer or the parser said why for each), not the "no talks yet"
// warning an empty talks array gets.
void report_no_talks(const import_result& imported, parse_result& result) {
  if (!result.feed || !result.feed->talks.empty() || imported.source_events == 0) return;
  auto& ds = result.diagnostics;
  ds.erase(std::remove_if(ds.begin(), ds.end(), [](const diagnostic& d) { return d.code == "feed.empty"; }), ds.end());
  auto found = std::find_if(ds.begin(), ds.end(), [](const diagnostic& d) { return d.code == "feed.no_talks"; });
  if (found == ds.end()) {
    diagnostic d;
    auto n = imported.source_events;
    d.code = "feed.no_talks";
    d.message = "none of the " + std::to_string(n) + (n == 1 ? " event" : " events") +
                " became a talk (each is reported); the schedule would be empty";
    found = ds.insert(ds.end(), std::move(d));
  }
  found->pointer = imported.events_at.pointer;  // where the events are, not the calendar or conference
  found->line = imported.events_at.line;
  found->column = imported.events_at.column;
}

}  // namespace

std::string_view to_string(feed_format format) {
  switch (format) {
    case feed_format::talktime: return "talktime";
    case feed_format::frab: return "frab";
    case feed_format::ical: return "ical";
    default: return "detect";
  }
}

std::optional<feed_format> parse_feed_format(std::string_view name) {
  if (name == "talktime") return feed_format::talktime;
  if (name == "frab") return feed_format::frab;
  if (name == "ics" || name == "ical" || name == "icalendar") return feed_format::ical;
  return std::nullopt;
}

feed_format detect_feed_format(std::string_view text) {
  if (begins_calendar(text)) return feed_format::ical;
  text = detail::skip_bom(text);
  format_sniffer sniffer;
  nlohmann::ordered_json::sax_parse(text, &sniffer, nlohmann::ordered_json::input_format_t::json, false);
  return sniffer.found;
}

parse_result parse_any_feed(std::string_view text, feed_format format_hint, const feed_limits& limits,
                            const import_options& options) {
  auto format = format_hint == feed_format::detect ? detect_feed_format(text) : format_hint;
  if (format == feed_format::talktime) return parse_feed(text, limits);

  auto imported = format == feed_format::frab ? import_frab(text, limits) : import_ical(text, limits, options);
  parse_result result;
  result.diagnostics = std::move(imported.diagnostics);
  if (!imported.feed_json) return result;
  // The input met the limits already; the generated text is laid out by us.
  feed_limits generated;
  generated.max_bytes = std::max(limits.max_bytes, imported.feed_json->size());
  generated.max_depth = std::max(limits.max_depth, 64);
  auto parsed = parse_feed(*imported.feed_json, generated);
  auto first = result.diagnostics.size();
  for (auto& d : parsed.diagnostics) result.diagnostics.push_back(relocate(std::move(d), imported.origins));
  result.feed = std::move(parsed.feed);
  report_no_talks(imported, result);
  locate_in_source(result.diagnostics, first, text);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const diagnostic& a, const diagnostic& b) { return a.line < b.line; });
  return result;
}

void locate_feed_pointers(std::string_view text, feed_format format_hint, std::vector<diagnostic>& diagnostics,
                          const feed_limits& limits) {
  auto format = format_hint == feed_format::detect ? detect_feed_format(text) : format_hint;
  if (format != feed_format::talktime) {
    auto imported = format == feed_format::frab ? import_frab(text, limits) : import_ical(text, limits);
    for (auto& d : diagnostics) d = relocate(std::move(d), imported.origins);
  }
  locate_in_source(diagnostics, 0, text);
  for (auto& d : diagnostics)
    if (d.line == 0) d.line = d.column = 1;
}

}  // namespace talktime
