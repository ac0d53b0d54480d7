// One talk looks like one talk (issue 13 §3): a feed of one talk, or data-view="talk",
// shows a talk page (title as a heading, its day and times in both zones, where, the
// abstract and bios open, calendar and stream links) without search, filters,
// Upcoming/Past/All, count or section heading; data-controls="none" hides the toolbar;
// a control with a single choice is not shown. Expected times by hand: 10:00 CST
// (UTC−6) on 21 January 2025 is 16:00 UTC, 21:30 IST; 1691157600 is 2023-08-04 14:00 UTC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { browserSession, openPage, ready, repoRoot } from './browser.mjs';

const session = browserSession();
const shots = `${repoRoot}test-results`;
const feed = (name) => JSON.parse(readFileSync(`${repoRoot}data/${name}.json`, 'utf8'));
const cds = feed('cds-faculty-candidate-2025').talks[0];
const panel = feed('mlsys-panel-2023').talks[0];
const stanford = feed('stanford-mlsys-seminar');

async function mount(page, options, hash = '') {
  await page.goto(`${session.base}/tests/browser/pages/mount.html${hash}`);
  await page.evaluate((o) => TalkTime.mount('#w', o), options);
  await ready(page);
}

/** What a talk page must not have, and what it shows: counts of visible elements. */
const visibleCount = (page, selector) => page.locator(`#w ${selector}`).filter({ visible: true }).count();
const text = (page, selector) => page.locator(`#w ${selector}`).first().innerText().then((t) => t.replace(/\s+/g, ' ').trim());

async function assertTalkPage(page, talk) {
  for (const selector of ['input[type="search"]', 'select', '.tt-show', '.tt-status', '.tt-section-title', '.tt-day-title', '.tt-star', '.tt-toolbar']) {
    assert.equal(await visibleCount(page, selector), 0, `${selector} is shown on a talk page`);
  }
  assert.equal(await page.locator('#w .tt-talk').count(), 1);
  assert.equal(await page.locator('#w h2.tt-title').textContent(), talk.title);
  assert.equal(await page.locator('#w .tt-details').getAttribute('open'), '');
  for (const bio of talk.speakers.map((s) => s.bio).filter(Boolean)) {
    assert.ok(await page.locator('#w .tt-bio').getByText(bio.split('\n')[0].slice(0, 60)).isVisible(), 'the bio is open');
  }
  assert.equal(await visibleCount(page, '.tt-calendar'), 1, 'Add to calendar');
}

test('a feed of one talk is a talk page: the faculty candidate\'s seminar, from Kolkata', async () => {
  mkdirSync(shots, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Asia/Kolkata', colorScheme });
    await mount(page, { feed: '../../../data/cds-faculty-candidate-2025.json', now: '2026-01-01T00:00:00Z' });
    await assertTalkPage(page, cds);
    assert.equal(await text(page, '.tt-when'), 'Tuesday, 21 January 2025 21:30 – 22:30 IST · 10:00 UTC-6 in Chicago That is 10:00 UTC-6 on Tuesday, 21 January 2025 in Chicago.');
    assert.equal(await text(page, '.tt-location'), 'CDS 1646');
    assert.ok(await page.locator('#w .tt-abstract').getByText('Scalable and efficient machine learning').isVisible(), 'the abstract is open');
    await page.screenshot({ path: `${shots}/talk-page-${colorScheme}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the podcast panel: both panellists\' bios open, the stream and registration links', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Europe/Berlin', viewport: { width: 390, height: 844 } });
  await mount(page, { feed: '../../../data/mlsys-panel-2023.json', now: '2023-08-01T00:00:00Z' });
  await assertTalkPage(page, panel);
  assert.equal(await text(page, '.tt-when'), 'Friday, 4 August 2023 16:00 – 17:00 CEST starts in 4 days');
  const links = await page.locator('#w .tt-links a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(links, [['Livestream', panel.links.livestream], ['Register', panel.links.registration], ['Mailing list', panel.links['mailing list']]]);
  await page.screenshot({ path: `${shots}/talk-page-panel-phone.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-view="talk": the permalink\'s talk, otherwise the next talk to come', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'America/Los_Angeles' });
  const flash = stanford.talks.find((t) => t.title.startsWith('FlashAttention'));
  await mount(page, { feed: '../../../data/stanford-mlsys-seminar.json', view: 'talk', now: '2026-01-01T00:00:00Z' }, `#talk=${flash.id}`);
  await assertTalkPage(page, flash);
  // Every talk is in Los Angeles time, so their local start strings sort as the instants do.
  const next = stanford.talks.filter((t) => t.start > '2022-05-01').sort((a, b) => a.start.localeCompare(b.start))[0];
  await mount(page, { feed: '../../../data/stanford-mlsys-seminar.json', view: 'talk', now: '2022-05-01T07:00:00Z' });
  await assertTalkPage(page, next);
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-view="talk" passes over a break: during FastPath\'s lunch the page is the next talk', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  // Lunch runs 12:45-13:45 EDT (16:45-17:45 UTC); at 16:50 UTC it is on, and Siva Hari's talk is next.
  await mount(page, { feed: '../../../data/fastpath-2021.json', view: 'talk', now: '2021-03-28T16:50:00Z' });
  assert.equal(await page.locator('#w .tt-talk-page').getAttribute('data-talk-id'), '2021-03-28-hari');
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-controls="none" hides the toolbar; a switch with one useful position is not shown', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  await mount(page, { feed: '../../../data/fastpath-2021.json', controls: 'none', now: '2021-03-28T15:00:00Z' });
  assert.equal(await visibleCount(page, '.tt-toolbar'), 0);
  assert.equal(await page.locator('#w .tt-talk').count(), 11);
  assert.equal(await visibleCount(page, '.tt-zone-line'), 1, 'the times still say their zone');
  // During the event there are past and upcoming talks: the switch is a choice.
  await mount(page, { feed: '../../../data/fastpath-2021.json', now: '2021-03-28T15:00:00Z' });
  assert.equal(await visibleCount(page, '.tt-show'), 1);
  // Afterwards every talk is past: Upcoming would show nothing, so the switch goes.
  await mount(page, { feed: '../../../data/fastpath-2021.json', now: '2021-04-28T15:00:00Z' });
  assert.equal(await visibleCount(page, '.tt-show'), 0);
  assert.equal(await visibleCount(page, 'input[type="search"]'), 1);
  // The Stanford feed has four series and talks of one kind: a series select, no kind select.
  await mount(page, { feed: '../../../data/stanford-mlsys-seminar.json', now: '2026-01-01T00:00:00Z' });
  assert.equal(await visibleCount(page, 'select[aria-label="Series"]'), 1);
  assert.equal(await visibleCount(page, 'select[aria-label="Kind of session"]'), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots: the Stanford archive on a desktop and a phone', async () => {
  for (const [name, viewport, colorScheme] of [['desktop', { width: 1100, height: 1000 }, 'light'], ['phone', { width: 390, height: 844 }, 'dark']]) {
    const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Asia/Kolkata', viewport, colorScheme });
    await mount(page, { feed: '../../../data/stanford-mlsys-seminar.json', now: '2026-01-01T00:00:00Z' });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), viewport.width, `${name}: no sideways scrolling`);
    await page.screenshot({ path: `${shots}/stanford-${name}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
