// The boundary with the C++ core: the only module that calls into WebAssembly. It
// starts the module (talktime.wasm next to talktime.js or, for pages opened from
// file://, the same bytes from talktime.wasm.js) and turns every reply into a value
// or an Error, so a change of the wasm contract touches this file alone.
import { mark } from './timing.js';

// A failure the core reported: `code` is stable (a feed's own code, such as
// feed.syntax, or request.no_such_feed, request.invalid, request.unknown_zone,
// request.no_such_talk); `diagnostics` holds the feed's problems when it has some.
export class CoreError extends Error {
  constructor(message, code = '', diagnostics = []) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.diagnostics = diagnostics;
  }
}

// Every call into the core answers {ok: true, value} or {ok: false, error: {code,
// message, diagnostics}} (src/wasm/wasm_bindings.cpp): the one place a reply
// becomes a value or an Error.
export function unwrap(reply) {
  if (reply && reply.ok === true) return reply.value;
  const error = reply && reply.error;
  if (!error) throw new CoreError('The core gave no reply.', 'core.no_reply');
  throw new CoreError(error.message, error.code, error.diagnostics || []);
}

// The calls the widget makes, on one started module. Requests are objects (sent as
// JSON); a handle names a schedule the core holds until closeFeed.
export function coreCalls(module) {
  const call = (name, ...args) => unwrap(module[name](...args));
  const ask = (name, handle, request) => call(name, handle, JSON.stringify(request));
  return {
    // [{name, bytes: Uint8Array, format}], {maxBytes, maxDepth, now} -> {handle, diagnostics, meta,
    // failedSources: [{name, code, message}]} (the sources that made no feed; the others are
    // shown); a CoreError with every diagnostic (its message the first error's) when none made one.
    // A feed a worker has read already (worker-feed.js) comes with `opened`, the reply it made.
    openFeeds: (sources, limits) => sources.length === 1 && sources[0].opened ? unwrap(sources[0].opened)
      : call('openFeeds', sources, JSON.stringify(limits)),
    // A feed's compact form (an ArrayBuffer a worker made) -> a promise of what openFeeds
    // gives; loaded in slices of about SLICE_MS, each its own task.
    openCompact: (buffer) => openCompact(module, buffer),
    closeFeed: (handle) => call('closeFeed', handle),
    // {zone, now, hour12, limit, starred, onlyStarred, text, series, kind, tag, show, renderText (the
    // visitor's language: i18n/index.js)} ->
    // {html, zone, zoneLabel, count, matched, shown, nextChange}.
    render: (handle, request) => ask('render', handle, request),
    // An iCalendar file of the talks a request matches (or of {ids: [...]}).
    ics: (handle, request) => ask('ics', handle, request),
    // schema.org Event JSON-LD for the talks a request shows.
    jsonLd: (handle, request) => ask('jsonLd', handle, request),
    // {google, outlook} links for a talk; {} for a cancelled one.
    calendarLinks: (handle, talkId) => call('calendarLinks', handle, talkId),
    // Every zone once, as the clock `at` (seconds) sees it: see readZoneCatalog.
    zoneCatalog: (at) => readZoneCatalog(call('zoneCatalog', at)),
    // {name, label, offset} of a zone at an instant (seconds); null for a name the core does not know.
    describeZone: (name, at) => call('describeZone', name, at),
    memoryBytes: () => module.HEAP8.buffer.byteLength
  };
}

// How long one slice of loading a compact feed may take: far below the 200 ms that
// make a task long, and few enough slices that their overhead does not count.
const SLICE_MS = 40;

async function openCompact(module, buffer) {
  const bytes = new Uint8Array(buffer);
  const id = module.beginCompactFeed();
  let at = 0;
  let size = 1 << 20;  // bytes offered next; tuned after each slice
  while (at < bytes.length) {
    const started = performance.now();
    const used = module.takeCompactFeed(id, bytes.subarray(at, Math.min(bytes.length, at + size)));
    if (used < 0) break;  // not a compact feed: openCompactFeed says so
    if (used === 0) {
      if (at + size >= bytes.length) break;  // cut short
      size *= 2;  // a part longer than the slice
      continue;
    }
    at += used;
    const ms = Math.max(performance.now() - started, 1);
    size = Math.max(1 << 16, Math.min(size * 4, Math.round(used * SLICE_MS / ms)));
    await nextTask();
  }
  return unwrap(module.openCompactFeed(id));
}

// A new task (not a microtask: the page may paint and handle input in between).
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

// The core's zone catalog (text, one line each; src/wasm/wasm_bindings.cpp) as
// [{name, offsets: [{abbreviation, offset}], countries: [{code, first}], links: [name]}],
// in the order of the names: offsets (seconds east of UTC) are those of the year
// from the clock, the current one first; countries are zone.tab's (first: the zone it
// lists first for that country); links are the other names that lead to the zone.
export function readZoneCatalog(text) {
  const zones = new Map();
  const links = [];
  for (const line of text.split('\n')) {
    const [name, second, countries] = line.split('\t');
    if (!name) continue;
    if (countries === undefined) {
      links.push([name, second]);
      continue;
    }
    const words = second.split(' ');
    const offsets = [];
    for (let i = 0; i + 1 < words.length; i += 2) offsets.push({ abbreviation: words[i], offset: Number(words[i + 1]) });
    const codes = (countries.match(/../g) || []).map((code) => ({ code: code.toUpperCase(), first: code === code.toUpperCase() }));
    zones.set(name, { name, offsets, countries: codes, links: [] });
  }
  for (const [link, zone] of links) if (zones.has(zone)) zones.get(zone).links.push(link);
  return [...zones.values()];
}

// Starts the module once per page; after a failed start a later load() tries again.
// scriptURL: where talktime.js came from (talktime.wasm lies next to it);
// createModule: Emscripten's factory (createTalkTimeCore, see main.js).
// Returns {load() -> Promise of coreCalls, memoryBytes()}.
export function coreLoader(scriptURL, createModule) {
  let started = null;
  let core = null;
  const start = async () => {
    const moduleArg = { locateFile: (path) => new URL(/\.wasm$/.test(path) ? 'talktime.wasm' : path, scriptURL).href };
    if (/^file:/.test(scriptURL)) moduleArg.wasmBinary = await inlineWasm(scriptURL);
    return coreCalls(await createModule(moduleArg));
  };
  return {
    load() {
      started = started || start().then((calls) => {
        core = calls;
        mark('engine-ready');
        return calls;
      }, (error) => {
        started = null;
        const message = 'The schedule engine could not start: ' + (error && error.message || error);
        throw Object.assign(new Error(message), { code: 'engine.start' });
      });
      return started;
    },
    // Bytes of WebAssembly memory the engine holds (0 before it has started).
    memoryBytes: () => core ? core.memoryBytes() : 0
  };
}

// Pages opened from file:// may not fetch talktime.wasm: the same bytes come from
// talktime.wasm.js, a script that hands them over in a talktime:wasm event (no global).
function inlineWasm(scriptURL) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const received = (event) => {
      document.removeEventListener('talktime:wasm', received);
      script.remove();
      const text = atob(event.detail);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      resolve(bytes);
    };
    document.addEventListener('talktime:wasm', received);
    script.onerror = () => {
      document.removeEventListener('talktime:wasm', received);
      reject(new Error('talktime.wasm.js was not found next to talktime.js'));
    };
    script.src = new URL('talktime.wasm.js', scriptURL).href;
    document.head.appendChild(script);
  });
}
