// The widget in headless Chromium: embedding forms, time zones, search and
// filters, URL state, live/past, hostile feeds, strict CSP, style isolation and
// accessibility (errors and fallback content: errors.test.mjs). Expected times
// are facts about the events (the FastPath page: "11:00 am US EDT = 15:00 UTC"),
// converted by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { idle, launchBrowser, openPage, ready, serveRepo, repoRoot } from './browser.mjs';

let browser, server, base;
const shots = `${repoRoot}test-results`;
const page_ = (path) => `${base}/tests/browser/pages/${path}`;

before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchBrowser();
  ({ server, url: base } = await serveRepo({
    '/slow-feed.json': () => { /* never answers: the widget must time out or be destroyed */ },
  }));
});
after(async () => {
  await browser?.close();
  server?.close();
});

const startOf = (page, id) => page.locator(`[data-talk-id="${id}"] time`).first();

test('script-tag embed renders FastPath 2021 in the browser zone (Asia/Kolkata)', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'Asia/Kolkata' });
  await page.goto(page_('skeleton.html'));
  await ready(page);
  assert.equal(await page.getAttribute('#talks', 'data-talktime-state'), 'ready');
  // 11:00 EDT = 15:00 UTC = 20:30 IST.
  assert.equal(await startOf(page, '2021-03-28-klimovic').getAttribute('datetime'), '2021-03-28T20:30:00+05:30');
  assert.equal(await startOf(page, '2021-03-28-klimovic').textContent(), '20:30');
  // The event's own time is shown beside it.
  assert.match(await page.locator('[data-talk-id="2021-03-28-klimovic"] .tt-when').innerText(), /20:30\s*–\s*21:05\s*IST\s*·\s*11:00\s*EDT/);
  // The fallback stays in the light DOM but is no longer rendered.
  assert.equal(await page.locator('#fallback').isVisible(), false);
  await page.screenshot({ path: `${shots}/skeleton-kolkata.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a talk after midnight in Tokyo moves to the next day, naming the event\'s own day', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'Asia/Tokyo' });
  await page.goto(page_('skeleton.html'));
  await ready(page);
  // 10:50 EDT = 23:50 JST on the 28th; 11:00 EDT = 00:00 JST on the 29th.
  assert.equal(await startOf(page, '2021-03-28-opening').getAttribute('datetime'), '2021-03-28T23:50:00+09:00');
  assert.equal(await startOf(page, '2021-03-28-klimovic').getAttribute('datetime'), '2021-03-29T00:00:00+09:00');
  const day = await page.locator('[data-talk-id="2021-03-28-klimovic"]').evaluate((li) => li.closest('.tt-day').dataset.day);
  assert.equal(day, '2021-03-29');
  assert.equal(await page.locator('[data-talk-id="2021-03-28-klimovic"] .tt-event-day').textContent(), 'Sun 28 Mar');
  await context.close();
});

test('Los Angeles and Berlin see the DST day correctly', async () => {
  for (const [zone, expected] of [['America/Los_Angeles', '2021-03-28T08:00:00-07:00'], ['Europe/Berlin', '2021-03-28T17:00:00+02:00'], ['UTC', '2021-03-28T15:00:00+00:00']]) {
    const { page, context } = await openPage(browser, { timezoneId: zone });
    await page.goto(page_('skeleton.html'));
    await ready(page);
    assert.equal(await startOf(page, '2021-03-28-klimovic').getAttribute('datetime'), expected, zone);
    await context.close();
  }
});

test('auto-mount makes two independent widgets with their own options', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'America/New_York' });
  await page.goto(page_('automount.html'));
  await ready(page);
  assert.equal(await page.getAttribute('#workshop', 'data-talktime-state'), 'ready');
  assert.equal(await page.getAttribute('#seminar', 'data-talktime-state'), 'ready');
  // data-timezone="Europe/Berlin": Tri Dao, 15:30 PST on 2023-01-11, is 00:30 CET on the 12th.
  // (Past talks come most recent day first, so his is not on the first page: search for it.)
  await page.locator('#seminar input[type="search"]').fill('tri dao');
  assert.equal(await startOf(page, '2023-01-11-tri-dao').getAttribute('datetime'), '2023-01-12T00:30:00+01:00');
  await page.locator('#seminar input[type="search"]').fill('');
  assert.equal(await page.locator('#seminar .tt').evaluate((e) => e.classList.contains('tt-compact')), true);
  // Searching one widget leaves the other alone.
  await page.locator('#workshop input[type="search"]').fill('klimovic');
  assert.equal(await page.locator('#workshop .tt-talk:not([hidden])').count(), 1);
  assert.ok(await page.locator('#seminar .tt-talk:not([hidden])').count() > 10);
  assert.equal(await page.evaluate(() => Object.keys(window).filter((k) => /talk/i.test(k)).join()), 'TalkTime');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an inline feed works from file:// with no server', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'Europe/London' });
  await page.goto(pathToFileURL(`${repoRoot}tests/browser/pages/inline.html`).href);
  await ready(page);
  // 18:00 BST on 2024-07-01. (A feed of one talk is a talk page: its day comes first.)
  assert.equal(await page.locator('[data-talk-id="inline-1"] time[datetime*="T"]').first().getAttribute('datetime'), '2024-07-01T18:00:00+01:00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('search, filters and show buttons update the list, the count and the URL fragment', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'America/Los_Angeles' });
  await page.goto(page_('mount.html'));
  await page.evaluate(() => TalkTime.mount('#w', { feed: '../../../data/stanford-mlsys-seminar.json', now: '2023-02-10T00:00:00Z' }));
  await ready(page);
  const visible = () => page.locator('#w .tt-talk:not([hidden])').evaluateAll((els) => els.map((e) => e.dataset.talkId));
  // 87 talks, all in the document once the widget is idle.
  const count = async () => Number((await page.locator('#w .tt-status').textContent()).split(' ')[0]);
  const total = await count();
  assert.equal(total, 87);
  await idle(page);
  assert.equal((await visible()).length, 87);
  await page.locator('#w input[type="search"]').fill('FLASHATTENTION');
  assert.deepEqual(await visible(), ['2023-01-11-tri-dao']);
  assert.equal(await page.locator('#w .tt-status').textContent(), '1 talk');
  // The fragment is written once typing pauses.
  await page.waitForFunction(() => /w\.q=FLASHATTENTION/.test(location.hash));
  await page.locator('#w input[type="search"]').fill('');
  await page.locator('#w select[aria-label="Series"]').selectOption('systems-ml-2023');
  assert.equal((await visible()).length, 6);
  await page.locator('#w select[aria-label="Series"]').selectOption('');
  await page.locator('#w select[aria-label="Topic"]').selectOption('GPUs');
  assert.deepEqual((await visible()).sort(), ['2023-01-11-tri-dao', '2023-10-30-deepak-narayanan', '2023-11-06-travis-addair']);
  await page.locator('#w select[aria-label="Topic"]').selectOption('');
  // now = 2023-02-10: upcoming begins with the 2023-02-13 talk.
  await page.getByRole('button', { name: 'Upcoming' }).click();
  await idle(page);
  const upcoming = await visible();
  assert.equal(upcoming[0], '2023-02-13-raphael-townshend');
  const upcomingCount = await count();
  assert.equal(upcoming.length, upcomingCount);
  await page.getByRole('button', { name: 'Past' }).click();
  const past = await visible();
  assert.equal(past[0], '2023-02-08-colin-raffel');
  assert.equal(upcomingCount + await count(), total);
  // Nothing matches: the empty state explains and offers a way back.
  await page.locator('#w input[type="search"]').fill('no such talk anywhere');
  assert.equal(await page.locator('#w .tt-empty').isVisible(), true);
  await page.getByRole('button', { name: 'Show all talks' }).click();
  assert.equal(await count(), total);
  await idle(page);
  assert.equal((await visible()).length, total);
  // A shared link restores the filtered view.
  await page.goto(page_('mount.html#w.q=dettmers'));
  await page.evaluate(() => TalkTime.mount('#w', { feed: '../../../data/stanford-mlsys-seminar.json' }));
  await ready(page);
  assert.deepEqual(await visible(), ['2023-10-23-tim-dettmers']);
  await context.close();
});

test('kind filter and breaks: breaks are shown quietly and counted apart from talks', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  await page.evaluate(() => TalkTime.mount('#w', { feed: '../../../data/fastpath-2021.json' }));
  await ready(page);
  assert.equal(await page.locator('#w .tt-status').textContent(), '9 talks, 2 breaks');
  await page.locator('#w select[aria-label="Kind of session"]').selectOption('break');
  assert.equal(await page.locator('#w .tt-talk:not([hidden])').count(), 2);
  assert.equal(await page.locator('#w .tt-status').textContent(), '0 talks, 2 breaks');
  await context.close();
});

test('zone switching: the picker, event time, the API, and remembering the choice', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'Asia/Kolkata' });
  await page.goto(page_('mount.html'));
  const handle = await page.evaluateHandle(() => TalkTime.mount('#w', { feed: '../../../data/fastpath-2021.json' }));
  await ready(page);
  await page.getByRole('button', { name: 'Change time zone' }).click();
  await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Berlin');
  await page.keyboard.press('Enter');
  assert.equal(await startOf(page, '2021-03-28-klimovic').getAttribute('datetime'), '2021-03-28T17:00:00+02:00');
  assert.match(await page.locator('#w .tt-zone-text').textContent(), /Europe\/Berlin/);
  await page.getByRole('button', { name: 'Event time' }).click();
  assert.equal(await startOf(page, '2021-03-28-klimovic').getAttribute('datetime'), '2021-03-28T11:00:00-04:00');
  await page.getByRole('button', { name: 'Change time zone' }).click();
  await page.getByRole('combobox', { name: 'Time zone' }).fill('Nowhere/Special');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#w .tt-zone-message').textContent(), /No time zone matches \u201cNowhere\/Special\u201d/);
  await handle.evaluate((h) => h.setTimeZone('Australia/Lord_Howe'));
  // 15:00 UTC on 2021-03-28 is 02:00 the next day at UTC+11 (Lord Howe summer time).
  assert.equal(await startOf(page, '2021-03-28-klimovic').getAttribute('datetime'), '2021-03-29T02:00:00+11:00');
  const thrown = await handle.evaluate((h) => { try { h.setTimeZone('Bad/Zone'); return ''; } catch (e) { return e.name; } });
  assert.equal(thrown, 'RangeError');
  // "Event time" (America/New_York) is remembered for this feed (tests/browser/zone-picker.test.mjs: and no other).
  await page.reload();
  await page.evaluate(() => TalkTime.mount('#w', { feed: '../../../data/fastpath-2021.json' }));
  await ready(page);
  assert.equal(await startOf(page, '2021-03-28-klimovic').getAttribute('datetime'), '2021-03-28T11:00:00-04:00');
  await context.close();
});

test('live, upcoming and past with data-now; date-only talks say time TBA', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'Europe/Berlin' });
  await page.goto(page_('mount.html'));
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/live.json', now: '2025-06-02T08:30:00Z' }));
  await ready(page);
  const phase = (id) => page.getAttribute(`[data-talk-id="${id}"]`, 'data-phase');
  assert.equal(await phase('done'), 'past');
  assert.equal(await phase('running'), 'live');
  assert.equal(await phase('later'), 'upcoming');
  assert.equal(await page.locator('[data-talk-id="running"] .tt-badge-live').textContent(), 'Live now');
  assert.equal(await page.locator('[data-talk-id="running"] .tt-link-live').textContent(), 'Watch live');
  assert.match(await page.locator('[data-talk-id="later"] .tt-relative').textContent(), /starts in 4 hours?|starts in 4 hr/);
  assert.equal(await startOf(page, 'no-time').getAttribute('datetime'), '2025-06-03');
  assert.match(await page.locator('[data-talk-id="no-time"] .tt-when').innerText(), /time TBA/);
  // The finished talk offers its recording and keeps the stream prominent only briefly.
  assert.equal(await page.locator('[data-talk-id="done"] a', { hasText: 'Video' }).count(), 1);
  await context.close();
});

test('a partly bad feed loads the good talks and lists what was skipped', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/partly-bad.json' }));
  await ready(page);
  assert.equal(await page.getAttribute('#w', 'data-talktime-state'), 'ready');
  assert.deepEqual(await page.locator('#w .tt-talk').evaluateAll((els) => els.map((e) => e.dataset.talkId)), ['ok-1', 'ok-2']);
  const problems = await page.locator('#w .tt-problems li').allTextContents();
  // Columns counted independently: Python's str.index on those lines of the file, plus one.
  assert.deepEqual(problems, [
    '[talk.bad_start] /talks/1/start (line 6, column 61): invalid date "2024-02-30T10:00" (talk "bad-date")',
    '[talk.bad_zone] /talks/2/timezone (line 7, column 90): unknown time zone "Mars/Olympus_Mons" (talk "bad-zone")',
  ]);
  await context.close();
});

test('a hostile feed cannot inject markup, script or links', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.goto(page_('mount.html'));
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/hostile.json' }));
  await ready(page);
  await page.locator('#w .tt-talk').hover();
  await page.locator('#w summary').first().click();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(dialogs, 0);
  const inside = await page.locator('#w').evaluate((host) => {
    const root = host.shadowRoot;
    return {
      scripts: root.querySelectorAll('script, iframe, style, img:not(.tt-photo), svg').length,
      hrefs: [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      handlers: [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
      title: root.querySelector('.tt-title').textContent,
    };
  });
  assert.equal(inside.scripts, 0);
  assert.deepEqual(inside.handlers, []);
  // The title also goes into the star's aria-label: a break-out there would add an <img>.
  assert.equal(inside.title, '"><img src=x onerror="window.__pwned=\'title-img\'"> \' onmouseover=\'window.__pwned=1\'');
  for (const href of inside.hrefs) assert.match(href, /^(#|https:\/\/)/, href);
  assert.ok(inside.hrefs.includes('https://example.org/papers/ok.pdf'));
  // A snapshot of the page (prerenderers store outerHTML, then serve it) keeps the
  // JSON-LD a data block: the feed's "</script>" must not end it there.
  const snapshot = await page.evaluate(() => {
    const copy = new DOMParser().parseFromString(document.documentElement.outerHTML, 'text/html');
    const blocks = copy.querySelectorAll('script[type="application/ld+json"]');
    return {
      scripts: [copy.querySelectorAll('script').length, document.querySelectorAll('script').length],
      images: copy.querySelectorAll('img').length,
      events: [...blocks].map((b) => JSON.parse(b.textContent)['@graph'].map((e) => [e.name, e.superEvent.name]))
    };
  });
  assert.equal(snapshot.scripts[0], snapshot.scripts[1]);
  assert.equal(snapshot.images, 0);
  assert.deepEqual(snapshot.events, [[[
    '"><img src=x onerror="window.__pwned=\'title-img\'"> \' onmouseover=\'window.__pwned=1\'',
    "<script>window.__pwned = 'title'</script>"]]]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('strict CSP page with hostile host styles: widget works and stays styled', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'Asia/Kolkata' });
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(page_('csp.html'));
  await ready(page);
  assert.equal(await page.getAttribute('#talks', 'data-talktime-state'), 'ready');
  assert.deepEqual(violations, []);
  const styles = await page.locator('[data-talk-id="2021-03-28-klimovic"] .tt-title').evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, display: s.display, font: s.fontFamily };
  });
  assert.notEqual(styles.color, 'rgb(255, 0, 0)');
  assert.equal(styles.display, 'block');
  assert.doesNotMatch(styles.font, /Comic/);
  // The widget does not restyle the host page either.
  assert.equal(await page.locator('.host-heading').evaluate((el) => getComputedStyle(el).fontSize), '48px');
  await page.screenshot({ path: `${shots}/csp-hostile-host.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core finds no serious or critical accessibility violations', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await openPage(browser, { timezoneId: 'America/New_York', colorScheme });
    await page.goto(page_('mount.html'));
    await page.evaluate(() => TalkTime.mount('#w', { feed: '../../../data/stanford-mlsys-seminar.json', now: '2023-10-10T00:00:00Z' }));
    await ready(page);
    await page.addScriptTag({ content: readFileSync(`${repoRoot}node_modules/axe-core/axe.min.js`, 'utf8') });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(serious, [], colorScheme);
    await context.close();
  }
});

test('keyboard: the controls are reachable and a permalink highlights its talk', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html#talk=2021-03-28-park'));
  await page.evaluate(() => TalkTime.mount('#w', { feed: '../../../data/fastpath-2021.json' }));
  await ready(page);
  assert.equal(await page.locator('[data-talk-id="2021-03-28-park"]').evaluate((e) => e.classList.contains('tt-target')), true);
  // The skip link first (keyboard.test.mjs), then the search box.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className), 'tt-skip');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('type'));
  assert.equal(focused, 'search');
  await context.close();
});

test('destroy() restores the fallback and a pending fetch leaves nothing behind', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  const handle = await page.evaluateHandle(() => TalkTime.mount('#w', { feed: '../../../data/fastpath-2021.json' }));
  await handle.evaluate((h) => h.destroy());
  assert.equal(await page.getAttribute('#w', 'data-talktime-state'), null);
  assert.equal(await page.locator('#w p').isVisible(), true);
  await page.evaluate(() => { window.pending = TalkTime.mount('#w', { feed: '/slow-feed.json' }); });
  assert.equal(await page.getAttribute('#w', 'data-talktime-state'), 'loading');
  assert.equal(await page.locator('#w p').isVisible(), true);
  await page.evaluate(() => TalkTime.mount('#w', { feed: '../../../data/fastpath-2021.json' }));
  await ready(page);
  assert.equal(await page.getAttribute('#w', 'data-talktime-state'), 'ready');
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots at desktop and phone widths: the whole programme, nothing wider than the screen', async () => {
  for (const [name, viewport, colorScheme] of [['desktop', { width: 1100, height: 1000 }, 'light'], ['phone', { width: 390, height: 844 }, 'dark']]) {
    const { page, context, errors } = await openPage(browser, { timezoneId: 'Europe/Berlin', viewport, colorScheme });
    await page.goto(`${base}/web/`);
    await ready(page, '#talks');
    // The demo opens on FastPath 2021: 11 entries, of which 2 are breaks (shown, not counted).
    assert.equal(await page.locator('#talks .tt-talk').filter({ visible: true }).count(), 11, name);
    assert.equal(await page.locator('#talks .tt-status').textContent(), '9 talks, 2 breaks', name);
    // 11:00 EDT = 17:00 CEST: the times are converted at this width too.
    assert.equal(await startOf(page, '2021-03-28-klimovic').textContent(), '17:00', name);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), viewport.width, `${name}: no sideways scrolling`);
    await page.screenshot({ path: `${shots}/demo-${name}.png` });
    assert.deepEqual(errors, [], name);
    await context.close();
  }
});
