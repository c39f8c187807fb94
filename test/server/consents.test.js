// @ts-check
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../server/app.js';
import { allRecords, backends, sampleEvent } from './backends.js';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

for (const backend of backends) {
  describe(`POST /api/consents and history on ${backend.name}`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    let clock = new Date('2025-03-01T12:00:05.123Z');

    before(async () => (db = await backend.create()));
    after(() => db.drop());
    beforeEach(async () => {
      storage = await db.open();
      app = await buildApp({ storage, now: () => clock, allowedOrigins: ['https://shop.example'] });
    });
    afterEach(async () => {
      await app.close();
      await storage.close();
    });

    /** @param {object} body @param {Record<string, string>} [headers] @param {string} [remoteAddress] */
    const post = (body, headers = {}, remoteAddress = '127.0.0.1') =>
      app.inject({ method: 'POST', url: '/api/consents', payload: body, headers, remoteAddress });

    it('stores a decision with every field and answers 201 with a receipt in server UTC time (COMPLIANCE 23)', async () => {
      const event = sampleEvent({ gpc: true, language: 'en', path: '/shop/kaffe' });
      const res = await post(event, { 'user-agent': FIREFOX, origin: 'https://shop.example' });
      assert.equal(res.statusCode, 201);
      assert.deepEqual(res.json(), { eventId: event.eventId, consentId: event.consentId, receivedAt: clock.toISOString() });
      const [stored] = await storage.history(event.consentId);
      assert.deepEqual(stored, {
        ...event,
        receivedAt: clock.toISOString(),
        origin: 'https://shop.example',
        ipPrefix: '127.0.0.0/24',
        uaFamily: 'Firefox',
      });
    });

    it('records rejects and withdrawals too (COMPLIANCE 23)', async () => {
      const consentId = sampleEvent().consentId;
      const none = { necessary: true, functional: false, analytics: false, marketing: false };
      for (const action of ['reject-all', 'withdraw']) {
        assert.equal((await post(sampleEvent({ consentId, action, categories: none, services: {} }))).statusCode, 201);
      }
      const res = await app.inject({ url: `/api/consents/${consentId}` });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().events.map((/** @type {any} */ e) => [e.action, e.categories.analytics]), [['reject-all', false], ['withdraw', false]]);
    });

    it('answers the same eventId again with 200 and the first receipt, and stores it once (COMPLIANCE 26)', async () => {
      const event = sampleEvent();
      const first = await post(event);
      clock = new Date(clock.getTime() + 60_000);
      const again = await post(event);
      assert.equal(first.statusCode, 201);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), first.json());
      const rows = await db.raw(`SELECT count(*) AS n FROM consent_events WHERE event_id = '${event.eventId}'`);
      assert.equal(Number(/** @type {any} */ (rows[0]).n), 1);
    });

    it('stores concurrent duplicates of one event once: one 201, the rest 200 (COMPLIANCE 26)', async () => {
      const event = sampleEvent();
      const responses = await Promise.all(Array.from({ length: 25 }, () => post(event)));
      const codes = responses.map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [200, ...Array(23).fill(200), 201].sort());
      assert.equal(new Set(responses.map((r) => r.json().receivedAt)).size, 1);
      assert.equal((await storage.history(event.consentId)).length, 1);
    });

    it('keeps a consent ID history in order, and the history never shows the network prefix (COMPLIANCE 25)', async () => {
      const consentId = sampleEvent().consentId;
      const actions = ['accept-all', 'save', 'withdraw'];
      for (const [i, action] of actions.entries()) {
        clock = new Date(Date.UTC(2025, 2, 1 + i));
        await post(sampleEvent({ consentId, action }));
      }
      const other = sampleEvent();
      await post(other);
      const res = await app.inject({ url: `/api/consents/${consentId}` });
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = res.json();
      assert.equal(body.consentId, consentId);
      assert.deepEqual(body.events.map((/** @type {any} */ e) => e.action), actions);
      assert.ok(body.events.every((/** @type {any} */ e) => !('ipPrefix' in e) && !('uaFamily' in e)));
    });

    it('answers 404 for a consent ID without records and 400 for a malformed one (COMPLIANCE 25)', async () => {
      assert.equal((await app.inject({ url: `/api/consents/${sampleEvent().consentId}` })).statusCode, 404);
      assert.equal((await app.inject({ url: '/api/consents/not-a-uuid' })).statusCode, 400);
    });

    it('stores a /24 prefix for IPv4, a /48 for IPv6 and a browser family, never the address or the user agent (COMPLIANCE 24)', async () => {
      const consentId = sampleEvent().consentId;
      await post(sampleEvent({ consentId }), { 'user-agent': FIREFOX }, '203.0.113.77');
      await post(sampleEvent({ consentId }), {}, '2001:db8:abcd:12:34:56:78:9a');
      await post(sampleEvent({ consentId }), {}, '::ffff:198.51.100.200');
      const stored = (await allRecords(storage)).filter((r) => r.consentId === consentId).map((r) => [r.ipPrefix, r.uaFamily]);
      assert.deepEqual(stored, [['203.0.113.0/24', 'Firefox'], ['2001:db8:abcd::/48', 'Other'], ['198.51.100.0/24', 'Other']]);
      const everything = await db.dump();
      for (const secret of ['203.0.113.77', '12:34:56', '198.51.100.200', 'Gecko', 'rv:128.0']) {
        assert.ok(!everything.includes(secret), `the database holds ${secret}`);
      }
    });

    it('refuses a write from an origin outside ALLOWED_ORIGINS and stores nothing (COMPLIANCE 23)', async () => {
      const event = sampleEvent();
      const res = await post(event, { origin: 'https://evil.example' });
      assert.equal(res.statusCode, 403);
      assert.equal((await storage.history(event.consentId)).length, 0);
      const own = await post(sampleEvent(), { origin: 'http://localhost:8080', host: 'localhost:8080' });
      assert.equal(own.statusCode, 201, 'the service\'s own origin (the demo) may write');
    });

    it('offers no route that changes or deletes a record (COMPLIANCE 25)', async () => {
      const event = sampleEvent();
      await post(event);
      for (const method of /** @type {const} */ (['PUT', 'PATCH', 'DELETE'])) {
        for (const url of ['/api/consents', `/api/consents/${event.consentId}`]) {
          assert.equal((await app.inject({ method, url, payload: {} })).statusCode, 404, `${method} ${url}`);
        }
      }
      assert.equal((await storage.history(event.consentId)).length, 1);
    });

    it('has a database trigger that refuses UPDATE (COMPLIANCE 25)', async () => {
      const event = sampleEvent();
      await post(event);
      await assert.rejects(db.raw(`UPDATE consent_events SET action = 'accept-all' WHERE event_id = '${event.eventId}'`), /append-only/);
      assert.equal((await storage.history(event.consentId))[0].action, 'save');
    });

    it('records each migration once in schema_migrations, however often the log is opened (COMPLIANCE 25)', async () => {
      const again = await db.open();
      await again.close();
      const rows = await db.raw('SELECT version, name FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((r) => ({ ...(/** @type {object} */ (r)) })), [{ version: 1, name: 'consent_events' }, { version: 2, name: 'admin_sessions_and_daily_rollup' }]);
    });

    it('reports database reachability on /healthz, 503 when the database is gone, and never acknowledges then: 503 with Retry-After (COMPLIANCE 26)', async () => {
      const ok = await app.inject({ url: '/healthz' });
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), { status: 'ok', database: 'ok' });
      await storage.close();
      const down = await app.inject({ url: '/healthz' });
      assert.equal(down.statusCode, 503);
      assert.equal(down.json().database, 'unreachable');
      const res = await post(sampleEvent());
      assert.equal(res.statusCode, 503);
      assert.equal(res.headers['retry-after'], '5');
      assert.deepEqual(res.json(), { statusCode: 503, error: 'Service Unavailable', message: 'The consent log could not store this event now; send it again later.' });
      storage = await db.open(); // afterEach closes it
    });
  });
}
