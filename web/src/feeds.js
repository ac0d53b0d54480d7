// Fetching the feeds named in data-feed (several, separated by spaces, are merged by
// the core), and the messages for feeds that cannot be loaded or read. Every error
// carries a stable `code` (error-text.js turns it into plain words for visitors);
// its message is the organiser's detail.
import { shortReason } from './error-text.js';
import { mayUseWorker, readFeedBody, readFeedBytes } from './worker-feed.js';

const FEED_TIMEOUT_MS = 20000;  // data-timeout (seconds) overrides

// The feeds named in options.feed, fetched side by side: {sources: [{name, bytes,
// format}], failed: [{name, code, message, error}]}. Bytes are kept as served, so the
// core sees (and reports) the encoding itself and no JavaScript string is made of a
// large feed. "#id" reads an inline <script type="application/json">. A feed that
// cannot be fetched is listed in `failed` (message: the short reason, error: the whole
// sentence) and the others still load; when none loads, the promise rejects with the
// first feed's error. `controller` (an AbortController) cancels the downloads;
// cancelled() says whether the widget was destroyed meanwhile (its errors are then
// passed on as they are).
export function fetchFeeds(options, controller, cancelled) {
  const names = String(options.feed || '').split(/\s+/).filter(Boolean);
  if (!names.length) {
    return Promise.reject(loadError('options.no_feed', 'No feed given: add data-feed="talks.json" (or "#id" of an inline JSON script).'));
  }
  const limit = options.timeout > 0 ? options.timeout * 1000 : FEED_TIMEOUT_MS;
  const format = options.format || '';
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limit);
  const explain = (source, error) => {
    if (cancelled()) return error;
    const seconds = limit / 1000 + ' s';
    if (timedOut) {
      return loadError('fetch.timeout', 'The feed ' + source + ' took longer than ' + seconds + ' to load.', 'it took longer than ' + seconds, source);
    }
    if (error && typeof error.code === 'string') return error;
    const reason = error && error.message || 'network error';
    if (readsFromDisk(source)) {
      return loadError('fetch.file', 'The feed ' + source + ' could not be loaded (' + reason + '): a page opened from disk (file://) ' +
        'may not read files. Put the feed inline (data-feed="#id") or serve the folder (python3 -m http.server).',
      'a page opened from disk (file://) may not read files', source);
    }
    return loadError('fetch.network', 'The feed ' + source + ' could not be loaded (' + reason + ').', reason, source);
  };
  // One large talktime feed is read in a worker (worker-feed.js), with the limits openFeeds would use.
  const reading = { limits: { maxBytes: options.maxBytes, maxDepth: options.maxDepth },
    useWorker: mayUseWorker(format, names.length === 1), signal: controller.signal };
  const load = (source) => source.charAt(0) === '#' ? inlineFeed(source, format, reading)
    : downloadFeed(source, format, controller, reading).catch((error) => { throw explain(source, error); });
  return Promise.allSettled(names.map(load)).finally(() => clearTimeout(timer)).then((results) => {
    const failed = results.map((r, i) => r.status === 'rejected' ? failure(names[i], r.reason) : null).filter(Boolean);
    if (failed.length === names.length) throw failed[0].error;
    return { sources: results.filter((r) => r.status === 'fulfilled').map((r) => r.value), failed };
  });
}

// An Error with a stable code, the short reason a notice quotes ("HTTP 404") and the feed's name.
function loadError(code, message, reason, feed, extra) {
  return Object.assign(new Error(message), { code, reason: reason || message, feed }, extra);
}

// Whether a feed is a file read by a page opened from disk: browsers refuse that
// (Chromium says only "Failed to fetch"), so the error says why and what to do.
function readsFromDisk(source) {
  try {
    return new URL(document.baseURI).protocol === 'file:' && new URL(source, document.baseURI).protocol === 'file:';
  } catch {
    return false;
  }
}

// A feed that could not be fetched: {name, code, message (the short reason), summary
// (plain words for visitors: "not found"), error}.
function failure(name, error) {
  const code = error && typeof error.code === 'string' ? error.code : 'fetch.network';
  const message = error && error.reason || String(error && error.message || error);
  return { name, code, message, summary: shortReason({ ...error, code }), error };
}

function inlineFeed(source, format, reading) {
  const inline = document.getElementById(source.slice(1));
  if (!inline) {
    return Promise.reject(loadError('fetch.no_element', 'No element with id "' + source.slice(1) + '" holds the feed.',
      'no element has id "' + source.slice(1) + '"', source));
  }
  const bytes = new TextEncoder().encode(inline.textContent);
  return readFeedBytes(bytes, source, format, reading.limits, reading.useWorker, reading.signal);
}

function downloadFeed(source, format, controller, reading) {
  const url = new URL(source, document.baseURI).href;
  return fetch(url, { signal: controller.signal, credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) {
        throw loadError('fetch.http', 'The feed ' + source + ' could not be loaded: HTTP ' + response.status +
          (response.statusText ? ' ' + response.statusText : '') + '.', 'HTTP ' + response.status, source, { status: response.status });
      }
      return readFeedBody(response, source, format, reading.limits, reading.useWorker, reading.signal);
    });
}

// The error shown for feeds the core could not read (a CoreError from openFeeds), with
// its code and diagnostics. A web page served where a feed was expected (an error
// page, a login wall) is named as such (and flagged `html`).
export function unreadableFeed(error, sources, feedOption) {
  let text = error.message;
  const html = /\.syntax$/.test(error.code) && sources.some((source) => looksLikeHtml(source.bytes));
  if (html) text += ' (the server sent a web page, not JSON)';
  return Object.assign(new Error('The feed ' + (feedOption || '') + ' is not a valid talk feed: ' + text),
    { code: error.code, diagnostics: error.diagnostics || [], html });
}

// Every feed that was not shown, in data-feed order: those that could not be fetched
// and those the core could not read (openFeeds' failedSources), each {name, code,
// message, summary}; a web page served where a feed was expected is named as such.
export function failedFeeds(fetchFailures, parseFailures, sources, feedOption) {
  const names = String(feedOption || '').split(/\s+/);
  const bytesOf = (name) => (sources.find((source) => source.name === name) || {}).bytes || new Uint8Array(0);
  const read = parseFailures.map((f) => {
    const html = /\.syntax$/.test(f.code) && looksLikeHtml(bytesOf(f.name));
    const message = html ? f.message + ' (the server sent a web page, not JSON)' : f.message;
    return { name: f.name, code: f.code, message, summary: shortReason({ code: f.code, html }) };
  });
  const fetched = fetchFailures.map(({ name, code, message, summary }) => ({ name, code, message, summary }));
  return [...fetched, ...read].sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
}

// One sentence about the feeds that were not shown ("Not shown: b.json could not be
// loaded (HTTP 404)."); '' when every feed was shown. Fetch failures have fetch.* codes.
export function failedFeedsText(failed) {
  if (!failed.length) return '';
  const reasons = failed.map((f) => f.name + (/^fetch\./.test(f.code)
    ? ' could not be loaded (' + f.message + ')' : ' is not a valid talk feed: ' + f.message));
  const text = 'Not shown: ' + reasons.join('; ');
  return /\.$/.test(text) ? text : text + '.';
}

// '<' before any other non-space character (a UTF-8 byte order mark is skipped).
export function looksLikeHtml(bytes) {
  for (let i = 0; i < bytes.length && i < 1024; i++) {
    const c = bytes[i];
    if (c === 0x3C) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0A && c !== 0x0D && c !== 0xEF && c !== 0xBB && c !== 0xBF) return false;
  }
  return false;
}
