// The npm package as an organiser gets it: `npm pack` of this tree, installed from the
// tarball into a throwaway static site, and loaded in Chromium the way a CDN serves it
// (another origin, the path npm's CDNs use: /npm/talktime@VERSION/dist/talktime.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, ready, idle, repoRoot } from '../browser/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const feedFile = join(repoRoot, 'data/stanford-mlsys-seminar.json');
const feed = JSON.parse(readFileSync(feedFile, 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'talktime-package-'));
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'],
                                        { cwd, encoding: 'utf8' });
let packed;
let browser;
const servers = [];

before(async () => {
  [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], repoRoot));
  const site = join(work, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'seminar-site', private: true }));
  npm(['install', '--offline', '--ignore-scripts', join(work, packed.filename)], site);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the built widget, the README and the licence, nothing else', () => {
  assert.equal(packed.name, 'talktime');
  assert.equal(packed.version, manifest.version);
  assert.deepEqual(packed.files.map((f) => f.path).sort(),
    ['LICENSE', 'README.md', 'dist/talktime-full.js', 'dist/talktime-full.wasm', 'dist/talktime-full.wasm.js',
      'dist/talktime.js', 'dist/talktime.wasm', 'dist/talktime.wasm.js', 'package.json']);
  for (const field of ['browser', 'unpkg', 'jsdelivr']) assert.equal(manifest[field], 'dist/talktime.js');
  assert.equal(manifest.exports['.'], './dist/talktime.js');
  assert.equal(manifest.private, undefined);
});

test('the package version and the feed format move together: major version = format version', () => {
  assert.equal(Number(manifest.version.split('.')[0]), manifest.talktimeFeedFormat);
  assert.equal(feed.talktime, manifest.talktimeFeedFormat);
});

// The site and the "CDN" on two origins: the widget must find its wasm next to its own
// script (not the page), over CORS, as it does from cdn.jsdelivr.net or unpkg.com.
async function serveSiteAndCdn(pageHtml) {
  const site = join(work, 'site');
  const cdnRoot = join(work, 'cdn');
  mkdirSync(join(cdnRoot, 'npm'), { recursive: true });
  try { symlinkSync(join(site, 'node_modules/talktime'), join(cdnRoot, 'npm', `talktime@${manifest.version}`)); } catch {}
  const cdn = await startStaticServer({ root: cdnRoot, headers: { 'Access-Control-Allow-Origin': '*' } });
  const pages = await startStaticServer({ root: site });
  servers.push(cdn.server, pages.server);
  copyFileSync(feedFile, join(site, 'talks.json'));
  writeFileSync(join(site, 'index.html'), pageHtml(`${cdn.url}/npm/talktime@${manifest.version}/${manifest.jsdelivr}`));
  return pages.url;
}

test('a static site loads the installed package from a CDN-style origin and shows every talk', async () => {
  const base = await serveSiteAndCdn((script) => `<!doctype html><html lang="en"><title>Seminar</title>
<h1>Systems seminar</h1><div id="w"><p><a href="talks.json">The schedule</a></p></div>
<script src="${script}" data-feed="talks.json" data-target="#w" data-timezone="Asia/Kolkata"></script>`);
  const { context, page, errors } = await openPage(browser, { timezoneId: 'Asia/Kolkata' });
  try {
    await page.goto(`${base}/index.html`);
    await ready(page, '#w');
    await idle(page, '#w');
    assert.equal(await page.locator('#w .tt-talk').count(), feed.talks.length);
    assert.equal(await page.evaluate(() => window.TalkTime.version), manifest.version);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
