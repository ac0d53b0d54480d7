#!/usr/bin/env python3
"""Writes tests/fixtures/zone-labels.tsv: the zone labels talktime must show, from
Python's zoneinfo (the system's TZif files, compiled by zic independently of
talktime's zone table), for viewers and events in zones whose letters collide.

The rule (docs/time-zones.md, "Zone labels"), restated here independently of
src/view/zone_labels.cpp:
  * a zone with no letters at the instant ("+0545", "-03") gets "UTC+5:45", "UTC-3";
  * letters that name one UTC offset in every zone of the tz database, over the
    calendar years before, of and after the instant's (UTC) year, are shown;
  * letters with several offsets there (CST, IST, PST...) are shown for the display
    zone only, and only when the other zone on the line never uses them with
    another offset in those years; otherwise the UTC offset is shown.

Each line: display zone, event zone, instant (ISO, UTC), the display zone's label
for the talk's time, the event zone's label. Run from the repository root:
    python3 tests/oracle/make_zone_label_cases.py > tests/fixtures/zone-labels.tsv
"""
import zoneinfo
from datetime import datetime, timedelta, timezone

ZONES = ["Asia/Shanghai", "America/Chicago", "America/Havana", "Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem",
         "America/Los_Angeles", "Asia/Manila", "Europe/Berlin", "Europe/London", "Asia/Tokyo", "Pacific/Auckland",
         "UTC", "Asia/Kathmandu", "America/Sao_Paulo", "America/New_York"]
INSTANTS = ["2025-01-21T16:00:00Z", "2025-07-15T16:00:00Z", "2021-03-28T14:50:00Z", "1969-07-20T20:17:40Z"]


def window(year):
    year = min(max(year, 1970), 2100)
    return datetime(year - 1, 1, 1, tzinfo=timezone.utc), datetime(year + 2, 1, 1, tzinfo=timezone.utc)


def samples(year):
    start, end = window(year)
    t = start
    while t < end:
        yield t
        t += timedelta(hours=12)


def readings(zone, year):
    """(letters, offset seconds) in force in the zone at some sample of the window."""
    found = set()
    for t in samples(year):
        local = t.astimezone(zone)
        found.add((local.tzname(), int(local.utcoffset().total_seconds())))
    return found


def ambiguous_letters(year):
    offsets = {}
    for name in zoneinfo.available_timezones():
        if name.startswith(("posix/", "right/")):
            continue
        for letters, offset in readings(zoneinfo.ZoneInfo(name), year):
            if letters[0] not in "+-":
                offsets.setdefault(letters, set()).add(offset)
    return {letters for letters, seen in offsets.items() if len(seen) > 1}


def offset_label(seconds):
    if seconds == 0:
        return "UTC"
    sign, magnitude = ("-" if seconds < 0 else "+"), abs(seconds)
    label = "UTC%s%d" % (sign, magnitude // 3600)
    return label + (":%02d" % (magnitude // 60 % 60) if magnitude % 3600 else "")


def label(zone_name, instant, is_display, other_name, ambiguous):
    local = instant.astimezone(zoneinfo.ZoneInfo(zone_name))
    letters, offset = local.tzname(), int(local.utcoffset().total_seconds())
    if letters[0] in "+-":
        return offset_label(offset)
    if letters not in ambiguous:
        return letters
    other = readings(zoneinfo.ZoneInfo(other_name), instant.year)
    collides = any(l == letters and o != offset for l, o in other)
    return letters if is_display and not collides else offset_label(offset)


def main():
    by_year = {}
    print("# display zone\tevent zone\tinstant\tdisplay label\tevent label (tests/oracle/make_zone_label_cases.py)")
    for text in INSTANTS:
        instant = datetime.fromisoformat(text.replace("Z", "+00:00"))
        ambiguous = by_year.setdefault(instant.year, ambiguous_letters(instant.year))
        for display in ZONES:
            for event in ZONES:
                if display == event:
                    continue
                print("\t".join([display, event, text, label(display, instant, True, event, ambiguous),
                                 label(event, instant, False, display, ambiguous)]))


main()
