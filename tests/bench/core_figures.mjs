// The core outside the browser: natively (build/native/tests/talktime_bench) and as
// WebAssembly under Node, through the loader's own boundary module (web/src/core.js), so
// the benchmark speaks the one wasm contract. Each returns { [talks]: figures }; a part
// that cannot run (a build without it, a changed contract) yields {} and a warning, so
// the browser figures are still written.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : NaN;
};

// { [talks]: {parseMs, perTalkUs, queryMs, renderPageMs, zoneStartupMs} }
export function nativeFigures(repoRoot, feeds, runs) {
  const exe = `${repoRoot}build/native/tests/talktime_bench`;
  try {
    const lines = execFileSync(exe, [String(runs), ...Object.values(feeds)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const byFile = Object.fromEntries(Object.entries(feeds).map(([n, file]) => [file, Number(n)]));
    return Object.fromEntries(lines.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [byFile[r.file], r]));
  } catch (error) {
    console.warn(`native benchmark not run: ${error.message.split('\n')[0]}`);
    return {};
  }
}

// { [talks]: {parseMs, perTalkUs, queryMs} } for the module web/src/core.js loads first.
export async function wasmFigures(repoRoot, feeds, runs) {
  const glue = `${repoRoot}build/wasm/talktime_core.js`;
  try {
    const { coreCalls } = await import('../../web/src/core.js');
    const create = createRequire(import.meta.url)(glue);
    const core = coreCalls(await create({ wasmBinary: readFileSync(glue.replace(/\.js$/, '.wasm')) }));
    const result = {};
    for (const [n, file] of Object.entries(feeds)) {
      const bytes = new Uint8Array(readFileSync(file));
      const parse = [], query = [];
      for (let r = 0; r < runs; r++) {
        let t = performance.now();
        const opened = core.openFeeds([{ name: 'bench', format: '', bytes }], { maxBytes: 1 << 30 });
        parse.push(performance.now() - t);
        t = performance.now();
        // The query alone: a render of no talks still searches, filters and counts them all.
        core.render(opened.handle, { text: 'memory', now: 1798761600, zone: 'America/New_York', limit: 0 });
        query.push(performance.now() - t);
        core.closeFeed(opened.handle);
      }
      result[n] = { parseMs: median(parse), perTalkUs: median(parse) * 1000 / Number(n), queryMs: median(query) };
    }
    return result;
  } catch (error) {
    console.warn(`wasm benchmark not run${existsSync(glue) ? '' : ` (${glue} is missing)`}: ${error.message.split('\n')[0]}`);
    return {};
  }
}

export { median };
