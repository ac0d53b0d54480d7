// When a rendered schedule goes stale: the clock passes a start, an end, or the
// end of a livestream's grace (include/talktime/html_renderer.hpp).
#include <algorithm>

#include "talktime/html_renderer.hpp"

namespace talktime {

std::optional<sys_seconds> next_view_change(const schedule& s, const std::vector<std::size_t>& order,
                                            const render_options& options) {
  std::optional<sys_seconds> next;
  auto consider = [&](sys_seconds at) {
    if (at > options.now && (!next || at < *next)) next = at;
  };
  for (auto i : order) {
    const auto& t = s.feed().talks[i];
    consider(s.begins(t));
    consider(s.ends(t));
    bool streamed = std::any_of(t.links.begin(), t.links.end(), [](const talk_link& l) { return l.kind == "livestream"; });
    if (streamed && t.status == talk_status::scheduled) consider(s.ends(t) + options.livestream_grace);
  }
  return next;
}

}  // namespace talktime
