// axe-core (node_modules) inside the page and the widget's shadow root: no violation in
// each state a visitor meets: light and dark, a talk live now, a cancelled talk, an
// open calendar menu, hover and keyboard focus, pressed buttons, organiser accents
// (dark red, yellow, pale lilac) in light and dark, and a host that asks for one theme.
// The feed is the format's complete example, seen while its FlashAttention talk is on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { browserSession, openPage, ready, repoRoot } from './browser.mjs';

const session = browserSession();
const shots = `${repoRoot}test-results/a11y`;
const AXE = `${repoRoot}node_modules/axe-core/axe.min.js`;
// 15:30 PST = 23:30 UTC on 11 January 2023: 15 minutes into the live talk.
const FEED = { feed: '../../fixtures/docs-complete-example.json', now: '2023-01-11T23:45:00Z' };
const LIVE = '[data-talk-id="2023-01-11-tri-dao"]';

// Mounts FEED (with `options`) in a page whose host element gets `style`.
async function mounted({ colorScheme = 'light', style = '', options = {}, viewport } = {}) {
  const opened = await openPage(session.browser, { timezoneId: 'Europe/Berlin', colorScheme, viewport });
  await opened.page.goto(`${session.base}/tests/browser/pages/mount.html`);
  if (style) await opened.page.addStyleTag({ content: style });
  await opened.page.evaluate((o) => TalkTime.mount('#w', o), { ...FEED, ...options });
  await ready(opened.page);
  return opened;
}

// axe's violations ("rule: node: why"), and how many texts inside the shadow root it
// checked for contrast (axe names a node in a shadow root by a path: an array).
export async function axeResults(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations', 'passes'] });
    const violations = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}: ${n.failureSummary}`));
    const contrast = result.passes.find((p) => p.id === 'color-contrast');
    return { violations, shadowTextsChecked: contrast ? contrast.nodes.filter((n) => Array.isArray(n.target[0])).length : 0 };
  });
}

async function assertNoViolations(page, name) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
  const { violations, shadowTextsChecked } = await axeResults(page);
  assert.deepEqual(violations, [], name);
  assert.ok(shadowTextsChecked > 40, `${name}: axe checked ${shadowTextsChecked} texts in the shadow root`);
}

const ACCENTS = ['#8c1515', '#ffd200', '#e0e0ff'];
const STATES = [
  { name: 'light' },
  { name: 'dark', colorScheme: 'dark' },
  ...ACCENTS.flatMap((accent) => ['light', 'dark'].map((colorScheme) =>
    ({ name: `accent ${accent} ${colorScheme}`, colorScheme, style: `#w { --tt-accent: ${accent}; }` }))),
  { name: 'a light host in a dark browser (data-theme=light), accent #8c1515', colorScheme: 'dark',
    style: '#w { --tt-accent: #8c1515; }', options: { theme: 'light' } },
  { name: 'data-theme=dark in a light browser, accent #ffd200', style: '#w { --tt-accent: #ffd200; }', options: { theme: 'dark' } },
  { name: 'compact, dark', colorScheme: 'dark', options: { view: 'compact' } },
];

for (const state of STATES) {
  test(`axe: no violations, ${state.name} (a live talk, a cancelled one)`, async () => {
    const { page, context, errors } = await mounted(state);
    const host = page.locator('#w');
    // The states this page must show for the test to mean anything.
    assert.equal(await host.locator(`${LIVE} .tt-link-live`).innerText(), 'Watch live');
    assert.equal(await host.locator(`${LIVE} .tt-badge-live`).isVisible(), true);
    assert.equal(await host.locator('[data-status="cancelled"] .tt-title').count(), 1);
    assert.equal(await host.locator('.tt-toggle[aria-pressed="true"]').count(), 1);  // "All", filled with the accent
    await assertNoViolations(page, state.name);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe: no violations with an open calendar menu, hover and keyboard focus (${colorScheme}, accent #8c1515)`, async () => {
    const { page, context } = await mounted({ colorScheme, style: '#w { --tt-accent: #8c1515; }' });
    const host = page.locator('#w');
    await host.locator(`${LIVE} .tt-calendar summary`).click();
    assert.equal(await host.locator(`${LIVE} .tt-calendar a`).first().innerText(), 'Google Calendar');
    await host.locator(`${LIVE} .tt-star`).click();  // pressed: the star in the accent
    await assertNoViolations(page, `calendar menu open ${colorScheme}`);
    for (const target of [`${LIVE} .tt-link-live`, `${LIVE} .tt-title a`, '.tt-show .tt-button >> nth=0', `${LIVE} .tt-link >> nth=1`]) {
      await host.locator(target).hover();
      await assertNoViolations(page, `hover ${target} ${colorScheme}`);
    }
    await host.locator(`${LIVE} .tt-location a`).focus();
    await page.keyboard.press('Tab');  // the talk's toolbar, at the item used last: the star
    assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot.activeElement.className), 'tt-star');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot.activeElement.textContent), 'Watch live');
    await assertNoViolations(page, `focus on Watch live ${colorScheme}`);
    await context.close();
  });
}

test('the live link and badge are readable: text and fill differ by at least 4.5:1, as computed here', async () => {
  // axe's verdict, checked once by hand: contrast of the colours the browser computed.
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await mounted({ colorScheme, style: '#w { --tt-accent: #8c1515; }' });
    const pairs = await page.locator(`#w ${LIVE}`).evaluate((talk) => ['.tt-link-live', '.tt-badge-live', '.tt-shift, .tt-title a'].map((s) => {
      const e = talk.querySelector(s) || talk.querySelector('.tt-title a');
      const style = getComputedStyle(e);
      let back = e;
      while (back && getComputedStyle(back).backgroundColor === 'rgba(0, 0, 0, 0)') back = back.parentElement;
      return [style.color, back ? getComputedStyle(back).backgroundColor : 'rgb(255, 255, 255)'];
    }));
    for (const [fore, back] of pairs) assert.ok(contrast(fore, back) >= 4.5, `${colorScheme}: ${fore} on ${back}: ${contrast(fore, back).toFixed(2)}`);
    await context.close();
  }
});

// WCAG 2 contrast of two CSS colours as getComputedStyle gives them (rgb() or oklch()).
function contrast(a, b) {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(css) {
  const linear = toLinearSrgb(css).map((v) => Math.min(1, Math.max(0, v)));
  return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
}

function toLinearSrgb(css) {
  const numbers = css.match(/-?[\d.]+/g).map(Number);
  if (css.startsWith('rgb')) return numbers.slice(0, 3).map((v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
  if (!css.startsWith('oklch')) throw new Error('unexpected colour ' + css);
  // OKLCH -> OKLab -> LMS -> linear sRGB (Björn Ottosson's published matrices).
  const [L, C, h] = numbers;
  const a = C * Math.cos(h * Math.PI / 180), b = C * Math.sin(h * Math.PI / 180);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.2914855480 * b) ** 3;
  return [4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s, -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s];
}
