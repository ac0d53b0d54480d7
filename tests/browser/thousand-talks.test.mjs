// A 1,000-talk feed (issue 12 §4): once the widget is idle every talk is in the document
// exactly once and find-in-page reaches the last one; a search typed and a zone switched
// while the rest of the list is still being appended leave exactly the right talks, in
// the right order, with the right times, and nothing of the view they replaced.
//
// Expected results are computed here with plain JavaScript from the feed (search: each
// word inside the talk's folded text; order: upcoming by start, then past by day in the
// display zone, most recent first) and with Intl for days and clocks, never by the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, idle, openPage, ready } from './browser.mjs';

const session = browserSession();
const NOW = '2026-06-01T00:00:00Z';
const WORDS = ['memory', 'graph', 'Kästner', 'kernel', 'Café', 'tensor', 'cache', 'sparse', 'Zürich', 'ranking', 'compiler'];
const SPEAKERS = ['Tri Dao', 'Christian Kästner', 'Ana Klimovic', 'Chris Lattner', 'Beidi Chen'];
const START = Date.parse('2026-01-05T08:00:00Z') / 1000;

// 1,000 talks 17 h 20 min apart (so most days hold one talk and some two), an hour each.
function thousandTalks() {
  const talks = Array.from({ length: 1000 }, (_, i) => ({
    id: `k${i}`,
    title: `${WORDS[i % 11]} ${WORDS[(i * 7 + 3) % 11]} lecture ${i}`,
    start: new Date((START + i * 62400) * 1000).toISOString().replace('.000Z', 'Z'),
    duration: 60,
    abstract: `About ${WORDS[(i * 5 + 1) % 11]}, part ${i % 37}.`,
    speakers: [{ name: SPEAKERS[i % 5] }]
  }));
  return { talktime: 1, title: 'A thousand talks', talks };
}
const feed = thousandTalks();

const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const searchText = (t) => fold([t.title, t.abstract, ...t.speakers.map((s) => s.name)].join('\n'));
const startOf = (t) => Date.parse(t.start) / 1000;
const dayIn = (seconds, zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
  .format(new Date(seconds * 1000));

// The ids the widget should show for `text` in `zone`, in order.
function expectedIds(text, zone) {
  const words = fold(text).split(/[\s,]+/).filter(Boolean);
  const now = Date.parse(NOW) / 1000;
  const matches = feed.talks.filter((t) => words.every((w) => searchText(t).includes(w)));
  const upcoming = matches.filter((t) => startOf(t) + 3600 > now).sort((a, b) => startOf(a) - startOf(b));
  const past = matches.filter((t) => startOf(t) + 3600 <= now).sort((a, b) => {
    const [da, db] = [dayIn(startOf(a), zone), dayIn(startOf(b), zone)];
    return da === db ? startOf(a) - startOf(b) : (da < db ? 1 : -1);
  });
  return [...upcoming, ...past].map((t) => t.id);
}

// Mounts the feed and, in the same task, runs `meanwhile(handle, root)` in the page:
// while the first screenful alone is in the document.
async function mountAndAct(page, zone, meanwhile = '') {
  await page.goto(`${session.base}/tests/browser/pages/mount.html`);
  return page.evaluate(async ({ feedText, zone, now, meanwhile }) => {
    const script = Object.assign(document.createElement('script'), { type: 'application/json', id: 'thousand', textContent: feedText });
    document.body.appendChild(script);
    const handle = await TalkTime.mount('#w', { feed: '#thousand', now, timezone: zone, jsonld: false });
    const root = document.querySelector('#w').shadowRoot;
    const state = { busy: root.querySelector('.tt-list').getAttribute('aria-busy'), talks: root.querySelectorAll('.tt-talk').length };
    // eslint-disable-next-line no-new-func
    await new Function('handle', 'root', `return (async () => { ${meanwhile} })()`)(handle, root);
    return state;
  }, { feedText: JSON.stringify(feed), zone, now: NOW, meanwhile });
}

const allIds = (page) => page.locator('#w .tt-talk').evaluateAll((items) => items.map((e) => e.dataset.talkId));

test('every talk of 1,000 is in the document exactly once when idle, and find-in-page reaches the last', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC', viewport: { width: 900, height: 600 } });
  const first = await mountAndAct(page, 'UTC');
  assert.deepEqual(first, { busy: 'true', talks: 12 });
  await ready(page);
  await idle(page);
  const ids = await allIds(page);
  assert.equal(ids.length, 1000);
  assert.equal(new Set(ids).size, 1000);
  assert.deepEqual(ids, expectedIds('', 'UTC'));
  assert.equal(await page.locator('#w .tt-status').textContent(), '1,000 talks');
  // The last talk of the list (the oldest, in series order) can be found and is rendered.
  const last = feed.talks.find((t) => t.id === ids[ids.length - 1]);
  const finds = (text) => page.evaluate((t) => {
    getSelection().removeAllRanges();
    return window.find(t, true);
  }, text);
  assert.equal(await finds(last.title), true, `find-in-page reaches "${last.title}"`);
  assert.equal(await finds('Zyxwvut lecture'), false);
  const rendered = await page.$eval('#w', (h, title) =>
    [...h.shadowRoot.querySelectorAll('.tt-title')].filter((e) => e.textContent === title && e.checkVisibility()).length, last.title);
  assert.equal(rendered, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keys typed while the list is appended show exactly their matches, and nothing stale', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC', viewport: { width: 900, height: 600 } });
  // A first key at once, a second once the idle append of the first key's view has begun.
  const first = await mountAndAct(page, 'UTC', `
    const input = root.querySelector('input[type="search"]');
    input.value = 'k';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    input.value = 'kastner 7';
    input.dispatchEvent(new Event('input'));`);
  assert.deepEqual(first, { busy: 'true', talks: 12 });
  await idle(page);
  const expected = expectedIds('kastner 7', 'UTC');
  assert.ok(expected.length > 50 && expected.length < 400, `a fair test: ${expected.length} matches`);
  assert.deepEqual(await allIds(page), expected, 'exactly the matches, in order; no talk of an earlier view left');
  assert.equal(await page.locator('#w .tt-retired').count(), 0);
  // Back to everything: all 1,000 once more.
  await page.locator('#w input[type="search"]').fill('');
  await idle(page);
  assert.deepEqual(await allIds(page), expectedIds('', 'UTC'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a zone switch while the list is appended shows every talk in the new zone', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC', viewport: { width: 900, height: 600 } });
  const zone = 'Asia/Kathmandu';  // UTC+5:45: no clock of UTC's reads the same
  await mountAndAct(page, 'America/Los_Angeles', `
    await new Promise((resolve) => setTimeout(resolve, 300));
    handle.setTimeZone('${zone}');`);
  await idle(page);
  const shown = await page.locator('#w .tt-talk').evaluateAll((items) => items.map((e) => {
    const time = e.querySelector('.tt-when time');
    return { id: e.dataset.talkId, datetime: time.getAttribute('datetime'), clock: time.textContent };
  }));
  assert.deepEqual(shown.map((s) => s.id), expectedIds('', zone));
  const parts = (seconds) => Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(seconds * 1000)).map((p) => [p.type, p.value]));
  const wrong = shown.filter((s) => {
    const p = parts(startOf(feed.talks[Number(s.id.slice(1))]));
    return s.clock !== `${p.hour}:${p.minute}` || s.datetime !== `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00+05:45`;
  });
  assert.deepEqual(wrong, [], 'every talk shows its time in Kathmandu');
  assert.deepEqual(errors, []);
  await context.close();
});
