// Fuzz target: the feed reader's own JSON scanner (src/feed/json_tape.hpp) against
// nlohmann_json, its oracle, on arbitrary bytes.
//
// Properties checked on every input that passes the preflight (limits, encoding
// repair), besides "no crash, leak, UB or hang":
//   1. The scanner accepts exactly the texts nlohmann accepts.
//   2. An accepted text reads the same values: the same types (signed, unsigned and
//      floating numbers apart), the same numbers and strings, members in the same
//      order, a repeated key in its first place with its last value.
//   3. The reader's diagnostics are those of the DOM reader it replaced
//      (parse_json_document): repairs, limits, syntax errors and repeated keys with
//      the same codes, messages and pointers, and, but for repeated keys, the same
//      lines and columns (a key repeated inside a repeated member is now located
//      where it is; the DOM reader's locator looked in the last member only).
//   4. Linear time, as for fuzz_feed_parser (fuzz_support.hpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "feed/json_document.hpp"
#include "feed/json_scan.hpp"
#include "feed/json_tape.hpp"
#include "fuzz_support.hpp"
#include "typical_inputs.hpp"

namespace {

using namespace talktime;
using talktime::fuzz::check;
using json = nlohmann::ordered_json;

// Equal values of equal types, all the way down (json's == takes 1 and 1u as equal).
bool same(const json& a, const json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object()) {
    auto x = a.begin();
    for (auto y = b.begin(); y != b.end(); ++x, ++y)
      if (x.key() != y.key() || !same(x.value(), y.value())) return false;
    return true;
  }
  if (a.is_array()) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

void check_same_diagnostics(const std::vector<diagnostic>& tape, const std::vector<diagnostic>& dom) {
  std::string both;
  for (const auto& d : tape) both += "tape: " + d.to_string() + " @" + d.pointer + "\n";
  for (const auto& d : dom) both += "dom:  " + d.to_string() + " @" + d.pointer + "\n";
  check(tape.size() == dom.size(), "the tape reader and the DOM reader report different problems", both);
  for (std::size_t i = 0; i < tape.size(); ++i) {
    const auto &a = tape[i], &b = dom[i];
    bool located = a.code == "feed.duplicate_key" || (a.line == b.line && a.column == b.column);
    check(a.level == b.level && a.code == b.code && a.message == b.message && a.pointer == b.pointer && located,
          "the tape reader and the DOM reader differ on a problem", both);
  }
}

const fuzz::linear_time_bound& time_bound() {
  static const fuzz::linear_time_bound bound(fuzz::typical_feed, [](std::string_view text) {
    detail::json_tape tape;
    std::vector<diagnostic> diagnostics;
    detail::read_json_tape(text, {}, tape, diagnostics);
  });
  return bound;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  time_bound().check(input);

  detail::json_tape tape;
  std::vector<diagnostic> tape_problems, dom_problems;
  bool tape_read = detail::read_json_tape(input, {}, tape, tape_problems);
  detail::json_document doc;
  bool dom_read = detail::parse_json_document(input, {}, "feed", doc, dom_problems);
  check(tape_read == dom_read, tape_read ? "the tape reader accepts what nlohmann refuses" : "the tape reader refuses what nlohmann accepts", input);
  check_same_diagnostics(tape_problems, dom_problems);
  if (!tape_read) return 0;
  check(tape.text == doc.text, "the tape and the DOM read different texts", input);

  auto read = detail::root_of(tape).to_json();
  check(same(read, doc.root), "the tape reads other values than nlohmann:\n" + read.dump() + "\n" + doc.root.dump(), input);
  // nlohmann's own parse too, on small texts (its ordered objects search their members).
  if (size < 65536) {
    auto plain = json::parse(doc.text, nullptr, false);
    check(!plain.is_discarded() && same(read, plain), "the tape reads other values than json::parse", input);
  }
  return 0;
}
