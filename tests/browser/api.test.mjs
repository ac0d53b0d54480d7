// The loader's contract with host pages, tested through the page only: the data-*
// options, the URL fragment, stars kept per feed, the talktime:ready/error events and
// the mount handle. feeds/options.json has two past and two upcoming talks around a
// fixed data-now (2025-06-15T12:00Z); the README says upcoming talks come first,
// soonest first, and past talks follow, most recent first, so every list below is
// written out by hand from the feed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, openPage, ready, serveRepo, shownTalkIds } from './browser.mjs';

let browser, server, base;
const page_ = (path) => `${base}/tests/browser/pages/${path}`;
const NOW = '2025-06-15T12:00:00Z';
const OPTIONS_FEED = 'feeds/options.json';
const ALL = ['u1', 'u2', 'p2', 'p1'];  // u1 20 June, u2 25 June; p2 10 June, p1 1 June

// One line, ASCII up to the Latin-1 "é" (0xE9): byte columns are string offsets plus one.
const warnedHead = '{"talktime":1,"timezone":"UTC","talks":[{"id":"bad","title":"Bad","start":"2025-02-30T10:00"},{"id":"cafe","title":"Caf';
const warnedFeed = Buffer.concat([Buffer.from(warnedHead), Buffer.from([0xe9]), Buffer.from('","start":"2025-06-20T10:00"}]}')]);
const warnedDiagnostics = [
  { level: 'warning', code: 'feed.bad_utf8', line: 1, column: warnedHead.length + 1,
    text: `[feed.bad_utf8] line 1, column ${warnedHead.length + 1}: invalid UTF-8 byte 0xE9 replaced by U+FFFD` },
  { level: 'error', code: 'talk.bad_start', line: 1, column: warnedHead.indexOf('"2025-02-30T10:00"') + 1,
    text: `[talk.bad_start] /talks/0/start (line 1, column ${warnedHead.indexOf('"2025-02-30T10:00"') + 1}): invalid date "2025-02-30T10:00" (talk "bad")` },
];
const essentials = ({ level, code, line, column, text }) => ({ level, code, line, column, text });

let changingRequests = 0;

before(async () => {
  browser = await launchBrowser();
  ({ server, url: base } = await serveRepo({
    '/api/warned.json': (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(warnedFeed); },
    // A feed that changes on every request: version 1, then 2, …
    '/api/changing.json': (req, res) => {
      changingRequests++;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ talktime: 1, timezone: 'UTC', talks: [{ id: `v${changingRequests}`, title: `Version ${changingRequests}`, start: '2025-06-20T10:00' }] }));
    },
  }));
});
after(async () => {
  await browser?.close();
  server?.close();
});

const mount = (page, options) => page.evaluate((o) => TalkTime.mount('#w', o).then(() => 'ready', (e) => e.message), options);
const firstTime = (page, host, id) => page.locator(`${host} [data-talk-id="${id}"] time`).first().textContent();
const pressedShowButton = (page, host) => page.locator(`${host} .tt-show button[aria-pressed="true"]`).allTextContents();
const statusOf = (page, host) => page.locator(`${host} .tt-status`).textContent();

test('data-show, data-series, data-kind and data-tag each narrow the list; data-hour12 and the locale pick the clock', async () => {
  // 15:00 UTC is u1's start; the browser's zone is UTC.
  for (const [locale, plainClock] of [['en-GB', '15:00'], ['en-US', '3:00 PM']]) {
    const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC', locale });
    await page.goto(page_('options.html'));
    await ready(page);
    if (locale === 'en-GB') {
      const expected = {
        '#plain': [ALL, '4 talks', ['All']],
        '#show-all': [ALL, '4 talks', ['All']],
        '#show-past': [['p2', 'p1'], '2 talks', ['Past']],
        '#show-upcoming': [['u1', 'u2'], '2 talks', ['Upcoming']],
        '#series': [['u1', 'u2'], '2 talks', ['All']],
        '#kind': [['u2'], '1 talk', ['All']],
        '#tag': [['u1', 'p1'], '2 talks', ['All']],
      };
      for (const [host, [ids, status, pressed]] of Object.entries(expected)) {
        assert.deepEqual(await shownTalkIds(page, host), ids, host);
        assert.equal(await statusOf(page, host), status, host);
        assert.deepEqual(await pressedShowButton(page, host), pressed, host);
      }
      // The filter controls show the option's choice.
      assert.equal(await page.locator('#series select[aria-label="Series"]').inputValue(), 'autumn');
      assert.equal(await page.locator('#kind select[aria-label="Kind of session"]').inputValue(), 'panel');
      assert.equal(await page.locator('#tag select[aria-label="Topic"]').inputValue(), 'compilers');
    }
    assert.equal(await firstTime(page, '#plain', 'u1'), plainClock, `${locale}: no data-hour12`);
    assert.equal(await firstTime(page, '#hour12-true', 'u1'), '3:00 PM', `${locale}: data-hour12="true"`);
    assert.equal(await firstTime(page, '#hour12-false', 'u1'), '15:00', `${locale}: data-hour12="false"`);
    assert.equal(await firstTime(page, '#hour12-true', 'u2'), '6:30 PM', locale);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('series, kind, tag, show and search are restored from the URL fragment, which outranks the options', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  const cases = [
    ['w.series=autumn', {}, ['u1', 'u2']],
    ['w.series=autumn', { series: 'spring' }, ['u1', 'u2']],
    ['w.kind=panel', {}, ['u2']],
    ['w.tag=compilers', {}, ['u1', 'p1']],
    ['w.show=past', {}, ['p2', 'p1']],
    ['w.show=upcoming', { show: 'past' }, ['u1', 'u2']],
    ['w.q=second', {}, ['u2', 'p2']],
    // Keys without this widget's prefix, or with another widget's, are not its own.
    ['other.series=autumn&series=autumn&kind=panel', {}, ALL],
  ];
  for (const [hash, options, ids] of cases) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    assert.equal(await mount(page, { feed: OPTIONS_FEED, now: NOW, ...options }), 'ready', hash);
    assert.deepEqual(await shownTalkIds(page), ids, `#${hash} ${JSON.stringify(options)}`);
  }
  // The controls show the restored state too.
  await page.evaluate(() => { location.hash = 'w.series=autumn&w.kind=talk&w.tag=gpus&w.show=upcoming&w.q=first'; });
  await mount(page, { feed: OPTIONS_FEED, now: NOW });
  assert.deepEqual(await shownTalkIds(page), ['u1']);
  assert.equal(await page.locator('#w select[aria-label="Series"]').inputValue(), 'autumn');
  assert.equal(await page.locator('#w select[aria-label="Kind of session"]').inputValue(), 'talk');
  assert.equal(await page.locator('#w select[aria-label="Topic"]').inputValue(), 'gpus');
  assert.equal(await page.locator('#w input[type="search"]').inputValue(), 'first');
  assert.deepEqual(await pressedShowButton(page, '#w'), ['Upcoming']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('changing series, kind, tag, show and search writes them to the fragment, beside other keys', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html#other.q=kept'));
  await mount(page, { feed: OPTIONS_FEED, now: NOW });
  const fragmentIs = (entries) => page.waitForFunction((expected) => {
    const actual = Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
    return JSON.stringify(Object.entries(actual).sort()) === JSON.stringify(Object.entries(expected).sort());
  }, entries, { timeout: 5000 }).catch(async () => assert.fail(`fragment is ${await page.evaluate(() => location.hash)}, expected ${JSON.stringify(entries)}`));
  await page.locator('#w select[aria-label="Series"]').selectOption('autumn');
  await fragmentIs({ 'other.q': 'kept', 'w.series': 'autumn' });
  await page.locator('#w select[aria-label="Kind of session"]').selectOption('talk');
  await fragmentIs({ 'other.q': 'kept', 'w.series': 'autumn', 'w.kind': 'talk' });
  await page.locator('#w select[aria-label="Topic"]').selectOption('gpus');
  await fragmentIs({ 'other.q': 'kept', 'w.series': 'autumn', 'w.kind': 'talk', 'w.tag': 'gpus' });
  await page.locator('#w').getByRole('button', { name: 'Upcoming', exact: true }).click();
  await fragmentIs({ 'other.q': 'kept', 'w.series': 'autumn', 'w.kind': 'talk', 'w.tag': 'gpus', 'w.show': 'upcoming' });
  await page.locator('#w input[type="search"]').fill('first');
  await fragmentIs({ 'other.q': 'kept', 'w.series': 'autumn', 'w.kind': 'talk', 'w.tag': 'gpus', 'w.show': 'upcoming', 'w.q': 'first' });
  assert.deepEqual(await shownTalkIds(page), ['u1']);
  // The written link restores the same view in a new page.
  await page.reload();
  await mount(page, { feed: OPTIONS_FEED, now: NOW });
  assert.deepEqual(await shownTalkIds(page), ['u1']);
  // Back to a default leaves the key out.
  await page.locator('#w select[aria-label="Series"]').selectOption('');
  await page.locator('#w').getByRole('button', { name: 'All', exact: true }).click();
  await fragmentIs({ 'other.q': 'kept', 'w.kind': 'talk', 'w.tag': 'gpus', 'w.q': 'first' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('stars are kept per feed: by its url, else by the data-feed it came from', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('stars.html'));
  await ready(page);
  // Both feeds have talks p1 and u1: a star in one must not appear in the other.
  await page.locator('#named [data-talk-id="p1"] .tt-star').click();
  await page.locator('#unnamed [data-talk-id="u1"] .tt-star').click();
  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('talktime.stars')).map((k) => [k, JSON.parse(localStorage.getItem(k))])));
  assert.deepEqual(stored, { 'talktime.stars:https://example.org/options/': ['p1'], 'talktime.stars:feeds/options-unnamed.json': ['u1'] });
  await page.reload();
  await ready(page);
  const pressed = (host, id) => page.locator(`${host} [data-talk-id="${id}"] .tt-star`).getAttribute('aria-pressed');
  assert.deepEqual([await pressed('#named', 'p1'), await pressed('#named', 'u1')], ['true', 'false']);
  assert.deepEqual([await pressed('#unnamed', 'p1'), await pressed('#unnamed', 'u1')], ['false', 'true']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('talktime:ready and talktime:error fire on the host, bubble, and carry the diagnostics or the message and code', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  await page.evaluate(() => {
    window.seen = [];
    const record = (where) => (e) => window.seen.push({ where, type: e.type, target: e.target.id, bubbles: e.bubbles, detail: e.detail });
    for (const type of ['talktime:ready', 'talktime:error']) {
      document.querySelector('#w').addEventListener(type, record('host'));
      document.addEventListener(type, record('document'));
    }
  });
  const takeSeen = () => page.evaluate(() => window.seen.splice(0).map((e) => ({ ...e, detail: JSON.parse(JSON.stringify(e.detail)) })));

  assert.equal(await mount(page, { feed: '/api/warned.json' }), 'ready');
  const readyEvents = await takeSeen();
  assert.deepEqual(readyEvents.map(({ where, type, target, bubbles }) => [where, type, target, bubbles]),
    [['host', 'talktime:ready', 'w', true], ['document', 'talktime:ready', 'w', true]]);
  for (const e of readyEvents) {
    assert.deepEqual(Object.keys(e.detail), ['diagnostics', 'failedSources']);
    assert.deepEqual(e.detail.failedSources, []);
    assert.deepEqual(e.detail.diagnostics.map(essentials), warnedDiagnostics);
  }

  assert.equal(await mount(page, { feed: OPTIONS_FEED }), 'ready');
  assert.deepEqual((await takeSeen()).map((e) => [e.where, e.type, e.detail]),
    [['host', 'talktime:ready', { diagnostics: [], failedSources: [] }], ['document', 'talktime:ready', { diagnostics: [], failedSources: [] }]]);

  const message = await mount(page, { feed: 'feeds/missing.json' });
  assert.match(message, /^The feed feeds\/missing\.json could not be loaded: HTTP 404/);
  // The message stays the organiser's; the code and the visitors' sentence come beside it.
  const detail = { message, code: 'fetch.http', text: 'The schedule could not be loaded. The schedule file was not found on the server.' };
  assert.deepEqual(await takeSeen(), [
    { where: 'host', type: 'talktime:error', target: 'w', bubbles: true, detail },
    { where: 'document', type: 'talktime:error', target: 'w', bubbles: true, detail },
  ]);
  await context.close();
});

test('handle.diagnostics() returns a copy of the feed\'s diagnostics', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  const result = await page.evaluate(async () => {
    const handle = await TalkTime.mount('#w', { feed: '/api/warned.json' });
    const first = handle.diagnostics();
    const copy = JSON.parse(JSON.stringify(first));
    first.length = 0;  // the caller's array is theirs to change
    const clean = await TalkTime.mount('#w', { feed: 'feeds/options.json' });
    return { copy, again: handle.diagnostics(), clean: clean.diagnostics() };
  });
  assert.deepEqual(result.copy.map(essentials), warnedDiagnostics);
  assert.deepEqual(result.again.map(essentials), warnedDiagnostics);
  assert.deepEqual(result.clean, []);
  // The talk with the impossible date is left out; the repaired one is shown.
  await page.evaluate(() => TalkTime.mount('#w', { feed: '/api/warned.json' }));
  assert.deepEqual(await shownTalkIds(page), ['cafe']);
  assert.deepEqual(await page.locator('#w .tt-problems li').allTextContents(), [warnedDiagnostics[1].text]);
  await context.close();
});

test('refresh() fetches the feed again and shows what changed', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  const requestsBefore = changingRequests;
  const handle = await page.evaluateHandle(() => TalkTime.mount('#w', { feed: '/api/changing.json', now: '2025-06-15T12:00:00Z' }));
  const version = requestsBefore + 1;
  assert.deepEqual(await shownTalkIds(page), [`v${version}`]);
  assert.equal(await handle.evaluate((h) => h.refresh()), undefined);
  assert.equal(changingRequests, requestsBefore + 2);
  assert.deepEqual(await shownTalkIds(page), [`v${version + 1}`]);
  assert.equal(await page.locator('#w .tt-title').textContent(), `Version ${version + 1}`);
  assert.equal(await page.getAttribute('#w', 'data-talktime-state'), 'ready');
  assert.deepEqual(errors, []);
  await context.close();
});

test('TalkTime.version is the package\'s version, and a starred talk flips only its own button', async () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const { page, context } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  await page.evaluate(() => { localStorage.clear(); return TalkTime.mount('#w', { feed: 'feeds/options.json' }).then(() => undefined); });
  assert.equal(await page.evaluate(() => TalkTime.version), version);
  const star = page.locator('#w .tt-star').first();
  const looks = () => star.evaluate((b) => [b.getAttribute('aria-pressed'), b.innerText.trim(), b.getAttribute('aria-label')]);
  const title = await page.locator('#w .tt-title').first().textContent();
  assert.deepEqual(await looks(), ['false', '\u2606 Star', `Star ${title}`]);
  await star.click();
  assert.deepEqual(await looks(), ['true', '\u2605 Starred', `Star ${title}`]);
  await star.click();
  assert.deepEqual(await looks(), ['false', '\u2606 Star', `Star ${title}`]);
  await context.close();
});
