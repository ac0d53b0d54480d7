#!/usr/bin/env python3
"""Expands zic's compact tzdata.zi into the long zic syntax that date/tz reads.

date/tz's text reader (tz.cpp with USE_OS_TZDB=0) accepts only the long forms:
`Rule`/`Zone`/`Link`, `only`/`max`, three-letter month and weekday names and
tab-led zone continuation lines. tzdata.zi abbreviates all of them, so it is
expanded here into one file named `northamerica` (one of the file names tz.cpp
looks for) plus the `version` file.

usage: expand_tzdata.py TZDATA_ZI OUT_DIR
"""
import re
import sys
from pathlib import Path

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]
FULL_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                 "Saturday", "Sunday"]


def expand_prefix(word, full_names, short_names, what):
    matches = [short for full, short in zip(full_names, short_names)
               if full.lower().startswith(word.lower())]
    if len(matches) != 1:
        raise ValueError(f"ambiguous or unknown {what} abbreviation {word!r}")
    return matches[0]


def month(word):
    return expand_prefix(word, FULL_MONTHS, MONTHS, "month")


def day_spec(word):
    """Rule ON field: 5, lastSu, Su>=8, F<=1."""
    if word.isdigit():
        return word
    if word.startswith("last"):
        return "last" + expand_prefix(word[4:], FULL_WEEKDAYS, WEEKDAYS, "weekday")
    m = re.fullmatch(r"([A-Za-z]+)([<>]=)(\d+)", word)
    if not m:
        raise ValueError(f"unknown day specification {word!r}")
    return expand_prefix(m[1], FULL_WEEKDAYS, WEEKDAYS, "weekday") + m[2] + m[3]


def year_word(word):
    return {"o": "only", "ma": "max", "mi": "min"}.get(word, word)


def until_fields(fields):
    """Zone UNTIL: YEAR [MONTH [DAY [TIME]]]."""
    out = list(fields)
    if len(out) > 1:
        out[1] = month(out[1])
    if len(out) > 2:
        out[2] = day_spec(out[2])
    return out


def expand_line(line):
    fields = line.split()
    if not fields or fields[0].startswith("#"):
        return None
    head = fields[0]
    if head == "R":
        # Rule NAME FROM TO - IN ON AT SAVE LETTER
        _, name, year_from, year_to, kind, inn, on, at, save, letter = fields
        return "\t".join(["Rule", name, year_word(year_from), year_word(year_to), kind,
                          month(inn), day_spec(on), at, save, letter])
    if head == "Z":
        # Zone NAME STDOFF RULES FORMAT [UNTIL]
        return "\t".join(["Zone", fields[1]] + fields[2:5] + until_fields(fields[5:]))
    if head == "L":
        return "\t".join(["Link", fields[1], fields[2]])
    # Continuation line of the zone above: STDOFF RULES FORMAT [UNTIL].
    return "\t\t\t" + "\t".join(fields[:3] + until_fields(fields[3:]))


def main():
    source, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    text = source.read_text(encoding="utf-8")
    version = re.search(r"^# version (\S+)", text, re.M)
    if not version:
        sys.exit(f"{source}: no '# version' line")
    lines = [expanded for expanded in map(expand_line, text.splitlines()) if expanded]
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "northamerica").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out_dir / "version").write_text(version[1] + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
