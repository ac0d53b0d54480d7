// The hostile input shapes of tests/bench/hostile_shapes.mjs, generated in memory.
// Each shape: {id, name, feed: {path, type, body: Buffer}, hash (the page URL's
// fragment, '' for none), keystroke, stars}. Counts and byte sizes are divided by
// `scale`; feeds of "about 16 MiB" stay LIMIT_MARGIN bytes under the feed limit
// (feed_limits::max_bytes, 16 MiB, which the loader does not change by default).

import { readFileSync } from 'node:fs';

export const FEED_LIMIT = 16 * 1024 * 1024;
const LIMIT_MARGIN = 1024;
const NOW = '2027-01-01T00:00:00Z';
const ZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'];

const json = (value) => Buffer.from(JSON.stringify(value));
const crlf = (lines) => Buffer.from(lines.map((l) => l + '\r\n').join(''));
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));
const fields = (n, prefix) => Object.fromEntries(range(n, (i) => [prefix + i, 0]));

// A plain valid talk: small, so 20,000 of them stay far under the feed limit.
export function leanTalk(i) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const hour = String(8 + (i % 10)).padStart(2, '0');
  return { id: `talk-${i}`, title: `Talk ${i} on compilers and memory`, start: `2027-${month}-${day}T${hour}:30`,
    duration: 45, timezone: ZONES[i % ZONES.length], speakers: [{ name: `Speaker ${i % 97}` }], tags: ['systems'] };
}

const validTalk = { id: 'only', title: 'The one talk', start: '2027-03-01T10:00', timezone: 'UTC' };
const leanFeed = (n) => json({ talktime: 1, title: `${n} talks`, talks: range(n, leanTalk) });

// The size of the feed `build(padding)` makes, and the feed with its padding
// chosen so that the whole is `target` bytes (the other parts do not depend on it).
function padTo(target, build) {
  const fixed = build(0).length;
  return build(Math.max(0, target - fixed));
}

// n distinct words of three letters (a-z and Greek α-ω: 50 letters, 125,000 words).
export function threeLetterWords(n) {
  const letters = [...'abcdefghijklmnopqrstuvwxyz', ...'αβγδεζηθικλμνξοπρστυφχψω'];
  const k = letters.length;
  if (n > k ** 3) throw new RangeError(`at most ${k ** 3} distinct three-letter words`);
  return range(n, (i) => letters[Math.floor(i / (k * k)) % k] + letters[Math.floor(i / k) % k] + letters[i % k]);
}

const ics = (name, body) => ({ path: `/feeds/${name}.ics`, type: 'text/calendar; charset=utf-8', body });
const feedJson = (name, body) => ({ path: `/feeds/${name}.json`, type: 'application/json; charset=utf-8', body });
const event = (extra) => ['BEGIN:VEVENT', 'UID:only@hostile', 'DTSTAMP:20270101T000000Z',
  'DTSTART:20270301T100000Z', 'DTEND:20270301T110000Z', ...extra, 'END:VEVENT'];
const calendar = (inner) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//talktime//hostile bench//EN', ...inner, 'END:VCALENDAR'];

function objectKeys(n) {
  return feedJson('object-keys', json({ talktime: 1, talks: [], x: fields(n, 'k') }));
}

function unknownTalkKeys(n) {
  return feedJson('talk-keys', json({ talktime: 1, talks: [{ ...validTalk, ...fields(n, 'u') }] }));
}

function manyTags(n) {
  return feedJson('tags', json({ talktime: 1, talks: [{ ...validTalk, tags: range(n, (i) => `tag${i}`) }] }));
}

function icsCategories(n) {
  const categories = 'CATEGORIES:' + range(n, (i) => `c${i}`).join(',');
  return ics('categories', crlf(calendar(event(['SUMMARY:Many categories', categories]))));
}

function ownSeries(n) {
  return feedJson('own-series', json({ talktime: 1, talks: range(n, (i) => ({ ...leanTalk(i), series: `s${i}` })) }));
}

function declaredSeries(n) {
  const series = range(n, (i) => ({ id: `s${i}`, title: `Series ${i}` }));
  return feedJson('declared-series', json({ talktime: 1, series, talks: range(n, (i) => ({ ...leanTalk(i), series: `s${i}` })) }));
}

function diagnosticsAtEnd(bytes, n) {
  const talks = range(n, (i) => ({ ...leanTalk(i), kind: 'zzz' }));
  return feedJson('late-diagnostics', padTo(bytes, (pad) => json({ talktime: 1, x: 'a'.repeat(pad), talks })));
}

function blankProperties(bytes) {
  const build = (pad) => Buffer.concat([crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//talktime//hostile bench//EN']),
    Buffer.from('X:\r\n'.repeat(Math.floor(pad / 4))), crlf([...event(['SUMMARY:After blank lines']), 'END:VCALENDAR'])]);
  return ics('blank-properties', padTo(bytes, build));
}

function controlSummary(bytes) {
  const build = (pad) => Buffer.concat([crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:only@hostile',
    'DTSTART:20270301T100000Z']), Buffer.from('SUMMARY:'), Buffer.alloc(pad, 1), crlf(['', 'END:VEVENT', 'END:VCALENDAR'])]);
  return ics('control-summary', padTo(bytes, build));
}

// data/stanford-mlsys-seminar.json: the example feed with 87 talks.
function seminarFeed() {
  return feedJson('stanford-mlsys-seminar', readFileSync(new URL('../../data/stanford-mlsys-seminar.json', import.meta.url)));
}

function yearMax() {
  return feedJson('year-9999', json({ talktime: 1,
    talks: [{ id: 'last', title: 'The last talk', start: '9999-12-31T23:00', timezone: 'America/Chicago' }] }));
}

// The 13 shapes at `scale` (1: full size). `key` is the widget's id, the prefix of its fragment keys.
export function makeShapes(scale = 1, key = 'w') {
  const n = (count) => Math.max(1, Math.round(count / scale));
  const bytes = Math.floor((FEED_LIMIT - LIMIT_MARGIN) / scale);
  const words = threeLetterWords(n(100000)).map(encodeURIComponent).join('+');
  const stars = [...range(Math.min(100, n(100000)), (i) => `talk-${i}`), ...range(Math.max(0, n(100000) - 100), (i) => `x${i}`)];
  const shape = (id, name, feed, extra = {}) => ({ id, name, feed, hash: '', keystroke: false, stars: false, ...extra });
  return [
    shape(1, `object keys: ${n(100000)} keys in an unknown field`, objectKeys(n(100000))),
    shape(2, `unknown keys: ${n(100000)} in one talk`, unknownTalkKeys(n(100000))),
    shape(3, `tags: ${n(50000)} distinct in one talk`, manyTags(n(50000))),
    shape(4, `iCalendar CATEGORIES: ${n(100000)} values`, icsCategories(n(100000))),
    shape(5, `series: ${n(20000)} talks, each its own undeclared series`, ownSeries(n(20000))),
    shape(6, `declared series: ${n(40000)} series, ${n(40000)} talks`, declaredSeries(n(40000))),
    shape(7, `diagnostics at the end: padding, then ${n(150)} talks of kind "zzz"`, diagnosticsAtEnd(bytes, n(150))),
    shape(8, 'iCalendar blank properties: X:\\r\\n lines', blankProperties(bytes)),
    shape(9, 'iCalendar control bytes: SUMMARY of \\x01', controlSummary(bytes)),
    shape(10, `search fragment: ${n(100000)} three-letter words, 33 talks`, seminarFeed(), { hash: `#${key}.q=${words}`, keystroke: true }),
    shape(11, `unknown permalink #talk=nope, ${n(20000)} talks`, feedJson('lean', leanFeed(n(20000))), { hash: '#talk=nope' }),
    shape(12, `shared stars: ${stars.length} ids, 100 talks`, feedJson('lean-100', leanFeed(100)),
      { hash: `#${key}.starred=${stars.join(',')}`, stars: true }),
    shape(13, 'year 9999: 9999-12-31T23:00 America/Chicago', yearMax()),
  ];
}

export { NOW };
