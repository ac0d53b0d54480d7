// iCalendar (RFC 5545) text rules shared by the writer (calendar.cpp) and the
// reader (import_ical.cpp).
#pragma once

#include <string>
#include <string_view>

namespace talktime::detail {

/// A TEXT value escaped: backslash, semicolon and comma get a backslash, line
/// breaks (LF, CRLF, CR) become "\n", other control characters are dropped.
std::string ics_escape_text(std::string_view text);

/// The inverse of ics_escape_text ("\n" and "\N" are line breaks; an unknown
/// escape keeps its character).
std::string ics_unescape_text(std::string_view text);

/// Appends one content line followed by CRLF, folded so that no physical line
/// exceeds 75 octets (continuations begin with one space), never splitting a
/// UTF-8 sequence.
void append_ics_line(std::string& out, std::string_view line);

/// A URI made safe for an iCalendar URI value or a quoted parameter: bytes that
/// may not appear in a URI (space, '"', '<', '>', '\\', '^', '`', '{', '|', '}',
/// controls, non-ASCII) are percent-encoded.
std::string ics_uri(std::string_view url);

}  // namespace talktime::detail
