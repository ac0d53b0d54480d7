// The WebAssembly build of the core, exercised through its JavaScript boundary in Node.
// Expected instants are independent facts (the FastPath page says 11:00 EDT = 15:00 UTC).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
let core;

before(async () => {
  const createTalkTimeFull = require(new URL('build/wasm/talktime_full.js', root).pathname);
  core = await createTalkTimeFull({ wasmBinary: readFileSync(new URL('build/wasm/talktime_full.wasm', root)) });
});

// Every call answers {ok: true, value} or {ok: false, error: {code, message, diagnostics}}.
function value(reply) {
  assert.equal(reply.ok, true, JSON.stringify(reply.error));
  assert.equal('error' in reply, false);
  return reply.value;
}
function failure(reply) {
  assert.equal(reply.ok, false);
  assert.equal('value' in reply, false);
  assert.deepEqual(Object.keys(reply.error).sort(), ['code', 'diagnostics', 'message']);
  return reply.error;
}
const bytesOf = (feed) => new TextEncoder().encode(typeof feed === 'string' ? feed : JSON.stringify(feed));
const openReply = (feed) => core.openFeeds([{ name: '', format: '', bytes: bytesOf(feed) }], '{}');
const open = (feed) => value(openReply(feed));
const render = (handle, request) => value(core.render(handle, JSON.stringify(request)));
const NOW = Date.parse('2026-01-01T00:00:00Z') / 1000;

test('converts the FastPath 2021 programme from New York time to Kolkata', () => {
  const opened = open(readFileSync(new URL('data/fastpath-2021.json', root), 'utf8'));
  assert.equal(opened.diagnostics.filter((d) => d.level === 'error').length, 0);
  const view = render(opened.handle, { zone: 'Asia/Calcutta', now: NOW });
  assert.equal(view.zone, 'Asia/Kolkata');
  // 11:00 EDT on 2021-03-28 is 15:00 UTC, 20:30 in India.
  assert.match(view.html, /<time datetime="2021-03-28T20:30:00\+05:30">20:30<\/time>/);
  // The same talk seen from Berlin, where summer time began that morning: 17:00 CEST.
  const berlin = render(opened.handle, { zone: 'Europe/Berlin', now: NOW });
  assert.match(berlin.html, /<time datetime="2021-03-28T17:00:00\+02:00">17:00<\/time>/);
  core.closeFeed(opened.handle);
});

test('reports a syntax error with line and column and loads nothing', () => {
  const error = failure(openReply('{"talktime": 1,\n "talks": [\n  {"title": "A", "start": "2024-01-01T10:00Z"},\n'));
  assert.equal(error.code, 'feed.syntax');
  assert.equal(error.diagnostics.length, 1);
  assert.equal(error.diagnostics[0].code, 'feed.syntax');
  assert.equal(error.diagnostics[0].line, 4);
  assert.equal(error.message, error.diagnostics[0].text);
  assert.deepEqual(failure(core.openFeeds([], '{}')), { code: 'feed.none', message: 'no feed given', diagnostics: [] });
});

test('skips a bad talk, keeps the rest and says why', () => {
  const text = JSON.stringify({ talktime: 1, timezone: 'Europe/Paris', talks: [
    { id: 'good', title: 'Good', start: '2024-05-02T10:00' },
    { id: 'bad', title: 'Bad', start: '2024-02-30T10:00' }] });
  const column = text.indexOf('"2024-02-30T10:00"') + 1;  // one line, ASCII: column = offset + 1
  const opened = open(text);
  assert.equal(opened.meta.talkCount, 1);
  assert.deepEqual(opened.diagnostics.map((d) => d.text),
    [`[talk.bad_start] /talks/1/start (line 1, column ${column}): invalid date "2024-02-30T10:00" (talk "bad")`]);
});

test('search ignores case and diacritics and finds the talk that matches', () => {
  const opened = open(readFileSync(new URL('data/fastpath-2021.json', root), 'utf8'));
  // Christian Kästner speaks in 2021-03-28-kaestner; no other talk names him.
  const ids = (text) => [...render(opened.handle, { text, now: NOW, zone: 'UTC' }).html.matchAll(/data-talk-id="([^"]*)"/g)].map((m) => m[1]);
  for (const text of ['KASTNER', 'kästner', 'kÄstner']) assert.deepEqual(ids(text), ['2021-03-28-kaestner'], text);
  assert.deepEqual(ids('maghraoui'), ['2021-03-28-el-maghraoui']);
  // The rendered view shows the same talk and only that one.
  const view = render(opened.handle, { text: 'kastner', now: NOW, zone: 'UTC' });
  assert.equal(view.count, 1);
  assert.deepEqual([...view.html.matchAll(/data-talk-id="([^"]*)"/g)].map((m) => m[1]), ['2021-03-28-kaestner']);
  core.closeFeed(opened.handle);
});

test('feed strings never become markup', () => {
  const opened = open({ talktime: 1, talks: [{ id: '"><script>alert(1)</script>', title: '<img src=x onerror=alert(1)>',
    start: '2024-05-02T10:00Z', links: { video: 'javascript:alert(1)' } }] });
  const view = render(opened.handle, { zone: 'UTC', now: NOW });
  assert.ok(!view.html.includes('<img src=x'));
  assert.ok(!view.html.includes('<script>'));
  assert.ok(!view.html.includes('javascript:'));
  assert.match(view.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
});

test('knows every IANA zone and link', () => {
  const lines = value(core.zoneCatalog(NOW)).split('\n').filter(Boolean).map((line) => line.split('\t'));
  const names = lines.map(([name]) => name);
  assert.ok(names.length > 550);
  for (const name of ['Asia/Kolkata', 'Asia/Calcutta', 'America/Los_Angeles', 'Pacific/Apia', 'UTC']) assert.ok(names.includes(name), name);
  // A zone: its offsets in the year from NOW (winter first in January) and zone.tab's countries; a link: its zone.
  assert.deepEqual(lines.find(([name]) => name === 'America/New_York'), ['America/New_York', 'EST -18000 EDT -14400', 'US']);
  assert.deepEqual(lines.find(([name]) => name === 'Europe/Zurich'), ['Europe/Zurich', 'CET 3600 CEST 7200', 'CHde']);
  assert.deepEqual(lines.find(([name]) => name === 'Asia/Calcutta'), ['Asia/Calcutta', 'Asia/Kolkata']);
  assert.equal(value(core.describeZone('Mars/Olympus_Mons', NOW)), null);
  // 2026-01-01 is winter in New York: EST, UTC-5.
  assert.deepEqual(value(core.describeZone('America/New_York', NOW)), { name: 'America/New_York', label: 'EST', offset: -18000 });
});

test('calendar links are made on request, with the talk\'s UTC instants', () => {
  const opened = open(readFileSync(new URL('data/fastpath-2021.json', root), 'utf8'));
  // 11:00-11:35 EDT (UTC-4) on 2021-03-28 is 15:00-15:35 UTC.
  const links = value(core.calendarLinks(opened.handle, '2021-03-28-klimovic'));
  assert.match(links.google, /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=Ingesting%20and%20Processing%20Data/);
  assert.ok(links.google.includes('&dates=20210328T150000Z/20210328T153500Z&'), links.google);
  // Outlook.com and Microsoft 365: the same compose form on two hosts (exact links: tests/unit/calendar_test.cpp).
  const title = 'Ingesting and Processing Data Efficiently for Machine Learning';
  assert.ok(links.outlook.startsWith('https://outlook.live.com/calendar/0/action/compose?path=/calendar/action/compose&rru=addevent' +
    `&subject=${encodeURIComponent(title)}&startdt=2021-03-28T15:00:00Z&enddt=2021-03-28T15:35:00Z&body=`), links.outlook);
  assert.equal(links.office365, links.outlook.replace('https://outlook.live.com/', 'https://outlook.office.com/'));
  assert.deepEqual(failure(core.calendarLinks(opened.handle, 'no-such-talk')),
    { code: 'request.no_such_talk', message: 'the feed has no talk with id "no-such-talk"', diagnostics: [] });
  // The widget's markup keeps only the .ics button; the loader adds these links.
  const view = render(opened.handle, { zone: 'UTC', now: NOW, limit: 2 });
  assert.equal(view.shown, 2);
  assert.ok(view.html.includes('<button type="button" class="tt-ics">Download .ics</button>'));
  assert.ok(!view.html.includes('calendar.google.com'));
  core.closeFeed(opened.handle);
});

test('a view renders in parts (offset, limit) that add up to the whole, and "page" renders one talk alone', () => {
  const opened = open(readFileSync(new URL('data/fastpath-2021.json', root), 'utf8'));
  const ids = (html) => [...html.matchAll(/<li class="tt-talk" data-talk-id="([^"]+)"/g)].map((m) => m[1]);
  const request = { zone: 'UTC', now: NOW };
  const whole = render(opened.handle, request);
  assert.equal(whole.matched, 11);
  const parts = [0, 4, 8].map((offset) => render(opened.handle, { ...request, offset, limit: 4 }));
  assert.deepEqual(parts.map((p) => p.shown), [4, 8, 11]);
  assert.deepEqual(parts.flatMap((p) => ids(p.html)), ids(whole.html));
  assert.equal(render(opened.handle, { ...request, offset: 20, limit: 4 }).html, '');
  // The talk page: the first talk of the view, as a page of its own.
  const page = render(opened.handle, { ...request, onlyStarred: true, starred: ['2021-03-28-klimovic'], page: true });
  assert.match(page.html, /^<div class="tt-talk tt-talk-page" data-talk-id="2021-03-28-klimovic"/);
  assert.ok(page.html.includes('<h2 class="tt-title" id="tt-title-1">'), page.html.slice(0, 400));
  core.closeFeed(opened.handle);
});

test('JSON-LD describes exactly the talks a view shows', () => {
  const opened = open(readFileSync(new URL('data/fastpath-2021.json', root), 'utf8'));
  const ld = JSON.parse(value(core.jsonLd(opened.handle, JSON.stringify({ zone: 'UTC', now: NOW, text: 'kastner' }))));
  const events = Array.isArray(ld) ? ld : ld['@graph'] || [ld];
  assert.equal(events.length, 1);
  assert.equal(events[0]['@type'], 'Event');
  assert.equal(events[0].startDate, '2021-03-28T11:35:00-04:00');  // the event's own time, 15:35 UTC
  core.closeFeed(opened.handle);
});

test('feed bytes reach the core as they are: invalid UTF-8 is repaired with a located warning', () => {
  const head = new TextEncoder().encode('{"talktime":1,"talks":[{"id":"a","title":"Caf');
  const tail = new TextEncoder().encode('","start":"2024-05-02T10:00Z"}]}');
  const bytes = new Uint8Array([...head, 0xE9, ...tail]);  // a Latin-1 "é"
  const opened = value(core.openFeeds([{ name: 'f.json', format: '', bytes }], '{}'));
  assert.equal(opened.meta.talkCount, 1);
  assert.equal(opened.diagnostics.length, 1);
  assert.equal(opened.diagnostics[0].level, 'warning');
  assert.equal(opened.diagnostics[0].line, 1);
  assert.equal(opened.diagnostics[0].column, head.length + 1);
  core.closeFeed(opened.handle);
});

test('every call answers one reply shape; failures carry a stable code and never an empty text', () => {
  const opened = open(readFileSync(new URL('data/fastpath-2021.json', root), 'utf8'));
  const mars = JSON.stringify({ zone: 'Mars/Olympus_Mons', now: NOW });
  const unknownZone = { code: 'request.unknown_zone', message: 'unknown time zone "Mars/Olympus_Mons"', diagnostics: [] };
  assert.deepEqual(failure(core.render(opened.handle, mars)), unknownZone);
  assert.deepEqual(failure(core.jsonLd(opened.handle, mars)), unknownZone);
  assert.deepEqual(failure(core.ics(opened.handle, mars)), unknownZone);
  assert.deepEqual(failure(core.render(opened.handle, 'not json')),
    { code: 'request.invalid', message: 'the request is not a JSON object', diagnostics: [] });
  // An .ics without a zone is fine (times are written in UTC); for ids it holds just those talks.
  const ics = value(core.ics(opened.handle, JSON.stringify({ ids: ['2021-03-28-klimovic'], now: NOW })));
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, 1);
  assert.match(ics, /DTSTART:20210328T150000Z/);
  assert.equal(value(core.closeFeed(opened.handle)), true);
  const gone = { code: 'request.no_such_feed', message: `no open feed has handle ${opened.handle}`, diagnostics: [] };
  assert.deepEqual(failure(core.closeFeed(opened.handle)), gone);
  assert.deepEqual(failure(core.render(opened.handle, JSON.stringify({ zone: 'UTC', now: NOW }))), gone);
  assert.deepEqual(failure(core.ics(opened.handle, '{}')), gone);
  assert.deepEqual(failure(core.calendarLinks(opened.handle, 'x')), gone);
  assert.equal(core.find, undefined);
});

test('a render says when its view next changes: the next start, end or livestream grace end', () => {
  const opened = open({ talktime: 1, talks: [
    { id: 'a', title: 'A', start: '2024-05-02T10:00Z', end: '2024-05-02T11:00Z', links: { livestream: 'https://example.org/live' } },
    { id: 'b', title: 'B', start: '2024-05-02T13:00Z' }] });
  const at = (iso) => Date.parse(iso) / 1000;
  const next = (now) => render(opened.handle, { zone: 'UTC', now: at(now) }).nextChange;
  assert.equal(next('2024-05-02T09:00:00Z'), at('2024-05-02T10:00:00Z'));  // A starts
  assert.equal(next('2024-05-02T10:30:00Z'), at('2024-05-02T11:00:00Z'));  // A ends
  assert.equal(next('2024-05-02T11:05:00Z'), at('2024-05-02T11:15:00Z'));  // A's stream link stops being prominent (15 min)
  assert.equal(next('2024-05-02T11:20:00Z'), at('2024-05-02T13:00:00Z'));  // B starts
  assert.equal(next('2024-05-02T13:30:00Z'), at('2024-05-02T14:00:00Z'));  // B ends (60 min assumed)
  assert.equal(next('2024-05-02T15:00:00Z'), null);
  core.closeFeed(opened.handle);
});

test('of several feeds, those that parse are shown and the others are listed with why', () => {
  const good = { talktime: 1, talks: [{ id: 'g1', title: 'One', start: '2024-05-02T10:00Z' }, { id: 'g2', title: 'Two', start: '2024-05-03T10:00Z' }] };
  const broken = '{"talktime": 1,\n "talks": [\n  {"id": "b1", "title": "B", "start": "2024-01-01T10:00Z"},\n ]\n}';
  const sources = (second) => [{ name: 'good.json', format: '', bytes: bytesOf(good) }, { name: 'bad.json', format: '', bytes: bytesOf(second) }];
  const opened = value(core.openFeeds(sources(broken), '{}'));
  assert.equal(opened.meta.talkCount, 2);
  const ids = [...render(opened.handle, { zone: 'UTC', now: NOW }).html.matchAll(/data-talk-id="([^"]*)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(ids, ['g1', 'g2']);
  // The trailing comma: line 4, column 2 is the "]" that follows it.
  assert.equal(opened.failedSources.length, 1);
  const [failed] = opened.failedSources;
  assert.deepEqual([failed.name, failed.code], ['bad.json', 'feed.syntax']);
  assert.equal(failed.message, "[feed.syntax] line 4, column 2: unexpected ']'; expected '[', '{', or a literal");
  assert.deepEqual(opened.diagnostics.map((d) => [d.source, d.code, d.line]), [['bad.json', 'feed.syntax', 4]]);
  assert.equal(opened.diagnostics[0].text, 'bad.json: ' + failed.message);
  core.closeFeed(opened.handle);
  // Two good feeds: nothing failed. Two broken ones: no schedule, a failure as with one.
  const both = value(core.openFeeds(sources(good), '{}'));
  assert.deepEqual(both.failedSources, []);
  core.closeFeed(both.handle);
  const none = failure(core.openFeeds([sources(broken)[1], { ...sources(broken)[1], name: 'worse.json' }], '{}'));
  assert.equal(none.code, 'feed.syntax');
  assert.equal(none.message, 'bad.json: ' + failed.message);
  assert.deepEqual(none.diagnostics.map((d) => d.source), ['bad.json', 'worse.json']);
});

// The visitor's language crosses the boundary as the render request's renderText (beside the
// search's "text"); words it lacks, or gives in the wrong shape, stay English.
test('renderText gives the markup its words and date format; the search text still applies', () => {
  const opened = open({ talktime: 1, timezone: 'Europe/Berlin', talks: [
    { id: 'a', title: 'Alpha', start: '2021-03-28T10:00' }, { id: 'b', title: 'Beta', start: '2021-03-28T11:00' }] });
  const months = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const weekdays = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
  const renderText = { months, weekdays, dayHeading: '{weekday}, {day}. {month} {year}', upcoming: 'Demnächst',
    kinds: { talk: 'Vortrag' }, past: 42, digits: ['0'] };
  const view = render(opened.handle, { zone: 'Europe/Berlin', now: NOW - 86400 * 2000, text: 'beta', renderText, order: 'series' });
  assert.match(view.html, /<time datetime="2021-03-28">Sonntag, 28\. März 2021<\/time>/);
  assert.match(view.html, />Demnächst<\/h2>/);
  assert.match(view.html, /<span class="tt-kind">Vortrag<\/span>/);
  assert.match(view.html, /data-talk-id="b"/);
  assert.doesNotMatch(view.html, /data-talk-id="a"/);
  const english = render(opened.handle, { zone: 'Europe/Berlin', now: NOW - 86400 * 2000, renderText: { past: 42 }, order: 'series' });
  assert.match(english.html, /Sunday, 28 March 2021/);
  core.closeFeed(opened.handle);
});

test('the feed meta carries the feed and series descriptions; zoneLabel follows the unambiguous-label rule', () => {
  const opened = open(JSON.stringify({ talktime: 1, timezone: 'America/Chicago', description: 'Mondays at 10.',
    series: [{ id: 's', title: 'S', description: 'About S.' }, { id: 't', title: 'T' }],
    talks: [{ id: 'a', title: 'A', start: '2025-01-21T10:00', series: 's' }] }));
  assert.equal(opened.meta.description, 'Mondays at 10.');
  assert.deepEqual(opened.meta.seriesDescriptions, { s: 'About S.' });
  // Shanghai's CST (UTC+8) beside Chicago's (UTC-6): the offset; Chicago alone keeps its letters.
  assert.equal(render(opened.handle, { zone: 'Asia/Shanghai', now: Date.parse('2025-01-21T16:00:00Z') / 1000 }).zoneLabel, 'UTC+8');
  assert.equal(render(opened.handle, { zone: 'America/Chicago', now: Date.parse('2025-01-21T16:00:00Z') / 1000 }).zoneLabel, 'CST');
  core.closeFeed(opened.handle);
});
