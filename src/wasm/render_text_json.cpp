// Reads the widget's render_text (see render_text_json.hpp): every value is optional, so a
// catalogue that lacks a word shows it in English, never as a key or as nothing.
#include "render_text_json.hpp"

namespace talktime::wasm {
namespace {

using json = nlohmann::ordered_json;

template <std::size_t N>
void read_names(const json& text, const char* key, std::array<std::string, N>& names) {
  auto it = text.find(key);
  if (it == text.end() || !it->is_array() || it->size() != N) return;
  for (std::size_t i = 0; i < N; ++i)
    if ((*it)[i].is_string() && !(*it)[i].get<std::string>().empty()) names[i] = (*it)[i].get<std::string>();
}

void read_map(const json& text, const char* key, std::map<std::string, std::string, std::less<>>& words) {
  auto it = text.find(key);
  if (it == text.end() || !it->is_object()) return;
  for (const auto& [name, value] : it->items())
    if (value.is_string() && !value.get<std::string>().empty()) words[name] = value.get<std::string>();
}

}  // namespace

render_text render_text_from_json(const json& text) {
  render_text out;
  if (!text.is_object()) return out;
  read_names(text, "months", out.months);
  read_names(text, "weekdays", out.weekdays);
  read_names(text, "digits", out.digits);
  read_map(text, "links", out.links);
  read_map(text, "kinds", out.kinds);
  if (auto it = text.find("dayPeriodFirst"); it != text.end() && it->is_boolean()) out.day_period_first = it->get<bool>();
  for (const auto& word : render_text_words()) {
    auto it = text.find(word.name);
    // An empty gap is a real value ("午後8:30"); an empty word is a missing one.
    if (it != text.end() && it->is_string() && (!it->get<std::string>().empty() || word.name == "dayPeriodGap"))
      out.*word.field = it->get<std::string>();
  }
  return out;
}

}  // namespace talktime::wasm
