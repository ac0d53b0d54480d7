// talktime's iCalendar import against ical.js (tests/calendar/ical-oracle.mjs), one
// fixture at a time: every occurrence ical.js finds, talktime exports, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { icalOccurrences, talktimeOccurrences, readText } from './ical-oracle.mjs';

const fixture = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

test('seminar.ics: a zone in a VTIMEZONE, one named without one, UTC, floating and all-day', () => {
  const file = fixture('seminar.ics');
  const expected = icalOccurrences(readText(file));
  assert.equal(expected.length, 7);
  assert.deepEqual(talktimeOccurrences(file), expected);
});
