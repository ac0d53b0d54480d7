// Every talk is in the page (issue 13 §2): once the widget is idle, each matching talk of
// a long feed is in the document once, findable and printable; a permalink to an old talk
// lands on it; the structured data describes them all; printing shows the programme
// without controls, with abstracts open and link addresses written out.
//
// Find-in-page: the browser's find bar has no protocol command. Chromium's window.find
// searches the page's rendered text as the find bar does, shadow roots and talks kept
// unpainted off screen (content-visibility: auto) included, so the test uses it, with
// two controls that show it can fail: a word the page does not hold, and the same title
// once a search has filtered its talk out. (innerText is no witness: it leaves out
// content-visibility: auto content that find-in-page does find.) The title's element
// must also be rendered (checkVisibility: not display: none, nor inside it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { browserSession, idle, openPage, ready, repoRoot } from './browser.mjs';

const session = browserSession();
const shots = `${repoRoot}test-results`;
const stanford = JSON.parse(readFileSync(`${repoRoot}data/stanford-mlsys-seminar.json`, 'utf8'));
const flash = stanford.talks.find((t) => t.title.startsWith('FlashAttention'));
const NOW = '2026-06-01T00:00:00Z';  // after every talk of the feed: the archive, newest first

async function mountStanford(page, options = {}, hash = '') {
  await page.goto(`${session.base}/tests/browser/pages/mount.html${hash}`);
  await page.evaluate((o) => TalkTime.mount('#w', o), { feed: '../../../data/stanford-mlsys-seminar.json', now: NOW, ...options });
  await ready(page);
  await idle(page);
}

const talkIds = (page) => page.locator('#w .tt-talk').evaluateAll((items) => items.map((e) => e.dataset.talkId));

test('every talk of the Stanford archive is in the document once, and the oldest can be found', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'America/Los_Angeles' });
  await mountStanford(page);
  const ids = await talkIds(page);
  assert.deepEqual([...ids].sort(), stanford.talks.map((t) => t.id).sort());
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(await page.locator('#w .tt-more').count(), 0, 'no "Show more" button');
  const finds = (text) => page.evaluate((t) => {
    getSelection().removeAllRanges();
    return window.find(t, true);
  }, text);
  const rendered = await page.$eval('#w', (h, title) =>
    [...h.shadowRoot.querySelectorAll('.tt-title')].filter((e) => e.textContent === title && e.checkVisibility()).length, flash.title);
  assert.equal(rendered, 1);
  assert.equal(await finds(flash.title), true);
  assert.equal(await finds('Chip Huyen'), true);
  assert.equal(await finds('Zyxwvut Seminar'), false);
  await page.locator('#w input[type="search"]').fill('Chip Huyen');
  await idle(page);
  assert.equal(await finds(flash.title), false, 'a talk the search filtered out is not found');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a permalink to an old talk lands on it, and the structured data describes every talk', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Europe/Berlin', viewport: { width: 1100, height: 800 } });
  await mountStanford(page, {}, `#talk=${encodeURIComponent(flash.id)}`);
  const target = page.locator('#w .tt-target');
  assert.equal(await target.getAttribute('data-talk-id'), flash.id);
  const box = await target.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + Math.min(box.height, 200) <= 800, `the talk is on screen: ${JSON.stringify(box)}`);
  const events = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  const names = (Array.isArray(events) ? events : events['@graph'] || [events]).map((e) => e.name);
  assert.deepEqual([...names].sort(), stanford.talks.filter((t) => t.kind !== 'break').map((t) => t.title).sort());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 1,000-talk feed: all in the document once idle, and a search typed meanwhile shows its own matches', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC', viewport: { width: 900, height: 600 } });
  await page.goto(`${session.base}/tests/browser/pages/mount.html`);
  // Mounted, and a search typed in the same task: while the rest of the list is still to come.
  const whenTyped = await page.evaluate(async () => {
    const talks = Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}`, title: `Talk ${i}`, start: 1767225600 + i * 3600, duration: 30,
      abstract: `Abstract of talk ${i}.` }));
    const feed = Object.assign(document.createElement('script'), { type: 'application/json', id: 'many', textContent: JSON.stringify({ talktime: 1, talks }) });
    document.body.appendChild(feed);
    await TalkTime.mount('#w', { feed: '#many', now: '2025-01-01T00:00:00Z' });
    const root = document.querySelector('#w').shadowRoot;
    const state = { busy: root.querySelector('.tt-list').getAttribute('aria-busy'), talks: root.querySelectorAll('.tt-talk').length };
    const input = root.querySelector('input[type="search"]');
    input.value = 'Talk 99';
    input.dispatchEvent(new Event('input'));
    return state;
  });
  // Ready shows the first screenful (12 talks) at once; the rest follows while the page is idle.
  assert.deepEqual(whenTyped, { busy: 'true', talks: 12 });
  await idle(page);
  // A word of the search matches inside words: "99" is in 99, 199, … 899 and 990 to 999.
  // Nothing of the earlier view is left.
  assert.deepEqual(await talkIds(page), Array.from({ length: 1000 }, (_, i) => `t${i}`).filter((id) => id.includes('99')));
  await page.locator('#w input[type="search"]').fill('');
  await idle(page);
  const ids = await talkIds(page);
  assert.deepEqual(ids, Array.from({ length: 1000 }, (_, i) => `t${i}`));
  assert.equal(await page.locator('#w .tt-status').textContent(), '1,000 talks');  // en-GB groups thousands
  assert.equal(await page.locator('#w .tt-day').count(), Math.ceil(1000 / 24), 'a day once, also where parts meet');
  assert.deepEqual(errors, []);
  await context.close();
});

test('print media: no controls, abstracts open, link addresses written out; the PDF has the oldest talk', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'America/Los_Angeles', colorScheme: 'dark' });
  await mountStanford(page);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.$eval('#w', (h, id) => {
    const root = h.shadowRoot;
    const shown = (selector) => [...root.querySelectorAll(selector)].filter((e) => e.checkVisibility()).length;
    const talk = root.querySelector(`[data-talk-id="${CSS.escape(id)}"]`);
    const link = talk.querySelector('.tt-link');
    return {
      controls: shown('.tt-toolbar, .tt-toolbar *, .tt-button, .tt-star, .tt-calendar, .tt-actions'),
      abstract: talk.querySelector('.tt-abstract').checkVisibility() && talk.querySelector('.tt-abstract').getBoundingClientRect().height > 0,
      linkAfter: getComputedStyle(link, '::after').content,
      href: link.getAttribute('href'),
      text: getComputedStyle(root.querySelector('.tt')).color,
    };
  }, flash.id);
  assert.equal(printed.controls, 0);
  assert.equal(printed.abstract, true);
  assert.equal(printed.linkAfter, `" <${printed.href}>"`);
  assert.equal(printed.text, 'rgb(0, 0, 0)', 'ink on paper, also for a visitor in dark mode');
  mkdirSync(shots, { recursive: true });
  const path = `${shots}/print-stanford.pdf`;
  await page.pdf({ path, format: 'A4' });
  // pdftotext joins a word broken after a hyphen at a line's end ("IO-" "Awareness"):
  // compared without spaces and hyphens.
  const bare = (s) => s.replace(/[\s\-\u2010]+/g, '');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  for (const talk of stanford.talks) assert.ok(bare(text).includes(bare(talk.title)), `"${talk.title}" is not in the PDF`);
  assert.ok(bare(text).includes(bare('an IO-aware exact attention algorithm')), 'the abstract is printed');
  assert.ok(!/Export \.ics|Search talks|Add to calendar|☆ Star/.test(text), 'no controls in the PDF');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, `${shots}/print-stanford`]);
  assert.deepEqual(errors, []);
  await context.close();
});
