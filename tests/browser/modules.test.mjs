// The two WebAssembly modules in the page: a talktime feed renders with talktime.wasm
// alone; an iCalendar source, JSON-LD and merged feeds fetch talktime-full.js and
// talktime-full.wasm on first use. Expected instants: the fixtures' own offsets,
// FastPath's page (11:00 EDT = 15:00 UTC), and Python's zoneinfo for 1960 (written below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { browserSession, openPage, ready, repoRoot } from './browser.mjs';

// Two talks before 1970, where the zones' rules of today would give other times.
// python3: datetime(1960,6,1,12,0,tzinfo=ZoneInfo('Europe/Amsterdam')).astimezone(timezone.utc) -> 11:00
// (CET all year then; today's rule would say CEST, 10:00); America/Detroit -> 17:00 (EST, no DST then).
const OLD_FEED = JSON.stringify({
  talktime: 1, title: 'Old talks', timezone: 'Europe/Amsterdam',
  talks: [
    { id: 'amsterdam-1960', title: 'Amsterdam 1960', start: '1960-06-01T12:00', end: '1960-06-01T13:00' },
    { id: 'detroit-1960', title: 'Detroit 1960', start: '1960-06-01T12:00', end: '1960-06-01T13:00', timezone: 'America/Detroit' }
  ]
});
const session = browserSession({
  '/old-talks.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(OLD_FEED);
  }
});
const page_ = (path) => `${session.base}/tests/browser/pages/${path}`;
const FASTPATH = '../../../data/fastpath-2021.json';

// Opens mount.html, logging the path of every request the page makes.
async function logged(timezoneId = 'UTC') {
  const opened = await openPage(session.browser, { timezoneId });
  opened.requests = [];
  opened.page.on('request', (request) => opened.requests.push(new URL(request.url()).pathname.split('/').pop()));
  await opened.page.goto(page_('mount.html'));
  return opened;
}
const fullFiles = (requests) => requests.filter((name) => name.startsWith('talktime-full'));

test('a talktime feed renders, and downloads a .ics file, without the full module', async () => {
  const { page, context, errors, requests } = await logged();
  await page.evaluate((feed) => TalkTime.mount('#w', { feed, jsonld: false }), FASTPATH);
  await ready(page);
  const talk = page.locator('[data-talk-id="2021-03-28-klimovic"]');
  assert.equal(await talk.locator('time').first().getAttribute('datetime'), '2021-03-28T15:00:00+00:00');
  await talk.getByText('Add to calendar').click();
  const [download] = await Promise.all([page.waitForEvent('download'), talk.getByRole('button', { name: 'Download .ics' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.includes('DTSTART:20210328T150000Z\r\n'), text);
  assert.ok(requests.includes('talktime.wasm'), requests.join(' '));
  assert.deepEqual(fullFiles(requests), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an .ics source fetches the full module once and renders its events', async () => {
  const { page, context, errors, requests } = await logged('Asia/Tokyo');
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/weekly-seminar.ics', jsonld: false }));
  await ready(page);
  assert.ok(await page.locator('#w .tt-talk').count() > 0);
  assert.deepEqual(fullFiles(requests).sort(), ['talktime-full.js', 'talktime-full.wasm']);
  // A second widget, another format: the full module is not fetched again.
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/weekly-seminar.ics', jsonld: false }));
  await ready(page);
  assert.deepEqual(fullFiles(requests).sort(), ['talktime-full.js', 'talktime-full.wasm']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('JSON-LD of a talktime feed comes from the full module once the widget is ready', async () => {
  const { page, context, errors, requests } = await logged();
  await page.evaluate((feed) => TalkTime.mount('#w', { feed }), FASTPATH);
  await ready(page);
  const ld = JSON.parse(await page.locator('head script[type="application/ld+json"]').textContent());
  assert.equal(ld['@graph'].find((e) => e.name.startsWith('Ingesting')).startDate, '2021-03-28T11:00:00-04:00');
  assert.deepEqual(fullFiles(requests).sort(), ['talktime-full.js', 'talktime-full.wasm']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('talks before 1970 keep the times of their zones\' history', async () => {
  const { page, context, errors } = await logged();
  await page.evaluate(() => TalkTime.mount('#w', { feed: '/old-talks.json', jsonld: false }));
  await ready(page);
  const start = (id) => page.locator(`[data-talk-id="${id}"] time`).first().getAttribute('datetime');
  assert.equal(await start('amsterdam-1960'), '1960-06-01T11:00:00+00:00');
  assert.equal(await start('detroit-1960'), '1960-06-01T17:00:00+00:00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('from file://, the full module comes from talktime-full.js and talktime-full.wasm.js (JSON-LD of an inline feed)', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Europe/London' });
  await page.goto(pathToFileURL(`${repoRoot}tests/browser/pages/inline.html`).href);
  await ready(page, '#talks');
  const ld = JSON.parse(await page.locator('head script[type="application/ld+json"]').textContent());
  // Only the full module writes JSON-LD; from file:// it can have come only from the two scripts.
  assert.deepEqual(ld['@graph'].map((e) => e.name), ['Opened from a file']);
  assert.deepEqual(errors, []);
  await context.close();
});
