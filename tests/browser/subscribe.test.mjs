// data-subscribe: the "Subscribe" menu under the feed's title, with the exact addresses
// each calendar service takes (docs/calendars.md, "Subscribing"): webcal: for calendar
// apps, Google Calendar's cid (the webcal: address, percent-encoded), Outlook.com's and
// Microsoft 365's addfromweb (the https address and the calendar's name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, openPage, ready } from './browser.mjs';

const session = browserSession();
const FASTPATH = '../../../data/fastpath-2021.json';
const TITLE = 'FastPath%202021%20-%20International%20Workshop%20on%20Performance%20Analysis%20of%20Machine%20Learning%20Systems';

async function mounted(page, options, attributes = {}) {
  await page.goto(`${session.base}/tests/browser/pages/mount.html`);
  await page.evaluate(([o, a]) => {
    Object.assign(document.querySelector('#w').dataset, a);
    TalkTime.mount('#w', o);
  }, [options, attributes]);
  await ready(page, '#w');
}

const hrefs = (page) => page.locator('#w .tt-subscribe-menu a').evaluateAll((links) =>
  links.map((a) => [a.dataset.service, a.getAttribute('href'), a.textContent, a.target]));

test('an https calendar: webcal:, Google, Outlook.com and Microsoft 365 links, exactly', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
  await mounted(page, { feed: FASTPATH, subscribe: 'https://seminar.example.org/fastpath/talks.ics' });
  const toggle = page.locator('#w .tt-subscribe-toggle');
  assert.equal(await toggle.innerText(), 'Subscribe');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#w .tt-subscribe-panel').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const panelId = await toggle.getAttribute('aria-controls');
  assert.equal(await page.locator(`#w #${panelId}`).isVisible(), true);
  assert.deepEqual(await hrefs(page), [
    ['webcal', 'webcal://seminar.example.org/fastpath/talks.ics', 'Calendar app on this device', ''],
    ['google', 'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fseminar.example.org%2Ffastpath%2Ftalks.ics',
      'Google Calendar', '_blank'],
    ['outlook', 'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fseminar.example.org%2Ffastpath%2Ftalks.ics' +
      '&name=' + TITLE, 'Outlook.com', '_blank'],
    ['office', 'https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Fseminar.example.org%2Ffastpath%2Ftalks.ics' +
      '&name=' + TITLE, 'Microsoft 365 (work or school)', '_blank']
  ]);
  // "Copy calendar address" copies the https address and says so.
  await page.evaluate(() => Object.defineProperty(navigator.clipboard, 'writeText',
    { value: async (text) => { window.copied = text; } }));
  await page.locator('#w [data-service="copy"]').click();
  assert.equal(await page.evaluate(() => window.copied), 'https://seminar.example.org/fastpath/talks.ics');
  assert.equal(await page.locator('#w .tt-subscribe-status').innerText(),
    'Calendar address copied: paste it where your calendar app asks for a URL.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-subscribe on the element is resolved against the page; http becomes webcal too', async () => {
  const { page, context } = await openPage(session.browser, { timezoneId: 'UTC' });
  await mounted(page, { feed: FASTPATH }, { subscribe: 'talks.ics' });
  await page.locator('#w .tt-subscribe-toggle').click();
  const host = session.base.replace(/^http:\/\//, '');  // 127.0.0.1:PORT
  const [webcal, google] = await hrefs(page);
  assert.equal(webcal[1], `webcal://${host}/tests/browser/pages/talks.ics`);
  assert.equal(google[1], 'https://calendar.google.com/calendar/render?cid=' +
    encodeURIComponent(`webcal://${host}/tests/browser/pages/talks.ics`));
  await context.close();
});

test('Escape closes the menu and gives the focus back to the button; Tab past it closes it', async () => {
  const { page, context } = await openPage(session.browser, { timezoneId: 'UTC' });
  await mounted(page, { feed: FASTPATH, subscribe: 'https://seminar.example.org/talks.ics' });
  const toggle = page.locator('#w .tt-subscribe-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot.activeElement.dataset.service), 'webcal');
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#w .tt-subscribe-panel').isVisible(), false);
  assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot.activeElement.className), 'tt-button tt-subscribe-toggle');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');  // four links, "Copy", then out
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await context.close();
});

test('javascript: and data: addresses are refused with a warning, and no menu is shown', async () => {
  for (const value of ['javascript:alert(1)', 'data:text/calendar,BEGIN:VCALENDAR']) {
    const { page, context, errors } = await openPage(session.browser, { timezoneId: 'UTC' });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await mounted(page, { feed: FASTPATH, subscribe: value });
    assert.equal(await page.locator('#w .tt-subscribe').count(), 0, value);
    assert.deepEqual(warnings.filter((w) => w.includes('data-subscribe')), [
      `talktime: data-subscribe "${value}" is not an http(s) address of an .ics file; no Subscribe menu is shown`]);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('without data-subscribe there is no menu; in German it says Abonnieren', async () => {
  const { page, context } = await openPage(session.browser, { timezoneId: 'UTC' });
  await mounted(page, { feed: FASTPATH });
  assert.equal(await page.locator('#w .tt-subscribe').count(), 0);
  await mounted(page, { feed: FASTPATH, subscribe: 'https://seminar.example.org/talks.ics', locale: 'de-DE' });
  const toggle = page.locator('#w .tt-subscribe-toggle');
  assert.equal(await toggle.innerText(), 'Abonnieren');
  await toggle.click();
  assert.deepEqual((await hrefs(page)).map((h) => h[2]),
    ['Kalender-App auf diesem Gerät', 'Google Kalender', 'Outlook.com', 'Microsoft 365 (Arbeit oder Hochschule)']);
  await context.close();
});
