// Fetching the feeds named in data-feed (several, separated by spaces, are merged by
// the core), and the messages for feeds that cannot be loaded or read.

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
  if (!names.length) return Promise.reject(new Error('No feed given: add data-feed="talks.json" (or "#id" of an inline JSON script).'));
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
    if (timedOut) return loadError('fetch.timeout', 'The feed ' + source + ' took longer than ' + seconds + ' to load.', 'it took longer than ' + seconds);
    if (error && typeof error.code === 'string') return error;
    const reason = error && error.message || 'network error';
    return loadError('fetch.network', 'The feed ' + source + ' could not be loaded (' + reason + ').', reason);
  };
  const load = (source) => source.charAt(0) === '#' ? inlineFeed(source, format)
    : downloadFeed(source, format, controller).catch((error) => { throw explain(source, error); });
  return Promise.allSettled(names.map(load)).finally(() => clearTimeout(timer)).then((results) => {
    const failed = results.map((r, i) => r.status === 'rejected' ? failure(names[i], r.reason) : null).filter(Boolean);
    if (failed.length === names.length) throw failed[0].error;
    return { sources: results.filter((r) => r.status === 'fulfilled').map((r) => r.value), failed };
  });
}

// An Error with a stable code and the short reason a notice quotes ("HTTP 404").
function loadError(code, message, reason) {
  return Object.assign(new Error(message), { code, reason });
}

// A feed that could not be fetched: {name, code, message (the short reason), error}.
function failure(name, error) {
  const code = error && typeof error.code === 'string' ? error.code : 'fetch.network';
  return { name, code, message: error && error.reason || String(error && error.message || error), error };
}

function inlineFeed(source, format) {
  const inline = document.getElementById(source.slice(1));
  if (!inline) {
    return Promise.reject(loadError('fetch.no_element', 'No element with id "' + source.slice(1) + '" holds the feed.',
      'no element has id "' + source.slice(1) + '"'));
  }
  return { name: source, bytes: new TextEncoder().encode(inline.textContent), format };
}

function downloadFeed(source, format, controller) {
  const url = new URL(source, document.baseURI).href;
  return fetch(url, { signal: controller.signal, credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) {
        throw loadError('fetch.http', 'The feed ' + source + ' could not be loaded: HTTP ' + response.status +
          (response.statusText ? ' ' + response.statusText : '') + '.', 'HTTP ' + response.status);
      }
      return response.arrayBuffer();
    })
    .then((buffer) => ({ name: source, bytes: new Uint8Array(buffer), format }));
}

// The error shown for feeds the core could not read (a CoreError from openFeeds). A web
// page served where a feed was expected (an error page, a login wall) is named as such.
export function unreadableFeed(error, sources, feedOption) {
  let text = error.message;
  if (error.code === 'feed.syntax' && sources.some((source) => looksLikeHtml(source.bytes))) {
    text += ' (the server sent a web page, not JSON)';
  }
  return new Error('The feed ' + (feedOption || '') + ' is not a valid talk feed: ' + text);
}

// Every feed that was not shown, in data-feed order: those that could not be fetched
// and those the core could not read (openFeeds' failedSources), each
// {name, code, message}; a web page served where a feed was expected is named as such.
export function failedFeeds(fetchFailures, parseFailures, sources, feedOption) {
  const names = String(feedOption || '').split(/\s+/);
  const bytesOf = (name) => (sources.find((source) => source.name === name) || {}).bytes || new Uint8Array(0);
  const read = parseFailures.map((f) => f.code === 'feed.syntax' && looksLikeHtml(bytesOf(f.name))
    ? { ...f, message: f.message + ' (the server sent a web page, not JSON)' } : f);
  const fetched = fetchFailures.map(({ name, code, message }) => ({ name, code, message }));
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
