// The entry point: the one global, TalkTime (mount, version, memory), and the widgets
// mounted from markup: every [data-talktime][data-feed] element, and the script tag
// itself when it carries data-feed. README.md describes the embedding contract.
// Emscripten's glue for the C++ core (-sMODULARIZE); scripts/bundle.mjs resolves this name.
import createTalkTimeCore from 'talktime:core-glue';
import { coreLoader } from './core.js';
import { element } from './dom.js';
import { mergeOptions, optionsFromDataset } from './options.js';
import { addMounted, mounted, removeMounted } from './mounted.js';
import { Widget } from './widget.js';
import { runFeedWorker } from './feed-worker.js';
import { useWorkerFeeds } from './worker-feed.js';

// package.json's version, written in by scripts/bundle.mjs.
const VERSION = __TALKTIME_VERSION__;
// Started as a Web Worker (worker-feed.js) this script reads a large feed instead of mounting.
const inWorker = typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;
const scriptElement = inWorker ? null : document.currentScript;
// talktime.wasm sits next to talktime.js.
const scriptURL = scriptElement && scriptElement.src ? scriptElement.src : inWorker ? '' : document.baseURI;
const engine = coreLoader(scriptURL, createTalkTimeCore);
if (!inWorker) useWorkerFeeds(engine, scriptElement && scriptElement.src ? scriptElement.src : '');

function mount(target, options) {
  let host;
  try {
    host = typeof target === 'string' ? document.querySelector(target) : target;
  } catch {
    return Promise.reject(new Error('TalkTime.mount: "' + target + '" is not a valid CSS selector'));
  }
  if (!host || host.nodeType !== 1) return Promise.reject(new Error('TalkTime.mount: no element matches ' + String(target)));
  const merged = mergeOptions(optionsFromDataset(host.dataset), options);
  if (mounted.has(host)) mounted.get(host).destroy();
  let widget;
  try {
    widget = new Widget(host, merged, engine, (gone) => removeMounted(host, gone));
  } catch (error) {
    return Promise.reject(error);
  }
  addMounted(host, widget);
  return widget.start().then(() => handleOf(widget));
}

// The handle mount() resolves with (README.md, "JavaScript API").
function handleOf(widget) {
  return {
    element: widget.host,
    setTimeZone(name) {
      if (!widget.chooseZone(name)) throw new RangeError('Unknown time zone "' + name + '"');
    },
    setQuery(query) {
      const changes = {};
      for (const key of ['text', 'series', 'kind', 'tag', 'show']) {
        if (query && query[key] !== undefined) changes[key] = query[key] || (key === 'show' ? 'all' : '');
      }
      widget.update(changes);
    },
    refresh: () => widget.start().then(() => undefined),
    destroy: () => widget.destroy(),
    diagnostics: () => (widget.diagnostics || []).slice()
  };
}

// The element the script tag's widget goes into: data-target's, or a new one right
// after the script. An invalid selector is reported on the script tag (console and
// talktime:error) and mounts nothing there; the page's other widgets still mount.
function scriptTarget(report) {
  const selector = scriptElement.dataset.target;
  let target = null;
  try {
    target = selector ? document.querySelector(selector) : null;
  } catch {
    const message = 'data-target "' + selector + '" is not a valid CSS selector';
    report(new Error(message));
    scriptElement.dispatchEvent(new CustomEvent('talktime:error', { bubbles: true, detail: { message } }));
    return null;
  }
  if (!target) {
    target = element('div');
    scriptElement.parentNode.insertBefore(target, scriptElement.nextSibling);
  }
  return target;
}

function autoMount() {
  const report = (error) => console.error('talktime: ' + (error && error.message || error));
  const target = scriptElement && scriptElement.dataset.feed ? scriptTarget(report) : null;
  // A widget that shows its error has logged it already.
  const reportFor = (host) => (error) => {
    if (host.getAttribute('data-talktime-state') !== 'error') report(error);
  };
  if (target && !mounted.has(target)) mount(target, optionsFromDataset(scriptElement.dataset)).catch(reportFor(target));
  for (const host of document.querySelectorAll('[data-talktime][data-feed]')) {
    if (!mounted.has(host)) mount(host).catch(reportFor(host));
  }
}

// The page's one global and its widgets (a worker has neither).
function startOnPage() {
  window.TalkTime = {
    mount,
    version: VERSION,
    // Bytes of WebAssembly memory in use by the engine (0 before it has started); for benchmarks.
    memory: () => engine.memoryBytes(),
    // For the browser tests only, not an API: the started core, to check what a widget left open.
    [Symbol.for('talktime.core')]: () => engine.load()
  };
  // The first-render module starts as this script runs, while the page is still parsing and
  // the feeds download: a widget's first render waits for neither in turn.
  engine.load().catch(() => {});
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoMount);
  else autoMount();
}

if (inWorker) runFeedWorker(createTalkTimeCore);
else startOnPage();
