// Makes dist/talktime.js: the Emscripten module and the loader in one closure,
// so the page gains exactly one global (TalkTime). The stylesheet travels as a
// string and is applied as a constructable stylesheet (no inline <style>, so a
// strict style-src CSP is fine).
// usage: node bundle.mjs CORE.js LOADER.js STYLES.css OUT.js
import { readFileSync, writeFileSync } from 'node:fs';

const [core, loader, css, out] = process.argv.slice(2);
let coreText = readFileSync(core, 'utf8')
  // The UMD tail would export to a CommonJS `module` or AMD `define` of the host page.
  .replace(/\nif \(typeof exports === 'object'[\s\S]*$/, '\n');
// Emscripten 3.1.6 first tries fetch() on the inlined data: URL, which a strict
// connect-src policy reports as a violation before it falls back to decoding
// the base64 itself. Go straight to the decoding.
const fetchFirst = 'if(!wasmBinary&&(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER))';
if (!coreText.includes(fetchFirst)) throw new Error('bundle.mjs: Emscripten output changed; revisit the data: URL patch');
coreText = coreText.replace(fetchFirst, 'if(!wasmBinary&&!isDataURI(wasmBinaryFile)&&(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER))');
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
