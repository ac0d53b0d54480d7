// The schedules the page has open and the lists rendered from them in parts
// (open_schedules.hpp): one table shared by the binding files.
#include "open_schedules.hpp"

namespace talktime::wasm {

std::map<int, std::unique_ptr<schedule>>& open_schedules() {
  static std::map<int, std::unique_ptr<schedule>> schedules;
  return schedules;
}

std::map<int, list_in_parts>& lists_in_parts() {
  static std::map<int, list_in_parts> lists;
  return lists;
}

int adopt_schedule(std::unique_ptr<schedule> s) {
  static int next_handle = 0;
  open_schedules()[++next_handle] = std::move(s);
  return next_handle;
}

}  // namespace talktime::wasm
