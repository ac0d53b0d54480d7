// The warning for a feed's or talk's "timezone" that is a legacy name of the tz
// database (EST, CET, PST8PDT, …): valid, but a fixed offset or a rule set rather
// than a place, and rarely what the organiser meant (docs/time-zones.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace talktime::detail {

/// "EST is fixed UTC−5 all year and never observes daylight saving time; did you
/// mean America/New_York?"; nullopt for every name that is not a legacy name.
std::optional<std::string> legacy_zone_message(std::string_view name);

}  // namespace talktime::detail
