// @ts-check
/**
 * End to end in Chromium: the demo's widget logs each decision to the real service, and the
 * cookie page shows the visitor's own history from GET /api/consents/:consentId.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { backends } from './backends.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

for (const backend of backends) {
  describe(`demo cookie page with the consent log on ${backend.name}`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    /** @type {import('playwright-core').Browser} */
    let browser;
    let origin = '';

    before(async () => {
      assert.ok(existsSync(`${root}dist/samtykke.js`), 'dist/samtykke.js is missing: run `npx rollup -c` first');
      db = await backend.create();
      storage = await db.open();
      app = await buildApp({ storage, staticRoot: root });
      origin = await app.listen({ port: 0, host: '127.0.0.1' });
      browser = await chromium.launch({
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: ['--disable-background-networking', '--disable-component-update'],
      });
    });
    after(async () => {
      await browser?.close();
      await app?.close();
      await storage?.close();
      await db?.drop();
    });

    it('logs each decision and lists the visitor\'s own history, newest first, in Danish (COMPLIANCE 23, 25)', { timeout: 30_000 }, async () => {
      const page = await browser.newPage();
      /** @type {string[]} */
      const problems = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${origin}/demo/cookies.html`);
      const status = page.locator('#samtykke-history [data-history-status]');
      const items = page.locator('#samtykke-history [data-history-list] > li');
      await status.filter({ hasText: 'ikke truffet et valg' }).waitFor();

      const consentId = await page.evaluate(() => {
        const api = /** @type {any} */ (window).Samtykke;
        api.acceptAll();
        return api.getConsent().id;
      });
      await items.first().waitFor();
      assert.equal(await items.count(), 1);
      assert.match(await items.first().innerText(), /accepterede alle.*Statistik/i);

      await page.evaluate(() => /** @type {any} */ (window).Samtykke.withdraw());
      await page.waitForFunction(() => document.querySelectorAll('#samtykke-history [data-history-list] > li').length === 2);
      assert.match(await items.first().innerText(), /trak dit samtykke tilbage/i);

      const stored = await storage.history(consentId);
      assert.deepEqual(stored.map((r) => r.action), ['accept-all', 'withdraw']);
      assert.equal(stored[0].origin, origin);
      assert.equal(stored[0].uaFamily, 'Chrome');

      // The proof outlives the page: a reload reads the same history from the log.
      await page.reload();
      await page.waitForFunction(() => document.querySelectorAll('#samtykke-history [data-history-list] > li').length === 2);
      const datetimes = await items.locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
      assert.deepEqual(datetimes, stored.map((r) => r.receivedAt).reverse());
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}
