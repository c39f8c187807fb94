// @ts-check
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../server/app.js';
import { backends, sampleEvent } from './backends.js';

const TOKEN = 'test-admin-token-0123456789';
const SHOP = 'https://shop.example';
const root = fileURLToPath(new URL('../..', import.meta.url));

for (const backend of backends) {
  describe(`HTTP hardening on ${backend.name}`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    before(async () => {
      db = await backend.create();
      storage = await db.open();
    });
    after(async () => {
      await storage.close();
      await db.drop();
    });

    /** @param {Partial<import('../../server/app.js').AppOptions>} [options] */
    const app = (options = {}) => buildApp({ storage, allowedOrigins: [SHOP], ...options });

    it('answers a preflight from an allowed origin and withholds CORS from others (COMPLIANCE 23)', async () => {
      const server = await app();
      const preflight = (/** @type {string} */ origin) => server.inject({
        method: 'OPTIONS',
        url: '/api/consents',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      const allowed = await preflight(SHOP);
      assert.equal(allowed.statusCode, 204);
      assert.equal(allowed.headers['access-control-allow-origin'], SHOP);
      assert.match(String(allowed.headers['access-control-allow-methods']), /POST/);
      const other = await preflight('https://evil.example');
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      const posted = await server.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent(), headers: { origin: SHOP } });
      assert.equal(posted.statusCode, 201);
      assert.equal(posted.headers['access-control-allow-origin'], SHOP);
      assert.equal(posted.headers.vary, 'Origin');
      await server.close();
    });

    it('has no admin routes without ADMIN_TOKEN: 404 (COMPLIANCE 25)', async () => {
      const server = await app();
      for (const url of ['/api/admin/consents', '/api/admin/stats']) {
        const res = await server.inject({ url, headers: { authorization: `Bearer ${TOKEN}` } });
        assert.equal(res.statusCode, 404, url);
      }
      await server.close();
    });

    it('answers 401 to a missing, wrong or malformed admin token and 200 to the right one (COMPLIANCE 25)', async () => {
      const server = await app({ adminToken: TOKEN });
      for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`, 'Bearer ']) {
        for (const url of ['/api/admin/consents', '/api/admin/stats']) {
          const res = await server.inject({ url, headers: authorization === undefined ? {} : { authorization } });
          assert.equal(res.statusCode, 401, `${url} with ${authorization}`);
          assert.match(String(res.headers['www-authenticate']), /^Bearer/);
        }
      }
      const ok = await server.inject({ url: '/api/admin/stats', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(ok.statusCode, 200);
      await server.close();
    });

    it('limits requests per client address with 429 (COMPLIANCE 26)', async () => {
      const server = await app({ rateLimit: 3 });
      const codes = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await server.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent(), remoteAddress: '192.0.2.10' })).statusCode);
      }
      assert.deepEqual(codes, [201, 201, 201, 429, 429]);
      const otherClient = await server.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent(), remoteAddress: '192.0.2.11' });
      assert.equal(otherClient.statusCode, 201);
      await server.close();
    });

    it('writes structured request logs without client addresses, user agents or consent IDs (COMPLIANCE 24)', async () => {
      /** @type {string[]} */
      const lines = [];
      const server = await app({ adminToken: TOKEN, logger: { level: 'info', stream: { write: (line) => lines.push(line) } } });
      const event = sampleEvent();
      const headers = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) UniqueAgent/9.9', 'x-forwarded-for': '198.51.100.99' };
      await server.inject({ method: 'POST', url: '/api/consents', payload: event, headers, remoteAddress: '203.0.113.55' });
      await server.inject({ url: `/api/consents/${event.consentId}`, headers, remoteAddress: '203.0.113.55' });
      await server.inject({ method: 'POST', url: '/api/consents', payload: { bad: true }, headers, remoteAddress: '2001:db8::55' });
      await server.inject({ url: '/api/admin/stats', headers: { authorization: 'Bearer wrong' }, remoteAddress: '203.0.113.55' });
      await server.close();
      const entries = lines.map((l) => JSON.parse(l));
      assert.ok(entries.some((e) => e.msg === 'incoming request' && e.req.url === '/api/consents/:uuid'), 'requests are logged');
      assert.ok(entries.some((e) => e.res?.statusCode === 400), 'outcomes are logged');
      const text = lines.join('');
      for (const secret of ['203.0.113', '2001:db8', '198.51.100', 'UniqueAgent', event.consentId, event.eventId, 'wrong']) {
        assert.ok(!text.includes(secret), `the log holds ${secret}`);
      }
    });

    it('answers unknown routes with a JSON 404 (COMPLIANCE 25)', async () => {
      const server = await app();
      const res = await server.inject({ url: '/api/nothing' });
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), { statusCode: 404, error: 'Not Found', message: 'Not found' });
      await server.close();
    });

    it('serves the demo, the locales and the API on one origin, / redirecting to /demo/ (COMPLIANCE 23)', async () => {
      const server = await app({ staticRoot: root });
      const home = await server.inject({ url: '/' });
      assert.equal(home.statusCode, 302);
      assert.equal(home.headers.location, '/demo/');
      const demo = await server.inject({ url: '/demo/' });
      assert.equal(demo.statusCode, 200);
      assert.match(demo.body, /"endpoint": "\/api\/consents"/);
      const locale = await server.inject({ url: '/locales/ui.da.json' });
      assert.equal(locale.statusCode, 200);
      assert.equal(typeof locale.json().banner.acceptAll, 'string');
      assert.equal(locale.headers['x-content-type-options'], 'nosniff');
      // The demo's fake analytics pings here once consented; it must not be a 404.
      const ping = await server.inject({ url: '/demo/ping?v=GA1.1.1&p=%2Fdemo%2F' });
      assert.equal(ping.statusCode, 204);
      assert.equal((await server.inject({ url: '/favicon.ico' })).statusCode, 204);
      await server.close();
    });
  });
}
