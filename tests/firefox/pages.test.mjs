// Every talk in the page and the talk page, in Firefox. Over WebDriver BiDi print media
// cannot be emulated (see firefox.mjs), but page.pdf lays the page out for print as
// File > Print does: the Stanford archive's PDF must hold every talk, the abstracts
// (closed <details> on screen) and no controls. The expected titles are the feeds' own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { firefoxSession, openPage, ready, repoRoot, shots, widgetText } from './firefox.mjs';

const session = firefoxSession();
const feed = (name) => JSON.parse(readFileSync(`${repoRoot}data/${name}.json`, 'utf8'));
const stanford = feed('stanford-mlsys-seminar');

async function mount(page, options) {
  await page.goto(`${session.base}/tests/browser/pages/mount.html`);
  await page.evaluate((o) => TalkTime.mount('#w', o), options);
  await ready(page, '#w');
  await page.waitForFunction(() => !document.querySelector('#w').shadowRoot.querySelector('.tt-list').hasAttribute('aria-busy'), { timeout: 60000 });
}

test('the Stanford archive: every talk in the document, and all of them printed with abstracts and no controls', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'America/Los_Angeles' });
  await mount(page, { feed: '../../../data/stanford-mlsys-seminar.json', now: '2026-06-01T00:00:00Z' });
  const ids = await page.$eval('#w', (h) => [...h.shadowRoot.querySelectorAll('.tt-talk')].map((e) => e.dataset.talkId));
  assert.deepEqual([...ids].sort(), stanford.talks.map((t) => t.id).sort());
  const path = `${shots}/firefox-print-stanford.pdf`;
  await page.pdf({ path, format: 'A4' });
  // pdftotext joins a word broken after a hyphen at a line's end: compared without spaces and hyphens.
  const bare = (s) => s.replace(/[\s\-\u2010]+/g, '');
  const text = bare(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).normalize('NFKC'));
  for (const talk of stanford.talks) assert.ok(text.includes(bare(talk.title.normalize('NFKC'))), `"${talk.title}" is not in the PDF`);
  const flash = stanford.talks.find((t) => t.title.startsWith('FlashAttention'));
  assert.ok(text.includes(bare(flash.abstract.slice(0, 80))), 'an abstract, closed on screen, is printed');
  for (const control of ['Search talks', 'Export .ics', 'Add to calendar']) assert.ok(!text.includes(bare(control)), `${control} is printed`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a feed of one talk is a talk page: heading, both zones, abstract open, no toolbar', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Asia/Kolkata' });
  await mount(page, { feed: '../../../data/cds-faculty-candidate-2025.json', now: '2026-01-01T00:00:00Z' });
  const talk = feed('cds-faculty-candidate-2025').talks[0];
  assert.equal(await widgetText(page, '#w', 'h2.tt-title'), talk.title);
  // 10:00 CST (UTC−6) = 16:00 UTC = 21:30 IST.
  assert.equal(await widgetText(page, '#w', '.tt-when'), 'Tuesday, 21 January 2025 21:30–22:30 IST · 10:00 UTC-6 in Chicago That is 10:00 UTC-6 on Tuesday, 21 January 2025 in Chicago.');
  const shown = await page.$eval('#w', (h) => ({
    toolbar: h.shadowRoot.querySelector('.tt-toolbar').checkVisibility(),
    status: h.shadowRoot.querySelector('.tt-status').checkVisibility(),
    abstract: h.shadowRoot.querySelector('.tt-abstract').getBoundingClientRect().height > 0,
  }));
  assert.deepEqual(shown, { toolbar: false, status: false, abstract: true });
  await page.screenshot({ path: `${shots}/firefox-talk-page.png` });
  assert.deepEqual(errors, []);
  await context.close();
});
