// Printing in Firefox. Over WebDriver BiDi, page.emulateMediaType('print') is not available (it
// needs CDP), but page.pdf is: browsingContext.print lays the page out for print media, as the
// visitor's File > Print does, and fires beforeprint/afterprint and the print media query's
// change events on the page. So the tests print to PDF and read its text with Poppler's
// pdftotext (poppler-utils, installed by scripts/setup.sh), and look at the widget's computed
// styles at the moment the page is in print media. The expected titles are the feed's own.
// (page.pdf gets format: 'A4': without a format, puppeteer-core 24 asks BiDi for 8.5 x 11 cm.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { firefoxSession, openPage, ready, repoRoot, shots } from './firefox.mjs';

const session = firefoxSession();
const fastPath = JSON.parse(readFileSync(`${repoRoot}data/fastpath-2021.json`, 'utf8'));
const titleOf = (id) => fastPath.talks.find((t) => t.id === id).title;

/** Prints the page to `name`.pdf in test-results; returns its pages, page size and text (NFKC, spaces collapsed). */
async function printed(page, name) {
  const path = `${shots}/${name}.pdf`;
  const pdf = await page.pdf({ path, format: 'A4' });
  assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)[1]),
    size: /^Page size:\s+(.*?)\s*$/m.exec(info)[1],
    text: text.normalize('NFKC').replace(/\s+/g, ' '),
  };
}

/** Records, whenever the page enters print media, how many talks of the widget at `host` are displayed. */
const watchPrintMedia = (page, host) => page.$eval(host, (h) => {
  window.printLog = [];
  for (const name of ['beforeprint', 'afterprint']) addEventListener(name, () => window.printLog.push(name));
  matchMedia('print').addEventListener('change', (e) => {
    const talks = [...h.shadowRoot.querySelectorAll('.tt-talk')];
    const displayed = talks.filter((t) => getComputedStyle(t).display !== 'none').length;
    window.printLog.push(e.matches ? `print: ${displayed} of ${talks.length} talks displayed` : 'screen');
  });
});

async function fastPathInKolkata() {
  const opened = await openPage(session.browser, { timezoneId: 'Asia/Kolkata' });
  await opened.page.goto(`${session.base}/tests/browser/pages/skeleton.html`);
  await ready(opened.page, '#talks');
  return opened;
}

test('the printed programme has every talk of FastPath 2021 at the viewer\'s times, on A4', async () => {
  const { page, context, errors } = await fastPathInKolkata();
  await watchPrintMedia(page, '#talks');
  const { pages, size, text } = await printed(page, 'firefox-print');
  assert.equal(size, '596 x 842 pts (A4)');
  assert.ok(pages >= 1, `${pages} pages`);
  for (const talk of fastPath.talks) assert.ok(text.includes(talk.title), `"${talk.title}" is not in the PDF`);
  // The when-line of Ana Klimovic's talk: 15:00 UTC is 20:30 IST, 11:00 EDT.
  assert.ok(text.includes('20:30 – 21:05 IST · 11:00 EDT'), text);
  // The page was in print media while Firefox printed it, and every talk was displayed then.
  // (Whether afterprint or the return to screen media comes first varies.)
  await page.waitForFunction(() => window.printLog.length >= 4, { timeout: 5000 });
  const log = await page.evaluate(() => window.printLog);
  assert.deepEqual([...log.slice(0, 2), ...log.slice(2).sort()],
    ['beforeprint', 'print: 11 of 11 talks displayed', 'afterprint', 'screen']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a filtered view prints only the talks it shows', async () => {
  const { page, context, errors } = await fastPathInKolkata();
  const box = await page.$('#talks >>> input[type="search"]');
  await box.type('remarks');
  await page.waitForFunction(() => document.querySelector('#talks').shadowRoot.querySelectorAll('.tt-talk:not([hidden])').length === 2);
  const { text } = await printed(page, 'firefox-print-filtered');
  for (const id of ['2021-03-28-opening', '2021-03-28-closing']) assert.ok(text.includes(titleOf(id)), `${id} is not in the PDF`);
  for (const talk of fastPath.talks.filter((t) => !/remarks/i.test(t.title))) {
    assert.ok(!text.includes(talk.title), `"${talk.title}" is printed though the search hides it`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
