// The render request's "renderText" (the visitor's language, built by web/src/i18n/) as a
// render_text. Implemented in src/wasm/render_text_json.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include "talktime/render_text.hpp"

namespace talktime::wasm {

/// {"months": [12], "weekdays": [7, Sunday first], "digits": [10], "dayPeriodFirst": bool,
///  "links": {kind: label}, "kinds": {kind: badge}, and each word of render_text_words()
///  by its name}. A value missing or of the wrong shape keeps its English default.
render_text render_text_from_json(const nlohmann::ordered_json& text);

}  // namespace talktime::wasm
