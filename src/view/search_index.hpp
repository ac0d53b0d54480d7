// The search index behind schedule::find: every distinct word of the talks' folded
// text once (the vocabulary), with the talks that hold it. A search word matches
// inside words ("99" in "1999"), as a scan of the whole text did: a query word holds
// none of the separators the text is cut at, so it occurs in a talk's text exactly
// when it occurs inside one of that talk's words. A keystroke then scans the
// vocabulary (tens of kilobytes) instead of every talk's text (megabytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace talktime::view {

/// The bytes that end a word, in the talks' text and in a search alike.
constexpr bool is_word_separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == ','; }

class search_index {
 public:
  /// Adds the next talk's folded text (talk 0 first).
  void add_talk(std::string_view folded);
  /// Builds the talk lists; call once, after the last add_talk.
  void finish();

  std::size_t talk_count() const { return talk_count_; }
  std::size_t word_count() const { return word_start_.empty() ? 0 : word_start_.size() - 1; }

  /// Narrows a search by one more word: the talks with hits[t] == words_before (all
  /// earlier words found) that also hold `word` get hits[t] = words_before + 1.
  /// `hits` has one entry per talk; `candidates` is how many talks have
  /// hits[t] == words_before. Returns how many now have words_before + 1.
  std::size_t narrow(std::string_view word, std::vector<std::uint8_t>& hits, std::uint8_t words_before,
                     std::size_t candidates) const;

 private:
  std::uint32_t word_id(std::string_view word);
  void grow_table();

  std::size_t talk_count_ = 0;
  // Word w is vocabulary_[word_start_[w], word_start_[w + 1] - 1), each word followed
  // by '\n', which no search word holds: a match never spans two words.
  std::string vocabulary_;
  std::vector<std::uint32_t> word_start_{0};
  // Talks holding word w: talks_[talks_start_[w], talks_start_[w + 1]), ascending.
  std::vector<std::uint32_t> talks_start_, talks_;
  // While adding: each talk's distinct words (talk_words_[talk_words_start_[t], …)),
  // an open-addressing table of word ids by hash, and the last talk each word was seen in.
  std::vector<std::uint32_t> talk_words_, talk_words_start_{0}, table_, last_talk_;
};

}  // namespace talktime::view
