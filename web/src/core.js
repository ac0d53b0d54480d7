// The boundary with the C++ core: the only module that calls into WebAssembly. It
// starts the first-render module (talktime.wasm next to talktime.js or, for pages opened
// from file://, the same bytes from talktime.wasm.js), and the full module
// (talktime-full.wasm: other feed formats, merging, JSON-LD) only when one of its calls
// is needed; it turns every reply into a value or an Error, so a change of the wasm
// contract touches this file alone.
import { fullModuleFactory, inlineWasm } from './module-files.js';
import { mark } from './timing.js';

// A failure the core reported: `code` is stable (a feed's own code, such as
// feed.syntax, or request.no_such_feed, request.invalid, request.unknown_zone,
// request.no_such_talk, request.needs_full_module: what only the full module does,
// never seen by the widget); `diagnostics` holds the feed's problems when it has some.
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

// Structured data is for crawlers, not the first frame: the full module is fetched for
// it once the page is idle (within a second).
const whenIdle = () => new Promise((resolve) => typeof requestIdleCallback === 'function'
  ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 0));

const needsFullModule = (error) => error instanceof CoreError && error.code === 'request.needs_full_module';

// The two modules behind one set of handles: a feed is opened in the first-render module,
// or in the full one when the first says request.needs_full_module and the full one has
// started (both read the same bytes into the same talks, ids included).
function moduleSwitch(lean, startFull) {
  const feeds = new Map();  // our handle -> {calls, handle, sources, limits, mirror}
  let nextHandle = 0;
  let fullStarting = null;
  const modules = { full: null };
  const register = (calls, opened, sources, limits) => {
    // A feed a worker read (worker-feed.js) has no whole bytes here to mirror in the full module.
    const mirrorable = calls === lean && !sources.some((source) => source.opened);
    feeds.set(++nextHandle, { calls, handle: opened.handle, sources: mirrorable ? sources : null, limits, mirror: 0 });
    return { ...opened, handle: nextHandle };
  };
  return Object.assign(modules, {
    loadFull() {
      fullStarting = fullStarting || startFull().then((calls) => (modules.full = calls), (error) => {
        fullStarting = null;
        throw error;
      });
      return fullStarting;
    },
    open(sources, limits) {
      try {
        return register(lean, lean.openFeeds(sources, limits), sources, limits);
      } catch (error) {
        if (!needsFullModule(error) || !modules.full) throw error;
      }
      return register(modules.full, modules.full.openFeeds(sources, limits), sources, limits);
    },
    feed(handle) {
      const entry = feeds.get(handle);
      if (!entry) throw new CoreError('no open feed has handle ' + handle, 'request.no_such_feed');
      return entry;
    },
    isOpen: (handle, entry) => feeds.get(handle) === entry,
    close(handle) {
      const entry = modules.feed(handle);
      feeds.delete(handle);
      if (entry.mirror) modules.full.closeFeed(entry.mirror);
      return entry.calls.closeFeed(entry.handle);
    },
    // The same feed in the full module (opened once, from the sources kept until then).
    mirror(entry) {
      if (!entry.mirror) {
        entry.mirror = modules.full.openFeeds(entry.sources, entry.limits).handle;
        entry.sources = null;
      }
      return entry.mirror;
    }
  });
}

// Opens the sources in the module that reads them, starting the full module first when
// needed: resolves with {opened} or {error} (an engine.start Error when the full module
// could not start: the widget shows it as the engine's failure, not the feed's).
function openReadily(modules, sources, limits) {
  const outcome = () => {
    try {
      return { opened: modules.open(sources, limits) };
    } catch (error) {
      return { error };
    }
  };
  const first = outcome();
  if (!needsFullModule(first.error)) return Promise.resolve(first);
  return modules.loadFull().then(outcome, (error) => {
    const message = 'The full schedule engine could not start: ' + (error && error.message || error);
    return { error: Object.assign(new Error(message), { code: 'engine.start' }) };
  });
}

// The widget's calls on both modules (moduleSwitch). prepare(sources, limits) opens the
// sources before the widget asks, so that its openFeeds(sources) answers at once whichever
// module reads them. JSON-LD of a feed the first-render module holds is written by the full
// module once the page is idle: jsonLd then answers a Promise. startFull() -> Promise of coreCalls.
export function routedCalls(lean, startFull) {
  const modules = moduleSwitch(lean, startFull);
  const prepared = new Map();  // sources (the widget's array) -> {opened} or {error}; several widgets may prepare at once
  const onFeed = (name) => (handle, ...args) => {
    const entry = modules.feed(handle);
    return entry.calls[name](entry.handle, ...args);
  };
  return {
    prepare(sources, limits) {
      return openReadily(modules, sources, limits).then((outcome) => {
        prepared.set(sources, outcome);
      });
    },
    openFeeds(sources, limits) {
      const ready = prepared.get(sources);
      prepared.delete(sources);
      if (!ready) return modules.open(sources, limits);
      if (ready.error) throw ready.error;
      return ready.opened;
    },
    closeFeed: (handle) => modules.close(handle),
    render: onFeed('render'),
    ics: onFeed('ics'),
    calendarLinks: onFeed('calendarLinks'),
    // A large feed's compact form, read by a worker, loaded into the first-render module: a
    // promise of its reply, whose handle openFeeds adopts (sources[0].opened) or discardCompact drops.
    openCompact: (buffer) => lean.openCompact(buffer),
    discardCompact: (handle) => lean.closeFeed(handle),
    jsonLd(handle, request) {
      const entry = modules.feed(handle);
      if (entry.calls !== lean) return entry.calls.jsonLd(entry.handle, request);
      if (!entry.sources && !entry.mirror) return Promise.resolve('');  // read by a worker: see register
      return whenIdle().then(modules.loadFull)
        .then(() => modules.isOpen(handle, entry) ? modules.full.jsonLd(modules.mirror(entry), request) : '');
    },
    zoneCatalog: (at) => lean.zoneCatalog(at),
    describeZone: (name, at) => lean.describeZone(name, at),
    memoryBytes: () => lean.memoryBytes() + (modules.full ? modules.full.memoryBytes() : 0)
  };
}

// Starts a module: `name`.wasm next to talktime.js (scriptURL), or its bytes from
// `name`.wasm.js on file:// pages.
async function startModule(createModule, scriptURL, name) {
  const moduleArg = { locateFile: (path) => new URL(/\.wasm$/.test(path) ? name + '.wasm' : path, scriptURL).href };
  if (/^file:/.test(scriptURL)) moduleArg.wasmBinary = await inlineWasm(scriptURL, name);
  return coreCalls(await createModule(moduleArg));
}

// Starts the first-render module once per page; after a failed start a later load() tries again.
// scriptURL: where talktime.js came from (talktime.wasm lies next to it);
// createModule: Emscripten's factory (createTalkTimeCore, see main.js); fullFactory(scriptURL):
// a Promise of the full module's factory (module-files.js).
// Returns {load() -> Promise of routedCalls, memoryBytes()}.
export function coreLoader(scriptURL, createModule, fullFactory = fullModuleFactory) {
  let started = null;
  let core = null;
  const startFull = () => fullFactory(scriptURL).then((create) => startModule(create, scriptURL, 'talktime-full'));
  const start = async () => routedCalls(await startModule(createModule, scriptURL, 'talktime'), startFull);
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
