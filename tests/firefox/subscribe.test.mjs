// The Subscribe menu (data-subscribe) in Firefox: the exact links, Escape handing the
// focus back to the button, and axe-core finding nothing wrong with the open menu,
// light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firefoxSession, openPage, ready, repoRoot, shots } from './firefox.mjs';

const session = firefoxSession();
const AXE = `${repoRoot}node_modules/axe-core/axe.min.js`;
const ICS = 'https%3A%2F%2Fseminar.example.org%2Ftalks.ics';

for (const theme of ['light', 'dark']) {
  test(`Firefox: the Subscribe menu's links, Escape and axe, ${theme}`, async () => {
    const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Asia/Kolkata' });
    await page.goto(`${session.base}/tests/browser/pages/mount.html`);
    // The feed's title is "Systems Reading Seminar".
    await page.evaluate((t) => TalkTime.mount('#w', { feed: '../../fixtures/docs-complete-example.json',
      subscribe: 'https://seminar.example.org/talks.ics', theme: t }), theme);
    await ready(page);
    const toggle = await page.evaluateHandle(() => document.querySelector('#w').shadowRoot.querySelector('.tt-subscribe-toggle'));
    await toggle.focus();
    await page.keyboard.press('Enter');
    const links = await page.$eval('#w', (h) => [...h.shadowRoot.querySelectorAll('.tt-subscribe-menu a')].map((a) => a.getAttribute('href')));
    assert.deepEqual(links, [
      'webcal://seminar.example.org/talks.ics',
      'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fseminar.example.org%2Ftalks.ics',
      `https://outlook.live.com/calendar/0/addfromweb?url=${ICS}&name=Systems%20Reading%20Seminar`,
      `https://outlook.office.com/calendar/0/addfromweb?url=${ICS}&name=Systems%20Reading%20Seminar`
    ]);
    await page.screenshot({ path: `${shots}/firefox-subscribe-${theme}.png` });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`)));
    assert.deepEqual(violations, []);
    await page.keyboard.press('Escape');
    assert.deepEqual(await page.$eval('#w', (h) => [h.shadowRoot.activeElement?.className,
      h.shadowRoot.querySelector('.tt-subscribe-toggle').getAttribute('aria-expanded'),
      h.shadowRoot.querySelector('.tt-subscribe-panel').hidden]), ['tt-button tt-subscribe-toggle', 'false', true]);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
