// How many problems a reader lists. The first max_listed are listed (each one is
// located by a walk over the text); the rest are only counted, so a hostile input
// with millions of bad values costs neither quadratic time nor gigabytes of
// diagnostics. Shared by the feed parser and the importers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "talktime/diagnostic.hpp"

namespace talktime::detail {

class problem_budget {
 public:
  static constexpr std::size_t max_listed = 100;

  /// True when a problem is to be listed; otherwise it is counted and false.
  bool admit(severity level) {
    if (listed_ < max_listed) {
      ++listed_;
      return true;
    }
    ++unlisted_;
    unlisted_errors_ += level == severity::error;
    return false;
  }

  /// Makes sure the next problem is listed (the one that says why everything failed).
  void keep_room_for_one() { listed_ = std::min(listed_, max_listed - 1); }

  /// Appends "[<prefix>.too_many_problems]: N more problems (M of them errors) were
  /// found but are not listed" when any problem was only counted; an error when any
  /// of those was.
  void finish(std::string_view prefix, std::vector<diagnostic>& out) const {
    if (unlisted_ == 0) return;
    diagnostic d;
    d.level = unlisted_errors_ > 0 ? severity::error : severity::warning;
    d.code = std::string(prefix) + ".too_many_problems";
    d.message = std::to_string(unlisted_) + " more problems (" + std::to_string(unlisted_errors_) +
                " of them errors) were found but are not listed";
    out.push_back(std::move(d));
  }

 private:
  std::size_t listed_ = 0, unlisted_ = 0, unlisted_errors_ = 0;
};

}  // namespace talktime::detail
