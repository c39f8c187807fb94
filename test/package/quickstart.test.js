// @ts-check
/**
 * The README's quick start, taken from README.md as a site owner would copy it: the html
 * block under "Quick start", served as a page of a site with the built dist/ at /samtykke/
 * and /api/ passed to the real consent log (SQLite in a temporary folder). In
 * Chromium the banner must show, nothing gated may run before a choice, and an accept-all
 * must run the gated scripts and reach the log as one event for the cookie's consent ID.
 * Needs `npm run build` first (the test fails naming what is missing).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { openStorage } from '../../server/storage/index.js';
import { integrityOf } from '../../build/sri.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');

/**
 * The first ```html block after the "## Quick start" heading, and before the next `## `.
 * @param {string} markdown
 */
function quickStartSnippet(markdown) {
  const start = markdown.search(/^## Quick start\s*$/m);
  assert.notEqual(start, -1, 'README.md has no "## Quick start" heading');
  const rest = markdown.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end === -1 ? rest : rest.slice(0, end);
  const block = /^```html\n([\s\S]*?)^```/m.exec(section);
  assert.ok(block, 'the quick start has no ```html block');
  return block[1];
}

/** The page a site owner would have: their own markup with the snippet pasted in. */
const pageWith = (snippet, scriptTag = null) => {
  const html = scriptTag ? snippet.replace(/<script src="\/samtykke\/samtykke\.js" defer><\/script>/, scriptTag) : snippet;
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Nordlys Kaffe</title></head>
<body><main><h1>Nordlys Kaffe</h1><p>Friskristet kaffe fra Aarhus.</p></main>
${html}</body></html>`;
};

/** Stand-ins for the third-party scripts the snippet gates: each records that it ran. */
const THIRD_PARTY = {
  'https://www.googletagmanager.com/': 'ga4',
  'https://connect.facebook.net/': 'meta-pixel',
};

describe('the README quick start in Chromium with the real consent log', () => {
  /** @type {string} */
  let snippet;
  /** @type {string} */
  let dataDir;
  /** @type {Awaited<ReturnType<typeof openStorage>>} */
  let storage;
  /** @type {import('fastify').FastifyInstance} */
  let app;
  /** @type {http.Server} */
  let site;
  /** @type {import('playwright-core').Browser} */
  let browser;
  let origin = '';
  /** @type {Record<string, string>} path → HTML */
  const pages = {};

  before(async () => {
    assert.ok(existsSync(join(dist, 'samtykke.js')), 'dist/samtykke.js is missing: run `npm run build` first');
    snippet = quickStartSnippet(readFileSync(join(root, 'README.md'), 'utf8'));
    assert.match(snippet, /<script src="\/samtykke\/samtykke\.js" defer><\/script>/, 'the snippet loads /samtykke/samtykke.js, which this test serves');
    dataDir = mkdtempSync(join(tmpdir(), 'samtykke-quickstart-'));
    storage = await openStorage({ dataDir });
    app = await buildApp({ storage, rateLimit: false });
    const log = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
    // The site: its pages, dist/ copied to /samtykke/ as step 1 says, and /api/ passed to the
    // log the way a reverse proxy does (keeping the Host header), as step 4 says.
    site = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://site');
      if (url.pathname.startsWith('/api/')) {
        const upstream = http.request(
          { host: log.hostname, port: log.port, method: request.method, path: request.url, headers: request.headers },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        upstream.on('error', () => response.writeHead(502).end());
        request.pipe(upstream);
        return;
      }
      const file = url.pathname.startsWith('/samtykke/') ? join(dist, basename(url.pathname)) : null;
      if (file && existsSync(file)) {
        response.writeHead(200, { 'content-type': file.endsWith('.json') ? 'application/json' : 'text/javascript' });
        response.end(readFileSync(file));
      } else if (pages[url.pathname.slice(1)] !== undefined) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(pages[url.pathname.slice(1)]);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = site.address();
    assert.ok(address && typeof address === 'object');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (site ? site.close(() => resolve(undefined)) : resolve(undefined)));
    await app?.close();
    await storage?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A fresh visitor on `path`, with the third parties answered by stand-ins. */
  async function visit(path) {
    const context = await browser.newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    for (const [prefix, id] of Object.entries(THIRD_PARTY))
      await page.route(`${prefix}**`, (route) =>
        route.fulfill({ contentType: 'text/javascript', body: `(window.ran = window.ran || []).push(${JSON.stringify(id)});` }),
      );
    await page.goto(origin + path);
    return { context, page, errors };
  }

  test('a new visitor sees the banner, and accept-all runs the gated scripts and reaches the log once (COMPLIANCE 1, 23)', { timeout: 60_000 }, async () => {
    pages['shop.html'] = pageWith(snippet);
    const { context, page, errors } = await visit('/shop.html');
    try {
      const accept = page.getByRole('button', { name: 'Accepter alle' });
      await accept.waitFor({ state: 'visible', timeout: 15_000 });
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).ran ?? []), [], 'nothing gated runs before a choice');

      await accept.click();
      await page.waitForFunction(() => (/** @type {any} */ (window).ran ?? []).length === 2, null, { timeout: 10_000 });
      assert.deepEqual((await page.evaluate(() => /** @type {any} */ (window).ran)).sort(), ['ga4', 'meta-pixel']);

      const cookie = (await context.cookies()).find((c) => c.name === 'samtykke');
      assert.ok(cookie, 'the consent cookie is written');
      const consentId = JSON.parse(decodeURIComponent(cookie.value)).id;
      const deadline = Date.now() + 10_000;
      let history = await storage.history(consentId);
      while (history.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        history = await storage.history(consentId);
      }
      assert.equal(history.length, 1, 'the log holds one event for this consent ID');
      assert.equal(history[0].action, 'accept-all');
      assert.deepEqual(
        Object.keys(history[0].services).sort(),
        ['ga4', 'meta-pixel'],
        'the event names the services of the snippet',
      );
      assert.deepEqual(errors, [], 'no console errors: the snippet is a valid config');
    } finally {
      await context.close();
    }
  });

  test('with the integrity value the build prints, the banner still shows; with a wrong one the browser refuses the file', { timeout: 60_000 }, async () => {
    const integrity = integrityOf(dist)['samtykke.js'];
    pages['pinned.html'] = pageWith(snippet, `<script src="/samtykke/samtykke.js" integrity="${integrity}" defer></script>`);
    const pinned = await visit('/pinned.html');
    try {
      await pinned.page.getByRole('button', { name: 'Accepter alle' }).waitFor({ state: 'visible', timeout: 15_000 });
    } finally {
      await pinned.context.close();
    }

    const wrong = `sha384-${Buffer.alloc(48, 1).toString('base64')}`;
    pages['tampered.html'] = pageWith(snippet, `<script src="/samtykke/samtykke.js" integrity="${wrong}" defer></script>`);
    const tampered = await visit('/tampered.html');
    try {
      await tampered.page.waitForLoadState('load');
      await tampered.page.waitForTimeout(500);
      assert.equal(await tampered.page.evaluate(() => 'Samtykke' in window), false, 'a file that does not match its integrity never runs');
      assert.ok(tampered.errors.some((e) => /integrity/i.test(e)), `the browser names the integrity failure: ${tampered.errors.join(' | ')}`);
    } finally {
      await tampered.context.close();
    }
  });

  test('dist/sri.json, written by the build, lists every script in dist/ with its value', () => {
    const file = join(dist, 'sri.json');
    assert.ok(existsSync(file), 'dist/sri.json is missing: `npm run build` ends with `node build/sri.mjs`');
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), integrityOf(dist));
  });
});
