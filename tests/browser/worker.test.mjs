// Large feeds off the main thread (issue 12 §3, web/src/worker-feed.js): a talktime feed
// above the worker threshold is read in a Web Worker started from talktime.js's own URL
// and shows the same talks, count and diagnostics as when the page reads it itself;
// a page opened from file:// (and a browser without workers) reads it on the main
// thread and says why in the console. The feed: tests/bench/make_feed.mjs, 4,000 talks
// (about 3.6 MB, above the 2 MiB threshold), written under build/worker-test/.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { browserSession, openPage, ready, repoRoot } from './browser.mjs';
import { makeFeed } from '../bench/make_feed.mjs';

const session = browserSession();
const dir = `${repoRoot}build/worker-test`;
const TALKS = 4000;
const THRESHOLD = 2 << 20;  // WORKER_THRESHOLD_BYTES in web/src/worker-feed.js
const NOW = '2027-01-01T00:00:00Z';
let feedText = '';

before(() => {
  mkdirSync(dir, { recursive: true });
  const { feed } = makeFeed(TALKS);
  // One talk with a problem, so the diagnostics that cross from the worker are checked too.
  feed.talks[5].start = '2026-02-30T10:00';
  feedText = JSON.stringify(feed);
  writeFileSync(`${dir}/large.json`, feedText);
  assert.ok(statSync(`${dir}/large.json`).size > THRESHOLD);
  // The same feed inline, in a page opened from disk.
  writeFileSync(`${dir}/from-disk.html`, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>large, from disk</title></head><body>\n' +
    `<div id="w"></div><script type="application/json" id="feed">${feedText}</script>\n` +
    `<script src="../../dist/talktime.js" data-feed="#feed" data-target="#w" data-now="${NOW}"></script></body></html>\n`);
});

// What a reader sees: the first talks' ids and their start times, the status line, the
// number of talks in the document and the diagnostics; and whether a worker read the feed.
async function shown(page) {
  return page.evaluate(() => {
    const root = document.querySelector('#w').shadowRoot;
    const talks = [...root.querySelectorAll('.tt-talk')];
    return {
      first: talks.slice(0, 12).map((t) => t.dataset.talkId + ' ' + (t.querySelector('time[datetime]')?.getAttribute('datetime') ?? '')),
      status: root.querySelector('.tt-status')?.textContent,
      worker: performance.getEntriesByName('talktime:worker-parsed').length
    };
  });
}

async function mountLarge(page) {
  await page.goto(`${session.base}/tests/browser/pages/mount.html`);
  const diagnostics = await page.evaluate((now) => TalkTime.mount('#w', { feed: '../../../build/worker-test/large.json', now })
    .then((handle) => handle.diagnostics().map((d) => d.text)), NOW);
  await ready(page);
  return diagnostics;
}

function consoleInfos(page) {
  const infos = [];
  page.on('console', (message) => { if (message.type() === 'info') infos.push(message.text()); });
  return infos;
}

test('a large feed is read in a worker and shows what the main thread shows', async () => {
  const viaWorker = await openPage(session.browser, { timezoneId: 'Asia/Tokyo' });
  const workerDiagnostics = await mountLarge(viaWorker.page);
  const a = await shown(viaWorker.page);
  assert.equal(a.worker, 1, 'the worker read the feed');
  assert.deepEqual(viaWorker.errors, []);

  // The same feed where no worker can start: read on the main thread, and said so.
  const onPage = await openPage(session.browser, { timezoneId: 'Asia/Tokyo' });
  await onPage.context.addInitScript(() => { delete window.Worker; });
  const infos = consoleInfos(onPage.page);
  const pageDiagnostics = await mountLarge(onPage.page);
  const b = await shown(onPage.page);
  assert.equal(b.worker, 0);
  assert.deepEqual(infos, ['talktime: ../../../build/worker-test/large.json is large; it is read on the main thread because this browser has no Web Workers.']);

  assert.equal(a.first.length, 12);
  assert.deepEqual(a.first, b.first);
  assert.equal(a.status, b.status);
  assert.ok(a.status.includes(talksCounted(feedText).toLocaleString('en-GB')), a.status);
  assert.deepEqual(workerDiagnostics, pageDiagnostics);
  assert.equal(workerDiagnostics.length, 1);
  assert.match(workerDiagnostics[0], /^\[talk\.bad_start\] \/talks\/5\/start/);
  await viaWorker.context.close();
  await onPage.context.close();
});

// The talks that load and are not breaks (the status line counts those): the feed has
// one talk with an invalid start, which is skipped.
function talksCounted(text) {
  const talks = JSON.parse(text).talks;
  return talks.filter((t, i) => i !== 5 && t.kind !== 'break').length;
}

test('a large feed in a page opened from file:// is read on the main thread, which says why', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Asia/Tokyo' });
  const infos = consoleInfos(page);
  await page.goto(pathToFileURL(`${dir}/from-disk.html`).href);
  await ready(page);
  const c = await shown(page);
  assert.equal(c.worker, 0);
  assert.deepEqual(infos, ['talktime: #feed is large; it is read on the main thread because pages opened from file:// may not start workers.']);
  assert.equal(c.first.length, 12);
  assert.deepEqual(errors, []);
  await context.close();
});
