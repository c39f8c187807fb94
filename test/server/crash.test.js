// @ts-check
/**
 * A server process killed with SIGKILL under load loses no record it acknowledged: every
 * eventId a client got a 2xx for is in the log after a restart on the same database.
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
  const url = await new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const match = /Server listening at (http:\/\/[\d.:]+)/.exec(buffer);
      if (match) resolve(match[1]);
      if (buffer.length > 1e5) buffer = buffer.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
  return { child, url: /** @type {string} */ (url) };
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
    req.end(data);
  });
}

/** @param {string} url */
async function storedEventIds(url) {
  const res = await fetch(`${url}/api/admin/consents?format=ndjson`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  return new Set((await res.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line).eventId));
}

for (const backend of backends) {
  describe(`crash safety on ${backend.name}`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    before(async () => (db = await backend.create()));
    after(() => db.drop());

    it('loses no acknowledged record when the server is SIGKILLed under concurrent load (COMPLIANCE 26)', { timeout: 120_000 }, async () => {
      const env = /** @type {Record<string, string>} */ (db.env);
      const first = await startServer(env);
      const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      /** @type {Set<string>} */
      const acknowledged = new Set();
      let inFlight = 0;
      let inFlightAtKill = 0;
      let killed = false;
      let stop = false;
      const exited = once(first.child, 'exit');
      exited.then(() => (stop = true));

      const worker = async () => {
        while (!stop) {
          const event = sampleEvent();
          inFlight++;
          const status = await post(agent, first.url, event).catch(() => 0);
          inFlight--;
          if (status === 201 || status === 200) acknowledged.add(event.eventId);
          else if (!killed) throw new Error(`status ${status} before the kill`);
          if (!killed && acknowledged.size >= ACKS_BEFORE_KILL) {
            killed = true;
            inFlightAtKill = inFlight;
            first.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const [, signal] = await exited;
      agent.destroy();
      assert.equal(signal, 'SIGKILL');
      assert.ok(inFlightAtKill > 0, 'requests were in flight when the server died');

      const second = await startServer(env);
      try {
        const stored = await storedEventIds(second.url);
        const lost = [...acknowledged].filter((id) => !stored.has(id));
        assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged records are missing`);
        assert.ok(stored.size >= acknowledged.size);
      } finally {
        second.child.kill('SIGTERM');
        await once(second.child, 'exit');
      }
    });
  });
}
