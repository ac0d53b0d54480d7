#!/usr/bin/env node
// Takes the README's screenshots from the built dist/ in headless Chromium: a workshop
// day (FastPath 2021 in Berlin time beside the event's New York time, its first talk
// live) and a single-talk page (the faculty candidate's seminar seen from Kolkata).
//
//     node scripts/readme-screenshots.mjs     # writes docs/images/screenshot.png and talk-page.png
import { launchBrowser, openPage, ready, serveRepo, repoRoot } from '../tests/browser/browser.mjs';

const shots = [
  { file: 'screenshot.png', feed: '../../../data/fastpath-2021.json', now: '2021-03-28T15:00:00Z',
    timezoneId: 'Europe/Berlin', viewport: { width: 1000, height: 1300 } },
  { file: 'talk-page.png', feed: '../../../data/cds-faculty-candidate-2025.json', now: '2025-01-10T00:00:00Z',
    timezoneId: 'Asia/Kolkata', viewport: { width: 900, height: 900 } }
];

const { server, url } = await serveRepo();
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const { page, context } = await openPage(browser, { timezoneId: shot.timezoneId, viewport: shot.viewport });
    await page.goto(`${url}/tests/browser/pages/mount.html`);
    await page.evaluate(({ feed, now }) => TalkTime.mount('#w', { feed, now, hour12: false }), shot);
    await ready(page, '#w');
    await page.locator('#w').screenshot({ path: `${repoRoot}/docs/images/${shot.file}` });
    console.log(`docs/images/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
