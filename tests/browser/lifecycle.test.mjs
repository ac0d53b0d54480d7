// A widget's lifetime in a page that changes: a host element removed without destroy()
// must give back its 30-second ticker and its schedule in the core, and a host moved
// or mounted before it joins the page must keep working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, openPage } from './browser.mjs';

const session = browserSession();
const page_ = (path) => `${session.base}/tests/browser/pages/${path}`;

// Opens mount.html with the page's intervals counted (liveIntervals() lists the delays
// of those not cleared) and the core spied on through the loader's test-only accessor:
// opened and closed list schedule handles, schedule(handle) says whether the core
// still holds one.
async function openCountedPage() {
  const opened = await openPage(session.browser, { timezoneId: 'Europe/Berlin' });
  await opened.page.addInitScript(() => {
    const live = new Map();
    const setInterval = window.setInterval, clearInterval = window.clearInterval;
    window.setInterval = (callback, delay, ...args) => {
      const id = setInterval(callback, delay, ...args);
      live.set(id, delay);
      return id;
    };
    window.clearInterval = (id) => {
      live.delete(id);
      clearInterval(id);
    };
    window.liveIntervals = () => [...live.values()];
  });
  await opened.page.goto(page_('mount.html'));
  await opened.page.evaluate(async () => {
    const core = await TalkTime[Symbol.for('talktime.core')]();
    const openFeeds = core.openFeeds, closeFeed = core.closeFeed;
    window.openedHandles = [];
    window.closedHandles = [];
    core.openFeeds = (...args) => {
      const reply = openFeeds(...args);
      window.openedHandles.push(reply.handle);
      return reply;
    };
    core.closeFeed = (handle) => {
      window.closedHandles.push(handle);
      closeFeed(handle);
    };
    window.schedule = (handle) => {
      try {
        core.render(handle, { zone: 'UTC', now: 0 });
        return 'open';
      } catch (error) {
        return error.code;
      }
    };
  });
  return opened;
}

const state = (page) => page.evaluate(() => ({
  intervals: window.liveIntervals(), opened: window.openedHandles, closed: window.closedHandles,
  schedules: window.openedHandles.map((handle) => window.schedule(handle)),
  jsonLd: document.querySelectorAll('script[type="application/ld+json"]').length
}));

test('a host removed from the page without destroy() stops its ticker and closes its schedule', async () => {
  const { page, context, errors } = await openCountedPage();
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/live.json' }));
  assert.deepEqual(await state(page), { intervals: [30000], opened: [1], closed: [], schedules: ['open'], jsonLd: 1 });
  await page.evaluate(() => document.querySelector('#w').remove());
  await page.waitForFunction(() => window.liveIntervals().length === 0, null, { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await state(page), { intervals: [], opened: [1], closed: [1], schedules: ['request.no_such_feed'], jsonLd: 0 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host removed with its parent is released too; mounting again later still works', async () => {
  const { page, context, errors } = await openCountedPage();
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/live.json' }));
  await page.evaluate(() => document.querySelector('main').replaceChildren());
  await page.waitForFunction(() => window.closedHandles.length === 1, null, { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await state(page), { intervals: [], opened: [1], closed: [1], schedules: ['request.no_such_feed'], jsonLd: 0 });
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'again';
    document.querySelector('main').append(host);
    return TalkTime.mount(host, { feed: 'feeds/live.json' });
  });
  assert.deepEqual(await state(page), { intervals: [30000], opened: [1, 2], closed: [1], schedules: ['request.no_such_feed', 'open'], jsonLd: 1 });
  assert.equal(await page.getAttribute('#again', 'data-talktime-state'), 'ready');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host moved within the page, or mounted before it joins the page, keeps its widget', async () => {
  const { page, context, errors } = await openCountedPage();
  await page.evaluate(async () => {
    await TalkTime.mount('#w', { feed: 'feeds/live.json' });
    document.body.append(document.querySelector('#w'));  // one task: removed and inserted
    window.later = document.createElement('div');
    await TalkTime.mount(window.later, { feed: 'feeds/live.json' });
    document.querySelector('h1').textContent = 'Schedule (changed)';  // a change elsewhere in the page
  });
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  await page.evaluate(() => document.body.append(window.later));
  assert.deepEqual(await state(page), { intervals: [30000, 30000], opened: [1, 2], closed: [], schedules: ['open', 'open'], jsonLd: 2 });
  assert.deepEqual(await page.evaluate(() => [document.querySelector('#w').dataset.talktimeState, window.later.dataset.talktimeState]),
    ['ready', 'ready']);
  assert.deepEqual(errors, []);
  await context.close();
});
