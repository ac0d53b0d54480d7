// Makes dist/talktime.js: the Emscripten module and the loader in one closure,
// so the page gains exactly one global (TalkTime). The stylesheet travels as a
// string and is applied as a constructable stylesheet (no inline <style>, so a
// strict style-src CSP is fine).
// usage: node bundle.mjs CORE.js LOADER.js STYLES.css OUT.js
import { readFileSync, writeFileSync } from 'node:fs';

const [core, loader, css, out] = process.argv.slice(2);
const coreText = readFileSync(core, 'utf8')
  // The UMD tail would export to a CommonJS `module` or AMD `define` of the host page.
  .replace(/\nif \(typeof exports === 'object'[\s\S]*$/, '\n');
const cssText = readFileSync(css, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();
const bundle = `/*! talktime: schedule widget, https://github.com/ (MIT) */
(function () {
'use strict';
var TALKTIME_CSS = ${JSON.stringify(cssText)};
${coreText}
${readFileSync(loader, 'utf8')}
})();
`;
writeFileSync(out, bundle);
