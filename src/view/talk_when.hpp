// The "when" line of a talk: its times in the display zone, the event's own time and
// day, date-only days and runs of days, and the status a time carries.
#pragma once

#include "view/html_writer.hpp"

namespace talktime::view {

void write_when(html_writer& w, const render_options& o, const talk& t, talk_phase phase);

}  // namespace talktime::view
