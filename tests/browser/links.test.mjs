// Links and page markup are untrusted input: a talk id cannot add keys to a permalink,
// a permalink to an unknown talk leaves the view as it is, and an invalid data-target
// selector is reported on its script tag without stopping the page's other widgets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, openPage, ready, shownTalkIds } from './browser.mjs';

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
  const normal = await shownTalkIds(page);
  await page.goto(page_('mount.html') + '#talk=nope');
  await mount();
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
