// The first-render module (talktime.wasm) against the full one (talktime-full.wasm):
// the same calls and reply shapes; what the first lacks is answered with the stable
// code request.needs_full_module, and a talktime feed reads the same in both.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const file = (path) => readFileSync(new URL(path, root));
let lean;
let full;

before(async () => {
  lean = await require(new URL('build/wasm/talktime_core.js', root).pathname)({ wasmBinary: file('build/wasm/talktime_core.wasm') });
  full = await require(new URL('build/wasm/talktime_full.js', root).pathname)({ wasmBinary: file('build/wasm/talktime_full.wasm') });
});

const NOW = Date.parse('2026-01-01T00:00:00Z') / 1000;
const source = (path, format = '', name = '') => ({ name, format, bytes: new Uint8Array(file(path)) });
const needsFull = (reply, message) => {
  assert.equal(reply.ok, false);
  assert.deepEqual(reply.error, { code: 'request.needs_full_module', message, diagnostics: [] });
};

test('an iCalendar or frab feed, a named format other than talktime, or several feeds: request.needs_full_module', () => {
  const formats = 'iCalendar and frab feeds are read by the full module';
  needsFull(lean.openFeeds([source('tests/fixtures/seminar.ics')], '{}'), formats);
  needsFull(lean.openFeeds([source('tests/fixtures/frab-schedule.json')], '{}'), formats);
  needsFull(lean.openFeeds([source('tests/fixtures/schedule2.json')], '{}'), formats);
  needsFull(lean.openFeeds([source('data/fastpath-2021.json', 'ics')], '{}'), formats);
  needsFull(lean.openFeeds([source('data/fastpath-2021.json', '', 'a.json'), source('data/mlsys-panel-2023.json', '', 'b.json')], '{}'),
    'several feeds are merged by the full module');
  // The full module reads each of them.
  for (const sources of [[source('tests/fixtures/seminar.ics')], [source('tests/fixtures/frab-schedule.json')],
    [source('data/fastpath-2021.json', '', 'a.json'), source('data/mlsys-panel-2023.json', '', 'b.json')]]) {
    const reply = full.openFeeds(sources, JSON.stringify({ now: NOW }));
    assert.equal(reply.ok, true, JSON.stringify(reply.error));
    full.closeFeed(reply.value.handle);
  }
});

test('a talktime feed opens in the first-render module; JSON-LD is the full module\'s, the .ics file and links are not', () => {
  const opened = lean.openFeeds([source('data/fastpath-2021.json', 'talktime')], '{}');
  assert.equal(opened.ok, true);
  const handle = opened.value.handle;
  needsFull(lean.jsonLd(handle, JSON.stringify({ zone: 'UTC', now: NOW })), 'JSON-LD is written by the full module');
  // A missing feed or zone is still said first: the request is checked before the module's reach.
  assert.equal(lean.jsonLd(handle + 100, JSON.stringify({ zone: 'UTC' })).error.code, 'request.no_such_feed');
  const ics = lean.ics(handle, JSON.stringify({ ids: ['2021-03-28-klimovic'], now: NOW }));
  assert.equal(ics.ok, true);
  assert.match(ics.value, /^BEGIN:VCALENDAR\r\n/);
  assert.ok(ics.value.includes('DTSTART:20210328T150000Z'), ics.value);
  assert.equal(lean.calendarLinks(handle, '2021-03-28-klimovic').ok, true);
  assert.equal(lean.closeFeed(handle).ok, true);
});

test('the same talktime feed reads into the same talks, markup and .ics file in both modules', () => {
  for (const path of ['data/fastpath-2021.json', 'data/stanford-mlsys-seminar.json', 'data/cds-faculty-candidate-2025.json']) {
    const replies = [lean, full].map((core) => {
      const opened = core.openFeeds([source(path)], '{}').value;
      const view = core.render(opened.handle, JSON.stringify({ zone: 'Asia/Kolkata', now: NOW }));
      const ics = core.ics(opened.handle, JSON.stringify({ zone: 'UTC', now: NOW }));
      core.closeFeed(opened.handle);
      return { diagnostics: opened.diagnostics, meta: opened.meta, html: view.value.html, ics: ics.value };
    });
    assert.deepEqual(replies[0], replies[1], path);
  }
});

test('a talk before 1970 is the full module\'s, which keeps the zone\'s history', () => {
  // python3: datetime(1960,6,1,12,0,tzinfo=ZoneInfo('Europe/Amsterdam')).astimezone(timezone.utc) -> 11:00
  // (CET all year then; today's rule would say CEST: 10:00).
  const feed = { talktime: 1, title: 'Old', timezone: 'Europe/Amsterdam',
    talks: [{ id: 'old', title: 'Old', start: '1960-06-01T12:00', end: '1960-06-01T13:00' }] };
  const sources = [{ name: '', format: '', bytes: new TextEncoder().encode(JSON.stringify(feed)) }];
  needsFull(lean.openFeeds(sources, '{}'), 'talks before 1970 are shown by the full module, which has the zones\' older history');
  const opened = full.openFeeds(sources, '{}').value;
  const ics = full.ics(opened.handle, JSON.stringify({ ids: ['old'], now: NOW })).value;
  assert.ok(ics.includes('DTSTART:19600601T110000Z\r\nDTEND:19600601T120000Z\r\n'), ics);
  full.closeFeed(opened.handle);
  // From 3 January 1970 on, the first-render module reads it: 1970-06-01 12:00 CET is 11:00 UTC.
  feed.talks[0].start = '1970-06-01T12:00';
  feed.talks[0].end = '1970-06-01T13:00';
  const recent = lean.openFeeds([{ ...sources[0], bytes: new TextEncoder().encode(JSON.stringify(feed)) }], '{}').value;
  assert.ok(lean.ics(recent.handle, JSON.stringify({ ids: ['old'], now: NOW })).value.includes('DTSTART:19700601T110000Z\r\n'));
  lean.closeFeed(recent.handle);
});
