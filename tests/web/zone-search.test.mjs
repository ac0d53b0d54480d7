// web/src/zone-search.js: finding a zone by city, country, abbreviation, offset or
// IANA name, over the real core's zone catalog (build/wasm, tz 2025b). Expected
// zones were checked with Python's zoneinfo (the zones at that offset, or using that
// abbreviation within the year, on the clock given), and country rows against
// /usr/share/zoneinfo/zone.tab.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { readZoneCatalog } from '../../web/src/core.js';
import { normalize, offsetLabel, parseOffset, regionNamer, searchZones, zoneIndex } from '../../web/src/zone-search.js';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const JANUARY = Date.parse('2026-01-01T00:00:00Z') / 1000;
const JULY = Date.parse('2026-07-01T00:00:00Z') / 1000;
let core, january, july;

before(async () => {
  const createTalkTimeCore = require(new URL('build/wasm/talktime_core.js', root).pathname);
  core = await createTalkTimeCore({ wasmBinary: readFileSync(new URL('build/wasm/talktime_core.wasm', root)) });
  const catalog = (at) => readZoneCatalog(core.zoneCatalog(at).value);
  january = zoneIndex(catalog(JANUARY), regionNamer(['en', 'de']));
  july = zoneIndex(catalog(JULY), regionNamer(['en']));
});

const names = (index, query) => searchZones(index, query).map(({ entry }) => entry.name);
const hints = (index, query) => searchZones(index, query).map(({ entry, hint }) => hint ? `${entry.name} (${hint})` : entry.name);

test('a city, in any case, with spaces or underscores, with or without accents', () => {
  for (const query of ['berlin', 'Berlin', 'BERLIN', ' berlin ']) assert.deepEqual(names(january, query), ['Europe/Berlin'], query);
  for (const query of ['new york', 'New York', 'new_york', 'NEW  YORK']) assert.deepEqual(names(january, query), ['America/New_York'], query);
  for (const query of ['kolkata', 'Kolkata', 'KOLKATA']) assert.deepEqual(names(january, query), ['Asia/Kolkata'], query);
  for (const query of ['São Paulo', 'sao paulo', 'Sao_Paulo']) assert.deepEqual(names(january, query), ['America/Sao_Paulo'], query);
  // Cities that name no zone, and legacy city names.
  assert.deepEqual(hints(january, 'Mumbai'), ['Asia/Kolkata (Mumbai)']);
  assert.deepEqual(hints(january, 'calcutta'), ['Asia/Kolkata (Calcutta)']);
  assert.deepEqual(hints(january, 'San Francisco'), ['America/Los_Angeles (San Francisco)']);
});

test('a country: its zones, the one zone.tab lists first at the top', () => {
  assert.deepEqual(hints(january, 'India'), ['Asia/Kolkata (India)']);
  assert.deepEqual(hints(january, 'india'), ['Asia/Kolkata (India)']);
  assert.deepEqual(names(january, 'Japan'), ['Asia/Tokyo']);
  // DE: Europe/Berlin, and Europe/Busingen (a link to Europe/Zurich).
  assert.deepEqual(hints(january, 'Germany'), ['Europe/Berlin (Germany)', 'Europe/Zurich (Germany)']);
  assert.deepEqual(names(january, 'Deutschland'), ['Europe/Berlin', 'Europe/Zurich']);  // the second locale's name
  assert.deepEqual(names(january, 'UK'), ['Europe/London']);
  const us = names(january, 'United States');
  assert.equal(us.length, 29);
  assert.equal(us[0], 'America/New_York');
  assert.deepEqual(names(january, 'USA'), us);
});

test('an abbreviation lists every zone it may mean, those using it now first', () => {
  assert.deepEqual(names(january, 'PST'), ['America/Los_Angeles', 'America/Tijuana', 'America/Vancouver', 'Asia/Manila']);
  assert.deepEqual(names(january, 'pst'), names(january, 'PST'));
  assert.deepEqual(hints(january, 'IST'), ['Asia/Jerusalem', 'Asia/Kolkata', 'Europe/Dublin (IST part of the year)']);
  // In July Dublin is on IST and Jerusalem on IDT; Los Angeles is on PDT, Manila on PST.
  assert.deepEqual(hints(july, 'IST'), ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem (IST part of the year)']);
  assert.deepEqual(names(july, 'PST'), ['Asia/Manila', 'America/Los_Angeles', 'America/Tijuana', 'America/Vancouver']);
  // "PT" is no abbreviation: it stands for PST and PDT together.
  assert.deepEqual(hints(january, 'PT'), ['America/Los_Angeles (PST/PDT)', 'America/Tijuana (PST/PDT)', 'America/Vancouver (PST/PDT)']);
  // The POSIX-style zones "PST8PDT", "EST" and "EST5EDT" are not listed beside the real ones.
  assert.ok(!names(january, 'EST').some((name) => !name.includes('/')));
});

test('an offset lists the zones at that offset on the clock given', () => {
  const india = ['Asia/Colombo', 'Asia/Kolkata'];
  for (const query of ['UTC+05:30', 'utc+5:30', 'GMT+0530', '+05:30', '+530']) assert.deepEqual(names(january, query), india, query);
  assert.deepEqual(names(january, 'gmt-8'), ['America/Los_Angeles', 'America/Tijuana', 'America/Vancouver', 'Pacific/Pitcairn']);
  assert.deepEqual(names(january, 'UTC-08:00'), names(january, 'gmt-8'));
  assert.deepEqual(names(july, 'gmt-8'), ['America/Anchorage', 'America/Juneau', 'America/Metlakatla', 'America/Nome',
    'America/Sitka', 'America/Yakutat', 'Pacific/Pitcairn']);
  assert.deepEqual(names(january, '+9'), ['Asia/Chita', 'Asia/Dili', 'Asia/Jayapura', 'Asia/Khandyga', 'Asia/Pyongyang',
    'Asia/Seoul', 'Asia/Tokyo', 'Asia/Yakutsk', 'Pacific/Palau']);
  // Etc/GMT-8 is UTC+8 (the sign reads backwards): never offered for "GMT-8".
  assert.ok(!names(january, 'GMT-8').some((name) => name.startsWith('Etc/')));
});

test('each zone once: a legacy name finds its zone, and is never listed beside it', () => {
  assert.deepEqual(hints(january, 'Asia/Calcutta'), ['Asia/Kolkata (Asia/Calcutta)']);
  assert.deepEqual(hints(january, 'asia/kolkata'), ['Asia/Kolkata']);
  assert.deepEqual(hints(january, 'US/Pacific'), ['America/Los_Angeles (US/Pacific)']);
  assert.deepEqual(hints(january, 'Europe/Kiev'), ['Europe/Kyiv (Europe/Kiev)']);
  const listed = january.entries.filter((e) => !e.hidden).map((e) => e.name);
  assert.equal(new Set(listed).size, listed.length);
  for (const legacy of ['Asia/Calcutta', 'US/Pacific', 'Europe/Kiev', 'UTC', 'Etc/GMT+5', 'EST5EDT']) assert.ok(!listed.includes(legacy), legacy);
  assert.equal(listed.length, 408);  // 447 zones less the 27 Etc/GMT, Etc/GMT±N and 12 without a region (CET, EST5EDT, Factory…)
  // UTC is listed once, as "UTC"; the fixed-offset Etc zones only when named exactly.
  assert.deepEqual(names(january, 'UTC'), ['Etc/UTC']);
  assert.equal(january.byName.get('Etc/UTC').label, 'UTC');
  assert.deepEqual(names(january, 'Etc/GMT+8'), ['Etc/GMT+8']);
  assert.deepEqual(names(january, 'Nowhere/Special'), []);
  assert.deepEqual(names(january, ''), []);
});

test('while a name is typed: the start of a city, of a country, of a word, then any part', () => {
  assert.deepEqual(names(january, 'ber'), ['Atlantic/Bermuda', 'Europe/Berlin', 'Australia/Sydney']);
  assert.deepEqual(hints(january, 'ber').at(-1), 'Australia/Sydney (Australia/Canberra)');
  assert.deepEqual(names(january, 'york'), ['America/New_York']);
  assert.deepEqual(names(january, 'kolk'), ['Asia/Kolkata']);
  assert.deepEqual(names(january, 'switz'), ['Europe/Zurich']);
});

test('offsets, labels and normal forms', () => {
  assert.equal(parseOffset('UTC+05:30'), 19800);
  assert.equal(parseOffset('gmt-8'), -28800);
  assert.equal(parseOffset('+9'), 32400);
  assert.equal(parseOffset('UTC \u22123:30'), -12600);
  assert.equal(parseOffset('UTC'), null);
  assert.equal(parseOffset('+15'), null);
  assert.equal(parseOffset('+5:75'), null);
  assert.equal(parseOffset('5:30'), null);
  assert.equal(offsetLabel(19800), 'UTC+5:30');
  assert.equal(offsetLabel(-28800), 'UTC-8');
  assert.equal(offsetLabel(0), 'UTC+0');
  assert.equal(offsetLabel(-9000), 'UTC-2:30');
  assert.equal(normalize(' São_Paulo '), 'sao paulo');
  assert.equal(normalize('Port-au-Prince'), 'port au prince');
});

test('each entry carries its current offset, abbreviation and place', () => {
  const kolkata = january.byName.get('Asia/Kolkata');
  assert.deepEqual([kolkata.place, kolkata.offset, kolkata.abbreviation], ['Kolkata, India', 19800, 'IST']);
  const berlin = july.byName.get('Europe/Berlin');
  assert.deepEqual([berlin.place, berlin.offset, berlin.abbreviation], ['Berlin, Germany', 7200, 'CEST']);
  // tz writes some abbreviations as numbers: they are not shown as words.
  const colombo = january.byName.get('Asia/Colombo');
  assert.deepEqual([colombo.offset, colombo.abbreviation], [19800, '']);
});
