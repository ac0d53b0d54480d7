// Shared set-up for the Firefox tests: Debian's firefox-esr, headless, driven over WebDriver
// BiDi by puppeteer-core (no CDP: Firefox has none), and the repository served on a loopback
// port as for the Chromium tests. What BiDi gives and what it does not, as found with
// firefox-esr 153 and puppeteer-core 24:
//   - page.emulateTimezone (emulation.setTimezoneOverride) works per page: the viewer's zone.
//   - page.setViewport, page.screenshot, page.pdf (browsingContext.print), typing and clicks work.
//   - page.emulateMediaType and page.emulateMediaFeatures need CDP and throw, so print media is
//     seen only in page.pdf's output, and prefers-color-scheme cannot be switched.
//   - There is no locale option: the locale is the launched browser's own. intl.locale.requested
//     alone changes nothing (Debian's build carries only en-US), so the browser gets the locale
//     as a visitor's system gives it: LANG/LC_ALL, with Firefox set to format dates, times and
//     numbers by the system's regional settings (intl.regional_prefs.use_os_locales), and
//     intl.accept_languages for navigator.languages. One browser per locale, a fresh profile each.
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const shots = `${repoRoot}test-results`;

/** Firefox in `locale` (a BCP 47 tag with a region, such as 'de-DE'); its own zone is UTC. */
export function launchFirefox({ locale = 'en-GB' } = {}) {
  const posix = `${locale.replace('-', '_')}.UTF-8`;
  const language = locale.split('-')[0];
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: true,
    // puppeteer makes a new temporary profile for each launch and removes it on close.
    env: { ...process.env, TZ: 'UTC', LANG: posix, LC_ALL: posix, LANGUAGE: language },
    extraPrefsFirefox: {
      'intl.accept_languages': `${locale}, ${language}`,
      'intl.locale.requested': locale,
      'intl.regional_prefs.use_os_locales': true,
    },
  });
}

/**
 * A page in a fresh browsing context (its own storage) with the viewer's zone set, logging
 * page errors and the page's Content-Security-Policy violations into `errors`.
 */
export async function openPage(browser, { timezoneId = 'UTC', viewport = { width: 1100, height: 900 } } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.exposeFunction('__ttViolation', (text) => errors.push(text));
  await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation',
    (e) => window.__ttViolation(`CSP ${e.violatedDirective} blocked ${e.blockedURI}`)));
  await page.setViewport(viewport);
  await page.emulateTimezone(timezoneId);
  return { context, page, errors };
}

/**
 * Waits until every widget matching `selector` (at least one) has finished loading, then fails
 * unless all of them are 'ready', as tests/browser/browser.mjs does.
 */
export async function ready(page, selector = '[data-talktime-state]') {
  await page.waitForFunction((s) => {
    const hosts = [...document.querySelectorAll(s)];
    return hosts.length > 0 && hosts.every((e) => ['ready', 'error'].includes(e.dataset.talktimeState));
  }, { timeout: 15000 }, selector);
  const notReady = await page.$$eval(selector, (hosts) => hosts.filter((h) => h.dataset.talktimeState !== 'ready')
    .map((h) => `#${h.id} is ${h.dataset.talktimeState}: ${h.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? ''}`));
  if (notReady.length) throw new Error(notReady.join('\n'));
}

/** The talks a widget shows, in order: [{id, title}]. */
export function shownTalks(page, host = '#w') {
  return page.$eval(host, (h) => [...h.shadowRoot.querySelectorAll('.tt-talk:not([hidden])')]
    .map((e) => ({ id: e.dataset.talkId, title: e.querySelector('.tt-title').textContent })));
}

/** The text of the first element matching `selector` in the widget at `host`, spaces collapsed. */
export function widgetText(page, host, selector) {
  return page.$eval(host, (h, s) => h.shadowRoot.querySelector(s)?.textContent.replace(/\s+/g, ' ').trim() ?? null, selector);
}

/** {talk id: [start's datetime attribute, the day it is listed under]} for every talk of a widget. */
export function startsByTalk(page, host = '#w') {
  return page.$eval(host, (h) => Object.fromEntries([...h.shadowRoot.querySelectorAll('.tt-talk')]
    .map((e) => [e.dataset.talkId, [e.querySelector('time').getAttribute('datetime'), e.closest('.tt-day').dataset.day]])));
}

/** Firefox (in `locale`) and the repository's server for one test file: `session.browser`, `session.base`. */
export function firefoxSession({ locale } = {}) {
  const session = { browser: null, server: null, base: '' };
  before(async () => {
    mkdirSync(shots, { recursive: true });
    session.browser = await launchFirefox({ locale });
    ({ server: session.server, url: session.base } = await startStaticServer({ root: repoRoot }));
  });
  after(async () => {
    await session.browser?.close();
    session.server?.close();
  });
  return session;
}
