// Several feeds in one widget where some fail: the feeds that loaded are shown, a notice
// names each one that did not and why, and only when none loaded does the error box show.
// Expected ids come from the fixture file itself; line and column of the syntax error
// are where bad-json.json's trailing comma is followed by "}" (line 5, column 54).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { browserSession, openPage } from './browser.mjs';

const session = browserSession();
const GOOD = 'feeds/options.json';
const GOOD_IDS = JSON.parse(readFileSync(new URL('pages/feeds/options.json', import.meta.url), 'utf8')).talks.map((t) => t.id).sort();
const SYNTAX = "[feed.syntax] line 5, column 54: unexpected '}'; expected string literal";

// Mounts `feed` into #w: 'ready' (with the talktime:ready detail and the shown ids) or the error's message.
function mountFeeds(page, feed) {
  return page.evaluate((f) => {
    const host = document.getElementById('w');
    let detail = null;
    host.addEventListener('talktime:ready', (event) => { detail = event.detail; }, { once: true });
    return TalkTime.mount('#w', { feed: f }).then((handle) => ({
      state: 'ready',
      detail,
      diagnostics: handle.diagnostics().map((d) => [d.source, d.code]),
      ids: [...host.shadowRoot.querySelectorAll('.tt-talk')].map((e) => e.dataset.talkId).sort(),
      notice: host.shadowRoot.querySelector('.tt-failed-feeds[role="status"]')?.textContent ?? null,
      problems: host.shadowRoot.querySelector('.tt-problems') !== null
    }), (error) => ({ state: 'error', message: error.message }));
  }, feed);
}

async function openMountPage() {
  const opened = await openPage(session.browser, { timezoneId: 'UTC' });
  opened.warnings = [];
  opened.page.on('console', (m) => { if (m.type() === 'warning') opened.warnings.push(m.text()); });
  await opened.page.goto(`${session.base}/tests/browser/pages/mount.html`);
  return opened;
}

test('a second feed with a syntax error: the first feed\'s talks and a notice with the error', async () => {
  const { page, context, errors, warnings } = await openMountPage();
  const outcome = await mountFeeds(page, `${GOOD} feeds/bad-json.json`);
  assert.equal(outcome.state, 'ready', outcome.message);
  assert.deepEqual(outcome.ids, GOOD_IDS);
  // Visitors read plain words; the organiser's detail is in the event and the console.
  assert.equal(outcome.notice, 'Not shown: feeds/bad-json.json (not a schedule file).');
  assert.deepEqual(outcome.detail.failedSources, [{ name: 'feeds/bad-json.json', code: 'feed.syntax', message: SYNTAX, summary: 'not a schedule file' }]);
  assert.deepEqual(outcome.detail.diagnostics.map((d) => d.text), [`feeds/bad-json.json: ${SYNTAX}`]);
  assert.deepEqual(outcome.diagnostics, [['feeds/bad-json.json', 'feed.syntax']]);
  assert.equal(outcome.problems, false, 'the failed feed is not counted as skipped talks');
  assert.ok(warnings.includes(`talktime: Not shown: feeds/bad-json.json is not a valid talk feed: ${SYNTAX}.`), warnings.join('\n'));
  assert.equal(await page.getAttribute('#w', 'data-talktime-state'), 'ready');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second feed that is not found: the first feed\'s talks and a notice that says so', async () => {
  const { page, context, errors, warnings } = await openMountPage();
  const outcome = await mountFeeds(page, `${GOOD} feeds/missing.json`);
  assert.equal(outcome.state, 'ready', outcome.message);
  assert.deepEqual(outcome.ids, GOOD_IDS);
  assert.equal(outcome.notice, 'Not shown: feeds/missing.json (not found).');
  assert.deepEqual(outcome.detail.failedSources, [{ name: 'feeds/missing.json', code: 'fetch.http', message: 'HTTP 404', summary: 'not found' }]);
  assert.deepEqual(outcome.detail.diagnostics, []);
  assert.ok(warnings.includes('talktime: Not shown: feeds/missing.json could not be loaded (HTTP 404).'), warnings.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('when no feed loads, the error box shows as with one feed', async () => {
  const { page, context, errors } = await openMountPage();
  const unreadable = 'The schedule could not be loaded. The file is not a schedule this page can read.';
  for (const [feed, expected, shown, code] of [
    ['feeds/bad-json.json feeds/missing.json', `The feed feeds/bad-json.json feeds/missing.json is not a valid talk feed: ${SYNTAX}. ` +
      'Not shown: feeds/missing.json could not be loaded (HTTP 404).', unreadable, 'feed.syntax'],
    ['feeds/bad-json.json feeds/bad-json.json', `The feed feeds/bad-json.json feeds/bad-json.json is not a valid talk feed: feeds/bad-json.json: ${SYNTAX}`,
      unreadable, 'feed.syntax'],
    ['feeds/missing.json feeds/also-missing.json', 'The feed feeds/missing.json could not be loaded: HTTP 404 Not Found.',
      'The schedule could not be loaded. The schedule file was not found on the server.', 'fetch.http']]) {
    const outcome = await mountFeeds(page, feed);
    assert.deepEqual(outcome, { state: 'error', message: expected }, feed);
    assert.equal(await page.getAttribute('#w', 'data-talktime-state'), 'error');
    assert.equal(await page.locator('#w [role="alert"]').textContent(), shown);
    assert.equal(await page.locator('#w .tt-error-details > p').textContent(), `${code} ${expected}`);
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 1);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
