// @ts-check
/**
 * `npm run bench:server`: POST /api/consents throughput and p99 latency, side by side with a
 * bare Fastify route that answers 201 without validating or storing anything.
 *
 * Each server runs in a child process of its own (this file with `--serve <kind>`) on
 * 127.0.0.1; autocannon drives it from this process with 10 connections for 5 s after a 1 s
 * warm-up. Every request carries a fresh, valid consent event (new eventId), so each one is a
 * real insert: schema validation, origin check, IP truncation, the database commit, the receipt.
 * Logging is off in all servers; the rate limit is on but set out of reach.
 *
 * PostgreSQL is measured when DATABASE_URL or TEST_DATABASE_URL is set, in a throwaway schema
 * that is dropped afterwards.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sampleEvent } from '../test/server/sample-event.js';

const DURATION_S = 5;
const WARMUP_S = 1;
const CONNECTIONS = 10;

/** A valid consent event, as the widget sends it, with fresh IDs. */
const event = () => JSON.stringify(sampleEvent({ clientTime: new Date().toISOString() }));

/**
 * Child side: start one server and report its port to the parent.
 * @param {string} kind
 */
async function serve(kind) {
  const { default: Fastify } = await import('fastify');
  let app;
  if (kind === 'bare') {
    app = Fastify({ logger: false });
    app.post('/api/consents', async (request, reply) => reply.code(201).send({ ok: true }));
  } else {
    const { openStorage } = await import('../server/storage/index.js');
    const { buildApp } = await import('../server/app.js');
    const storage = await openStorage(kind === 'sqlite' ? { dataDir: /** @type {string} */ (process.env.BENCH_DATA_DIR) } : { databaseUrl: process.env.BENCH_DATABASE_URL });
    app = await buildApp({ storage, logger: false, rateLimit: 1e9 });
    app.addHook('onClose', () => storage.close());
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
}

/**
 * Parent side: start a server, warm it up, measure, stop it.
 * @param {string} kind
 * @param {Record<string, string>} env
 */
async function measure(kind, env) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', kind], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [{ port }] = /** @type {[{ port: number }]} */ (await once(child, 'message'));
  const { default: autocannon } = await import('autocannon');
  /** @param {number} duration */
  const run = (duration) => autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration,
    requests: [{ method: 'POST', path: '/api/consents', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: event() }) }],
  });
  await run(WARMUP_S);
  const result = await run(DURATION_S);
  child.kill('SIGTERM');
  await once(child, 'exit');
  return {
    reqPerSec: Math.round(result.requests.average),
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

/** @param {string} label @param {Awaited<ReturnType<typeof measure>>} r */
const line = (label, r) =>
  `${label.padEnd(34)} ${String(r.reqPerSec).padStart(7)} req/s   p99 ${String(r.p99).padStart(4)} ms   ` +
  `${r.ok} × 2xx${r.other ? `, ${r.other} failed` : ''}`;

async function main() {
  console.log(`POST /api/consents, ${CONNECTIONS} connections, ${DURATION_S} s each (after ${WARMUP_S} s warm-up), loopback; ` +
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}`);
  console.log(line('bare Fastify route (201, no work)', await measure('bare', {})));

  const dataDir = mkdtempSync(join(tmpdir(), 'samtykke-bench-'));
  try {
    console.log(line('SQLite (WAL, synchronous=FULL)', await measure('sqlite', { BENCH_DATA_DIR: dataDir })));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: not measured (no DATABASE_URL)');
    return;
  }
  const { default: pg } = await import('pg');
  const schema = `samtykke_bench_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    console.log(line('PostgreSQL (synchronous_commit=on)', await measure('postgres', { BENCH_DATABASE_URL: scoped.toString() })));
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1]);
else await main();
