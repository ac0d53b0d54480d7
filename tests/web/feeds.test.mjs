// web/src/feeds.js: feed names, download errors and the "web page, not a feed" hint,
// with fetch and the document replaced by stand-ins.
import { test, beforeEach, afterEach, mock } from 'node:test';
import assert from 'node:assert/strict';
import { CoreError } from '../../web/src/core.js';
import { failedFeeds, failedFeedsText, fetchFeeds, looksLikeHtml, unreadableFeed } from '../../web/src/feeds.js';

const bytes = (text) => new TextEncoder().encode(text);
let fetched;
const realFetch = globalThis.fetch;

beforeEach(() => {
  fetched = [];
  globalThis.document = { baseURI: 'https://example.org/seminar/', getElementById: () => null };
});
afterEach(() => {
  delete globalThis.document;
  globalThis.fetch = realFetch;
});

function serve(respond) {
  globalThis.fetch = async (url, init) => {
    fetched.push([url, init.credentials]);
    return respond(url, init);
  };
}

test('no feed named: an error that says how to name one', async () => {
  await assert.rejects(fetchFeeds({ feed: '  ' }, new AbortController(), () => false),
    { code: 'options.no_feed', message: 'No feed given: add data-feed="talks.json" (or "#id" of an inline JSON script).' });
});

test('several feeds are fetched relative to the page, as bytes, with the format', async () => {
  serve((url) => ({ ok: true, arrayBuffer: async () => bytes(url.endsWith('a.json') ? '{"a":1}' : 'BEGIN').buffer }));
  const { sources, failed } = await fetchFeeds({ feed: 'a.json  /cal/b.ics', format: 'ics' }, new AbortController(), () => false);
  assert.deepEqual(failed, []);
  assert.deepEqual(fetched, [['https://example.org/seminar/a.json', 'same-origin'], ['https://example.org/cal/b.ics', 'same-origin']]);
  assert.deepEqual(sources.map((s) => [s.name, new TextDecoder().decode(s.bytes), s.format]),
    [['a.json', '{"a":1}', 'ics'], ['/cal/b.ics', 'BEGIN', 'ics']]);
});

test('an HTTP error names the feed and the status', async () => {
  serve(() => ({ ok: false, status: 404, statusText: 'Not Found' }));
  await assert.rejects(fetchFeeds({ feed: 'talks.json' }, new AbortController(), () => false),
    { code: 'fetch.http', status: 404, feed: 'talks.json', message: 'The feed talks.json could not be loaded: HTTP 404 Not Found.' });
});

test('a network failure names the feed and the reason', async () => {
  serve(() => { throw new TypeError('Failed to fetch'); });
  await assert.rejects(fetchFeeds({ feed: 'talks.json' }, new AbortController(), () => false),
    { code: 'fetch.network', message: 'The feed talks.json could not be loaded (Failed to fetch).' });
});

test('a page opened from disk that fetches a file is told why it cannot and what to do', async () => {
  globalThis.document.baseURI = 'file:///home/me/site/index.html';
  serve(() => { throw new TypeError('Failed to fetch'); });
  await assert.rejects(fetchFeeds({ feed: 'talks.json' }, new AbortController(), () => false), {
    code: 'fetch.file', feed: 'talks.json', reason: 'a page opened from disk (file://) may not read files',
    message: 'The feed talks.json could not be loaded (Failed to fetch): a page opened from disk (file://) may not read files. ' +
      'Put the feed inline (data-feed="#id") or serve the folder (python3 -m http.server).' });
  assert.deepEqual(fetched, [['file:///home/me/site/talks.json', 'same-origin']]);
  // The same page fetching from a server is an ordinary network failure.
  await assert.rejects(fetchFeeds({ feed: 'https://example.org/talks.json' }, new AbortController(), () => false), { code: 'fetch.network' });
});

test('after the widget is destroyed, a failure passes through unexplained', async () => {
  const aborted = new DOMException('The operation was aborted.', 'AbortError');
  serve(() => { throw aborted; });
  await assert.rejects(fetchFeeds({ feed: 'talks.json' }, new AbortController(), () => true), (error) => error === aborted);
});

test('"#id" names an inline script that is missing', async () => {
  await assert.rejects(fetchFeeds({ feed: '#talks-data' }, new AbortController(), () => false),
    { message: 'No element with id "talks-data" holds the feed.' });
});

test('a feed that cannot be fetched is listed with its reason and the others still load', async () => {
  serve((url) => url.endsWith('gone.json') ? { ok: false, status: 404, statusText: 'Not Found' }
    : url.endsWith('down.json') ? Promise.reject(new TypeError('Failed to fetch'))
      : { ok: true, arrayBuffer: async () => bytes('{}').buffer });
  const { sources, failed } = await fetchFeeds({ feed: 'gone.json a.json down.json #none' }, new AbortController(), () => false);
  assert.deepEqual(sources.map((s) => s.name), ['a.json']);
  assert.deepEqual(failed.map(({ name, code, message, summary }) => [name, code, message, summary]), [
    ['gone.json', 'fetch.http', 'HTTP 404', 'not found'],
    ['down.json', 'fetch.network', 'Failed to fetch', 'network error'],
    ['#none', 'fetch.no_element', 'no element has id "none"', 'missing from the page']]);
  assert.equal(failed[0].error.message, 'The feed gone.json could not be loaded: HTTP 404 Not Found.');
});

test('a feed still loading at the time limit is listed as too slow; the one that arrived is kept', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    serve((url, init) => url.endsWith('slow.json')
      ? new Promise((resolve, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
      : { ok: true, arrayBuffer: async () => bytes('{}').buffer });
    const loading = fetchFeeds({ feed: 'a.json slow.json', timeout: 5 }, new AbortController(), () => false);
    mock.timers.tick(5000);
    const { sources, failed } = await loading;
    assert.deepEqual(sources.map((s) => s.name), ['a.json']);
    assert.deepEqual(failed.map(({ name, code, message }) => [name, code, message]), [['slow.json', 'fetch.timeout', 'it took longer than 5 s']]);
    assert.equal(failed[0].error.message, 'The feed slow.json took longer than 5 s to load.');
  } finally {
    mock.timers.reset();
  }
});

test('when no feed can be fetched, the first one\'s error is the failure', async () => {
  serve((url) => url.endsWith('a.json') ? Promise.reject(new TypeError('Failed to fetch')) : { ok: false, status: 500, statusText: '' });
  await assert.rejects(fetchFeeds({ feed: 'a.json b.json' }, new AbortController(), () => false),
    { message: 'The feed a.json could not be loaded (Failed to fetch).' });
});

test('failed feeds are listed in data-feed order and told in one sentence', () => {
  const fetchFailures = [{ name: 'c.json', code: 'fetch.http', message: 'HTTP 404', summary: 'not found', error: new Error('x') }];
  const html = { name: 'b.json', bytes: bytes('<!doctype html>') };
  const parseFailures = [{ name: 'b.json', code: 'feed.syntax', message: '[feed.syntax] line 1, column 1: invalid literal' }];
  const failed = failedFeeds(fetchFailures, parseFailures, [{ name: 'a.json', bytes: bytes('{}') }, html], 'a.json b.json c.json');
  assert.deepEqual(failed, [
    { name: 'b.json', code: 'feed.syntax', message: '[feed.syntax] line 1, column 1: invalid literal (the server sent a web page, not JSON)',
      summary: 'a web page, not a schedule file' },
    { name: 'c.json', code: 'fetch.http', message: 'HTTP 404', summary: 'not found' }]);
  assert.equal(failedFeedsText(failed), 'Not shown: b.json is not a valid talk feed: [feed.syntax] line 1, column 1: invalid literal ' +
    '(the server sent a web page, not JSON); c.json could not be loaded (HTTP 404).');
  assert.equal(failedFeedsText([]), '');
});

test('a web page served instead of a feed is called one when the core finds a syntax error', () => {
  const html = [{ name: 'talks.json', bytes: bytes('\uFEFF\r\n  <!doctype html><title>Login</title>') }];
  const syntax = new CoreError('[feed.syntax] line 1, column 4: invalid literal', 'feed.syntax');
  const page = unreadableFeed(syntax, html, 'talks.json');
  assert.equal(page.message,
    'The feed talks.json is not a valid talk feed: [feed.syntax] line 1, column 4: invalid literal (the server sent a web page, not JSON)');
  assert.deepEqual([page.code, page.html, page.diagnostics], ['feed.syntax', true, []]);
  const other = new CoreError('[feed.version] unsupported version 9', 'feed.version');
  assert.equal(unreadableFeed(other, html, 'talks.json').message, 'The feed talks.json is not a valid talk feed: [feed.version] unsupported version 9');
  assert.deepEqual([unreadableFeed(other, html, 'talks.json').code, unreadableFeed(other, html, 'talks.json').html], ['feed.version', false]);
  const json = [{ name: 'talks.json', bytes: bytes('{"talks": [') }];
  assert.equal(unreadableFeed(syntax, json, undefined).message,
    'The feed  is not a valid talk feed: [feed.syntax] line 1, column 4: invalid literal');
});

test('looksLikeHtml: "<" first after white space and a byte order mark, within 1024 bytes', () => {
  assert.equal(looksLikeHtml(bytes('<html>')), true);
  assert.equal(looksLikeHtml(bytes('\uFEFF \t\n<p>')), true);
  assert.equal(looksLikeHtml(bytes('{"html": "<p>"}')), false);
  assert.equal(looksLikeHtml(bytes('')), false);
  assert.equal(looksLikeHtml(bytes(' '.repeat(1023) + '<')), true);
  assert.equal(looksLikeHtml(bytes(' '.repeat(1024) + '<')), false);
});
