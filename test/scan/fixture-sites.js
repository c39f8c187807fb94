// @ts-check
/**
 * Fixture sites for the scanner's tests, each served by node:http on 127.0.0.1 (port 0).
 * The same server answers as a "third party" on http://localhost:<port>/tp/…: localhost is
 * another site than 127.0.0.1, as a tracker's domain is another than the shop's.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';

const DIST = new URL('../../dist/', import.meta.url);

/**
 * @typedef {object} Site
 * @property {string} origin   http://127.0.0.1:<port>
 * @property {string} thirdParty  http://localhost:<port>
 * @property {string[]} requests  paths asked for, in order
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {(ctx: { origin: string, thirdParty: string }) => Record<string, string | ((res: http.ServerResponse) => void)>} Pages
 */

/** A page that loads Samtykke as a real site does, with `config` in its JSON block. */
export const samtykkePage = (/** @type {string} */ title, /** @type {any} */ config, body = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="application/json" id="samtykke-config">${JSON.stringify(config)}</script>
<script src="/samtykke.js" defer></script>
</head><body><h1>${title}</h1>${body}</body></html>`;

/** A page without Samtykke. */
export const plainPage = (/** @type {string} */ title, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

/** A script that writes a cookie with `document.cookie` (`max-age` in seconds). */
export const cookieScript = (/** @type {string} */ name, maxAge = 63072000) =>
  `document.cookie = ${JSON.stringify(`${name}=1; path=/; max-age=${maxAge}; samesite=lax`)};`;

/**
 * Serves one site: its pages (path → HTML, or a handler), `/samtykke.js` and everything in
 * `dist/` from the built bundle, and any `/tp/*.js` the pages name as scripts.
 * @param {Pages} pages
 * @returns {Promise<Site>}
 */
export async function serveSite(pages) {
  /** @type {string[]} */
  const requests = [];
  /** @type {Record<string, string | ((res: http.ServerResponse) => void)>} */
  let routes = {};
  /** @type {Set<http.ServerResponse>} */
  const hanging = new Set();
  const server = http.createServer(async (req, res) => {
    const url = new URL(/** @type {string} */ (req.url), 'http://x');
    requests.push(url.pathname);
    const route = routes[`${req.headers.host?.startsWith('localhost') ? '//localhost' : ''}${url.pathname}`];
    if (typeof route === 'function') return route(res);
    if (typeof route === 'string') {
      const type = url.pathname.endsWith('.js') ? 'text/javascript' : url.pathname.endsWith('.xml') ? 'application/xml' : url.pathname.endsWith('.txt') ? 'text/plain' : 'text/html';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      return res.end(route);
    }
    const file = /^\/(?:dist\/)?(samtykke[\w.-]*\.js)$/.exec(url.pathname);
    if (file && !req.headers.host?.startsWith('localhost'))
      return readFile(new URL(file[1], DIST)).then(
        (body) => (res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }), res.end(body)),
        () => (res.writeHead(404), res.end()),
      );
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  server.on('request', (_req, res) => {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const origin = `http://127.0.0.1:${port}`;
  const thirdParty = `http://localhost:${port}`;
  routes = pages({ origin, thirdParty });
  return {
    origin,
    thirdParty,
    requests,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
