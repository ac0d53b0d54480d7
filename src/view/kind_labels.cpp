// Kind labels (declared in include/talktime/html_renderer.hpp): a kind as a talk's
// badge names it and as the kind filter lists it, the one place these words live
// (the loader gets the filter's with the feed facets).
#include <iterator>

#include "talktime/html_renderer.hpp"

namespace talktime {
namespace {

struct kind_words {
  talk_kind kind;
  std::string_view badge, filter;
};

constexpr kind_words kind_table[] = {
    {talk_kind::talk, "Talk", "Talks"},
    {talk_kind::keynote, "Keynote", "Keynotes"},
    {talk_kind::invited, "Invited talk", "Invited talks"},
    {talk_kind::contributed, "Contributed talk", "Contributed talks"},
    {talk_kind::panel, "Panel", "Panels"},
    {talk_kind::poster, "Posters", "Posters"},
    {talk_kind::tutorial, "Tutorial", "Tutorials"},
    {talk_kind::break_time, "Break", "Breaks"},
    {talk_kind::social, "Social", "Social"},
    {talk_kind::opening, "Opening", "Opening"},
    {talk_kind::closing, "Closing", "Closing"},
    {talk_kind::other, "Other", "Other"},
};

const kind_words& words_of(talk_kind kind) {
  for (const auto& w : kind_table)
    if (w.kind == kind) return w;
  return kind_table[std::size(kind_table) - 1];
}

}  // namespace

std::string_view kind_label(talk_kind kind) { return words_of(kind).badge; }
std::string_view kind_filter_label(talk_kind kind) { return words_of(kind).filter; }

}  // namespace talktime
