// The single-pass scanner behind json_tape.hpp (why it exists: see there).
#include "feed/json_tape.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <unordered_map>

#include "common/problem_reporter.hpp"
#include "common/text.hpp"
#include "feed/json_document.hpp"

namespace talktime::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// An open array or object while its members are read.
struct open_container {
  std::uint32_t node;
  std::uint32_t token_key;    // its key node in its parent object, or none
  std::uint32_t token_index;  // its place in its parent array
  std::size_t first_key;      // where its keys start in scanner::keys_
  // Objects that grow past indexed_from members: key hash -> key node.
  std::unique_ptr<std::unordered_multimap<std::size_t, std::uint32_t>> index;
};

constexpr std::uint32_t no_key = std::numeric_limits<std::uint32_t>::max();

class scanner {
 public:
  scanner(std::string_view text, json_tape& tape) : text_(text), tape_(tape) {}

  bool run() {
    tape_.text = text_;
    tape_.nodes.reserve(text_.size() / 20 + 16);  // a node per 24-30 bytes in typical feeds: no regrowth
    pos_ = text_.size() - skip_bom(text_).size();
    skip_space();
    if (!value()) return false;
    while (pending_value_ || !open_.empty()) {
      if (pending_value_) {
        pending_value_ = false;
        if (!value()) return false;
        continue;
      }
      skip_space();
      if (pos_ >= text_.size() || !after_value()) return false;
    }
    skip_space();
    return pos_ == text_.size();
  }

 private:
  static constexpr std::size_t indexed_from = 16;

  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  }

  std::uint32_t push(json_kind kind) {
    tape_node n;
    n.kind = kind;
    n.offset = std::uint32_t(pos_);
    tape_.nodes.push_back(n);
    auto index = std::uint32_t(tape_.nodes.size() - 1);
    tape_.nodes.back().end = index + 1;
    return index;
  }

  // What follows a value inside an open container: ',' and the next value, or its end.
  bool after_value() {
    auto& top = open_.back();
    bool object = tape_.nodes[top.node].kind == json_kind::object;
    char c = text_[pos_++];
    if (c == (object ? '}' : ']')) return close();
    if (c != ',') return false;
    skip_space();
    if (object && !member_key()) return false;
    pending_value_ = true;
    return true;
  }

  bool close() {
    auto& top = open_.back();
    tape_.nodes[top.node].end = std::uint32_t(tape_.nodes.size());
    keys_.resize(top.first_key);
    open_.pop_back();
    return true;
  }

  // A value at pos_ (after white space): scalars whole, containers opened.
  bool value() {
    if (pos_ >= text_.size()) return false;
    if (!open_.empty() && tape_.nodes[open_.back().node].kind == json_kind::array) ++tape_.nodes[open_.back().node].count;
    switch (text_[pos_]) {
      case '{': return open(json_kind::object);
      case '[': return open(json_kind::array);
      case '"': return string(push(json_kind::string));
      case 't': return literal("true", json_kind::boolean, true);
      case 'f': return literal("false", json_kind::boolean, false);
      case 'n': return literal("null", json_kind::null, false);
      default: return number();
    }
  }

  bool literal(std::string_view word, json_kind kind, bool flag) {
    if (text_.substr(pos_, word.size()) != word) return false;
    tape_.nodes[push(kind)].flag = flag;
    pos_ += word.size();
    return true;
  }

  bool open(json_kind kind) {
    std::uint32_t token_key = no_key, token_index = 0;
    if (!open_.empty()) {
      auto& parent = tape_.nodes[open_.back().node];
      if (parent.kind == json_kind::array) token_index = parent.count - 1;
      else token_key = current_key_;
    }
    auto node = push(kind);
    ++pos_;
    open_.push_back({node, token_key, token_index, keys_.size(), nullptr});
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == (kind == json_kind::object ? '}' : ']')) {
      ++pos_;
      return close();
    }
    if (kind == json_kind::object && !member_key()) return false;
    pending_value_ = true;  // read by run(): no recursion, however deep the nesting
    return true;
  }

  // "key" : (then the value follows); a repeated key is noted and its first place kept.
  bool member_key() {
    if (pos_ >= text_.size() || text_[pos_] != '"') return false;
    auto key = push(json_kind::string);
    if (!string(key)) return false;
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != ':') return false;
    ++pos_;
    skip_space();
    auto value_node = std::uint32_t(tape_.nodes.size());
    tape_.nodes[key].count = value_node;
    if (auto first = find_key(key); first != no_key) {
      tape_.nodes[first].count = value_node;
      tape_.nodes[key].dead = true;
      note_duplicate(first, key);
      current_key_ = first;  // the member's name in pointers below it
    } else {
      add_key(key);
      ++tape_.nodes[open_.back().node].count;
    }
    return true;
  }

  std::string_view key_text(std::uint32_t key) const { return json_value(&tape_, key).string(); }

  std::uint32_t find_key(std::uint32_t key) {
    auto& top = open_.back();
    auto name = key_text(key);
    if (!top.index) {
      for (auto k = top.first_key; k < keys_.size(); ++k)
        if (key_text(keys_[k]) == name) return keys_[k];
      return no_key;
    }
    auto range = top.index->equal_range(std::hash<std::string_view>()(name));
    for (auto it = range.first; it != range.second; ++it)
      if (key_text(it->second) == name) return it->second;
    return no_key;
  }

  void add_key(std::uint32_t key) {
    auto& top = open_.back();
    keys_.push_back(key);
    current_key_ = key;
    if (top.index) {
      top.index->emplace(std::hash<std::string_view>()(key_text(key)), key);
    } else if (keys_.size() - top.first_key >= indexed_from) {
      top.index = std::make_unique<std::unordered_multimap<std::size_t, std::uint32_t>>();
      for (auto k = top.first_key; k < keys_.size(); ++k)
        top.index->emplace(std::hash<std::string_view>()(key_text(keys_[k])), keys_[k]);
    }
  }

  void note_duplicate(std::uint32_t first, std::uint32_t repeat) {
    if (tape_.duplicates.size() >= json_tape::max_listed_duplicates) {
      ++tape_.unlisted_duplicates;
      return;
    }
    std::string object;
    for (std::size_t i = 1; i < open_.size(); ++i) {
      const auto& o = open_[i];
      object += "/" + (o.token_key == no_key ? std::to_string(o.token_index)
                                             : escape_pointer_token(key_text(o.token_key)));
    }
    forget_duplicates_inside(object + "/" + escape_pointer_token(key_text(first)));
    tape_.duplicates.push_back({std::move(object), std::string(key_text(first)), tape_.nodes[repeat].offset});
  }

  // The earlier value of a repeated key is discarded: repeats found inside it point at
  // nothing that is used (the DOM reader's rule, json_document.cpp).
  void forget_duplicates_inside(const std::string& replaced) {
    auto& listed = tape_.duplicates;
    listed.erase(std::remove_if(listed.begin(), listed.end(),
                                [&](const json_tape::duplicate& d) {
                                  return d.object.compare(0, replaced.size(), replaced) == 0 &&
                                         (d.object.size() == replaced.size() || d.object[replaced.size()] == '/');
                                }),
                 listed.end());
  }

  bool string(std::uint32_t node);
  bool escaped_string(std::uint32_t node, std::size_t start);
  bool escape(std::string& out);
  bool number();
  bool number_value(tape_node& n, std::string_view token, bool integral);

  std::string_view text_;
  json_tape& tape_;
  std::size_t pos_ = 0;
  std::vector<open_container> open_;
  std::vector<std::uint32_t> keys_;  // the keys of the open objects, innermost last
  std::uint32_t current_key_ = no_key;
  bool pending_value_ = false;  // a value must follow at pos_
};

// A string at pos_ ('"'): a view into the text unless it has escapes. UTF-8 was
// validated by the preflight; control characters are refused, as JSON says.
bool scanner::string(std::uint32_t node) {
  auto start = ++pos_;
  const char* data = text_.data();
  auto size = text_.size();
  while (pos_ < size) {
    auto c = static_cast<unsigned char>(data[pos_]);
    if (c == '"') {
      auto& n = tape_.nodes[node];
      n.value.text = {std::uint32_t(start), std::uint32_t(pos_ - start)};
      ++pos_;
      return true;
    }
    if (c == '\\') return escaped_string(node, start);
    if (c < 0x20) return false;
    ++pos_;
  }
  return false;
}

bool scanner::escaped_string(std::uint32_t node, std::size_t start) {
  std::string& arena = tape_.arena;
  auto from = arena.size();
  arena.append(text_.substr(start, pos_ - start));
  while (pos_ < text_.size()) {
    auto c = static_cast<unsigned char>(text_[pos_]);
    if (c == '"') {
      auto& n = tape_.nodes[node];
      n.flag = true;
      n.value.text = {std::uint32_t(from), std::uint32_t(arena.size() - from)};
      ++pos_;
      return true;
    }
    if (c < 0x20) return false;
    if (c == '\\') {
      if (!escape(arena)) return false;
      continue;
    }
    arena.push_back(char(c));
    ++pos_;
  }
  return false;
}

// One escape at pos_ (a backslash), decoded onto `out`; surrogates must pair, as nlohmann requires.
bool scanner::escape(std::string& out) {
  auto code_unit = [&](std::size_t at) -> long {
    if (at + 6 > text_.size() || text_[at] != '\\' || text_[at + 1] != 'u') return -1;
    long unit = 0;
    for (std::size_t k = at + 2; k < at + 6; ++k) {
      int d = hex_digit(text_[k]);
      if (d < 0) return -1;
      unit = unit * 16 + d;
    }
    return unit;
  };
  if (pos_ + 1 >= text_.size()) return false;
  static constexpr std::string_view from = "\"\\/bfnrt", to = "\"\\/\b\f\n\r\t";
  char e = text_[pos_ + 1];
  if (e != 'u') {
    auto k = from.find(e);
    if (k == std::string_view::npos) return false;
    out.push_back(to[k]);
    pos_ += 2;
    return true;
  }
  long unit = code_unit(pos_);
  if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return false;
  pos_ += 6;
  if (unit >= 0xD800 && unit <= 0xDBFF) {
    long low = code_unit(pos_);
    if (low < 0xDC00 || low > 0xDFFF) return false;
    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    pos_ += 6;
  }
  append_utf8(out, char32_t(unit));
  return true;
}

// A number by JSON's grammar; its value as nlohmann reads it (see number_value).
bool scanner::number() {
  auto start = pos_;
  auto size = text_.size();
  if (text_[pos_] == '-') ++pos_;
  if (pos_ >= size || !is_digit(text_[pos_])) return false;
  if (text_[pos_] == '0') ++pos_;
  else
    while (pos_ < size && is_digit(text_[pos_])) ++pos_;
  bool integral = true;
  if (pos_ < size && text_[pos_] == '.') {
    integral = false;
    if (++pos_ >= size || !is_digit(text_[pos_])) return false;
    while (pos_ < size && is_digit(text_[pos_])) ++pos_;
  }
  if (pos_ < size && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    integral = false;
    if (++pos_ < size && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (pos_ >= size || !is_digit(text_[pos_])) return false;
    while (pos_ < size && is_digit(text_[pos_])) ++pos_;
  }
  auto saved = pos_;
  pos_ = start;
  auto& n = tape_.nodes[push(json_kind::floating)];
  pos_ = saved;
  return number_value(n, text_.substr(start, pos_ - start), integral);
}

// As nlohmann: a whole number without sign is unsigned, with a sign signed; one
// that does not fit, or has a fraction or exponent, is a double, which must be finite.
bool scanner::number_value(tape_node& n, std::string_view token, bool integral) {
  if (integral) {
    bool negative = token.front() == '-';
    std::uint64_t magnitude = 0;
    bool fits = true;
    for (char c : token.substr(negative ? 1 : 0)) {
      auto digit = std::uint64_t(c - '0');
      if (magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) fits = false;
      magnitude = magnitude * 10 + digit;
    }
    if (fits && !negative) {
      n.kind = json_kind::unsigned_integer;
      n.value.unsigned_integer = magnitude;
      return true;
    }
    if (fits && magnitude <= std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1) {
      n.kind = json_kind::integer;
      n.value.integer = magnitude == 0 ? 0 : std::int64_t(0 - magnitude);
      return true;
    }
  }
  char buffer[64];
  std::string long_token;
  const char* digits = buffer;
  if (token.size() < sizeof buffer) {
    std::memcpy(buffer, token.data(), token.size());
    buffer[token.size()] = '\0';
  } else {
    long_token.assign(token);
    digits = long_token.c_str();
  }
  n.value.floating = std::strtod(digits, nullptr);
  return std::isfinite(n.value.floating);
}

}  // namespace

bool scan_json(std::string_view text, json_tape& tape) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) return false;
  return scanner(text, tape).run();
}

}  // namespace talktime::detail
