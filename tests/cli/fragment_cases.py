"""The cases of `talktime render --fragment` (the widget's fallback content), for
cli_test.py: exact output, from tests/cli/expected/. Times were checked by hand
against zoneinfo, as the comments say."""

ESCAPES = "fixtures/fragment-escapes.json"  # HTML in every text field; a javascript: link the reader drops


def cases(read, where, usage_error):
    warning = (f"{ESCAPES}:{where(ESCAPES, chr(34) + 'javascript:')}: warning: [talk.bad_url] /talks/0/links/video: "
               'link "javascript:alert(1)" dropped: only http:, https: and mailto: links are allowed\n')
    return {
        # The feed's own zone by default: the colloquium's 16:00 in New York, EDT then EST.
        "fragment_feed_zone": dict(args=["render", "--fragment", "fixtures/seminar.ics"], exit=0, stderr="",
                                   stdout=read("cli/expected/fragment-seminar.html")),
        # Feed text escaped; 23:30 to 01:15 in Chicago ends the next day; a date-only talk
        # of several days says until when; in programme order, not feed order.
        "fragment_escapes": dict(args=["render", "--fragment", ESCAPES], exit=0, stderr=warning,
                                 stdout=read("cli/expected/fragment-escapes.html")),
        # 10:00 in Chicago (16:00Z) is 1:00 AM the next day in Tokyo; 23:30 is 2:30 PM.
        "fragment_timezone_hour12": dict(args=["render", "--fragment", ESCAPES, "--timezone", "Asia/Tokyo", "--hour12"],
                                         exit=0, stderr=warning, stdout=read("cli/expected/fragment-escapes-tokyo.html")),
        # The day daylight saving time ends in Berlin: 12:30Z is 13:30 CET; 09:00Z is past at 10:00Z.
        "fragment_series_upcoming": dict(args=["render", "--fragment", "fixtures/frab-schedule.json", "--series", "society",
                                               "--show", "upcoming", "--now", "2024-10-27T10:00:00Z"], exit=0, stderr="",
                                         stdout=read("cli/expected/fragment-frab-upcoming.html")),
        "fragment_no_zone": dict(args=["render", "--fragment", "-"], stdin_bytes=b'{"talktime":1,"talks":[]}', exit=2,
                                 stdout="", stderr="<stdin>:1:23: warning: [feed.empty] /talks: the feed has no talks yet\n" +
                                 usage_error("the feed names no time zone: render --fragment needs --timezone ZONE")),
        "fragment_for_ics": dict(args=["ics", "--fragment", "fixtures/seminar.ics"], exit=2, stdout="",
                                 stderr=usage_error("--fragment is for render")),
        "fragment_with_value": dict(args=["render", "--fragment=yes", "fixtures/seminar.ics"], exit=2, stdout="",
                                    stderr=usage_error("--fragment takes no value")),
    }
