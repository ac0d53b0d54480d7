// Text helpers shared by the parser, the query engine and the renderer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace talktime::detail {

/// Decodes one UTF-8 sequence at `pos`; returns its length (0 when malformed).
std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& out);
void append_utf8(std::string& out, char32_t c);

/// Lower case with diacritics removed, for search: "Kästner" -> "kastner".
std::string fold_for_search(std::string_view text);

/// The first position at or after `from` where `needle` occurs in `haystack`
/// (npos if none; `from` itself for an empty needle), as std::string_view::find
/// answers. Eight bytes at a time, looking for the needle's first two bytes at once:
/// what a search box does on every keystroke, over every talk's text.
std::size_t find_text(std::string_view haystack, std::string_view needle, std::size_t from = 0);

/// A readable id fragment: "FlashAttention: Fast!" -> "flashattention-fast".
std::string slugify(std::string_view text, std::size_t max_length);

/// At most `max_bytes` bytes of `text`, cut only between characters.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

/// Leading and trailing ASCII white space removed.
std::string_view trim(std::string_view text);

/// Appends text escaped for HTML element content and double- or single-quoted attributes.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace talktime::detail
