// Search and filters in Firefox, typed and clicked through WebDriver BiDi input actions. The
// expected titles are the feeds' own, picked by hand: data/fastpath-2021.json, and the test feed
// tests/browser/pages/feeds/options.json (two past and two upcoming talks around 15 June 2025).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firefoxSession, openPage, ready, shots, shownTalks, widgetText } from './firefox.mjs';

const session = firefoxSession();

async function mounted(options, timezoneId = 'UTC') {
  const opened = await openPage(session.browser, { timezoneId });
  await opened.page.goto(`${session.base}/tests/browser/pages/mount.html`);
  await opened.page.evaluate((o) => TalkTime.mount('#w', o), options);
  await ready(opened.page, '#w');
  return opened;
}

const titles = async (page) => (await shownTalks(page)).map((t) => t.title).sort();
const status = (page) => widgetText(page, '#w', '.tt-status');

/** Clears the widget's search box and types `text` into it, key by key. */
async function search(page, text) {
  const box = await page.$('#w >>> input[type="search"]');
  await box.click({ count: 3 });
  await page.keyboard.press('Backspace');
  if (text) await box.type(text);
}

/** Clicks the widget's visible button whose text is `name`. */
async function clickButton(page, name) {
  const buttons = await page.$$('#w >>> button');
  for (const b of buttons) {
    if (await b.evaluate((e, n) => e.textContent.trim() === n && e.checkVisibility(), name)) return b.click();
  }
  throw new Error(`no button "${name}"`);
}

/** Waits until the URL fragment is `hash` (the widget writes it once the visitor pauses). */
const fragment = (page, hash) => page.waitForFunction((h) => location.hash === h, { timeout: 5000 }, hash);

const select = async (page, label, value) => (await page.$(`#w >>> select[aria-label="${label}"]`)).select(value);

test('the search box narrows FastPath 2021 to the matching titles, ignoring case and accents', async () => {
  const { page, context, errors } = await mounted({ feed: '../../../data/fastpath-2021.json' });
  assert.equal(await status(page), '9 talks, 2 breaks');
  // "kastner" finds Christian Kästner's talk.
  await search(page, 'kastner');
  assert.deepEqual(await titles(page), ['Toward a system-wide and interdisciplinary perspective on ML system performance']);
  assert.equal(await status(page), '1 talk');
  await search(page, 'REMARKS');
  assert.deepEqual(await titles(page), ['Closing Remarks', 'Opening Remarks']);
  assert.equal(await status(page), '2 talks');
  await page.screenshot({ path: `${shots}/firefox-search.png` });
  // The search is written to the URL fragment once typing pauses.
  await fragment(page, '#w.q=REMARKS');
  await search(page, 'no such talk anywhere');
  assert.deepEqual(await titles(page), []);
  assert.equal(await page.$eval('#w', (h) => h.shadowRoot.querySelector('.tt-empty').checkVisibility()), true);
  await clickButton(page, 'Show all talks');
  assert.equal(await status(page), '9 talks, 2 breaks');
  assert.equal((await titles(page)).length, 11);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the kind select shows the breaks alone, counted as breaks, not talks', async () => {
  const { page, context, errors } = await mounted({ feed: '../../../data/fastpath-2021.json' });
  await select(page, 'Kind of session', 'break');
  assert.deepEqual(await titles(page), ['BREAK', 'LUNCH / DINNER / BREAKFAST']);
  assert.equal(await status(page), '0 talks, 2 breaks');
  await select(page, 'Kind of session', 'closing');
  assert.deepEqual(await titles(page), ['Closing Remarks']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('series, kind, topic and the show buttons combine, and the fragment records them', async () => {
  const { page, context, errors } = await mounted({ feed: 'feeds/options.json', now: '2025-06-15T12:00:00Z' });
  assert.deepEqual(await titles(page), ['First past keynote', 'First upcoming talk', 'Second past talk', 'Second upcoming panel']);
  await select(page, 'Series', 'autumn');
  assert.deepEqual(await titles(page), ['First upcoming talk', 'Second upcoming panel']);
  await select(page, 'Kind of session', 'panel');
  assert.deepEqual(await titles(page), ['Second upcoming panel']);
  assert.equal(await status(page), '1 talk');
  await fragment(page, '#w.series=autumn&w.kind=panel');
  await select(page, 'Series', '');
  await select(page, 'Kind of session', '');
  await select(page, 'Topic', 'compilers');
  assert.deepEqual(await titles(page), ['First past keynote', 'First upcoming talk']);
  await clickButton(page, 'Past');
  assert.deepEqual(await titles(page), ['First past keynote']);
  await select(page, 'Topic', '');
  assert.deepEqual(await titles(page), ['First past keynote', 'Second past talk']);
  await clickButton(page, 'Upcoming');
  assert.deepEqual(await titles(page), ['First upcoming talk', 'Second upcoming panel']);
  await fragment(page, '#w.show=upcoming');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared link with filters in its fragment opens the filtered view', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  await page.goto(`${session.base}/tests/browser/pages/mount.html#w.q=second&w.show=past`);
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/options.json', now: '2025-06-15T12:00:00Z' }));
  await ready(page, '#w');
  assert.deepEqual(await titles(page), ['Second past talk']);
  assert.equal(await page.$eval('#w >>> input[type="search"]', (e) => e.value), 'second');
  assert.deepEqual(errors, []);
  await context.close();
});
