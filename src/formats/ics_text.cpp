// iCalendar (RFC 5545) text rules shared by the writer and the reader.
#include "formats/ics_text.hpp"

#include <cstdint>

namespace talktime::detail {


std::string ics_escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        if ((std::uint8_t(c) < 0x20 && c != '\t') || c == 0x7F) break;  // not allowed in TEXT
        out.push_back(c);
    }
  }
  return out;
}

std::string ics_unescape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '\\' || i + 1 == text.size()) {
      out.push_back(c);
      continue;
    }
    char next = text[++i];
    out.push_back(next == 'n' || next == 'N' ? '\n' : next);
  }
  return out;
}

void append_ics_line(std::string& out, std::string_view line) {
  std::size_t limit = 75;  // octets on the first physical line; later ones start with a space
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (std::uint8_t(line[cut]) & 0xC0) == 0x80) --cut;  // never inside a character
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
}

std::string ics_uri(std::string_view url) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : url) {
    auto c = std::uint8_t(ch);
    bool encode = c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
                  c == '`' || c == '{' || c == '|' || c == '}';
    if (encode) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

}  // namespace talktime::detail
