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
