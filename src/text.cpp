#include "text.hpp"

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

// Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin
// Extended-A), lower case; '\0' marks a character folded specially below.
constexpr char latin_base[] =
    "aaaaaaacee" "eeiiiidnoo" "ooo\0ouuuuy" "\0\0aaaaaaac"  // C0-DF
    "eeeeiiiidn" "ooooo\0ouuu" "uy\0y"                      // E0-FF
    "aaaaaaccccccccdddd"                                    // 100-111
    "eeeeeeeeeegggggggg"                                    // 112-123
    "hhhhiiiiiiiiii\0\0jjkkk"                               // 124-138
    "llllllllllnnnnnn\0\0\0"                                // 139-14B
    "oooooo\0\0rrrrrrssssssss"                              // 14C-163
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";                       // 164-17F

std::string_view special_fold(char32_t c) {
  switch (c) {
    case 0xC6: case 0xE6: return "ae";
    case 0xD7: return "x";
    case 0xF7: return "/";
    case 0xD8: case 0xF8: return "o";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: return "ss";
    case 0xD0: case 0xF0: return "d";
    case 0x132: case 0x133: return "ij";
    case 0x149: return "n";
    case 0x14A: case 0x14B: return "ng";
    case 0x152: case 0x153: return "oe";
    case 0x138: return "k";
    case 0x131: return "i";
    case 0x1E9E: return "ss";
    default: return {};
  }
}

char32_t lower_other(char32_t c) {
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;  // Greek capitals
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                // Cyrillic А-Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                // Cyrillic Ѐ-Џ
  return c;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
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
    } else if (auto special = special_fold(c); !special.empty()) {
      out.append(special);
    } else if (c >= 0xC0 && c <= 0x17F && latin_base[c - 0xC0] != '\0') {
      out.push_back(latin_base[c - 0xC0]);
    } else {
      append_utf8(out, lower_other(c));
    }
  }
  return out;
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

}  // namespace talktime::detail
