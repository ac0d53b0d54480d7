// The budgets of issue 12, checked against one run's figures. Each row carries what was
// measured, the limit, and for a missed budget what holds it back, written from the
// measured data only (the largest file downloaded, the longest task and the phase it fell
// in, the biggest share of memory), never from expectations.
const kb = (b) => (Number.isFinite(b) ? (b / 1024).toFixed(1) : '–');
const mb = (b) => (Number.isFinite(b) ? (b / 1048576).toFixed(1) : '–');
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '–');

// "engine-ready 294 ms, feed-opened 352 ms, ready 538 ms": the talktime marks in order.
export function phases(run) {
  const marks = Object.entries(run?.marks || {}).filter(([name]) => name.startsWith('talktime:')).sort((a, b) => a[1] - b[1]);
  return marks.map(([name, at]) => `${name.slice(9)} ${ms(at)}`).join(', ') || 'no talktime marks';
}

// The mark before and after `at`: the phase a task fell in.
function phaseOf(run, at) {
  const marks = Object.entries(run.marks || {}).filter(([name]) => name.startsWith('talktime:')).sort((a, b) => a[1] - b[1]);
  const before = marks.filter(([, t]) => t <= at).pop();
  const after = marks.find(([, t]) => t > at);
  if (at > run.ready) return `after ready (${ms(run.ready)}), while the rest of the list was appended`;
  if (!before) return after ? `before ${after[0].slice(9)}` : 'with no talktime mark';
  return `after ${before[0].slice(9)}${after ? `, before ${after[0].slice(9)}` : ''}`;
}

// The longest task of a run, where it fell and, from Long Animation Frames, what ran in it.
export function longestTask(run) {
  const frame = run.longestFrame;
  const script = frame?.scripts?.slice().sort((a, b) => b.duration - a.duration)[0];
  const named = script ? `; the longest script of the longest frame: ${script.source || 'page'} ${script.fn || script.invoker || ''} (${ms(script.duration)})` : '';
  return `longest task ${ms(run.longest)}, starting at ${ms(run.longestStart)}, ${phaseOf(run, run.longestStart)}${named}`;
}

// "talktime.wasm 247.1 KB, talktime.js 44.6 KB": the files downloaded before ready, largest first.
export function firstFiles(run) {
  return run.files.filter((f) => f.beforeReady).sort((a, b) => b.gzip - a.gzip).map((f) => `${f.file} ${kb(f.gzip)} KB`).join(', ');
}

export function memoryParts(m) {
  const workers = m.workers.reduce((s, w) => s + w.heap + w.buffers, 0);
  return `page JS heap ${mb(m.page.heap)} MB, page wasm memory ${mb(m.page.buffers)} MB, ` +
    `${m.workers.length ? `${m.workers.length} worker(s) ${mb(workers)} MB` : 'no worker'}; the DOM's ${mb(m.page.dom)} MB apart`;
}

/**
 * [{label, value, limit, unit, ok, held}] for the budgets the run has data for.
 * r: {sizes: {[n]: {[impl]: run}}, seminar: {talktime, floor, ratio}, phone: {...},
 *     native, wasm, feedBytes: {[n]: bytes}}
 */
export function budgets(r) {
  const rows = [];
  const check = (label, value, limit, unit, held) => rows.push({ label, value, limit, unit, held, ok: Number.isFinite(value) && value <= limit });
  const t = (n) => r.sizes[n]?.talktime;
  const sem = r.seminar;
  if (sem) {
    check('first-render download: talktime.js, first-render wasm and the zone data it fetches (seminar feed)', sem.talktime.bytesGzip / 1024, 90, 'KB gzip',
      `downloaded before ready: ${firstFiles(sem.talktime)}`);
    check(`${sem.talks}-talk seminar ready / Intl floor (median of ${sem.runs} interleaved cold loads)`, sem.ratio, 1.25, '×',
      `talktime ${ms(sem.talktime.ready)} against ${ms(sem.floor.ready)}; ${phases(sem.talktime)}; ${longestTask(sem.talktime)}`);
  }
  if (t(10000)) check('10,000 talks ready', t(10000).ready, 500, 'ms', `${phases(t(10000))}; ${longestTask(t(10000))}`);
  if (t(100000)) {
    check('100,000 talks ready', t(100000).ready, 3000, 'ms', `${phases(t(100000))}`);
    check('longest main-thread task at 100,000 (until every talk is in the document)', t(100000).longest, 200, 'ms', longestTask(t(100000)));
  }
  const phone = r.phone;
  if (phone) {
    check(`phone profile (4× CPU, 150 ms RTT, 1.6 Mbit/s, gzip): ${phone.talks}-talk seminar ready / Intl floor`, phone.ratio, 1.3, '×',
      `talktime ${ms(phone.talktime.ready)} against ${ms(phone.floor.ready)}; ${kb(phone.talktime.bytesWire)} KB on the wire before ready; ` +
      `${phases(phone.talktime)}; ${longestTask(phone.talktime)}`);
  }
  for (const [key, label] of [['keystroke', 'search keystroke'], ['zoneSwitch', 'zone switch']]) {
    const run = t(10000);
    if (!run?.[key]) continue;
    check(`${label} at 10,000, list complete, to the next frame`, run[key].ms, 16, 'ms',
      `longest task meanwhile ${ms(run[key].longest)}; ${run[key].talks} talks in the document once idle again`);
  }
  const nat = r.native[10000], wasm = r.wasm[10000];
  if (nat) check('native parse + validate + convert a talk (10,000)', nat.perTalkUs, 5, 'µs', `${nat.parseMs.toFixed(1)} ms for 10,000 talks`);
  if (wasm) check('wasm parse a talk (10,000, Node)', wasm.perTalkUs, 12, 'µs', `${wasm.parseMs.toFixed(1)} ms for 10,000 talks`);
  if (t(100000)?.memory) {
    const m = t(100000).memory;
    check('memory at 100,000, workers included / feed bytes', m.total / r.feedBytes[100000], 1.5, '×',
      `${mb(m.total)} MB for a ${mb(r.feedBytes[100000])} MB feed: ${memoryParts(m)}`);
  }
  return rows;
}
