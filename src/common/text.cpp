#include "common/text.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace talktime::detail {

std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& out) {
  auto byte = [&](std::size_t i) { return std::uint8_t(text[pos + i]); };
  std::uint8_t b0 = byte(0);
  std::size_t length;
  char32_t c;
  if (b0 < 0x80) {
    out = b0;
    return 1;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2, c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3, c = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4, c = b0 & 0x07;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i) & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  if ((length == 3 && c < 0x800) || (length == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  out = c;
  return length;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(char(c));
  } else if (c < 0x800) {
    out.push_back(char(0xC0 | (c >> 6)));
    out.push_back(char(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(char(0xE0 | (c >> 12)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(char(0x80 | (c & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (c >> 18)));
    out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(char(0x80 | (c & 0x3F)));
  }
}

namespace {

struct fold_entry {
  char32_t code_point;
  const char* folded;
};

constexpr fold_entry fold_table[] = {
#include "search_fold_table.inc"
};

const char* folded_form(char32_t c) {
  auto end = std::end(fold_table);
  auto it = std::lower_bound(std::begin(fold_table), end, c,
                             [](const fold_entry& e, char32_t v) { return e.code_point < v; });
  return it != end && it->code_point == c ? it->folded : nullptr;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    // Runs of ASCII, most of any feed, are lower-cased a run at a time.
    auto run = i;
    while (run < text.size() && std::uint8_t(text[run]) < 0x80) ++run;
    if (run > i) {
      auto from = out.size();
      out.append(text.substr(i, run - i));
      for (auto k = from; k < out.size(); ++k)
        if (out[k] >= 'A' && out[k] <= 'Z') out[k] = char(out[k] + 32);
      i = run;
      continue;
    }
    char32_t c;
    auto n = decode_utf8(text, i, c);
    if (n == 0) {  // not UTF-8: skip the byte
      ++i;
      continue;
    }
    i += n;
    if (c < 0x80) {
      out.push_back(char(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else if (c >= 0x300 && c <= 0x36F) {
      // combining diacritical marks: dropped
    } else if (auto folded = folded_form(c)) {
      out.append(folded);
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

namespace {

constexpr std::uint64_t low_bits = 0x0101010101010101ull;
constexpr std::uint64_t seven_bits = 0x7F7F7F7F7F7F7F7Full;

std::uint64_t load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// 0x80 in each byte of `v` that is zero, 0 elsewhere (exact: no carries across bytes).
std::uint64_t zero_bytes(std::uint64_t v) { return ~(((v & seven_bits) + seven_bits) | v | seven_bits); }

// Byte k of a little-endian load is memory byte k: the lowest set mask bit is the first match.
int first_marked_byte(std::uint64_t mask) {
  int k = 0;
  while (!(mask & 0x80)) {
    mask >>= 8;
    ++k;
  }
  return k;
}

bool is_little_endian() {
  const std::uint16_t one = 1;
  unsigned char first;
  std::memcpy(&first, &one, 1);
  return first == 1;
}

}  // namespace

std::size_t find_text(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (from > haystack.size()) return std::string_view::npos;
  if (needle.size() < 2 || !is_little_endian()) return haystack.find(needle, from);
  if (needle.size() > haystack.size() - from) return std::string_view::npos;
  const char* h = haystack.data();
  const std::size_t last = haystack.size() - needle.size();  // the last possible start
  const std::uint64_t first = low_bits * std::uint8_t(needle[0]), second = low_bits * std::uint8_t(needle[1]);
  std::size_t i = from;
  // A block is the starts i..i+7; it reads bytes i..i+8, so needs i + 9 <= size.
  for (; i + 7 <= last && i + 9 <= haystack.size(); i += 8) {
    auto mask = zero_bytes(load8(h + i) ^ first) & zero_bytes(load8(h + i + 1) ^ second);
    while (mask) {
      auto k = std::size_t(first_marked_byte(mask));
      if (std::memcmp(h + i + k + 2, needle.data() + 2, needle.size() - 2) == 0) return i + k;
      mask &= ~(std::uint64_t{0x80} << (8 * k));
    }
  }
  for (; i <= last; ++i)
    if (h[i] == needle[0] && std::memcmp(h + i + 1, needle.data() + 1, needle.size() - 1) == 0) return i;
  return std::string_view::npos;
}

std::string slugify(std::string_view text, std::size_t max_length) {
  std::string folded = fold_for_search(text), out;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (out.size() >= max_length) break;
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (std::uint8_t(text[cut]) & 0xC0) == 0x80) --cut;  // never split a character
  return text.substr(0, cut);
}

std::string_view trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

void append_html_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return out;
}

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = char(c - 32);
  return out;
}

bool starts_with_ascii_nocase(std::string_view text, std::string_view lower_prefix) {
  return text.size() >= lower_prefix.size() && ascii_lower(text.substr(0, lower_prefix.size())) == lower_prefix;
}

std::string quote_for_message(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  if (out.size() > 121) out = std::string(truncate_utf8(out, 117)) + "…";
  return out + "\"";
}

std::string unique_names::claim(const std::string& base) {
  std::string candidate = base;
  if (taken_.count(candidate)) {
    auto& n = next_.try_emplace(base, 2).first->second;
    do candidate = base + separator_ + std::to_string(n++);
    while (taken_.count(candidate));
  }
  taken_.insert(candidate);
  return candidate;
}

}  // namespace talktime::detail
