"""The cases of the CLI's problem lines, for cli_test.py: every line talktime prints
about a feed follows the one documented format (README, "Command line"), so a CI
problem matcher catches all of them; and exact lines for the empty-schedule errors,
schedule2, duplicate keys and merges. Lines and columns are counted here, from the
fixture text (cli_test.where), never taken from talktime."""
import os
import re
import subprocess

# FILE:LINE:COLUMN: error|warning: [code] /pointer: message  (the pointer only for JSON input)
PROBLEM_LINE = re.compile(r"(?P<file>[^\n]+?):(?P<line>[1-9][0-9]*):(?P<column>[1-9][0-9]*): (?P<level>error|warning): "
                          r"\[(?P<code>[a-z0-9_]+\.[a-z0-9_]+)\] (?:(?P<pointer>/[^\n]*?): )?(?P<message>\S[^\n]*)")
# What else talktime prints: check's summary of each file, and usage or read errors (exit 2).
SUMMARY_LINE = re.compile(r"[^\n]+: (not loaded|[0-9]+ talks?)(, no problems|, [0-9]+ errors?, [0-9]+ warnings?)")

BROKEN = "fixtures/broken/"
SKIPPED_ICS = BROKEN + "all-events-skipped.ics"
NO_EVENTS = BROKEN + "days-without-events.json"
DUPLICATES = BROKEN + "duplicate-keys.json"
MERGE_A, MERGE_B, MERGE_C = BROKEN + "merge-a.json", BROKEN + "merge-b.json", BROKEN + "merge-c.frab.json"
SCHEDULE2 = "fixtures/schedule2.json"
NOW = ["--now", "2024-01-01T00:00:00Z"]

# Runs over every kind of broken input: iCalendar, frab, schedule2, pretalx, talktime, merged feeds.
RUNS = [
    ["check", *(BROKEN + name for name in sorted(os.listdir(BROKEN))), "fixtures/cli-broken.json",
     "fixtures/cli-broken.ics", "fixtures/truncated.json", "fixtures/latin1-bytes.json", SCHEDULE2,
     "fixtures/pretalx-schedule.json"],
    ["ics", MERGE_A, MERGE_B, MERGE_C, SKIPPED_ICS, "fixtures/cli-broken.ics", DUPLICATES, *NOW],
    ["render", "--timezone", "UTC", "fixtures/cli-broken.json", MERGE_B, MERGE_A, NO_EVENTS, *NOW],
    ["convert", NO_EVENTS], ["convert", SKIPPED_ICS], ["convert", "--from", "frab", "fixtures/seminar.ics"],
    ["ics", "fixtures/truncated.json", *NOW],
]


def every_problem_line_matches(talktime):
    problems, matched = [], 0
    for args in RUNS:
        result = subprocess.run([talktime, *args], capture_output=True, stdin=subprocess.DEVNULL)
        out = result.stdout.decode("utf-8") if args[0] == "check" else ""
        for line in (out + result.stderr.decode("utf-8")).splitlines():
            if SUMMARY_LINE.fullmatch(line) and args[0] == "check":
                continue
            if PROBLEM_LINE.fullmatch(line):
                matched += 1
            else:
                problems.append(f"talktime {' '.join(args)}: {line!r} does not follow the problem-line format")
    if matched < 140:
        problems.append(f"only {matched} problem lines were printed; the runs should give at least 140")
    return problems


def unfolded(ics):
    return re.sub(r"\r\n[ \t]", "", ics)


def no_local_path(out):
    directory = os.path.abspath(BROKEN)
    problems = [] if "\r\nDESCRIPTION:Series: merge-a\r\n" in unfolded(out) else ["no \"Series: merge-a\" description"]
    return problems + ([f"the calendar publishes the local path {directory}"] if directory in unfolded(out) else [])


def cases(read, where, usage_error):
    charter = where(SCHEDULE2, '"weatherdata.example.org/charter"')
    return {
        "problem_lines_all_match_one_format": dict(run=every_problem_line_matches),
        # C3VOC schedule2: events in schedule.events[] (it used to import as "0 talks, no problems").
        "check_schedule2": dict(args=["check", SCHEDULE2], exit=0, stderr="", stdout=(
            f"{SCHEDULE2}:{charter}: warning: [talk.url_without_scheme] /schedule/events/3/links/0/url: "
            'link "weatherdata.example.org/charter" has no scheme; read as "https://weatherdata.example.org/charter"\n'
            f"{SCHEDULE2}: 5 talks, 0 errors, 1 warning\n")),
        "check_days_without_events": dict(args=["check", NO_EVENTS], exit=1, stderr="", stdout=(
            f"{NO_EVENTS}:{where(NO_EVENTS, '[', 'days')}: error: [frab.no_events] /schedule/conference/days: the conference "
            "has 2 days but no events: neither in the days' \"rooms\" nor in \"schedule\": {\"events\": [...]}\n"
            f"{NO_EVENTS}: not loaded, 1 error, 0 warnings\n")),
        "check_all_events_skipped": dict(args=["check", SKIPPED_ICS], exit=1, stderr="", stdout=(
            f"{SKIPPED_ICS}:5:1: error: [feed.no_talks] none of the 2 events became a talk (each is reported); "
            "the schedule would be empty\n"
            f"{SKIPPED_ICS}:8:1: error: [ics.unknown_zone] unknown time zone TZID=\"Mars/Olympus_Mons\" (not an IANA "
            "or Windows zone name, and the calendar has no VTIMEZONE of that TZID); the event is skipped\n"
            f"{SKIPPED_ICS}:14:1: error: [ics.bad_time] DTSTART \"2024-05-02\" is not an iCalendar date (YYYYMMDD) or "
            "date-time (YYYYMMDDTHHMMSS); the event is skipped\n"
            f"{SKIPPED_ICS}: 0 talks, 3 errors, 0 warnings\n")),
        "check_calendar_without_events": dict(args=["check", BROKEN + "no-events.ics"], exit=0, stderr="", stdout=(
            f"{BROKEN}no-events.ics:1:1: warning: [feed.empty] the feed has no talks yet\n"
            f"{BROKEN}no-events.ics: 0 talks, 0 errors, 1 warning\n")),
        "check_duplicate_keys": dict(args=["check", DUPLICATES], exit=0, stderr="", stdout=(
            f"{DUPLICATES}:{where(DUPLICATES, chr(34) + 'title', 'start')}: warning: [feed.duplicate_key] /talks/0/title: "
            "key \"title\" is given again in this object; its last value is used\n"
            f"{DUPLICATES}:{where(DUPLICATES, chr(34) + 'blog.example')}: warning: [talk.url_without_scheme] "
            "/talks/0/links/Blog: link \"blog.example.org/a\" has no scheme; read as \"https://blog.example.org/a\"\n"
            f"{DUPLICATES}: 1 talk, 0 errors, 2 warnings\n")),
        "check_too_many_problems": dict(args=["check", BROKEN + "many-bad-talks.json"], exit=1, stderr="", stdout=lambda out: [] if out.endswith(
            f"{BROKEN}many-bad-talks.json:1:1: error: [feed.too_many_problems] 4 more problems (4 of them errors) were "
            f"found but are not listed\n{BROKEN}many-bad-talks.json: 0 talks, 101 errors, 0 warnings\n") else [repr(out[-300:])]),
        # A merge warning names its file and the talk's place in it, in a talktime feed and in a frab file.
        "ics_merge_warnings_located": dict(args=["ics", MERGE_A, MERGE_B, MERGE_C, *NOW], exit=0,
                                           stdout=lambda out: [] if out.startswith("BEGIN:VCALENDAR\r\n") else ["no calendar"],
                                           stderr=(
            f"{MERGE_B}:{where(MERGE_B, '{' + chr(34) + 'id' + chr(34) + ': ' + chr(34) + 'intro')}: warning: [merge.renamed_id] "
            f"/talks/1: feed \"{MERGE_B}\": talk id \"intro\" is already used by feed \"{MERGE_A}\"; renamed to \"merge-b-intro\"\n"
            f"{MERGE_C}:{where(MERGE_C, '{' + chr(34) + 'id' + chr(34) + ': 1')}: warning: [merge.renamed_id] "
            f"/schedule/conference/days/0/rooms/Hall/0: feed \"{MERGE_C}\": talk id \"intro\" is already used by feed "
            f"\"{MERGE_A}\"; renamed to \"merge-c-frab-intro\"\n")),
        # Feeds without a title, named by absolute paths: the export names the series after the file, not its path.
        "ics_merged_without_titles_publishes_no_path": dict(
            args=["ics", os.path.abspath(MERGE_A), os.path.abspath(MERGE_B), *NOW], exit=0,
            stderr=lambda err: [] if err.count("[merge.renamed_id]") == 1 else [repr(err)], stdout=no_local_path),
    }
