"""The cases of `talktime ics` as a subscription (docs/calendars.md, "Subscribing"),
for cli_test.py: exact output, from tests/cli/expected/subscribe-v*.ics, written by
hand. The feed's talks are at 16:15 in Berlin in March 2025, before the change to
summer time on the 30th, so 15:15Z; subscribe-v2.json moves the last talk an hour
later (16:15Z). PRODID's release is package.json's."""
import json
import re

V1, V2 = "fixtures/subscribe-v1.json", "fixtures/subscribe-v2.json"
UID_TAIL = ".bb42ba70079de99d@nt.example.org"  # FNV-1a-64 of the feed url, as cli_test.fnv1a_64 computes it


def cases(read, usage_error, fnv1a_64):
    version = json.loads(read("../package.json"))["version"]

    def expected(name):  # CRLF kept (read() would turn it into LF)
        with open(f"cli/expected/{name}", encoding="utf-8", newline="") as f:
            return f.read().replace("@VERSION@", version)

    def without_event(text, talk_id):
        return re.sub(r"BEGIN:VEVENT\r\nUID:" + re.escape(talk_id + UID_TAIL) + r"\r\n.*?END:VEVENT\r\n", "", text,
                      flags=re.S)

    def refresh(interval):
        lines = f"REFRESH-INTERVAL;VALUE=DURATION:{interval}\r\nX-PUBLISHED-TTL:{interval}\r\n" if interval else ""
        return expected("subscribe-v1.ics").replace(
            "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\nX-PUBLISHED-TTL:PT12H\r\n", lines)

    assert UID_TAIL == "." + fnv1a_64("https://nt.example.org/seminar/") + "@nt.example.org"
    v1_now, v2_now = ["--now", "2025-03-01T00:00:00Z"], ["--now", "2025-03-10T00:00:00Z"]
    later = ["--now", "2025-03-12T00:00:00Z"]
    v2_later = expected("subscribe-v2.ics").replace("DTSTAMP:20250310T000000Z", "DTSTAMP:20250312T000000Z")
    dropped = (f"cli/expected/subscribe-v1.ics:37:1: warning: [ics.event_dropped] event UID \"2025-03-18-lattices{UID_TAIL}\" "
               "of the previous calendar is not in this one: subscribers' calendars will delete it without a word "
               "(a talk with \"status\": \"cancelled\" tells them)\n")
    return {
        # First publication: NAME, refresh every 12 hours, SEQUENCE 0 and LAST-MODIFIED now, the cancelled
        # talk kept as CANCELLED.
        "ics_subscription": dict(args=["ics", V1] + v1_now, exit=0, stderr="", stdout=expected("subscribe-v1.ics")),
        # The last talk moved: its SEQUENCE goes 0 -> 1 and LAST-MODIFIED becomes this run's time; the
        # others keep SEQUENCE 0 and the first run's LAST-MODIFIED although DTSTAMP changed.
        "ics_sequence_changed": dict(args=["ics", V2, "--previous", "cli/expected/subscribe-v1.ics"] + v2_now, exit=0,
                                     stderr="", stdout=expected("subscribe-v2.ics")),
        # Published again unchanged: SEQUENCE stays 1 (it would be 2 if every run counted as a change), and
        # LAST-MODIFIED stays the time of the change.
        "ics_sequence_kept": dict(args=["ics", V2, "--previous", "cli/expected/subscribe-v2.ics"] + later, exit=0,
                                  stderr="", stdout=v2_later),
        # The calendar read from standard input with LF endings: the same lines, so no change either.
        "ics_sequence_previous_lf": dict(args=["ics", V2, "--previous", "-"] + later, exit=0, stderr="",
                                         stdin_bytes=expected("subscribe-v2.ics").replace("\r\n", "\n").encode(),
                                         stdout=v2_later),
        # A series filter keeps the series' cancelled talk; the previous calendar's other talk is reported.
        "ics_series_keeps_cancelled": dict(args=["ics", V1, "--series", "analytic", "--previous",
                                                 "cli/expected/subscribe-v1.ics"] + v1_now, exit=0, stderr=dropped,
                                           stdout=without_event(expected("subscribe-v1.ics"), "2025-03-18-lattices")),
        "ics_previous_not_calendar": dict(args=["ics", V1, "--previous", V2] + v1_now, exit=1,
                                          stdout=expected("subscribe-v1.ics"),
                                          stderr=f"{V2}:1:1: error: [ics.previous_not_calendar] the previous calendar does "
                                                 "not begin with BEGIN:VCALENDAR, so every SEQUENCE is 0\n"),
        "ics_previous_missing": dict(args=["ics", V1, "--previous", "fixtures/no-such.ics"], exit=2, stdout="",
                                     stderr='talktime: cannot read "fixtures/no-such.ics": No such file or directory\n'),
        "ics_refresh_minutes": dict(args=["ics", V1, "--refresh-interval", "90m"] + v1_now, exit=0, stderr="",
                                    stdout=refresh("PT90M")),
        "ics_refresh_days": dict(args=["ics", V1, "--refresh-interval=2d"] + v1_now, exit=0, stderr="",
                                 stdout=refresh("P2D")),
        "ics_refresh_hours_as_days": dict(args=["ics", V1, "--refresh-interval", "24h"] + v1_now, exit=0, stderr="",
                                          stdout=refresh("P1D")),
        "ics_refresh_none": dict(args=["ics", V1, "--refresh-interval", "none"] + v1_now, exit=0, stderr="",
                                 stdout=refresh("")),
        "ics_refresh_bad": dict(args=["ics", V1, "--refresh-interval", "12"], exit=2, stdout="",
                                stderr=usage_error('--refresh-interval: "12" is not a number of minutes, hours or days '
                                                   "such as 90m, 12h, 1d (or none)")),
        "ics_refresh_zero": dict(args=["ics", V1, "--refresh-interval", "0h"], exit=2, stdout="",
                                 stderr=usage_error("--refresh-interval must be longer than 0 (none leaves it out)")),
        "previous_and_feed_stdin": dict(args=["ics", "-", "--previous", "-"], exit=2, stdout="",
                                        stderr=usage_error("--previous - and a FEED - cannot both read standard input")),
        "previous_for_render": dict(args=["render", V1, "--timezone", "UTC", "--previous", "x.ics"], exit=2, stdout="",
                                    stderr=usage_error("--previous and --refresh-interval are for ics")),
    }
