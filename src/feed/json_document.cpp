#include "feed/json_document.hpp"

#include "feed/json_scan.hpp"

namespace talktime::detail {
namespace {

// nlohmann's DOM builder, with syntax errors captured instead of thrown.
class capturing_sax : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit capturing_sax(json& root) : json_sax_dom_parser(root, false) {}
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
    error_position = position;
    error_message = error.what();
    return false;
  }
  std::size_t error_position = 0;
  std::string error_message;
};

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

  capturing_sax sax(doc.root);
  if (json::sax_parse(doc.text, &sax)) return true;
  diagnostic d;
  d.code = std::string(code_prefix) + ".syntax";
  auto at = position_at(doc.text, sax.error_position > 0 ? sax.error_position - 1 : 0);
  d.line = at.line;
  d.column = at.column;
  d.message = syntax_message(sax.error_message);
  diagnostics.push_back(std::move(d));
  return false;
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
