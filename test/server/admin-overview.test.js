// @ts-check
/**
 * The dashboard's overview and look-up routes on a seeded log: the figures equal the stats
 * route's where they overlap, settled days come from roll-ups and stay right through new
 * events, retention and days never computed.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../server/app.js';
import { purgeExpired } from '../../server/retention.js';
import { SETTLE_MS } from '../../server/storage/overview.js';
import { backends, sampleEvent } from './backends.js';

const TOKEN = 'overview-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const ACTIONS = ['accept-all', 'reject-all', 'save', 'withdraw', 'accept-service'];

/** A log over a week: [received at, event], with every action, GPC on some, two revisions. */
function seededLog() {
  /** @type {[string, ReturnType<typeof sampleEvent>][]} */
  const log = [];
  for (let i = 0; i < 60; i++) {
    const day = 1 + (i % 7);
    const at = `2025-03-0${day}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`;
    const action = ACTIONS[(i * 3) % ACTIONS.length];
    log.push([at, sampleEvent({
      action,
      gpc: i % 4 === 0,
      revision: i < 20 ? 1 : 2,
      policyVersion: i < 20 ? '2025-01-01' : '2025-03-01',
      categories: { necessary: true, analytics: action === 'accept-all' || i % 2 === 0, marketing: action === 'accept-all' || i % 5 === 0 },
    })]);
  }
  return log.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * The stats route's days added up, in the overview's shape.
 * @param {{ days: { decisions: number, actions: Record<string, number>, categories: Record<string, { granted: number, refused: number }> }[] }} stats
 */
function totalsOf(stats) {
  /** @type {Record<string, number>} */
  const actions = {};
  /** @type {Record<string, { granted: number, refused: number }>} */
  const categories = {};
  let decisions = 0;
  for (const d of stats.days) {
    decisions += d.decisions;
    for (const [a, n] of Object.entries(d.actions)) actions[a] = (actions[a] ?? 0) + n;
    for (const [c, v] of Object.entries(d.categories)) {
      categories[c] ??= { granted: 0, refused: 0 };
      categories[c].granted += v.granted;
      categories[c].refused += v.refused;
    }
  }
  return { decisions, actions, categories };
}

for (const backend of backends) {
  describe(`dashboard overview on ${backend.name} (COMPLIANCE 25)`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    let clock = new Date();
    const log = seededLog();

    before(async () => {
      db = await backend.create();
      storage = await db.open();
      app = await buildApp({ storage, adminToken: TOKEN, rateLimit: false, now: () => clock, dashboard: { retentionDays: 400, controllerName: 'Nordlys Kaffe ApS' } });
      for (const [at, event] of log) {
        clock = new Date(at);
        assert.equal((await app.inject({ method: 'POST', url: '/api/consents', payload: event })).statusCode, 201);
      }
      clock = new Date('2025-03-07T20:00:00.000Z'); // the week's last day is today
    });
    after(async () => {
      await app.close();
      await storage.close();
      await db.drop();
    });

    /** @param {string} query */
    const get = async (query) => {
      const res = await app.inject({ url: `/api/admin/${query}`, headers: auth });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    /** Asserts the overview of a range equals the stats route's figures of the same range. */
    async function sameAsStats(/** @type {string} */ from, /** @type {string} */ to) {
      const overview = await get(`overview?from=${from}&to=${to}`);
      const stats = await get(`stats?from=${from}&to=${to}`);
      assert.deepEqual(overview.days.map((/** @type {any} */ d) => [d.day, d.decisions, d.actions, d.categories]), stats.days.map((/** @type {any} */ d) => [d.day, d.decisions, d.actions, d.categories]));
      const { decisions, actions, categories } = overview.totals;
      assert.deepEqual({ decisions, actions, categories }, totalsOf(stats));
      return overview;
    }

    it('gives per-day decisions, kinds and category shares equal to the stats route, and GPC, revisions and policy versions from the log', async () => {
      const overview = await sameAsStats('2025-03-01', '2025-03-07');
      assert.equal(overview.totals.decisions, log.length);
      assert.equal(overview.totals.gpc, log.filter(([, e]) => e.gpc).length);
      const count = (/** @type {(e: ReturnType<typeof sampleEvent>) => unknown} */ key) => {
        /** @type {Map<unknown, number>} */
        const m = new Map();
        for (const [, e] of log) m.set(key(e), (m.get(key(e)) ?? 0) + 1);
        return m;
      };
      assert.deepEqual(new Map(overview.totals.revisions.map((/** @type {any} */ r) => [r.revision, r.events])), count((e) => e.revision));
      assert.deepEqual(new Map(overview.totals.policies.map((/** @type {any} */ p) => [p.policyVersion, p.events])), count((e) => e.policyVersion));
      const [lastAt, last] = log[log.length - 1];
      assert.deepEqual(overview.totals.latest, { receivedAt: lastAt, revision: last.revision, policyVersion: last.policyVersion });
      assert.deepEqual(overview.retention, { days: 400, oldest: log[0][0] });
      assert.equal(overview.controllerName, 'Nordlys Kaffe ApS');
      await sameAsStats('2025-03-02', '2025-03-03');
      await sameAsStats('2025-02-01', '2025-12-31');
    });

    it('keeps settled days in daily_rollup and counts today\'s new events at once', async () => {
      await sameAsStats('2025-03-01', '2025-03-07');
      const kept = /** @type {{ day: string }[]} */ (await db.raw('SELECT day FROM daily_rollup ORDER BY day'));
      assert.deepEqual(kept.map((r) => r.day), ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07']);
      const before = (await get('overview?from=2025-03-01&to=2025-03-07')).totals.decisions;
      clock = new Date('2025-03-07T21:00:00.000Z');
      assert.equal((await app.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent({ action: 'reject-all' }) })).statusCode, 201);
      const overview = await sameAsStats('2025-03-01', '2025-03-07');
      assert.equal(overview.totals.decisions, before + 1);
      // Just after midnight yesterday is not settled yet: an event stamped before midnight by a
      // process whose clock lags (or a request still committing) still counts.
      const midnight = Date.parse('2025-03-08T00:00:00.000Z');
      clock = new Date(midnight + SETTLE_MS / 2);
      await sameAsStats('2025-03-01', '2025-03-08');
      clock = new Date(midnight - 1);
      assert.equal((await app.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent() })).statusCode, 201);
      clock = new Date(midnight + SETTLE_MS / 2 + 1000);
      assert.equal((await sameAsStats('2025-03-01', '2025-03-08')).totals.decisions, before + 2);
      clock = new Date(midnight + SETTLE_MS + 1);
      await sameAsStats('2025-03-01', '2025-03-08');
    });

    it('stays equal to the log after retention cuts into the oldest day', async () => {
      clock = new Date('2025-03-09T12:00:00.000Z');
      await sameAsStats('2025-03-01', '2025-03-09');
      const { deleted } = await purgeExpired(storage, 7, clock); // everything before 2025-03-02T12:00
      assert.ok(deleted > 0);
      const overview = await sameAsStats('2025-03-01', '2025-03-09');
      assert.ok(overview.retention.oldest >= '2025-03-02T12:00:00.000Z');
      assert.equal(overview.days[0].day, '2025-03-02');
    });

    it('answers an empty log and a range without events with zeros, and refuses bad ranges', async () => {
      const empty = await get('overview?from=2024-01-01&to=2024-01-31');
      assert.deepEqual(empty.days, []);
      assert.equal(empty.totals.decisions, 0);
      for (const q of ['from=2025-03-02&to=2025-03-01', 'from=2025-03-01', 'to=2025-03-01', 'from=2000-01-01&to=2025-01-01', 'from=2025-03-01&to=2025-03-01T00:00:00Z', 'from=2025-03-01&to=2025-03-02&x=1']) {
        assert.equal((await app.inject({ url: `/api/admin/overview?${q}`, headers: auth })).statusCode, 400, q);
      }
    });

    it('looks up one consent ID: every event with what was granted, revision, policy version, fingerprint, time and path', async () => {
      const visitor = sampleEvent().consentId;
      const events = [
        sampleEvent({ consentId: visitor, action: 'accept-all', path: '/<img src=x onerror=alert(1)>' }),
        sampleEvent({ consentId: visitor, action: 'withdraw', revision: 3, policyVersion: '2025-03-09', textHash: 'fedcba9876543210' }),
      ];
      const times = ['2025-03-09T10:00:00.000Z', '2025-03-09T11:00:00.000Z'];
      for (const [i, e] of events.entries()) {
        clock = new Date(times[i]);
        assert.equal((await app.inject({ method: 'POST', url: '/api/consents', payload: e })).statusCode, 201);
      }
      const history = await get(`history/${visitor}`);
      assert.equal(history.consentId, visitor);
      assert.deepEqual(history.events.map((/** @type {any} */ e) => [e.eventId, e.action, e.categories, e.revision, e.policyVersion, e.textHash, e.receivedAt, e.path]),
        events.map((e, i) => [e.eventId, e.action, e.categories, e.revision, e.policyVersion, e.textHash, times[i], e.path]));
      assert.equal(history.controllerName, 'Nordlys Kaffe ApS');
      assert.equal(history.retentionDays, 400);
      assert.equal((await app.inject({ url: `/api/admin/history/${sampleEvent().consentId}`, headers: auth })).statusCode, 404);
    });
  });
}
