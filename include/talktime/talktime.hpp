// talktime: talk feeds in, schedules in the viewer's time zone out. This header
// includes every public header.
//
//     auto parsed = talktime::parse_feed(feed_text);
//     talktime::schedule s(std::move(*parsed.feed));
//     auto* zone = talktime::locate_zone("Asia/Kolkata");
//     auto html = talktime::render_html(s, s.find({}, now, *zone).talks, {zone, now});
#pragma once

#include "talktime/calendar.hpp"
#include "talktime/diagnostic.hpp"
#include "talktime/feed.hpp"
#include "talktime/feed_formats.hpp"
#include "talktime/feed_json.hpp"
#include "talktime/feed_merge.hpp"
#include "talktime/html_renderer.hpp"
#include "talktime/ics_sequence.hpp"
#include "talktime/importers.hpp"
#include "talktime/json_ld.hpp"
#include "talktime/schedule.hpp"
#include "talktime/time_text.hpp"
#include "talktime/time_zone.hpp"
#include "talktime/version.hpp"
