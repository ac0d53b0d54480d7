// Recurring calendars: talktime's expansion of RRULE, RDATE, EXDATE and
// RECURRENCE-ID overrides against ical.js (tests/calendar/ical-oracle.mjs), with the
// same window given to both. The fixtures are written for these tests in the
// shapes real exporters produce (Google Calendar's weekly seminar with moved,
// cancelled and removed occurrences; monthly BYSETPOS rules; DST changes; RDATEs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { icalOccurrences, talktimeOccurrences, talktimeCli, readText, sortOccurrences } from './ical-oracle.mjs';

const fixture = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

// Both sides, one window: ical.js lists starts in [from, to); talktime gets --from/--to.
function compare(name, from, to, { limit = 5000, add = [] } = {}) {
  const file = fixture(name);
  const expected = sortOccurrences([...icalOccurrences(readText(file), { from: new Date(from), to: new Date(to), limit }), ...add]);
  const actual = talktimeOccurrences(file, ['--from', from, '--to', to]);
  assert.deepEqual(actual, expected);
  return expected;
}

test('Google Calendar weekly seminar: UNTIL, EXDATEs, a moved, a renamed and a cancelled occurrence, across DST', () => {
  const list = compare('google-weekly-seminar.ics', '2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z');
  // UNTIL=20260528T195959Z ends the series before 28 May's 20:00Z start: 8 Jan to 21 May
  // is 20 Thursdays; three EXDATEs leave 17, plus the one-off Theory Day.
  assert.equal(list.length, 18);
  const seminar = list.filter((o) => o.summary.startsWith('Theory Seminar'));
  assert.equal(seminar.length, 17);
  // 16:00 in New York stays 16:00 across 8 March: 21:00Z in winter, 20:00Z in summer.
  assert.equal(seminar[0].start, '2026-01-08T21:00:00Z');
  assert.equal(seminar.at(-1).start, '2026-05-21T20:00:00Z');
  // The occurrence moved from Thursday 5 February to Friday 11:00 is there once, at its new time.
  assert.ok(list.some((o) => o.start === '2026-02-06T16:00:00Z' && o.summary.endsWith('(moved)')));
  assert.ok(!list.some((o) => o.start === '2026-02-05T21:00:00Z'));
  // The cancelled override is one talk, cancelled, on both sides.
  const april = list.filter((o) => o.start === '2026-04-02T20:00:00Z');
  assert.deepEqual(april.map((o) => o.status), ['CANCELLED']);
  assert.ok(!list.some((o) => ['2026-02-19T21:00:00Z', '2026-03-12T20:00:00Z', '2026-03-19T20:00:00Z'].includes(o.start)));
});

test('Google seminar in a window that starts mid-series: only its occurrences', () => {
  const list = compare('google-weekly-seminar.ics', '2026-03-01T00:00:00Z', '2026-04-24T00:00:00Z');
  assert.deepEqual(list.map((o) => o.start),
                   ['2026-03-05T21:00:00Z', '2026-03-26T20:00:00Z', '2026-04-02T20:00:00Z', '2026-04-09T20:00:00Z',
                    '2026-04-16T20:00:00Z', '2026-04-23T17:00:00Z', '2026-04-23T20:00:00Z']);
});

test('monthly rules: first Monday and last weekday (BYSETPOS), last Friday every other month, month ends, a yearly date', () => {
  const list = compare('monthly-rules.ics', '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z');
  const of = (prefix) => list.filter((o) => o.summary.startsWith(prefix)).map((o) => o.start);
  // First Mondays 18:30 Berlin (dateutil: 5 Jan, 2 Feb, 2 Mar, 6 Apr, 4 May, 1 Jun, 6 Jul, 3 Aug, 7 Sep, 5 Oct 2026).
  assert.deepEqual(of('Reading group'), [
    '2026-01-05T17:30:00Z', '2026-02-02T17:30:00Z', '2026-03-02T17:30:00Z', '2026-04-06T16:30:00Z',
    '2026-05-04T16:30:00Z', '2026-06-01T16:30:00Z', '2026-07-06T16:30:00Z', '2026-08-03T16:30:00Z',
    '2026-09-07T16:30:00Z', '2026-10-05T16:30:00Z']);
  assert.equal(of('Colloquium').length, 12);
  assert.equal(of('Lab meeting').length, 5);
  assert.deepEqual(of('Month-end').map((s) => s.slice(0, 10)),
                   ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
  assert.deepEqual(of('Open day'), ['2026-03-15', '2027-03-21']);
});

test('COUNT across DST changes, and a wall time in the spring-forward gap', () => {
  const list = compare('recurrence-dst.ics', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
  assert.equal(list.length, 6 + 4 + 4 + 5);
  const london = list.filter((o) => o.summary === 'Stand-up').map((o) => o.start);
  assert.deepEqual(london, ['2026-03-26T09:00:00Z', '2026-03-27T09:00:00Z', '2026-03-28T09:00:00Z',
                            '2026-03-29T08:00:00Z', '2026-03-30T08:00:00Z', '2026-03-31T08:00:00Z']);
  // 02:30 on 8 March does not exist in New York: the offset before the gap (EST) gives 07:30Z.
  const early = list.filter((o) => o.summary.startsWith('Telescope')).map((o) => o.start);
  assert.deepEqual(early, ['2026-03-06T07:30:00Z', '2026-03-07T07:30:00Z', '2026-03-08T07:30:00Z', '2026-03-09T06:30:00Z']);
  assert.equal(list.find((o) => o.start === '2026-03-08T07:30:00Z').end, '2026-03-08T07:45:00Z');
});

test('RDATE (TZID lists, several lines, UTC, dates) with and without a rule, and EXDATE of dates', () => {
  // RFC 5545 puts DTSTART in the recurrence set; ical.js leaves it out of an event with
  // RDATEs and no RRULE (its RecurExpansion starts after DTSTART), so it is added to its list.
  const dtstart = { start: '2026-02-10T13:00:00Z', end: '2026-02-10T14:00:00Z', status: 'CONFIRMED',
                    summary: 'Workshop series (dates alone)' };
  const list = compare('recurrence-rdate.ics', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', { add: [dtstart] });
  const of = (prefix) => list.filter((o) => o.summary.startsWith(prefix)).map((o) => o.start);
  assert.deepEqual(of('Workshop'), ['2026-02-10T13:00:00Z', '2026-02-24T13:00:00Z', '2026-03-10T13:00:00Z', '2026-04-07T12:00:00Z']);
  assert.deepEqual(of('Weekly plus one'),
                   ['2026-02-02T09:00:00Z', '2026-02-05T09:00:00Z', '2026-02-09T09:00:00Z', '2026-02-23T09:00:00Z', '2026-03-02T09:00:00Z']);
  assert.deepEqual(of('Office hours'), ['2026-03-02', '2026-03-16', '2026-03-23', '2026-04-01']);
});

test('a rule without an end and COUNT=1000000000 stop at the window', () => {
  // ical.js walks COUNT=1000000000 from 2010 to reach the window: a higher limit for the oracle.
  const list = compare('recurrence-unbounded.ics', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z', { limit: 20000 });
  assert.equal(list.filter((o) => o.summary === 'Daily check-in').length, 59);
  assert.equal(list.filter((o) => o.summary === 'A billion noons').length, 59);
});

test('the default window (a year before --now to two years after) is capped at 1000 occurrences an event, with a located warning', () => {
  const run = spawnSync(talktimeCli, ['ics', '--now', '2026-01-01T00:00:00Z', fixture('recurrence-unbounded.ics')],
                        { encoding: 'utf8' });
  assert.equal(run.status, 0);
  assert.equal((run.stdout.match(/BEGIN:VEVENT/g) || []).length, 2000);
  const warnings = run.stderr.trim().split('\n');
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /recurrence-unbounded\.ics:10:1: warning: \[ics\.too_many_occurrences\] "Daily check-in" has more than 1000 occurrences in the import window \(the cap for one event\); only the first 1000 are imported/);
  assert.match(warnings[1], /recurrence-unbounded\.ics:18:1: warning: \[ics\.too_many_occurrences\] "A billion noons"/);
  // The first of them is a year before --now.
  assert.match(run.stdout, /DTSTART:20250101T070000Z/);
});

test('each occurrence keeps the source UID and its RECURRENCE-ID in the exported calendar', () => {
  const ics = execFileSync(talktimeCli, ['ics', '--now', '2026-01-01T00:00:00Z', '--from', '2026-01-01', '--to', '2026-02-10',
                                         fixture('google-weekly-seminar.ics')], { encoding: 'utf8' });
  const events = ics.split('BEGIN:VEVENT').slice(1).map((e) => Object.fromEntries(
    e.split('\r\n').filter((l) => /^(UID|RECURRENCE-ID|DTSTART|STATUS)[:;]/.test(l)).map((l) => l.split(':'))));
  assert.deepEqual(events.map((e) => [e.UID, e['RECURRENCE-ID'], e.DTSTART]), [
    ['5kq9d2v7r1m3c8p0a4s6t2b9xe@google.com', '20260108T210000Z', '20260108T210000Z'],
    ['5kq9d2v7r1m3c8p0a4s6t2b9xe@google.com', '20260115T210000Z', '20260115T210000Z'],
    ['5kq9d2v7r1m3c8p0a4s6t2b9xe@google.com', '20260122T210000Z', '20260122T210000Z'],
    ['5kq9d2v7r1m3c8p0a4s6t2b9xe@google.com', '20260129T210000Z', '20260129T210000Z'],
    ['5kq9d2v7r1m3c8p0a4s6t2b9xe@google.com', '20260205T210000Z', '20260206T160000Z'],
    ['9h1d4k2m8q0r5t7v3w6y1z0b2c@google.com', undefined, '20260423T170000Z'],  // a single event: no RECURRENCE-ID
  ]);
});
