// The structured data the widget writes, checked by an independent JSON-LD processor:
// the `jsonld` package (npm) expands each document with a context served locally (no
// network), in safe mode, so a term it cannot map or a value it would drop is an error.
// On the expanded graph, Google's Event rules: required name, startDate and location
// (a Place with an address, a VirtualLocation with a url), and the recommended
// eventStatus, eventAttendanceMode (matching the locations), endDate, organizer,
// performer, image, description. Expected values for the fixture are worked out by
// hand from the feed (Berlin is UTC+2 in May, New York UTC-4).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const jsonld = require('jsonld');
const root = new URL('../../', import.meta.url);
const S = 'https://schema.org/';
let core;

before(async () => {
  const createTalkTimeFull = require(new URL('build/wasm/talktime_full.js', root).pathname);
  core = await createTalkTimeFull({ wasmBinary: readFileSync(new URL('build/wasm/talktime_full.wasm', root)) });
});

// A minimal schema.org context: every term in the vocabulary; the properties whose
// values schema.org's own context reads as IRIs (enumeration members, links) as such.
const CONTEXT = { '@context': { '@vocab': S, eventStatus: { '@type': '@vocab' }, eventAttendanceMode: { '@type': '@vocab' },
  url: { '@type': '@id' }, image: { '@type': '@id' } } };
const documentLoader = async (url) => {
  if (url !== 'https://schema.org' && url !== 'https://schema.org/') throw new Error(`no network in tests: ${url}`);
  return { contextUrl: null, documentUrl: url, document: CONTEXT };
};

function describeFeed(text) {
  const opened = core.openFeeds([{ name: '', format: '', bytes: new TextEncoder().encode(text) }], '{}');
  assert.equal(opened.ok, true, JSON.stringify(opened.error));
  const reply = core.jsonLd(opened.value.handle, JSON.stringify({ zone: 'UTC', now: Date.parse('2026-01-01T00:00:00Z') / 1000 }));
  core.closeFeed(opened.value.handle);
  assert.equal(reply.ok, true, JSON.stringify(reply.error));
  return reply.value;
}

const expand = (text) => jsonld.expand(JSON.parse(text), { documentLoader, safe: true });

// Reading the expanded graph: one value, all values, a node's types.
const all = (node, property) => node[S + property] || [];
const one = (node, property) => {
  const values = all(node, property);
  assert.ok(values.length <= 1, `${property}: one value, not ${values.length}`);
  return values[0];
};
const text = (node, property) => {
  const v = one(node, property);
  return v === undefined ? undefined : v['@value'] !== undefined ? v['@value'] : v['@id'];
};
const types = (node) => (node['@type'] || []).map((t) => t.replace(S, ''));

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/;
const ABSOLUTE = /^https?:\/\/[^\s/?#]+\S*$/;
const STATUSES = ['EventScheduled', 'EventCancelled', 'EventPostponed', 'EventRescheduled', 'EventMovedOnline'];
const MODES = ['OfflineEventAttendanceMode', 'OnlineEventAttendanceMode', 'MixedEventAttendanceMode'];

// The problems Google's Event guidelines would report for one expanded Event ([] when none);
// `located`: whether it must have a location to be listed.
function googleProblems(event, located) {
  const problems = [];
  const check = (ok, message) => { if (!ok) problems.push(message); };
  check(types(event).includes('Event'), 'type Event');
  check(typeof text(event, 'name') === 'string' && text(event, 'name').trim(), 'name');
  check(ISO.test(text(event, 'startDate') || ''), 'startDate: ISO 8601 with an offset');
  const end = text(event, 'endDate');
  if (end !== undefined) check(ISO.test(end) && Date.parse(end) >= Date.parse(text(event, 'startDate')), 'endDate after startDate');
  check(STATUSES.map((s) => S + s).includes(text(event, 'eventStatus')), 'eventStatus');
  const locations = all(event, 'location');
  if (located) check(locations.length > 0, 'location');
  const places = locations.filter((l) => types(l).includes('Place'));
  const virtual = locations.filter((l) => types(l).includes('VirtualLocation'));
  check(places.length + virtual.length === locations.length, 'location: Place or VirtualLocation');
  for (const place of places) {
    check(text(place, 'name'), 'location.name');
    const address = one(place, 'address');
    check(address && (address['@value'] || (types(address).includes('PostalAddress') &&
      text(address, 'streetAddress') && text(address, 'addressLocality') && text(address, 'addressCountry'))), 'location.address');
  }
  for (const v of virtual) check(ABSOLUTE.test(text(v, 'url') || ''), 'VirtualLocation url');
  const mode = text(event, 'eventAttendanceMode');
  if (locations.length) check(MODES.map((m) => S + m).includes(mode), 'eventAttendanceMode');
  if (mode === S + 'OnlineEventAttendanceMode') check(places.length === 0, 'online: no Place');
  if (mode === S + 'OfflineEventAttendanceMode') check(virtual.length === 0, 'offline: no VirtualLocation');
  for (const performer of all(event, 'performer')) {
    check(text(performer, 'name'), 'performer.name');
    for (const image of all(performer, 'image')) check(ABSOLUTE.test(image['@id']), 'performer.image');
  }
  for (const image of all(event, 'image')) check(ABSOLUTE.test(image['@id']), 'image');
  const organizer = one(event, 'organizer');
  if (organizer) check(text(organizer, 'name') && ABSOLUTE.test(text(organizer, 'url') || ''), 'organizer name and url');
  if (text(event, 'url') !== undefined) check(ABSOLUTE.test(text(event, 'url')), 'url');
  return problems;
}

// The feed's own talks, breaks aside: what the structured data must describe, in any order.
const talkTitles = (feed) => feed.talks.filter((t) => t.kind !== 'break').map((t) => t.title).sort();

for (const [name, located] of [['fastpath-2021.json', true], ['mlforsystems-neurips-2023.json', true], ['mlsys-panel-2023.json', true],
  ['stanford-mlsys-seminar.json', true], ['cds-faculty-candidate-2025.json', false]]) {
  test(`data/${name}: every talk is an Event that meets Google's rules`, async () => {
    const feedText = readFileSync(new URL(`data/${name}`, root), 'utf8');
    const events = await expand(describeFeed(feedText));
    assert.deepEqual(events.map((e) => text(e, 'name')).sort(), talkTitles(JSON.parse(feedText)));
    for (const event of events) assert.deepEqual(googleProblems(event, located), [], text(event, 'name'));
  });
}

test('a room with no address is not a Place: the CDS talk is offline with no location', async () => {
  const [event] = await expand(describeFeed(readFileSync(new URL('data/cds-faculty-candidate-2025.json', root), 'utf8')));
  assert.equal(text(event, 'eventAttendanceMode'), S + 'OfflineEventAttendanceMode');
  assert.deepEqual(all(event, 'location'), []);
});

// Each event of the fixture in short: where (types and their url or address), how, and what.
function summary(event) {
  const where = all(event, 'location').map((l) => {
    const address = one(l, 'address');
    return [types(l)[0], text(l, 'name') || '', text(l, 'url') || '',
      !address ? '' : address['@value'] || ['streetAddress', 'postalCode', 'addressLocality', 'addressCountry'].map((p) => text(address, p)).join(' ')];
  });
  return { id: text(event, 'url').split('#talk=')[1], start: text(event, 'startDate'), end: text(event, 'endDate'),
    status: text(event, 'eventStatus').replace(S, ''), mode: text(event, 'eventAttendanceMode').replace(S, ''), where,
    performers: all(event, 'performer').map((p) => [text(p, 'name'), (all(p, 'image')[0] || {})['@id'] || '']),
    images: all(event, 'image').map((i) => i['@id']),
    organizer: [text(one(event, 'organizer'), 'name'), text(one(event, 'organizer'), 'url')] };
}

test('online, hybrid, in-person, cancelled and postponed talks, exactly', async () => {
  const path = new URL('tests/fixtures/json-ld-talks.json', root).pathname;
  execFileSync(process.execPath, [new URL('tests/schema/validate-feeds.mjs', root).pathname, path]);  // the fixture is a valid feed
  const events = await expand(describeFeed(readFileSync(path, 'utf8')));
  for (const event of events) assert.deepEqual(googleProblems(event, true), [], text(event, 'name'));
  const base = 'https://colloquium.example.org/talks/';
  const hall = ['Place', 'Lecture Hall 1', 'https://colloquium.example.org/directions', 'Unter den Linden 6 10117 Berlin DE'];
  const organizer = ['Systems Group, Example University', 'https://systems.example.org/'];
  // In the order the talks happen (the widget lists them its own way).
  const described = events.map(summary).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  assert.deepEqual(described, [
    { id: 'in-person', start: '2025-05-06T16:00:00+02:00', end: '2025-05-06T17:00:00+02:00', status: 'EventScheduled',
      mode: 'OfflineEventAttendanceMode', where: [hall], performers: [['Ada Müller', base + 'img/ada.jpg']],
      images: [base + 'img/ada.jpg'], organizer },
    // A room of the building: the feed location's address; and the stream.
    { id: 'hybrid', start: '2025-05-13T16:00:00+02:00', end: '2025-05-13T17:00:00+02:00', status: 'EventScheduled',
      mode: 'MixedEventAttendanceMode',
      where: [['Place', 'Room 3.14', '', 'Unter den Linden 6 10117 Berlin DE'], ['VirtualLocation', '', 'https://www.youtube.com/watch?v=stream1', '']],
      performers: [['Bo Chen', 'https://bo.example.org/bo.png'], ['Carla Ruiz', '']], images: ['https://bo.example.org/bo.png'], organizer },
    { id: 'online', start: '2025-05-20T09:00:00-04:00', end: '2025-05-20T09:45:00-04:00', status: 'EventScheduled',
      mode: 'OnlineEventAttendanceMode', where: [['VirtualLocation', 'Zoom', 'https://zoom.us/j/123456789', '']],
      performers: [], images: [], organizer },
    { id: 'elsewhere', start: '2025-05-27T16:00:00+02:00', end: '2025-05-27T17:00:00+02:00', status: 'EventScheduled',
      mode: 'OfflineEventAttendanceMode', where: [['Place', 'Harbour Institute', '', 'Am Kai 2, 20457 Hamburg, Germany']],
      performers: [], images: [], organizer },
    { id: 'cancelled', start: '2025-06-03T16:00:00+02:00', end: '2025-06-03T17:00:00+02:00', status: 'EventCancelled',
      mode: 'OfflineEventAttendanceMode', where: [hall], performers: [], images: [], organizer },
    // "Virtual" with no link of its own: the talk's page is where one learns how to attend.
    { id: 'postponed', start: '2025-06-10T16:00:00+02:00', end: undefined, status: 'EventPostponed',
      mode: 'OnlineEventAttendanceMode', where: [['VirtualLocation', 'Virtual', base + '#talk=postponed', '']],
      performers: [], images: [], organizer }
  ]);
});

test('the expansion is strict: a value it would drop (a relative IRI) is an error', async () => {
  await assert.rejects(expand('{"@context": "https://schema.org", "@type": "Event", "name": "A", "location": {"@id": "relative"}}'),
    { name: 'jsonld.ValidationError', message: 'Safe mode validation error.' });
});
