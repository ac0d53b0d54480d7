// Zones as calendars write them (docs/calendars.md, "Zones"): Outlook/Exchange's
// Windows zone names, a custom TZID defined by the file's own VTIMEZONE, a fixed
// "(UTC-03:00) Brasília". ical.js reads each file with its VTIMEZONEs; talktime must
// find the same instants. Every date lies where the VTIMEZONE's rules are the real
// ones, since for Windows names talktime takes the zone's history from CLDR + tzdata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { icalOccurrences, talktimeOccurrences, talktimeCli, readText } from './ical-oracle.mjs';

const fixture = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function agrees(name, count) {
  const file = fixture(name);
  const expected = icalOccurrences(readText(file));
  assert.equal(expected.length, count);
  assert.deepEqual(talktimeOccurrences(file), expected);
  return expected;
}

// `talktime check`'s problem lines for a file (it exits 0 with warnings only).
function problems(file) {
  return execFileSync(talktimeCli, ['check', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('Outlook export with Windows zone names (quoted and not) and their VTIMEZONEs', () => {
  const found = agrees('outlook-windows-zones.ics', 9);
  // Both sides of each zone's daylight-saving change are in the file.
  assert.deepEqual(found.map((o) => o.start), [
    '2025-02-12T07:00:00Z', '2025-03-05T16:00:00Z', '2025-04-10T16:30:00Z', '2025-05-06T15:00:00Z',
    '2025-06-11T15:00:00Z', '2025-07-09T08:00:00Z', '2025-08-14T10:30:00Z', '2025-10-28T16:00:00Z',
    '2025-11-20T17:30:00Z']);
  assert.match(problems(fixture('outlook-windows-zones.ics')), /9 talks, no problems/);
});

test('Outlook "Customized Time Zone": the file\'s VTIMEZONE, southern-hemisphere daylight time', () => {
  agrees('outlook-custom-zone.ics', 3);
  assert.match(problems(fixture('outlook-custom-zone.ics')),
               /outlook-custom-zone\.ics:34:1: warning: \[ics\.calendar_zone\] TZID="Customized Time Zone"/);
});

test('"(UTC-03:00) Brasília": a fixed-offset VTIMEZONE', () => {
  agrees('outlook-brasilia.ics', 2);
});

test('a custom TZID whose VTIMEZONE has history: UNTIL-bounded rules and RDATEs', () => {
  const found = agrees('custom-tzid-history.ics', 6);
  // 1975-03-10 is daylight time only through the RDATE; 2005-03-20 is standard time
  // under the 1987-2006 rule, which 2007's rule would make daylight time.
  assert.equal(found[0].start, '1975-03-10T20:30:00Z');
  assert.equal(found[1].start, '2005-03-20T21:30:00Z');
});

test('a legacy zone name as the feed\'s zone: a warning naming the zone probably meant', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tt-zones-')), 'legacy.json');
  writeFileSync(file, '{"talktime": 1,\n "timezone": "EST",\n "talks": [{"title": "A", "start": "2025-06-01T10:00"}]}\n');
  assert.equal(problems(file),
               `${file}:2:14: warning: [feed.legacy_zone] /timezone: EST is fixed UTC\u22125 all year and never observes ` +
               `daylight saving time; did you mean America/New_York?\n${file}: 1 talk, 0 errors, 1 warning\n`);
});
