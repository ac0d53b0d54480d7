// Reliability in the page: a hostile-input corpus, network faults, long-lived pages,
// isolation from other scripts. Every case must end in a rendered widget or a clear
// error: never an exception escaping into the page, a frozen tab or executed script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromiumArgs, launchBrowser, openPage, serveRepo } from './browser.mjs';

let browser, server, base;
const routes = {};
const page_ = (path) => `${base}/tests/browser/pages/${path}`;

// Serves `body` (string or Buffer) at `path` with an optional content type.
function serve(path, body, type = 'application/json') {
  routes[path] = (req, res) => { res.writeHead(200, { 'Content-Type': type }); res.end(body); };
  return path;
}

before(async () => {
  browser = await launchBrowser();
  routes['/fault/slow.json'] = () => { /* never answers */ };
  routes['/fault/500.json'] = (req, res) => { res.writeHead(500, { 'Content-Type': 'text/plain' }); res.end('boom'); };
  routes['/fault/html.json'] = (req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end('<!doctype html><title>Oops</title>'); };
  routes['/fault/cut.json'] = (req, res) => {
    // Promises 5,000 bytes, sends 40 and hangs up.
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
    res.write('{"talktime": 1, "talks": [{"title": "Cut o');
    setTimeout(() => res.destroy(), 50);
  };
  routes['/fault/text-plain.json'] = (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=iso-8859-1' });
    res.end(JSON.stringify({ talktime: 1, timezone: 'UTC', talks: [{ id: 'plain', title: 'Served as text/plain', start: '2024-05-02T10:00' }] }));
  };
  ({ server, url: base } = await serveRepo(routes));
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function mountOutcome(page, feed, options = {}) {
  return page.evaluate(({ feed, options }) => TalkTime.mount('#w', Object.assign({ feed }, options))
    .then(() => ({ state: 'ready', message: '' }), (e) => ({ state: 'error', message: e.message })), { feed, options });
}

// ---- The hostile corpus -------------------------------------------------------
const payloads = [
  '<script>window.__pwned="script"</script>',
  '<img src=x onerror="window.__pwned=\'img\'">',
  '<svg onload="window.__pwned=\'svg\'"></svg>',
  '"><iframe srcdoc="<script>parent.__pwned=1</script>">',
  '<style>*{display:none!important}</style>',
  "'><a href=javascript:window.__pwned=1>x</a>",
];
const badUrls = ['javascript:window.__pwned=1', 'JaVaScRiPt:window.__pwned=1', '  javascript:window.__pwned=1', 'java\nscript:window.__pwned=1',
  'java\tscript:window.__pwned=1', 'data:text/html,<script>parent.__pwned=1</script>', 'vbscript:msgbox(1)', '\u0001javascript:window.__pwned=1'];
const talk = (extra = {}) => Object.assign({ id: 'x', title: 'A talk', start: '2024-05-02T10:00Z', duration: 30 }, extra);
const feedOf = (talks, extra = {}) => JSON.stringify(Object.assign({ talktime: 1, url: 'https://example.org/', series: [{ id: 's', title: 'S' }], talks }, extra));

// Each case says what must happen: the talks shown, as [id, title] exactly as the feed
// has them (text, never markup; the star's label is "Star <title>" unless given), or the error. A widget that refused every hostile
// feed would otherwise pass the checks below.
const shows = (...talks) => ({ talks });
const fails = (error) => ({ error });
const A_TALK = [['x', 'A talk']];
const corpus = [];
payloads.forEach((p, i) => {
  corpus.push([`payload ${i} in every text field`, feedOf([talk({ id: `id${i}${p}`, title: p, abstract: p, series: 's', tags: [p, `t${i}`], location: { name: p },
    speakers: [{ name: p, affiliation: p, bio: p }], links: { [p]: 'https://example.org/ok' } })], { title: p, description: p }), shows([`id${i}${p}`, p])]);
});
badUrls.forEach((u, i) => {
  corpus.push([`bad URL ${i} in every URL field`, feedOf([talk({ location: { name: 'Room', url: u }, speakers: [{ name: 'S', url: u, photo: u }],
    links: { video: u, slides: u, livestream: u } })], { url: u }), shows(...A_TALK)]);
});
corpus.push(['CSS injection in ids and tags', feedOf([talk({ id: 'a{}*{display:none}', tags: ['};body{background:red}', '</style><style>*{color:red}'] })]),
  shows(['a{}*{display:none}', 'A talk'])]);
corpus.push(['a 1 MB title', feedOf([talk({ title: 'T'.repeat(1 << 20) })]), shows(['x', 'T'.repeat(1 << 20)])]);
// The root object is level 1, so the 64th "[" (after the 29 characters before the first) is level 65.
corpus.push(['100,000 levels of nesting', `{"talktime":1,"talks":[],"x":${'['.repeat(100000)}${']'.repeat(100000)}}`,
  fails(/\[feed\.too_deep\] line 1, column 93: arrays and objects nest deeper than 64 levels/)]);
// Later keys win, as in JSON.parse.
corpus.push(['duplicate keys', '{"talktime":1,"talks":[{"title":"first","title":"second","start":"2024-05-02T10:00Z","id":"dup"}]}', shows(['dup', 'second'])]);
corpus.push(['epoch 1e20', feedOf([talk({ start: 1e20 }), talk({ id: 'ok' })]), shows(['ok', 'A talk'])]);
corpus.push(['negative duration', feedOf([talk({ duration: -30 }), talk({ id: 'ok' })]), shows(['ok', 'A talk'])]);
corpus.push(['duration 1e308', feedOf([talk({ duration: 1e308 })]), shows()]);
corpus.push(['lone surrogates', '{"talktime":1,"talks":[{"id":"s","title":"A \\ud800 B \\udc00 C","start":"2024-05-02T10:00Z"}]}', shows(['s', 'A \uFFFD B \uFFFD C'])]);
corpus.push(['zero-width and right-to-left override characters', feedOf([talk({ title: 'evil\u202Egnp.exe \u200B\u200D\u2066', speakers: [{ name: '\u202Eموسى' }] })]),
  shows(['x', 'evil\u202Egnp.exe \u200B\u200D\u2066'])]);
// The HTML parser drops NUL from text and makes it U+FFFD in attributes; other control characters stay.
corpus.push(['NUL and control characters', feedOf([talk({ title: 'a\u0000b\u0007c\u001b[31m' })]),
  shows(['x', 'ab\u0007c\u001b[31m', 'Star a\uFFFDb\u0007c\u001b[31m'])]);
corpus.push(['not an object', '[1, 2, 3]', fails(/\[feed\.not_object\] line 1, column 1: a feed is a JSON object/)]);
corpus.push(['numbers as strings', feedOf([talk({ start: '1691157600' })]), shows()]);
corpus.push(['HTML entities stay text', feedOf([talk({ title: '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;b&#x3E;', links: { video: '&#106;avascript:alert(1)' } })]),
  shows(['x', '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;b&#x3E;'])]);
corpus.push(['prototype-pollution keys', '{"talktime":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"talks":[{"id":"p","title":"P","start":"2024-05-02T10:00Z","__proto__":{"x":1}}]}',
  shows(['p', 'P'])]);
corpus.push(['huge number of tags', feedOf([talk({ tags: Array.from({ length: 5000 }, (_, i) => `tag${i}`) })]), shows(...A_TALK)]);
const badUtf8 = Buffer.concat([Buffer.from('{"talktime":1,"talks":[{"id":"u","title":"Caf'), Buffer.from([0xe9, 0xff, 0xc3]), Buffer.from('","start":"2024-05-02T10:00Z"}]}')]);
// Each bad byte becomes U+FFFD, as the Encoding Standard's decoder does.
corpus.push(['invalid UTF-8 bytes', badUtf8, shows(['u', JSON.parse(new TextDecoder().decode(badUtf8)).talks[0].title])]);
const huge = `{"talktime":1,"talks":[],"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
corpus.push(['a 50 MB feed', huge, fails(new RegExp(`\\[feed\\.too_large\\] line 1, column 1: the feed is ${huge.length} bytes; the limit is 16777216 bytes`))]);

test(`hostile-input corpus (${corpus.length} cases) renders text as text, never runs script or breaks the page`, async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.goto(page_('mount.html'));
  const mustRender = corpus.filter(([, , expected]) => expected.talks).length;
  assert.equal(mustRender, 28, 'cases that must render');
  for (const [i, [name, body, expected]] of corpus.entries()) {
    const outcome = await mountOutcome(page, serve(`/hostile/${i}.json`, body));
    const state = await page.getAttribute('#w', 'data-talktime-state');
    if (expected.error) {
      assert.equal(state, 'error', name);
      assert.match(outcome.message, expected.error, name);
      // Visitors read a plain sentence; the code, line and column are in the disclosure.
      assert.doesNotMatch(await page.locator('#w [role="alert"]').textContent(), /\[|line \d|column/, name);
      assert.match(await page.locator('#w .tt-error-details').textContent(), expected.error, name);
    } else {
      assert.equal(state, 'ready', `${name}: ${outcome.message}`);
      // A feed of one talk is a talk page, which has no star button.
      const shown = await page.locator('#w').evaluate((host) => [...host.shadowRoot.querySelectorAll('.tt-talk')].map((e) => ({
        id: e.dataset.talkId, title: e.querySelector('.tt-title').textContent, star: e.querySelector('.tt-star')?.getAttribute('aria-label') ?? null })));
      assert.deepEqual(shown.map(({ id, title, star }) => [id, title, star]),
        expected.talks.map(([id, title, star = `Star ${title}`]) => [id, title, expected.talks.length === 1 ? null : star]), name);
    }
    const inside = await page.locator('#w').evaluate((host) => ({
      markup: host.shadowRoot.querySelectorAll('script, iframe, svg, style, object, embed').length,
      handlers: [...host.shadowRoot.querySelectorAll('*')].some((e) => [...e.attributes].some((a) => a.name.startsWith('on'))),
      hrefs: [...host.shadowRoot.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')),
    }));
    assert.equal(inside.markup, 0, name);
    assert.equal(inside.handlers, false, name);
    for (const href of inside.hrefs) assert.match(href, /^(#|https?:\/\/|mailto:)/, `${name}: ${href}`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, name);
  }
  assert.equal(dialogs, 0);
  assert.equal(await page.evaluate(() => ({}).polluted), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('limits are configurable and the message names the limit', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  const deep = serve('/limits/deep.json', `{"talktime":1,"talks":[],"x":${'['.repeat(10)}${']'.repeat(10)}}`);
  assert.match((await mountOutcome(page, deep, { maxDepth: 5 })).message, /nest deeper than 5 levels, the limit/);
  assert.equal((await mountOutcome(page, deep, { maxDepth: 20 })).state, 'ready');
  assert.match((await mountOutcome(page, '../../../data/fastpath-2021.json', { maxBytes: 1000 })).message, /the limit is 1000 bytes/);
  await context.close();
});

// ---- Network faults -----------------------------------------------------------
test('network faults: timeout with retry, 500, HTML, cut-off body, wrong content type', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  const slow = await mountOutcome(page, '/fault/slow.json', { timeout: 1 });
  assert.match(slow.message, /took longer than 1 s to load/);
  assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 1);
  assert.match((await mountOutcome(page, '/fault/500.json')).message, /HTTP 500/);
  assert.match((await mountOutcome(page, '/fault/html.json')).message, /web page, not JSON/);
  const cut = await mountOutcome(page, '/fault/cut.json');
  assert.equal(cut.state, 'error');
  assert.match(cut.message, /could not be loaded|unexpected end of input/);
  assert.equal((await mountOutcome(page, '/fault/text-plain.json')).state, 'ready');
  assert.equal(await page.locator('[data-talk-id="plain"]').count(), 1);
  // "Try again" after the server recovers.
  routes['/fault/flaky.json'] = (req, res) => { res.writeHead(503); res.end(); };
  assert.match((await mountOutcome(page, '/fault/flaky.json')).message, /HTTP 503/);
  serve('/fault/flaky.json', JSON.stringify({ talktime: 1, talks: [{ id: 'back', title: 'Back again', start: '2024-05-02T10:00Z' }] }));
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => document.querySelector('#w').dataset.talktimeState === 'ready');
  assert.equal(await page.locator('[data-talk-id="back"]').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- Long-lived pages -----------------------------------------------------------
// Runs `inPage(arg)` in mount.html, in a browser whose pages can force garbage collection;
// there measure() gives the JS heap and the engine's WebAssembly memory, in bytes.
async function inGcPage(inPage, arg) {
  const gcBrowser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });
  try {
    const page = await (await gcBrowser.newContext({ timezoneId: 'UTC' })).newPage();
    await page.addInitScript(() => { window.measure = () => { gc(); return { js: performance.memory.usedJSHeapSize, wasm: TalkTime.memory() }; }; });
    await page.goto(page_('mount.html'));
    return await page.evaluate(inPage, arg);
  } finally {
    await gcBrowser.close();
  }
}
const mb = (bytes) => (bytes / 1048576).toFixed(2);

test('1,000 mount/destroy cycles and 10,000 filter changes leave memory flat', { timeout: 240000 }, async () => {
  const figures = await inGcPage(async () => {
    const feed = '../../../data/fastpath-2021.json';
    for (let i = 0; i < 20; i++) (await TalkTime.mount('#w', { feed })).destroy();
    const before = measure();
    for (let i = 0; i < 1000; i++) (await TalkTime.mount('#w', { feed })).destroy();
    const afterMounts = measure();
    const handle = await TalkTime.mount('#w', { feed });
    const words = ['', 'k', 'ka', 'kast', 'learning', 'zzz'];
    for (let i = 0; i < 200; i++) handle.setQuery({ text: words[i % words.length] });
    const beforeFilters = measure();
    for (let i = 0; i < 10000; i++) handle.setQuery({ text: words[i % words.length], show: i % 3 ? 'all' : 'past' });
    const afterFilters = measure();
    handle.destroy();
    return { before, afterMounts, beforeFilters, afterFilters };
  });
  console.log(`memory: mounts js ${mb(figures.before.js)} -> ${mb(figures.afterMounts.js)} MB, wasm ${mb(figures.before.wasm)} -> ${mb(figures.afterMounts.wasm)} MB; ` +
    `filters js ${mb(figures.beforeFilters.js)} -> ${mb(figures.afterFilters.js)} MB, wasm ${mb(figures.beforeFilters.wasm)} -> ${mb(figures.afterFilters.wasm)} MB`);
  assert.equal(figures.afterMounts.wasm, figures.before.wasm, 'wasm memory grew over 1,000 mounts');
  assert.equal(figures.afterFilters.wasm, figures.beforeFilters.wasm, 'wasm memory grew over 10,000 filter changes');
  assert.ok(figures.afterMounts.js - figures.before.js < 1 << 20, 'JS heap grew by more than 1 MB over 1,000 mounts');
  assert.ok(figures.afterFilters.js - figures.beforeFilters.js < 1 << 20, 'JS heap grew by more than 1 MB over 10,000 filter changes');
});

// WebAssembly memory grows in 64 KiB pages and never shrinks, and the engine starts with
// 8 MB: a leaked schedule of a small feed fits in what is already there. A ~1 MB feed's
// schedule takes megabytes, so leaking it on every mount or refresh grows memory by
// hundreds of MB over these loops; freeing it keeps the growth within a few MB.
test('100 mounts and 50 refreshes of a 1 MB feed give its memory back each time', { timeout: 180000 }, async () => {
  const talks = Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}`, title: `Talk ${i}`, start: 1767225600 + i * 3600, duration: 30,
    abstract: `Abstract of talk ${i}. `.repeat(50) }));
  const body = JSON.stringify({ talktime: 1, talks });
  assert.ok(body.length > 1e6, `${body.length} bytes`);
  const feed = serve('/memory/1mb.json', body);
  const figures = await inGcPage(async (feed) => {
    for (let i = 0; i < 3; i++) (await TalkTime.mount('#w', { feed })).destroy();
    const before = measure();
    for (let i = 0; i < 100; i++) (await TalkTime.mount('#w', { feed })).destroy();
    const afterMounts = measure();
    const handle = await TalkTime.mount('#w', { feed });
    for (let i = 0; i < 50; i++) await handle.refresh();
    const afterRefreshes = measure();
    const shown = document.querySelector('#w').shadowRoot.querySelectorAll('.tt-talk').length;
    handle.destroy();
    return { before, afterMounts, afterRefreshes, shown };
  }, feed);
  // The JS heap is logged, not bounded: under load its figure here varies by tens of MB (the 1,000-mount test bounds it).
  console.log(`memory, 1 MB feed: wasm ${mb(figures.before.wasm)} -> ${mb(figures.afterMounts.wasm)} MB after 100 mounts -> ${mb(figures.afterRefreshes.wasm)} MB after 50 refreshes; ` +
    `js ${mb(figures.before.js)} -> ${mb(figures.afterMounts.js)} -> ${mb(figures.afterRefreshes.js)} MB`);
  assert.equal(figures.shown, 12);
  const limit = 16 << 20;
  assert.ok(figures.afterMounts.wasm - figures.before.wasm < limit, 'wasm memory grew by 16 MB or more over 100 mounts');
  assert.ok(figures.afterRefreshes.wasm - figures.afterMounts.wasm < limit, 'wasm memory grew by 16 MB or more over 50 refreshes');
});

test('a page left open flips a talk from upcoming to live to past without reload', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'Europe/Berlin' });
  await page.clock.install({ time: new Date('2025-06-02T07:58:00Z') });  // 09:58 in Berlin
  await page.goto(page_('mount.html'));
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/live.json' }));
  await page.waitForFunction(() => document.querySelector('#w').dataset.talktimeState === 'ready');
  const phase = () => page.getAttribute('[data-talk-id="running"]', 'data-phase');
  assert.equal(await phase(), 'upcoming');
  await page.clock.fastForward('03:00');  // 10:01: the talk runs 10:00-11:00
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('[data-talk-id="running"]').dataset.phase === 'live');
  assert.equal(await page.locator('[data-talk-id="running"] .tt-badge-live').count(), 1);
  await page.clock.fastForward('01:00:00');  // 11:01
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('[data-talk-id="running"]').dataset.phase === 'past');
  assert.deepEqual(errors, []);
  await context.close();
});

test('works beside a page that has its own Module global and Emscripten program', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'Asia/Kolkata' });
  await page.goto(page_('other-emscripten.html'));
  await page.waitForFunction(() => document.querySelector('#talks').dataset.talktimeState === 'ready' && window.otherAnswer === 42);
  assert.equal(await page.locator('[data-talk-id="2021-03-28-klimovic"] time').first().getAttribute('datetime'), '2021-03-28T20:30:00+05:30');
  assert.equal(await page.evaluate(() => typeof Module.ccall), 'function');
  assert.deepEqual(errors, []);
  await context.close();
});
