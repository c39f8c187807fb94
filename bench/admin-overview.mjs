// @ts-check
/**
 * The dashboard's overview on a log of 1,000,000 events (`node bench/admin-overview.mjs`;
 * `--events N` for another size). The log is seeded straight into the database: a year of
 * events, a few thousand a day, with every action, four categories, GPC on some and two
 * policy versions. Then GET /api/admin/overview for the whole year, through the real app:
 *
 * - cold: the first request, which computes and stores every day's roll-up;
 * - warm: the same request again (median of 7), which checks each day's row count and seq sum
 *   against its roll-up and reads the roll-ups;
 * - one day changed: after new events today, so today's roll-up is recomputed.
 *
 * GET /api/admin/stats over the same year is timed beside it (it reads every row).
 * PostgreSQL is measured too when TEST_DATABASE_URL (or DATABASE_URL) is set, in a throwaway
 * schema dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStorage } from '../server/storage/index.js';
import { SQLITE_FILE } from '../server/storage/sqlite.js';
import { buildApp } from '../server/app.js';

const argIndex = process.argv.indexOf('--events');
const EVENTS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 1_000_000;
const DAYS = 365;
const TOKEN = 'bench-admin-token-0123456789';
const END = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
const START = new Date(END.getTime() - (DAYS - 1) * 86_400_000);
const ACTIONS = ['accept-all', 'accept-all', 'reject-all', 'save', 'accept-all', 'withdraw', 'accept-service', 'reject-all'];

/** Row i of the seeded log, as the columns of consent_events. */
function row(/** @type {number} */ i) {
  const action = ACTIONS[i % ACTIONS.length];
  const all = action === 'accept-all';
  const categories = { necessary: true, functional: all || i % 2 === 0, analytics: all || i % 3 === 0, marketing: all || i % 7 === 0 };
  const at = new Date(START.getTime() + Math.floor((i / EVENTS) * DAYS * 86_400_000)).toISOString();
  return {
    eventId: randomUUID(), consentId: randomUUID(), action, categories: JSON.stringify(categories), services: '{"ga":true}',
    revision: i % 10 === 0 ? 1 : 2, policyVersion: i % 10 === 0 ? '2025-06-01' : '2026-01-15', textHash: '89abcdef01234567',
    language: i % 4 === 0 ? 'en' : 'da', gpc: i % 11 === 0 ? 1 : 0, path: '/', widgetVersion: '0.1.0', clientTime: at, receivedAt: at,
  };
}

async function seedSqlite(/** @type {string} */ dir) {
  (await openStorage({ dataDir: dir })).close(); // migrates
  const db = new Database(join(dir, SQLITE_FILE));
  const insert = db.prepare(`INSERT INTO consent_events (event_id, consent_id, action, categories, services, revision,
    policy_version, text_hash, language, gpc, path, widget_version, client_time, received_at, origin, ip_prefix, ua_family)
    VALUES (@eventId, @consentId, @action, @categories, @services, @revision, @policyVersion, @textHash, @language, @gpc,
    @path, @widgetVersion, @clientTime, @receivedAt, NULL, '127.0.0.0/24', 'Chrome')`);
  const batch = db.transaction((/** @type {number} */ from) => {
    for (let i = from; i < Math.min(EVENTS, from + 50_000); i++) insert.run(row(i));
  });
  for (let from = 0; from < EVENTS; from += 50_000) batch(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
}

async function seedPostgres(/** @type {string} */ url) {
  (await openStorage({ databaseUrl: url })).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const actions = `(ARRAY[${ACTIONS.map((a) => `'${a}'`).join(',')}])[i % ${ACTIONS.length} + 1]`;
  await client.query(`INSERT INTO consent_events (event_id, consent_id, action, categories, services, revision, policy_version,
      text_hash, language, gpc, path, widget_version, client_time, received_at, origin, ip_prefix, ua_family)
    SELECT gen_random_uuid(), gen_random_uuid(), a,
      jsonb_build_object('necessary', true, 'functional', a = 'accept-all' OR i % 2 = 0, 'analytics', a = 'accept-all' OR i % 3 = 0, 'marketing', a = 'accept-all' OR i % 7 = 0),
      '{"ga":true}', CASE WHEN i % 10 = 0 THEN 1 ELSE 2 END, CASE WHEN i % 10 = 0 THEN '2025-06-01' ELSE '2026-01-15' END,
      '89abcdef01234567', CASE WHEN i % 4 = 0 THEN 'en' ELSE 'da' END, i % 11 = 0, '/', '0.1.0', t::text, t, NULL, '127.0.0.0/24', 'Chrome'
    FROM (SELECT i, ${actions} AS a, $1::timestamptz + (i::float8 / $2 * $3) * interval '1 day' AS t FROM generate_series(0, $2 - 1) AS i) s`,
  [START.toISOString(), EVENTS, DAYS]);
  await client.query('VACUUM ANALYZE consent_events');
  await client.end();
}

/** @param {() => Promise<unknown>} fn */
async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const median = (/** @type {number[]} */ xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** @param {string} name @param {{ dataDir?: string, databaseUrl?: string }} where */
async function measure(name, where) {
  const storage = await openStorage(where);
  const app = await buildApp({ storage, adminToken: TOKEN, rateLimit: false });
  const headers = { authorization: `Bearer ${TOKEN}` };
  const range = `from=${START.toISOString().slice(0, 10)}&to=${END.toISOString().slice(0, 10)}`;
  const overview = async () => {
    const res = await app.inject({ url: `/api/admin/overview?${range}`, headers });
    if (res.statusCode !== 200) throw new Error(`overview answered ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  const cold = await time(overview);
  const warm = [];
  for (let i = 0; i < 7; i++) warm.push(await time(overview));
  for (let i = 0; i < 20; i++) {
    const at = new Date().toISOString();
    await storage.insert({ ...row(i), categories: JSON.parse(row(i).categories), services: { ga: true }, gpc: false, receivedAt: at, clientTime: at, origin: null, ipPrefix: null, uaFamily: 'Other' });
  }
  const changed = await time(overview);
  const total = (await overview()).totals.decisions;
  const stats = await time(() => app.inject({ url: `/api/admin/stats?${range}`, headers }));
  await app.close();
  await storage.close();
  console.log(`${name.padEnd(10)} ${total.toLocaleString('en')} events: overview cold ${cold.toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms (median of 7), one day changed ${changed.toFixed(0)} ms; stats route ${stats.toFixed(0)} ms`);
}

const dir = mkdtempSync(join(tmpdir(), 'samtykke-bench-admin-'));
try {
  let t = performance.now();
  await seedSqlite(dir);
  console.log(`# seeded ${EVENTS.toLocaleString('en')} events into SQLite in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await measure('SQLite', { dataDir: dir });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const PG_URL = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (PG_URL) {
  const schema = `samtykke_bench_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  try {
    const t = performance.now();
    await seedPostgres(url.toString());
    console.log(`# seeded ${EVENTS.toLocaleString('en')} events into PostgreSQL in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await measure('PostgreSQL', { databaseUrl: url.toString() });
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
} else {
  console.log('# PostgreSQL not measured: set TEST_DATABASE_URL');
}
