// Shared set-up for browser tests: Debian's Chromium driven by playwright-core,
// and the repository served on a loopback port.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../scripts/static-server.mjs';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs });
}

export function serveRepo(routes = {}) {
  return startStaticServer({ root: repoRoot, routes });
}

/** A page in a fresh context with the browser's zone set, logging page errors into `errors`. */
export async function openPage(browser, { timezoneId, viewport = { width: 1100, height: 900 }, colorScheme = 'light', locale = 'en-GB' } = {}) {
  const context = await browser.newContext({ timezoneId, viewport, colorScheme, locale });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/**
 * Waits until every widget matching `selector` (at least one) has finished loading, then fails
 * unless all of them are 'ready': a test that expects a schedule must not pass on an error box.
 */
export async function ready(page, selector = '[data-talktime-state]') {
  await page.waitForFunction((s) => {
    const hosts = [...document.querySelectorAll(s)];
    return hosts.length > 0 && hosts.every((e) => ['ready', 'error'].includes(e.dataset.talktimeState));
  }, selector, { timeout: 15000 });
  const notReady = await page.$$eval(selector, (hosts) => hosts.filter((h) => h.dataset.talktimeState !== 'ready')
    .map((h) => `#${h.id} is ${h.dataset.talktimeState}: ${h.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? ''}`));
  if (notReady.length) throw new Error(notReady.join('\n'));
}

/**
 * Waits until the widget at `host` has every talk of its view in the document: the list
 * renders a screenful at once and the rest while the page is idle (aria-busy meanwhile).
 */
export function idle(page, host = '#w') {
  return page.waitForFunction((h) => {
    const list = document.querySelector(h)?.shadowRoot?.querySelector('.tt-list');
    return !!list && !list.hasAttribute('aria-busy');
  }, host, { timeout: 60000 });
}

/** The ids of the talks a widget shows, in order. */
export function shownTalkIds(page, host = '#w') {
  return page.locator(`${host} .tt-talk:not([hidden])`).evaluateAll((items) => items.map((e) => e.dataset.talkId));
}

/** Chromium and the repository's server for one test file, started before its tests
 * and stopped after them: `session.browser` and `session.base` (the server's URL). */
export function browserSession(routes = {}) {
  const session = { browser: null, server: null, base: '' };
  before(async () => {
    session.browser = await launchBrowser();
    ({ server: session.server, url: session.base } = await serveRepo(routes));
  });
  after(async () => {
    await session.browser?.close();
    session.server?.close();
  });
  return session;
}
