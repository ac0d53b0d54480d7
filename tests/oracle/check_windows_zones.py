#!/usr/bin/env python3
"""Checks talktime's Windows zone names against CLDR's windowsZones.xml, read here
with Python's own XML parser: every name of territory "001" must map to the zone
CLDR gives, after resolving tz links with the tz database's tzdata.zi ("Asia/Calcutta"
is "Asia/Kolkata"); in any ASCII case; and names that are not Windows names map to nothing.

usage: check_windows_zones.py PATH/TO/zone_probe [CLDR_COMMON_DIR] [TZDATA_ZI]
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

probe = sys.argv[1]
cldr = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/unicode/cldr/common"
tzdata_zi = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/zoneinfo/tzdata.zi"

links = {}
with open(tzdata_zi, encoding="utf-8") as f:
    for line in f:
        if line.startswith("L "):
            _, target, name = line.split()
            links[name] = target

expected = {}
for zone in ET.parse(f"{cldr}/supplemental/windowsZones.xml").getroot().iter("mapZone"):
    if zone.get("territory") == "001":
        iana = zone.get("type").split()[0]
        expected[zone.get("other")] = links.get(iana, iana)

cases = list(expected.items())
cases += [(name.upper(), zone) for name, zone in expected.items()]
cases += [(name.lower(), zone) for name, zone in expected.items()]
cases += [("Eastern Standard Time (nowhere)", "unknown"), ("America/New_York", "unknown"),
          ("Customized Time Zone", "unknown"), ("", "unknown")]
answers = subprocess.run([probe], input="".join(f"windows {name}\n" for name, _ in cases),
                         capture_output=True, text=True, check=True).stdout.splitlines()
failures = [f"{name!r}: expected {zone}, talktime says {got}" for (name, zone), got in zip(cases, answers) if zone != got]
if len(answers) != len(cases):
    failures.append(f"{len(cases)} questions, {len(answers)} answers")
if len(expected) < 130:
    failures.append(f"only {len(expected)} Windows names in {cldr}: not CLDR's table?")
for line in failures[:20]:
    print(line)
print(f"{len(cases) - len(failures)} passed, {len(failures)} failed ({len(expected)} Windows zone names)")
sys.exit(1 if failures else 0)
