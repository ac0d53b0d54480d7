// Which format a feed text is in, and parsing a feed of any supported format:
// imported formats become talktime JSON that goes through the one feed parser
// (so there is one validation path). See docs/calendars.md.
#pragma once

#include <optional>
#include <string_view>

#include "talktime/feed.hpp"
#include "talktime/importers.hpp"

namespace talktime {

enum class feed_format {
  detect,    ///< as a hint: look at the text
  talktime,  ///< talktime feed format version 1 (JSON)
  frab,      ///< frab / C3VOC schedule.json
  ical,      ///< iCalendar (RFC 5545)
};

/// "detect", "talktime", "frab", "ical".
std::string_view to_string(feed_format format);

/// The format a user or page names: "talktime", "frab", or "ics" (also "ical",
/// "icalendar"); nullopt for any other name (the CLI rejects it, the widget detects).
///
///     talktime::parse_feed_format("icalendar");  // feed_format::ical
std::optional<feed_format> parse_feed_format(std::string_view name);

/// The format of a feed text: iCalendar when it begins with BEGIN:VCALENDAR,
/// frab when its top-level JSON object has a "schedule" member before any
/// "talktime" member, otherwise talktime (whose parser then reports what is wrong).
/// Never returns feed_format::detect.
///
///     talktime::detect_feed_format("BEGIN:VCALENDAR\r\n…");  // feed_format::ical
feed_format detect_feed_format(std::string_view text);

/// Parses a feed in any supported format. Imported formats are converted to
/// talktime JSON and parsed by parse_feed; every diagnostic is then located in
/// the original text (frab: JSON Pointer, line and column; iCalendar: line).
/// `options` bound the expansion of recurring iCalendar events (importers.hpp).
///
///     auto r = talktime::parse_any_feed(ics_text);  // detects iCalendar
///     if (r.feed) …
parse_result parse_any_feed(std::string_view text, feed_format format_hint = feed_format::detect,
                            const feed_limits& limits = {}, const import_options& options = {});

/// Gives diagnostics whose pointer names a place in the feed parse_any_feed made of
/// `text` ("/talks/3", as merge_feeds reports) the line and column of its source in
/// `text` (and, for imported formats, the source's own pointer); one that cannot be
/// found gets line 1, column 1. For tools that print positions (the CLI).
///
///     talktime::locate_feed_pointers(text, feed_format::detect, merged.diagnostics);
void locate_feed_pointers(std::string_view text, feed_format format_hint, std::vector<diagnostic>& diagnostics,
                          const feed_limits& limits = {});

}  // namespace talktime
