// web/src/error-text.js: the plain words visitors read for each error code, exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DETAILS_LABEL, HEADLINE, failedFeedsNoticeText, plainReason, reasonParts, shortReason } from '../../web/src/error-text.js';

const cases = [
  // [the error (its code and what the loader adds), short words, the sentence]
  [{ code: 'fetch.http', status: 404 }, 'not found', 'The schedule file was not found on the server.'],
  [{ code: 'fetch.http', status: 410 }, 'not found', 'The schedule file was not found on the server.'],
  [{ code: 'fetch.http', status: 403 }, 'access denied', 'The server did not allow the schedule file to be read.'],
  [{ code: 'fetch.http', status: 401 }, 'access denied', 'The server did not allow the schedule file to be read.'],
  [{ code: 'fetch.http', status: 500 }, 'server error', 'The server had a problem and did not send the schedule file. Please try again later.'],
  [{ code: 'fetch.http', status: 503 }, 'server error', 'The server had a problem and did not send the schedule file. Please try again later.'],
  [{ code: 'fetch.http', status: 429 }, 'refused by the server', 'The server refused to send the schedule file.'],
  [{ code: 'fetch.timeout' }, 'network timeout', 'The server took too long to answer. Check your connection and try again.'],
  [{ code: 'fetch.network' }, 'network error', 'The schedule file could not be reached. Check your connection and try again.'],
  [{ code: 'fetch.no_element' }, 'missing from the page', 'The schedule is missing from this page.'],
  [{ code: 'options.no_feed' }, 'no schedule named', 'This page does not say which schedule to show.'],
  [{ code: 'engine.start' }, 'the viewer could not start', 'The schedule viewer could not start in this browser.'],
  [{ code: 'feed.syntax', html: true }, 'a web page, not a schedule file', 'The server sent a web page instead of the schedule file.'],
  [{ code: 'feed.syntax' }, 'not a schedule file', 'The file is not a schedule this page can read.'],
  [{ code: 'frab.syntax' }, 'not a schedule file', 'The file is not a schedule this page can read.'],
  [{ code: 'feed.not_object' }, 'not a schedule file', 'The file is not a schedule this page can read.'],
  [{ code: 'ics.not_calendar' }, 'not a schedule file', 'The file is not a schedule this page can read.'],
  [{ code: 'feed.unreadable' }, 'not a schedule file', 'The file is not a schedule this page can read.'],
  [{ code: 'feed.too_large' }, 'too large', 'The schedule file is too large to show.'],
  [{ code: 'ics.too_large' }, 'too large', 'The schedule file is too large to show.'],
  [{ code: 'feed.too_deep' }, 'too complex', 'The schedule file is too complex to read.'],
  [{ code: 'feed.unsupported_version' }, 'a newer format', 'The schedule file is in a newer format than this page can read.'],
  [{ code: 'request.invalid' }, 'an unexpected error', 'Something went wrong while loading it. Please try again later.'],
  [{}, 'an unexpected error', 'Something went wrong while loading it. Please try again later.'],
  [new Error('boom'), 'an unexpected error', 'Something went wrong while loading it. Please try again later.'],
];

test('each code gets plain words and a sentence, never the code', () => {
  for (const [error, words, sentence] of cases) {
    assert.equal(shortReason(error), words, JSON.stringify(error));
    assert.equal(plainReason(error), sentence, JSON.stringify(error));
    assert.doesNotMatch(sentence, /\[|\]|line \d|column|fetch\.|feed\./);
  }
});

test('the headline and the disclosure label', () => {
  assert.equal(HEADLINE, 'The schedule could not be loaded.');
  assert.equal(DETAILS_LABEL, 'Details for the site owner');
});

test('a page opened from disk: why, and both fixes, with what to type as code', () => {
  const error = { code: 'fetch.file', feed: 'talks.json' };
  assert.equal(shortReason(error), 'the page was opened from disk');
  assert.equal(plainReason(error), 'This page was opened from disk (a file:// address), and browsers do not let such a page ' +
    'read other files, such as talks.json. To try it without a server, put the feed in the page: ' +
    '<script type="application/json" id="feed">…</script> and data-feed="#feed". ' +
    'Or serve the folder, for example with python3 -m http.server, and open http://localhost:8000/.');
  assert.deepEqual(reasonParts(error).filter((part) => typeof part !== 'string'), [
    { code: '<script type="application/json" id="feed">…</script>' }, { code: 'data-feed="#feed"' },
    { code: 'python3 -m http.server' }, { code: 'http://localhost:8000/' }]);
  // Without the feed's name, the sentence goes without it.
  assert.match(plainReason({ code: 'fetch.file' }), /, and browsers do not let such a page read other files\. To try it without a server/);
});

test('the notice for feeds left out names each with its plain words', () => {
  assert.equal(failedFeedsNoticeText([]), '');
  assert.equal(failedFeedsNoticeText([
    { name: 'b.json', code: 'feed.syntax', message: '[feed.syntax] line 1, column 1: invalid literal', summary: 'not a schedule file' },
    { name: 'c.json', code: 'fetch.http', message: 'HTTP 404', summary: 'not found' }]),
  'Not shown: b.json (not a schedule file); c.json (not found).');
  // Without a summary, the code alone decides.
  assert.equal(failedFeedsNoticeText([{ name: 'd.json', code: 'fetch.timeout', message: 'it took longer than 20 s' }]),
    'Not shown: d.json (network timeout).');
});
