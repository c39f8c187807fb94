// A tiny static server for the widget benchmark: the host pages, the built widget and the
// peer's files, on 127.0.0.1 at a random port. Nothing else is served, so a request the
// benchmark did not expect shows up as a 404 in the run's report instead of going unnoticed.
//
// It serves the way a CDN does: text files gzip-encoded when the browser asks for it (gzip -9,
// so the bytes on the wire are the bytes the report counts), the pages revalidated on every
// navigation and every other file cacheable for an hour, so a returning view loads the
// widget's files from the browser's HTTP cache as a real returning visitor does.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Starts the server. `mounts` maps a URL prefix (`/dist/`) to a folder on disk;
 * `extra` maps single URL paths to a file name or to the bytes themselves (a Buffer).
 * Resolves to `{ origin, read(path), gzipSize(path), close(), misses }`; `read` gives a
 * path's bytes (or null), `gzipSize` the length of the gzip body served for it (0 if none),
 * and `misses` lists the URLs that were not found.
 *
 * Each file is read once and then served from memory: others rebuild dist/ while a
 * benchmark runs, and every run must load the same bytes as the first one did.
 */
export async function startStaticServer(mounts, extra = {}) {
  const misses = [];
  const cache = new Map();
  const gzipped = new Map();
  const read = async (path) => {
    const own = extra[path];
    if (Buffer.isBuffer(own)) return own;
    if (own) {
      if (!cache.has(own)) cache.set(own, readFile(own).catch(() => null));
      return cache.get(own);
    }
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    const file = prefix && normalize(join(mounts[prefix], path.slice(prefix.length)));
    // normalize() resolves "..": anything that climbs out of the mount is refused.
    if (!file || !file.startsWith(normalize(mounts[prefix]) + sep)) return null;
    if (!cache.has(file)) cache.set(file, readFile(file).catch(() => null));
    return cache.get(file);
  };
  const readGzipped = (path) => {
    if (!gzipped.has(path)) gzipped.set(path, read(path).then((body) => body && gzipSync(body, { level: 9 })));
    return gzipped.get(path);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const body = await read(path);
    if (!body) return miss(res, path);
    const type = TYPES[extname(path)] || 'application/octet-stream';
    const headers = {
      'content-type': type,
      'cache-control': path.endsWith('.html') ? 'no-cache' : 'public, max-age=3600',
      vary: 'accept-encoding',
    };
    const compress = type.startsWith('text/') && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    const sent = compress ? await readGzipped(path) : body;
    if (compress) headers['content-encoding'] = 'gzip';
    res.writeHead(200, { ...headers, 'content-length': sent.length });
    res.end(sent);
  });
  function miss(res, path) {
    if (path !== '/favicon.ico') misses.push(path);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    misses,
    read,
    gzipSize: async (path) => (await readGzipped(path))?.length ?? 0,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
