// Every talk of a 1,000-talk feed is in the document once the widget is idle, in
// Firefox too (issue 12 §4), and find-in-page reaches the last of them. window.find is
// Firefox's own (non-standard, as Chromium's): it searches the rendered text the find bar
// does. The feed is made here; the expected ids and titles are the feed's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firefoxSession, openPage, ready } from './firefox.mjs';

const session = firefoxSession();
const WORDS = ['memory', 'graph', 'kernel', 'tensor', 'cache', 'sparse', 'ranking'];
const feed = {
  talktime: 1,
  talks: Array.from({ length: 1000 }, (_, i) => ({
    id: `k${i}`, title: `${WORDS[i % 7]} ${WORDS[(i * 3 + 1) % 7]} lecture ${i}`,
    start: new Date(Date.parse('2026-01-05T08:00:00Z') + i * 62400000).toISOString().replace('.000Z', 'Z'), duration: 60,
  })),
};

test('a 1,000-talk feed: every talk in the document once when idle, and the last one found', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC', viewport: { width: 900, height: 600 } });
  await page.goto(`${session.base}/tests/browser/pages/mount.html`);
  await page.evaluate(async (feedText) => {
    const script = Object.assign(document.createElement('script'), { type: 'application/json', id: 'thousand', textContent: feedText });
    document.body.appendChild(script);
    // The page's clock is before every talk: all upcoming, in start order.
    await TalkTime.mount('#w', { feed: '#thousand', now: '2025-01-01T00:00:00Z', jsonld: false });
  }, JSON.stringify(feed));
  await ready(page, '#w');
  await page.waitForFunction(() => !document.querySelector('#w').shadowRoot.querySelector('.tt-list').hasAttribute('aria-busy'),
    { timeout: 60000 });
  const ids = await page.$eval('#w', (h) => [...h.shadowRoot.querySelectorAll('.tt-talk')].map((e) => e.dataset.talkId));
  // Every talk is upcoming at the page's clock: start order, the feed's order.
  assert.deepEqual(ids, feed.talks.map((t) => t.id));
  const finds = (text) => page.evaluate((t) => {
    getSelection().removeAllRanges();
    return window.find(t, true);
  }, text);
  assert.equal(await finds(feed.talks[999].title), true, 'find-in-page reaches the last talk');
  assert.equal(await finds('Zyxwvut lecture'), false);
  assert.deepEqual(errors, []);
  await context.close();
});
