// @ts-check
/**
 * `npm run bench:server`: POST /api/consents throughput, p99 latency and group-commit batch
 * sizes, side by side with a bare Fastify route that answers 201 without validating or storing.
 *
 * Each server runs in a child process of its own (this file with `--serve <kind>`) on
 * 127.0.0.1, built by the service's own `startService` (and, for WORKERS=2, node:cluster as
 * `main.js` runs it); autocannon drives it from this process with 10 connections for 5 s after
 * a 1 s warm-up. Every request carries a fresh, valid consent event (new eventId), so each one
 * is a real insert: schema validation, origin check, IP truncation, the commit, the receipt.
 * Logging is off; the rate limit is on but set out of reach. Then a burst of 1,000 requests
 * from 200 concurrent clients, counted back in the database: 0 errors and 0 lost is the target.
 *
 * PostgreSQL is measured when DATABASE_URL or TEST_DATABASE_URL is set, in a throwaway schema
 * that is dropped afterwards.
 */
import { spawn } from 'node:child_process';
import cluster from 'node:cluster';
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
const BURST = { requests: 1000, clients: 200 };

/** A valid consent event, as the widget sends it, with fresh IDs. */
const event = (path = '/demo/') => JSON.stringify(sampleEvent({ clientTime: new Date().toISOString(), path }));

/** The burst's events carry this path, so they are counted apart from the measured run's. */
const BURST_PATH = '/bench/burst';

/**
 * Child side: start one server (or a cluster primary with WORKERS workers), report the port
 * to the parent, and on SIGTERM stop and report the batch sizes.
 * @param {string} kind
 */
async function serve(kind) {
  if (kind === 'bare') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    app.post('/api/consents', async (request, reply) => reply.code(201).send({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
    process.on('SIGTERM', () => app.close().then(() => process.send?.({ counts: [0] }, () => process.exit(0))));
    return;
  }
  const { loadSettings } = await import('../server/settings.js');
  const settings = loadSettings({ ...process.env, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT: '1000000000' });
  const { BatchSizes } = await import('../server/storage/group-commit.js');
  if (cluster.isPrimary && settings.workers > 1) {
    const sizes = new BatchSizes(settings.batchMaxSize);
    let reported = false;
    let stopped = 0;
    for (let i = 0; i < settings.workers; i++) {
      cluster.fork().on('message', (/** @type {any} */ message) => {
        if (message.port && !reported) (reported = true), process.send?.({ port: message.port });
        if (message.counts) {
          sizes.merge(message.counts);
          if (++stopped === settings.workers) process.send?.({ counts: sizes.counts }, () => process.exit(0));
        }
      });
    }
    process.on('SIGTERM', () => Object.values(cluster.workers ?? {}).forEach((w) => w?.process.kill('SIGTERM')));
    return;
  }
  const { startService } = await import('../server/service.js');
  const service = await startService(settings, { logger: false });
  const address = service.app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  process.on('SIGTERM', () => service.stop().then(() => process.send?.({ counts: service.batchSizes.counts }, () => process.exit(0))));
}

/**
 * Parent side: start a server, warm it up, measure, then (optionally) a burst, stop it.
 * @param {string} kind
 * @param {Record<string, string>} env
 * @param {{ burst?: () => Promise<number> }} [options] `burst` counts the burst's stored records
 */
async function measure(kind, env, { burst } = {}) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', kind], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [{ port }] = /** @type {[{ port: number }]} */ (await once(child, 'message'));
  const { default: autocannon } = await import('autocannon');
  const requests = [{ method: 'POST', path: '/api/consents', headers: { 'content-type': 'application/json' }, setupRequest: (/** @type {any} */ req) => ({ ...req, body: event() }) }];
  const url = `http://127.0.0.1:${port}`;
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, requests });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  let burstResult = null;
  if (burst) {
    const burstRequests = [{ ...requests[0], setupRequest: (/** @type {any} */ req) => ({ ...req, body: event(BURST_PATH) }) }];
    const b = await autocannon({ url, connections: BURST.clients, amount: BURST.requests, requests: burstRequests, timeout: 30 });
    burstResult = { ok: b['2xx'], errors: b.non2xx + b.errors + b.timeouts, lost: b['2xx'] - (await burst()), p99: b.latency.p99 };
  }
  const counts = once(child, 'message');
  child.kill('SIGTERM');
  const [{ counts: sizes }] = /** @type {[{ counts: number[] }]} */ (await counts);
  await once(child, 'exit');
  const { BatchSizes } = await import('../server/storage/group-commit.js');
  const histogram = new BatchSizes(sizes.length - 1);
  histogram.merge(sizes);
  return {
    reqPerSec: Math.round(result.requests.average),
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
    batches: kind === 'bare' ? null : histogram.summary(),
    burst: burstResult,
  };
}

/** @param {string} label @param {Awaited<ReturnType<typeof measure>>} r @param {number} [bare] */
function print(label, r, bare) {
  const ratio = bare ? `  ${String(Math.round((100 * r.reqPerSec) / bare)).padStart(3)} % of bare` : '';
  const batches = r.batches ? `   batch size median ${r.batches.median}, p99 ${r.batches.p99}` : '';
  console.log(`${label.padEnd(34)} ${String(r.reqPerSec).padStart(7)} req/s   p99 ${String(r.p99).padStart(4)} ms${ratio}${batches}   ` +
    `${r.ok} × 2xx${r.other ? `, ${r.other} failed` : ''}`);
  if (r.burst) {
    console.log(`${'  burst 1,000 at 200 clients'.padEnd(34)} ${r.burst.ok} × 2xx, ${r.burst.errors} errors, ${r.burst.lost} lost, p99 ${r.burst.p99} ms`);
  }
}

async function main() {
  console.log(`POST /api/consents, ${CONNECTIONS} connections, ${DURATION_S} s each (after ${WARMUP_S} s warm-up), loopback; ` +
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}`);
  const bare = await measure('bare', {});
  print('bare Fastify route (201, no work)', bare);

  const { default: Database } = await import('better-sqlite3');
  const { SQLITE_FILE } = await import('../server/storage/sqlite.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'samtykke-bench-'));
  try {
    const count = async () => {
      const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
      try {
        return Number(db.prepare('SELECT count(*) AS n FROM consent_events WHERE path = ?').pluck().get(BURST_PATH));
      } finally {
        db.close();
      }
    };
    print('SQLite (WAL, synchronous=FULL)', await measure('sqlite', { DATA_DIR: dataDir, DATABASE_URL: '' }, { burst: count }), bare.reqPerSec);
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
    const count = async () => Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.consent_events WHERE path = $1`, [BURST_PATH])).rows[0].n);
    for (const workers of [1, 2]) {
      const label = `PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''} (sync commit)`;
      print(label, await measure('postgres', { DATABASE_URL: scoped.toString(), WORKERS: String(workers) }, { burst: workers === 1 ? count : undefined }), bare.reqPerSec);
    }
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0 || cluster.isWorker) await serve(process.argv[serveAt + 1] ?? 'postgres');
else await main();
