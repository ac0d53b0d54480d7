// What visitors and organisers see when a feed cannot be shown: a plain sentence
// and "Try again" for visitors (role="alert"), the code, line and column in a
// collapsed "Details for the site owner" and in the console; a page opened from
// disk says why it cannot read its feed and how to fix it; the host's own content
// (its fallback) gives way to the schedule and stays when loading fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { browserSession, openPage, repoRoot } from './browser.mjs';

const session = browserSession({
  '/errors/html.json': (req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end('<!doctype html><p>Not found</p>'); },
  '/errors/500.json': (req, res) => { res.writeHead(500); res.end('server error'); },
  '/errors/403.json': (req, res) => { res.writeHead(403); res.end('forbidden'); },
  '/errors/slow.json': () => { /* never answers */ },
});
const shots = `${repoRoot}test-results`;
mkdirSync(shots, { recursive: true });
const page_ = (path) => `${session.base}/tests/browser/pages/${path}`;
const HEADLINE = 'The schedule could not be loaded.';

// Each feed, what visitors read under the headline, and what the disclosure must hold.
const cases = [
  ['feeds/missing.json', {}, 'The schedule file was not found on the server.',
    'fetch.http The feed feeds/missing.json could not be loaded: HTTP 404 Not Found.'],
  ['/errors/500.json', {}, 'The server had a problem and did not send the schedule file. Please try again later.',
    'fetch.http The feed /errors/500.json could not be loaded: HTTP 500 Internal Server Error.'],
  ['/errors/403.json', {}, 'The server did not allow the schedule file to be read.',
    'fetch.http The feed /errors/403.json could not be loaded: HTTP 403 Forbidden.'],
  ['/errors/slow.json', { timeout: 1 }, 'The server took too long to answer. Check your connection and try again.',
    'fetch.timeout The feed /errors/slow.json took longer than 1 s to load.'],
  ['/errors/html.json', {}, 'The server sent a web page instead of the schedule file.',
    "feed.syntax The feed /errors/html.json is not a valid talk feed: [feed.syntax] line 1, column 1: invalid literal; last read: '<' " +
    '(the server sent a web page, not JSON)'],
  ['feeds/bad-json.json', {}, 'The file is not a schedule this page can read.',
    "feed.syntax The feed feeds/bad-json.json is not a valid talk feed: [feed.syntax] line 5, column 54: unexpected '}'; expected string literal"],
  ['feeds/options.json', { maxBytes: 100 }, 'The schedule file is too large to show.',
    /^feed\.too_large The feed feeds\/options\.json is not a valid talk feed: \[feed\.too_large\] line 1, column 1: the feed is \d+ bytes; the limit is 100 bytes$/],
  ['#nowhere', {}, 'The schedule is missing from this page.', 'fetch.no_element No element with id "nowhere" holds the feed.'],
];

test('visitors read a plain sentence; the code, line and column are in a closed disclosure and the console', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error' && m.text().startsWith('talktime:')) logged.push(m.text()); });
  await page.goto(page_('mount.html'));
  for (const [feed, options, reason, detail] of cases) {
    const message = await page.evaluate(([f, o]) => TalkTime.mount('#w', { feed: f, ...o }).then(() => 'ready', (e) => e.message), [feed, options]);
    assert.equal(await page.getAttribute('#w', 'data-talktime-state'), 'error', feed);
    const alert = page.locator('#w [role="alert"]');
    assert.equal(await alert.textContent(), `${HEADLINE} ${reason}`, feed);
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 1, feed);
    const details = page.locator('#w details.tt-error-details');
    assert.equal(await details.locator('summary').textContent(), 'Details for the site owner', feed);
    assert.equal(await details.evaluate((d) => d.open), false, `${feed}: collapsed`);
    assert.equal(await details.locator('p').isVisible(), false, `${feed}: its detail is hidden until opened`);
    const text = await details.locator('p').textContent();
    if (typeof detail === 'string') assert.equal(text, detail, feed);
    else assert.match(text, detail, feed);
    assert.equal(text, `${await details.locator('p code').textContent()} ${message}`, `${feed}: the code, then mount()'s message`);
    assert.equal(logged.at(-1).startsWith(`talktime: ${message}`), true, `${feed}: ${logged.at(-1)}`);
  }
  // The bad-json line and column, opened.
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/bad-json.json' }).catch(() => {}));
  await page.locator('#w details.tt-error-details summary').click();
  assert.match(await page.locator('#w details.tt-error-details p').innerText(), /line 5, column 54/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('when no feed can be read, the disclosure also lists each diagnostic the message does not quote', async () => {
  const { page, context } = await openPage(session.browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  // Two feeds that both fail to parse: the message quotes the first error; the other feed's is listed.
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/bad-json.json /errors/html.json' }).catch(() => {}));
  const items = await page.locator('#w details.tt-error-details li').allTextContents();
  assert.deepEqual(items, ["/errors/html.json: [feed.syntax] line 1, column 1: invalid literal; last read: '<'"]);
  await context.close();
});

test('a page opened from disk says why its feed cannot be read, and both fixes', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  await page.goto(pathToFileURL(`${repoRoot}tests/browser/pages/from-disk.html`).href);
  await page.waitForFunction(() => document.querySelector('#talks').dataset.talktimeState === 'error');
  assert.equal(await page.locator('#talks [role="alert"]').textContent(), `${HEADLINE} This page was opened from disk (a file:// address), ` +
    'and browsers do not let such a page read other files, such as feeds/options.json. To try it without a server, put the feed in the page: ' +
    '<script type="application/json" id="feed">…</script> and data-feed="#feed". ' +
    'Or serve the folder, for example with python3 -m http.server, and open http://localhost:8000/.');
  assert.deepEqual(await page.locator('#talks [role="alert"] code').allTextContents(),
    ['<script type="application/json" id="feed">…</script>', 'data-feed="#feed"', 'python3 -m http.server', 'http://localhost:8000/']);
  assert.equal(await page.locator('#talks details.tt-error-details p').textContent(), 'fetch.file The feed feeds/options.json could not be ' +
    'loaded (Failed to fetch): a page opened from disk (file://) may not read files. Put the feed inline (data-feed="#id") or serve the folder ' +
    '(python3 -m http.server).');
  // The page's own fallback stays, below the box.
  assert.equal(await page.locator('#fallback').isVisible(), true);
  await page.screenshot({ path: `${shots}/errors-from-disk.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

const box = (locator) => locator.evaluate((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });

test('fallback content: replaced by the schedule, kept below the error box when loading fails', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  await page.goto(page_('fallback.html'));
  await page.waitForFunction(() => ['#ok', '#broken', '#list']
    .every((s) => ['ready', 'error'].includes(document.querySelector(s).dataset.talktimeState)));
  assert.deepEqual(await page.$$eval('[data-talktime-state]', (hosts) => hosts.map((h) => [h.id, h.dataset.talktimeState])),
    [['ok', 'ready'], ['broken', 'error'], ['list', 'ready']]);
  // Loaded: the schedule shows, the fallback (the CLI's fragment and the feed link) does not.
  assert.equal(await page.locator('#ok .tt-talk').count(), 4);
  assert.equal(await page.locator('#ok > h2').first().isVisible(), false);
  assert.equal(await page.locator('#ok > .feed-link').isVisible(), false);
  // Failed: the error box, then the whole fallback, readable.
  assert.equal(await page.locator('#broken [role="alert"]').textContent(), `${HEADLINE} The schedule file was not found on the server.`);
  assert.equal(await page.locator('#broken > h2').first().isVisible(), true);
  assert.equal(await page.locator('#broken > .feed-link').isVisible(), true);
  assert.ok((await box(page.locator('#broken .tt-error-box'))).bottom <= (await box(page.locator('#broken > p').first())).top);
  // A <ul> cannot host a shadow root: its own items are hidden while the schedule shows, and come back on destroy.
  assert.equal(await page.locator('#list .tt-talk').count(), 4);
  assert.deepEqual(await page.locator('#list > li').evaluateAll((items) => items.map((li) => li.hidden)), [true, true]);
  await page.evaluate(() => TalkTime.mount('#list', { feed: 'feeds/missing.json' }).catch(() => {}));
  assert.deepEqual(await page.locator('#list > li').evaluateAll((items) => items.map((li) => li.hidden)), [false, false]);
  assert.ok((await box(page.locator('#list .tt-error-box'))).bottom <= (await box(page.locator('#list > li').first())).top);
  await page.evaluate(() => TalkTime.mount('#list', { feed: 'feeds/options.json' }));
  assert.deepEqual(await page.locator('#list > li').evaluateAll((items) => items.map((li) => li.hidden)), [true, true]);
  await page.evaluate(async () => (await TalkTime.mount('#list', { feed: 'feeds/options.json' })).destroy());
  assert.deepEqual(await page.locator('#list > li').evaluateAll((items) => items.map((li) => li.hidden)), [false, false]);
  assert.equal(await page.locator('#list .talktime-host').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the error state at desktop and 390 px, light and dark: screenshots, no overflow, no axe violations', async () => {
  for (const [name, viewport] of [['desktop', { width: 1100, height: 700 }], ['phone', { width: 390, height: 844 }]]) {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC', viewport, colorScheme });
      await page.goto(page_('fallback.html'));
      await page.waitForFunction(() => document.querySelector('#broken').dataset.talktimeState === 'error');
      await page.locator('#ok').evaluate((e) => { e.hidden = true; });
      await page.locator('#broken details.tt-error-details summary').click();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), viewport.width, `${name} ${colorScheme}: no sideways scrolling`);
      await page.screenshot({ path: `${shots}/errors-${name}-${colorScheme}.png` });
      await page.addScriptTag({ content: readFileSync(`${repoRoot}node_modules/axe-core/axe.min.js`, 'utf8') });
      const results = await page.evaluate(() => window.axe.run('#broken', { resultTypes: ['violations'] }));
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.help}`), [], `${name} ${colorScheme}: axe`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
