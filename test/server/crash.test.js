// @ts-check
/**
 * Under load, with group commit on: a server process killed with SIGKILL loses no record it
 * acknowledged (every eventId a client got a 2xx for is in the log after a restart on the same
 * database); one stopped with SIGTERM answers every request it accepted, loses nothing and
 * exits 0; and with WORKERS=2 on PostgreSQL both workers serve and a SIGKILLed one loses nothing.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { backends, sampleEvent } from './backends.js';

const MAIN = fileURLToPath(new URL('../../server/main.js', import.meta.url));
const TOKEN = 'crash-test-admin-token-0123';
const CONCURRENCY = 24;
/** Acknowledgements to collect before the kill. */
const ACKS_BEFORE_KILL = 400;
/** A request unanswered for this long counts as not answered. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Starts `node server/main.js` on a free loopback port and resolves once it listens.
 * @param {Record<string, string>} env
 */
async function startServer(env) {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...env, PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: TOKEN, RATE_LIMIT: '1000000000', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  /** Every JSON log line the process (and its workers) wrote. @type {any[]} */
  const lines = [];
  let partial = '';
  child.stdout.on('data', (chunk) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part));
      } catch {}
    }
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const listening = lines.find((l) => /^Server listening at/.test(l.msg ?? ''));
      if (listening) clearInterval(timer), resolve(/Server listening at (http:\/\/[\d.:]+)/.exec(listening.msg)?.[1]);
    }, 20);
    child.once('exit', (code) => (clearInterval(timer), reject(new Error(`server exited (${code}) before listening: ${stderr}`))));
  });
  return { child, url: /** @type {string} */ (url), lines, stderr: () => stderr };
}

/**
 * @param {http.Agent} agent
 * @param {string} url
 * @param {object} body
 * @returns {Promise<number>} the status code
 */
function post(agent, url, body) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(`${url}/api/consents`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    // A connection handed to a worker as it was killed may never be answered: give up on it.
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(Object.assign(new Error('no answer'), { code: 'TIMEOUT' })));
    req.end(data);
  });
}

/** @param {string} url */
async function storedEventIds(url) {
  const res = await fetch(`${url}/api/admin/consents?format=ndjson`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  return new Set((await res.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line).eventId));
}

/**
 * Keeps CONCURRENCY clients posting fresh events to `url` until the server is gone, and calls
 * `act` once ACKS_BEFORE_KILL events are acknowledged.
 * @param {string} url
 * @param {() => void} act kills or stops the server
 * @param {Promise<unknown>} gone settles when the process (the one expected to go) has exited
 */
async function underLoad(url, act, gone) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  /** @type {Set<string>} */
  const acknowledged = new Set();
  /** Events whose request got no answer at all (the connection failed), by error code. @type {Map<string, string>} */
  const unanswered = new Map();
  /** @type {Map<number, number>} */
  const statuses = new Map();
  let inFlight = 0;
  let inFlightAtAct = 0;
  let acted = false;
  let stop = false;
  gone.then(() => (stop = true));
  const client = async () => {
    while (!stop) {
      const event = sampleEvent();
      inFlight++;
      const status = await post(agent, url, event).catch((/** @type {any} */ error) => (unanswered.set(event.eventId, error.code ?? 'error'), 0));
      inFlight--;
      if (status) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 201 || status === 200) acknowledged.add(event.eventId);
      else if (!acted) throw new Error(`status ${status} before the server was stopped`);
      if (!acted && acknowledged.size >= ACKS_BEFORE_KILL) {
        acted = true;
        inFlightAtAct = inFlight;
        act();
      }
      // After a stop the port closes: no client should spin on refused connections.
      if (acted && status === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  agent.destroy();
  return { acknowledged, unanswered, statuses, inFlightAtAct };
}

/**
 * Restarts on the same database and returns what is stored.
 * @param {Record<string, string>} env
 */
async function storedAfterRestart(env) {
  const second = await startServer(env);
  try {
    return await storedEventIds(second.url);
  } finally {
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
  }
}

for (const backend of backends) {
  describe(`crash safety and shutdown on ${backend.name}`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    before(async () => (db = await backend.create()));
    after(() => db.drop());

    it('loses no acknowledged record when the server is SIGKILLed under concurrent load, with group commit (COMPLIANCE 26)', { timeout: 120_000 }, async () => {
      const env = /** @type {Record<string, string>} */ (db.env);
      const first = await startServer(env);
      const exited = once(first.child, 'exit');
      const { acknowledged, inFlightAtAct } = await underLoad(first.url, () => first.child.kill('SIGKILL'), exited);
      const [, signal] = await exited;
      assert.equal(signal, 'SIGKILL');
      assert.ok(inFlightAtAct > 0, 'requests were in flight when the server died');
      const stored = await storedAfterRestart(env);
      const lost = [...acknowledged].filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged records are missing`);
      assert.ok(stored.size >= acknowledged.size);
    });

    it('on SIGTERM under load answers every request it accepted, loses nothing and exits 0 (COMPLIANCE 26)', { timeout: 120_000 }, async () => {
      const env = /** @type {Record<string, string>} */ (db.env);
      const first = await startServer(env);
      const exited = once(first.child, 'exit');
      const { acknowledged, unanswered, statuses, inFlightAtAct } = await underLoad(first.url, () => first.child.kill('SIGTERM'), exited);
      const [code, signal] = await exited;
      assert.deepEqual([code, signal], [0, null], first.stderr());
      assert.ok(inFlightAtAct > 0, 'requests were in flight when SIGTERM came');
      // Whatever was refused during the stop was refused with an answer (503), never a 5xx of another kind.
      assert.deepEqual([...statuses.keys()].filter((s) => s !== 200 && s !== 201 && s !== 503), []);
      const stored = await storedAfterRestart(env);
      assert.deepEqual([...acknowledged].filter((id) => !stored.has(id)), [], 'acknowledged records lost');
      // A request whose connection failed was never accepted: had the server read it, it would have answered.
      const acceptedUnanswered = [...unanswered.keys()].filter((id) => stored.has(id));
      assert.deepEqual(acceptedUnanswered, [], `stored but never answered: ${[...unanswered.values()].join(', ')}`);
      const stopped = first.lines.find((l) => l.msg === 'consent log stopped');
      assert.ok(stopped, 'the stop was logged');
      assert.ok(stopped.batches.events > stopped.batches.batches, `events shared transactions under load: ${JSON.stringify(stopped.batches)}`);
    });

    if (backend.name === 'PostgreSQL') {
      it('runs WORKERS=2 processes that both serve; one SIGKILLed under load loses nothing acknowledged (COMPLIANCE 26)', { timeout: 120_000 }, async () => {
        const env = { .../** @type {Record<string, string>} */ (db.env), WORKERS: '2' };
        const primary = await startServer(env);
        const servingPids = () => new Set(primary.lines.filter((l) => l.msg === 'request completed').map((l) => l.pid));
        const workerPids = () => [...new Set(primary.lines.filter((l) => /^Server listening at/.test(l.msg ?? '')).map((l) => l.pid))];
        // Both have started listening before the load, so connections go to both.
        for (let i = 0; i < 250 && workerPids().length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
        assert.equal(workerPids().length, 2, 'two workers listen');
        const victim = workerPids()[0];
        /** @type {() => void} */
        let victimGone = () => {};
        const gone = new Promise((resolve) => (victimGone = () => resolve(undefined)));
        // The load stops shortly after the kill; the survivor answers the clients that reconnect.
        const { acknowledged } = await underLoad(primary.url, () => {
          process.kill(victim, 'SIGKILL');
          setTimeout(victimGone, 500);
        }, gone);
        assert.deepEqual([...servingPids()].sort(), [...workerPids()].slice(0, 2).sort(), 'both workers answered requests');
        const stored = await storedEventIds(primary.url);
        const lost = [...acknowledged].filter((id) => !stored.has(id));
        assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged records are missing`);
        const exited = once(primary.child, 'exit');
        primary.child.kill('SIGTERM');
        assert.deepEqual(await exited, [0, null], JSON.stringify(primary.lines.filter((l) => l.hostname === undefined || /stop|died/.test(l.msg))));
      });
    }
  });
}
