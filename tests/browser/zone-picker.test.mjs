// The zone picker in Chromium: typing a city and picking it with the keyboard,
// Escape, "Use my time zone", and "Event time" kept to its own feed. Screenshots of
// the open picker (desktop, 390 px phone, dark) go to test-results/. Expected times
// are facts about FastPath 2021 ("11:00 am US EDT = 15:00 UTC" = 20:30 in India).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { browserSession, openPage, ready, repoRoot } from './browser.mjs';

const session = browserSession();
const shots = `${repoRoot}test-results`;
const page_ = (path) => `${session.base}/tests/browser/pages/${path}`;
const FASTPATH = '../../../data/fastpath-2021.json';    // in New York time
const SEMINAR = '../../../data/stanford-mlsys-seminar.json';  // in Los Angeles time
const WORKSHOP = '../../../data/mlforsystems-neurips-2023.json';  // in Chicago time
const NOW = '2026-01-01T00:00:00Z';

async function mounted(page, feed) {
  await page.goto(page_('mount.html'));
  await page.evaluate(([f, now]) => TalkTime.mount('#w', { feed: f, now, hour12: false }), [feed, NOW]);
  await ready(page);
}

const klimovic = (page) => page.locator('[data-talk-id="2021-03-28-klimovic"] time').first().getAttribute('datetime');
const zoneText = (page) => page.locator('#w .tt-zone-text').textContent();
// The widget's focused element, seen through its shadow root: its role, or its text.
const focused = (page) => page.evaluate(() => {
  const active = document.querySelector('#w').shadowRoot.activeElement;
  return active?.getAttribute('role') || active?.textContent || '';
});
const zoneOptions = (page) => page.getByRole('listbox', { name: 'Time zones' }).getByRole('option');
const stored = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('talktime.'))));

test('typing "kolk" finds Kolkata with its offset and local time; the keyboard picks it; Escape closes', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'America/New_York' });
  await mounted(page, FASTPATH);
  const change = page.getByRole('button', { name: 'Change time zone' });
  await change.click();
  assert.equal(await change.getAttribute('aria-expanded'), 'true');
  const box = page.getByRole('combobox', { name: 'Time zone' });
  assert.equal(await focused(page), 'combobox');
  await page.keyboard.type('kolk');
  const options = zoneOptions(page);
  assert.equal(await options.count(), 1);
  // 2026-01-01T00:00Z is Thursday 05:30 in India.
  assert.equal(await options.first().innerText(), 'Kolkata, India\nThu 05:30\nAsia/Kolkata \u00b7 IST (UTC+5:30)');
  assert.equal(await options.first().textContent(), 'Kolkata, India Thu 05:30 Asia/Kolkata \u00b7 IST (UTC+5:30)');
  await page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(await klimovic(page), '2021-03-28T20:30:00+05:30');
  assert.match(await zoneText(page), /\(Asia\/Kolkata\)/);
  assert.equal(await page.locator('#w .tt-zone-panel').isHidden(), true);
  assert.equal(await focused(page), 'Change time zone');
  assert.deepEqual(await stored(page), { 'talktime.zone': 'Asia/Kolkata' });

  // Escape closes the picker without a change and returns the focus to its button.
  await change.click();
  await page.keyboard.type('berl');
  assert.equal(await options.first().textContent(), 'Berlin, Germany Thu 01:00 Europe/Berlin \u00b7 CET (UTC+1)');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#w .tt-zone-panel').isHidden(), true);
  assert.equal(await change.getAttribute('aria-expanded'), 'false');
  assert.equal(await focused(page), 'Change time zone');
  assert.equal(await klimovic(page), '2021-03-28T20:30:00+05:30');

  // "Use my time zone" is one click away while the times are not in the browser's zone.
  const mine = page.getByRole('button', { name: 'Use my time zone' });
  await mine.click();
  assert.equal(await klimovic(page), '2021-03-28T11:00:00-04:00');
  assert.equal(await mine.count(), 0);  // hidden: the times are in this browser's zone
  assert.deepEqual(await stored(page), {});
  assert.deepEqual(errors, []);
  await context.close();
});

test('a country, an abbreviation and an offset list their zones; a click picks one', async () => {
  const { page, context } = await openPage(session.browser, { timezoneId: 'UTC' });
  await mounted(page, FASTPATH);
  await page.getByRole('button', { name: 'Change time zone' }).click();
  const box = page.getByRole('combobox', { name: 'Time zone' });
  const places = () => page.locator('#w .tt-zone-place').allTextContents();
  await box.fill('India');
  assert.deepEqual(await places(), ['Kolkata, India']);
  await box.fill('IST');
  assert.deepEqual(await places(), ['Jerusalem, Israel', 'Kolkata, India', 'Dublin, Ireland']);
  assert.equal(await page.locator('#w .tt-zone-message').textContent(), '3 time zones');
  await box.fill('UTC+05:30');
  assert.deepEqual(await places(), ['Colombo, Sri Lanka', 'Kolkata, India']);
  await box.fill('Asia/Calcutta');
  assert.deepEqual(await page.locator('#w .tt-zone-detail').allTextContents(), ['Asia/Kolkata \u00b7 IST (UTC+5:30) \u00b7 Asia/Calcutta']);
  await box.fill('Nowhere/Special');
  assert.equal(await zoneOptions(page).count(), 0);
  assert.match(await page.locator('#w .tt-zone-message').textContent(), /^No time zone matches \u201cNowhere\/Special\u201d/);
  await box.fill('PST');
  await zoneOptions(page).filter({ hasText: 'Manila' }).click();
  assert.match(await zoneText(page), /\(Asia\/Manila\)/);
  // 15:00 UTC is 23:00 in Manila (UTC+8).
  assert.equal(await klimovic(page), '2021-03-28T23:00:00+08:00');
  await context.close();
});

test('"Event time" stays with its feed: another feed on another page keeps the visitor\'s zone', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Asia/Kolkata' });
  await mounted(page, FASTPATH);
  await page.getByRole('button', { name: 'Event time' }).click();
  assert.equal(await klimovic(page), '2021-03-28T11:00:00-04:00');
  assert.equal(await page.getByRole('button', { name: 'Event time' }).count(), 0);  // already shown
  assert.deepEqual(await stored(page), { 'talktime.eventTime:https://tinyurl.com/fastpath2021': '1' });

  // A second page of the site, with another feed: still the browser's zone.
  const second = await context.newPage();
  await mounted(second, SEMINAR);
  assert.match(await zoneText(second), /\(Asia\/Kolkata\)/);
  assert.equal(await second.getByRole('button', { name: 'Event time' }).count(), 1);
  assert.equal(await second.getByRole('button', { name: 'Use my time zone' }).count(), 0);

  // The first feed keeps its event time when its page is opened again.
  await mounted(page, FASTPATH);
  assert.equal(await klimovic(page), '2021-03-28T11:00:00-04:00');

  // A zone picked in the picker is for the whole site, except the feed shown in event time.
  await second.getByRole('button', { name: 'Change time zone' }).click();
  await second.getByRole('combobox', { name: 'Time zone' }).fill('Tokyo');
  await second.keyboard.press('Enter');
  assert.match(await zoneText(second), /\(Asia\/Tokyo\)/);
  const third = await context.newPage();
  await mounted(third, WORKSHOP);
  assert.match(await zoneText(third), /\(Asia\/Tokyo\)/);
  await mounted(page, FASTPATH);
  assert.equal(await klimovic(page), '2021-03-28T11:00:00-04:00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the open picker: screenshots (desktop, 390 px phone, dark), and no serious axe violation', async () => {
  mkdirSync(shots, { recursive: true });
  for (const [name, viewport, colorScheme, query] of [['desktop', { width: 1100, height: 900 }, 'light', 'IST'],
    ['phone', { width: 390, height: 844 }, 'light', 'new'], ['dark', { width: 1100, height: 900 }, 'dark', 'Germany']]) {
    const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Asia/Kolkata', viewport, colorScheme });
    await mounted(page, FASTPATH);
    await page.getByRole('button', { name: 'Change time zone' }).click();
    await page.keyboard.type(query);
    await page.keyboard.press('ArrowDown');
    const panel = page.locator('#w .tt-zone-panel');
    const box = await panel.boundingBox();
    assert.ok(box.width <= viewport.width, `${name}: the panel fits the width`);
    await page.screenshot({ path: `${shots}/zone-picker-${name}.png` });
    await page.addScriptTag({ content: readFileSync(`${repoRoot}node_modules/axe-core/axe.min.js`, 'utf8') });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
      .map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(serious, [], name);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
