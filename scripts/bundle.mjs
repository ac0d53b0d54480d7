// Makes dist/ with esbuild (npm, pinned in package-lock.json): talktime.js, one
// minified IIFE of web/src/main.js and what it imports (the modules, the stylesheet as
// a string, Emscripten's glue), so the page gains exactly one global, TalkTime;
// talktime.wasm; and talktime.wasm.js (the module as base64 in a script, for pages
// opened from file://, where fetch is not allowed).
// usage: node bundle.mjs CORE.js DIST_DIR   (CORE.js: Emscripten's glue, CORE.wasm beside it)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { minify } from 'terser';

const [core, dist] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// README.md: "Chrome/Edge 90+, Firefox 90+, Safari 15+".
const target = ['chrome90', 'firefox90', 'safari15'];

// `import … from 'talktime:core-glue'` is Emscripten's glue (-sMODULARIZE), which
// declares createTalkTimeCore as a script would; here it exports it instead. Its UMD
// tail is dropped: it would hand the factory to the host page's CommonJS `module` or
// AMD `define`. Its Node branch calls require('fs'), which a browser never reaches: a
// local `require` keeps esbuild from bundling fs or adding a require shim.
const emscriptenGlue = {
  name: 'emscripten-glue',
  setup(build) {
    build.onResolve({ filter: /^talktime:core-glue$/ }, () => ({ path: core, namespace: 'emscripten-glue' }));
    build.onLoad({ filter: /.*/, namespace: 'emscripten-glue' }, () => {
      const text = readFileSync(core, 'utf8');
      const tail = text.search(/\nif \(typeof exports === 'object' && typeof module === 'object'\)/);
      if (tail < 0) throw new Error(`${core}: the UMD tail of Emscripten's glue was not found`);
      return { contents: 'let require;\n' + text.slice(0, tail) + '\nexport default createTalkTimeCore;\n', loader: 'js' };
    });
  }
};

// Stylesheets are imported as minified text, applied by web/src/dom.js as a constructable sheet.
const cssAsText = {
  name: 'css-as-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const css = await esbuild.transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true, target });
      return { contents: css.code.trim(), loader: 'text' };
    });
  }
};

const result = await esbuild.build({
  entryPoints: [join(root, 'web/src/main.js')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target,
  minify: true,
  charset: 'utf8',
  // The glue also runs under Node and in workers (tests/wasm uses it there); this
  // bundle runs in a page only, so those branches are dropped.
  define: { process: 'undefined', __filename: 'undefined', __dirname: 'undefined', importScripts: 'undefined',
    __TALKTIME_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  legalComments: 'none',
  banner: { js: "/*! talktime: schedule widget in the viewer's time zone (MIT) */" },
  plugins: [emscriptenGlue, cssAsText],
  write: false,
  logLevel: 'warning'
});
// terser (npm, pinned) compresses esbuild's output further: about 1.7 KB less gzip
// than esbuild alone, mostly in Emscripten's glue.
const minified = await minify(result.outputFiles[0].text, {
  ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: /^!/ }
});
mkdirSync(dist, { recursive: true });
writeFileSync(`${dist}/talktime.js`, minified.code + '\n');
const wasm = readFileSync(core.replace(/\.js$/, '.wasm'));
writeFileSync(`${dist}/talktime.wasm`, wasm);
// No global: the bytes reach the loader through an event on the document.
writeFileSync(`${dist}/talktime.wasm.js`,
  `document.dispatchEvent(new CustomEvent('talktime:wasm', { detail: '${wasm.toString('base64')}' }));\n`);
