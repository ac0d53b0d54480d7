#include "feed/json_scan.hpp"

#include <cctype>
#include <cstdio>

#include "common/text.hpp"

namespace talktime::detail {

namespace {

diagnostic located(severity level, std::string code, text_position at, std::string message) {
  diagnostic d;
  d.level = level;
  d.code = std::move(code);
  d.line = at.line;
  d.column = at.column;
  d.message = std::move(message);
  return d;
}

bool is_hex4_at(std::string_view text, std::size_t i) {
  if (i + 4 > text.size()) return false;
  for (std::size_t k = i; k < i + 4; ++k)
    if (!std::isxdigit(static_cast<unsigned char>(text[k]))) return false;
  return true;
}

unsigned hex4(std::string_view text, std::size_t i) {
  return unsigned(std::stoul(std::string(text.substr(i, 4)), nullptr, 16));
}

}  // namespace

preflight_result preflight_json(std::string_view text, const feed_limits& limits) {
  preflight_result result;
  if (text.size() > limits.max_bytes) {
    result.error = located(severity::error, "feed.too_large", {1, 1},
                           "the feed is " + std::to_string(text.size()) + " bytes; the limit is " +
                               std::to_string(limits.max_bytes) + " bytes");
    return result;
  }
  constexpr std::size_t max_reported = 10;
  std::size_t encoding_problems = 0;
  auto report = [&](std::size_t at, std::string code, std::string message) {
    if (++encoding_problems <= max_reported)
      result.warnings.push_back(located(severity::warning, std::move(code), position_at(text, at), std::move(message)));
  };
  std::string out;
  std::size_t copied = 0;  // text[copied..i) still to be appended to `out`
  auto replace = [&](std::size_t from, std::size_t length, std::string_view with) {
    out.append(text.substr(copied, from - copied));
    out.append(with);
    copied = from + length;
  };

  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = std::uint8_t(text[i]);
    if (byte >= 0x80) {
      char32_t c;
      auto n = decode_utf8(text, i, c);
      if (n == 0) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", unsigned(byte));
        report(i, "feed.bad_utf8", std::string("invalid UTF-8 byte ") + hex + " replaced by U+FFFD");
        replace(i, 1, "\xEF\xBF\xBD");
        ++i;
      } else {
        i += n;
      }
      continue;
    }
    char c = char(byte);
    if (in_string) {
      if (c == '"') {
        in_string = false;
      } else if (c == '\\' && i + 1 < text.size()) {
        if (text[i + 1] == 'u' && is_hex4_at(text, i + 2)) {
          unsigned unit = hex4(text, i + 2);
          bool high = unit >= 0xD800 && unit <= 0xDBFF, low = unit >= 0xDC00 && unit <= 0xDFFF;
          bool paired = high && i + 12 <= text.size() && text.substr(i + 6, 2) == "\\u" &&
                        is_hex4_at(text, i + 8) && hex4(text, i + 8) >= 0xDC00 && hex4(text, i + 8) <= 0xDFFF;
          if (paired) {
            i += 12;
            continue;
          }
          if (high || low) {
            report(i, "feed.lone_surrogate",
                   "unpaired surrogate \\u" + std::string(text.substr(i + 2, 4)) + " replaced by U+FFFD");
            replace(i, 6, "\\uFFFD");
          }
          i += 6;
          continue;
        }
        i += 2;
        continue;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limits.max_depth) {
        result.error = located(severity::error, "feed.too_deep", position_at(text, i),
                               "arrays and objects nest deeper than " + std::to_string(limits.max_depth) +
                                   " levels, the limit");
        return result;
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
    ++i;
  }
  if (encoding_problems > max_reported)
    result.warnings.push_back(located(severity::warning, "feed.bad_utf8", {0, 0},
                                      std::to_string(encoding_problems - max_reported) +
                                          " more encoding problems were repaired"));
  for (auto& w : result.warnings)
    if (w.line == 0) w.column = 0;
  if (copied > 0) {
    out.append(text.substr(copied));
    result.repaired = std::move(out);
    result.changed = true;
  }
  return result;
}

namespace {

// A minimal JSON walker for well-formed text (it runs after nlohmann has
// accepted the text), used only to turn a pointer into a position.
class walker {
 public:
  explicit walker(std::string_view text) : text_(text) {}
  std::size_t pos = 0;

  void skip_space() {
    while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t' || text_[pos] == '\n' || text_[pos] == '\r'))
      ++pos;
  }
  char peek() {
    skip_space();
    return pos < text_.size() ? text_[pos] : '\0';
  }
  // Reads a string at pos, returning its decoded value.
  std::string read_string() {
    std::string value;
    ++pos;  // opening quote
    while (pos < text_.size() && text_[pos] != '"') {
      if (text_[pos] == '\\' && pos + 1 < text_.size()) {
        char e = text_[pos + 1];
        if (e == 'u' && is_hex4_at(text_, pos + 2)) {
          unsigned unit = hex4(text_, pos + 2);
          pos += 6;
          if (unit >= 0xD800 && unit <= 0xDBFF && text_.substr(pos, 2) == "\\u" && is_hex4_at(text_, pos + 2)) {
            unit = 0x10000 + ((unit - 0xD800) << 10) + (hex4(text_, pos + 2) - 0xDC00);
            pos += 6;
          }
          append_utf8(value, char32_t(unit));
          continue;
        }
        static constexpr std::string_view from = "\"\\/bfnrt", to = "\"\\/\b\f\n\r\t";
        auto k = from.find(e);
        value.push_back(k == std::string_view::npos ? e : to[k]);
        pos += 2;
        continue;
      }
      value.push_back(text_[pos++]);
    }
    ++pos;  // closing quote
    return value;
  }
  void skip_value() {
    char c = peek();
    if (c == '"') {
      read_string();
    } else if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      ++pos;
      if (peek() == close) {
        ++pos;
        return;
      }
      while (pos < text_.size()) {
        if (c == '{') {
          peek();
          read_string();
          peek();
          ++pos;  // ':'
        }
        skip_value();
        char next = peek();
        ++pos;
        if (next != ',') break;
      }
    } else {
      while (pos < text_.size() && std::string_view(",]} \t\r\n").find(text_[pos]) == std::string_view::npos) ++pos;
    }
  }

 private:
  std::string_view text_;
};

}  // namespace

std::optional<std::size_t> pointer_offset(std::string_view text, std::string_view pointer) {
  auto mark = text.size() - skip_bom(text).size();
  walker w(text.substr(mark));
  w.peek();
  while (!pointer.empty()) {
    if (pointer.front() != '/') return std::nullopt;
    pointer.remove_prefix(1);
    auto slash = pointer.find('/');
    std::string token(pointer.substr(0, slash));
    pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);
    for (std::size_t k = 0; (k = token.find('~', k)) != std::string::npos; ++k)
      token.replace(k, 2, token.compare(k, 2, "~1") == 0 ? "/" : "~");

    char open = w.peek();
    if (open == '{') {
      ++w.pos;
      std::optional<std::size_t> found;  // the last duplicate wins, as in nlohmann
      if (w.peek() != '}') {
        while (true) {
          w.peek();
          auto key = w.read_string();
          w.peek();
          ++w.pos;  // ':'
          if (key == token) found = (w.peek(), w.pos);
          w.skip_value();
          char next = w.peek();
          ++w.pos;
          if (next != ',') break;
        }
      }
      if (!found) return std::nullopt;
      w.pos = *found;
    } else if (open == '[') {
      if (token.empty() || token.size() > 9 || token.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
      std::size_t index = std::stoul(token);
      ++w.pos;
      if (w.peek() == ']') return std::nullopt;
      for (std::size_t i = 0; i < index; ++i) {
        w.skip_value();
        if (w.peek() != ',') return std::nullopt;
        ++w.pos;
      }
      w.peek();
    } else {
      return std::nullopt;
    }
  }
  return mark + w.pos;
}

std::optional<text_position> locate_pointer(std::string_view text, std::string_view pointer) {
  auto offset = pointer_offset(text, pointer);
  if (!offset) return std::nullopt;
  return position_at(text, *offset);
}

}  // namespace talktime::detail
