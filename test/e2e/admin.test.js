// @ts-check
/**
 * The /admin dashboard end to end, in real Chromium against the real service (SQLite, and
 * PostgreSQL when TEST_DATABASE_URL is set), under the page's own strict CSP: sign in by
 * keyboard, the overview's numbers against the stats route, the look-up and its printed proof,
 * the export, the language switch, sign-out, session expiry, the database gone; axe in each.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { backends, sampleEvent } from '../server/backends.js';

const TOKEN = 'e2e-dashboard-token-0123456789';
const SESSION_MINUTES = 60;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DAY = 86_400_000;
const HOSTILE = '/<img src=x onerror="window.pwned=1">';

/**
 * axe-core's violations on the page (it reads into every shadow root).
 * @param {import('playwright-core').Page} page
 */
async function violations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((/** @type {any} */ v) => `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target.join(' ')).join(', ')}`);
  });
}

for (const backend of backends) {
  describe(`the /admin dashboard in Chromium on ${backend.name} (COMPLIANCE 25, 37, 39, 43)`, () => {
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
    /** The server's clock runs ahead by this much when a test moves it. */
    let skew = 0;
    const visitor = sampleEvent().consentId;
    /** @type {string[]} */
    const problems = [];

    before(async () => {
      db = await backend.create();
      storage = await db.open();
      let seedAt = /** @type {Date | null} */ (null);
      app = await buildApp({ storage, adminToken: TOKEN, rateLimit: false, now: () => seedAt ?? new Date(Date.now() + skew), dashboard: { sessionMinutes: SESSION_MINUTES, controllerName: 'Nordlys Kaffe ApS', retentionDays: 365 } });
      // Ten days of decisions before today, and the visitor's three, one with a hostile path.
      const actions = ['accept-all', 'accept-all', 'reject-all', 'save', 'withdraw', 'accept-service'];
      for (let i = 0; i < 48; i++) {
        seedAt = new Date(Date.now() - (1 + (i % 10)) * DAY - i * 60_000);
        const action = actions[i % actions.length];
        const event = sampleEvent({ action, gpc: i % 3 === 0, categories: { necessary: true, analytics: action === 'accept-all' || i % 2 === 0, marketing: action === 'accept-all' } });
        assert.equal((await app.inject({ method: 'POST', url: '/api/consents', payload: event })).statusCode, 201);
      }
      for (const [i, action] of ['accept-all', 'save', 'withdraw'].entries()) {
        seedAt = new Date(Date.now() - (3 - i) * DAY);
        const event = sampleEvent({ consentId: visitor, action, path: i === 1 ? HOSTILE : '/kaffe', revision: 2, policyVersion: '2025-11-01' });
        assert.equal((await app.inject({ method: 'POST', url: '/api/consents', payload: event })).statusCode, 201);
      }
      seedAt = null;
      origin = await app.listen({ port: 0, host: '127.0.0.1' });
      browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--disable-background-networking', '--disable-component-update'] });
      context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
      // CSP violations ("Refused to …") and failed module resolutions are console errors; the
      // refused requests the tests cause on purpose (404, 500, 503) are not problems.
      page.on('console', (m) => {
        if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of (401|404|500|503)/.test(m.text())) problems.push(`console: ${m.text()}`);
      });
    });
    after(async () => {
      await browser?.close();
      await app?.close();
      await storage?.close().catch(() => {});
      await db?.drop();
    });

    /** Sums of the stats route over the overview's default range (the last 30 days). */
    async function stats() {
      const to = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10);
      const res = await app.inject({ url: `/api/admin/stats?from=${from}&to=${to}`, headers: { authorization: `Bearer ${TOKEN}` } });
      return /** @type {{ days: { day: string, decisions: number, actions: Record<string, number>, categories: Record<string, { granted: number }> }[] }} */ (res.json());
    }

    it('signs in by keyboard alone, under the strict CSP, without the token in the URL or storage', { timeout: 60_000 }, async () => {
      const response = await page.goto(`${origin}/admin`);
      assert.doesNotMatch(String(response?.headers()['content-security-policy']), /unsafe-inline/);
      await page.locator('samtykke-admin-sign-in input').waitFor();
      assert.deepEqual(await violations(page), []);
      // Tab from the top of the page to the token field, type, Enter.
      for (let i = 0; i < 5 && !(await page.evaluate(() => document.querySelector('samtykke-admin-app')?.shadowRoot?.querySelector('samtykke-admin-sign-in')?.shadowRoot?.activeElement?.id === 'token')); i++) await page.keyboard.press('Tab');
      await page.keyboard.type(`${TOKEN}x`);
      await page.keyboard.press('Enter');
      await page.locator('#sign-in-error').filter({ hasText: 'ikke det rigtige token' }).waitFor();
      await page.locator('samtykke-admin-sign-in input').fill('');
      await page.keyboard.type(TOKEN);
      await page.keyboard.press('Enter');
      await page.locator('[data-figure=decisions]').waitFor();
      const cookies = await context.cookies();
      const session = cookies.find((c) => c.name === 'samtykke_admin');
      assert.equal(session?.httpOnly, true);
      assert.equal(session?.sameSite, 'Strict');
      assert.ok((session?.expires ?? 0) * 1000 > Date.now() + (SESSION_MINUTES - 1) * 60_000);
      assert.equal(await page.evaluate(() => document.cookie.includes('samtykke_admin=')), false, 'the session cookie is out of the page\'s reach');
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      assert.ok(!stored.includes(TOKEN) && !page.url().includes(TOKEN));
    });

    it('shows the overview with the stats route\'s numbers, readable without colour, axe-clean light and dark', { timeout: 60_000 }, async () => {
      const s = await stats();
      const sum = (/** @type {(d: (typeof s.days)[number]) => number} */ f) => s.days.reduce((n, d) => n + f(d), 0);
      const number = async (/** @type {string} */ selector) => Number((await page.locator(selector).innerText()).replace(/\D/g, ''));
      assert.equal(await number('[data-figure=decisions] strong'), sum((d) => d.decisions));
      // Each day's column is labelled with its value; days without events show 0.
      for (const d of s.days) {
        const label = new Date(`${d.day}T00:00:00Z`).toLocaleDateString('da-DK', { timeZone: 'UTC', dateStyle: 'long' });
        assert.equal(await page.locator(`[data-column="${label}"] text.value`).textContent(), String(d.decisions), d.day);
      }
      const count = (/** @type {string} */ key) => number(`[data-share="${key}"] [data-value=count]`);
      assert.equal(await count('accept-all'), sum((d) => d.actions['accept-all'] ?? 0));
      assert.equal(await count('reject-all'), sum((d) => d.actions['reject-all'] ?? 0));
      assert.equal(await count('custom'), sum((d) => (d.actions.save ?? 0) + (d.actions['accept-service'] ?? 0)));
      assert.equal(await count('withdraw'), sum((d) => d.actions.withdraw ?? 0));
      for (const c of ['necessary', 'analytics', 'marketing']) assert.equal(await count(c), sum((d) => d.categories[c]?.granted ?? 0), c);
      let gpc = 0;
      for await (const r of storage.records({ from: new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10) })) if (r.gpc) gpc += 1;
      assert.ok(gpc > 0);
      assert.equal(await number('[data-figure=gpc] strong'), gpc);
      assert.match(await page.locator('[data-section=versions]').innerText(), /revision 2, politikversion 2025-11-01/);
      assert.match(await page.locator('[data-section=retention]').innerText(), /365 dage/);
      // The table view of the chart holds the same numbers for screen readers.
      const rows = await page.locator('#per-day-table tbody tr').count();
      assert.equal(rows, 30);
      assert.deepEqual(await violations(page), []);
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.deepEqual(await violations(page), []);
      // Every control is at least 24 × 24 px (WCAG 2.5.8) and shows a focus ring.
      const small = await page.evaluate(() => {
        const out = /** @type {string[]} */ ([]);
        const walk = (/** @type {Document | ShadowRoot} */ root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.shadowRoot) walk(el.shadowRoot);
            if (el.matches('button, input, select, summary')) {
              const r = el.getBoundingClientRect();
              if (r.width < 24 || r.height < 24) out.push(`${el.tagName} ${r.width}×${r.height}`);
            }
          }
        };
        walk(document);
        return out;
      });
      assert.deepEqual(small, []);
      // A control reached by Tab shows a 3 px focus ring.
      await page.locator('[data-view=overview]').focus();
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        let el = /** @type {Element | null} */ (document.activeElement);
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const style = el ? getComputedStyle(el) : null;
        return style && { tag: el?.tagName, outline: style.outlineStyle, width: style.outlineWidth };
      });
      assert.deepEqual(ring, { tag: 'BUTTON', outline: 'solid', width: '3px' });
      await page.emulateMedia({ colorScheme: 'light' });
    });

    it('says when a range has no decisions', async () => {
      await page.locator('samtykke-admin-overview #from').fill('2020-01-01');
      await page.locator('samtykke-admin-overview #to').fill('2020-01-31');
      await page.locator('samtykke-admin-overview button[type=submit]').click();
      await page.locator('[data-state=empty]').waitFor();
      assert.equal(await page.locator('[data-figure=decisions] strong').innerText(), '0');
      await page.reload();
      await page.locator('[data-figure=decisions]').waitFor();
    });

    it('exports the range as CSV through the export route', { timeout: 30_000 }, async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=export]').click()]);
      assert.match(download.suggestedFilename(), /^samtykke-consents-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = readFileSync(/** @type {string} */ (await download.path()), 'utf8');
      const to = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10);
      const direct = await app.inject({ url: `/api/admin/consents?from=${from}&to=${to}&format=csv`, headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(file, direct.body);
      assert.equal(file.trim().split('\r\n').length, 1 + 51);
    });

    it('looks up a consent ID by keyboard and prints its proof, hostile strings as text', { timeout: 60_000 }, async () => {
      await page.locator('[data-view=lookup]').focus();
      await page.keyboard.press('Enter');
      await page.locator('#consent-id').waitFor();
      await page.locator('#consent-id').focus();
      await page.keyboard.type('not-an-id');
      await page.keyboard.press('Enter');
      await page.locator('[data-state=invalid]').waitFor();
      await page.locator('#consent-id').fill(visitor.toUpperCase());
      await page.keyboard.press('Enter');
      const proof = page.locator('[data-proof]');
      await proof.waitFor();
      // Focus moves to the document that was asked for.
      await page.waitForFunction(() => {
        let el = /** @type {Element | null} */ (document.activeElement);
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.id === 'proof-title';
      });
      const history = await storage.history(visitor);
      assert.equal(await proof.locator('li[data-event]').count(), history.length);
      assert.deepEqual(await proof.locator('li[data-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event'))), history.map((e) => e.eventId));
      assert.equal(await proof.locator('[data-value=consent-id]').innerText(), visitor);
      assert.equal(await proof.locator('[data-value=controller]').innerText(), 'Nordlys Kaffe ApS');
      assert.deepEqual(await proof.locator('[data-value=path]').allInnerTexts(), history.map((e) => e.path));
      assert.equal(await proof.locator('img').count(), 0);
      assert.equal(await page.evaluate(() => /** @type {any} */ (window).pwned), undefined);
      assert.match(await proof.innerText(), /kun til tilføjelse/);
      assert.match(await proof.innerText(), /ingen IP-adresse/);
      assert.deepEqual(await violations(page), []);

      await page.emulateMedia({ media: 'print' });
      const visible = (/** @type {string} */ selector) => page.locator(selector).first().isVisible();
      assert.equal(await visible('samtykke-admin-app >> header'), false);
      assert.equal(await visible('samtykke-admin-lookup >> .search'), false);
      assert.equal(await visible('[data-action=print]'), false);
      assert.equal(await visible('[data-proof] h2'), true);
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await visible('[data-action=print]'), true);

      await page.locator('#consent-id').fill(sampleEvent().consentId);
      await page.keyboard.press('Enter');
      await page.locator('[data-state=not-found]').waitFor();
    });

    it('switches to English and back, with the page\'s lang', async () => {
      await page.locator('[data-action=language]').click();
      await page.locator('samtykke-admin-lookup h2').filter({ hasText: 'Look up a consent ID' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.locator('[data-view=overview]').click();
      await page.locator('[data-figure=decisions]').filter({ hasText: 'Decisions' }).waitFor();
      assert.deepEqual(await violations(page), []);
      await page.locator('[data-action=language]').click();
      await page.locator('[data-figure=decisions]').filter({ hasText: 'Valg i alt' }).waitFor();
    });

    it('signs out: the server ends the session and the old cookie opens nothing', async () => {
      const cookie = (await context.cookies()).find((c) => c.name === 'samtykke_admin');
      await page.locator('[data-action=sign-out]').click();
      await page.locator('[data-notice=signed-out]').waitFor();
      assert.equal((await context.cookies()).some((c) => c.name === 'samtykke_admin'), false);
      const replay = await app.inject({ url: '/api/admin/stats', headers: { cookie: `samtykke_admin=${cookie?.value}` } });
      assert.equal(replay.statusCode, 401);
    });

    it('returns to the sign-in when the session expires, saying so', { timeout: 30_000 }, async () => {
      await page.locator('samtykke-admin-sign-in input').fill(TOKEN);
      await page.locator('samtykke-admin-sign-in button[type=submit]').click();
      await page.locator('[data-figure=decisions]').waitFor();
      skew = (SESSION_MINUTES + 1) * 60_000;
      try {
        await page.locator('samtykke-admin-overview button[type=submit]').click();
        await page.locator('[data-notice=expired]').waitFor();
      } finally {
        skew = 0;
      }
    });

    it('says what to do when the database cannot be reached', { timeout: 30_000 }, async () => {
      await storage.close();
      await page.reload();
      await page.locator('samtykke-admin-app >> [role=alert]').filter({ hasText: 'Databasen kan ikke nås' }).waitFor();
      assert.deepEqual(problems, []);
    });
  });
}
