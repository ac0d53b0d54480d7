// The benchmark: talktime against FullCalendar v6 (list view + Luxon) and a minimal
// Intl loop, in headless Chromium with the browser's zone set, plus the core natively
// and as WebAssembly under Node. Writes a Markdown report.
// usage: node run_bench.mjs --sizes 100,1000,10000,100000 --runs 5 --out docs/benchmarks.md
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { sectionOf } from './doc_sections.mjs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { launchBrowser, repoRoot, serveRepo } from '../browser/browser.mjs';
import { makeFeed } from './make_feed.mjs';
import { coreCalls } from '../../web/src/core.js';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const sizes = (args.sizes || '100,1000,10000,100000').split(',').map(Number);
const runs = Number(args.runs || 5);
const out = args.out || 'docs/benchmarks.md';
const peerLimit = Number(args['peer-limit'] || 10000);  // FullCalendar takes minutes beyond this
const browserZone = 'America/New_York';
const feedDir = `${repoRoot}build/bench`;
const color = process.stdout.isTTY;
const red = (s) => (color ? `\x1b[31m${s}\x1b[0m` : s);
const green = (s) => (color ? `\x1b[32m${s}\x1b[0m` : s);

mkdirSync(feedDir, { recursive: true });
for (const n of sizes) {
  const { feed, epoch } = makeFeed(n);
  writeFileSync(`${feedDir}/feed-${n}.json`, JSON.stringify(feed));
  writeFileSync(`${feedDir}/epoch-${n}.json`, JSON.stringify(epoch));
}

const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : NaN;
};

async function measure(browser, base, impl, n) {
  const context = await browser.newContext({ timezoneId: browserZone, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const bytes = { raw: 0, gzip: 0 };
  page.on('response', async (response) => {
    const url = response.url();
    if (url.includes('/build/bench/') || url.endsWith('.html') || url.includes('common.js')) return;  // data and harness
    try {
      const body = await response.body();
      bytes.raw += body.length;
      bytes.gzip += gzipSync(body, { level: 9 }).length;
    } catch { /* redirects have no body */ }
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${base}/tests/bench/pages/${impl}.html?n=${n}`);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 600000, polling: 50 });
  const ready = await page.evaluate(() => window.__readyAt);
  const first = await page.evaluate(() => window.__firstTime());
  const longest = await page.evaluate(() => window.__longest);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const wasm = await page.evaluate(() => window.__wasmBytes());
  const keystroke = await page.evaluate(() => window.__keystroke());
  const zoneSwitch = await page.evaluate(() => window.__zoneSwitch());
  await context.close();
  return { ready, firstConverted: first.firstConverted, engineReady: first.engineReady, longest, keystroke, zoneSwitch,
    memoryMB: (metrics.JSHeapUsedSize + wasm) / 1048576, bytesRaw: bytes.raw, bytesGzip: bytes.gzip };
}

function nativeFigures() {
  const exe = `${repoRoot}build/native/tests/talktime_bench`;
  const lines = execFileSync(exe, [String(Math.max(3, runs)), ...sizes.map((n) => `${feedDir}/feed-${n}.json`)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return Object.fromEntries(lines.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.talks === 0 ? 0 : Number(/feed-(\d+)/.exec(r.file)[1]), r]));
}

async function wasmFigures() {
  const require = createRequire(import.meta.url);
  const create = require(`${repoRoot}build/wasm/talktime_core.js`);
  // Through the loader's own boundary module, so the benchmark speaks the one wasm contract.
  const core = coreCalls(await create({ wasmBinary: readFileSync(`${repoRoot}build/wasm/talktime_core.wasm`) }));
  const result = {};
  for (const n of sizes) {
    const bytes = new Uint8Array(readFileSync(`${feedDir}/feed-${n}.json`));
    const parse = [], query = [];
    for (let r = 0; r < Math.max(3, runs); r++) {
      let t = performance.now();
      const opened = core.openFeeds([{ name: 'bench', format: '', bytes }], { maxBytes: 1 << 30 });
      parse.push(performance.now() - t);
      t = performance.now();
      // The query alone: a render of no talks still searches, filters and counts them all.
      core.render(opened.handle, { text: 'memory', now: 1798761600, zone: 'America/New_York', limit: 0 });
      query.push(performance.now() - t);
      core.closeFeed(opened.handle);
    }
    result[n] = { parseMs: median(parse), queryMs: median(query) };
  }
  return result;
}

const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const kb = (b) => (Number.isFinite(b) ? (b / 1024).toFixed(1) : '–');

const { server, url: base } = await serveRepo();
const browser = await launchBrowser();
const results = {};
try {
  for (const n of sizes) {
    for (const impl of ['talktime', 'fullcalendar', 'intl-floor']) {
      if (impl === 'fullcalendar' && n > peerLimit) continue;
      const samples = [];
      for (let r = 0; r < runs; r++) samples.push(await measure(browser, base, impl, n));
      const keys = Object.keys(samples[0]);
      results[`${impl}/${n}`] = Object.fromEntries(keys.map((k) => [k, median(samples.map((s) => s[k]))]));
      console.log(`${impl} N=${n}: ready ${fmt(results[`${impl}/${n}`].ready)} ms, keystroke ${fmt(results[`${impl}/${n}`].keystroke, 1)} ms`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
const native = nativeFigures();
const wasm = await wasmFigures();

// Budgets from the performance issue.
const budgets = [];
const check = (label, value, limit, unit) => budgets.push({ label, value, limit, unit, ok: Number.isFinite(value) && value <= limit });
const t = (n) => results[`talktime/${n}`];
if (t(sizes[0])) check('first-render download (gzip)', t(sizes[0]).bytesGzip / 1024, 90, 'KB');
if (t(100)) check('100 talks ready', t(100).ready, 150, 'ms');
if (t(10000)) check('10,000 talks ready', t(10000).ready, 500, 'ms');
if (t(100000)) check('100,000 talks ready', t(100000).ready, 3000, 'ms');
if (t(100000)) check('longest main-thread task at 100,000', t(100000).longest, 200, 'ms');
if (t(10000)) check('search keystroke at 10,000', t(10000).keystroke, 16, 'ms');
if (t(10000)) check('zone switch at 10,000', t(10000).zoneSwitch, 16, 'ms');
if (t(100000)) check('memory at 100,000', t(100000).memoryMB, 64, 'MB');

const version = (cmd, argv) => { try { return execFileSync(cmd, argv, { encoding: 'utf8' }).split('\n').find((l) => l.trim()) ?? ''; } catch { return 'unknown'; } };
const pkg = (name) => JSON.parse(readFileSync(`${repoRoot}node_modules/${name}/package.json`, 'utf8')).version;
const lines = [];
lines.push('# Benchmarks', '', `Generated by \`bash scripts/bench.sh\` on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand.`, '');
lines.push(`- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ${version('uname', ['-sr'])}`);
lines.push(`- Browser: ${version('/usr/bin/chromium', ['--version']).replace(/^.*?(Chromium)/, '$1')} (headless), browser time zone ${browserZone}; Node ${process.version}; ${version('emcc', ['--version']).replace(/ \(.*$/, '')}`);
lines.push(`- Peers: FullCalendar ${pkg('fullcalendar')} list view with @fullcalendar/luxon3 ${pkg('@fullcalendar/luxon3')} and Luxon ${pkg('luxon')}; a minimal Intl.DateTimeFormat loop over epoch times (the floor).`);
lines.push(`- Each browser figure is the median of ${runs} cold loads (a new browser context each). Feeds: tests/bench/make_feed.mjs, local start times in 6 zones.`, '');
lines.push('## Budgets', '', '| budget | measured | limit | |', '|---|---|---|---|');
for (const b of budgets) lines.push(`| ${b.label} | ${fmt(b.value, 1)} ${b.unit} | ${b.limit} ${b.unit} | ${b.ok ? '✅ met' : '🔴 missed'} |`);
lines.push('', '## In the browser', '', '| N | implementation | download raw / gzip (KB) | ready (ms) | engine ready (ms) | first converted time (ms) | keystroke → frame (ms) | zone switch → frame (ms) | longest task (ms) | memory (MB) |', '|---|---|---|---|---|---|---|---|---|---|');
for (const n of sizes) for (const impl of ['talktime', 'fullcalendar', 'intl-floor']) {
  const r = results[`${impl}/${n}`];
  if (!r) { lines.push(`| ${n} | ${impl} | not run (above ${peerLimit} talks) | | | | | | | |`); continue; }
  lines.push(`| ${n} | ${impl} | ${kb(r.bytesRaw)} / ${kb(r.bytesGzip)} | ${fmt(r.ready)} | ${fmt(r.engineReady)} | ${fmt(r.firstConverted)} | ${fmt(r.keystroke, 1)} | ${fmt(r.zoneSwitch, 1)} | ${fmt(r.longest)} | ${fmt(r.memoryMB, 1)} |`);
}
lines.push('', '## Ratios (talktime / peer; below 1 means talktime is smaller or faster)', '', '| N | peer | download gzip | ready | keystroke | zone switch | longest task | memory |', '|---|---|---|---|---|---|---|---|');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–');
for (const n of sizes) for (const peer of ['fullcalendar', 'intl-floor']) {
  const a = results[`talktime/${n}`], b = results[`${peer}/${n}`];
  if (!a || !b) continue;
  lines.push(`| ${n} | ${peer} | ${ratio(a.bytesGzip, b.bytesGzip)} | ${ratio(a.ready, b.ready)} | ${ratio(a.keystroke, b.keystroke)} | ${ratio(a.zoneSwitch, b.zoneSwitch)} | ${ratio(a.longest, b.longest)} | ${ratio(a.memoryMB, b.memoryMB)} |`);
}
lines.push('', '## The core, native and WebAssembly', '', '| N | native parse + validate + convert (ms) | per talk (µs) | native query (ms) | native render of 60 talks (ms) | wasm parse (ms) | wasm query (ms) | wasm / native parse |', '|---|---|---|---|---|---|---|---|');
for (const n of sizes) {
  const nat = native[n], w = wasm[n];
  lines.push(`| ${n} | ${fmt(nat?.parseMs, 1)} | ${fmt(nat?.perTalkUs, 1)} | ${fmt(nat?.queryMs, 2)} | ${fmt(nat?.renderPageMs, 2)} | ${fmt(w?.parseMs, 1)} | ${fmt(w?.queryMs, 2)} | ${ratio(w?.parseMs, nat?.parseMs)} |`);
}
lines.push('', `Zone database start-up (first lookup and conversion, native): ${fmt(native[sizes[0]]?.zoneStartupMs, 3)} ms.`, '');
mkdirSync(out.replace(/\/[^/]*$/, '') || '.', { recursive: true });
// The hostile-shapes section belongs to hostile_shapes.mjs: carried over as it was.
const hostile = existsSync(out) ? sectionOf(readFileSync(out, 'utf8'), 'hostile-shapes') : '';
writeFileSync(out, lines.join('\n') + (hostile ? `\n${hostile}\n` : ''));

console.log('\nBudgets:');
for (const b of budgets) console.log(`  ${(b.ok ? green : red)(`${b.ok ? 'met   ' : 'MISSED'} ${b.label}: ${fmt(b.value, 1)} ${b.unit} (limit ${b.limit} ${b.unit})`)}`);
console.log(`\nReport written to ${out}`);
const missing = Object.values(results).some((r) => !Number.isFinite(r.ready) || !Number.isFinite(r.keystroke));
if (missing) { console.error('some measurements are missing'); process.exit(1); }
