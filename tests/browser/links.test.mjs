// Links and page markup are untrusted input: a talk id cannot add keys to a permalink,
// a permalink to an unknown talk leaves the view as it is, shared stars are shown but
// stored only when the visitor adds them, and an invalid data-target selector is
// reported on its script tag without stopping the page's other widgets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, idle, openPage, ready, shownTalkIds } from './browser.mjs';

const session = browserSession();
const page_ = (path) => `${session.base}/tests/browser/pages/${path}`;
const TRICKY = 'x&w.q=nomatch&w.starred=g1,zz';

test('a permalink encodes its talk id: opened in a new tab it lands on that talk and changes nothing else', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/tricky-ids.json', now: '2024-05-01T00:00Z' }));
  const href = await page.locator(`#w .tt-talk[data-talk-id="${TRICKY}"] a.tt-permalink`).getAttribute('href');
  // RFC 3986 percent-encoding, as Python's urllib.parse.quote(id, safe='-._~') writes it.
  assert.equal(href, '#talk=x%26w.q%3Dnomatch%26w.starred%3Dg1%2Czz');
  await page.goto(page_('mount.html') + href);
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/tricky-ids.json', now: '2024-05-01T00:00Z' }));
  await ready(page);
  // Every talk is shown (no search for "nomatch", no starred filter), the linked one highlighted.
  assert.deepEqual(await shownTalkIds(page), ['g1', TRICKY, 'zz']);
  assert.deepEqual(await page.locator('#w .tt-target').evaluateAll((items) => items.map((e) => e.dataset.talkId)), [TRICKY]);
  assert.equal(await page.locator('#w input[type="search"]').inputValue(), '');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('talktime.stars')).length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a permalink to a talk the feed does not hold shows a notice and the normal view', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  const mount = () => page.evaluate(() => TalkTime.mount('#w', { feed: '/data/stanford-mlsys-seminar.json' }).then(() => undefined));
  await mount();
  await idle(page);
  const normal = await shownTalkIds(page);
  await page.goto(page_('mount.html') + '#talk=nope');
  await mount();
  await idle(page);
  assert.deepEqual(await shownTalkIds(page), normal);
  assert.equal(await page.locator('#w .tt-notice').innerText(), 'The linked talk (\u201cnope\u201d) is not in this schedule.');
  assert.equal(await page.locator('#w .tt-target').count(), 0);
  // The notice goes once the visitor changes the view.
  await page.locator('#w input[type="search"]').fill('a');
  assert.equal(await page.locator('#w .tt-notice').isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an invalid data-target is reported on its script tag; the other widgets still mount', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  await page.goto(page_('bad-target.html'));
  await ready(page, '#workshop');
  assert.deepEqual(await page.evaluate(() => window.talktimeErrors),
    [{ on: 'SCRIPT', message: 'data-target "#(" is not a valid CSS selector' }]);
  assert.deepEqual(consoleErrors, ['talktime: data-target "#(" is not a valid CSS selector']);
  assert.equal(await page.locator('[data-talktime-state]').count(), 1);
  await assert.rejects(page.evaluate(() => TalkTime.mount('#(')), /TalkTime.mount: "#\(" is not a valid CSS selector/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a search in the link is cut at the engine\'s limit: 100,000 words load like their first 256 characters', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  const words = Array.from({ length: 100000 }, (_, i) => (i + 46656).toString(36)).join(' ');  // 3-letter words
  await page.goto(page_('mount.html') + '#w.q=' + encodeURIComponent(words));
  await page.evaluate(() => TalkTime.mount('#w', { feed: '/data/stanford-mlsys-seminar.json' }).then(() => undefined));
  const box = page.locator('#w input[type="search"]');
  assert.equal(await box.inputValue(), words.slice(0, 256));
  assert.equal(await box.evaluate((input) => input.maxLength), 256);
  // No talk holds all of those words; the view says so and offers the way back.
  assert.deepEqual(await shownTalkIds(page), []);
  assert.equal(await page.locator('#w .tt-empty').isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

const FASTPATH = '/data/fastpath-2021.json';
const FASTPATH_KEY = 'talktime.stars:https://tinyurl.com/fastpath2021';  // the feed's url names its stars
const storedStars = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('talktime.stars')).map((k) => [k, JSON.parse(localStorage.getItem(k))])));

test('shared stars open as their own view, stored only when the visitor adds them', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  const linked = ['2021-03-28-maas', 'nope', '2021-03-28-kaestner', '2021-03-28-' + 'x'.repeat(190), '2021-03-28-hari'];
  await page.goto(page_('mount.html') + '#w.starred=' + encodeURIComponent(linked.join(',')));
  await page.evaluate((feed) => TalkTime.mount('#w', { feed }).then(() => undefined), FASTPATH);
  // The talks the feed holds, in the schedule's order; the unknown and over-long ids are left out.
  const shared = ['2021-03-28-kaestner', '2021-03-28-hari', '2021-03-28-maas'];
  assert.deepEqual(await shownTalkIds(page), shared);
  const notice = page.locator('#w .tt-shared');
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.equal(await notice.locator('p').innerText(), 'Showing 3 talks someone shared with you.');
  assert.deepEqual(await storedStars(page), {});
  // Their star buttons show the visitor's own stars (none), not the link's.
  const pressed = () => page.locator('#w .tt-star').evaluateAll((b) => b.map((e) => e.getAttribute('aria-pressed')));
  assert.deepEqual(await pressed(), ['false', 'false', 'false']);
  assert.equal(await page.locator('#w').getByRole('button', { name: '\u2605 Starred' }).getAttribute('aria-pressed'), 'false');

  await page.locator('#w').getByRole('button', { name: 'Add them to my stars' }).click();
  assert.deepEqual(await storedStars(page), { [FASTPATH_KEY]: shared });
  assert.equal(await notice.locator('p').innerText(), 'Showing 3 talks someone shared with you. They are now in your stars.');
  assert.equal(await page.locator('#w').getByRole('button', { name: 'Add them to my stars' }).isVisible(), false);
  assert.deepEqual(await pressed(), ['true', 'true', 'true']);

  await page.locator('#w').getByRole('button', { name: 'Show all talks' }).click();
  assert.equal((await shownTalkIds(page)).length, 11);
  assert.equal(await notice.isVisible(), false);
  await page.waitForFunction(() => location.hash === '');
  assert.deepEqual(await storedStars(page), { [FASTPATH_KEY]: shared });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link with 100,000 ids: the first 1000 are read, and nothing is stored', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  const linked = Array.from({ length: 100000 }, (_, i) => 'n' + i);
  linked[999] = '2021-03-28-kaestner';  // the 1000th id: shown
  linked[1000] = '2021-03-28-hari';     // the 1001st: ignored
  await page.goto(page_('mount.html') + '#w.starred=' + linked.join(','));
  await page.evaluate((feed) => TalkTime.mount('#w', { feed }).then(() => undefined), FASTPATH);
  assert.deepEqual(await shownTalkIds(page), ['2021-03-28-kaestner']);
  assert.equal(await page.locator('#w .tt-shared p').innerText(), 'Showing 1 talk someone shared with you.');
  assert.deepEqual(await storedStars(page), {});
  assert.deepEqual(errors, []);
  await context.close();
});

test('shared stars the feed does not hold: the normal view and a short notice', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html') + '#w.starred=nope,' + 'y'.repeat(300));
  await page.evaluate((feed) => TalkTime.mount('#w', { feed }).then(() => undefined), FASTPATH);
  assert.equal((await shownTalkIds(page)).length, 11);
  assert.equal(await page.locator('#w .tt-notice').innerText(), 'The shared talks are not in this schedule.');
  assert.equal(await page.locator('#w .tt-shared').isVisible(), false);
  assert.deepEqual(await storedStars(page), {});
  assert.deepEqual(errors, []);
  await context.close();
});
