// @ts-check
/**
 * The demo is one site: the shop and its policy and cookie pages share one config and one
 * controller (demo data on example.dk, never a real company's), the policy shows that
 * controller with no "contact details missing" notice, the pages break no rule of the
 * service's strict CSP, and nothing on them moves while Samtykke's elements render.
 * Served by the real service with SQLite in a temporary directory; needs
 * `npm run build:bundles` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { openStorage } from '../../server/storage/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = ['index.html', 'privatlivspolitik.html', 'cookies.html'];

/** @param {string} file a demo page */
function pageConfig(file) {
  const html = readFileSync(join(root, 'demo', file), 'utf8');
  const block = html.match(/<script type="application\/json" id="samtykke-config">([\s\S]*?)<\/script>/);
  assert.ok(block, `demo/${file} has no #samtykke-config`);
  return JSON.parse(block[1]);
}

describe('the demo site', () => {
  const config = pageConfig('index.html');

  test('every page carries the same config, so one consent and one controller serve the whole site', () => {
    for (const file of PAGES.slice(1)) assert.deepEqual(pageConfig(file), config, `demo/${file} differs from demo/index.html`);
  });

  test('the controller is complete and visibly demo data (COMPLIANCE 27)', () => {
    const c = config.controller;
    for (const key of ['name', 'cvr', 'address', 'email', 'phone']) assert.ok(c[key]?.trim(), `controller.${key} is empty`);
    assert.match(c.name, /\(demo\)/);
    assert.match(c.email, /@example\.dk$/);
    assert.match(c.cvr, /^0{8}$/, 'a CVR number no company has');
  });

  test('each service is named once: no name repeats its provider or carries its own brackets', () => {
    for (const service of config.categories.flatMap((/** @type {any} */ c) => c.services ?? [])) {
      assert.ok(!service.name.includes(service.provider), `${service.id}: the name repeats the provider`);
      assert.ok(!/[()]/.test(service.name), `${service.id}: "${service.name}" has brackets of its own`);
    }
  });

  describe('in Chromium, served by the consent-log service', () => {
    /** @type {string} */
    let dataDir;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    /** @type {import('playwright-core').Browser} */
    let browser;
    let origin = '';

    before(async () => {
      assert.ok(existsSync(join(root, 'dist/samtykke.js')), 'dist/samtykke.js is missing: run `npm run build:bundles` first');
      dataDir = await mkdtemp(join(tmpdir(), 'samtykke-demo-'));
      storage = await openStorage({ dataDir });
      app = await buildApp({ storage, staticRoot: root });
      origin = await app.listen({ port: 0, host: '127.0.0.1' });
      browser = await chromium.launch({
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      });
    });

    after(async () => {
      await browser?.close();
      await app?.close();
      await storage?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    /**
     * A first view of a demo page; collects CSP violations and every layout shift from the
     * start (buffered), and returns once `ready` is visible.
     * @param {string} path
     * @param {string} ready a selector (piercing shadow roots) that shows the page has rendered
     * @param {{ width: number, height: number }} viewport
     */
    async function visit(path, ready, viewport) {
      const context = await browser.newContext({ viewport });
      await context.addInitScript(() => {
        const w = /** @type {any} */ (window);
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
        w.layoutShifts = [];
        /** "FOOTER", "SAMTYKKE-COOKIE-DECLARATION", "P#demo-statistik": enough to find what moved. */
        const describe = (/** @type {Element | null | undefined} */ node) => (node ? `${node.nodeName}${node.id ? `#${node.id}` : ''}` : '(gone)');
        new PerformanceObserver((list) => {
          for (const entry of /** @type {any[]} */ (list.getEntries()))
            if (!entry.hadRecentInput) w.layoutShifts.push({ value: entry.value, nodes: entry.sources.map((/** @type {any} */ s) => describe(s.node)) });
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      /** @type {string[]} */
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${origin}${path}`);
      await page.locator(ready).first().waitFor();
      await page.locator('samtykke-banner [part~="base"]').waitFor();
      // Two frames, so a shift caused by the last render has been reported.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      return { context, page, errors };
    }

    test('the policy page names the demo controller and has no "missing" notice (COMPLIANCE 27)', { timeout: 30_000 }, async () => {
      const { context, page, errors } = await visit('/demo/privatlivspolitik.html', 'samtykke-privacy-policy article h1', { width: 1280, height: 800 });
      try {
        assert.equal(await page.locator('samtykke-privacy-policy [part~="missing"]').count(), 0, 'a "contact details missing" notice is shown');
        const block = await page.locator('samtykke-privacy-policy #controller address').innerText();
        for (const value of Object.values(config.controller)) assert.ok(block.includes(value), `the controller block lacks ${value}: ${block}`);
        const mail = page.locator(`samtykke-privacy-policy a[href="mailto:${config.controller.email}"]`);
        assert.ok((await mail.count()) > 1, 'the contact sentences link the demo e-mail address');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    for (const [path, ready] of [
      ['/demo/', 'samtykke-banner [part~="base"]'],
      ['/demo/privatlivspolitik.html', 'samtykke-privacy-policy article h1'],
      ['/demo/cookies.html', 'samtykke-cookie-declaration table'],
    ])
      for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }, { width: 320, height: 568 }])
        test(`${path} at ${viewport.width}×${viewport.height}: nothing shifts as the widget renders, and the CSP is kept`, { timeout: 30_000 }, async () => {
          const { context, page, errors } = await visit(path, ready, viewport);
          try {
            const shifts = await page.evaluate(() => /** @type {any} */ (window).layoutShifts);
            assert.deepEqual(shifts, [], 'layout shifts while the page rendered');
            assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).cspViolations), []);
            assert.deepEqual(errors, []);
          } finally {
            await context.close();
          }
        });
  });
});
