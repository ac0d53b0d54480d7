// The search index (search_index.hpp): built once per feed, read on every keystroke.
#include "view/search_index.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace talktime::view {
namespace {

constexpr std::uint32_t none = 0xFFFFFFFFu;

std::uint64_t hash_of(std::string_view word) {  // FNV-1a
  std::uint64_t h = 14695981039346656037ull;
  for (char c : word) h = (h ^ std::uint8_t(c)) * 1099511628211ull;
  return h;
}

}  // namespace

void search_index::add_talk(std::string_view folded) {
  const auto talk = std::uint32_t(talk_count_++);
  for (std::size_t i = 0; i < folded.size();) {
    while (i < folded.size() && is_word_separator(folded[i])) ++i;
    const auto start = i;
    while (i < folded.size() && !is_word_separator(folded[i])) ++i;
    if (i == start) break;
    const auto id = word_id(folded.substr(start, i - start));
    if (last_talk_[id] == talk) continue;  // a word a talk repeats is listed once
    last_talk_[id] = talk;
    talk_words_.push_back(id);
  }
  talk_words_start_.push_back(std::uint32_t(talk_words_.size()));
}

std::uint32_t search_index::word_id(std::string_view word) {
  if ((word_count() + 1) * 2 > table_.size()) grow_table();
  const auto mask = table_.size() - 1;
  for (auto slot = std::size_t(hash_of(word)) & mask;; slot = (slot + 1) & mask) {
    auto id = table_[slot];
    if (id == none) {
      id = std::uint32_t(word_count());
      vocabulary_.append(word).push_back('\n');
      word_start_.push_back(std::uint32_t(vocabulary_.size()));
      last_talk_.push_back(none);
      table_[slot] = id;
      return id;
    }
    const auto at = word_start_[id];
    if (std::string_view(vocabulary_).substr(at, word_start_[id + 1] - at - 1) == word) return id;
  }
}

void search_index::grow_table() {
  table_.assign(std::max<std::size_t>(1024, table_.size() * 2), none);
  const auto mask = table_.size() - 1;
  for (std::uint32_t id = 0; id < word_count(); ++id) {
    const auto at = word_start_[id];
    auto slot = std::size_t(hash_of(std::string_view(vocabulary_).substr(at, word_start_[id + 1] - at - 1))) & mask;
    while (table_[slot] != none) slot = (slot + 1) & mask;
    table_[slot] = id;
  }
}

// Each word's talks, by counting: one pass to size the lists, one to fill them in talk order.
void search_index::finish() {
  const auto words = word_count();
  talks_start_.assign(words + 1, 0);
  for (auto w : talk_words_) ++talks_start_[w + 1];
  for (std::size_t w = 0; w < words; ++w) talks_start_[w + 1] += talks_start_[w];
  talks_.resize(talk_words_.size());
  auto next = talks_start_;
  for (std::uint32_t t = 0; t < talk_count_; ++t)
    for (auto k = talk_words_start_[t]; k < talk_words_start_[t + 1]; ++k) talks_[next[talk_words_[k]]++] = t;
  // Only the vocabulary and the lists are kept.
  std::vector<std::uint32_t>().swap(talk_words_);
  std::vector<std::uint32_t>().swap(talk_words_start_);
  std::vector<std::uint32_t>().swap(table_);
  std::vector<std::uint32_t>().swap(last_talk_);
}

std::size_t search_index::narrow(std::string_view word, std::vector<std::uint8_t>& hits, std::uint8_t words_before,
                                 std::size_t candidates) const {
  const std::string_view vocabulary(vocabulary_);
  const auto found_mark = std::uint8_t(words_before + 1);
  std::size_t found = 0, w = 0;
  // Every candidate found: the words left to look at cannot add any.
  for (auto at = detail::find_text(vocabulary, word); at != std::string_view::npos && found < candidates;) {
    while (word_start_[w + 1] <= at) ++w;  // the word holding the match (matches come in order)
    for (auto k = talks_start_[w]; k < talks_start_[w + 1]; ++k) {
      auto& hit = hits[talks_[k]];
      if (hit == words_before) {
        hit = found_mark;
        ++found;
      }
    }
    at = detail::find_text(vocabulary, word, word_start_[w + 1]);  // the next word
  }
  return found;
}

}  // namespace talktime::view
