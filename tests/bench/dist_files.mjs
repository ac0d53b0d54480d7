// What dist/ holds, file by file (bytes raw and gzip -9), grouped into modules (a
// .wasm with the .js of the same name) and zone sets (files named for zones), and the
// per-flag size effects, taken from docs/module-sizes.md when the build writes it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// [{file, raw, gzip}] sorted by name; [] when dist/ is missing.
export function distFiles(repoRoot) {
  const dist = join(repoRoot, 'dist');
  if (!existsSync(dist)) return [];
  return walk(dist).sort().map((path) => {
    const body = readFileSync(path);
    return { file: relative(dist, path), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

// The files that carry zone data of their own (a zone-set split), by name.
export const zoneSetFiles = (files) => files.filter((f) => /zone|tzdata/i.test(f.file));

// Modules: each .wasm with its glue or loader of the same stem (talktime.wasm + talktime.js).
export function modules(files) {
  const stem = (f) => f.file.replace(/\.wasm(\.js)?$|\.js$/, '');
  return files.filter((f) => f.file.endsWith('.wasm')).map((wasm) => {
    const parts = files.filter((f) => stem(f) === stem(wasm) && !f.file.endsWith('.wasm.js'));
    return { name: stem(wasm), files: parts.map((f) => f.file), raw: parts.reduce((s, f) => s + f.raw, 0), gzip: parts.reduce((s, f) => s + f.gzip, 0) };
  });
}

// docs/module-sizes.md without its title, or null.
export function moduleSizesDoc(repoRoot) {
  const path = join(repoRoot, 'docs/module-sizes.md');
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8').replace(/^# .*\n+/, '').replace(/^(#+) /gm, '#$1 ').trim();
}
