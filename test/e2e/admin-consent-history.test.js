// @ts-check
/**
 * End to end in Chromium: the demo's cookie page (dist/samtykke.js and dist/samtykke-policy.js
 * under the service's CSP) logs each decision to the real service, and
 * `<samtykke-consent-history>` lists the visitor's own history from GET /api/consents/:id, in
 * every state: no choice, the list, the log unreachable and back, a log that disagrees with the
 * cookie, an ID the log does not know, and a site without a log. Needs the bundles built
 * (`npm run build:bundles`).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { backends, sampleEvent } from '../server/backends.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STATE = 'samtykke-consent-history >> [part=base]';
const ITEMS = 'samtykke-consent-history >> [part=item]';

/** The demo's config without an endpoint: a site that keeps no log. */
const NO_LOG_PAGE = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Uden log</title>
<script type="application/json" id="samtykke-config">{"categories":[{"id":"necessary"},{"id":"analytics"}]}</script>
<script src="/dist/samtykke.js" defer></script><script src="/dist/samtykke-policy.js" defer></script></head>
<body><main><h1>Cookies</h1><samtykke-consent-history></samtykke-consent-history></main></body></html>`;

for (const backend of backends) {
  describe(`the visitor's consent history on the demo cookie page with the log on ${backend.name} (COMPLIANCE 23, 25)`, () => {
    /** @type {import('../server/backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    /** @type {import('playwright-core').Browser} */
    let browser;
    /** @type {import('playwright-core').BrowserContext} */
    let context;
    /** @type {import('playwright-core').Page} */
    let page;
    let origin = '';
    let consentId = '';
    /** @type {string[]} */
    const problems = [];

    let visit = 0;
    /**
     * Opens the cookie page afresh. A new query each time: a reload revalidates the page, and
     * the service's answer to that (304) currently carries its data CSP, which blocks the scripts.
     */
    const open = () => page.goto(`${origin}/demo/cookies.html?visit=${++visit}`);

    /** Waits for the element to settle in `state`. */
    const settled = (/** @type {string} */ state) => page.locator(`${STATE}[data-state="${state}"]`).waitFor({ timeout: 15_000 });

    before(async () => {
      assert.ok(existsSync(`${root}dist/samtykke-policy.js`), 'dist/samtykke-policy.js is missing: run `npm run build:bundles` first');
      db = await backend.create();
      storage = await db.open();
      app = await buildApp({ storage, staticRoot: root });
      app.get('/fixture/no-log.html', (request, reply) => reply.type('text/html; charset=utf-8').send(NO_LOG_PAGE));
      origin = await app.listen({ port: 0, host: '127.0.0.1' });
      browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--disable-background-networking', '--disable-component-update'] });
      context = await browser.newContext();
      page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
      // The refused connection and the 404 the tests cause on purpose are not problems; a CSP
      // violation or a script error is.
      page.on('console', (m) => {
        if (m.type() === 'error' && !/^Failed to load resource: (net::ERR_CONNECTION_REFUSED|the server responded with a status of 404)/.test(m.text())) problems.push(`console: ${m.text()}`);
      });
    });
    after(async () => {
      await browser?.close();
      await app?.close();
      await storage?.close();
      await db?.drop();
    });

    it('says the visitor has made no choice yet', { timeout: 30_000 }, async () => {
      await open();
      await settled('no-consent');
      assert.match(await page.locator('samtykke-consent-history >> [part=status]').innerText(), /ikke truffet et valg/);
    });

    it('logs each decision and lists them newest first, in Danish, the same after a reload', { timeout: 60_000 }, async () => {
      consentId = await page.evaluate(() => {
        const api = /** @type {any} */ (window).Samtykke;
        api.acceptAll();
        return api.getConsent().id;
      });
      await settled('ok');
      assert.equal(await page.locator(ITEMS).count(), 1);
      assert.match(await page.locator(ITEMS).first().innerText(), /Du accepterede alle\..*Statistik/);

      await page.evaluate(() => /** @type {any} */ (window).Samtykke.withdraw());
      await page.waitForFunction(() => document.querySelector('samtykke-consent-history')?.shadowRoot?.querySelectorAll('[part=item]').length === 2);
      await settled('ok');
      assert.match(await page.locator(ITEMS).first().innerText(), /Du trak dit samtykke tilbage/);

      const stored = await storage.history(consentId);
      assert.deepEqual(stored.map((r) => r.action), ['accept-all', 'withdraw']);
      assert.equal(stored[0].origin, origin);

      await open();
      await settled('ok');
      const datetimes = await page.locator(`${ITEMS} time`).evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
      assert.deepEqual(datetimes, stored.map((r) => r.receivedAt).reverse());
    });

    it('says when the log cannot be reached, and shows the history after a retry', { timeout: 30_000 }, async () => {
      await page.route('**/api/consents/*', (route) => route.abort('connectionrefused'));
      await open();
      await settled('unreachable');
      await page.unroute('**/api/consents/*');
      await page.locator('samtykke-consent-history >> [part=retry]').click();
      await settled('ok');
      assert.equal(await page.locator(ITEMS).count(), 2);
    });

    it('says when the log\'s latest decision differs from the cookie', { timeout: 30_000 }, async () => {
      // A decision the log has but this browser does not (another device, say, with the same ID).
      const res = await app.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent({ consentId, action: 'accept-all', categories: { necessary: true, functional: true, analytics: true, marketing: true } }) });
      assert.equal(res.statusCode, 201);
      await open();
      await settled('differs');
      assert.match(await page.locator('samtykke-consent-history >> [part=status]').innerText(), new RegExp(consentId));
      assert.equal(await page.locator(ITEMS).count(), 3);
    });

    it('says when the log has no records for the cookie\'s consent ID', { timeout: 30_000 }, async () => {
      const [cookie] = (await context.cookies()).filter((c) => c.name === 'samtykke');
      assert.ok(cookie, 'the consent cookie is set');
      const unknown = sampleEvent().consentId;
      await context.addCookies([{ ...cookie, value: cookie.value.split(consentId).join(unknown) }]);
      await open();
      await settled('not-in-log');
      assert.match(await page.locator('samtykke-consent-history >> [part=status]').innerText(), new RegExp(unknown));
    });

    it('says so on a site without a consent log', { timeout: 30_000 }, async () => {
      await page.goto(`${origin}/fixture/no-log.html`);
      await settled('no-endpoint');
      assert.deepEqual(problems, []);
    });
  });
}
