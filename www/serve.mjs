// A tiny static server for the www demo (and the speed benchmark and the browser tests), on
// 127.0.0.1 only.
//
// The demo's URLs mirror the repository's layout, so its relative paths (`../extension/lib/...`,
// `../tests/fixtures/...`) work here and on any static host that serves the repository root.
// Only the folders mounted are served: nothing else of the checkout (target/, .git) is exposed.
//
//   node www/serve.mjs [PORT]     serve until interrupted, printing the demo's URL

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The demo's folders, relative to the repository root, each served at `/<folder>/`. */
const DEMO_FOLDERS = [
  'www',
  'extension/lib',
  'tests/fixtures',
  'tests/bench',
  'tests/node_modules/@mozilla/readability',
];
const DEMO_MOUNTS = DEMO_FOLDERS.map((folder) => [`/${folder}/`, path.join(ROOT, folder)]);

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/plain; charset=utf-8',
};

/**
 * The charset an HTML file's bytes are in, as its origin server would have said: a corpus page's
 * `expected.json` names it when it is not UTF-8 (the GB18030 netease pages); otherwise UTF-8.
 */
async function charsetOf(file) {
  try {
    const expected = JSON.parse(await readFile(path.join(path.dirname(file), 'expected.json'), 'utf8'));
    return typeof expected.encoding === 'string' ? expected.encoding.toLowerCase() : 'utf-8';
  } catch {
    return 'utf-8';
  }
}

/** The file a URL path names in `mounts`, or null when it is outside the mounted folders. */
function fileFor(pathname, mounts) {
  const normal = path.posix.normalize(pathname);
  const mount = mounts.find(([prefix]) => normal.startsWith(prefix));
  if (!mount) return null;
  const [prefix, folder] = mount;
  const file = path.join(folder, normal.slice(prefix.length));
  return file.startsWith(folder) ? file : null;
}

/**
 * Start serving; resolves to { origin, close }. `mounts`: [URL prefix ending in `/`, absolute
 * folder] pairs, the demo's by default. `headers(pathname)` may add response headers (the
 * benchmark uses it to keep the fixture pages' own scripts from running, the browser tests to
 * send pages with a strict CSP).
 */
export async function startServer({ port = 0, mounts = DEMO_MOUNTS, headers = () => ({}) } = {}) {
  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (mounts === DEMO_MOUNTS && (pathname === '/' || pathname === '/www')) {
      res.writeHead(302, { Location: '/www/' }).end(); // the demo's front door
      return;
    }
    let file = fileFor(pathname, mounts);
    if (file && pathname.endsWith('/')) file = path.join(file, 'index.html');
    const info = file && (await stat(file).catch(() => null));
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const ext = path.extname(file);
    let type = TYPES[ext] ?? 'application/octet-stream';
    if (ext === '.html') type += `; charset=${await charsetOf(file)}`;
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers(pathname) });
    res.end(await readFile(file));
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address();
  return { origin: `http://127.0.0.1:${bound}`, close: () => new Promise((r) => server.close(r)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const { origin } = await startServer({ port });
  console.log(`Lucid demo: ${origin}/www/   (Ctrl-C to stop)`);
}
