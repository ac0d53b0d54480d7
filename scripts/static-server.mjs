// A small static file server for the demo and the browser tests (loopback only).
// Serves the repository: / redirects to /web/; dist/, data/, web/ and tests/ are files.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ics': 'text/calendar; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

// Types worth compressing on the wire (images are compressed already).
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.ics', '.txt']);

// With `gzip`, a body the client accepts gzipped is sent with Content-Encoding: gzip, as
// a production server would (the benchmark's phone profile); each file is compressed
// once (level 6, the usual server default) and kept while its size and time are the same.
function gzipper() {
  const cache = new Map();
  return async (path, info, body) => {
    const key = `${path}:${info.size}:${info.mtimeMs}`;
    if (!cache.has(key)) cache.set(key, gzip(body, { level: 6 }));
    return cache.get(key);
  };
}

const acceptsGzip = (req) => /\bgzip\b/.test(req.headers['accept-encoding'] || '');

/**
 * Starts a server for `root`; `routes` maps a path to a handler (req, res) for
 * tests that need a misbehaving endpoint; `headers` are added to every file served (a test
 * that plays a CDN sends Access-Control-Allow-Origin); `gzip` compresses on the wire
 * when the client accepts it. Resolves to { server, url }.
 */
export function startStaticServer({ root, port = 0, host = '127.0.0.1', routes = {}, headers = {}, gzip: compress = false }) {
  const base = resolve(root);
  const gzipped = compress ? gzipper() : null;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (routes[url.pathname]) return routes[url.pathname](req, res);
    if (url.pathname === '/') {
      res.writeHead(302, { Location: '/web/' });
      return res.end();
    }
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(403);
      return res.end('forbidden');
    }
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path);
      }
      let body = await readFile(path);
      const fileHeaders = { 'Content-Type': types[extname(path)] || 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers };
      if (gzipped && compressible.has(extname(path))) {
        fileHeaders.Vary = 'Accept-Encoding';
        if (acceptsGzip(req)) {
          body = await gzipped(path, info, body);
          fileHeaders['Content-Encoding'] = 'gzip';
        }
      }
      res.writeHead(200, { ...fileHeaders, 'Content-Length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT || 8080);
  const root = new URL('..', import.meta.url).pathname;
  // GZIP=1 serves compressed bodies, as a production server would.
  startStaticServer({ root, port, gzip: process.env.GZIP === '1' }).then(({ url }) => {
    console.log(`talktime demo: ${url}/web/  (Ctrl-C to stop)`);
  }, (error) => {
    console.error(`could not listen on 127.0.0.1:${port}: ${error.message} (set PORT to use another port)`);
    process.exit(1);
  });
}
