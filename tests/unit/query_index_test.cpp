// The query index (src/view/search_index.cpp, schedule::find) and lists rendered in
// parts (render_html_part). Expected results are written out by hand, or computed by
// a brute-force reference in this file (fold by hand, substring search, sort by
// instants), never by the index under test.
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <algorithm>
#include <cstdint>
#include <regex>
#include <string>
#include <tuple>
#include <vector>

#include "talktime/html_renderer.hpp"
#include "view/search_index.hpp"

namespace {

using namespace talktime;
using namespace talktime::test_support;
using hits_t = std::vector<std::uint8_t>;

TEST(SearchIndex, FindsWordsInsideWordsAndNarrowsWordByWord) {
  view::search_index index;
  index.add_talk("memory bandwidth\nmemory");  // 0
  index.add_talk("graph, attention\n1999");    // 1
  index.add_talk("memorable\tintention");      // 2
  index.add_talk("");                          // 3
  index.finish();
  // memory, bandwidth, graph, attention, 1999, memorable, intention: each once.
  EXPECT_EQ(index.word_count(), 7u);
  hits_t hits(4, 0);
  EXPECT_EQ(index.narrow("mem", hits, 0, 4), 2u);
  EXPECT_EQ(hits, (hits_t{1, 0, 1, 0}));
  // The second word looks only at talks that hold the first: talk 1's "attention" is not one.
  EXPECT_EQ(index.narrow("tion", hits, 1, 2), 1u);
  EXPECT_EQ(hits, (hits_t{1, 0, 2, 0}));
  hits.assign(4, 0);
  EXPECT_EQ(index.narrow("99", hits, 0, 4), 1u);
  EXPECT_EQ(hits, (hits_t{0, 1, 0, 0}));
  // A match never spans two words.
  hits.assign(4, 0);
  EXPECT_EQ(index.narrow("ryband", hits, 0, 4), 0u);
  EXPECT_EQ(index.narrow("memory", hits, 0, 4), 1u);
  EXPECT_EQ(hits, (hits_t{1, 0, 0, 0}));
}

TEST(SearchIndex, ManyWordsGrowTheTableAndKeepEveryTalk) {
  view::search_index index;
  for (int i = 0; i < 3000; ++i) index.add_talk("w" + std::to_string(i) + " common");
  index.finish();
  EXPECT_EQ(index.word_count(), 3001u);
  hits_t hits(3000, 0);
  EXPECT_EQ(index.narrow("common", hits, 0, 3000), 3000u);
  hits.assign(3000, 0);
  // "w2999" alone; "w299" is in w299 and w2990..w2999.
  EXPECT_EQ(index.narrow("w2999", hits, 0, 3000), 1u);
  EXPECT_EQ(hits[2999], 1);
  hits.assign(3000, 0);
  EXPECT_EQ(index.narrow("w299", hits, 0, 3000), 11u);
}

// ---- find against a brute-force reference ----

std::uint32_t next_random(std::uint32_t& state) {  // a 32-bit LCG: the same feed on every run
  state = state * 1664525u + 1013904223u;
  return state >> 8;
}

const std::vector<std::string> words = {"Memory", "bandwidth", "graph", "Attention", "Kästner", "Café", "Zürich",
                                        "kernel", "GPU", "sparsity", "IBM", "Dao", "cache", "1999", "ml-systems"};

struct reference_talk {
  std::string text;  // folded by hand: ASCII lower case, ä/é/ü without their marks
  std::int64_t start, over;
  std::string series, kind, tag;
  std::string speaker;
};

std::string fold_by_hand(std::string text) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"\xC3\xA4", "a"}, {"\xC3\xA9", "e"}, {"\xC3\xBC", "u"}})
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at)) text.replace(at, from.size(), to);
  for (auto& c : text)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return text;
}

// A feed of 240 talks over 60 days around 2024-05-01 and the reference's view of it.
std::pair<std::string, std::vector<reference_talk>> generated_feed() {
  std::uint32_t state = 12345;
  auto pick = [&](const std::vector<std::string>& list) { return list[next_random(state) % list.size()]; };
  auto sentence = [&](int n) {
    std::string out;
    for (int k = 0; k < n; ++k) out += (k ? " " : "") + pick(words);
    return out;
  };
  const std::vector<std::string> kinds = {"talk", "talk", "keynote", "break"};
  std::string json = R"({"talktime": 1, "series": [{"id": "s0", "title": "Series Zero"}, {"id": "s1", "title": "Systems Café"}], "talks": [)";
  std::vector<reference_talk> ref;
  const std::int64_t base = 1711929600;  // 2024-04-01T00:00:00Z
  for (int i = 0; i < 240; ++i) {
    std::int64_t start = base + std::int64_t(next_random(state) % (60 * 96)) * 900;  // quarter hours over 60 days
    bool has_end = next_random(state) % 3 != 0;
    std::int64_t minutes = 15 * (1 + next_random(state) % 8);
    reference_talk t{"", start, 0, "s" + std::to_string(next_random(state) % 2), pick(kinds), pick({"gpu", "cpu"}), pick({"Tri Dao", "Christian Kästner"})};
    t.over = std::max(start + (has_end ? minutes : 60) * 60, start + 1);
    std::string title = sentence(3) + " " + std::to_string(i), abstract = sentence(6);
    std::string when = date::format("%FT%H:%MZ", sys_seconds{std::chrono::seconds{start}});
    json += std::string(i ? "," : "") + R"({"id": "t)" + std::to_string(i) + R"(", "title": ")" + title + R"(", "abstract": ")" +
            abstract + R"(", "start": ")" + when + "\"" + (has_end ? ", \"duration\": " + std::to_string(minutes) : "") +
            R"(, "series": ")" + t.series + R"(", "kind": ")" + t.kind + R"(", "tags": [")" + t.tag +
            R"("], "speakers": [{"name": ")" + t.speaker + R"(", "affiliation": "ETH Zürich"}]})";
    t.text = fold_by_hand(title + "\n" + abstract + "\n" + t.speaker + "\nETH Zürich\n" + t.tag + "\n" +
                          (t.series == "s0" ? "Series Zero" : "Systems Café"));
    ref.push_back(std::move(t));
  }
  return {json + "]}", ref};
}

std::vector<std::size_t> reference_find(const std::vector<reference_talk>& talks, const query& q, std::int64_t now,
                                        const time_zone& zone, bool programme) {
  std::vector<std::string> query_words;
  std::string word;
  for (char c : fold_by_hand(q.text) + " ") {
    if (c != ' ' && c != ',') word += c;
    else if (!word.empty()) {
      query_words.push_back(word);
      word.clear();
    }
  }
  auto day = [&](const reference_talk& t) { return date::floor<date::days>(zone.to_local(sys_seconds{std::chrono::seconds{t.start}})).time_since_epoch().count(); };
  using key = std::tuple<long, std::int64_t, std::size_t>;  // (-day for past talks in series order, start, index)
  std::vector<key> upcoming, past;
  for (std::size_t i = 0; i < talks.size(); ++i) {
    const auto& t = talks[i];
    bool ok = std::all_of(query_words.begin(), query_words.end(), [&](const std::string& w) { return t.text.find(w) != std::string::npos; });
    ok = ok && (q.series.empty() || q.series == t.series) && (q.kind.empty() || q.kind == t.kind) && (q.tag.empty() || q.tag == t.tag) &&
         (q.speaker.empty() || fold_by_hand(t.speaker).find(fold_by_hand(q.speaker)) != std::string::npos);
    bool is_past = now >= t.over;
    if (!ok || (is_past ? q.show == show_filter::upcoming : q.show == show_filter::past)) continue;
    if (is_past && !programme) past.emplace_back(-long(day(t)), t.start, i);
    else upcoming.emplace_back(0, t.start, i);
  }
  std::sort(upcoming.begin(), upcoming.end());
  std::sort(past.begin(), past.end());
  std::vector<std::size_t> out;
  for (const auto& k : upcoming) out.push_back(std::get<2>(k));
  for (const auto& k : past) out.push_back(std::get<2>(k));
  return out;
}

TEST(QueryIndex, FindMatchesABruteForceReferenceForEveryQueryZoneAndOrder) {
  auto [json, ref] = generated_feed();
  auto s = load_schedule(json);
  ASSERT_EQ(s.feed().talks.size(), ref.size());
  const std::int64_t now = 1714564800;  // 2024-05-01T12:00:00Z: about half the talks are past
  const std::vector<std::string> texts = {"", "mem", "memory", "MEMORY bandwidth", "kastner", "Kästner", "cafe", "zur", "1",
                                          "19", "ory,band", "nosuchword", "a", "e m", "series", "ml-sys", "ibm gpu dao"};
  // Five zones: more than the schedule keeps orders for, so one is made again.
  const char* zones[] = {"UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "America/Los_Angeles", "UTC"};
  std::size_t checked = 0, nonempty = 0;
  for (const char* zone_name : zones) {
    const auto& zone = *locate_zone(zone_name);
    for (const auto& text : texts) {
      for (auto show : {show_filter::all, show_filter::upcoming, show_filter::past}) {
        for (auto order : {list_order::series, list_order::programme}) {
          for (int filter = 0; filter < 5; ++filter) {
            query q;
            q.text = text;
            q.show = show;
            q.order = order;
            if (filter == 1) q.series = "s1";
            if (filter == 2) q.kind = "keynote";
            if (filter == 3) q.tag = "gpu";
            if (filter == 4) q.speaker = "kastner";
            auto found = s.find(q, sys_seconds{std::chrono::seconds{now}}, zone);
            auto expected = reference_find(ref, q, now, zone, order == list_order::programme);
            ASSERT_EQ(found.talks, expected) << zone_name << " \"" << text << "\" filter " << filter << " show " << int(show)
                                             << " order " << int(order);
            std::size_t talks = 0;
            for (auto i : expected) talks += ref[i].kind != "break";
            EXPECT_EQ(found.talk_count, talks);
            ++checked;
            nonempty += !expected.empty();
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, 6u * 17 * 3 * 2 * 5);
  EXPECT_GT(nonempty, checked / 2);  // the reference is not comparing empty lists
}

TEST(QueryIndex, DaysFromAndToUseTheDisplayZonesDays) {
  // 2024-05-02T20:00Z is 3 May in Kolkata (01:30 IST) and 2 May in UTC.
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "a", "title": "A", "start": "2024-05-02T20:00Z"},
    {"id": "b", "title": "B", "start": "2024-05-02T10:00Z"}]})");
  query q;
  q.from = q.to = day(2024, 5, 3);
  auto ids = [&](const char* zone) {
    std::vector<std::string> out;
    for (auto i : s.find(q, utc("2024-01-01T00:00:00Z"), *locate_zone(zone)).talks) out.push_back(s.feed().talks[i].id);
    return out;
  };
  EXPECT_EQ(ids("Asia/Kolkata"), std::vector<std::string>{"a"});
  EXPECT_EQ(ids("UTC"), std::vector<std::string>{});
  EXPECT_EQ(ids("Asia/Kolkata"), std::vector<std::string>{"a"});
}

// ---- lists in parts ----

std::vector<std::string> talk_ids(const std::string& html) {
  std::vector<std::string> out;
  static const std::regex id(R"re(<li class="tt-talk" data-talk-id="([^"]+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator(); ++it) out.push_back((*it)[1]);
  return out;
}

std::size_t occurrences(const std::string& html, const std::string& part) {
  std::size_t n = 0;
  for (auto at = html.find(part); at != std::string::npos; at = html.find(part, at + 1)) ++n;
  return n;
}

TEST(ListParts, PartsGoOnWhereTheLastEndedAndNeverCutATimeSlot) {
  // A two-day workshop in programme order; at 10:30 on day one "a" is over and "b" is on:
  // the Now line goes before "b". p1 and p2 are parallel sessions (one slot).
  auto s = load_schedule(R"({"talktime": 1, "talks": [
    {"id": "a", "title": "A", "start": "2024-05-02T09:00Z", "end": "2024-05-02T10:00Z"},
    {"id": "b", "title": "B", "start": "2024-05-02T10:00Z", "end": "2024-05-02T11:00Z"},
    {"id": "p1", "title": "P1", "start": "2024-05-02T11:00Z", "end": "2024-05-02T12:00Z", "location": "Room 1"},
    {"id": "p2", "title": "P2", "start": "2024-05-02T11:00Z", "end": "2024-05-02T12:00Z", "location": "Room 2"},
    {"id": "c", "title": "C", "start": "2024-05-03T09:00Z", "end": "2024-05-03T10:00Z"},
    {"id": "d", "title": "D", "start": "2024-05-03T10:00Z", "end": "2024-05-03T11:00Z"}]})");
  render_options o;
  o.display_zone = locate_zone("UTC");
  o.now = utc("2024-05-02T10:30:00Z");
  auto found = s.find({}, o.now, *o.display_zone);
  ASSERT_EQ(found.order, list_order::programme);
  o.order = found.order;
  const std::string now_line = "<li class=\"tt-now\"";
  list_position at;
  auto first = render_html_part(s, found.talks, 2, at, o);
  EXPECT_EQ(talk_ids(first), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(at.next, 2u);
  EXPECT_EQ(occurrences(first, now_line), 1u);
  EXPECT_LT(first.find("data-talk-id=\"a\""), first.find(now_line));
  EXPECT_LT(first.find(now_line), first.find("data-talk-id=\"b\""));
  // A limit of one still writes the whole slot.
  auto second = render_html_part(s, found.talks, 1, at, o);
  EXPECT_EQ(talk_ids(second), (std::vector<std::string>{"p1", "p2"}));
  EXPECT_EQ(occurrences(second, "<li class=\"tt-slot\">"), 1u);
  EXPECT_EQ(occurrences(second, "data-day=\"2024-05-02\""), 1u);  // the part opens its day again
  EXPECT_EQ(occurrences(second, now_line), 0u);
  EXPECT_EQ(at.next, 4u);
  auto third = render_html_part(s, found.talks, 10, at, o);
  EXPECT_EQ(talk_ids(third), (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(occurrences(third, "data-day=\"2024-05-03\""), 1u);
  EXPECT_EQ(occurrences(third, now_line), 0u);
  EXPECT_EQ(at.next, 6u);
  EXPECT_EQ(render_html_part(s, found.talks, 10, at, o), "");
  // From the start with a limit of 3: "a", "b", then the slot whole.
  list_position again;
  EXPECT_EQ(talk_ids(render_html_part(s, found.talks, 3, again, o)), (std::vector<std::string>{"a", "b", "p1", "p2"}));
  // Before any talk is over there is no Now line in any part.
  o.now = utc("2024-05-01T00:00:00Z");
  list_position early;
  std::string all;
  while (early.next < found.talks.size()) all += render_html_part(s, found.talks, 1, early, o);
  EXPECT_EQ(talk_ids(all), (std::vector<std::string>{"a", "b", "p1", "p2", "c", "d"}));
  EXPECT_EQ(occurrences(all, now_line), 0u);
}

}  // namespace
