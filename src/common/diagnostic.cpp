#include "talktime/diagnostic.hpp"

#include <algorithm>

namespace talktime {

std::string diagnostic::to_string() const {
  std::string out = "[" + code + "]";
  if (!pointer.empty()) out += " " + pointer;
  if (line > 0) {
    out += pointer.empty() ? " line " : " (line ";
    out += std::to_string(line) + ", column " + std::to_string(column);
    if (!pointer.empty()) out += ")";
  }
  return out + ": " + message;
}

bool has_errors(const std::vector<diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const diagnostic& d) { return d.level == severity::error; });
}

}  // namespace talktime
