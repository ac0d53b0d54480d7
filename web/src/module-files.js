// The files a module is started from, beside talktime.js (scriptURL): the full
// module's glue (talktime-full.js, fetched on first use: web/src/core.js decides when)
// and, on pages opened from file://, where fetch is not allowed, a module's bytes from
// its .wasm.js script. Each script hands its payload over in an event on the document:
// no global, and it works under a Content-Security-Policy of script-src 'self'.

// Loads the script `file` next to scriptURL and resolves with the detail of the first
// `eventName` event whose detail `accept` takes.
function scriptEvent(scriptURL, file, eventName, accept = () => true) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const done = () => {
      document.removeEventListener(eventName, received);
      script.remove();
    };
    const received = (event) => {
      if (!accept(event.detail)) return;
      done();
      resolve(event.detail);
    };
    document.addEventListener(eventName, received);
    script.onerror = () => {
      done();
      reject(new Error(file + ' was not found next to talktime.js'));
    };
    script.src = new URL(file, scriptURL).href;
    document.head.appendChild(script);
  });
}

// The full module's Emscripten factory (createTalkTimeFull), from talktime-full.js.
let fullFactory = null;
export function fullModuleFactory(scriptURL) {
  fullFactory = fullFactory || scriptEvent(scriptURL, 'talktime-full.js', 'talktime:full-glue').catch((error) => {
    fullFactory = null;
    throw error;
  });
  return fullFactory;
}

// The bytes of `name`.wasm, from `name`.wasm.js (detail: [file name, base64]).
export function inlineWasm(scriptURL, name) {
  const file = name + '.wasm';
  return scriptEvent(scriptURL, name + '.wasm.js', 'talktime:wasm', (detail) => detail[0] === file).then(([, base64]) => {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  });
}
