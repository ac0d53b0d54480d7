#!/usr/bin/env python3
"""Cross-checks talktime's compiled zone table against Python's zoneinfo.

zoneinfo reads the system's compiled TZif files (/usr/share/zoneinfo), which
are produced by zic independently of talktime's generator (date/tz reading
tzdata.zi), so agreement is real evidence that the table is right.

usage: check_zones.py PATH/TO/zone_probe [--verbose]

The probe (tests/oracle/zone_probe.cpp) answers, one line per request:
    offset ZONE EPOCH                 -> UTCOFFSETSECONDS ISDST ABBREV
    resolve ZONE YYYY-MM-DDTHH:MM:SS  -> EPOCH KIND   (unique|gap|ambiguous)

Cases (deterministic, fixed seed):
  * for every zone in zoneinfo.available_timezones() that the probe knows,
    random instants and random local times in the years 1900-2100, fewer
    in 2100-2500 and a few from 2500 to 9999 (RANDOM_SPANS);
  * for a few dozen zones, every transition between 1900 and 2300 and those
    of a few sample years up to 9998 (the TZif file's explicit transitions
    plus those its POSIX footer rule produces, found by scanning zoneinfo
    week by week and bisecting), checked at T-1 s, T and T+1 s, and local
    times at both edges and in the middle of each gap or overlap.

Beyond its last explicit transition (2037 or so) a TZif file says what
happens through its POSIX footer rule, which zoneinfo applies; the zone table
switches to its own copy of that rule at the latest in 2200. The years after
2200 are therefore where a broken rule reader shows, and must be covered.

The run fails when it compares fewer than MIN_ZONES zones or fewer cases
than the minimums below: a probe that knows no zones must not pass.

Expected values:
  offset:  utcoffset(), dst() != 0, tzname()  of the instant in the zone
  resolve: the fold=0 reading (PEP 495), which is talktime's rule: in a gap the
           offset before the change, in an overlap the first occurrence.
           KIND is "unique" when fold=0 and fold=1 give the same offset, "gap"
           when fold=0's offset is smaller (clocks went forward), "ambiguous"
           when it is larger (clocks went back).

Exits 1 on any mismatch, printing the first 20 and "N passed, M failed".
"""
import os
import random
import struct
import subprocess
import sys
import zoneinfo
from datetime import datetime, timedelta, timezone

SEED = 20240328
# Every transition of the transition zones is checked up to TRANSITIONS_END, and
# those of the sample years after it (a full scan to 2500 would double the run time).
SAMPLE_YEARS = [2345, 2400, 2499, 2600, 3001, 4321, 6000, 7777, 9998]

# Below these the run fails (tz 2025b gives 598 zones, 206,590 cases and
# 19,113 transitions in 49 zones; the minimums leave room for releases to differ).
MIN_ZONES = 400
MIN_CASES = 150000
MIN_TRANSITIONS = 15000
MIN_TRANSITION_ZONES = 45

UTC = timezone.utc
EPOCH_NAIVE = datetime(1970, 1, 1)
FIRST = int(datetime(1900, 1, 1, tzinfo=UTC).timestamp())
LAST = int(datetime(2500, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())
TRANSITIONS_END = int(datetime(2300, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())
# The far sample stays a day inside year 9999, where every offset still gives a datetime.
FAR_LAST = int(datetime(9999, 12, 30, 0, 0, 0, tzinfo=UTC).timestamp())
YEAR_2100 = int(datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())
# (from, to, instants per zone, local times per zone)
RANDOM_SPANS = [(FIRST, YEAR_2100, 24, 16), (YEAR_2100, LAST, 8, 4), (LAST, FAR_LAST, 4, 2)]
ZERO = timedelta(0)

# Zones whose every transition from 1900 to 2300 is checked: the zones the
# product spec names, plus zones with unusual rules (30-minute DST, negative
# DST, DST in the southern hemisphere, skipped days, double summer time,
# Ramadan suspensions, sub-hour offsets, recent rule changes).
TRANSITION_ZONES = [
    "America/New_York", "America/Los_Angeles", "America/Chicago", "America/Denver",
    "America/Phoenix", "America/St_Johns", "America/Sao_Paulo", "America/Santiago",
    "America/Havana", "America/Godthab", "America/Nuuk", "America/Mexico_City",
    "Europe/Berlin", "Europe/London", "Europe/Dublin", "Europe/Moscow", "Europe/Lisbon",
    "Europe/Istanbul", "Europe/Kiev", "Europe/Amsterdam",
    "Asia/Kolkata", "Asia/Calcutta", "Asia/Kathmandu", "Asia/Tehran", "Asia/Jerusalem",
    "Asia/Gaza", "Asia/Shanghai", "Asia/Tokyo", "Asia/Pyongyang", "Asia/Dhaka",
    "Australia/Lord_Howe", "Australia/Sydney", "Australia/Adelaide", "Australia/Perth",
    "Pacific/Apia", "Pacific/Kiritimati", "Pacific/Chatham", "Pacific/Auckland",
    "Pacific/Niue", "Pacific/Pago_Pago", "Pacific/Fiji", "Pacific/Norfolk",
    "Africa/Casablanca", "Africa/Cairo", "Antarctica/Troll", "Antarctica/Macquarie",
    "America/Caracas", "Asia/Colombo", "UTC",
]

# Possible systematic differences between zoneinfo's dst() and the tz database's
# "is daylight saving" flag (which talktime reports, from date/tz's save != 0):
# zoneinfo derives dst() from the TZif isdst flag and neighbouring standard
# offsets, and zones with negative DST (Europe/Dublin: IST is standard time,
# winter GMT has save -1:00) could disagree. With tz 2025b as installed here
# (TZif files built from the main/"vanguard" data, winter GMT in Dublin has
# isdst=1) no zone differs: the full flag is compared everywhere. Should a
# future release differ, list the zone here; only offset and abbreviation are
# then compared for it (run with --verbose to see such zones).
DST_EXEMPT = set()


def tzif_transitions(name):
    """The 64-bit transition times of /usr/share/zoneinfo/NAME (TZif v2+)."""
    for base in zoneinfo.TZPATH:
        path = os.path.join(base, name)
        if os.path.isfile(path):
            break
    else:
        return []
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"TZif":
        return []

    def counts(offset):
        return struct.unpack(">6l", data[offset + 20:offset + 44])

    isut, isstd, leap, timecnt, typecnt, charcnt = counts(0)
    if data[4] == 0:  # version 1: 32-bit times only
        return list(struct.unpack(">%dl" % timecnt, data[44:44 + 4 * timecnt]))
    v1_size = timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    second = 44 + v1_size
    isut, isstd, leap, timecnt, typecnt, charcnt = counts(second)
    start = second + 44
    return list(struct.unpack(">%dq" % timecnt, data[start:start + 8 * timecnt]))


def state(zone, epoch):
    d = datetime.fromtimestamp(epoch, UTC).astimezone(zone)
    return int(d.utcoffset().total_seconds()), d.dst() != ZERO, d.tzname()


def year_start(year):
    return int(datetime(year, 1, 1, tzinfo=UTC).timestamp())


def footer_transitions(zone, after, last=TRANSITIONS_END):
    """Changes after `after` up to `last`, found by a weekly scan and bisection."""
    found = []
    step = 7 * 86400
    t = max(after, FIRST)
    previous = state(zone, t)
    while t < last:
        nxt = min(t + step, last)
        s = state(zone, nxt)
        if s != previous:
            lo, hi = t, nxt  # state(lo) == previous, state(hi) != previous
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if state(zone, mid) == previous:
                    lo = mid
                else:
                    hi = mid
            found.append(hi)
            t, previous = hi, state(zone, hi)
            continue
        t = nxt
    return found


def iso_local(seconds_since_epoch_local):
    d = EPOCH_NAIVE + timedelta(seconds=seconds_since_epoch_local)
    return d.strftime("%Y-%m-%dT%H:%M:%S")


def expected_offset(zone, epoch):
    off, dst, abbrev = state(zone, epoch)
    return off, dst, abbrev


def expected_resolve(zone, local_seconds):
    naive = EPOCH_NAIVE + timedelta(seconds=local_seconds)
    first = naive.replace(tzinfo=zone, fold=0).utcoffset()
    second = naive.replace(tzinfo=zone, fold=1).utcoffset()
    if first == second:
        kind = "unique"
    elif first < second:
        kind = "gap"
    else:
        kind = "ambiguous"
    return local_seconds - int(first.total_seconds()), kind


def run_probe(probe, lines):
    result = subprocess.run([probe], input="".join(line + "\n" for line in lines),
                            capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    probe = sys.argv[1]
    verbose = "--verbose" in sys.argv[2:]

    names_out = run_probe(probe, ["names"])
    probe_names = set(names_out[:names_out.index("END")])
    available = zoneinfo.available_timezones()
    zones = sorted(available & probe_names)
    missing = sorted(available - probe_names)
    if missing:
        print("note: zoneinfo zones the probe does not know (not compared): " + ", ".join(missing))

    rng = random.Random(SEED)
    cases = []  # (request line, zone name, expected tuple)
    cache = {}

    def zi(name):
        if name not in cache:
            cache[name] = zoneinfo.ZoneInfo(name)
        return cache[name]

    def add_offset(name, epoch):
        cases.append(("offset %s %d" % (name, epoch), name, ("offset",) + expected_offset(zi(name), epoch)))

    def add_resolve(name, local_seconds):
        cases.append(("resolve %s %s" % (name, iso_local(local_seconds)), name,
                      ("resolve",) + expected_resolve(zi(name), local_seconds)))

    for name in zones:
        for first, last, instants, locals_ in RANDOM_SPANS:
            for _ in range(instants):
                add_offset(name, rng.randint(first, last))
            for _ in range(locals_):
                add_resolve(name, rng.randint(first + 86400, last - 86400))
    random_count = len(cases)

    transition_count = 0
    transition_zones = 0
    for name in TRANSITION_ZONES:
        if name not in probe_names or name not in available:
            print("note: transition zone %s is unknown to the probe or zoneinfo" % name)
            continue
        transition_zones += 1
        zone = zi(name)
        explicit = [t for t in tzif_transitions(name) if FIRST <= t <= TRANSITIONS_END]
        last_explicit = max(tzif_transitions(name) or [FIRST])
        instants = set(explicit) | set(footer_transitions(zone, max(last_explicit, FIRST)))
        for year in SAMPLE_YEARS:
            instants |= set(footer_transitions(zone, year_start(year), year_start(year + 1)))
        for t in sorted(instants):
            transition_count += 1
            for e in (t - 1, t, t + 1):
                add_offset(name, e)
            before = state(zone, t - 1)[0]
            after = state(zone, t)[0]
            lo, hi = sorted((t + before, t + after))
            for local in sorted({lo - 1, lo, (lo + hi) // 2, hi - 1, hi, hi + 1}):
                add_resolve(name, local)

    answers = run_probe(probe, [c[0] for c in cases])
    if len(answers) != len(cases):
        print("probe answered %d lines for %d requests" % (len(answers), len(cases)))
        return 1

    failures = []
    dst_only = {}
    for (request, name, want), got in zip(cases, answers):
        parts = got.split(" ")
        if want[0] == "offset":
            _, off, dst, abbrev = want
            ok_shape = len(parts) == 3 and parts[1] in ("0", "1")
            got_tuple = (int(parts[0]), parts[1] == "1", parts[2]) if ok_shape else None
            if got_tuple == (off, dst, abbrev):
                continue
            if got_tuple and got_tuple[0] == off and got_tuple[2] == abbrev:
                dst_only.setdefault(name, []).append(request)
                if name in DST_EXEMPT:
                    continue
            failures.append("%s: got %r, zoneinfo says %d %d %s" % (request, got, off, int(dst), abbrev))
        else:
            _, epoch, kind = want
            if got == "%d %s" % (epoch, kind):
                continue
            failures.append("%s: got %r, zoneinfo says %d %s" % (request, got, epoch, kind))

    if verbose and dst_only:
        for name, requests in sorted(dst_only.items()):
            print("dst flag differs only: %s (%d cases, e.g. %s)" % (name, len(requests), requests[0]))
    for line in failures[:20]:
        print("MISMATCH " + line)
    if len(failures) > 20:
        print("... and %d more mismatches" % (len(failures) - 20))
    print("%d zones, %d random cases, %d transitions in %d zones" %
          (len(zones), random_count, transition_count, transition_zones))
    print("%d passed, %d failed" % (len(cases) - len(failures), len(failures)))
    too_few = [what for what, count, minimum in (
        ("zones", len(zones), MIN_ZONES), ("cases", len(cases), MIN_CASES),
        ("transitions", transition_count, MIN_TRANSITIONS),
        ("transition zones", transition_zones, MIN_TRANSITION_ZONES)) if count < minimum]
    for what in too_few:
        print("TOO FEW %s compared: the oracle proves little (see MIN_* in %s)" % (what, os.path.basename(__file__)))
    return 1 if failures or too_few else 0


if __name__ == "__main__":
    sys.exit(main())
