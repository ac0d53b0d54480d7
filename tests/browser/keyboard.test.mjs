// The widget by keyboard: a skip link past the schedule, the feed title as a heading,
// fewer tab stops a talk (its links, star and calendar menu are one toolbar, the arrow
// keys inside), and Escape closing menus and panels with the focus back on their button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, openPage, ready } from './browser.mjs';

const session = browserSession();
const FASTPATH = '../../../data/fastpath-2021.json';
const KLIMOVIC = '[data-talk-id="2021-03-28-klimovic"]';

async function mounted(options = {}) {
  const opened = await openPage(session.browser, { timezoneId: 'Europe/Berlin' });
  await opened.page.goto(`${session.base}/tests/browser/pages/mount.html`);
  // Something focusable after the widget, where the skip link leads.
  await opened.page.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<a id="after" href="#after">After the schedule</a>'));
  await opened.page.evaluate((o) => TalkTime.mount('#w', o), { feed: FASTPATH, ...options });
  await ready(opened.page);
  return opened;
}

// What has the focus: {inWidget, talk (id or ''), text, className}.
function focused(page) {
  return page.evaluate(() => {
    const active = document.querySelector('#w').shadowRoot.activeElement;
    if (document.activeElement !== document.querySelector('#w') || !active) return { inWidget: false, id: document.activeElement.id };
    const talk = active.closest('.tt-talk');
    return { inWidget: true, talk: talk ? talk.dataset.talkId : '', text: active.textContent.trim(), className: active.className };
  });
}

test('the feed title is a heading; the skip link is first and jumps past the schedule', async () => {
  const { page, context, errors } = await mounted();
  const host = page.locator('#w');
  const title = 'FastPath 2021 - International Workshop on Performance Analysis of Machine Learning Systems';
  assert.equal(await host.getByRole('heading', { level: 2, name: title }).count(), 1);
  const skip = host.getByRole('link', { name: 'Skip past the schedule' });
  assert.equal((await skip.boundingBox()).width <= 1, true);  // out of sight until focused
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { inWidget: true, talk: '', text: 'Skip past the schedule', className: 'tt-skip' });
  assert.ok((await skip.boundingBox()).width > 100, 'the focused skip link shows');
  await page.keyboard.press('Enter');
  assert.deepEqual(await focused(page), { inWidget: true, talk: '', text: 'End of the schedule', className: 'tt-end' });
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { inWidget: false, id: 'after' });
  assert.deepEqual(errors, []);
  await context.close();
});

// The talks' markup, read from the page: what each talk offers a keyboard.
function talkControls(page) {
  return page.locator('#w .tt-talk').evaluateAll((items) => items.map((item) => ({
    id: item.dataset.talkId,
    isBreak: item.dataset.kind === 'break',
    speakerLinks: item.querySelectorAll('.tt-speaker a').length,
    locationLinks: item.querySelectorAll('.tt-location a').length,
    links: item.querySelectorAll('.tt-links a').length,
    star: item.querySelectorAll('.tt-star').length,
    calendar: item.querySelectorAll('.tt-calendar').length,
    details: item.querySelectorAll('.tt-details').length,
  })));
}

test('each talk costs fewer tab stops: its links, star and calendar menu are one', async () => {
  const { page, context } = await mounted();
  const controls = await talkControls(page);
  // Walk the whole widget with Tab, counting the stops in each talk.
  const stops = {};
  const klimovic = [];
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press('Tab');
    const at = await focused(page);
    if (!at.inWidget) break;
    if (at.talk) stops[at.talk] = (stops[at.talk] || 0) + 1;
    if (at.talk === '2021-03-28-klimovic') klimovic.push(at.text);
  }
  assert.deepEqual(klimovic, ['Ingesting and Processing Data Efficiently for Machine Learning', 'Ana Klimovic', 'Slides']);
  let before = 0, after = 0;
  for (const c of controls) {
    // Before: the title, each speaker and location link, each link, the star, the menu, the abstract.
    const was = 1 + c.speakerLinks + c.locationLinks + c.links + c.star + c.calendar + c.details;
    const now = 1 + c.speakerLinks + c.locationLinks + (c.links + c.star + c.calendar > 0 ? 1 : 0) + c.details;
    assert.equal(stops[c.id], now, c.id);
    // A break has no star or calendar menu (nothing to star or attend): it had one stop already.
    if (c.isBreak) assert.equal(now, 1, c.id);
    else assert.ok(now < was, `${c.id}: ${now} stops, ${was} before`);
    before += was;
    after += now;
  }
  console.log(`tab stops in FastPath's ${controls.length} talks: ${after} (${before} before)`);
  await context.close();
});

test('the arrow keys move through a talk\'s toolbar; Escape closes its calendar menu onto its button', async () => {
  const { page, context } = await mounted();
  const talk = page.locator(`#w ${KLIMOVIC}`);
  await talk.locator('.tt-speaker a').focus();
  await page.keyboard.press('Tab');
  const texts = [(await focused(page)).text];
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'Home', 'End']) {
    await page.keyboard.press(key);
    texts.push((await focused(page)).text);
  }
  assert.deepEqual(texts, ['Slides', 'Video', '\u2606 Star\u2605 Starred', 'Add to calendar', 'Add to calendar', '\u2606 Star\u2605 Starred', 'Slides', 'Add to calendar']);
  // The toolbar's one tab stop is now the menu's button: Shift+Tab leaves the toolbar, Tab comes back to it.
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).text, 'Ana Klimovic');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Add to calendar');
  await page.keyboard.press('Enter');
  const menu = talk.locator('details.tt-calendar');
  assert.equal(await menu.evaluate((d) => d.open), true);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Download .ics');
  await page.keyboard.press('Escape');
  assert.equal(await menu.evaluate((d) => d.open), false);
  assert.equal((await focused(page)).text, 'Add to calendar');
  await context.close();
});

test('Escape closes the time zone picker onto "Change time zone"', async () => {
  const { page, context } = await mounted();
  const host = page.locator('#w');
  const change = host.getByRole('button', { name: 'Change time zone' });
  await change.click();
  const input = host.getByRole('combobox', { name: 'Time zone' });
  assert.equal(await input.isVisible(), true);
  await input.press('Escape');
  assert.equal(await input.isVisible(), false);
  assert.equal(await change.getAttribute('aria-expanded'), 'false');
  assert.equal((await focused(page)).text, 'Change time zone');
  await context.close();
});
