// Makes dist/: talktime.js (the Emscripten glue and the loader in one closure, so
// the page gains exactly one global, TalkTime), talktime.wasm, and talktime.wasm.js
// (the module as base64 in a script, for pages opened from file://, where fetch is
// not allowed). The stylesheet travels as a string and is applied as a
// constructable stylesheet (no inline <style>, so a strict style-src CSP is fine).
// talktime.js is minified with terser (npm, pinned in package-lock.json): names
// inside the closure are shortened, property names and the one global are kept.
// usage: node bundle.mjs CORE.js LOADER.js STYLES.css DIST_DIR
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { minify } from 'terser';

const [core, loader, css, dist] = process.argv.slice(2);
const coreText = readFileSync(core, 'utf8')
  // The UMD tail would export to a CommonJS `module` or AMD `define` of the host page.
  .replace(/\nif \(typeof exports === 'object'[\s\S]*$/, '\n');
const wasm = readFileSync(core.replace(/\.js$/, '.wasm'));
const cssText = readFileSync(css, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();
const bundle = `/*! talktime: schedule widget in the viewer's time zone (MIT) */
(function () {
'use strict';
var TALKTIME_CSS = ${JSON.stringify(cssText)};
${coreText}
${readFileSync(loader, 'utf8')}
})();
`;
mkdirSync(dist, { recursive: true });
const minified = await minify(bundle, { ecma: 2017, compress: { passes: 2 }, mangle: true, format: { comments: /^!/ } });
writeFileSync(`${dist}/talktime.js`, minified.code + '\n');
writeFileSync(`${dist}/talktime.wasm`, wasm);
// No global: the bytes reach the loader through an event on the document.
writeFileSync(`${dist}/talktime.wasm.js`,
  `document.dispatchEvent(new CustomEvent('talktime:wasm', { detail: '${wasm.toString('base64')}' }));\n`);
