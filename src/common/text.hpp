// Text helpers shared by the readers, the query engine, the renderer and the
// writers: UTF-8, search folding, ASCII case, values quoted in messages, unique names.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
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

/// ASCII letters in lower or upper case; other bytes (UTF-8 too) as they are.
std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);

/// True when `text` begins with `lower_prefix` (lower case ASCII), case ignored.
bool starts_with_ascii_nocase(std::string_view text, std::string_view lower_prefix);

/// A value as a diagnostic's message shows it: in double quotes, with '"' and '\\'
/// escaped, cut at a character boundary with "…" past about 120 bytes.
std::string quote_for_message(std::string_view value);

/// Names made unique by a numbered suffix: claim("x") gives "x", then "x-2",
/// "x-3", … Each base's count goes on where it stopped (names are only ever
/// taken), so n names with one base cost n steps, not n².
class unique_names {
 public:
  explicit unique_names(std::string separator = "-") : separator_(std::move(separator)) {}
  bool contains(std::string_view name) const { return taken_.count(name) > 0; }
  /// Takes `name` as it is (an id the input gives explicitly).
  void insert(const std::string& name) { taken_.insert(name); }
  /// `base` if free, else the first free "base<separator>n" for n = 2, 3, …; taken.
  std::string claim(const std::string& base);

 private:
  std::string separator_;
  std::set<std::string, std::less<>> taken_;
  std::map<std::string, int, std::less<>> next_;
};

}  // namespace talktime::detail
