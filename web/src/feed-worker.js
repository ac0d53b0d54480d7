// What talktime.js does when it runs as a Web Worker (started by worker-feed.js from
// its own URL, so a page's `script-src 'self'` allows it): it reads one large talktime
// feed off the page's main thread. The bytes arrive in chunks as they download and go
// straight into the module's memory (no JavaScript copy of the whole feed); the feed
// is read and validated there once, and its compact form (src/feed/compact_feed.hpp)
// goes back to the page as a transferred buffer. The page then ends this worker, which
// frees its memory.
//
// Messages in: {type: 'feed', size (bytes announced, 0 when unknown), limits}, then
// {type: 'chunk', bytes: ArrayBuffer}…, then {type: 'end'}.
// Messages out: {type: 'ready'} once the module runs (or {type: 'failed', message}),
// then {type: 'done', reply, compact?: ArrayBuffer, bytes?: ArrayBuffer, wasmBytes}:
// reply is the core's {ok, value | error}; bytes, the feed itself, when it is not a
// talktime feed (the page reads those); wasmBytes, this module's memory at its peak.

const INITIAL_INPUT_BYTES = 1 << 20;  // when the server announced no length

export function runFeedWorker(createModule) {
  const wasmURL = new URL('talktime.wasm', self.location.href).href;
  const started = createModule({
    locateFile: (path) => new URL(path, self.location.href).href,
    // Compiled while it downloads, whatever environment the glue was built for.
    instantiateWasm(imports, receive) {
      WebAssembly.instantiateStreaming(fetch(wasmURL, { credentials: 'same-origin' }), imports)
        .then((result) => receive(result.instance, result.module))
        .catch((error) => self.postMessage({ type: 'failed', message: String(error && error.message || error) }));
      return {};
    }
  });
  started.then(() => self.postMessage({ type: 'ready' }),
    (error) => self.postMessage({ type: 'failed', message: String(error && error.message || error) }));
  const input = { capacity: 0, written: 0, address: 0, limits: {} };
  // Messages are handled in order, each once the module has started.
  let queue = started;
  self.onmessage = (event) => {
    queue = queue.then((module) => {
      handle(module, input, event.data);
      return module;
    }).catch((error) => {
      self.postMessage({ type: 'done', reply: { ok: false, error: { code: 'worker.failed', message: String(error && error.message || error), diagnostics: [] } } });
      throw error;
    });
  };
}

function handle(module, input, message) {
  if (message.type === 'feed') {
    input.limits = message.limits || {};
    input.capacity = Math.max(message.size || 0, INITIAL_INPUT_BYTES);
    input.address = module.reserveFeedInput(input.capacity);
    input.written = 0;
  } else if (message.type === 'chunk') {
    const bytes = new Uint8Array(message.bytes);
    if (input.written + bytes.length > input.capacity) {
      input.capacity = Math.max(input.capacity * 2, input.written + bytes.length);
      input.address = module.reserveFeedInput(input.capacity);
    }
    // HEAPU8 is looked up each time: growing the memory replaces it.
    module.HEAPU8.set(bytes, input.address + input.written);
    input.written += bytes.length;
  } else if (message.type === 'end') {
    finish(module, input);
  }
}

function finish(module, input) {
  const reply = module.readFeedInput(input.written, JSON.stringify(input.limits));
  const wasmBytes = module.HEAP8.buffer.byteLength;
  if (reply.ok) {
    const { address, length } = reply.value;
    const compact = module.HEAPU8.slice(address, address + length).buffer;
    module.releaseCompactFeed();
    self.postMessage({ type: 'done', reply, compact, wasmBytes }, [compact]);
  } else if (reply.error.code === 'feed.not_talktime') {
    const bytes = module.HEAPU8.slice(input.address, input.address + input.written).buffer;
    module.releaseCompactFeed();
    self.postMessage({ type: 'done', reply, bytes, wasmBytes }, [bytes]);
  } else {
    module.releaseCompactFeed();
    self.postMessage({ type: 'done', reply, wasmBytes });
  }
}
