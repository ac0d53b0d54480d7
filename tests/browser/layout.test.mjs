// Room on the screen: on a 390 px phone the first talk shows without scrolling (the
// filters fold behind one "Filters" button); the list view is tighter than before; the
// compact view (data-view="compact") is one line a talk on a desktop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { browserSession, openPage, ready, repoRoot } from './browser.mjs';

const session = browserSession();
const shots = `${repoRoot}test-results/layout`;
const FASTPATH = '../../../data/fastpath-2021.json';
const PHONE = { width: 390, height: 844 };
// Tall enough that every card is laid out (cards far out of view are skipped: content-visibility).
const TALL_DESKTOP = { width: 1100, height: 4000 };

async function mounted({ viewport, colorScheme = 'light', timezoneId = 'Europe/Berlin', options = {} }) {
  const opened = await openPage(session.browser, { timezoneId, viewport, colorScheme });
  await opened.page.goto(`${session.base}/tests/browser/pages/mount.html`);
  await opened.page.evaluate((o) => TalkTime.mount('#w', o), { feed: FASTPATH, ...options });
  await ready(opened.page);
  return opened;
}

function screenshot(page, name, fullPage = false) {
  mkdirSync(shots, { recursive: true });
  return page.screenshot({ path: `${shots}/${name}.png`, fullPage });
}

for (const colorScheme of ['light', 'dark']) {
  test(`390 px phone (${colorScheme}): the first talk shows without scrolling; the filters fold behind one button`, async () => {
    const { page, context, errors } = await mounted({ viewport: PHONE, colorScheme, timezoneId: 'Asia/Kolkata' });
    const host = page.locator('#w');
    const firstTalk = await host.locator('.tt-talk').first().boundingBox();
    // Its time and title at least: the card's top 60 px are on the first screen.
    assert.ok(firstTalk.y + 60 <= PHONE.height, `first talk at ${firstTalk.y} px`);
    await screenshot(page, `phone-${colorScheme}`);
    const toggle = host.getByRole('button', { name: 'Filters' });
    const kind = host.getByRole('combobox', { name: 'Kind of session' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await kind.isVisible(), false);
    assert.equal(await host.getByRole('searchbox').isVisible(), true);  // search stays out
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await kind.isVisible(), true);
    // Nothing in the panel is wider than the widget (the series select was clipped).
    const widths = await host.locator('.tt-filters > *').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    assert.ok(Math.max(...widths) <= PHONE.width, `rightmost control ends at ${Math.max(...widths)} px`);
    await kind.selectOption({ label: 'Invited talks' });
    assert.equal(await host.locator('.tt-filters-toggle').innerText(), 'Filters (1)');
    await screenshot(page, `phone-filters-open-${colorScheme}`);
    // Escape closes it and hands the focus back to the button.
    await kind.focus();
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await kind.isVisible(), false);
    assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot.activeElement.className), 'tt-button tt-filters-toggle');
    await toggle.click();
    await toggle.click();  // and the button closes it too
    assert.equal(await kind.isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('desktop: the filters stay in the toolbar row, no "Filters" button', async () => {
  const { page, context } = await mounted({ viewport: { width: 1100, height: 900 } });
  const host = page.locator('#w');
  assert.equal(await host.locator('.tt-filters-toggle').isVisible(), false);
  assert.equal(await host.getByRole('combobox', { name: 'Kind of session' }).isVisible(), true);
  const [search, kind] = await Promise.all([host.getByRole('searchbox').boundingBox(), host.getByRole('combobox', { name: 'Kind of session' }).boundingBox()]);
  assert.equal(Math.round(search.y + search.height / 2), Math.round(kind.y + kind.height / 2));  // one row
  await context.close();
});

// The height of each talk of FastPath (11 rows), and of its list, in the view given.
function talkHeights(page) {
  return page.locator('#w').evaluate((h) => ({
    talks: [...h.shadowRoot.querySelectorAll('.tt-talk')].map((e) => e.getBoundingClientRect().height),
    list: h.shadowRoot.querySelector('.tt-list').getBoundingClientRect().height,
  }));
}

test('the list view is tighter: FastPath\'s 11 talks take at most 1,500 px (2,110 px before)', async () => {
  const { page, context } = await mounted({ viewport: TALL_DESKTOP, timezoneId: 'America/New_York' });
  const { talks, list } = await talkHeights(page);
  assert.equal(talks.length, 11);
  console.log(`list view: ${Math.round(list)} px, talks ${talks.map(Math.round).join(' ')}`);
  assert.ok(list <= 1500, `${list} px`);
  // A talk with speakers, links, star and calendar: at most 130 px (204 px before).
  const klimovic = await page.locator('#w [data-talk-id="2021-03-28-klimovic"]').boundingBox();
  assert.ok(klimovic.height <= 130, `${klimovic.height} px`);
  mkdirSync(shots, { recursive: true });
  await page.locator('#w').screenshot({ path: `${shots}/desktop-list.png` });
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`compact view on a desktop (${colorScheme}): one line a talk, time · title · speaker · room`, async () => {
    const { page, context } = await mounted({ viewport: TALL_DESKTOP, colorScheme, timezoneId: 'America/New_York', options: { view: 'compact' } });
    const rows = await page.locator('#w .tt-talk').evaluateAll((items) => items.map((item) => {
      const lineHeight = parseFloat(getComputedStyle(item.querySelector('.tt-card')).lineHeight);
      const shown = (s) => { const e = item.querySelector(s); return !!e && e.getClientRects().length > 0; };
      return { id: item.dataset.talkId, height: item.getBoundingClientRect().height, lineHeight,
        title: item.querySelector('.tt-title').getBoundingClientRect(), when: item.querySelector('.tt-when').getBoundingClientRect(),
        shown: { speakers: shown('.tt-speakers'), location: shown('.tt-location'), details: shown('.tt-details'), star: shown('.tt-star') } };
    }));
    assert.equal(rows.length, 11);
    for (const row of rows) {
      assert.ok(row.height <= 1.5 * row.lineHeight, `${row.id}: ${row.height} px, line height ${row.lineHeight} px`);
      assert.ok(Math.abs(row.title.top - row.when.top) < row.lineHeight / 2, `${row.id}: title beside the time`);
      assert.equal(row.shown.details, false);
      assert.equal(row.shown.star, false);
    }
    const klimovic = rows.find((r) => r.id === '2021-03-28-klimovic');
    assert.deepEqual(klimovic.shown, { speakers: true, location: true, details: false, star: false });
    console.log(`compact view: ${Math.round(rows.reduce((sum, r) => sum + r.height, 0))} px for 11 talks`);
    mkdirSync(shots, { recursive: true });
    await page.locator('#w').screenshot({ path: `${shots}/desktop-compact-${colorScheme}.png` });
    await context.close();
  });
}
