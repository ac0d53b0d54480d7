// Time zones in Firefox: viewers in Asia/Kolkata and Pacific/Auckland (the browser's zone, set
// over WebDriver BiDi) see every FastPath 2021 talk at its exact local time, under the right day.
// The expected values were computed beforehand with Python's zoneinfo from the feed's New York
// times (America/New_York, EDT = UTC-4 on 28 March 2021), and are written here as literals:
//   IST = UTC+5:30 all year; Auckland was on daylight time (NZDT = UTC+13) until 4 April 2021.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firefoxSession, openPage, ready, shots, startsByTalk, widgetText } from './firefox.mjs';

const session = firefoxSession();

const KOLKATA = {
  '2021-03-28-opening': ['2021-03-28T20:20:00+05:30', '2021-03-28'],
  '2021-03-28-klimovic': ['2021-03-28T20:30:00+05:30', '2021-03-28'],
  '2021-03-28-kaestner': ['2021-03-28T21:05:00+05:30', '2021-03-28'],
  '2021-03-28-el-maghraoui': ['2021-03-28T21:40:00+05:30', '2021-03-28'],
  '2021-03-28-lunch': ['2021-03-28T22:15:00+05:30', '2021-03-28'],
  '2021-03-28-hari': ['2021-03-28T23:15:00+05:30', '2021-03-28'],
  '2021-03-28-mazumdar': ['2021-03-28T23:50:00+05:30', '2021-03-28'],
  '2021-03-28-break': ['2021-03-29T00:25:00+05:30', '2021-03-29'],
  '2021-03-28-maas': ['2021-03-29T00:45:00+05:30', '2021-03-29'],
  '2021-03-28-park': ['2021-03-29T01:20:00+05:30', '2021-03-29'],
  '2021-03-28-closing': ['2021-03-29T01:55:00+05:30', '2021-03-29'],
};

const AUCKLAND = {
  '2021-03-28-opening': ['2021-03-29T03:50:00+13:00', '2021-03-29'],
  '2021-03-28-klimovic': ['2021-03-29T04:00:00+13:00', '2021-03-29'],
  '2021-03-28-kaestner': ['2021-03-29T04:35:00+13:00', '2021-03-29'],
  '2021-03-28-el-maghraoui': ['2021-03-29T05:10:00+13:00', '2021-03-29'],
  '2021-03-28-lunch': ['2021-03-29T05:45:00+13:00', '2021-03-29'],
  '2021-03-28-hari': ['2021-03-29T06:45:00+13:00', '2021-03-29'],
  '2021-03-28-mazumdar': ['2021-03-29T07:20:00+13:00', '2021-03-29'],
  '2021-03-28-break': ['2021-03-29T07:55:00+13:00', '2021-03-29'],
  '2021-03-28-maas': ['2021-03-29T08:15:00+13:00', '2021-03-29'],
  '2021-03-28-park': ['2021-03-29T08:50:00+13:00', '2021-03-29'],
  '2021-03-28-closing': ['2021-03-29T09:25:00+13:00', '2021-03-29'],
};

async function fastPathIn(timezoneId) {
  const opened = await openPage(session.browser, { timezoneId });
  await opened.page.goto(`${session.base}/tests/browser/pages/skeleton.html`);
  await ready(opened.page, '#talks');
  return opened;
}

const talkText = (page, id, selector) => widgetText(page, '#talks', `[data-talk-id="${id}"] ${selector}`);
// The texts of a talk's <time> elements in its when-line: start, end, then the event's own start.
const clockTexts = (page, id) => page.$eval('#talks', (h, i) => [...h.shadowRoot.querySelectorAll(`[data-talk-id="${i}"] .tt-when time`)]
  .map((t) => t.textContent), id);

test('a viewer in Asia/Kolkata sees every talk at its IST time, the late ones on Monday', async () => {
  const { page, context, errors } = await fastPathIn('Asia/Kolkata');
  assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'Asia/Kolkata');
  assert.deepEqual(await startsByTalk(page, '#talks'), KOLKATA);
  // The clock text and the event's own time beside it (en-GB: 24-hour clock).
  assert.equal(await talkText(page, '2021-03-28-klimovic', '.tt-when'), '20:30–21:05 IST · 11:00 EDT in New York That is 11:00 EDT on Sunday, 28 March 2021 in New York.');
  assert.deepEqual(await clockTexts(page, '2021-03-28-maas'), ['00:45', '01:20', '15:15']);
  assert.match(await widgetText(page, '#talks', '.tt-zone-text'), /\(Asia\/Kolkata\)\.$/);
  await page.screenshot({ path: `${shots}/firefox-kolkata.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a viewer in Pacific/Auckland sees the whole workshop on Monday 29 March, in NZDT', async () => {
  const { page, context, errors } = await fastPathIn('Pacific/Auckland');
  assert.deepEqual(await startsByTalk(page, '#talks'), AUCKLAND);
  assert.equal(await talkText(page, '2021-03-28-opening', '.tt-when'), '03:50–04:00 NZDT · 10:50 EDT Sun 28 Mar in New York That is 10:50 EDT on Sunday, 28 March 2021 in New York.');
  assert.deepEqual(await clockTexts(page, '2021-03-28-closing'), ['09:25', '09:30', '16:25']);
  assert.deepEqual(await page.$eval('#talks', (h) => [...h.shadowRoot.querySelectorAll('.tt-day')].map((d) => d.dataset.day)), ['2021-03-29']);
  assert.match(await widgetText(page, '#talks', '.tt-zone-text'), /\(Pacific\/Auckland\)\.$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Kolkata viewer who switches to Pacific/Auckland through the API gets the Auckland times', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Asia/Kolkata' });
  await page.goto(`${session.base}/tests/browser/pages/mount.html`);
  await page.evaluate(async () => {
    window.handle = await TalkTime.mount('#w', { feed: '../../../data/fastpath-2021.json' });
  });
  assert.deepEqual(await startsByTalk(page, '#w'), KOLKATA);
  await page.evaluate(() => window.handle.setTimeZone('Pacific/Auckland'));
  assert.deepEqual(await startsByTalk(page, '#w'), AUCKLAND);
  assert.deepEqual(errors, []);
  await context.close();
});
