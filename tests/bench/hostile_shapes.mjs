// Hostile input shapes in a real browser: for each shape (tests/bench/hostile_shapes_gen.mjs),
// a cold page with the widget (dist/talktime.js, data-feed the generated feed) in headless
// Chromium; measures navigation start → talktime:ready / talktime:error, the longest
// main-thread task, and the WebAssembly memory after load. Prints a Markdown table.
// usage: node tests/bench/hostile_shapes.mjs [--scale 1] [--dist DIR] [--out FILE.md] [--doc docs/benchmarks.md] [--runs 3] [--only 1,4]
// --doc writes the table as the file's hostile-shapes section (tests/bench/doc_sections.mjs).
// --scale N divides every count and size by N; each figure is the median of --runs cold loads.
import { writeFileSync } from 'node:fs';
import { writeSection } from './doc_sections.mjs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchBrowser, repoRoot } from '../browser/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { makeShapes, NOW } from './hostile_shapes_gen.mjs';

const SHAPE_TIMEOUT_MS = 120000;
const AFTER_LOAD_MS = 30000;  // for each look at the page once it has loaded
const KEY = 'w';

function parseArgs(argv) {
  const args = { scale: '1', dist: `${repoRoot}dist`, out: '', doc: '', only: '', runs: '3' };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !(name in args)) throw new Error(`unknown argument ${argv[i]}`);
    args[name] = argv[++i];
  }
  return { scale: Number(args.scale), dist: resolve(args.dist), out: args.out, doc: args.doc, runs: Number(args.runs),
    only: args.only ? args.only.split(',').map(Number) : null };
}

// The page: one widget (id KEY) whose data-feed is the shape's feed; the loader from /talktime.js.
const pageHtml = (feedPath) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>hostile shape</title><link rel="icon" href="data:,"></head><body>
<div id="${KEY}" data-talktime data-feed="${feedPath}" data-now="${NOW}">Loading…</div>
<script src="/talktime.js"></script></body></html>`;

const controlHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>control</title><link rel="icon" href="data:,"></head><body><div id="${KEY}">Loading…</div></body></html>`;

// Installed before any page script: the longest task, and the first ready/error event.
function instrument() {
  window.__longest = 0;
  window.__outcome = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const settle = (state) => (event) => {
    if (window.__outcome) return;
    const diagnostics = (event.detail && event.detail.diagnostics) || [];
    window.__outcome = { state, at: performance.now(), message: (event.detail && event.detail.message) || '',
      errors: diagnostics.filter((d) => d.level === 'error').length, warnings: diagnostics.filter((d) => d.level !== 'error').length };
  };
  document.addEventListener('talktime:ready', settle('ready'));
  document.addEventListener('talktime:error', settle('error'));
}

// A promise that gives up after `ms` (a page whose main thread is busy answers nothing).
function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// One real keystroke (Backspace at the end of the search box), timed in the page from its
// keydown to the frame after the widget re-rendered (the widget renders in its input handler).
async function keystroke(page) {
  const box = page.locator(`#${KEY} input[type="search"]`);
  await box.evaluate((input) => {
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    window.__keyTime = new Promise((done) => {
      let t0 = 0;
      input.addEventListener('keydown', () => { t0 = performance.now(); }, { once: true, capture: true });
      input.addEventListener('input', () => requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0)), { once: true });
    });
  });
  await page.keyboard.press('Backspace');
  return page.evaluate(() => window.__keyTime);
}

// UTF-8 bytes of every key and value in localStorage.
const storageBytes = (page) => page.evaluate(() => {
  let text = '';
  for (let i = 0; i < localStorage.length; i++) text += localStorage.key(i) + localStorage.getItem(localStorage.key(i));
  return new TextEncoder().encode(text).length;
});

// Bytes of WebAssembly memory, through the test-only hook (the started core's memoryBytes()).
const wasmBytes = (page) => page.evaluate(() => TalkTime[Symbol.for('talktime.core')]().then((core) => core.memoryBytes()));

async function afterLoad(page, cdp, shape, result) {
  const look = (promise, what) => within(promise, AFTER_LOAD_MS, what);
  result.wasmBytes = await look(wasmBytes(page), 'wasm memory');
  const metrics = await look(cdp.send('Performance.getMetrics'), 'CDP metrics');
  result.jsHeapBytes = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  result.talksShown = await look(page.locator(`#${KEY} .tt-talk:not([hidden])`).count(), 'talks shown');
  if (shape.keystroke && result.state === 'ready') result.keystrokeMs = await look(keystroke(page), 'keystroke');
  if (shape.stars) result.storageBytes = await look(storageBytes(page), 'localStorage');
}

async function measure(browser, base, shape) {
  const context = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(instrument);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const result = { state: 'timeout', pageErrors };
  try {
    await page.goto(`${base}/page/${shape.id}.html${shape.hash}`, { waitUntil: 'commit', timeout: SHAPE_TIMEOUT_MS });
    await page.waitForFunction(() => window.__outcome !== null, null, { timeout: SHAPE_TIMEOUT_MS, polling: 100 });
    Object.assign(result, await page.evaluate(() => ({ ...window.__outcome, longest: window.__longest })));
    await afterLoad(page, cdp, shape, result);
  } catch (error) {
    result.failure = error.message.split('\n')[0];
    if (result.state !== 'timeout') result.longest = await within(page.evaluate(() => window.__longest), 5000, 'longest').catch(() => NaN);
  } finally {
    await within(context.close(), 30000, 'closing the page').catch(() => {});
  }
  return result;
}

// The control for a shape with a fragment: the same URL on a page without the widget. A long
// URL is slow in Chromium itself (a 1 MB fragment takes seconds before any script runs);
// this says how much of "ready" that is. Resolves to the page's load event time (ms).
async function controlLoad(browser, base, shape) {
  const context = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width: 1100, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/control.html${shape.hash}`, { waitUntil: 'load', timeout: SHAPE_TIMEOUT_MS });
    return await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
  } catch {
    return NaN;
  } finally {
    await within(context.close(), 30000, 'closing the page').catch(() => {});
  }
}

// The routes: each shape's page and feed, and the control page; the loader and its wasm
// (talktime.js, talktime.wasm) are files of `dist`.
function routesFor(shapes) {
  const send = (type, body) => (req, res) => {
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  const routes = { '/control.html': send('text/html; charset=utf-8', Buffer.from(controlHtml)) };
  for (const shape of shapes) {
    routes[`/page/${shape.id}.html`] = send('text/html; charset=utf-8', Buffer.from(pageHtml(shape.feed.path)));
    routes[shape.feed.path] = send(shape.feed.type, shape.feed.body);
  }
  return routes;
}

const median = (values) => {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : NaN;
};

// One shape, `runs` times: the first run's outcome and notes, the median of each figure
// (a timeout counts as no figure); `outcomes` lists every run's state when they differ.
async function measureShape(browser, base, shape, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(browser, base, shape);
    if (shape.hash) r.controlMs = await controlLoad(browser, base, shape);
    samples.push(r);
  }
  const result = { ...samples[0] };
  for (const key of ['at', 'longest', 'wasmBytes', 'jsHeapBytes', 'keystrokeMs', 'controlMs']) {
    if (key in result) result[key] = median(samples.map((r) => r[key]));
  }
  const states = samples.map((r) => r.state);
  if (new Set(states).size > 1) result.outcomes = states;
  return result;
}

const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const mb = (bytes) => fmt(bytes / 1048576, 1);
const int = (n) => n.toLocaleString('en-US');

function outcomeText(r) {
  if (r.state === 'timeout') return `timeout (${SHAPE_TIMEOUT_MS / 1000} s)`;
  if (r.state === 'error') return `error ${(/\[([a-z_]+\.[a-z_.]+)\]/.exec(r.message) || [, 'unknown'])[1]}`;
  return `ready, ${r.talksShown ?? '?'} shown; ${r.errors} errors, ${r.warnings} warnings`;
}

function notesText(shape, r) {
  const notes = [];
  if (shape.hash) notes.push(`fragment ${int(Buffer.byteLength(shape.hash))} B; same URL without the widget: load at ${fmt(r.controlMs)} ms`);
  if (r.keystrokeMs !== undefined) notes.push(`keystroke → frame ${fmt(r.keystrokeMs, 1)} ms`);
  if (r.storageBytes !== undefined) notes.push(`localStorage ${int(r.storageBytes)} B`);
  if (r.state === 'error') notes.push(`"${r.message.slice(0, 140).replace(/\|/g, '\\|')}${r.message.length > 140 ? '…' : ''}"`);
  if (r.failure && r.state !== 'timeout') notes.push(`(${r.failure})`);
  if (r.outcomes) notes.push(`runs: ${r.outcomes.join(', ')}`);
  if (r.pageErrors.length) notes.push(`page errors: ${r.pageErrors.length}`);
  return notes.join('; ');
}

function table(shapes, results) {
  const lines = ['| # | shape | input bytes | outcome | ready (ms) | longest task (ms) | wasm memory (MB) | JS heap (MB) | notes |',
    '|---|---|---|---|---|---|---|---|---|'];
  shapes.forEach((shape, i) => {
    const r = results[i];
    lines.push(`| ${shape.id} | ${shape.name} | ${int(shape.feed.body.length)} | ${outcomeText(r)} | ${fmt(r.at)} | ${fmt(r.longest)} | ` +
      `${mb(r.wasmBytes)} | ${mb(r.jsHeapBytes)} | ${notesText(shape, r)} |`);
  });
  return lines;
}

const options = parseArgs(process.argv.slice(2));
const shapes = makeShapes(options.scale, KEY).filter((s) => !options.only || options.only.includes(s.id));
const { server, url: base } = await startStaticServer({ root: options.dist, routes: routesFor(shapes) });
const browser = await launchBrowser();
const loadBefore = loadavg()[0].toFixed(1);
const results = [];
try {
  for (const shape of shapes) {
    const r = await measureShape(browser, base, shape, options.runs);
    results.push(r);
    console.error(`${shape.id}. ${shape.name}: ${outcomeText(r)}, ${fmt(r.at)} ms, longest task ${fmt(r.longest)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
const report = [`Hostile input shapes, scale 1/${options.scale}, median of ${options.runs} cold loads, dist ${options.dist}, ` +
  `${new Date().toISOString()}; load average ${loadBefore} before, ${loadavg()[0].toFixed(1)} after`, '',
  ...table(shapes, results), '',
  'ready: ms from navigation start to the widget\'s talktime:ready or talktime:error event. input bytes: the feed as served.',
  'wasm memory: the WebAssembly memory size after load (TalkTime[Symbol.for(\'talktime.core\')]().memoryBytes(); it never shrinks, so it is the peak).',
  'JS heap: CDP Performance.getMetrics JSHeapUsedSize after load.'];
console.log(report.join('\n'));
if (options.out) writeFileSync(options.out, report.join('\n') + '\n');
if (options.doc) writeSection(options.doc, 'hostile-shapes', ['## Hostile input shapes (issue 15)', '', ...report].join('\n'));
