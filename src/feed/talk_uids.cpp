// Calendar UIDs for talks (talk_uids.hpp).
#include "feed/talk_uids.hpp"

#include <cstdint>
#include <cstdio>
#include <set>

#include "common/url.hpp"

namespace talktime::detail {
namespace {

// Which feed a talk belongs to, as calendar apps must tell feeds apart: two
// seminars on one university host must not share UIDs for the same talk ids.
std::string feed_identity(const feed& f) {
  if (!f.url.empty()) return f.url.substr(0, f.url.find('#'));
  return f.title;
}

std::uint64_t fnv1a_64(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// What every derived UID of one feed ends with: ".<hash>@<host>" (worked out once a feed).
std::string uid_suffix(const feed& f) {
  char digits[17];
  std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(fnv1a_64(feed_identity(f))));
  auto host = url_host(f.url);
  return std::string(".") + digits + "@" + (host.empty() ? std::string("talktime") : host);
}

}  // namespace

std::string derived_calendar_uid(const feed& f, const talk& t) { return percent_encode(t.id) + uid_suffix(f); }

// What a calendar tells events apart by: the UID, and for one occurrence of a
// recurring event its RECURRENCE-ID (occurrences share their event's UID).
std::string calendar_identity(const std::string& uid, const talk& t) {
  if (!t.recurrence_id) return uid;
  return uid + '\n' + std::to_string(t.recurrence_id->time_since_epoch().count());
}

std::vector<std::size_t> assign_calendar_uids(feed& f) {
  auto suffix = uid_suffix(f);
  std::vector<std::string> derived;
  derived.reserve(f.talks.size());
  for (const auto& t : f.talks) derived.push_back(percent_encode(t.id) + suffix);
  std::set<std::string, std::less<>> taken(derived.begin(), derived.end());  // ids are unique: so are these
  std::vector<std::size_t> replaced;
  for (std::size_t i = 0; i < f.talks.size(); ++i) {
    auto& t = f.talks[i];
    if (!t.uid.empty() && t.uid != derived[i]) {
      if (taken.insert(calendar_identity(t.uid, t)).second) continue;
      replaced.push_back(i);
    }
    t.uid = std::move(derived[i]);
    t.recurrence_id.reset();  // an occurrence of nothing the calendar knows
  }
  return replaced;
}

}  // namespace talktime::detail
