// Keystroke-to-paint on a large feed: types into the search box of a mounted widget and
// measures, per key, the browser's own figure from the key press to the next paint (Event
// Timing, as INP does), and the time until every matching talk is in the document (the list
// is no longer aria-busy; a build without that attribute counts as complete at once).
// Then the same for zone switches: "Event time" (UTC, the feed's zone) and "Use my time
// zone" (the page's New York) clicked in turn, each with the whole list in the document.
// Usage: node tests/bench/keystroke_bench.mjs [dist dir] [talks] [runs]
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../browser/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { makeFeed } from './make_feed.mjs';

const [dist = 'dist', n = '10000', runs = '3'] = process.argv.slice(2);
const root = mkdtempSync(join(tmpdir(), 'tt-keys-'));
// All of dist/: the first-render files and whatever the widget fetches on first use.
cpSync(dist, root, { recursive: true });
writeFileSync(join(root, 'feed.json'), JSON.stringify(makeFeed(Number(n)).feed));
writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="w"></div><script src="talktime.js"></script>');

const idle = () => new Promise((resolve) => {
  const list = () => document.querySelector('#w').shadowRoot.querySelector('.tt-list');
  const check = () => (list() && list().getAttribute('aria-busy') !== 'true' ? resolve() : setTimeout(check, 5));
  check();
});

const { server, url } = await startStaticServer({ root });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, timezoneId: 'America/New_York' });
await page.goto(`${url}/index.html`);
await page.evaluate(`window.__idle = ${idle.toString()}`);
await page.evaluate(() => TalkTime.mount('#w', { feed: 'feed.json', now: '2026-06-01T00:00:00Z', jsonld: false }));
await page.evaluate(() => window.__idle());
// Per interaction, the longest event duration from the key press to the next paint;
// under 16 ms the browser reports nothing, and the figure reads "<16".
await page.evaluate(() => {
  window.__interactions = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) window.__interactions.set(e.interactionId, Math.max(window.__interactions.get(e.interactionId) || 0, e.duration));
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
});
const input = page.locator('#w input[type="search"]');
// Typed at 150 ms a key, as a visitor types; the list is complete before the first key.
const KEY_GAP_MS = 150;
const sequence = ['m', 'e', 'm', 'o', 'r', 'y', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];
const durations = [];
const completes = [];
for (let r = 0; r < Number(runs); r++) {
  const t0 = Date.now();
  for (const key of sequence) {
    await page.evaluate(() => window.__interactions.clear());
    await input.press(key);
    await page.waitForTimeout(KEY_GAP_MS);
    durations.push({ text: await input.inputValue(), ms: Math.max(0, ...await page.evaluate(() => [...window.__interactions.values()])) });
  }
  await page.evaluate(() => window.__idle());
  completes.push(Math.max(0, Date.now() - t0 - sequence.length * KEY_GAP_MS));
}
const talks = await page.evaluate(() => document.querySelector('#w').shadowRoot
  .querySelectorAll('.tt-talk').length);
// Zone switches, each once the list is complete (a visitor reads before switching).
const switches = [];
const switchCompletes = [];
for (let r = 0; r < 2 * Number(runs); r++) {
  const name = r % 2 === 0 ? 'Event time' : 'Use my time zone';
  const button = page.locator('#w button', { hasText: name }).first();
  await page.evaluate(() => window.__interactions.clear());
  const t0 = Date.now();
  await button.click();
  await page.evaluate(() => window.__idle());
  switchCompletes.push(Date.now() - t0);
  switches.push({ text: name, ms: Math.max(0, ...await page.evaluate(() => [...window.__interactions.values()])) });
}
const sorted = durations.map((d) => d.ms).sort((a, b) => a - b);
const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const show = (ms) => (ms < 16 ? '<16' : ms.toFixed(0));
console.log(`${dist}, ${n} talks, ${runs} runs of ${sequence.length} keys ("memory" typed and deleted, ${KEY_GAP_MS} ms a key)`);
console.log(`key to next paint (Event Timing): median ${show(pick(0.5))} ms, p75 ${show(pick(0.75))} ms, max ${show(pick(1))} ms`);
console.log(`first run: ${durations.slice(0, sequence.length).map((d) => `${d.text || '(empty)'} ${show(d.ms)}`).join(', ')}`);
console.log(`every match in the document, after the last key: ${completes.join(', ')} ms; talks in the document then: ${talks}`);
console.log(`zone switch to next paint (Event Timing): ${switches.map((d) => `${d.text} ${show(d.ms)}`).join(', ')}`);
console.log(`every talk in the document in the new zone, after the click: ${switchCompletes.join(', ')} ms`);
await browser.close();
server.close();
