// The "when" line of a talk: its times in the display zone, the event's own time and
// day, date-only days and runs of days, and the status a time carries.
#pragma once

#include "view/html_writer.hpp"

namespace talktime::view {

/// `with_day`: the day heading first, for a talk shown without a day heading above it (a talk page).
void write_when(html_writer& w, const render_options& o, const talk& t, talk_phase phase, bool with_day = false);

}  // namespace talktime::view
