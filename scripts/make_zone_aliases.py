#!/usr/bin/env python3
"""Writes the C++ tables of zone names that are not IANA names (docs/time-zones.md):

* Windows zone names ("Eastern Standard Time", as Outlook and Exchange write them)
  -> IANA zone, from CLDR's windowsZones.xml, territory "001" (CLDR's default).
* Legacy names of the tz database (EST, CET, PST8PDT, ...: its Zones whose names
  are not Area/Location) -> the Area/Location zone probably meant:
    1. the CLDR metazone the name uses (metaZones.xml: EST5EDT -> America_Eastern),
    2. else the metazone whose English abbreviation (CLDR en.xml, then en_GB.xml)
       for standard time is the name (EST -> America_Eastern, CET -> Europe_Central),
       each metazone giving its default zone (territory 001: America/New_York);
    3. else, of the zones of zone.tab whose UTC offset equals the legacy zone's at
       every sampled instant (twice a day) from 1970 to 2037, the first that also
       writes the same abbreviations in 2025, else the first (HST -> Pacific/Honolulu).

usage: make_zone_aliases.py CLDR_COMMON_DIR TZDATA_ZI ZONEINFO_DIR OUT_CPP
"""
import datetime
import os
import sys
import xml.etree.ElementTree as ET
import zoneinfo


def windows_zones(cldr):
    root = ET.parse(os.path.join(cldr, "supplemental", "windowsZones.xml")).getroot()
    table = {}
    for zone in root.iter("mapZone"):
        if zone.get("territory") == "001":
            table[zone.get("other")] = zone.get("type").split()[0]
    versions = root.find(".//mapTimezones")
    return table, f"windowsZones {versions.get('otherVersion')}, tz {versions.get('typeVersion')}"


def metazones(cldr):
    root = ET.parse(os.path.join(cldr, "supplemental", "metaZones.xml")).getroot()
    golden = {z.get("other"): z.get("type") for z in root.iter("mapZone") if z.get("territory") == "001"}
    used = {}
    for zone in root.iter("timezone"):
        current = [u.get("mzone") for u in zone.iter("usesMetazone") if u.get("to") is None]
        if current:
            used[zone.get("type")] = current[0]
    return golden, used


def english_abbreviations(cldr):
    """Standard-time abbreviation -> metazone; en.xml first, en_GB.xml for the rest."""
    out = {}
    for locale in ("en", "en_GB"):
        root = ET.parse(os.path.join(cldr, "main", locale + ".xml")).getroot()
        for mz in root.iter("metazone"):
            standard = mz.find("short/standard")
            if standard is not None and standard.text and standard.text.isalpha():
                out.setdefault(standard.text, mz.get("type"))
    return out


def legacy_names(tzdata_zi):
    with open(tzdata_zi, encoding="utf-8") as f:
        names = [line.split()[1] for line in f if line.startswith("Z ")]
    return sorted(n for n in names if "/" not in n and n != "Factory")


def same_offsets(a, b, instants):
    return all(a.utcoffset(t) == b.utcoffset(t) for t in instants)


def matching_zone(name, zoneinfo_dir):
    zone_tab = os.path.join(zoneinfo_dir, "zone.tab")
    with open(zone_tab, encoding="utf-8") as f:
        candidates = [line.split("\t")[2].strip() for line in f if line[0] != "#"]
    start = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    instants = [start + datetime.timedelta(hours=12 * k) for k in range(2 * 365 * 68)]
    legacy = zoneinfo.ZoneInfo(name)
    matches = [c for c in candidates if same_offsets(legacy, zoneinfo.ZoneInfo(c), instants)]
    year = [datetime.datetime(2025, month, 1, tzinfo=datetime.timezone.utc) for month in (1, 7)]
    letters = lambda zone: [t.astimezone(zone).tzname() for t in year]
    same_letters = [c for c in matches if letters(zoneinfo.ZoneInfo(c)) == letters(legacy)]
    return (same_letters or matches or [None])[0]


def probable_zones(cldr, tzdata_zi, zoneinfo_dir):
    golden, used = metazones(cldr)
    abbreviations = english_abbreviations(cldr)
    zoneinfo.reset_tzpath([zoneinfo_dir])
    table = {}
    for name in legacy_names(tzdata_zi):
        metazone = used.get(name) or abbreviations.get(name)
        zone = golden.get(metazone) if metazone else None
        table[name] = zone or matching_zone(name, zoneinfo_dir)
        if not table[name]:
            sys.exit(f"make_zone_aliases: no zone found for the legacy name {name}")
    return table


def cpp_string(text):
    if any(c in text for c in '"\\') or not text.isascii() or not text.isprintable():
        sys.exit(f"make_zone_aliases: unexpected characters in {text!r}")
    return f'"{text}"'


def cpp_table(name, pairs):
    rows = "".join(f"    {{{cpp_string(k)}, {cpp_string(v)}}},\n" for k, v in pairs)
    return (f"const zone_alias {name}[] = {{\n{rows}}};\n"
            f"const std::size_t {name}_count = {len(pairs)};\n")


def main():
    cldr, tzdata_zi, zoneinfo_dir, out = sys.argv[1:5]
    windows, version = windows_zones(cldr)
    legacy = probable_zones(cldr, tzdata_zi, zoneinfo_dir)
    # Sorted as the lookup searches: Windows names case-insensitively, legacy names exactly.
    windows_rows = sorted(windows.items(), key=lambda kv: kv[0].lower())
    text = ("// Generated by scripts/make_zone_aliases.py from CLDR and the tz database; do not edit.\n"
            '#include "time/zone_aliases.hpp"\n\nnamespace talktime::detail {\n\n'
            + cpp_table("windows_zone_aliases", windows_rows) + "\n"
            + cpp_table("legacy_zone_aliases", sorted(legacy.items())) + "\n"
            + f"const char windows_zone_aliases_version[] = {cpp_string(version)};\n\n"
            "}  // namespace talktime::detail\n")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
