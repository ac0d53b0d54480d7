// The views over a tape and the feed reader's way in: see json_tape.hpp.
#include "feed/json_tape.hpp"

#include "common/problem_reporter.hpp"
#include "common/text.hpp"
#include "feed/json_document.hpp"
#include "feed/json_scan.hpp"

namespace talktime::detail {
namespace {

// Warnings for keys given twice in one object (the last value is used, as in
// JavaScript's JSON.parse), each at its repeat, located in one pass over the text.
void report_duplicates(const json_tape& tape, std::vector<diagnostic>& diagnostics) {
  std::vector<std::size_t> offsets;
  for (const auto& dup : tape.duplicates) offsets.push_back(dup.offset);
  auto positions = positions_at(tape.text, offsets);
  for (std::size_t i = 0; i < tape.duplicates.size(); ++i) {
    const auto& dup = tape.duplicates[i];
    diagnostic d;
    d.level = severity::warning;
    d.code = "feed.duplicate_key";
    d.pointer = dup.object + "/" + escape_pointer_token(dup.key);
    d.message = "key " + quote_for_message(dup.key) + " is given again in this object; its last value is used";
    d.line = positions[i].line;
    d.column = positions[i].column;
    diagnostics.push_back(std::move(d));
  }
  if (tape.unlisted_duplicates > 0) {
    diagnostic d;
    d.level = severity::warning;
    d.code = "feed.duplicate_key";
    d.line = d.column = 1;
    d.message = std::to_string(tape.unlisted_duplicates) + " more keys are given twice but are not listed";
    diagnostics.push_back(std::move(d));
  }
}

}  // namespace

bool read_json_tape(std::string_view input, const feed_limits& limits, json_tape& tape,
                    std::vector<diagnostic>& diagnostics) {
  auto preflight = preflight_json(input, limits);
  for (auto& d : preflight.warnings) diagnostics.push_back(std::move(d));
  if (preflight.error) {
    diagnostics.push_back(std::move(*preflight.error));
    return false;
  }
  if (preflight.changed) tape.repaired = std::move(preflight.repaired);
  auto text = preflight.changed ? std::string_view(tape.repaired) : input;
  if (scan_json(text, tape)) {
    report_duplicates(tape, diagnostics);
    return true;
  }
  // nlohmann words the syntax error, as it always has; should it accept what the
  // scanner refused (the differential fuzz target says it does not), say so plainly.
  auto problem = json_syntax_problem(text, "feed");
  if (!problem) {
    problem.emplace();
    problem->code = "feed.syntax";
    problem->message = "the feed could not be read as JSON";
  }
  diagnostics.push_back(std::move(*problem));
  return false;
}

std::string_view json_value::string() const {
  const auto& n = node();
  const char* base = n.flag ? tape_->arena.data() : tape_->text.data();
  return {base + n.value.text.start, n.value.text.length};
}

json_value json_value::find(std::string_view key) const {
  const auto& nodes = tape_->nodes;
  for (auto i = index_ + 1; i < node().end; i = nodes[i + 1].end) {
    if (nodes[i].dead) continue;
    if (nodes[i].value.text.length == key.size() && json_value(tape_, i).string() == key)
      return json_value(tape_, nodes[i].count);
  }
  return {};
}

nlohmann::ordered_json json_value::to_json() const {
  using json = nlohmann::ordered_json;
  switch (kind()) {
    case json_kind::null: return nullptr;
    case json_kind::boolean: return boolean();
    case json_kind::integer: return integer();
    case json_kind::unsigned_integer: return unsigned_integer();
    case json_kind::floating: return floating();
    case json_kind::string: return std::string(string());
    case json_kind::array: {
      json out = json::array();
      for_each_element([&](json_value element) { out.push_back(element.to_json()); });
      return out;
    }
    case json_kind::object: break;
  }
  // Keys are unique on the tape: appended without a search, so a wide object costs n, not n squared.
  json out = json::object();
  auto& members = out.get_ref<json::object_t&>();
  for_each_member([&](std::string_view key, json_value member) {
    members.json::object_t::Container::emplace_back(std::string(key), member.to_json());
  });
  return out;
}

}  // namespace talktime::detail
