// axe-core in Firefox (firefox-esr over WebDriver BiDi), in the page and the widget's
// shadow root, while a talk is live and another is cancelled. BiDi cannot switch
// prefers-color-scheme (firefox.mjs), so the dark colours are reached the way a host
// reaches them, with data-theme="dark"; both with the default and an organiser's accent.
// Firefox computes the accent-derived colours itself (relative colour syntax).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firefoxSession, openPage, ready, repoRoot, shots } from './firefox.mjs';

const session = firefoxSession();
const AXE = `${repoRoot}node_modules/axe-core/axe.min.js`;
const FEED = { feed: '../../fixtures/docs-complete-example.json', now: '2023-01-11T23:45:00Z' };

const CASES = [
  { name: 'light', options: {} },
  { name: 'dark', options: { theme: 'dark' } },
  { name: 'light, accent #8c1515', options: {}, accent: '#8c1515' },
  { name: 'dark, accent #8c1515', options: { theme: 'dark' }, accent: '#8c1515' },
  { name: 'dark, accent #ffd200', options: { theme: 'dark' }, accent: '#ffd200' },
];

for (const { name, options, accent } of CASES) {
  test(`Firefox, axe: no violations, ${name}`, async () => {
    const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Europe/Berlin' });
    await page.goto(`${session.base}/tests/browser/pages/mount.html`);
    if (accent) await page.addStyleTag({ content: `#w { --tt-accent: ${accent}; }` });
    await page.evaluate((o) => TalkTime.mount('#w', o), { ...FEED, ...options });
    await ready(page);
    const live = await page.$eval('#w', (h) => h.shadowRoot.querySelector('.tt-link-live')?.textContent);
    assert.equal(live, 'Watch live');
    await page.screenshot({ path: `${shots}/firefox-a11y-${name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations', 'passes'] });
      const contrast = r.passes.find((p) => p.id === 'color-contrast');
      return {
        violations: r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}: ${n.failureSummary}`)),
        shadowTexts: contrast ? contrast.nodes.filter((n) => Array.isArray(n.target[0])).length : 0,
      };
    });
    assert.deepEqual(result.violations, []);
    assert.ok(result.shadowTexts > 40, `axe checked ${result.shadowTexts} texts in the shadow root`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
