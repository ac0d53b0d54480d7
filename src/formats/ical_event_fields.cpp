// Talk fields from a VEVENT's descriptive properties (ical_event_fields.hpp).
#include "formats/ical_event_fields.hpp"

#include "common/text.hpp"
#include "formats/ics_text.hpp"

namespace talktime::detail {
namespace {

using json = nlohmann::ordered_json;

const content_line* find(const std::vector<content_line>& props, std::string_view name) {
  for (const auto& p : props)
    if (p.name == name) return &p;
  return nullptr;
}

void read_text_fields(const std::vector<content_line>& props, const std::string& at, json& t, const origin_recorder& origin) {
  if (auto* duration = find(props, "DURATION")) {
    std::string value(trim(duration->value));
    if (!value.empty() && value.front() == '+') value.erase(0, 1);
    t["duration"] = value;
    origin(at + "/duration", duration->line);
  }
  if (auto* description = find(props, "DESCRIPTION")) {
    t["abstract"] = ics_unescape_text(description->value);
    origin(at + "/abstract", description->line);
  }
  if (auto* location = find(props, "LOCATION")) {
    auto name = ics_unescape_text(location->value);
    const std::string* altrep = location->param("ALTREP");
    if (altrep && !altrep->empty()) t["location"] = {{"name", name}, {"url", *altrep}};
    else t["location"] = name;
    origin(at + "/location", location->line);
  }
  if (auto* status = find(props, "STATUS")) {
    auto value = ascii_upper(trim(status->value));
    if (value == "CANCELLED") t["status"] = "cancelled";
    else if (value == "TENTATIVE") t["status"] = "tentative";
    else if (value != "CONFIRMED") t["status"] = ascii_lower(value);
    if (t.contains("status")) origin(at + "/status", status->line);
  }
}

// Every CATEGORIES line, split at commas that are not escaped, each part unescaped.
void read_categories(const std::vector<content_line>& props, const std::string& at, json& t, const origin_recorder& origin) {
  json tags = json::array();
  for (const auto& p : props) {
    if (p.name != "CATEGORIES") continue;
    std::string part;
    auto flush = [&] {
      auto tag = std::string(trim(ics_unescape_text(part)));
      if (!tag.empty()) {
        if (tags.empty()) origin(at + "/tags", p.line);  // the first CATEGORIES line with a tag
        origin(at + "/tags/" + std::to_string(tags.size()), p.line);
        tags.push_back(tag);
      }
      part.clear();
    };
    for (std::size_t i = 0; i < p.value.size(); ++i) {
      if (p.value[i] == '\\' && i + 1 < p.value.size()) {
        part += p.value.substr(i, 2);
        ++i;
      } else if (p.value[i] == ',') {
        flush();
      } else {
        part.push_back(p.value[i]);
      }
    }
    flush();
  }
  if (!tags.empty()) t["tags"] = tags;
}

void read_links(const std::vector<content_line>& props, const std::string& at, json& t, const origin_recorder& origin) {
  json links = json::object();
  if (auto* url = find(props, "URL")) {
    links["website"] = std::string(trim(url->value));
    origin(at + "/links/website", url->line);
  }
  for (const auto& p : props) {
    if (p.name != "CONFERENCE" || links.contains("livestream")) continue;
    links["livestream"] = std::string(trim(p.value));
    origin(at + "/links/livestream", p.line);
  }
  if (!links.empty()) t["links"] = links;
}

}  // namespace

void read_event_fields(const std::vector<content_line>& props, const std::string& at, json& t, const origin_recorder& origin) {
  read_text_fields(props, at, t, origin);
  read_categories(props, at, t, origin);
  read_links(props, at, t, origin);
}

}  // namespace talktime::detail
