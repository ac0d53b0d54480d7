// talktime: talk feeds in, schedules in the viewer's time zone out.
//
//     auto parsed = talktime::parse_feed(feed_text);
//     talktime::schedule s(std::move(*parsed.feed));
//     auto* zone = talktime::locate_zone("Asia/Kolkata");
//     auto html = talktime::render_html(s, s.find({}, now, *zone).talks, {zone, now});
#pragma once

#include "talktime/diagnostic.hpp"
#include "talktime/feed.hpp"
#include "talktime/html_renderer.hpp"
#include "talktime/schedule.hpp"
#include "talktime/time_zone.hpp"
