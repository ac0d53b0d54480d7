// Large feeds with and without the worker (issue 12 §3): the benchmark page
// (pages/talktime.html) at each size, read in a worker (the default above the threshold)
// and on the main thread (the page without Worker, as every feed was read before).
// Prints per size and path the medians of: ready, the longest main-thread task
// (PerformanceObserver longtask), the worker's moments, the page's wasm memory and the
// worker's wasm memory at its peak.
// usage: node tests/bench/worker_bench.mjs --sizes 10000,100000 --runs 3
import { mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { launchBrowser, repoRoot, serveRepo } from '../browser/browser.mjs';
import { makeFeed } from './make_feed.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const sizes = (args.sizes || '10000,100000').split(',').map(Number);
const runs = Number(args.runs || 3);
const feedDir = `${repoRoot}build/bench`;
mkdirSync(feedDir, { recursive: true });
for (const n of sizes) {
  if (!existsSync(`${feedDir}/feed-${n}.json`)) writeFileSync(`${feedDir}/feed-${n}.json`, JSON.stringify(makeFeed(n).feed));
}

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(browser, base, n, worker) {
  const context = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width: 1100, height: 900 } });
  if (!worker) await context.addInitScript(() => { delete window.Worker; });
  const page = await context.newPage();
  await page.goto(`${base}/tests/bench/pages/talktime.html?n=${n}`);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 600000, polling: 50 });
  const r = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName('talktime:' + name)[0];
    const parsed = at('worker-parsed');
    return {
      ready: window.__readyAt, longest: window.__longest,
      workerStarted: at('worker-started')?.startTime ?? NaN, workerParsed: parsed?.startTime ?? NaN,
      feedOpened: at('feed-opened')?.startTime ?? NaN,
      pageWasmMB: TalkTime.memory() / 1048576, workerWasmMB: parsed ? parsed.detail.wasmBytes / 1048576 : 0
    };
  });
  await context.close();
  return r;
}

const { server, url: base } = await serveRepo();
const browser = await launchBrowser();
try {
  for (const n of sizes) {
    const feedMB = statSync(`${feedDir}/feed-${n}.json`).size / 1048576;
    for (const worker of [false, true]) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await measure(browser, base, n, worker));
      const m = Object.fromEntries(Object.keys(samples[0]).map((k) => [k, median(samples.map((s) => s[k]))]));
      const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
      console.log(`${n} talks (${feedMB.toFixed(1)} MB) ${worker ? 'worker     ' : 'main thread'}: ready ${f(m.ready)} ms, ` +
        `longest task ${f(m.longest)} ms, worker started ${f(m.workerStarted)} / parsed ${f(m.workerParsed)} ms, ` +
        `feed opened ${f(m.feedOpened)} ms; wasm page ${f(m.pageWasmMB)} MB, worker peak ${f(m.workerWasmMB)} MB ` +
        `(${((m.pageWasmMB + m.workerWasmMB) / feedMB).toFixed(1)}× feed together; runs: ${samples.map((s) => f(s.ready)).join(', ')})`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
