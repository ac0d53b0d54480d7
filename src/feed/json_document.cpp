#include "feed/json_document.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "feed/json_scan.hpp"
#include "common/text.hpp"

namespace talktime::detail {
namespace {

// Builds the DOM as nlohmann's own builder does (a repeated member keeps its
// first place and takes the last value), except that a member is found through
// an index rather than a search of the object's members, so an object with n
// members costs n log n rather than n squared; syntax errors are captured.
class dom_builder : public accepting_sax {
 public:
  explicit dom_builder(json& root) : root_(root) {}

  bool null() { return place(nullptr); }
  bool boolean(bool value) { return place(value); }
  bool number_integer(json::number_integer_t value) { return place(value); }
  bool number_unsigned(json::number_unsigned_t value) { return place(value); }
  bool number_float(json::number_float_t value, const std::string&) { return place(value); }
  bool string(std::string& value) { return place(std::move(value)); }
  bool binary(json::binary_t& value) { return place(std::move(value)); }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& name) {
    auto& open = stack_.back();
    auto& members = open.value->get_ref<json::object_t&>();
    if (auto place = find_member(open, members, name)) {
      note_duplicate(name);
      member_ = &(members.begin() + std::ptrdiff_t(*place))->second;
      member_name_ = &(members.begin() + std::ptrdiff_t(*place))->first;
      return true;
    }
    if (!open.index.empty()) open.index.emplace(name, members.size());
    members.json::object_t::Container::emplace_back(std::move(name), nullptr);
    member_ = &members.back().second;
    member_name_ = &members.back().first;
    return true;
  }

  /// A key seen again in its object: the object's pointer, the key, and which
  /// occurrence of it this is (2 for the first repeat).
  struct duplicate {
    std::string object, key;
    int occurrence;
  };
  std::vector<duplicate> duplicates;  // the first max_listed_duplicates
  std::size_t unlisted_duplicates = 0;
  static constexpr std::size_t max_listed_duplicates = 10;

 private:
  struct open_value {
    json* value;
    std::map<std::string, std::size_t, std::less<>> index;  // member name -> place (objects only)
    std::string token;  // its JSON Pointer token in its parent
  };

  void note_duplicate(const std::string& name) {
    if (duplicates.size() >= max_listed_duplicates) {
      ++unlisted_duplicates;
      return;
    }
    std::string object;
    for (std::size_t i = 1; i < stack_.size(); ++i) object += "/" + escape_pointer_token(stack_[i].token);
    // The earlier value is discarded: repeats found inside it point at nothing that is used.
    auto replaced = object + "/" + escape_pointer_token(name);
    duplicates.erase(std::remove_if(duplicates.begin(), duplicates.end(),
                                    [&](const duplicate& d) {
                                      return d.object.compare(0, replaced.size(), replaced) == 0 &&
                                             (d.object.size() == replaced.size() || d.object[replaced.size()] == '/');
                                    }),
                     duplicates.end());
    int occurrence = 2;
    for (const auto& d : duplicates) occurrence += d.object == object && d.key == name;
    duplicates.push_back({std::move(object), name, occurrence});
  }

  // Small objects (a talk) are searched; an index is built once one grows past that.
  static constexpr std::size_t indexed_from = 16;
  static std::optional<std::size_t> find_member(open_value& open, const json::object_t& members, const std::string& name) {
    if (members.size() < indexed_from) {
      for (auto it = members.begin(); it != members.end(); ++it)
        if (it->first == name) return std::size_t(it - members.begin());
      return std::nullopt;
    }
    if (open.index.empty())
      for (auto it = members.begin(); it != members.end(); ++it) open.index.emplace(it->first, std::size_t(it - members.begin()));
    if (auto it = open.index.find(name); it != open.index.end()) return it->second;
    return std::nullopt;
  }

  template <typename Value>
  json* put(Value&& value) {
    if (stack_.empty()) return &(root_ = json(std::forward<Value>(value)));
    auto* parent = stack_.back().value;
    if (parent->is_array()) {
      parent->get_ref<json::array_t&>().emplace_back(std::forward<Value>(value));
      return &parent->back();
    }
    return &(*member_ = json(std::forward<Value>(value)));
  }
  template <typename Value>
  bool place(Value&& value) {
    put(std::forward<Value>(value));
    return true;
  }
  bool open(json empty) {
    std::string token;
    if (!stack_.empty())
      token = stack_.back().value->is_array() ? std::to_string(stack_.back().value->size()) : *member_name_;
    stack_.push_back({put(std::move(empty)), {}, std::move(token)});
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  json& root_;
  std::vector<open_value> stack_;
  json* member_ = nullptr;
  const std::string* member_name_ = nullptr;  // the key of member_, until the next key
};

// The offset of the `occurrence`th key `key` of the object that starts at `object`
// ('{'), found by a walk over that object's text; nullopt when it is not there.
std::optional<std::size_t> key_offset(std::string_view text, std::size_t object, const std::string& key, int occurrence) {
  int depth = 0;
  for (std::size_t i = object; i < text.size(); ++i) {
    char c = text[i];
    if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') {
      if (--depth == 0) return std::nullopt;
    } else if (c == '"') {
      std::size_t start = i;
      bool escaped = false;
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') escaped = true, ++i;
      if (depth != 1) continue;
      auto after = text.find_first_not_of(" \t\r\n", i + 1);
      if (after == std::string_view::npos || text[after] != ':') continue;
      auto raw = text.substr(start, i + 1 - start);
      bool same = escaped ? json::parse(raw, nullptr, false) == json(key) : raw.substr(1, raw.size() - 2) == key;
      if (same && --occurrence == 0) return start;
    }
  }
  return std::nullopt;
}

// Warnings for keys given twice in one object (the last value is used, as in
// JavaScript's JSON.parse), each at its repeat.
void report_duplicates(const dom_builder& sax, std::string_view text, std::string_view code_prefix,
                       std::vector<diagnostic>& diagnostics) {
  if (sax.duplicates.empty()) return;
  std::vector<std::string> objects;
  for (const auto& d : sax.duplicates) objects.push_back(d.object);
  auto starts = pointer_offsets(text, objects);
  for (std::size_t i = 0; i < sax.duplicates.size(); ++i) {
    const auto& dup = sax.duplicates[i];
    diagnostic d;
    d.level = severity::warning;
    d.code = std::string(code_prefix) + ".duplicate_key";
    d.pointer = dup.object + "/" + escape_pointer_token(dup.key);
    d.message = "key " + quote_for_message(dup.key) + " is given again in this object; its last value is used";
    auto at = starts[i] ? key_offset(text, *starts[i], dup.key, dup.occurrence) : std::nullopt;
    auto position = position_at(text, at.value_or(0));
    d.line = position.line;
    d.column = position.column;
    diagnostics.push_back(std::move(d));
  }
  if (sax.unlisted_duplicates > 0) {
    diagnostic d;
    d.level = severity::warning;
    d.code = std::string(code_prefix) + ".duplicate_key";
    d.line = d.column = 1;
    d.message = std::to_string(sax.unlisted_duplicates) + " more keys are given twice but are not listed";
    diagnostics.push_back(std::move(d));
  }
}

// "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error
// while parsing value - unexpected '}'; expected ..." -> "unexpected '}'; expected ..."
std::string syntax_message(const std::string& what) {
  std::string message = what;
  if (!message.empty() && message.front() == '[')
    if (auto close = message.find("] "); close != std::string::npos) message = message.substr(close + 2);
  if (message.rfind("parse error", 0) == 0)
    if (auto colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
  if (message.rfind("syntax error while parsing", 0) == 0)
    if (auto dash = message.find(" - "); dash != std::string::npos) message = message.substr(dash + 3);
  return message;
}

diagnostic syntax_diagnostic(std::string_view text, std::string_view code_prefix, std::size_t position,
                             const std::string& what) {
  diagnostic d;
  d.code = std::string(code_prefix) + ".syntax";
  auto at = position_at(text, position > 0 ? position - 1 : 0);
  d.line = at.line;
  d.column = at.column;
  d.message = syntax_message(what);
  return d;
}

// Builds nothing: only where and why the text is not JSON.
using syntax_checker = accepting_sax;

}  // namespace

bool parse_json_document(std::string_view input, const feed_limits& limits, std::string_view code_prefix,
                         json_document& doc, std::vector<diagnostic>& diagnostics) {
  auto recode = [&](diagnostic d) {
    if (d.code.rfind("feed.", 0) == 0) d.code = std::string(code_prefix) + d.code.substr(4);
    return d;
  };
  auto preflight = preflight_json(input, limits);
  for (auto& d : preflight.warnings) diagnostics.push_back(recode(d));
  if (preflight.error) {
    diagnostics.push_back(recode(*preflight.error));
    return false;
  }
  if (preflight.changed) doc.repaired = std::move(preflight.repaired);
  doc.text = preflight.changed ? std::string_view(doc.repaired) : input;

  dom_builder sax(doc.root);
  if (json::sax_parse(doc.text, &sax)) {
    report_duplicates(sax, doc.text, code_prefix, diagnostics);
    return true;
  }
  diagnostics.push_back(syntax_diagnostic(doc.text, code_prefix, sax.error_position, sax.error_message));
  return false;
}

std::optional<diagnostic> json_syntax_problem(std::string_view text, std::string_view code_prefix) {
  syntax_checker sax;
  if (json::sax_parse(text, &sax)) return std::nullopt;
  return syntax_diagnostic(text, code_prefix, sax.error_position, sax.error_message);
}

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

}  // namespace talktime::detail
