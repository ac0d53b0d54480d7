// A recurring calendar in the widget: a Google Calendar export of a weekly seminar
// (RRULE without an end, EXDATEs, a cancelled and a moved occurrence) is expanded
// around the page's clock. Expected instants are facts about the events: 16:00 in
// New York is 21:00 UTC in winter (EST) and 20:00 UTC from 8 March 2026 (EDT).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openPage, serveRepo, ready } from './browser.mjs';

let browser, server, base;
const shots = '/tmp/shots-recur';

before(async () => {
  browser = await launchBrowser();
  ({ server, url: base } = await serveRepo());
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  server?.close();
});

const starts = (page) => page.locator('#w .tt-talk time:first-of-type').evaluateAll(
  (times) => times.map((t) => t.getAttribute('datetime')));

test('a weekly .ics feed lists the occurrences after the page\'s now, with the cancelled and moved ones in place', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'America/New_York' });
  await page.goto(`${base}/tests/browser/pages/mount.html`);
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/weekly-seminar.ics', now: '2026-03-01T12:00:00Z',
                                                   show: 'upcoming', timezone: 'America/New_York' }));
  await ready(page, '#w');
  const list = await starts(page);
  // Shown in New York: 16:00 before and after the change to daylight saving time on 8 March.
  assert.deepEqual(list.slice(0, 5), ['2026-03-05T16:00:00-05:00', '2026-03-12T16:00:00-04:00',
                                      '2026-03-20T11:00:00-04:00', '2026-03-26T16:00:00-04:00',
                                      '2026-04-02T16:00:00-04:00']);
  // The original 19 March occurrence is not listed: its override moved it to Friday 20 March.
  assert.ok(!list.includes('2026-03-19T16:00:00-04:00'));
  const cancelled = page.locator('#w .tt-talk', { has: page.locator('time[datetime="2026-03-12T16:00:00-04:00"]') });
  assert.match(await cancelled.innerText(), /Cancelled/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the real clock the page shows upcoming Thursdays at 16:00 New York time (screenshot)', async () => {
  for (const [name, options] of [['desktop-light', {}], ['phone-dark', { viewport: { width: 390, height: 844 }, colorScheme: 'dark' }],
                                 ['kolkata-de', { timezoneId: 'Asia/Kolkata', locale: 'de-DE' }]]) {
    const { page, context, errors } = await openPage(browser, { timezoneId: 'America/New_York', ...options });
    await page.goto(`${base}/tests/browser/pages/weekly-seminar.html`);
    await ready(page, '#seminar');
    const first = await page.locator('#seminar .tt-talk time:first-of-type').first().getAttribute('datetime');
    const firstMs = Date.parse(first);
    assert.ok(firstMs > Date.now() - 2 * 3600e3, `${first} is upcoming`);
    assert.ok(firstMs < Date.now() + 8 * 86400e3, `${first} is within a week`);
    const wall = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: 'numeric',
                                                    minute: 'numeric', hourCycle: 'h23' }).format(new Date(firstMs));
    assert.match(wall, /^(Thu 16:00|Fri 11:00)$/);
    await page.screenshot({ path: `${shots}/weekly-seminar-${name}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
