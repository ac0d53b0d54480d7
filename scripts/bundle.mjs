// Makes dist/ with esbuild (npm, pinned in package-lock.json): talktime.js, one
// minified IIFE of web/src/main.js and what it imports (the modules, the stylesheet as
// a string, the first-render module's Emscripten glue), so the page gains exactly one
// global, TalkTime; talktime.wasm, the first-render module; talktime-full.js and
// talktime-full.wasm, the full module web/src/full-module.js fetches on first use
// (its glue hands its factory over in a talktime:full-glue event: no global); and
// talktime.wasm.js and talktime-full.wasm.js (each module as base64 in a script, for
// pages opened from file://, where fetch is not allowed).
// usage: node bundle.mjs CORE.js FULL.js DIST_DIR   (Emscripten's glues, each .wasm beside it)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { minify } from 'terser';

const [core, full, dist] = process.argv.slice(2);
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
    const glues = { 'talktime:core-glue': [core, 'createTalkTimeCore'], 'talktime:full-glue': [full, 'createTalkTimeFull'] };
    build.onResolve({ filter: /^talktime:(core|full)-glue$/ }, (args) => ({ path: args.path, namespace: 'emscripten-glue' }));
    build.onLoad({ filter: /.*/, namespace: 'emscripten-glue' }, (args) => {
      const [file, factory] = glues[args.path];
      const text = readFileSync(file, 'utf8');
      const tail = text.search(/\nif \(typeof exports === 'object' && typeof module === 'object'\)/);
      if (tail < 0) throw new Error(`${file}: the UMD tail of Emscripten's glue was not found`);
      return { contents: 'let require;\n' + text.slice(0, tail) + `\nexport default ${factory};\n`, loader: 'js' };
    });
  }
};

// talktime-full.js: the full module's glue, which announces its factory to web/src/full-module.js.
const fullEntry = {
  name: 'full-entry',
  setup(build) {
    build.onResolve({ filter: /^talktime:full-entry$/ }, () => ({ path: 'full-entry', namespace: 'full-entry' }));
    build.onLoad({ filter: /.*/, namespace: 'full-entry' }, () => ({
      contents: "import create from 'talktime:full-glue';\n" +
        "document.dispatchEvent(new CustomEvent('talktime:full-glue', { detail: create }));\n",
      loader: 'js', resolveDir: root
    }));
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

// One minified IIFE of `entry`; terser (npm, pinned) compresses esbuild's output
// further: about 1.7 KB less gzip than esbuild alone, mostly in Emscripten's glue.
async function bundle(entry) {
  const result = await esbuild.build({
    entryPoints: [entry],
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
    plugins: [emscriptenGlue, cssAsText, fullEntry],
    write: false,
    logLevel: 'warning'
  });
  const minified = await minify(result.outputFiles[0].text, {
    ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: /^!/ }
  });
  return minified.code + '\n';
}

// A module's bytes, and the same as a script for file:// pages. No global: the bytes
// reach the loader through an event on the document (web/src/core.js, inlineWasm).
function writeWasm(glue, name) {
  const wasm = readFileSync(glue.replace(/\.js$/, '.wasm'));
  writeFileSync(`${dist}/${name}.wasm`, wasm);
  writeFileSync(`${dist}/${name}.wasm.js`,
    `document.dispatchEvent(new CustomEvent('talktime:wasm', { detail: ['${name}.wasm', '${wasm.toString('base64')}'] }));\n`);
}

mkdirSync(dist, { recursive: true });
writeFileSync(`${dist}/talktime.js`, await bundle(join(root, 'web/src/main.js')));
writeFileSync(`${dist}/talktime-full.js`, await bundle('talktime:full-entry'));
writeWasm(core, 'talktime');
writeWasm(full, 'talktime-full');
