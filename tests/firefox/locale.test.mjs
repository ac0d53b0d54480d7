// The visitor's locale in Firefox: one browser launched in de-DE and one in en-US (see
// firefox.mjs for how). talktime takes its language from the locale (web/src/i18n/): in de-DE
// the day headings, the toolbar, the buttons and the relative hints are German, and the clock is
// the locale's (without data-hour12). The German and American dates and relative times below
// were written from Node's Intl (ICU), not from the widget; the words are de.js's, by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firefoxSession, openPage, ready, shots, widgetText } from './firefox.mjs';

const german = firefoxSession({ locale: 'de-DE' });
const american = firefoxSession({ locale: 'en-US' });

// 15:00 UTC on 28 March 2021 (Ana Klimovic's talk at FastPath 2021) in Kolkata.
const KLIMOVIC_UTC = Date.UTC(2021, 2, 28, 15);

const browserLocale = (page, instant) => page.evaluate((t) => ({
  languages: [...navigator.languages],
  locale: Intl.DateTimeFormat().resolvedOptions().locale,
  date: new Date(t).toLocaleDateString(undefined, { dateStyle: 'full', timeZone: 'Asia/Kolkata' }),
}), instant);

const startText = (page, host, id) => widgetText(page, host, `[data-talk-id="${id}"] time`);
const relative = (page, id) => widgetText(page, '#w', `[data-talk-id="${id}"] .tt-relative`);

async function fastPathInKolkata(browser, base) {
  const opened = await openPage(browser, { timezoneId: 'Asia/Kolkata' });
  await opened.page.goto(`${base}/tests/browser/pages/skeleton.html`);
  await ready(opened.page, '#talks');
  return opened;
}

// feeds/live.json (Europe/Berlin, CEST): "running" 10:00-11:00 and "later" at 14:00 on
// 2 June 2025. At 08:40 UTC (10:40 CEST) the first ends in 20 minutes, the second starts in 3 h 20.
async function liveFeed(browser, base) {
  const opened = await openPage(browser, { timezoneId: 'Europe/Berlin' });
  await opened.page.goto(`${base}/tests/browser/pages/mount.html`);
  await opened.page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/live.json', now: '2025-06-02T08:40:00Z' }));
  await ready(opened.page, '#w');
  return opened;
}

test('de-DE: the browser formats in German, and talktime shows a 24-hour clock', async () => {
  const { page, context, errors } = await fastPathInKolkata(german.browser, german.base);
  assert.deepEqual(await browserLocale(page, KLIMOVIC_UTC),
    { languages: ['de-DE', 'de'], locale: 'de-DE', date: 'Sonntag, 28. März 2021' });
  assert.equal(await startText(page, '#talks', '2021-03-28-klimovic'), '20:30');
  assert.deepEqual(errors, []);
  await context.close();
});

test('de-DE: data-hour12 overrides the locale\'s clock either way', async () => {
  const { page, context, errors } = await openPage(german.browser, { timezoneId: 'UTC' });
  await page.goto(`${german.base}/tests/browser/pages/options.html`);
  await ready(page);
  // u1 starts at 15:00 UTC, u2 at 18:30 UTC (feeds/options.json).
  assert.equal(await startText(page, '#plain', 'u1'), '15:00');
  assert.equal(await startText(page, '#hour12-false', 'u1'), '15:00');
  assert.equal(await startText(page, '#hour12-true', 'u1'), '3:00 PM');
  assert.equal(await startText(page, '#hour12-true', 'u2'), '6:30 PM');
  assert.deepEqual(errors, []);
  await context.close();
});

test('de-DE: the relative hints of live and upcoming talks are German', async () => {
  const { page, context, errors } = await liveFeed(german.browser, german.base);
  assert.equal(await relative(page, 'running'), 'endet in 20 Min.');
  assert.equal(await relative(page, 'later'), 'beginnt in 3 Std.');
  await page.screenshot({ path: `${shots}/firefox-de-DE-live.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('en-US: the browser formats in American English, and talktime shows a 12-hour clock', async () => {
  const { page, context, errors } = await fastPathInKolkata(american.browser, american.base);
  assert.deepEqual(await browserLocale(page, KLIMOVIC_UTC),
    { languages: ['en-US', 'en'], locale: 'en-US', date: 'Sunday, March 28, 2021' });
  assert.equal(await startText(page, '#talks', '2021-03-28-klimovic'), '8:30 PM');
  await context.close();
  const live = await liveFeed(american.browser, american.base);
  assert.match(await relative(live.page, 'later'), / in 3 hr\.$/);
  assert.deepEqual([...errors, ...live.errors], []);
  await live.context.close();
});

// FastPath 2021 from Kolkata: Ana Klimovic's talk on Sunday 28 March 2021 (20:30 IST), and the
// last talks on Monday 29 March there. new Intl.DateTimeFormat('de-DE', {weekday: 'long', day:
// 'numeric', month: 'long', year: 'numeric'}) -> "Sonntag, 28. März 2021", "Montag, 29. März 2021".
test('de-DE: day headings, toolbar and buttons are German, and the widget says lang="de-DE"', async () => {
  const { page, context, errors } = await fastPathInKolkata(german.browser, german.base);
  const seen = await page.$eval('#talks', (host) => {
    const root = host.shadowRoot;
    const all = (s) => [...root.querySelectorAll(s)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
    return {
      lang: root.querySelector('.tt').lang,
      days: [...new Set(all('.tt-day-title'))],
      search: root.querySelector('.tt-toolbar input').placeholder,
      show: all('.tt-show .tt-button'),
      calendar: [...new Set(all('.tt-calendar summary'))],
      star: [...new Set(all('.tt-star-off'))],
      status: root.querySelector('.tt-status').textContent,
    };
  });
  assert.deepEqual(seen, {
    lang: 'de-DE',
    days: ['Sonntag, 28. März 2021', 'Montag, 29. März 2021'],
    search: 'Vorträge, Vortragende, Themen suchen',
    show: ['Demnächst', 'Vergangen', 'Alle'],
    calendar: ['In den Kalender'],
    star: ['\u2606 Merken'],
    status: '9 Vorträge, 2 Pausen',  // data/fastpath-2021.json: 11 entries, 2 of them breaks (counted apart)
  });
  await page.screenshot({ path: `${shots}/firefox-de-DE-fastpath.png` });
  assert.deepEqual(errors, []);
  await context.close();
});
