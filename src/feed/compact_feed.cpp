#include "feed/compact_feed.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace talktime::compact {
namespace {

constexpr std::string_view magic = "TTC1";
constexpr std::size_t part_length_bytes = 4;

// Writing -------------------------------------------------------------------

struct writer {
  std::string out;

  void unsigned_int(std::uint64_t v) {
    while (v >= 0x80) {
      out += char((v & 0x7F) | 0x80);
      v >>= 7;
    }
    out += char(v);
  }
  void signed_int(std::int64_t v) { unsigned_int((std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63)); }
  void text(std::string_view s) {
    unsigned_int(s.size());
    out.append(s);
  }
  void flag(bool b) { out += char(b ? 1 : 0); }
  void zone(const time_zone* z) { text(z ? z->name() : std::string_view()); }
  void seconds(sys_seconds t) { signed_int(t.time_since_epoch().count()); }
  void optional_seconds(const std::optional<sys_seconds>& t) {
    flag(t.has_value());
    if (t) seconds(*t);
  }
  void day(date::sys_days d) { signed_int(d.time_since_epoch().count()); }

  void place(const talktime::place& p) {
    for (const auto* s : {&p.name, &p.url, &p.address.text, &p.address.street, &p.address.locality, &p.address.region,
                          &p.address.postal_code, &p.address.country})
      text(*s);
  }
};

// Appends a part: its length (32 bits, little-endian), then its bytes.
void append_part(std::string& out, const std::string& part) {
  auto n = std::uint32_t(part.size());
  for (std::size_t i = 0; i < part_length_bytes; ++i) out += char((n >> (8 * i)) & 0xFF);
  out += part;
}

std::string head_part(const feed& f, const std::vector<diagnostic>& diagnostics) {
  writer w;
  w.signed_int(f.version);
  w.text(f.title);
  w.text(f.description);
  w.text(f.url);
  w.zone(f.zone);
  w.place(f.location);
  w.text(f.organizer.name);
  w.text(f.organizer.url);
  w.unsigned_int(f.series.size());
  for (const auto& s : f.series) {
    w.text(s.id);
    w.text(s.title);
    w.text(s.description);
    w.text(s.url);
  }
  w.unsigned_int(diagnostics.size());
  for (const auto& d : diagnostics) {
    w.flag(d.level == severity::warning);
    w.text(d.code);
    w.text(d.pointer);
    w.signed_int(d.line);
    w.signed_int(d.column);
    w.text(d.message);
    w.text(d.source);
  }
  w.unsigned_int(f.talks.size());
  return std::move(w.out);
}

std::string talk_part(const talk& t) {
  writer w;
  w.text(t.id);
  w.flag(t.id_derived);
  w.text(t.uid);
  w.optional_seconds(t.recurrence_id);
  w.text(t.title);
  w.unsigned_int(unsigned(t.kind));
  w.unsigned_int(unsigned(t.status));
  w.flag(t.date_only);
  w.seconds(t.start);
  w.optional_seconds(t.end);
  w.day(t.start_day);
  w.flag(t.end_day.has_value());
  if (t.end_day) w.day(*t.end_day);
  w.zone(t.zone);
  w.text(t.series);
  w.unsigned_int(t.speakers.size());
  for (const auto& s : t.speakers)
    for (const auto* field : {&s.name, &s.affiliation, &s.url, &s.photo, &s.bio}) w.text(*field);
  w.text(t.abstract);
  w.unsigned_int(t.tags.size());
  for (const auto& tag : t.tags) w.text(tag);
  w.place(t.location);
  w.unsigned_int(t.links.size());
  for (const auto& link : t.links) {
    w.text(link.kind);
    w.text(link.url);
  }
  w.unsigned_int(t.index);
  return std::move(w.out);
}

// Reading -------------------------------------------------------------------

// Reads one part's fields; any read past its end or of a bad value sets `bad`
// (and yields zeros), so a part is checked once, at its end.
struct scanner {
  std::string_view in;
  bool bad = false;

  std::uint64_t unsigned_int() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in.empty()) break;
      auto byte = std::uint8_t(in.front());
      in.remove_prefix(1);
      v |= std::uint64_t(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
    bad = true;
    return 0;
  }
  std::int64_t signed_int() {
    auto v = unsigned_int();
    return std::int64_t(v >> 1) ^ -std::int64_t(v & 1);
  }
  // A count of items each at least one byte long: never more than the bytes left.
  std::size_t count() {
    auto n = unsigned_int();
    if (n > in.size()) bad = true;
    return bad ? 0 : std::size_t(n);
  }
  std::string text() {
    auto n = count();
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
  bool flag() {
    auto v = unsigned_int();
    if (v > 1) bad = true;
    return v == 1;
  }
  sys_seconds seconds() { return sys_seconds{std::chrono::seconds{signed_int()}}; }
  std::optional<sys_seconds> optional_seconds() {
    if (!flag()) return std::nullopt;
    return seconds();
  }
  date::sys_days day() { return date::sys_days{date::days{signed_int()}}; }
  template <typename Enum>
  Enum enumerator(Enum last) {
    auto v = unsigned_int();
    if (v > unsigned(last)) bad = true;
    return bad ? Enum{} : Enum(v);
  }

  void place(talktime::place& p) {
    for (auto* s : {&p.name, &p.url, &p.address.text, &p.address.street, &p.address.locality, &p.address.region,
                    &p.address.postal_code, &p.address.country})
      *s = text();
  }
};

}  // namespace

std::string write(const feed& f, const std::vector<diagnostic>& diagnostics) {
  std::string out(magic);
  append_part(out, head_part(f, diagnostics));
  for (const auto& t : f.talks) append_part(out, talk_part(t));
  return out;
}

const time_zone* reader::zone_named(std::string_view name) {
  if (name.empty()) return nullptr;
  auto [it, added] = zones_.try_emplace(std::string(name), nullptr);
  if (added) it->second = locate_zone(name);
  if (!it->second) failed_ = true;
  return it->second;
}

namespace {

// The head after the feed's zone name (which reader::read_part resolves).
void read_head_rest(scanner& s, feed& f, std::vector<diagnostic>& diagnostics) {
  s.place(f.location);
  f.organizer.name = s.text();
  f.organizer.url = s.text();
  f.series.resize(s.count());
  for (auto& series : f.series)
    for (auto* field : {&series.id, &series.title, &series.description, &series.url}) *field = s.text();
  diagnostics.resize(s.count());
  for (auto& d : diagnostics) {
    d.level = s.flag() ? severity::warning : severity::error;
    d.code = s.text();
    d.pointer = s.text();
    d.line = int(s.signed_int());
    d.column = int(s.signed_int());
    d.message = s.text();
    d.source = s.text();
  }
}

void read_speakers(scanner& s, std::vector<speaker>& speakers) {
  speakers.resize(s.count());
  for (auto& sp : speakers)
    for (auto* field : {&sp.name, &sp.affiliation, &sp.url, &sp.photo, &sp.bio}) *field = s.text();
}

}  // namespace

bool reader::read_part(std::string_view part) {
  scanner s{part};
  if (!head_read_) {
    f_.version = int(s.signed_int());
    f_.title = s.text();
    f_.description = s.text();
    f_.url = s.text();
    f_.zone = zone_named(s.text());
    read_head_rest(s, f_, diagnostics_);
    talk_count_ = std::size_t(s.unsigned_int());
    head_read_ = true;
    f_.talks.reserve(std::min<std::size_t>(talk_count_, 1u << 18));
    return !s.bad && s.in.empty();
  }
  talk& t = f_.talks.emplace_back();
  t.id = s.text();
  t.id_derived = s.flag();
  t.uid = s.text();
  t.recurrence_id = s.optional_seconds();
  t.title = s.text();
  t.kind = s.enumerator(talk_kind::other);
  t.status = s.enumerator(talk_status::tentative);
  t.date_only = s.flag();
  t.start = s.seconds();
  t.end = s.optional_seconds();
  t.start_day = s.day();
  if (s.flag()) t.end_day = s.day();
  t.zone = zone_named(s.text());
  t.series = s.text();
  read_speakers(s, t.speakers);
  t.abstract = s.text();
  t.tags.resize(s.count());
  for (auto& tag : t.tags) tag = s.text();
  s.place(t.location);
  t.links.resize(s.count());
  for (auto& link : t.links) {
    link.kind = s.text();
    link.url = s.text();
  }
  t.index = std::size_t(s.unsigned_int());
  return !s.bad && s.in.empty();
}

std::size_t reader::take(std::string_view bytes) {
  std::size_t used = 0;
  if (!magic_read_) {
    if (bytes.size() < magic.size()) return 0;
    if (bytes.substr(0, magic.size()) != magic) {
      failed_ = true;
      return 0;
    }
    magic_read_ = true;
    used = magic.size();
  }
  while (!failed_ && !complete() && bytes.size() - used >= part_length_bytes) {
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < part_length_bytes; ++i) n |= std::uint32_t(std::uint8_t(bytes[used + i])) << (8 * i);
    if (bytes.size() - used - part_length_bytes < n) break;
    if (!read_part(bytes.substr(used + part_length_bytes, n))) failed_ = true;
    used += part_length_bytes + n;
  }
  return used;
}

std::optional<read_result> read(std::string_view bytes) {
  reader r;
  auto used = r.take(bytes);
  if (r.failed() || !r.complete() || used != bytes.size()) return std::nullopt;
  return read_result{std::move(r.model()), std::move(r.diagnostics())};
}

}  // namespace talktime::compact
