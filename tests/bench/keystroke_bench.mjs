// Keystroke-to-paint on a large feed: types into the search box of a mounted widget and
// measures, per keystroke, the time from the input event to the next frame (a
// requestAnimationFrame callback, then a task after it: the frame has been painted),
// and the time until every matching talk is in the document (the list is no longer
// aria-busy). Usage: node tests/bench/keystroke_bench.mjs [dist dir] [talks] [runs]
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../browser/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { makeFeed } from './make_feed.mjs';

const [dist = 'dist', n = '10000', runs = '5'] = process.argv.slice(2);
const root = mkdtempSync(join(tmpdir(), 'tt-keys-'));
for (const file of ['talktime.js', 'talktime.wasm', 'talktime.wasm.js']) cpSync(join(dist, file), join(root, file));
writeFileSync(join(root, 'feed.json'), JSON.stringify(makeFeed(Number(n)).feed));
writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="w"></div><script src="talktime.js"></script>');

const idle = () => new Promise((resolve) => {
  const list = () => document.querySelector('#w').shadowRoot.querySelector('.tt-list');
  const check = () => (list() && list().getAttribute('aria-busy') !== 'true' ? resolve() : setTimeout(check, 5));
  check();
});

// In the page: one keystroke's figures {paint, complete, talks}.
async function keystroke(text) {
  const input = document.querySelector('#w').shadowRoot.querySelector('input[type="search"]');
  const t0 = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input'));
  const handler = performance.now() - t0;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const paint = performance.now() - t0;
  await window.__idle();
  const complete = performance.now() - t0;
  return { handler, paint, complete, talks: document.querySelector('#w').shadowRoot.querySelectorAll('.tt-talk').length };
}

const { server, url } = await startStaticServer({ root });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
await page.goto(`${url}/index.html`);
await page.evaluate(`window.__idle = ${idle.toString()}`);
await page.evaluate(() => TalkTime.mount('#w', { feed: 'feed.json', now: '2026-06-01T00:00:00Z', jsonld: false }));
await page.evaluate(() => window.__idle());
// Real key presses, measured as the browser measures responsiveness (Event Timing, as
// INP does): per interaction, the longest event duration from the key press to the next
// paint; under 16 ms the browser reports nothing, and the row says "<16".
await page.evaluate(() => {
  window.__interactions = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) window.__interactions.set(e.interactionId, Math.max(window.__interactions.get(e.interactionId) || 0, e.duration));
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
});
const input = page.locator('#w input[type="search"]');
const sequence = ['m', 'e', 'm', 'o', 'r', 'y', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];
const rows = {};
for (let r = 0; r < Number(runs); r++) {
  for (const key of sequence) {
    await page.evaluate(() => window.__interactions.clear());
    const t0 = Date.now();
    await input.press(key);
    const text = await input.inputValue();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const paint = Math.max(0, ...await page.evaluate(() => [...window.__interactions.values()]));
    await page.evaluate(() => window.__idle());
    const complete = Date.now() - t0;
    const talks = await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelectorAll('.tt-view:not(.tt-view-retired) .tt-talk, .tt-list > section .tt-talk').length);
    (rows[text || '(empty)'] ||= []).push({ handler: 0, paint, complete, talks });
  }
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`${dist}, ${n} talks, ${runs} runs: median ms per keystroke`);
console.log('text      key-to-paint  complete  talks in document');
for (const [text, list] of Object.entries(rows)) {
  console.log(`${text.padEnd(9)} ${((p) => (p < 16 ? '<16' : p.toFixed(0)))(median(list.map((f) => f.paint))).padStart(12)} ${median(list.map((f) => f.complete)).toFixed(1).padStart(9)}  ${list[0].talks}`);
}
await browser.close();
server.close();
