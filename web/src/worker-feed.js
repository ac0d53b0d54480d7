// Large feeds off the main thread. A talktime feed above WORKER_THRESHOLD_BYTES (the
// length the server announces, or the bytes received so far) is read in a Web Worker
// started from talktime.js's own URL (feed-worker.js): the downloaded chunks are
// handed over as they arrive, the worker reads and validates the feed and sends back
// its compact form, which the page's core loads in slices (core.js, openCompact), so
// no task on the page runs long. The feed's `opened` field then holds the core's
// reply, which openFeeds returns as it is. Pages opened from file://, and pages where
// a worker cannot start (a Content-Security-Policy without worker-src or script-src
// 'self', an old browser), read the feed on the main thread and say why in the
// console. Only one talktime feed goes this way: several feeds (merged by the core)
// and other formats (iCalendar, frab: the worker hands their bytes back) are read on
// the main thread.
import { mark } from './timing.js';

// About 2,000 talks: below this the main thread reads a feed in about 100 ms, less
// than a worker takes to start.
export const WORKER_THRESHOLD_BYTES = 2 << 20;

let engine = null;
let workerURL = '';

// Called once by main.js: the page's engine (core.js, coreLoader) and talktime.js's URL.
export function useWorkerFeeds(pageEngine, scriptURL) {
  engine = pageEngine;
  workerURL = scriptURL;
}

// Whether a feed of this format named alone may be read in a worker at all.
export function mayUseWorker(format, alone) {
  return alone && !!engine && (!format || format === 'talktime');
}

// Why no worker can be used on this page ('' when one may be).
function workerRefusal() {
  if (typeof Worker !== 'function') return 'this browser has no Web Workers';
  if (!workerURL) return 'talktime.js was not loaded from a script tag with a URL';
  if (/^file:/.test(workerURL) || /^file:/.test(location.href)) return 'pages opened from file:// may not start workers';
  return '';
}

function tellMainThread(name, reason) {
  console.info('talktime: ' + name + ' is large; it is read on the main thread because ' + reason + '.');
}

// Starts a worker for one feed. Chunks are kept here until the worker says it runs,
// then handed over without a copy; when it cannot start, `fallback()` gives them back
// for the main thread. Returns null (after saying why) when no worker may be started.
function startWorker(name, size, limits) {
  const refusal = workerRefusal();
  let worker = null;
  try {
    if (!refusal) worker = new Worker(workerURL);
  } catch (error) {
    tellMainThread(name, 'the worker could not start (' + (error && error.message || error) + ')');
    return null;
  }
  if (refusal) {
    tellMainThread(name, refusal);
    return null;
  }
  mark('worker-started');
  return feedWorker(worker, name, size, limits);
}

function feedWorker(worker, name, size, limits) {
  const state = { ready: false, failed: '', ended: false, kept: [] };
  let settle;
  const result = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  const send = (chunk) => {
    const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice();
    worker.postMessage({ type: 'chunk', bytes: whole.buffer }, [whole.buffer]);
  };
  const fail = (reason) => {
    worker.terminate();
    if (state.ready) settle.reject(new Error('The worker reading ' + name + ' stopped: ' + reason));
    else {
      state.failed = reason;
      settle.resolve(null);  // the caller reads state.kept on the main thread
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || 'it could not run');
  };
  worker.onmessage = ({ data }) => {
    if (data.type === 'ready' && !state.ready && !state.failed) {
      state.ready = true;
      for (const chunk of state.kept) send(chunk);
      state.kept = [];
      if (state.ended) worker.postMessage({ type: 'end' });
    } else if (data.type === 'failed') {
      fail(data.message);
    } else if (data.type === 'done') {
      worker.terminate();
      settle.resolve(data);
    }
  };
  worker.postMessage({ type: 'feed', size, limits });
  return {
    push(chunk) {
      if (state.ready) send(chunk);
      else state.kept.push(chunk);
    },
    end() {
      state.ended = true;
      if (state.ready) worker.postMessage({ type: 'end' });
      return result;
    },
    // The widget went away or timed out: the worker ends and the feed is not read.
    stop(reason) {
      worker.terminate();
      settle.reject(reason || new Error('aborted'));
    },
    state
  };
}

// Reads a response's body: a feed above the threshold (when `useWorker`) through a
// worker, any other in one piece. Resolves with the feed as fetchFeeds gives it:
// {name, bytes, format}, plus `opened` (the core's reply) when a worker read it.
export async function readFeedBody(response, name, format, limits, useWorker, signal) {
  // A response without a readable stream (an empty body, a test's stand-in) in one piece.
  if (!response.body || typeof response.body.getReader !== 'function') return { name, bytes: new Uint8Array(await response.arrayBuffer()), format };
  const announced = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  const kept = [];
  let received = 0;
  let worker = null;
  let head = null;  // the first bytes stay here: they say whether a web page came instead of a feed
  const consider = () => {
    if (!useWorker || (announced || received) < WORKER_THRESHOLD_BYTES) return;
    useWorker = false;
    worker = startWorker(name, Math.max(announced, received), limits);
    if (worker) for (const chunk of kept.splice(0)) worker.push(chunk);
  };
  const stop = () => worker && worker.stop(signal.reason);
  signal.addEventListener('abort', stop);
  try {
    consider();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.length;
      if (!head) head = value.slice(0, 1024);
      if (worker) worker.push(value);
      else kept.push(value);
      consider();
    }
    if (!worker) return { name, bytes: joined(kept, received), format };
    return await finishInWorker(worker, { name, format, head }, received, signal);
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

// Bytes given inline (data-feed="#id"): through a worker above the threshold.
export async function readFeedBytes(bytes, name, format, limits, useWorker, signal) {
  const worker = useWorker && bytes.length >= WORKER_THRESHOLD_BYTES ? startWorker(name, bytes.length, limits) : null;
  if (!worker) return { name, bytes, format };
  const head = bytes.slice(0, 1024);
  const stop = () => worker.stop(signal.reason);
  signal.addEventListener('abort', stop);
  worker.push(bytes);  // handed over (not copied) once the worker runs
  try {
    return await finishInWorker(worker, { name, format, head }, bytes.length, signal);
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

// The feed a worker read ({name, format, head: its first bytes}): its compact form
// loaded into the page's core, a failure as the core's reply, or (when the worker could
// not start, or found another format) the bytes themselves.
async function finishInWorker(worker, feed, received, signal) {
  const { name, format, head } = feed;
  const done = await worker.end();
  if (signal.aborted) throw signal.reason || new Error('aborted');
  if (!done) {
    tellMainThread(name, 'its worker could not start (' + worker.state.failed + ')');
    return { name, bytes: joined(worker.state.kept, received), format };
  }
  markWorkerParsed(done.wasmBytes);
  if (done.bytes) return { name, bytes: new Uint8Array(done.bytes), format };  // not a talktime feed
  if (!done.reply.ok) return { name, bytes: head, format, opened: done.reply };
  const core = await engine.load();
  let opened;
  try {
    opened = { ok: true, value: await core.openCompact(done.compact) };
  } catch (error) {
    if (!error || !error.code) throw error;
    opened = { ok: false, error };
  }
  if (signal.aborted && opened.ok) {
    core.discardCompact(opened.value.handle);  // the widget went away meanwhile
    throw signal.reason || new Error('aborted');
  }
  return { name, bytes: head, format, opened };
}

// talktime:worker-parsed, with the worker module's memory at its peak in `detail`
// (the benchmark's worker memory; the tests' proof that a worker read the feed).
function markWorkerParsed(wasmBytes) {
  try {
    performance.mark('talktime:worker-parsed', { detail: { wasmBytes } });
  } catch {
    // very old browsers have no User Timing
  }
}

function joined(chunks, length) {
  if (chunks.length === 1 && chunks[0].length === length) return chunks[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
