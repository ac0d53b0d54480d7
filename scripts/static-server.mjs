// A small static file server for the demo and the browser tests (loopback only).
// Serves the repository: / redirects to /web/; dist/, data/, web/ and tests/ are files.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ics': 'text/calendar; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server for `root`; `routes` maps a path to a handler (req, res) for
 * tests that need a misbehaving endpoint; `headers` are added to every file served (a test
 * that plays a CDN sends Access-Control-Allow-Origin). Resolves to { server, url }.
 */
export function startStaticServer({ root, port = 0, host = '127.0.0.1', routes = {}, headers = {} }) {
  const base = resolve(root);
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
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, { 'Content-Type': types[extname(path)] || 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers });
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
  startStaticServer({ root, port }).then(({ url }) => {
    console.log(`talktime demo: ${url}/web/  (Ctrl-C to stop)`);
  }, (error) => {
    console.error(`could not listen on 127.0.0.1:${port}: ${error.message} (set PORT to use another port)`);
    process.exit(1);
  });
}
