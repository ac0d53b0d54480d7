// Fetching the feeds named in data-feed (several, separated by spaces, are merged by
// the core), and the messages for feeds that cannot be loaded or read.

const FEED_TIMEOUT_MS = 20000;  // data-timeout (seconds) overrides

// Every feed named in options.feed as [{name, bytes, format}]: the bytes as served, so
// the core sees (and reports) the encoding itself and no JavaScript string is made of
// a large feed. "#id" reads an inline <script type="application/json">. `controller`
// (an AbortController) cancels the downloads; cancelled() says whether the
// widget was destroyed meanwhile (its errors are then passed on as they are).
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
    if (timedOut) return new Error('The feed ' + source + ' took longer than ' + limit / 1000 + ' s to load.');
    if (error && /could not be loaded/.test(error.message)) return error;
    return new Error('The feed ' + source + ' could not be loaded (' + (error && error.message || 'network error') + ').');
  };
  const load = (source) => source.charAt(0) === '#' ? inlineFeed(source, format)
    : downloadFeed(source, format, controller).catch((error) => { throw explain(source, error); });
  return Promise.all(names.map(load)).finally(() => clearTimeout(timer));
}

function inlineFeed(source, format) {
  const inline = document.getElementById(source.slice(1));
  if (!inline) return Promise.reject(new Error('No element with id "' + source.slice(1) + '" holds the feed.'));
  return { name: source, bytes: new TextEncoder().encode(inline.textContent), format };
}

function downloadFeed(source, format, controller) {
  const url = new URL(source, document.baseURI).href;
  return fetch(url, { signal: controller.signal, credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) {
        throw new Error('The feed ' + source + ' could not be loaded: HTTP ' + response.status +
          (response.statusText ? ' ' + response.statusText : '') + '.');
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

// '<' before any other non-space character (a UTF-8 byte order mark is skipped).
export function looksLikeHtml(bytes) {
  for (let i = 0; i < bytes.length && i < 1024; i++) {
    const c = bytes[i];
    if (c === 0x3C) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0A && c !== 0x0D && c !== 0xEF && c !== 0xBB && c !== 0xBF) return false;
  }
  return false;
}
