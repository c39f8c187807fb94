// @ts-check
/**
 * The log's hardening: CSV cells no spreadsheet runs, date filters that never 500, security
 * headers on every response, and ≥ 1,000 generated malformed bodies answered without a 5xx or
 * a stack trace, on each database.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../server/app.js';
import { CSV_COLUMNS } from '../../server/export-format.js';
import { PAGE_CSP } from '../../server/security-headers.js';
import { consentEventSchema } from '../../server/schema.js';
import { backends, sampleEvent } from './backends.js';

const TOKEN = 'hardening-admin-token-0123';
const auth = { authorization: `Bearer ${TOKEN}` };
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Reads CSV with quoted cells, doubled quotes and CRLF, split on `separator`.
 * @param {string} text
 * @param {string} separator
 */
function parseCsv(text, separator) {
  /** @type {string[][]} */
  const rows = [];
  let row = /** @type {string[]} */ ([]);
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  assert.equal(cell + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

/** Text a spreadsheet would run, placed where the log keeps free text. */
const HOSTILE = [
  ['path', '/x;=1+1'],
  ['path', '/a,=SUM(A1:A9)'],
  ['path', '/q"uote;@cmd'],
  ['policyVersion', '=HYPERLINK("https://evil.example")'],
  ['policyVersion', '+1;-2'],
  ['policyVersion', '-2+3'],
  ['policyVersion', '@SUM(1)'],
  ['widgetVersion', '-1'],
];

/** A tiny deterministic generator, so a failing body can be reproduced. @param {number} seed */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

/**
 * ≥ 1,000 bodies that are each wrong in a way the schema must refuse: a field of the wrong
 * type, a missing field, an unknown field, a broken JSON text, or a wrong content type.
 * @returns {{ what: string, body: string, type: string }[]}
 */
function malformedBodies() {
  const rnd = random(20261208);
  const pick = (/** @type {any[]} */ list) => list[Math.floor(rnd() * list.length)];
  const fields = Object.keys(consentEventSchema.properties);
  const typeOf = (/** @type {string} */ field) => consentEventSchema.properties[field].type;
  /** Values of every JSON type; a mutation uses one whose type the field does not have. */
  const values = [null, true, false, 0, -1, 1.5, 2 ** 53, 1e308, '', 'x', '\u0000', '\ud800', '<script>alert(1)</script>',
    "'; DROP TABLE consent_events; --", 'a'.repeat(5000), [], [1, 2], {}, { nested: { deep: [1] } }];
  const jsonType = (/** @type {unknown} */ v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  const fits = (/** @type {string} */ field, /** @type {unknown} */ v) => {
    const t = typeOf(field);
    const vt = jsonType(v);
    return vt === t || (t === 'number' && vt === 'integer');
  };
  const out = [];
  for (let i = 0; out.length < 1200; i++) {
    const event = /** @type {Record<string, unknown>} */ (sampleEvent());
    const kind = i % 6;
    if (kind === 0) {
      const field = pick(fields);
      const value = pick(values.filter((v) => !fits(field, v)));
      event[field] = value;
      out.push({ what: `${field} = ${JSON.stringify(value)?.slice(0, 40)}`, body: JSON.stringify(event), type: 'application/json' });
    } else if (kind === 1) {
      const field = pick(consentEventSchema.required);
      delete event[field];
      out.push({ what: `no ${field}`, body: JSON.stringify(event), type: pick(['application/json', 'text/plain']) });
    } else if (kind === 2) {
      // Defined, not assigned: `__proto__` becomes a key of the body, not the object's prototype.
      const key = pick(['ip', 'userAgent', 'x', '__proto__', 'constructor', 'admin', 'seq']);
      Object.defineProperty(event, key, { value: pick(values), enumerable: true });
      out.push({ what: `an unknown field ${key}`, body: JSON.stringify(event), type: 'application/json' });
    } else if (kind === 3) {
      const text = JSON.stringify(event);
      const cut = 1 + Math.floor(rnd() * (text.length - 2));
      out.push({ what: `JSON cut at ${cut}`, body: text.slice(0, cut), type: pick(['application/json', 'text/plain']) });
    } else if (kind === 4) {
      const field = pick(['categories', 'services']);
      event[field] = { [pick(['1a', 'a b', '', 'é', 'x'.repeat(65), '<b>'])]: true };
      out.push({ what: `a bad ${field} key`, body: JSON.stringify(event), type: 'application/json' });
    } else {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256)));
      out.push({ what: 'random bytes', body: bytes.toString('latin1'), type: pick(['application/json', 'text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded']) });
    }
  }
  return out;
}

/** Traces of a stack or of the server's source in an answer. */
const STACK = /\bat [\w.<>]+ \(|node:internal|\.js:\d+:\d+|\/work\/|\/server\//;

for (const backend of backends) {
  describe(`hardening on ${backend.name}`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    let clock = new Date('2025-03-01T12:00:00.000Z');
    before(async () => {
      db = await backend.create();
      storage = await db.open();
      app = await buildApp({ storage, adminToken: TOKEN, rateLimit: false, staticRoot: root, now: () => clock });
    });
    after(async () => {
      await app.close();
      await storage.close();
      await db.drop();
    });

    it('answers ≥ 1,000 generated malformed bodies with a 4xx, never a 5xx or a stack trace, and stores none (COMPLIANCE 23)', { timeout: 120_000 }, async () => {
      const bodies = malformedBodies();
      assert.ok(bodies.length >= 1000);
      const statuses = new Map();
      for (const { what, body, type } of bodies) {
        const res = await app.inject({ method: 'POST', url: '/api/consents', payload: body, headers: { 'content-type': type } });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok([400, 413, 415].includes(res.statusCode), `${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        assert.doesNotMatch(res.body, STACK, what);
      }
      assert.equal([...statuses.keys()].filter((s) => s >= 500).length, 0);
      assert.deepEqual(await db.raw('SELECT count(*) AS n FROM consent_events').then((r) => Number(/** @type {any} */ (r[0]).n)), 0);
    });

    it('exports hostile text as cells no spreadsheet runs, with either separator (COMPLIANCE 25)', async () => {
      for (const [field, text] of HOSTILE) {
        const res = await app.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent({ [field]: text }) });
        assert.equal(res.statusCode, 201, `${field} ${text}: ${res.body}`);
      }
      for (const [separator, name] of [[',', 'comma'], [';', 'semicolon']]) {
        const res = await app.inject({ url: `/api/admin/consents?format=csv&separator=${name}`, headers: auth });
        assert.equal(res.statusCode, 200);
        const [header, ...rows] = parseCsv(res.body, separator);
        assert.deepEqual(header, [...CSV_COLUMNS], name);
        assert.equal(rows.length, HOSTILE.length);
        for (const row of rows) {
          assert.equal(row.length, CSV_COLUMNS.length, `${name}: one cell per column in ${JSON.stringify(row)}`);
          for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${name}: a cell starts a formula: ${cell}`);
        }
        // The text is all there, behind the apostrophe that defuses it.
        const cells = rows.flat();
        for (const [, text] of HOSTILE) assert.ok(cells.includes(/^[=+\-@]/.test(text) ? `'${text}` : text), `${name}: ${text}`);
      }
    });

    it('reads every admin date filter as an instant or refuses it with 400, never 500 (COMPLIANCE 25)', async () => {
      const ids = async (/** @type {string} */ q) => {
        const res = await app.inject({ url: `/api/admin/consents?${q}`, headers: auth });
        assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
        return res.body.split('\n').filter(Boolean).length;
      };
      const all = await ids('');
      assert.ok(all > 0);
      // Stored at 2025-03-01T12:00Z (the clock above).
      assert.equal(await ids('to=9999-12-31'), all);
      assert.equal(await ids('from=0000-01-01'), all);
      assert.equal(await ids('from=0000-01-01&to=9999-12-31'), all);
      assert.equal(await ids('from=9999-12-31'), 0);
      assert.equal(await ids('to=0000-01-01'), 0);
      assert.equal(await ids('to=2025-02-28T23:59:60Z'), 0);
      assert.equal(await ids('from=2025-02-28T23:59:60Z'), all);
      assert.equal(await ids('from=2025-03-01T00:59:60%2B01:00&to=2025-03-01T12:00:00.001Z'), all);
      assert.equal(await ids('from=2025-03-01T12:00:00.001Z'), 0);
      for (const q of ['to=9999-12-31', 'from=0000-01-01', 'from=2016-12-31T23:59:60Z']) {
        assert.equal((await app.inject({ url: `/api/admin/stats?${q}`, headers: auth })).statusCode, 200, `stats ${q}`);
      }
      for (const q of ['from=2025-02-30', 'from=2025-02-29', 'to=2025-03-01T24:00:00Z', 'to=2025-03-01T23:60:00Z',
        'from=2025-03-01T23:59:61Z', 'from=2025-03-01T11:59:60Z', 'from=2025-03-01T12:59:60%2B01:00', 'from=10000-01-01', 'from=2025-3-1', 'from=2025-03-01T12:00Z', 'to=0000-00-00']) {
        const res = await app.inject({ url: `/api/admin/consents?${q}`, headers: auth });
        assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
        assert.equal((await app.inject({ url: `/api/admin/stats?${q}`, headers: auth })).statusCode, 400, `stats ${q}`);
      }
    });

    it('sends security headers on pages, the API and errors; /demo redirects to /demo/ (COMPLIANCE 23)', async () => {
      const demo = await app.inject({ url: '/demo/' });
      assert.equal(demo.statusCode, 200);
      assert.equal(demo.headers['content-security-policy'], PAGE_CSP);
      assert.doesNotMatch(PAGE_CSP, /unsafe-inline|unsafe-eval|\*/);
      assert.match(PAGE_CSP, /frame-ancestors 'self'/);
      assert.equal(demo.headers['x-frame-options'], 'SAMEORIGIN');
      for (const url of ['/demo/', '/demo/cookies.html', '/demo/assets/video.html', '/api/consents/00000000-0000-4000-8000-000000000000', '/api/nothing', '/healthz']) {
        const res = await app.inject({ url });
        assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
        assert.match(String(res.headers['permissions-policy']), /camera=\(\)/, url);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
        assert.ok(res.headers['content-security-policy'], url);
        assert.ok(res.headers['x-frame-options'], url);
      }
      const posted = await app.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent() });
      assert.equal(posted.headers['cache-control'], 'no-store');
      assert.equal(posted.headers['x-content-type-options'], 'nosniff');
      assert.equal(posted.headers['x-frame-options'], 'DENY');
      // Revalidating a cached page: the 304 leaves the page's own CSP in force, never the data one.
      const etag = demo.headers.etag;
      assert.ok(etag, 'the demo page has an ETag');
      const again = await app.inject({ url: '/demo/', headers: { 'if-none-match': String(etag) } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.headers['content-security-policy'], undefined);
      assert.equal(again.headers['x-frame-options'], undefined);
      const redirect = await app.inject({ url: '/demo' });
      assert.equal(redirect.statusCode, 301);
      assert.equal(redirect.headers.location, '/demo/');
    });
  });
}
