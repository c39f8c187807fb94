// A tiny static server for the widget benchmark: the host pages, the built widget and the
// peer's files, on 127.0.0.1 at a random port. Nothing else is served, so a request the
// benchmark did not expect shows up as a 404 in the run's report instead of going unnoticed.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

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
 * Resolves to `{ origin, read(path), close(), misses }`; `misses` lists URLs not found.
 *
 * Each file is read once and then served from memory: others rebuild dist/ while a
 * benchmark runs, and every run must load the same bytes as the first one did.
 */
export async function startStaticServer(mounts, extra = {}) {
  const misses = [];
  const cache = new Map();
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
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const body = await read(path);
    if (body) {
      // Uncompressed over loopback; sizes are reported as gzip bytes computed separately.
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(body);
    } else miss(res, path);
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
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
