#!/usr/bin/env python3
"""Checks talktime's iCalendar export and import with code that is not talktime's.

usage: check_ics.py PATH/TO/talktime FEED.json... [--import FILE.ics...]

Export (each FEED.json): runs `talktime ics FEED --now 2024-01-01T00:00:00Z` and
parses the output with the `icalendar` package (Debian: python3-icalendar). For
every talk of the feed, read here straight from its JSON, the expected instants
are computed with Python's zoneinfo (fold=0, which is talktime's rule for gaps
and overlaps), and the event must have them:
  * DTSTART/DTEND in UTC for timed talks (no DTEND when the talk has no end or
    duration), VALUE=DATE with an exclusive DTEND for date-only talks;
  * SUMMARY = title, STATUS from status, CATEGORIES = tags, LOCATION = the talk's
    (or feed's) location name, UID = the feed's "uid" or
    percent-encoded id "." FNV-1a-64(url without fragment, else title) "@" host of url
    (docs/calendars.md), DTSTAMP = --now,
    X-WR-CALNAME = feed title, DESCRIPTION containing the abstract;
  * for subscribers: NAME = feed title, X-WR-TIMEZONE = feed zone,
    REFRESH-INTERVAL and X-PUBLISHED-TTL of 12 hours, SEQUENCE 0; published
    again with --previous after the first talk got a new title, that talk's
    SEQUENCE is 1 and every other talk's stays 0;
  * every physical line ends with CRLF, is valid UTF-8 and at most 75 octets.

Import (each FILE.ics): parses the file with `icalendar` and computes each
event's instants with zoneinfo from its TZID (or UTC, or X-WR-TIMEZONE for
floating times); runs `talktime convert FILE.ics` and computes the instants of
the talktime JSON it prints, again with zoneinfo; both must agree, event by
event (matched by UID), along with title, status and categories.

Exits 1 on any mismatch, printing each one and "N checks passed, M failed".
"""
import json
import re
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote
from zoneinfo import ZoneInfo

try:
    import icalendar
except ImportError:
    sys.exit("check_ics.py needs the icalendar package: apt-get install python3-icalendar")

NOW = "2024-01-01T00:00:00Z"
UTC = timezone.utc
failures = []
passed = 0


def check(condition, message):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(message)


def run(talktime, *args):
    result = subprocess.run([talktime, *args], capture_output=True)
    if result.returncode != 0:
        sys.exit(f"talktime {' '.join(args)} exited with {result.returncode}:\n{result.stderr.decode()}")
    return result.stdout


# --- talktime feed times, read independently --------------------------------

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DURATION = re.compile(r"^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$", re.I)


def instant(value, zone):
    """A feed start/end value -> aware UTC datetime, or a date for date-only values."""
    if isinstance(value, int):
        return datetime.fromtimestamp(value, UTC)
    if DATE.match(value):
        return date.fromisoformat(value)
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(zone), fold=0)
    return parsed.astimezone(UTC)


def duration_seconds(value):
    if isinstance(value, (int, float)):
        return round(value * 60)
    m = ISO_DURATION.match(value)
    weeks, days, hours, minutes, seconds = (int(g) if g else 0 for g in m.groups())
    return (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds


def expected_times(feed, talk):
    """(start, end or None): aware datetimes, or dates with an exclusive end."""
    zone = talk.get("timezone", feed.get("timezone"))
    start = instant(talk["start"], zone)
    if isinstance(start, date) and not isinstance(start, datetime):
        last = start
        if "end" in talk:
            last = instant(talk["end"], zone)
        elif "duration" in talk and duration_seconds(talk["duration"]) % 86400 == 0 and duration_seconds(talk["duration"]) >= 86400:
            last = start + timedelta(days=duration_seconds(talk["duration"]) // 86400 - 1)
        return start, last + timedelta(days=1)
    if "end" in talk:
        return start, instant(talk["end"], zone)
    if "duration" in talk:
        return start, start + timedelta(seconds=duration_seconds(talk["duration"]))
    return start, None


def expected_uid(feed, talk_id, host):
    identity = feed["url"].split("#")[0] if feed.get("url") else feed.get("title", "").strip()
    digest = 0xCBF29CE484222325
    for byte in identity.encode("utf-8"):
        digest = ((digest ^ byte) * 0x100000001B3) % 2**64
    return f"{quote(talk_id, safe='-._~')}.{digest:016x}@{host}"


def host_of(url):
    m = re.match(r"^https?://(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)", url or "", re.I)
    return m.group(1).lower() if m and m.group(1) else "talktime"


def location_name(feed, talk):
    where = talk.get("location", feed.get("location"))
    if where is None:
        return None
    if isinstance(where, str):
        return where.strip()
    return (where.get("name") or where.get("url") or "").strip()


# --- icalendar values -------------------------------------------------------

def event_times(event, calendar_zone=None):
    """(start, end or None) of a VEVENT, computed with zoneinfo from TZID or Z."""
    def one(prop):
        if prop is None:
            return None
        value = prop.dt
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        naive = value.replace(tzinfo=None)
        tzid = prop.params.get("TZID")
        if value.tzinfo is not None and tzid is None:  # "Z"
            return naive.replace(tzinfo=UTC)
        zone = tzid or calendar_zone
        return naive.replace(tzinfo=ZoneInfo(zone), fold=0).astimezone(UTC)

    start = one(event.get("DTSTART"))
    end = one(event.get("DTEND"))
    if end is None and event.get("DURATION") is not None:
        end = start + event.get("DURATION").dt
    return start, end


def categories(event):
    values = event.get("CATEGORIES")
    if values is None:
        return []
    if not isinstance(values, list):
        values = [values]
    return [str(c) for v in values for c in v.cats]


def physical_lines_ok(name, data):
    check(data.endswith(b"\r\n"), f"{name}: does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
        check(b"\n" not in line and b"\r" not in line, f"{name}: line {number} has a bare CR or LF")
        check(len(line) <= 75, f"{name}: line {number} has {len(line)} octets")
        try:
            line.decode("utf-8")
            ok = True
        except UnicodeDecodeError:
            ok = False
        check(ok, f"{name}: line {number} is not UTF-8 by itself (a fold split a character)")


STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "canceled": "CANCELLED",
          "postponed": "TENTATIVE", "tentative": "TENTATIVE"}


def check_export(talktime, path):
    with open(path, encoding="utf-8") as f:
        feed = json.load(f)
    data = run(talktime, "ics", path, "--now", NOW)
    physical_lines_ok(path, data)
    calendar = icalendar.Calendar.from_ical(data)
    check(str(calendar.get("VERSION")) == "2.0", f"{path}: VERSION")
    check(str(calendar.get("CALSCALE")) == "GREGORIAN", f"{path}: CALSCALE")
    check(str(calendar.get("METHOD")) == "PUBLISH", f"{path}: METHOD")
    check(calendar.get("PRODID") is not None, f"{path}: PRODID")
    if feed.get("title"):
        check(str(calendar.get("X-WR-CALNAME")) == feed["title"].strip(), f"{path}: X-WR-CALNAME")
    events = calendar.walk("VEVENT")
    talks = feed["talks"]
    check(len(events) == len(talks), f"{path}: {len(events)} events for {len(talks)} talks")
    host = host_of(feed.get("url"))
    for talk, event in zip(talks, events):
        where = f"{path} {talk['id']}"
        uid = talk.get("uid") or expected_uid(feed, talk["id"], host)
        check(str(event.get("UID")) == uid, f"{where}: UID {event.get('UID')}")
        check(str(event.get("SUMMARY")) == talk["title"].strip(), f"{where}: SUMMARY {event.get('SUMMARY')!r}")
        check(event.get("DTSTAMP").dt == datetime(2024, 1, 1, tzinfo=UTC), f"{where}: DTSTAMP")
        start, end = expected_times(feed, talk)
        got_start, got_end = event_times(event)
        check(got_start == start, f"{where}: DTSTART {got_start} != {start}")
        check(got_end == end, f"{where}: DTEND {got_end} != {end}")
        if isinstance(start, datetime):
            check(event.get("DTSTART").to_ical().endswith(b"Z"), f"{where}: DTSTART not in UTC")
        check(str(event.get("STATUS")) == STATUS[talk.get("status", "scheduled").lower()], f"{where}: STATUS")
        check(categories(event) == [t.strip() for t in talk.get("tags", [])], f"{where}: CATEGORIES {categories(event)}")
        name = location_name(feed, talk)
        got = event.get("LOCATION")
        check((str(got) if got is not None else None) == (name or None), f"{where}: LOCATION {got!r} != {name!r}")
        if talk.get("abstract"):
            check(talk["abstract"].strip() in str(event.get("DESCRIPTION")), f"{where}: DESCRIPTION lacks the abstract")
    check_subscription(talktime, path, feed, calendar)


def check_subscription(talktime, path, feed, calendar):
    """The calendar-wide properties subscribers read, and SEQUENCE after one talk changed."""
    if feed.get("title"):
        check(str(calendar.get("NAME")) == feed["title"].strip(), f"{path}: NAME")
    zone = calendar.get("X-WR-TIMEZONE")
    check((str(zone) if zone else None) == feed.get("timezone"), f"{path}: X-WR-TIMEZONE {zone}")
    # icalendar 4 does not know RFC 7986's REFRESH-INTERVAL: its value is read as a duration here.
    check(icalendar.vDuration.from_ical(str(calendar.get("REFRESH-INTERVAL"))) == timedelta(hours=12),
          f"{path}: REFRESH-INTERVAL {calendar.get('REFRESH-INTERVAL')}")
    check(calendar["REFRESH-INTERVAL"].params.get("VALUE") == "DURATION", f"{path}: REFRESH-INTERVAL VALUE")
    check(icalendar.vDuration.from_ical(str(calendar.get("X-PUBLISHED-TTL"))) == timedelta(hours=12),
          f"{path}: X-PUBLISHED-TTL")
    check([int(e.get("SEQUENCE")) for e in calendar.walk("VEVENT")] == [0] * len(feed["talks"]), f"{path}: SEQUENCE")
    if not feed["talks"]:
        return
    moved = json.loads(json.dumps(feed))
    moved["talks"][0]["title"] += " (new title)"
    with tempfile.TemporaryDirectory() as folder:
        published, moved_path = f"{folder}/talks.ics", f"{folder}/moved.json"
        with open(published, "wb") as f:
            f.write(run(talktime, "ics", path, "--now", NOW))
        with open(moved_path, "w", encoding="utf-8") as f:
            json.dump(moved, f)
        again = icalendar.Calendar.from_ical(run(talktime, "ics", moved_path, "--previous", published, "--now", NOW))
    sequences = [int(e.get("SEQUENCE")) for e in again.walk("VEVENT")]
    check(sequences == [1] + [0] * (len(feed["talks"]) - 1), f"{path}: SEQUENCE after retitling the first talk {sequences}")


def check_import(talktime, path):
    with open(path, "rb") as f:
        raw = f.read()
    # icalendar decodes before it unfolds; undo folds first, as RFC 5545 3.1 asks of readers.
    calendar = icalendar.Calendar.from_ical(re.sub(rb"\r?\n[ \t]", b"", raw).decode("utf-8"))
    calendar_zone = str(calendar.get("X-WR-TIMEZONE")) if calendar.get("X-WR-TIMEZONE") else None
    feed = json.loads(run(talktime, "convert", path))
    talks = {t["id"]: t for t in feed["talks"]}
    events = calendar.walk("VEVENT")
    check(len(events) == len(talks), f"{path}: {len(events)} events, {len(talks)} talks")
    for event in events:
        uid = str(event.get("UID"))
        talk = talks.get(uid)
        check(talk is not None, f"{path}: no talk for UID {uid}")
        if talk is None:
            continue
        start, end = event_times(event, calendar_zone)
        want_start, want_end = expected_times(feed, talk)
        if isinstance(start, datetime):
            check(want_start == start, f"{path} {uid}: start {want_start} != {start}")
            check(want_end == end, f"{path} {uid}: end {want_end} != {end}")
        else:
            check(want_start == start, f"{path} {uid}: day {want_start} != {start}")
            check(want_end == (end or start + timedelta(days=1)), f"{path} {uid}: last day {want_end} != {end}")
        check(talk["title"] == str(event.get("SUMMARY")), f"{path} {uid}: title {talk['title']!r}")
        status = str(event.get("STATUS", "CONFIRMED"))
        check(STATUS[talk.get("status", "scheduled")] == status, f"{path} {uid}: status {talk.get('status')}")
        check(talk.get("tags", []) == categories(event), f"{path} {uid}: tags {talk.get('tags')}")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    talktime = sys.argv[1]
    exports, imports, target = [], [], None
    for arg in sys.argv[2:]:
        if arg == "--import":
            target = imports
        else:
            (target if target is not None else exports).append(arg)
    for path in exports:
        check_export(talktime, path)
    for path in imports:
        check_import(talktime, path)
    for f in failures[:40]:
        print("FAIL", f)
    print(f"{passed} checks passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
