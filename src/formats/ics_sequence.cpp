// SEQUENCE numbers from the calendar published before (talktime/ics_sequence.hpp).
// Works on the text, after to_ics, so the event writer stays as it is.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "talktime/ics_sequence.hpp"

namespace talktime {
namespace {

// One content line: where it starts, its text unfolded, and its bytes as written
// (folds and line ending included) so that output keeps the writer's folding.
struct raw_line {
  int number = 0;
  std::string unfolded;
  std::string_view bytes;
};

class raw_lines {
 public:
  explicit raw_lines(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  bool next(raw_line& line) {
    while (pos_ < text_.size()) {
      std::size_t start = pos_;
      line.number = ++number_;
      line.unfolded = std::string(physical());
      while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) {
        ++number_;
        line.unfolded += physical().substr(1);
      }
      line.bytes = text_.substr(start, pos_ - start);
      if (!line.unfolded.empty()) return true;
    }
    return false;
  }

 private:
  std::string_view physical() {  // the next physical line, CRLF or LF removed
    auto end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    auto line = text_.substr(pos_, end - pos_);
    pos_ = end < text_.size() ? end + 1 : end;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int number_ = 0;
};

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = char(c - 32);
  return out;
}

std::string property_name(const std::string& line) { return upper(line.substr(0, line.find_first_of(";:"))); }

std::string property_value(const std::string& line) {
  // The value follows the first ':' outside a quoted parameter value.
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    else if (line[i] == ':' && !quoted) return line.substr(i + 1);
  }
  return {};
}

// Properties that say when or how often an event was written, not what it is.
bool is_bookkeeping(const std::string& name) {
  return name == "DTSTAMP" || name == "SEQUENCE" || name == "LAST-MODIFIED";
}

// What identifies an event and what it says: its content lines, sorted so that
// property order does not count as a change.
struct event_summary {
  std::string key;  // UID, plus RECURRENCE-ID for one occurrence of a series
  std::vector<std::string> content;
  long sequence = 0;
  std::string stamp, last_modified;  // DTSTAMP and LAST-MODIFIED values
  int line = 0;  // BEGIN:VEVENT
  bool seen_now = false;
};

void add_line(event_summary& event, const std::string& line) {
  auto name = property_name(line);
  if (name == "UID") event.key = property_value(line) + event.key;
  else if (name == "RECURRENCE-ID") event.key += "\x1f" + line.substr(name.size());
  if (name == "DTSTAMP") event.stamp = property_value(line);
  if (name == "LAST-MODIFIED") event.last_modified = property_value(line);
  if (name == "SEQUENCE") {
    auto value = property_value(line);
    if (!value.empty() && value.size() < 10 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
      event.sequence = std::stol(value);
  }
  if (!is_bookkeeping(name)) event.content.push_back(line);
}

bool is_line(const std::string& line, std::string_view expected) { return upper(line) == expected; }

std::map<std::string, event_summary> read_events(std::string_view text) {
  std::map<std::string, event_summary> events;
  raw_lines lines(text);
  raw_line line;
  event_summary current;
  bool inside = false;
  while (lines.next(line)) {
    if (is_line(line.unfolded, "BEGIN:VEVENT")) {
      inside = true;
      current = event_summary{};
      current.line = line.number;
    } else if (inside && is_line(line.unfolded, "END:VEVENT")) {
      inside = false;
      std::sort(current.content.begin(), current.content.end());
      events.emplace(current.key, std::move(current));  // the first of a repeated UID counts
    } else if (inside) {
      add_line(current, line.unfolded);
    }
  }
  return events;
}

// What an event of the new calendar is given: its SEQUENCE, and its LAST-MODIFIED, the
// time it was published new or changed ("" when unknown: unchanged, and the previous
// calendar did not say).
struct revision {
  long sequence = 0;
  std::string last_modified;
};

// The revision of an event of the new calendar, the previous one marked as seen.
revision next_revision(event_summary& event, std::map<std::string, event_summary>& previous) {
  auto found = previous.find(event.key);
  if (found == previous.end()) return {0, event.stamp};
  found->second.seen_now = true;
  std::sort(event.content.begin(), event.content.end());
  if (found->second.content == event.content) return {found->second.sequence, found->second.last_modified};
  return {found->second.sequence + 1, event.stamp};
}

// One VEVENT of the new calendar written out with SEQUENCE and LAST-MODIFIED after DTSTAMP.
void write_event(std::string& out, const std::vector<raw_line>& lines, const revision& r) {
  std::string added = "SEQUENCE:" + std::to_string(r.sequence) + "\r\n";
  if (!r.last_modified.empty()) added += "LAST-MODIFIED:" + r.last_modified + "\r\n";
  bool written = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto name = property_name(lines[i].unfolded);
    if (name == "SEQUENCE" || name == "LAST-MODIFIED") continue;
    if (!written && i + 1 == lines.size()) {  // END:VEVENT, and no DTSTAMP before it
      out += added;
      written = true;
    }
    out.append(lines[i].bytes.data(), lines[i].bytes.size());
    if (!written && name == "DTSTAMP") {
      out += added;
      written = true;
    }
  }
}

diagnostic previous_problem(severity level, const char* code, int line, std::string message) {
  diagnostic d;
  d.level = level;
  d.code = code;
  d.line = line;
  d.column = 1;
  d.message = std::move(message);
  return d;
}

bool looks_like_calendar(std::string_view text) {
  raw_lines lines(text);
  raw_line first;
  return lines.next(first) && is_line(first.unfolded, "BEGIN:VCALENDAR");
}

}  // namespace

sequenced_calendar sequence_events(std::string_view calendar, std::string_view previous) {
  sequenced_calendar result;
  std::map<std::string, event_summary> published;
  if (!previous.empty() && !looks_like_calendar(previous)) {
    result.diagnostics.push_back(previous_problem(severity::error, "ics.previous_not_calendar", 1,
        "the previous calendar does not begin with BEGIN:VCALENDAR, so every SEQUENCE is 0"));
  } else {
    published = read_events(previous);
  }
  raw_lines lines(calendar);
  raw_line line;
  std::vector<raw_line> event_lines;
  event_summary event;
  while (lines.next(line)) {
    bool begins = is_line(line.unfolded, "BEGIN:VEVENT");
    if (begins || !event_lines.empty()) event_lines.push_back(line);
    if (begins) event = event_summary{};
    else if (event_lines.empty()) result.text.append(line.bytes.data(), line.bytes.size());
    else if (is_line(line.unfolded, "END:VEVENT")) {
      write_event(result.text, event_lines, next_revision(event, published));
      event_lines.clear();
    } else {
      add_line(event, line.unfolded);
    }
  }
  std::vector<const event_summary*> dropped;
  for (const auto& entry : published)
    if (!entry.second.seen_now) dropped.push_back(&entry.second);
  std::sort(dropped.begin(), dropped.end(), [](auto* a, auto* b) { return a->line < b->line; });
  for (const auto* old : dropped) {
    const auto& key = old->key;
    result.diagnostics.push_back(previous_problem(severity::warning, "ics.event_dropped", old->line,
        "event UID \"" + key.substr(0, key.find('\x1f')) + "\" of the previous calendar is not in this one: "
        "subscribers' calendars will delete it without a word (a talk with \"status\": \"cancelled\" tells them)"));
  }
  return result;
}

}  // namespace talktime
