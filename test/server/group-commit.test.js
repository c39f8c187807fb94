// @ts-check
/**
 * Group commit: concurrent events share one transaction, a lone event is not held beyond the
 * wait bound, repeats inside a batch are stored once, and a failing batch fails only its own
 * requests (503 with Retry-After) while later ones succeed.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../server/app.js';
import { openStorage } from '../../server/storage/index.js';
import { GroupCommit } from '../../server/storage/group-commit.js';
import { RETRY_AFTER_S } from '../../server/routes/consents.js';
import { allRecords, backends, sampleEvent } from './backends.js';

describe('the group-commit queue', () => {
  it('starts an idle batch of one once its wait bound has passed, not later (COMPLIANCE 26)', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    {
      /** @type {number[][]} */
      const batches = [];
      const queue = new GroupCommit({ maxWaitMs: 5, commit: (items) => (batches.push(items), items) });
      const done = queue.submit(1);
      t.mock.timers.tick(4);
      assert.deepEqual(batches, [], 'not before the bound');
      t.mock.timers.tick(1);
      assert.deepEqual(batches, [[1]], 'started when the bound is reached');
      assert.equal(await done, 1);
    }
  });

  it('with a wait of 0 starts a lone item on the next turn of the event loop (COMPLIANCE 26)', async () => {
    /** @type {number[][]} */
    const batches = [];
    const queue = new GroupCommit({ maxWaitMs: 0, commit: (items) => (batches.push(items), items) });
    const done = queue.submit(7);
    assert.deepEqual(batches, []);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(batches, [[7]]);
    assert.equal(await done, 7);
  });

  it('bounds batches by size and gathers what arrives during a commit into the next (COMPLIANCE 26)', async () => {
    /** @type {number[]} */
    const sizes = [];
    /** @type {(() => void)[]} */
    const release = [];
    const queue = new GroupCommit({
      maxSize: 4,
      maxWaitMs: 1000,
      commit: (items) => new Promise((resolve) => (sizes.push(items.length), release.push(() => resolve(items)))),
    });
    const results = Array.from({ length: 10 }, (_, i) => queue.submit(i));
    // The fourth item filled a batch: it started at once, without the 1 s wait.
    assert.deepEqual(sizes, [4]);
    release.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(sizes, [4, 4]);
    release.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(sizes, [4, 4, 2]);
    release.shift()?.();
    assert.deepEqual(await Promise.all(results), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('fails every item of a failed batch and only those; close commits what is queued (COMPLIANCE 26)', async () => {
    let fail = true;
    const queue = new GroupCommit({ maxWaitMs: 0, commit: (items) => { if (fail) throw new Error('disk full'); return items; } });
    const first = await Promise.allSettled([queue.submit(1), queue.submit(2)]);
    assert.deepEqual(first.map((r) => r.status), ['rejected', 'rejected']);
    fail = false;
    const later = [queue.submit(3), queue.submit(4)];
    await queue.close();
    assert.deepEqual(await Promise.all(later), [3, 4]);
    await assert.rejects(queue.submit(5), /shutting down/);
  });
});

for (const backend of backends) {
  describe(`group commit on ${backend.name}`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    /** @type {number[]} */
    let sizes = [];
    before(async () => {
      db = await backend.create();
      // A wide wait, so every request of a test arrives inside one batch's window.
      storage = await openStorage({ ...envOptions(db), batch: { maxWaitMs: 200, maxSize: 256, onBatch: (n) => sizes.push(n) } });
      app = await buildApp({ storage, rateLimit: false });
    });
    after(async () => {
      await app.close();
      await storage.close();
      await db.drop();
    });

    /** @param {object} event */
    const post = (event) => app.inject({ method: 'POST', url: '/api/consents', payload: event });

    it('writes the events of 20 concurrent requests in one transaction, each answered 201 (COMPLIANCE 26)', async () => {
      sizes = [];
      const events = Array.from({ length: 20 }, () => sampleEvent());
      const answers = await Promise.all(events.map(post));
      assert.deepEqual(answers.map((a) => a.statusCode), events.map(() => 201));
      assert.deepEqual(sizes, [20]);
      if (backend.name === 'PostgreSQL') {
        const ids = events.map((e) => `'${e.eventId}'`).join(', ');
        const [{ n }] = /** @type {any[]} */ (await db.raw(`SELECT count(DISTINCT xmin::text)::int AS n FROM consent_events WHERE event_id IN (${ids})`));
        assert.equal(n, 1, 'one transaction id for all 20 rows');
      }
    });

    it('stores a repeat inside one batch and across batches once: 201 first, 200 with the first receipt after (COMPLIANCE 26)', async () => {
      const earlier = sampleEvent();
      assert.equal((await post(earlier)).statusCode, 201);
      sizes = [];
      const twin = sampleEvent();
      const answers = await Promise.all([post(twin), post(twin), post(earlier), post({ ...twin, consentId: sampleEvent().consentId })]);
      assert.deepEqual(sizes, [4], 'one batch');
      assert.deepEqual(answers.map((a) => a.statusCode), [201, 200, 200, 200]);
      assert.equal(answers[1].json().receivedAt, answers[0].json().receivedAt);
      assert.equal(answers[3].json().consentId, twin.consentId, 'the receipt is the first copy\'s');
      const stored = (await allRecords(storage)).filter((r) => r.eventId === twin.eventId || r.eventId === earlier.eventId);
      assert.equal(stored.length, 2);
    });

    it('answers 503 with Retry-After to the requests of a failing batch only; later requests succeed (COMPLIANCE 26)', async () => {
      // A real failure inside the database: a trigger refuses inserts while a switch row exists.
      if (backend.name === 'SQLite') {
        await db.raw('CREATE TABLE fail_switch (x INTEGER)');
        await db.raw(`CREATE TRIGGER fail_batch BEFORE INSERT ON consent_events WHEN EXISTS (SELECT 1 FROM fail_switch)
          BEGIN SELECT RAISE(ABORT, 'batch refused by the test'); END`);
      } else {
        await db.raw('CREATE TABLE fail_switch (x integer)');
        await db.raw(`CREATE FUNCTION fail_batch() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF EXISTS (SELECT 1 FROM fail_switch) THEN RAISE EXCEPTION 'batch refused by the test'; END IF; RETURN NEW; END $$`);
        await db.raw('CREATE TRIGGER fail_batch BEFORE INSERT ON consent_events FOR EACH ROW EXECUTE FUNCTION fail_batch()');
      }
      await db.raw('INSERT INTO fail_switch VALUES (1)');
      const refused = Array.from({ length: 5 }, () => sampleEvent());
      sizes = [];
      const failed = await Promise.all(refused.map(post));
      assert.deepEqual(sizes, [5]);
      for (const res of failed) {
        assert.equal(res.statusCode, 503);
        assert.equal(res.headers['retry-after'], String(RETRY_AFTER_S));
        assert.equal(res.json().error, 'Service Unavailable');
      }
      await db.raw('DELETE FROM fail_switch');
      const later = Array.from({ length: 5 }, () => sampleEvent());
      assert.deepEqual((await Promise.all(later.map(post))).map((r) => r.statusCode), [201, 201, 201, 201, 201]);
      // The transport sends a refused event again: now it is stored, once.
      assert.equal((await post(refused[0])).statusCode, 201);
      const ids = new Set((await allRecords(storage)).map((r) => r.eventId));
      assert.deepEqual(refused.map((e) => ids.has(e.eventId)), [true, false, false, false, false]);
      assert.ok(later.every((e) => ids.has(e.eventId)));
    });
  });
}

/** The storage options of a test database. @param {import('./backends.js').TestDatabase} db */
function envOptions(db) {
  return db.env.DATABASE_URL ? { databaseUrl: db.env.DATABASE_URL } : { dataDir: db.env.DATA_DIR };
}
