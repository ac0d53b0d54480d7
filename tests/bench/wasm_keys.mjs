// A keystroke's and a zone switch's core time in WebAssembly (Node): the render call the
// widget makes for the first screen of a list in parts ({parts: true, limit: 12}),
// renderText included, for each prefix of "memory" typed and deleted, and a later part.
// Usage: node tests/bench/wasm_keys.mjs FEED.json... (feeds from make_feed.mjs)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coreCalls } from '../../web/src/core.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const create = require(`${repoRoot}build/wasm/talktime_core.js`);
const core = coreCalls(await create({ wasmBinary: readFileSync(`${repoRoot}build/wasm/talktime_core.wasm`) }));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const timed = (run) => {
  const t = performance.now();
  run();
  return performance.now() - t;
};
// About the size of the widget's renderText (web/src/i18n/): the request carries it each time.
const renderText = { months: Array(12).fill('Month'), weekdays: Array(7).fill('Day'), upcoming: 'Upcoming', past: 'Past' };
const typed = ['m', 'me', 'mem', 'memo', 'memor', 'memory', 'memor', 'memo', 'mem', 'me', 'm', ''];
const zones = ['Asia/Kolkata', 'Europe/Berlin', 'Australia/Sydney', 'America/Sao_Paulo', 'Pacific/Auckland', 'Asia/Tokyo'];
for (const file of process.argv.slice(2)) {
  const opened = core.openFeeds([{ name: 'bench', format: '', bytes: new Uint8Array(readFileSync(file)) }], { maxBytes: 1 << 30 });
  const request = (text, zone) => ({ text, zone, now: 1798761600, renderText, parts: true, limit: 12 });
  core.render(opened.handle, request('', 'America/New_York'));  // the first render, as ready shows it
  const keys = [], switches = [], parts = [];
  for (let r = 0; r < 5; r++) {
    keys.push(Math.max(...typed.map((text) => timed(() => core.render(opened.handle, request(text, 'America/New_York'))))));
    switches.push(timed(() => core.render(opened.handle, request('', zones[r]))));
    for (let k = 0; k < 20; k++) parts.push(timed(() => core.render(opened.handle, { more: true, limit: 10 })));
  }
  console.log(JSON.stringify({ file, talks: opened.meta.talkCount, keystrokeMs: +median(keys).toFixed(3),
    zoneSwitchMs: +median(switches).toFixed(3), partMs: +median(parts).toFixed(3) }));
  core.closeFeed(opened.handle);
}
