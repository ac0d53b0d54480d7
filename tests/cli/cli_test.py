#!/usr/bin/env python3
"""Runs the talktime command-line tool on fixtures and checks its output and exit code.

usage: cli_test.py PATH/TO/talktime CASE     (run from tests/, so fixture paths are relative)
       cli_test.py PATH/TO/talktime --all
       cli_test.py --list                   (the case names, one a line: ctest's list)

Each case gives the arguments, optionally standard input, the exit code and
what standard output and standard error must be: an exact text, or a check
function. Lines and columns of expected diagnostics are counted here, from the
fixture text, not taken from talktime.
"""
import html.parser
import json
import re
import subprocess
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import fragment_cases
import subscribe_cases
import problem_line_cases

USAGE_HINT = "(talktime --help shows how to use it)\n"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def where(path, needle, after=""):
    """LINE:COLUMN of the first `needle` at or after `after` in a fixture (columns in code points)."""
    text = read(path)
    start = text.index(after) if after else 0
    i = text.index(needle, start)
    line = text.count("\n", 0, i) + 1
    column = i - (text.rfind("\n", 0, i) + 1) + 1
    return f"{line}:{column}"


def usage_error(message):
    return f"talktime: {message}\n{USAGE_HINT}"


BROKEN_JSON = "fixtures/cli-broken.json"
# The release, as package.json (the one place it is written) names it.
PACKAGE_VERSION = json.loads(read("../package.json"))["version"]
_BAD_DATE = where(BROKEN_JSON, '"2023-02-29T10:00"')
_LECTURE = where(BROKEN_JSON, '"lecture"')
_SECOND_GOOD = where(BROKEN_JSON, '"good"', "odd-kind")
BROKEN_JSON_DIAGNOSTICS = (
    f"{BROKEN_JSON}:{_BAD_DATE}: error: [talk.bad_start] /talks/1/start: "
    'invalid date "2023-02-29T10:00" (talk "bad-date")\n'
    f"{BROKEN_JSON}:{_LECTURE}: warning: [talk.unknown_kind] /talks/2/kind: "
    'unknown kind "lecture" shown as "other"\n'
    f"{BROKEN_JSON}:{_SECOND_GOOD}: error: [talk.duplicate_id] /talks/3/id: "
    'id "good" is already used by /talks/0; this talk is skipped\n'
)
BROKEN_ICS = "fixtures/cli-broken.ics"
BROKEN_ICS_DIAGNOSTICS = (
    f"{BROKEN_ICS}:13:1: error: [ics.unknown_zone] unknown time zone TZID=\"Mars/Olympus_Mons\" "
    '(not an IANA or Windows zone name, and the calendar has no VTIMEZONE of that TZID); the event is skipped\n'
    f"{BROKEN_ICS}:18:1: error: [talk.no_zone] local time \"2024-05-02T09:00\" needs a zone: give the talk or "
    'the feed a "timezone", or add Z or an offset (talk "floating")\n'
)


class Structure(html.parser.HTMLParser):
    """Checks that elements nest properly and collects text by tag."""
    VOID = {"meta", "img", "br", "link", "input", "hr"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.text, self.headings = [], [], {}, []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack:
            self.text.setdefault(self.stack[-1], []).append(data)
            if re.fullmatch(r"h[1-6]", self.stack[-1]):
                self.headings.append(self.stack[-1])


def html_page(title, must_contain=(), must_not_contain=()):
    def check(out):
        problems = []
        if not out.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'):
            problems.append("no doctype, lang or charset at the top")
        if not out.endswith("</main>\n</body>\n</html>\n"):
            problems.append("does not end with </main></body></html>")
        parser = Structure()
        parser.feed(out)
        parser.close()
        problems += parser.errors
        if parser.stack:
            problems.append(f"unclosed: {parser.stack}")
        if "".join(parser.text.get("title", [])) != title:
            problems.append(f"<title> is {parser.text.get('title')}")
        if "".join(parser.text.get("h1", [])) != title:
            problems.append(f"<h1> is {parser.text.get('h1')}")
        if parser.headings[:1] != ["h1"]:
            problems.append("the first heading is not h1")
        for needle in must_contain:
            if needle not in out:
                problems.append(f"missing {needle!r}")
        for needle in must_not_contain:
            if needle in out:
                problems.append(f"unexpected {needle!r}")
        return problems
    return check


def calendar(uids, now="20240101T000000Z"):
    def check(out):
        problems = []
        if not out.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") or not out.endswith("END:VCALENDAR\r\n"):
            problems.append("not a VCALENDAR")
        found = re.findall(r"\r\nUID:([^\r]*)\r\n", re.sub(r"\r\n[ \t]", "", out))  # unfolded (RFC 5545 3.1)
        if found != uids:
            problems.append(f"UIDs {found} != {uids}")
        if out.count(f"\r\nDTSTAMP:{now}\r\n") != len(uids):
            problems.append("DTSTAMP is not --now in every event")
        if re.search(r"(?<!\r)\n", out):
            problems.append("a bare LF")
        return problems
    return check


def frab_instants_match(out):
    """The converted feed's times equal the frab file's own "date"s, computed with zoneinfo."""
    problems = []
    feed = json.loads(out)
    frab = json.loads(read("fixtures/frab-schedule.json"))["schedule"]["conference"]
    zone = ZoneInfo(frab["time_zone_name"])
    expected = {}
    for day in frab["days"]:
        for events in day["rooms"].values():
            for e in events:
                start = (datetime.fromisoformat(e["date"]) if "date" in e
                         else datetime.fromisoformat(f"{day['date']}T{e['start']}").replace(tzinfo=zone))
                h, m = map(int, e["duration"].split(":"))
                expected[e["slug"]] = (start.astimezone(timezone.utc), h * 60 + m)
    if feed.get("timezone") != "Europe/Berlin":
        problems.append(f"timezone {feed.get('timezone')}")
    got = {}
    for t in feed["talks"]:
        def utc(text):
            value = datetime.fromisoformat(text)
            return (value if value.tzinfo else value.replace(tzinfo=ZoneInfo(t.get("timezone", feed["timezone"])))
                    ).astimezone(timezone.utc)
        start = utc(t["start"])
        got[t["id"]] = (start, round((utc(t["end"]) - start).total_seconds() / 60))
    if got != expected:
        problems.append(f"instants differ:\n  got      {sorted(got.items())}\n  expected {sorted(expected.items())}")
    return problems


def json_feed(talk_count, title):
    def check(out):
        feed = json.loads(out)
        problems = []
        if feed.get("talktime") != 1:
            problems.append("no talktime: 1")
        if len(feed.get("talks", [])) != talk_count:
            problems.append(f"{len(feed.get('talks', []))} talks")
        if feed.get("title") != title:
            problems.append(f"title {feed.get('title')!r}")
        if not out.endswith("}\n"):
            problems.append("no final newline")
        return problems
    return check


def json_ld_events(out, feeds, series):
    """The JSON-LD names one Event for each talk of the feeds (of `series`), breaks aside,
    and holds no markup character, so it can stand in a <script> element as it is."""
    feeds = feeds if isinstance(feeds, list) else [feeds]
    expected = sorted(t["title"] for f in feeds for t in json.loads(read(f))["talks"]
                      if t.get("kind") != "break" and (series is None or t.get("series") == series))
    document = json.loads(out)
    got = sorted(e["name"] for e in document["@graph"])
    problems = [] if got == expected else [f"events {got!r}, expected {expected!r}"]
    if document["@context"] != "https://schema.org":
        problems.append("context")
    if any(c in out for c in "<>&") or not out.endswith("}\n"):
        problems.append("markup characters or no final newline")
    return problems


NOW = ["--now", "2024-01-01T00:00:00Z"]
SEMINAR_UIDS = ["amc-2024-09-12-nakamura@math.example.edu", "amc-2024-09-19-okafor@math.example.edu",
                "amc-2024-10-14-holiday@math.example.edu", "amc-2024-10-21-workshop@math.example.edu",
                "amc-2024-11-07-lindqvist@math.example.edu", "amc-2024-11-14-weiss@math.example.edu",
                "amc-2024-12-05-problems@math.example.edu"]


def fnv1a_64(text):
    """The digits in a talk's derived UID (docs/calendars.md), written here from the FNV spec."""
    digest = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        digest = ((digest ^ byte) * 0x100000001B3) % 2**64
    return f"{digest:016x}"


# The frab conversion's ids, in the order of the fixture; its feed url is https://oid.example.org/2024/.
FRAB_UIDS = [f"oid24-{n}.{fnv1a_64('https://oid.example.org/2024/')}@oid.example.org" for n in
             ["1001-opening", "1002-mesh-networks-after-the-flood", "1003-chiptunes-from-scrap",
              "1004-loeten-fuer-einsteiger", "1005-night-owls", "1006-who-owns-the-smart-meter",
              "1007-lightning-talks", "1009-closing", "1008-repair-cafes-and-the-law"]]
STANFORD_FM = [t["id"] + "." + fnv1a_64("https://mlsys.stanford.edu/") + "@mlsys.stanford.edu" for t in json.loads(read("../data/stanford-mlsys-seminar.json"))["talks"]
               if t.get("series") == "fm-2023"]

CASES = {
    # --- usage --------------------------------------------------------------
    "help": dict(args=["--help"], exit=0, stdout=read("cli/expected/help.txt"), stderr=""),
    "help_command": dict(args=["help"], exit=0, stdout=read("cli/expected/help.txt"), stderr=""),
    "help_after_command": dict(args=["ics", "-h"], exit=0, stdout=read("cli/expected/help.txt"), stderr=""),
    "version": dict(args=["--version"], exit=0,
                    stdout=lambda out: [] if re.fullmatch(rf"talktime {re.escape(PACKAGE_VERSION)} \(tz database \d{{4}}[a-z]\)\n", out)
                    else [f"version line {out!r}"], stderr=""),
    "no_arguments": dict(args=[], exit=2, stdout="", stderr=usage_error("no command given")),
    "unknown_command": dict(args=["frobnicate", "x.json"], exit=2, stdout="",
                            stderr=usage_error('unknown command "frobnicate"')),
    "unknown_option": dict(args=["check", "--frob", "x.json"], exit=2, stdout="", stderr=usage_error("unknown option --frob")),
    "missing_feed": dict(args=["ics"], exit=2, stdout="", stderr=usage_error("ics needs a FEED")),
    "missing_value": dict(args=["ics", "fixtures/seminar.ics", "--now"], exit=2, stdout="",
                          stderr=usage_error("--now needs a value")),
    "bad_now_local": dict(args=["ics", "fixtures/seminar.ics", "--now", "2024-05-02T09:00"], exit=2, stdout="",
                          stderr=usage_error("--now needs a date-time with Z or an offset, e.g. 2024-05-02T09:00:00Z")),
    "bad_now_text": dict(args=["ics", "fixtures/seminar.ics", "--now=tomorrow"], exit=2, stdout="",
                         stderr=usage_error('--now: not a date or date-time: "tomorrow" (expected e.g. "2024-05-02T14:30")')),
    "bad_from": dict(args=["convert", "--from", "xml", "fixtures/seminar.ics"], exit=2, stdout="",
                     stderr=usage_error('--from: unknown format "xml" (talktime, frab or ics)')),
    "convert_two_feeds": dict(args=["convert", "fixtures/seminar.ics", "fixtures/frab-schedule.json"], exit=2, stdout="",
                              stderr=usage_error("convert takes one FEED")),
    "series_for_check": dict(args=["check", "--series", "x", "fixtures/seminar.ics"], exit=2, stdout="",
                             stderr=usage_error("--series is for ics, render and jsonld")),
    "timezone_for_ics": dict(args=["ics", "--timezone", "UTC", "fixtures/seminar.ics"], exit=2, stdout="",
                             stderr=usage_error("--timezone, --hour12 and --show are for render")),
    "render_without_zone": dict(args=["render", "fixtures/seminar.ics"], exit=2, stdout="",
                                stderr=usage_error("render needs --timezone ZONE")),
    "render_unknown_zone": dict(args=["render", "fixtures/seminar.ics", "--timezone", "Mars/Olympus_Mons"], exit=2,
                                stdout="", stderr=usage_error(
                                    'unknown time zone "Mars/Olympus_Mons" (use an IANA name such as Europe/Berlin)')),
    "render_bad_show": dict(args=["render", "fixtures/seminar.ics", "--timezone", "UTC", "--show", "soon"], exit=2,
                            stdout="", stderr=usage_error('--show: "soon" is not upcoming, past or all')),
    "hour12_with_value": dict(args=["render", "fixtures/seminar.ics", "--timezone", "UTC", "--hour12=yes"], exit=2,
                              stdout="", stderr=usage_error("--hour12 takes no value")),

    # --- check ----------------------------------------------------------------
    "check_clean": dict(args=["check", "../data/fastpath-2021.json", "fixtures/frab-schedule.json", "fixtures/seminar.ics"],
                        exit=0, stderr="",
                        stdout="../data/fastpath-2021.json: 11 talks, no problems\n"
                               "fixtures/frab-schedule.json: 9 talks, no problems\n"
                               "fixtures/seminar.ics: 7 talks, no problems\n"),
    "check_errors": dict(args=["check", BROKEN_JSON, BROKEN_ICS], exit=1, stderr="",
                         stdout=BROKEN_JSON_DIAGNOSTICS + f"{BROKEN_JSON}: 2 talks, 2 errors, 1 warning\n" +
                         BROKEN_ICS_DIAGNOSTICS + f"{BROKEN_ICS}: 1 talk, 2 errors, 0 warnings\n"),
    "check_warnings_only": dict(args=["check", "fixtures/latin1-bytes.json"], exit=0, stderr="",
                                stdout=lambda out: [] if out.endswith("fixtures/latin1-bytes.json: 3 talks, 0 errors, 4 warnings\n")
                                and out.count(": warning: [feed.bad_utf8] ") == 4 else [f"output {out!r}"]),
    "check_syntax_error": dict(args=["check", "fixtures/truncated.json"], exit=1, stderr="",
                               stdout=lambda out: [] if re.fullmatch(
                                   r"fixtures/truncated\.json:\d+:\d+: error: \[feed\.syntax\] [^\n]+\n"
                                   r"fixtures/truncated\.json: not loaded, 1 error, 0 warnings\n", out)
                               else [f"output {out!r}"]),
    "check_unreadable": dict(args=["check", "fixtures/no-such-feed.json", "fixtures/seminar.ics"], exit=2,
                             stdout="fixtures/seminar.ics: 7 talks, no problems\n",
                             stderr='talktime: cannot read "fixtures/no-such-feed.json": No such file or directory\n'),
    "check_directory": dict(args=["check", "fixtures"], exit=2, stdout="",
                            stderr='talktime: cannot read "fixtures": Is a directory\n'),
    # The same feed after a UTF-8 byte order mark: the same lines and columns (the
    # mark used to hide every value from the locator, so problems had no position).
    "check_byte_order_mark": dict(args=["check", "-"], stdin_bytes=b"\xef\xbb\xbf" + open(BROKEN_JSON, "rb").read(),
                                  exit=1, stderr="",
                                  stdout=BROKEN_JSON_DIAGNOSTICS.replace(BROKEN_JSON, "<stdin>") +
                                  "<stdin>: 2 talks, 2 errors, 1 warning\n"),
    "check_stdin": dict(args=["check", "-"], stdin="fixtures/cli-broken.ics", exit=1, stderr="",
                        stdout=BROKEN_ICS_DIAGNOSTICS.replace(BROKEN_ICS, "<stdin>") + "<stdin>: 1 talk, 2 errors, 0 warnings\n"),
    "check_from_hint": dict(args=["check", "--from", "frab", "fixtures/docs-complete-example.json"], exit=1, stderr="",
                            stdout="fixtures/docs-complete-example.json:1:1: error: [frab.not_schedule] a frab schedule.json "
                                   'is a JSON object with a "schedule" object\n'
                                   "fixtures/docs-complete-example.json: not loaded, 1 error, 0 warnings\n"),

    # --- ics ------------------------------------------------------------------
    "ics_calendar": dict(args=["ics", "fixtures/seminar.ics"] + NOW, exit=0, stderr="", stdout=calendar(SEMINAR_UIDS)),
    "ics_frab": dict(args=["ics", "fixtures/frab-schedule.json", "--now=2024-01-01T01:00:00+01:00"], exit=0, stderr="",
                     stdout=calendar(FRAB_UIDS)),
    "ics_series": dict(args=["ics", "../data/stanford-mlsys-seminar.json", "--series", "fm-2023"] + NOW, exit=0, stderr="",
                       stdout=calendar(STANFORD_FM)),
    "ics_unknown_series": dict(args=["ics", "fixtures/frab-schedule.json", "--series", "music"] + NOW, exit=2, stdout="",
                               stderr=usage_error('unknown series "music" (the feed has: hardware-making, society, security)')),
    "ics_merged": dict(args=["ics", "fixtures/seminar.ics", "fixtures/frab-schedule.json"] + NOW, exit=0, stderr="",
                       # Every talk keeps the UID it has in its own feed: the frab talks' are made from
                       # their feed's url, the calendar's are its own.
                       stdout=calendar(SEMINAR_UIDS + FRAB_UIDS)),
    "ics_with_errors": dict(args=["ics", BROKEN_ICS] + NOW, exit=1, stdout=calendar(["ok"]),
                            stderr=BROKEN_ICS_DIAGNOSTICS),
    "ics_failed_feed": dict(args=["ics", "fixtures/truncated.json"] + NOW, exit=1, stdout="",
                            stderr=lambda err: [] if re.fullmatch(r"fixtures/truncated\.json:\d+:\d+: error: \[feed\.syntax\] [^\n]+\n", err)
                            else [f"stderr {err!r}"]),

    # --- jsonld ---------------------------------------------------------------
    "jsonld_series": dict(args=["jsonld", "../data/stanford-mlsys-seminar.json", "--series", "fm-2023"], exit=0, stderr="",
                          stdout=lambda out: json_ld_events(out, "../data/stanford-mlsys-seminar.json", "fm-2023")),
    "jsonld_merged": dict(args=["jsonld", "../data/fastpath-2021.json", "../data/mlforsystems-neurips-2023.json"], exit=0,
                          stderr="", stdout=lambda out: json_ld_events(out, ["../data/fastpath-2021.json", "../data/mlforsystems-neurips-2023.json"], None)),

    # --- render ---------------------------------------------------------------
    "render_page": dict(args=["render", "fixtures/seminar.ics", "--timezone", "Europe/Berlin",
                              "--now", "2024-11-01T12:00:00Z"], exit=0, stderr="",
                        stdout=html_page("Applied Mathematics Colloquium, Fall 2024", must_contain=[
                            '<p class="tt-description">Thursdays at 4 pm in the Simons Building. Tea at 3:30 in the lounge.</p>',
                            '<p class="tt-zone-note">Times are in Europe/Berlin time (CET). Schedule as of <time datetime='
                            '"2024-11-01T12:00:00Z">Friday, 1 November 2024, 13:00</time>.</p>',
                            # zoneinfo: 2024-11-07T16:00 New York is 22:00 in Berlin
                            '<time datetime="2024-11-07T22:00:00+01:00">22:00</time>',
                            'data-section="upcoming"', 'data-section="past"', "<style>"])),
    "render_hour12_upcoming": dict(args=["render", "fixtures/seminar.ics", "--timezone", "Asia/Kolkata", "--hour12",
                                         "--show", "upcoming", "--now", "2024-11-01T12:00:00Z"], exit=0, stderr="",
                                   # zoneinfo: 2024-11-07T21:00Z is 02:30 the next day in Kolkata
                                   stdout=html_page("Applied Mathematics Colloquium, Fall 2024",
                                                    must_contain=['<time datetime="2024-11-08T02:30:00+05:30">2:30 AM</time>',
                                                                  "5:30 PM</time>.</p>"],
                                                    must_not_contain=['data-section="past"'])),
    "render_series": dict(args=["render", "fixtures/frab-schedule.json", "--timezone", "Europe/Berlin", "--series",
                                "society"] + NOW, exit=0, stderr="",
                          stdout=html_page("Open Infrastructure Days 2024",
                                           must_contain=['data-talk-id="oid24-1006-who-owns-the-smart-meter"',
                                                         'data-talk-id="oid24-1008-repair-cafes-and-the-law"'],
                                           must_not_contain=['data-talk-id="oid24-1001-opening"'])),
    "render_escapes": dict(args=["render", BROKEN_JSON, "--timezone", "UTC"] + NOW, exit=1,
                           stderr=BROKEN_JSON_DIAGNOSTICS,
                           stdout=html_page("Broken <Seminar> & Co",
                                            must_contain=["<title>Broken &lt;Seminar&gt; &amp; Co</title>"])),
    "render_empty": dict(args=["render", "fixtures/seminar.ics", "--timezone", "UTC", "--show", "upcoming",
                               "--now", "2030-01-01T00:00:00Z"], exit=0, stderr="",
                         stdout=html_page("Applied Mathematics Colloquium, Fall 2024",
                                          must_contain=['<p class="tt-empty">No talks.</p>'])),

    # --- convert --------------------------------------------------------------
    "convert_frab": dict(args=["convert", "--from", "frab", "fixtures/frab-schedule.json"], exit=0, stderr="",
                         stdout=frab_instants_match),
    "convert_ics": dict(args=["convert", "fixtures/seminar.ics"], exit=0, stderr="",
                        stdout=json_feed(7, "Applied Mathematics Colloquium, Fall 2024")),
    "convert_ics_alias": dict(args=["convert", "--from=ical", "fixtures/seminar.ics"], exit=0, stderr="",
                              stdout=json_feed(7, "Applied Mathematics Colloquium, Fall 2024")),
    "convert_talktime": dict(args=["convert", "../data/fastpath-2021.json"], exit=0, stderr="",
                             stdout=json_feed(11, "FastPath 2021 - International Workshop on Performance Analysis of "
                                                  "Machine Learning Systems")),
    "convert_with_errors": dict(args=["convert", BROKEN_ICS], exit=1, stderr=BROKEN_ICS_DIAGNOSTICS,
                                stdout=json_feed(1, "Broken calendar")),
    "convert_failed": dict(args=["convert", "--from", "frab", "fixtures/seminar.ics"], exit=1, stdout="",
                           stderr=lambda err: [] if err.endswith("fixtures/seminar.ics:1:1: error: [frab.syntax] invalid literal; "
                                                                 "last read: 'B'\n") else [f"stderr {err!r}"]),
}

CASES.update(fragment_cases.cases(read, where, usage_error))
CASES.update(subscribe_cases.cases(read, usage_error, fnv1a_64))
CASES.update(problem_line_cases.cases(read, where, usage_error))


def compare(what, expected, actual):
    if callable(expected):
        return [f"{what}: {p}" for p in expected(actual)]
    if expected != actual:
        return [f"{what} differs:\n--- expected\n{expected}--- actual\n{actual}---"]
    return []


def run_case(talktime, name):
    case = CASES[name]
    if "run" in case:  # several commands, checked together (problem_line_cases.py)
        return case["run"](talktime)
    stdin = open(case["stdin"], "rb") if "stdin" in case else subprocess.DEVNULL
    if "stdin_bytes" in case:
        result = subprocess.run([talktime, *case["args"]], input=case["stdin_bytes"], capture_output=True)
    else:
        result = subprocess.run([talktime, *case["args"]], stdin=stdin, capture_output=True)
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    problems = []
    if result.returncode != case["exit"]:
        problems.append(f"exit code {result.returncode}, expected {case['exit']}\nstderr: {err}")
    problems += compare("stdout", case["stdout"], out)
    problems += compare("stderr", case["stderr"], err)
    return problems


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    talktime, which = sys.argv[1], sys.argv[2]
    names = list(CASES) if which == "--all" else [which]
    failed = 0
    for name in names:
        if name not in CASES:
            sys.exit(f"no case {name!r}")
        problems = run_case(talktime, name)
        print(("FAIL " if problems else "ok   ") + name)
        for p in problems:
            print("     " + p.replace("\n", "\n     "))
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
