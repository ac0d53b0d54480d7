// Calendar export: talks as an RFC 5545 iCalendar file, and "add to calendar"
// links for Google Calendar and Outlook on the web (docs/calendars.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "talktime/feed.hpp"
#include "talktime/version.hpp"

namespace talktime {

struct ics_options {
  /// The calendar's PRODID: "-//talktime//talktime <version>//EN" unless set.
  std::string product_id = "-//talktime//talktime " + std::string(version()) + "//EN";
  /// For a calendar that apps subscribe to: how often they should fetch it again,
  /// written as REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL (what Outlook and
  /// Apple Calendar read). Zero, the default, writes neither (a one-off download).
  std::chrono::minutes refresh_interval{0};
};

/// An RFC 5545 duration with the largest whole unit: "P1D", "PT12H", "PT90M".
std::string ics_duration(std::chrono::minutes interval);

/// An RFC 5545 calendar (VERSION 2.0, CALSCALE GREGORIAN, METHOD PUBLISH) with
/// one VEVENT per talk that `talks` names (indices into `f.talks`, in that order).
/// The calendar is named after the feed's title (NAME, RFC 7986, and X-WR-CALNAME),
/// described by its description (DESCRIPTION and X-WR-CALDESC), and X-WR-TIMEZONE
/// names the feed's zone, which apps take as the calendar's own.
/// Lines end with CRLF and are folded at 75 octets, never inside a UTF-8 character.
///
/// - UID: calendar_uid (the talk's own `uid`, else one made from its id and feed).
/// - DTSTAMP: `now`, in UTC. Nothing here reads the clock.
/// - Timed talks: DTSTART in UTC ("…Z"); DTEND only when the talk has an end
///   (with no end the event is a point in time, as RFC 5545 defines for a
///   DTSTART without DTEND or DURATION).
/// - Date-only talks: DTSTART;VALUE=DATE and DTEND;VALUE=DATE, the day after the last day.
/// - STATUS: CONFIRMED, CANCELLED or TENTATIVE (postponed talks are TENTATIVE,
///   with a note at the top of DESCRIPTION).
/// - DESCRIPTION: status note, speakers, series, abstract and every link;
///   LOCATION (with ALTREP when the place has a URL); URL: the talk's "website"
///   link, else its permalink on the feed's page (`url#talk=id`); CATEGORIES from
///   tags; the livestream also as an RFC 7986 CONFERENCE property.
///
///     auto ics = talktime::to_ics(feed, {0, 1, 2}, now);
///     // "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//talktime//talktime 0.1.0//EN\r\n…"
std::string to_ics(const feed& f, const std::vector<std::size_t>& talks, sys_seconds now,
                   const ics_options& options = {});

/// Every talk of the feed, in feed order.
std::string to_ics(const feed& f, sys_seconds now, const ics_options& options = {});

/// The UID a talk gets in calendars: its `uid` (an imported calendar's own), else the
/// id percent-encoded, "." and a hash of the feed's url (else title), "@" and the
/// url's host (else "talktime"), so no talk id can take another talk's UID:
///
///     talktime::calendar_uid(feed, talk);  // "2023-01-11-tri-dao.911493e1173bf482@seminar.example.org"
std::string calendar_uid(const feed& f, const talk& t);

/// The talk's address on the page that publishes the feed, `url#talk=id`, or ""
/// when the feed has no `url`.
std::string talk_permalink(const feed& f, const talk& t);

/// The plain-text event description used in the ICS file and in the links.
std::string calendar_description(const feed& f, const talk& t);

/// A Google Calendar link that opens a prefilled event:
///
///     https://calendar.google.com/calendar/render?action=TEMPLATE&text=Opening
///       &dates=20240502T070000Z/20240502T080000Z&details=…&location=…
///
/// Date-only talks give `dates=20240502/20240503` (end exclusive). A talk with no
/// end gives the start twice. Every value is percent-encoded (UTF-8, RFC 3986
/// unreserved characters kept, space as %20); the description is cut, at a
/// character boundary, to 1500 bytes before encoding.
std::string google_calendar_url(const feed& f, const talk& t);

/// An Outlook on the web link that opens a prefilled event:
///
///     https://outlook.live.com/calendar/0/deeplink/compose?subject=Opening
///       &startdt=2024-05-02T07%3A00%3A00Z&enddt=2024-05-02T08%3A00%3A00Z&body=…&location=…
///
/// Date-only talks give `startdt=2024-05-02&enddt=2024-05-03&allday=true`; a talk
/// with no end has no `enddt`.
std::string outlook_calendar_url(const feed& f, const talk& t);

}  // namespace talktime
