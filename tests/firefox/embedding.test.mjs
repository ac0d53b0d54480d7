// Embedding talktime in Firefox: the demo page under its strict Content-Security-Policy, the
// script-tag form, auto-mounted elements, an inline feed from file://, and TalkTime.mount's
// handle. The expected talks are the feeds' own (read from data/ here), never the widget's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { firefoxSession, openPage, ready, repoRoot, shots, shownTalks, widgetText } from './firefox.mjs';

const session = firefoxSession();
const feedIds = (name) => JSON.parse(readFileSync(`${repoRoot}data/${name}.json`, 'utf8')).talks.map((t) => t.id);
const talkGlobals = (page) => page.evaluate(() => Object.keys(window).filter((k) => /talk/i.test(k)).join());
const state = (page, host) => page.$eval(host, (h) => h.dataset.talktimeState);
const talkCount = (page, host) => page.$eval(host, (h) => h.shadowRoot.querySelectorAll('.tt-talk').length);

test('the demo page mounts FastPath 2021 under its strict CSP, and its feed switcher mounts another feed', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Europe/Berlin' });
  await page.goto(`${session.base}/web/`);
  await ready(page, '#talks');
  assert.equal(await talkGlobals(page), 'TalkTime');
  // FastPath 2021: 11 entries, of which 2 are breaks, which are not counted.
  assert.equal(await talkCount(page, '#talks'), 11);
  assert.equal(await widgetText(page, '#talks', '.tt-status'), '9 talks, 2 breaks');
  assert.deepEqual((await shownTalks(page, '#talks')).map((t) => t.id).sort(), feedIds('fastpath-2021').sort());
  await page.screenshot({ path: `${shots}/firefox-demo.png` });
  await page.select('#feed-choice', '../data/mlforsystems-neurips-2023.json');
  await page.waitForFunction(() => document.querySelector('#talks').shadowRoot.querySelector('[data-talk-id="2023-12-16-opening"]'), { timeout: 15000 });
  await ready(page, '#talks');
  const neurips = new Set(feedIds('mlforsystems-neurips-2023'));
  const shown = await shownTalks(page, '#talks');
  assert.ok(shown.length > 0 && shown.every((t) => neurips.has(t.id)), JSON.stringify(shown));
  assert.equal(await page.evaluate(() => location.hash), '#feed=..%2Fdata%2Fmlforsystems-neurips-2023.json');
  assert.equal(await talkGlobals(page), 'TalkTime');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the script-tag form fills its data-target and hides the fallback; TalkTime carries the package version', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Asia/Kolkata' });
  await page.goto(`${session.base}/tests/browser/pages/skeleton.html`);
  await ready(page, '#talks');
  assert.equal(await state(page, '#talks'), 'ready');
  assert.equal(await talkCount(page, '#talks'), 11);
  assert.equal(await widgetText(page, '#talks', '.tt-status'), '9 talks, 2 breaks');
  // The fallback stays in the light DOM, not rendered: the shadow root has no slot for it.
  assert.equal(await page.$eval('#fallback', (e) => e.checkVisibility()), false);
  const version = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')).version;
  assert.equal(await page.evaluate(() => TalkTime.version), version);
  assert.equal(await talkGlobals(page), 'TalkTime');
  assert.deepEqual(errors, []);
  await context.close();
});

test('auto-mount makes two independent widgets; a search in one leaves the other alone', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'America/New_York' });
  await page.goto(`${session.base}/tests/browser/pages/automount.html`);
  await ready(page);
  assert.deepEqual(await page.$$eval('section[data-talktime]', (hosts) => hosts.map((h) => [h.id, h.dataset.talktimeState])),
    [['workshop', 'ready'], ['seminar', 'ready']]);
  assert.equal(await page.$eval('#seminar', (h) => h.shadowRoot.querySelector('.tt').classList.contains('tt-compact')), true);
  const seminarBefore = (await shownTalks(page, '#seminar')).map((t) => t.id);
  const search = await page.$('#workshop >>> input[type="search"]');
  await search.type('klimovic');
  await page.waitForFunction(() => document.querySelector('#workshop').shadowRoot.querySelectorAll('.tt-talk:not([hidden])').length === 1);
  assert.deepEqual(await shownTalks(page, '#workshop'),
    [{ id: '2021-03-28-klimovic', title: 'Ingesting and Processing Data Efficiently for Machine Learning' }]);
  assert.deepEqual((await shownTalks(page, '#seminar')).map((t) => t.id), seminarBefore);
  assert.equal(await talkGlobals(page), 'TalkTime');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an inline feed works from file:// with no server (talktime.wasm.js)', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Europe/London' });
  await page.goto(pathToFileURL(`${repoRoot}tests/browser/pages/inline.html`).href);
  await ready(page, '#talks');
  // 18:00 in Europe/London on 1 July 2024 is British Summer Time, UTC+1. (A feed of one
  // talk is a talk page: its day comes before its times.)
  assert.deepEqual(await shownTalks(page, '#talks'), [{ id: 'inline-1', title: 'Opened from a file' }]);
  assert.equal(await page.$eval('#talks', (h) => h.shadowRoot.querySelector('[data-talk-id="inline-1"] time[datetime*="T"]').getAttribute('datetime')),
    '2024-07-01T18:00:00+01:00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('TalkTime.mount resolves to a handle; destroy() gives the element its own content back', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  await page.goto(`${session.base}/tests/browser/pages/mount.html`);
  const mounted = await page.evaluate(async () => {
    window.handle = await TalkTime.mount('#w', { feed: '../../../data/fastpath-2021.json' });
    return typeof window.handle.setTimeZone;
  });
  assert.equal(mounted, 'function');
  assert.equal(await state(page, '#w'), 'ready');
  assert.equal(await page.$eval('#w p', (p) => p.checkVisibility()), false);
  await page.evaluate(() => window.handle.destroy());
  assert.equal(await page.$eval('#w p', (p) => p.checkVisibility()), true);
  assert.equal(await page.$eval('#w p', (p) => p.textContent), 'Fallback list of talks.');
  assert.deepEqual(errors, []);
  await context.close();
});
