// The benchmark: talktime against FullCalendar v6 (list view + Luxon) and a minimal
// Intl loop, in headless Chromium with the browser's zone set: the seminar feed of data/
// in interleaved cold loads on a desktop and on a phone profile, generated feeds of each
// size, memory with workers, the bytes of dist/, and the core natively and as WebAssembly
// under Node. Checks the budgets of issue 12 (never as tests) and writes a Markdown report.
// usage: node run_bench.mjs [--sizes 100,1000,10000,100000] [--runs 5] [--large-runs 3]
//   [--seminar-runs 9] [--phone-runs 9] [--peer-limit 10000] [--interact-limit 10000] [--out docs/benchmarks.md]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { launchBrowser, repoRoot } from '../browser/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { makeFeed } from './make_feed.mjs';
import { browserZone, loadPage, phoneProfile } from './load_page.mjs';
import { median, nativeFigures, wasmFigures } from './core_figures.mjs';
import { distFiles } from './dist_files.mjs';
import { reportText } from './report.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const sizeList = (args.sizes || '100,1000,10000,100000').split(',').map(Number);
const runs = Number(args.runs || 5);
// 100,000 talks take a minute a load (the list completes in idle time): fewer loads there.
const LARGE = 100000;
const largeRuns = Number(args['large-runs'] || Math.min(runs, 3));
const seminarRuns = Number(args['seminar-runs'] || 9);
const phoneRuns = Number(args['phone-runs'] || 9);
const out = args.out || 'docs/benchmarks.md';
const peerLimit = Number(args['peer-limit'] || 10000);  // FullCalendar takes minutes beyond this
// No keystroke or zone switch above this (not budgets there; each waits for the whole list again).
const interactLimit = Number(args['interact-limit'] || 10000);
const seminarPath = 'data/stanford-mlsys-seminar.json';
const feedDir = `${repoRoot}build/bench`;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 60000).toFixed(1)} min`;
const color = process.stdout.isTTY;
const paint = (code) => (s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const [red, green] = [paint(31), paint(32)];
const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

mkdirSync(feedDir, { recursive: true });
const feeds = {};
for (const n of sizeList) {
  const { feed, epoch } = makeFeed(n);
  feeds[n] = `${feedDir}/feed-${n}.json`;
  writeFileSync(feeds[n], JSON.stringify(feed));
  writeFileSync(`${feedDir}/epoch-${n}.json`, JSON.stringify(epoch));
}
const feedBytes = Object.fromEntries(sizeList.map((n) => [n, statSync(feeds[n]).size]));

// One figure per set of cold loads: the median-ready load, with the medians of the
// headline figures; the longest task's details come from the load with the median one.
function summarize(samples) {
  const by = (key) => samples.slice().sort((a, b) => (a[key] ?? NaN) - (b[key] ?? NaN))[Math.floor(samples.length / 2)];
  const rep = by('ready');
  const longest = by('longest');
  const summary = { ...rep, runs: samples.length, ready: median(samples.map((s) => s.ready)), completeAt: median(samples.map((s) => s.completeAt)),
    longest: longest.longest, longestStart: longest.longestStart, longestFrame: longest.longestFrame, marks: rep.marks };
  for (const key of ['keystroke', 'zoneSwitch']) if (rep[key]) summary[key] = { ...rep[key], ms: median(samples.map((s) => s[key].ms)) };
  if (rep.memory) summary.memory = samples.slice().sort((a, b) => a.memory.total - b.memory.total)[Math.floor(samples.length / 2)].memory;
  return summary;
}

// Cold loads of the seminar feed, the implementations taking turns (talktime, floor, …).
async function seminar(browser, base, impls, count, profile) {
  const samples = Object.fromEntries(impls.map((impl) => [impl, []]));
  for (let r = 0; r < count; r++) {
    for (const impl of impls) samples[impl].push(await loadPage(browser, base, impl, `feed=/${seminarPath}`, { profile, interact: false, memory: false }));
  }
  const byImpl = Object.fromEntries(impls.map((impl) => [impl, summarize(samples[impl])]));
  const talks = JSON.parse(readFileSync(`${repoRoot}${seminarPath}`, 'utf8')).talks.length;
  const result = { runs: count, talks, feedBytes: statSync(`${repoRoot}${seminarPath}`).size, byImpl, talktime: byImpl.talktime, floor: byImpl['intl-floor'] };
  result.ratio = result.talktime.ready / result.floor.ready;
  console.log(`seminar${profile ? ' (phone profile)' : ''}: ${impls.map((i) => `${i} ${fmt(byImpl[i].ready)} ms`).join(', ')}; ` +
    `talktime / floor ${fmt(result.ratio, 2)}; download before ready ${fmt(result.talktime.bytesGzip / 1024, 1)} KB gzip [${elapsed()}]`);
  return result;
}

async function bySize(browser, base) {
  const sizes = {};
  for (const n of sizeList) {
    const impls = ['talktime', 'fullcalendar', 'intl-floor'].filter((impl) => impl !== 'fullcalendar' || n <= peerLimit);
    const samples = Object.fromEntries(impls.map((impl) => [impl, []]));
    for (let r = 0; r < (n >= LARGE ? largeRuns : runs); r++) {
      for (const impl of impls) samples[impl].push(await loadPage(browser, base, impl, `n=${n}`, { interact: n <= interactLimit }));
    }
    sizes[n] = Object.fromEntries(impls.map((impl) => [impl, summarize(samples[impl])]));
    for (const impl of impls) {
      const x = sizes[n][impl];
      console.log(`${impl} N=${n}: ready ${fmt(x.ready)} ms, complete ${fmt(x.completeAt)} ms, keystroke ${fmt(x.keystroke?.ms, 1)} ms, ` +
        `zone switch ${fmt(x.zoneSwitch?.ms, 1)} ms, longest task ${fmt(x.longest)} ms, memory ${fmt(x.memory?.total / 1048576, 1)} MB [${elapsed()}]`);
    }
  }
  return sizes;
}

const version = (cmd, argv) => { try { return execFileSync(cmd, argv, { encoding: 'utf8' }).split('\n').find((l) => l.trim()) ?? ''; } catch { return 'unknown'; } };
const pkg = (name) => JSON.parse(readFileSync(`${repoRoot}node_modules/${name}/package.json`, 'utf8')).version;

function header() {
  const p = phoneProfile;
  return ['# Benchmarks', '', `Generated by \`bash scripts/bench.sh\` on ${new Date().toISOString().slice(0, 10)} in ${elapsed()}. Do not edit by hand, except the section marked hand-written.`, '',
    `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ${version('uname', ['-sr'])}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    `- Browser: ${version('/usr/bin/chromium', ['--version']).replace(/^.*?(Chromium)/, '$1')} (headless), browser time zone ${browserZone}; Node ${process.version}; ${version('emcc', ['--version']).replace(/ \(.*$/, '')}`,
    `- Peers: FullCalendar ${pkg('fullcalendar')} list view with @fullcalendar/luxon3 ${pkg('@fullcalendar/luxon3')} and Luxon ${pkg('luxon')}; the floor, a minimal Intl.DateTimeFormat loop (epoch starts for the generated feeds; for the seminar it fetches the same feed file and turns its local starts into instants with Intl).`,
    `- Cold loads, a new browser context each. Keystroke and zone switch up to ${interactLimit.toLocaleString('en')} talks. Seminar: ${seminarRuns} loads per implementation, taking turns (talktime, floor, FullCalendar, talktime, …). Generated feeds (tests/bench/make_feed.mjs, local start times in 6 zones): median of ${runs} loads, ${largeRuns} at ${LARGE.toLocaleString('en')} talks; FullCalendar up to ${peerLimit.toLocaleString('en')} talks.`,
    `- Phone profile (Lighthouse's mobile default): CPU ${p.cpuRate}× slower (Emulation.setCPUThrottlingRate), ${p.latencyMs} ms round trip, ${p.downKbps} kbit/s down, ${p.upKbps} up (Network.emulateNetworkConditions), served with Content-Encoding: gzip; ${phoneRuns} loads each, taking turns.`,
    '- Ready: the widget (or page) has rendered and a frame has passed. Download: the bodies of the requests that started before ready, feeds and harness apart, each gzip -9 here. Every talk in the document: nothing in the widget is aria-busy. Keystroke and zone switch: measured once the list is complete, to the next frame. Longest task: Long Tasks API, from the load until the list is complete; what ran in it: Long Animation Frames.', ''];
}

const { server, url: base } = await startStaticServer({ root: repoRoot });
const { server: gzipServer, url: gzipBase } = await startStaticServer({ root: repoRoot, gzip: true });
const browser = await launchBrowser();
const r = { repoRoot, sizeList, feedBytes };
try {
  r.seminar = await seminar(browser, base, ['talktime', 'intl-floor', 'fullcalendar'], seminarRuns, null);
  r.phone = await seminar(browser, gzipBase, ['talktime', 'intl-floor'], phoneRuns, phoneProfile);
  r.sizes = await bySize(browser, base);
} finally {
  await browser.close();
  server.close();
  gzipServer.close();
}
r.native = nativeFigures(repoRoot, feeds, Math.max(3, runs));
r.wasm = await wasmFigures(repoRoot, feeds, Math.max(3, runs));
r.dist = distFiles(repoRoot);
console.log(`core figures done [${elapsed()}]`);

mkdirSync(out.replace(/\/[^/]*$/, '') || '.', { recursive: true });
const { text, rows } = reportText(r, header(), existsSync(out) ? readFileSync(out, 'utf8') : '', peerLimit);
writeFileSync(out, text);
writeFileSync(`${feedDir}/results.json`, JSON.stringify(r, null, 1));

console.log('\nBudgets:');
for (const b of rows) console.log(`  ${(b.ok ? green : red)(`${b.ok ? 'met   ' : 'MISSED'} ${b.label}: ${fmt(b.value, b.unit === '×' ? 2 : 1)} ${b.unit} (limit ${b.limit} ${b.unit})`)}${b.ok ? '' : `\n         ${b.held}`}`);
console.log(`\nReport written to ${out} (figures in build/bench/results.json) in ${elapsed()}`);
const all = [r.seminar.talktime, r.phone.talktime, ...Object.values(r.sizes).flatMap((s) => Object.values(s))];
const interacted = Object.entries(r.sizes).filter(([n]) => Number(n) <= interactLimit).map(([, s]) => s.talktime);
if (all.some((x) => !Number.isFinite(x.ready)) || interacted.some((x) => !Number.isFinite(x.keystroke?.ms))) {
  console.error('some measurements are missing');
  process.exit(1);
}
