// The boundary with the C++ core: the only module that calls into WebAssembly. It
// starts the module (talktime.wasm next to talktime.js or, for pages opened from
// file://, the same bytes from talktime.wasm.js) and turns every reply into a value
// or an Error, so a change of the wasm contract touches this file alone.
import { mark } from './timing.js';

// A failure the core reported; `diagnostics` holds the feed's problems when it has some.
export class CoreError extends Error {
  constructor(message, code = '', diagnostics = []) {
    super(message);
    this.code = code;
    this.diagnostics = diagnostics;
  }
}

// The calls the widget makes, on one started module. Requests are objects (sent as
// JSON); a handle names a schedule the core holds until closeFeed.
export function coreCalls(module) {
  const ask = (name, handle, request) => module[name](handle, JSON.stringify(request));
  // ics and jsonLd answer "" where they could not make the text.
  const text = (name, handle, request) => {
    const made = ask(name, handle, request);
    if (!made) throw new CoreError('The core could not make ' + name + ' text.');
    return made;
  };
  return {
    // [{name, bytes: Uint8Array, format}], {maxBytes, maxDepth} -> {handle, diagnostics, meta};
    // a CoreError with the diagnostics (its message the first error's) when they make no schedule.
    openFeeds(sources, limits) {
      const reply = JSON.parse(module.openFeeds(sources, JSON.stringify(limits)));
      if (reply.handle) return reply;
      const first = reply.diagnostics.find((d) => d.level === 'error');
      throw new CoreError(first ? first.text : 'The feed could not be read.', first ? first.code : '', reply.diagnostics);
    },
    closeFeed: (handle) => module.closeFeed(handle),
    // {zone, now, hour12, limit, starred, onlyStarred, text, series, kind, tag, show} ->
    // {html, zone, zoneLabel, count, matched, shown}.
    render(handle, request) {
      const view = ask('render', handle, request);
      if (view.error) throw new CoreError(view.error);
      return view;
    },
    // An iCalendar file of the talks a request matches (or of {ids: [...]}).
    ics: (handle, request) => text('ics', handle, request),
    // schema.org Event JSON-LD for the talks a request shows.
    jsonLd: (handle, request) => text('jsonLd', handle, request),
    // {google, outlook} links for a talk; {} for a cancelled or unknown one.
    calendarLinks: (handle, talkId) => JSON.parse(module.calendarLinks(handle, talkId)),
    zoneNames: () => JSON.parse(module.zoneNames()),
    // {name, label, offset} of a zone at an instant (seconds); null for a name the core does not know.
    describeZone(name, at) {
      const zone = JSON.parse(module.describeZone(name, at));
      return zone.name ? zone : null;
    },
    memoryBytes: () => module.HEAP8.buffer.byteLength
  };
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
        throw new Error('The schedule engine could not start: ' + (error && error.message || error));
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
