#!/usr/bin/env python3
"""Compares talktime's import of frab, pretalx and C3VOC schedule2 files with the files themselves.

usage: check_frab_import.py PATH/TO/talktime SCHEDULE.json...   (run from tests/)

Each schedule is read here on its own, with Python's json, datetime and zoneinfo,
never with talktime: its events (conference.days[].rooms for frab and pretalx,
schedule.events[] for schedule2), their instants (an ISO "date" or schedule2's
"start" with its offset, checked against the conference zone's rules; else the day's
date and "start" read in that zone), ends ("end", else start + "duration"), titles,
rooms, speakers and links. `talktime convert` must give the same talks occurrence by
occurrence: same count, same instants, no talk cancelled (these formats have no
cancellation), same titles, locations and speakers, the feed url (conference.url,
else schedule.base_url), attachments as absolute "slides" (or known-kind) links, and
every link absolute. The converted feeds must also pass the feed schema
(tests/schema/validate-feeds.mjs, when node is installed).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

KNOWN_KINDS = {"livestream", "video", "slides", "registration", "paper", "code", "recording", "website"}


def utc(text, zone):
    """An ISO date-time as a UTC instant; one without an offset is read in `zone`."""
    value = datetime.fromisoformat(text)
    return (value if value.tzinfo else value.replace(tzinfo=zone)).astimezone(timezone.utc)


def source_events(schedule):
    """(event, listed room name) for every event, in the file's order."""
    if isinstance(schedule.get("events"), list):
        return [(e, None, None) for e in schedule["events"]]
    return [(e, day, room) for day in schedule["conference"]["days"]
            for room, events in day.get("rooms", {}).items() for e in events]


def expected_talk(schedule, event, day, listed_room, problems):
    conference = schedule["conference"]
    zone = ZoneInfo(conference["time_zone_name"])
    base = schedule.get("base_url") or conference.get("url")
    stamp = event.get("date") or (event["start"] if len(event.get("start", "")) > 5 else None)
    if stamp:
        start = utc(stamp, zone)
        # The file's offset must be the zone's own at that wall time (a real export's is).
        local = datetime.fromisoformat(stamp)
        if local.utcoffset() != start.astimezone(zone).utcoffset():
            problems.append(f"{event['slug']}: offset of {stamp} is not {conference['time_zone_name']}'s")
    else:
        start = utc(f"{day['date']}T{event['start']}", zone)
    if event.get("end"):
        end = utc(event["end"], zone)
    else:
        hours, minutes = map(int, event["duration"].split(":"))
        end = start + timedelta(hours=hours, minutes=minutes)
    room = event.get("room") or listed_room
    if isinstance(room, dict):
        room = room.get("name") or {r["guid"]: r["name"] for r in conference.get("rooms", [])}[room["guid"]]
    people = event.get("persons", event.get("participants", []))
    persons = {p["guid"]: p for p in schedule.get("persons", [])}
    speakers = [p.get("public_name") or p.get("name") or persons[p["guid"]]["name"] for p in people]
    attachments = sorted(urljoin(base, a["url"]) for a in event.get("attachments", []))
    return {"id": event.get("slug") or str(event.get("id")), "title": event["title"], "start": start, "end": end,
            "location": room, "speakers": speakers, "website": event.get("url"), "attachments": attachments,
            "cancelled": False}


def converted_talk(feed, talk):
    zone = ZoneInfo(talk.get("timezone", feed["timezone"]))
    links = talk.get("links", {})
    attachments = sorted(url for kind, url in links.items()
                         if kind in KNOWN_KINDS - {"website"} and "/media/" in url)
    return {"id": talk["id"], "title": talk["title"], "start": utc(talk["start"], zone), "end": utc(talk["end"], zone),
            "location": talk.get("location"), "speakers": [s["name"] for s in talk.get("speakers", [])],
            "website": links.get("website"), "attachments": attachments,
            "cancelled": talk.get("status") in ("cancelled", "canceled")}


def check(talktime, path):
    problems = []
    with open(path, encoding="utf-8") as f:
        schedule = json.load(f)["schedule"]
    result = subprocess.run([talktime, "convert", path], capture_output=True, text=True)
    if result.returncode != 0:
        return [f"convert exited {result.returncode}: {result.stderr}"]
    feed = json.loads(result.stdout)
    conference = schedule["conference"]
    expected_url = conference.get("url") or schedule.get("base_url")
    if feed.get("url") != expected_url:
        problems.append(f"feed url {feed.get('url')!r}, expected {expected_url!r}")
    if feed.get("timezone") != conference["time_zone_name"]:
        problems.append(f"timezone {feed.get('timezone')!r}")
    order = lambda t: (t["start"], t["id"])
    expected = sorted((expected_talk(schedule, e, d, r, problems) for e, d, r in source_events(schedule)), key=order)
    got = sorted((converted_talk(feed, t) for t in feed["talks"]), key=order)
    if len(got) != len(expected):
        problems.append(f"{len(got)} talks, the file has {len(expected)} events")
    for want, have in zip(expected, got):
        for key in want:
            if want[key] != have[key]:
                problems.append(f"{want['id']}: {key} is {have[key]!r}, the file says {want[key]!r}")
    for talk in feed["talks"]:
        for kind, url in talk.get("links", {}).items():
            if not url.startswith(("https://", "http://", "mailto:")):
                problems.append(f"{talk['id']}: link {kind} {url!r} is not absolute")
    return problems


def schema_problems(talktime, paths):
    """The feed schema's verdict on every converted feed (JSON Schema via ajv, in node)."""
    if not shutil.which("node"):
        return []
    with tempfile.TemporaryDirectory() as folder:
        converted = []
        for path in paths:
            converted.append(os.path.join(folder, os.path.basename(path)))
            with open(converted[-1], "w", encoding="utf-8") as f:
                f.write(subprocess.run([talktime, "convert", path], capture_output=True, text=True).stdout)
        result = subprocess.run(["node", "schema/validate-feeds.mjs", *converted], capture_output=True, text=True)
    return [] if result.returncode == 0 else [f"the schema rejects a converted feed:\n{result.stdout}{result.stderr}"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    talktime, failed = sys.argv[1], 0
    for path in sys.argv[2:]:
        problems = check(talktime, path)
        print(("FAIL " if problems else "ok   ") + path)
        for p in problems:
            print("     " + p)
        failed += bool(problems)
    for p in schema_problems(talktime, sys.argv[2:]):
        print("FAIL " + p)
        failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
