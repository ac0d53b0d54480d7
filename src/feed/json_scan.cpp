#include "feed/json_scan.hpp"

#include <cctype>
#include <cstdio>
#include <map>

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

namespace {

// One pass over the text: limits checked, encoding damage replaced (positions kept).
class preflight {
 public:
  preflight(std::string_view text, const feed_limits& limits) : text_(text), limits_(limits) {}

  preflight_result run() {
    if (text_.size() > limits_.max_bytes) {
      result_.error = located(severity::error, "feed.too_large", {1, 1},
                              "the feed is " + std::to_string(text_.size()) + " bytes; the limit is " +
                                  std::to_string(limits_.max_bytes) + " bytes");
      return std::move(result_);
    }
    for (std::size_t i = 0; i < text_.size() && !result_.error;) i = step(i);
    if (!result_.error) finish();
    return std::move(result_);
  }

 private:
  static constexpr std::size_t max_reported = 10;

  void report(std::size_t at, std::string code, std::string message) {
    if (++encoding_problems_ <= max_reported)
      result_.warnings.push_back(located(severity::warning, std::move(code), position_at(text_, at), std::move(message)));
  }
  void replace(std::size_t from, std::size_t length, std::string_view with) {
    out_.append(text_.substr(copied_, from - copied_));
    out_.append(with);
    copied_ = from + length;
  }

  // Reads what starts at `i`; where the next step starts.
  std::size_t step(std::size_t i) {
    auto byte = std::uint8_t(text_[i]);
    if (byte >= 0x80) return step_utf8(i);
    char c = char(byte);
    if (in_string_) {
      if (c == '"') in_string_ = false;
      else if (c == '\\' && i + 1 < text_.size()) return step_escape(i);
    } else if (c == '"') {
      in_string_ = true;
    } else if ((c == '[' || c == '{') && ++depth_ > limits_.max_depth) {
      result_.error = located(severity::error, "feed.too_deep", position_at(text_, i),
                              "arrays and objects nest deeper than " + std::to_string(limits_.max_depth) + " levels, the limit");
    } else if (c == ']' || c == '}') {
      --depth_;
    }
    return i + 1;
  }

  std::size_t step_utf8(std::size_t i) {
    char32_t c;
    auto n = decode_utf8(text_, i, c);
    if (n > 0) return i + n;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", unsigned(std::uint8_t(text_[i])));
    report(i, "feed.bad_utf8", std::string("invalid UTF-8 byte ") + hex + " replaced by U+FFFD");
    replace(i, 1, "\xEF\xBF\xBD");
    return i + 1;
  }

  // A backslash escape in a string: unpaired surrogates (\uD800 alone) are replaced.
  std::size_t step_escape(std::size_t i) {
    if (text_[i + 1] != 'u' || !is_hex4_at(text_, i + 2)) return i + 2;
    unsigned unit = hex4(text_, i + 2);
    bool high = unit >= 0xD800 && unit <= 0xDBFF, low = unit >= 0xDC00 && unit <= 0xDFFF;
    bool paired = high && i + 12 <= text_.size() && text_.substr(i + 6, 2) == "\\u" && is_hex4_at(text_, i + 8) &&
                  hex4(text_, i + 8) >= 0xDC00 && hex4(text_, i + 8) <= 0xDFFF;
    if (paired) return i + 12;
    if (high || low) {
      report(i, "feed.lone_surrogate", "unpaired surrogate \\u" + std::string(text_.substr(i + 2, 4)) + " replaced by U+FFFD");
      replace(i, 6, "\\uFFFD");
    }
    return i + 6;
  }

  void finish() {
    if (encoding_problems_ > max_reported)
      result_.warnings.push_back(located(severity::warning, "feed.bad_utf8", {0, 0},
                                         std::to_string(encoding_problems_ - max_reported) +
                                             " more encoding problems were repaired"));
    for (auto& w : result_.warnings)
      if (w.line == 0) w.column = 0;
    if (copied_ > 0) {
      out_.append(text_.substr(copied_));
      result_.repaired = std::move(out_);
      result_.changed = true;
    }
  }

  std::string_view text_;
  const feed_limits& limits_;
  preflight_result result_;
  std::string out_;
  std::size_t copied_ = 0;  // text_[copied_..) still to be appended to out_
  std::size_t encoding_problems_ = 0;
  int depth_ = 0;
  bool in_string_ = false;
};

}  // namespace

preflight_result preflight_json(std::string_view text, const feed_limits& limits) { return preflight(text, limits).run(); }

namespace {

// A minimal JSON walker for well-formed text (it runs after nlohmann has
// accepted the text), used only to turn a pointer into a position.
class walker {
 public:
  explicit walker(std::string_view text) : text_(text) {}
  std::size_t pos = 0;
  std::size_t text_size() const { return text_.size(); }

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

namespace {

// The pointers still wanted below one value: their reference tokens as a tree.
struct wanted_values {
  std::vector<std::size_t> pointers;  // indexes of the pointers that name this value
  std::map<std::string, wanted_values, std::less<>> below;
};

std::optional<std::string> unescape_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '~') {
      out.push_back(token[i]);
      continue;
    }
    if (i + 1 == token.size() || (token[i + 1] != '0' && token[i + 1] != '1')) return std::nullopt;
    out.push_back(token[++i] == '1' ? '/' : '~');
  }
  return out;
}

// Adds pointer `index` to the tree; false when it is not a JSON Pointer.
bool add_pointer(wanted_values& root, std::string_view pointer, std::size_t index) {
  auto* node = &root;
  while (!pointer.empty()) {
    if (pointer.front() != '/') return false;
    pointer.remove_prefix(1);
    auto slash = pointer.find('/');
    auto token = unescape_token(pointer.substr(0, slash));
    if (!token) return false;
    pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);
    node = &node->below[*token];
  }
  node->pointers.push_back(index);
  return true;
}

// One walk over the text, entering only the members and elements some pointer
// names and skipping the rest; a repeated member is found again, so the last
// duplicate wins, as in nlohmann.
class pointer_finder {
 public:
  pointer_finder(std::string_view text, std::size_t mark, std::vector<std::optional<std::size_t>>& found)
      : w_(text), mark_(mark), found_(found) {}

  void visit(const wanted_values& node) {
    w_.peek();
    for (auto index : node.pointers) found_[index] = mark_ + w_.pos;
    char open = w_.peek();
    if (node.below.empty() || (open != '{' && open != '[')) return w_.skip_value();
    ++w_.pos;
    if (w_.peek() == (open == '{' ? '}' : ']')) {
      ++w_.pos;
      return;
    }
    for (std::size_t index = 0; w_.pos < w_.text_size(); ++index) {
      std::string name = open == '{' ? member_name() : std::to_string(index);
      auto it = node.below.find(name);
      if (it != node.below.end()) visit(it->second);
      else w_.skip_value();
      char next = w_.peek();
      ++w_.pos;
      if (next != ',') break;
    }
  }

 private:
  std::string member_name() {
    w_.peek();
    auto name = w_.read_string();
    w_.peek();
    ++w_.pos;  // ':'
    return name;
  }

  walker w_;
  std::size_t mark_;
  std::vector<std::optional<std::size_t>>& found_;
};

}  // namespace

std::vector<std::optional<std::size_t>> pointer_offsets(std::string_view text, const std::vector<std::string>& pointers) {
  std::vector<std::optional<std::size_t>> found(pointers.size());
  wanted_values root;
  bool any = false;
  for (std::size_t i = 0; i < pointers.size(); ++i) any |= add_pointer(root, pointers[i], i);
  if (!any) return found;
  auto mark = text.size() - skip_bom(text).size();
  pointer_finder(text.substr(mark), mark, found).visit(root);
  return found;
}

std::optional<std::size_t> pointer_offset(std::string_view text, std::string_view pointer) {
  return pointer_offsets(text, {std::string(pointer)}).front();
}

std::optional<text_position> locate_pointer(std::string_view text, std::string_view pointer) {
  auto offset = pointer_offset(text, pointer);
  if (!offset) return std::nullopt;
  return position_at(text, *offset);
}

}  // namespace talktime::detail
