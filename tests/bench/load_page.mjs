// One cold load of a benchmark page (tests/bench/pages/) in a new browser context:
// ready, the phases talktime marks, the files downloaded before ready (from the network
// log, each body gzip-compressed here with zlib), the longest main-thread task until
// every talk is in the document, memory (page and workers), and, on request, a search
// keystroke and a zone switch measured once the list is complete.
import { gzipSync } from 'node:zlib';
import { pageMemory } from './page_memory.mjs';

export const browserZone = 'America/New_York';
// Lighthouse's mobile default: 4× CPU slowdown, 150 ms round trip, 1,638.4 kbit/s down, 750 up.
export const phoneProfile = { cpuRate: 4, latencyMs: 150, downKbps: 1638.4, upKbps: 750 };
// Longest wait for a page to become ready, or for its list to complete.
const READY_TIMEOUT_MS = 600000;
const IDLE_TIMEOUT_MS = 240000;

// Harness files and feeds are not part of what an implementation downloads.
const harness = (url) => /\/tests\/bench\/pages\/|\/build\/bench\/|\/data\/[^/]+\.json$/.test(new URL(url).pathname);
const fileName = (url) => new URL(url).pathname.replace(/^.*\/(node_modules|dist)\//, '');

async function throttle(cdp, profile) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
  await cdp.send('Network.enable');
  const conditions = { offline: false, latency: profile.latencyMs,
    downloadThroughput: profile.downKbps * 1024 / 8, uploadThroughput: profile.upKbps * 1024 / 8 };
  // The deprecated command still works in Chromium 156; its successor takes the same conditions per URL pattern.
  await cdp.send('Network.emulateNetworkConditions', conditions)
    .catch(() => cdp.send('Network.emulateNetworkConditionsByRule', { matchedNetworkConditions: [{ urlPattern: '', ...conditions }] }));
}

// Every response but the harness's: its name, when its request started (ms since the
// epoch), its body's size and gzip size, and the bytes that crossed the wire.
function networkLog(context) {
  const pending = [];
  context.on('response', (response) => {
    if (harness(response.url())) return;
    pending.push((async () => {
      const body = await response.body();
      const sizes = await response.request().sizes().catch(() => null);
      return { file: fileName(response.url()), startedAt: response.request().timing().startTime,
        raw: body.length, gzip: gzipSync(body, { level: 9 }).length, wire: sizes ? sizes.responseBodySize : NaN };
    })().catch(() => null));  // redirects have no body
  });
  return async () => (await Promise.all(pending)).filter(Boolean);
}

async function waitIdle(page) {
  const t = Date.now();
  try {
    await page.evaluate((limit) => Promise.race([window.__idle(), new Promise((_, no) => setTimeout(() => no(new Error('idle')), limit))]), IDLE_TIMEOUT_MS);
    return true;
  } catch {
    console.warn(`  the list was not complete after ${((Date.now() - t) / 1000).toFixed(0)} s`);
    return false;
  }
}

// A keystroke or zone switch once the list is complete: ms to the next frame, the
// longest task meanwhile, and the talks in the document once idle again.
async function interaction(page, name) {
  const timed = await page.evaluate((fn) => window[fn](), name);
  const complete = await waitIdle(page);
  return { ms: timed.ms, longest: timed.longest, talks: complete ? await page.evaluate(() => window.__talksInDocument()) : NaN };
}

// The page's memory (page_memory.mjs) over a session opened now; a failure is reported
// and leaves the figure out rather than the whole run.
async function memoryOf(browser, context, page) {
  try {
    const session = await context.newCDPSession(page);
    const limit = new Promise((_, no) => setTimeout(() => no(new Error('no answer in 120 s')), 120000));
    return await Promise.race([pageMemory(browser, page, session), limit]);
  } catch (error) {
    console.warn(`  memory not measured: ${error.message.split('\n')[0]}`);
    return { page: { heap: NaN, buffers: NaN, dom: NaN }, workers: [], total: NaN };
  }
}

/**
 * Loads `tests/bench/pages/IMPL.html?QUERY` cold. Options: profile (phoneProfile or
 * null), interact (measure a keystroke and a zone switch), memory (measure memory).
 */
export async function loadPage(browser, base, impl, query, { profile = null, interact = true, memory = true } = {}) {
  const context = await browser.newContext({ timezoneId: browserZone, viewport: { width: 1100, height: 900 } });
  try {
    const page = await context.newPage();
    const log = networkLog(context);
    page.on('crash', () => console.warn(`  ${impl}?${query}: the page crashed`));
    if (profile) await throttle(await context.newCDPSession(page), profile);
    await page.goto(`${base}/tests/bench/pages/${impl}.html?${query}`);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: READY_TIMEOUT_MS, polling: 50 });
    const [ready, origin] = await page.evaluate(() => [window.__readyAt, performance.timeOrigin]);
    const complete = await waitIdle(page);
    const r = await page.evaluate(() => ({ now: performance.now(), marks: window.__marks(), longestTask: window.__longestSince(0),
      longestFrame: window.__longestFrame, talks: window.__talksInDocument(), wasm: window.__wasmBytes() }));
    const result = { ready, completeAt: complete ? r.now : NaN, talks: r.talks, marks: Object.fromEntries(r.marks.map((m) => [m.name, m.at])),
      longest: r.longestTask.duration, longestStart: r.longestTask.start, longestFrame: r.longestFrame, wasmBytes: r.wasm };
    if (interact) {
      result.keystroke = await interaction(page, '__keystroke');
      result.zoneSwitch = await interaction(page, '__zoneSwitch');
    }
    // Last: the DevTools calls that read memory must not disturb the timed figures.
    if (memory) result.memory = await memoryOf(browser, context, page);
    const files = await log();
    // Before ready: the requests that started before the page was ready.
    result.files = files.map((f) => ({ ...f, beforeReady: f.startedAt <= origin + ready }));
    const first = result.files.filter((f) => f.beforeReady);
    result.bytesRaw = first.reduce((s, f) => s + f.raw, 0);
    result.bytesGzip = first.reduce((s, f) => s + f.gzip, 0);
    result.bytesWire = first.reduce((s, f) => s + f.wire, 0);
    return result;
  } finally {
    await context.close();
  }
}
