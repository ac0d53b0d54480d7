// docs/benchmarks.md from one run's figures: budgets (met or missed, and for a missed one
// what holds it back, from the measurements), the seminar side by side on a desktop and a
// phone profile, each size against FullCalendar and the Intl floor, memory (workers
// included), the bytes of dist/, and the core natively and in wasm. The sections other
// scripts or people own (between <!-- begin NAME --> and <!-- end NAME -->) are kept:
// hostile_shapes.mjs's, and the hand-written explanation of the missed budgets
// ("held-back", seeded with the measured reasons when the file has none).
import { sectionOf, withSection } from './doc_sections.mjs';
import { budgets, firstFiles, longestTask, memoryParts, phases } from './budgets.mjs';
import { modules, moduleSizesDoc, zoneSetFiles } from './dist_files.mjs';

const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const kb = (b) => fmt(b / 1024, 1);
const mb = (b) => fmt(b / 1048576, 1);
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–');
const impls = ['talktime', 'fullcalendar', 'intl-floor'];

function budgetLines(rows) {
  const lines = ['## Budgets (issue 12)', '', '| budget | measured | limit | | what holds it back (measured) |', '|---|---|---|---|---|'];
  for (const b of rows) {
    const value = `${fmt(b.value, b.unit === '×' ? 2 : 1)} ${b.unit}`;
    lines.push(`| ${b.label} | ${value} | ${b.limit} ${b.unit} | ${b.ok ? '✅ met' : '🔴 missed'} | ${b.ok ? '' : `🔴 ${b.held}`} |`);
  }
  return lines;
}

// The hand-written section's first version: the missed budgets and their measured reasons.
export function heldBackSeed(rows) {
  const missed = rows.filter((b) => !b.ok);
  return ['## What holds the missed budgets back', '',
    '_Hand-written: the generator keeps this section as it is. Say per missed budget what holds it back and the next step,',
    'from the measured reasons in the table above._', '',
    ...(missed.length ? missed.map((b) => `- 🔴 **${b.label}**: ${b.held}.`) : ['Every budget is met.'])].join('\n');
}

function seminarLines(r) {
  const lines = ['## The seminar feed side by side', ''];
  for (const [name, s] of [['desktop', r.seminar], ['phone profile', r.phone]]) {
    if (!s) continue;
    lines.push(`**${name}**: ${s.talks} talks (data/stanford-mlsys-seminar.json, ${kb(s.feedBytes)} KB), median of ${s.runs} interleaved cold loads.`, '',
      '| implementation | ready (ms) | / floor | download before ready raw / gzip / on the wire (KB) | longest task (ms) | talks in the document |', '|---|---|---|---|---|---|');
    for (const [impl, run] of Object.entries(s.byImpl)) {
      lines.push(`| ${impl} | ${fmt(run.ready)} | ${ratio(run.ready, s.floor.ready)} | ${kb(run.bytesRaw)} / ${kb(run.bytesGzip)} / ${kb(run.bytesWire)} | ${fmt(run.longest)} | ${run.talks} |`);
    }
    lines.push('', `talktime's phases (${name}): ${phases(s.talktime)}. Downloaded before ready: ${firstFiles(s.talktime)}.`, '');
  }
  return lines;
}

function browserLines(r, peerLimit) {
  const lines = ['## In the browser, by size', '',
    '| N | implementation | runs | download before ready raw / gzip (KB) | ready (ms) | every talk in the document (ms) | engine ready (ms) | feed opened (ms) | keystroke → frame (ms) | zone switch → frame (ms) | talks in the document after the keystroke | longest task (ms) | memory (MB) | of which workers (MB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const n of r.sizeList) for (const impl of impls) {
    const x = r.sizes[n]?.[impl];
    if (!x) { lines.push(`| ${n} | ${impl} | not run (above ${peerLimit} talks) | | | | | | | | | | | |`); continue; }
    const workers = x.memory ? x.memory.workers.reduce((s, w) => s + w.heap + w.buffers, 0) : NaN;
    lines.push(`| ${n} | ${impl} | ${x.runs} | ${kb(x.bytesRaw)} / ${kb(x.bytesGzip)} | ${fmt(x.ready)} | ${fmt(x.completeAt)} | ${fmt(x.marks['talktime:engine-ready'])} | ` +
      `${fmt(x.marks['talktime:feed-opened'])} | ${fmt(x.keystroke?.ms, 1)} | ${fmt(x.zoneSwitch?.ms, 1)} | ${x.keystroke?.talks ?? '–'} | ${fmt(x.longest)} | ${mb(x.memory?.total)} | ${x.memory?.workers.length ? mb(workers) : 'no worker'} |`);
  }
  lines.push('', '### Ratios (talktime / peer; below 1 means talktime is smaller or faster)', '',
    '| N | peer | download gzip | ready | keystroke | zone switch | longest task | memory |', '|---|---|---|---|---|---|---|---|');
  for (const n of r.sizeList) for (const peer of ['fullcalendar', 'intl-floor']) {
    const a = r.sizes[n]?.talktime, b = r.sizes[n]?.[peer];
    if (!a || !b) continue;
    lines.push(`| ${n} | ${peer} | ${ratio(a.bytesGzip, b.bytesGzip)} | ${ratio(a.ready, b.ready)} | ${ratio(a.keystroke?.ms, b.keystroke?.ms)} | ` +
      `${ratio(a.zoneSwitch?.ms, b.zoneSwitch?.ms)} | ${ratio(a.longest, b.longest)} | ${ratio(a.memory?.total, b.memory?.total)} |`);
  }
  lines.push('', 'Longest tasks of talktime: ' + r.sizeList.filter((n) => r.sizes[n]?.talktime).map((n) => `${n} talks: ${longestTask(r.sizes[n].talktime)}`).join('; ') + '.', '');
  return lines;
}

function memoryLines(r) {
  const lines = ['## Memory, workers included', '',
    'After the keystroke and the zone switch, the list complete: per realm (the page, each dedicated worker) the V8 heap in use (DevTools protocol, Runtime.getHeapUsage) and WebAssembly memory: the page\'s as talktime reports it (TalkTime.memory()), a worker\'s from Runtime.queryObjects on WebAssembly.Memory. The DOM (Blink\'s heap) is shown apart and not counted.', '',
    '| N | feed (MB) | talktime total (MB) | / feed | parts | worker memory (MB) |', '|---|---|---|---|---|---|'];
  for (const n of r.sizeList) {
    const m = r.sizes[n]?.talktime?.memory;
    if (!m) continue;
    const workers = m.workers.length ? m.workers.map((w) => `${w.url.replace(/^.*\//, '')} ${mb(w.heap + w.buffers)}`).join(', ') : 'no worker';
    lines.push(`| ${n} | ${mb(r.feedBytes[n])} | ${mb(m.total)} | ${ratio(m.total, r.feedBytes[n])} | ${memoryParts(m)} | ${workers} |`);
  }
  return [...lines, ''];
}

function bytesLines(r) {
  const first = r.seminar?.talktime ?? r.sizes[r.sizeList[0]]?.talktime;
  const loads = [first, ...r.sizeList.map((n) => r.sizes[n]?.talktime)].filter(Boolean);
  const fetched = (file, early) => (early ? [first] : loads).some((run) => (run?.files || []).some((f) => f.file === file && (!early || f.beforeReady)));
  const lines = ['## Bytes', '', '### dist/, file by file', '',
    `gzip -9 sizes; "first render": fetched before the widget was ready on the seminar load; "later": fetched only after ready, by any talktime load (a keystroke and a zone switch included).`, '',
    '| file | raw (KB) | gzip (KB) | fetched |', '|---|---|---|---|'];
  for (const f of r.dist) lines.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${fetched(f.file, true) ? 'first render' : fetched(f.file, false) ? 'later' : 'not fetched'} |`);
  lines.push('', '### Modules', '', '| module | files | raw (KB) | gzip (KB) |', '|---|---|---|---|');
  for (const m of modules(r.dist)) lines.push(`| ${m.name} | ${m.files.join(', ')} | ${kb(m.raw)} | ${kb(m.gzip)} |`);
  const zones = zoneSetFiles(r.dist);
  lines.push('', '### Zone sets', '');
  if (zones.length) {
    lines.push('| zone set | raw (KB) | gzip (KB) |', '|---|---|---|');
    for (const z of zones) lines.push(`| ${z.file} | ${kb(z.raw)} | ${kb(z.gzip)} |`);
  } else lines.push(`dist/ has no zone-set files: the zone table is inside ${modules(r.dist).map((m) => `${m.name}.wasm`).join(' and ') || 'the wasm'}.`);
  const flags = moduleSizesDoc(r.repoRoot);
  lines.push('', '### Per-flag size effects', '', flags ?? 'docs/module-sizes.md is missing: no per-flag size figures are published with this run.', '');
  return lines;
}

function coreLines(r) {
  const lines = ['## The core, native and WebAssembly', '',
    '| N | native parse + validate + convert (ms) | per talk (µs) | native query (ms) | native render of 60 talks (ms) | wasm parse (ms) | per talk (µs) | wasm query (ms) | wasm / native parse |',
    '|---|---|---|---|---|---|---|---|---|'];
  for (const n of r.sizeList) {
    const nat = r.native[n], w = r.wasm[n];
    lines.push(`| ${n} | ${fmt(nat?.parseMs, 1)} | ${fmt(nat?.perTalkUs, 1)} | ${fmt(nat?.queryMs, 2)} | ${fmt(nat?.renderPageMs, 2)} | ${fmt(w?.parseMs, 1)} | ${fmt(w?.perTalkUs, 1)} | ${fmt(w?.queryMs, 2)} | ${ratio(w?.parseMs, nat?.parseMs)} |`);
  }
  lines.push('', `Zone database start-up (first lookup and conversion, native): ${fmt(r.native[r.sizeList[0]]?.zoneStartupMs, 3)} ms.`, '');
  return lines;
}

/** The report's text: `header` lines, then every section; `old` is the file it replaces. */
export function reportText(r, header, old, peerLimit) {
  const rows = budgets(r);
  // The hand-written reasons follow the budgets; hostile_shapes.mjs's section ends the file.
  const heldBack = sectionOf(old, 'held-back') || withSection('', 'held-back', heldBackSeed(rows)).trim();
  const hostile = sectionOf(old, 'hostile-shapes');
  const text = [...header, ...budgetLines(rows), '', heldBack, '', ...seminarLines(r), ...browserLines(r, peerLimit),
    ...memoryLines(r), ...bytesLines(r), ...coreLines(r), ...(hostile ? [hostile] : [])].join('\n');
  return { text: text.trimEnd() + '\n', rows };
}
