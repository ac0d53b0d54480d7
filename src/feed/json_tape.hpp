// The feed reader's JSON: one pass over the text into a compact tape, read
// through small views. Why not nlohmann's DOM (still used by the frab importer):
// on a 10,000-talk feed its lexer, DOM build and DOM free cost 13-15 µs a talk
// and every member lookup searched an ordered_map; nlohmann's SAX interface into
// our own store still paid its lexer (8.5-11.4 µs a talk, issue 12). This scanner
// is purpose-built:
//  - one pass, after the preflight (json_scan.hpp) has checked the limits and
//    validated and repaired UTF-8 (the only UTF-8 validation: strings are taken as
//    they are, not validated a second time);
//  - one tape of 24-byte nodes in document order (type, byte offset, subtree end,
//    member count, number or string place); a string is a view into the text, or
//    into one arena when it had escapes;
//  - a key given twice keeps its first place and takes the last value (as before
//    and as nlohmann's builder did), and is reported at the repeat's own offset;
//  - a text it rejects is handed to nlohmann only for the syntax message, so the
//    diagnostic is word for word what it was (rejection is the rare path).
// nlohmann stays the oracle: tests/fuzz/fuzz_json_tape.cpp and json_tape_test
// assert that both accept the same texts and read the same values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "talktime/diagnostic.hpp"
#include "talktime/feed.hpp"

namespace talktime::detail {

enum class json_kind : std::uint8_t { null, boolean, integer, unsigned_integer, floating, string, array, object };

struct tape_node {
  json_kind kind = json_kind::null;
  bool flag = false;     // a boolean's value; a string's "in the arena"
  bool dead = false;     // a key given again later in its object (its value is replaced)
  std::uint32_t offset = 0;  // where the value (a key: its quote) starts in the text
  std::uint32_t end = 0;     // the node after this value's subtree
  std::uint32_t count = 0;   // containers: members/elements; keys: the node of the current value
  union {
    std::int64_t integer;
    std::uint64_t unsigned_integer;
    double floating;
    struct {
      std::uint32_t start, length;
    } text;
  } value{};
};

/// A scanned JSON text. Views into it stay valid while it lives.
struct json_tape {
  std::string_view text;  // the input, or `repaired`
  std::string repaired;   // the input with its encoding damage repaired, when it had any
  std::string arena;  // decoded strings that had escapes
  std::vector<tape_node> nodes;
  /// A key given twice in one object: where its object is (a JSON Pointer), the key and its offset.
  struct duplicate {
    std::string object, key;
    std::uint32_t offset;
  };
  std::vector<duplicate> duplicates;  // the first max_listed_duplicates
  std::size_t unlisted_duplicates = 0;
  static constexpr std::size_t max_listed_duplicates = 10;
};

/// Scans `text` (already through the preflight) into `tape`; false when it is not JSON.
bool scan_json(std::string_view text, json_tape& tape);

/// The feed reader's way in: the preflight (limits, encoding repairs), the scan,
/// then warnings for repeated keys, or the syntax error. False when the text failed
/// as a whole; diagnostics as parse_json_document gives them, codes under "feed".
bool read_json_tape(std::string_view input, const feed_limits& limits, json_tape& tape,
                    std::vector<diagnostic>& diagnostics);

/// One value of a tape, or none (a member that is not there).
class json_value {
 public:
  json_value() = default;
  json_value(const json_tape* tape, std::uint32_t index) : tape_(tape), index_(index) {}

  bool exists() const { return tape_ != nullptr; }
  /// There and not null: what "given" means for an optional field.
  bool given() const { return tape_ && node().kind != json_kind::null; }
  json_kind kind() const { return node().kind; }
  bool is_null() const { return node().kind == json_kind::null; }
  bool is_string() const { return node().kind == json_kind::string; }
  bool is_object() const { return node().kind == json_kind::object; }
  bool is_array() const { return node().kind == json_kind::array; }
  bool is_number() const { return is_number_integer() || node().kind == json_kind::floating; }
  bool is_number_integer() const {
    return node().kind == json_kind::integer || node().kind == json_kind::unsigned_integer;
  }
  bool boolean() const { return node().flag; }
  std::string_view string() const;
  std::int64_t integer() const { return node().value.integer; }
  std::uint64_t unsigned_integer() const { return node().value.unsigned_integer; }
  double floating() const { return node().value.floating; }
  std::size_t offset() const { return node().offset; }
  /// Members of an object (live ones), elements of an array.
  std::size_t size() const { return node().count; }

  /// The member `key` of an object (its last value when given twice); none when absent.
  json_value find(std::string_view key) const;

  /// Calls each(element) for an array's elements in order.
  template <typename Each>
  void for_each_element(Each&& each) const {
    for (auto i = index_ + 1; i < node().end; i = tape_->nodes[i].end) each(json_value(tape_, i));
  }
  /// Calls each(key, value) for an object's members in their first places.
  template <typename Each>
  void for_each_member(Each&& each) const {
    for (auto i = index_ + 1; i < node().end; i = tape_->nodes[i + 1].end)
      if (!tape_->nodes[i].dead) each(json_value(tape_, i).string(), json_value(tape_, tape_->nodes[i].count));
  }

  /// The value as nlohmann's JSON (for messages that quote it, and the oracle).
  nlohmann::ordered_json to_json() const;

 private:
  const tape_node& node() const { return tape_->nodes[index_]; }
  const json_tape* tape_ = nullptr;
  std::uint32_t index_ = 0;
};

/// The root value of a scanned tape.
inline json_value root_of(const json_tape& tape) { return json_value(&tape, 0); }

}  // namespace talktime::detail
