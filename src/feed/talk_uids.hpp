// The UIDs calendar apps know talks by (RFC 5545 UID): unique within a feed, and
// made so that no talk id can take another talk's or another feed's UID.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "talktime/feed.hpp"

namespace talktime::detail {

/// The UID made from a talk's id and its feed: the id percent-encoded (so it holds
/// no "@"), ".", 16 hex digits of the FNV-1a 64 hash of the feed's `url` without
/// fragment (else its title), "@", and the url's host (else "talktime").
///
///     derived_calendar_uid(seminar, talk);  // "2023-01-11-tri-dao.ff1988981957bc96@mlsys.stanford.edu"
std::string derived_calendar_uid(const feed& f, const talk& t);

/// Gives every talk of `f` its `uid`: its own (the feed's "uid", as an imported
/// calendar keeps its source UID) unless an earlier talk has it (with the same
/// recurrence_id: occurrences of one recurring event share a UID), else the derived
/// one. Returns the talks whose own uid was taken and therefore replaced.
std::vector<std::size_t> assign_calendar_uids(feed& f);

}  // namespace talktime::detail
