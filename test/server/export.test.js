// @ts-check
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../server/app.js';
import { CSV_COLUMNS, toCsvLine } from '../../server/export-format.js';
import { PAGE_SIZE } from '../../server/storage/index.js';
import { purgeExpired } from '../../server/retention.js';
import { allRecords, backends, sampleEvent } from './backends.js';

const TOKEN = 'export-admin-token-abcdefgh';
const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * Reads RFC 4180 CSV (quoted cells, doubled quotes, CRLF) into rows of cells.
 * @param {string} text
 */
function parseCsv(text) {
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
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  assert.equal(cell + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

for (const backend of backends) {
  describe(`admin export, stats and retention on ${backend.name}`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    let clock = new Date();
    const visitor = sampleEvent().consentId;
    /** The log this suite works on: [received at, event]. */
    const log = /** @type {[string, ReturnType<typeof sampleEvent>][]} */ ([
      ['2025-03-01T08:00:00.000Z', sampleEvent({ consentId: visitor, action: 'accept-all', categories: { necessary: true, analytics: true, marketing: true } })],
      ['2025-03-01T23:59:59.999Z', sampleEvent({ action: 'reject-all', categories: { necessary: true, analytics: false, marketing: false } })],
      ['2025-03-02T00:00:00.000Z', sampleEvent({ consentId: visitor, action: 'save', categories: { necessary: true, analytics: true, marketing: false }, path: '/a,"b"' })],
      ['2025-03-03T12:00:00.000Z', sampleEvent({ consentId: visitor, action: 'withdraw', categories: { necessary: true, analytics: false, marketing: false } })],
    ]);

    before(async () => {
      db = await backend.create();
      storage = await db.open();
      app = await buildApp({ storage, adminToken: TOKEN, now: () => clock, rateLimit: false });
      for (const [at, event] of log) {
        clock = new Date(at);
        assert.equal((await app.inject({ method: 'POST', url: '/api/consents', payload: event })).statusCode, 201);
      }
    });
    after(async () => {
      await app.close();
      await storage.close();
      await db.drop();
    });

    /** @param {string} query */
    const exportOf = (query) => app.inject({ url: `/api/admin/consents?${query}`, headers: auth });
    /** @param {string} body */
    const ndjson = (body) => body.split('\n').filter(Boolean).map((line) => JSON.parse(line));

    it('exports NDJSON, one record per line, oldest first, with server time and without raw IPs (COMPLIANCE 25)', async () => {
      const res = await exportOf('format=ndjson');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/x-ndjson/);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="samtykke-consents-/);
      assert.ok(res.body.endsWith('\n'));
      const records = ndjson(res.body);
      assert.deepEqual(records.map((r) => r.eventId), log.map(([, e]) => e.eventId));
      assert.deepEqual(records.map((r) => r.receivedAt), log.map(([at]) => at));
      assert.deepEqual(records[2], { ...log[2][1], receivedAt: log[2][0], origin: null, ipPrefix: '127.0.0.0/24', uaFamily: 'Other' });
    });

    it('exports CSV with a header row and one quoted, parseable row per record (COMPLIANCE 25)', async () => {
      const res = await exportOf('format=csv');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
      const [header, ...rows] = parseCsv(res.body);
      assert.deepEqual(header, [...CSV_COLUMNS]);
      assert.equal(rows.length, log.length);
      const cell = (/** @type {string[]} */ row, /** @type {string} */ name) => row[header.indexOf(name)];
      assert.deepEqual(rows.map((r) => cell(r, 'eventId')), log.map(([, e]) => e.eventId));
      assert.equal(cell(rows[2], 'path'), '/a,"b"');
      assert.deepEqual(JSON.parse(cell(rows[2], 'categories')), log[2][1].categories);
      assert.equal(cell(rows[2], 'gpc'), 'false');
      assert.equal(cell(rows[2], 'origin'), '');
    });

    it('defuses CSV cells a spreadsheet would run as formulas (COMPLIANCE 25)', () => {
      const record = { ...log[0][1], receivedAt: log[0][0], origin: null, ipPrefix: null, uaFamily: '=HYPERLINK("x")' };
      const [row] = parseCsv(toCsvLine(record));
      assert.equal(row[CSV_COLUMNS.indexOf('uaFamily')], `'=HYPERLINK("x")`);
    });

    it('exports a date range: whole days for dates, [from, to) for date-times (COMPLIANCE 25)', async () => {
      const ids = async (/** @type {string} */ q) => ndjson((await exportOf(q)).body).map((r) => r.eventId);
      const id = (/** @type {number} */ i) => log[i][1].eventId;
      assert.deepEqual(await ids('from=2025-03-01&to=2025-03-01'), [id(0), id(1)]);
      assert.deepEqual(await ids('from=2025-03-02'), [id(2), id(3)]);
      assert.deepEqual(await ids('to=2025-03-02'), [id(0), id(1), id(2)]);
      assert.deepEqual(await ids('from=2025-03-01T08:00:00Z&to=2025-03-02T00:00:00Z'), [id(0), id(1)]);
      assert.deepEqual(await ids('from=2025-03-01T10:00:00.001%2B02:00&to=2025-03-03T12:00:00.001Z'), [id(1), id(2), id(3)]);
      assert.deepEqual(await ids('from=2025-04-01'), []);
    });

    it('exports by consent ID, alone or with a range (COMPLIANCE 25)', async () => {
      const ids = async (/** @type {string} */ q) => ndjson((await exportOf(q)).body).map((r) => r.eventId);
      assert.deepEqual(await ids(`consentId=${visitor}`), [log[0][1].eventId, log[2][1].eventId, log[3][1].eventId]);
      assert.deepEqual(await ids(`consentId=${visitor}&from=2025-03-02&to=2025-03-02`), [log[2][1].eventId]);
    });

    it('refuses bad export queries with 400 (COMPLIANCE 25)', async () => {
      for (const q of ['format=xml', 'from=yesterday', 'from=2025-13-01', 'to=2025-03-01T25:00:00Z', 'consentId=nope',
        'from=2025-03-02&to=2025-03-01', 'from=2025-03-01T00:00:00Z&to=2025-03-01T00:00:00Z', 'limit=5']) {
        const res = await exportOf(q);
        assert.equal(res.statusCode, 400, q);
      }
      assert.equal((await app.inject({ url: '/api/admin/stats?from=soon', headers: auth })).statusCode, 400);
    });

    it('counts decisions per day (UTC) by action and by category (COMPLIANCE 25)', async () => {
      const res = await app.inject({ url: '/api/admin/stats?from=2025-03-01&to=2025-03-02', headers: auth });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), {
        from: '2025-03-01T00:00:00.000Z',
        to: '2025-03-03T00:00:00.000Z',
        days: [
          {
            day: '2025-03-01',
            decisions: 2,
            actions: { 'accept-all': 1, 'reject-all': 1 },
            categories: { necessary: { granted: 2, refused: 0 }, analytics: { granted: 1, refused: 1 }, marketing: { granted: 1, refused: 1 } },
          },
          {
            day: '2025-03-02',
            decisions: 1,
            actions: { save: 1 },
            categories: { necessary: { granted: 1, refused: 0 }, analytics: { granted: 1, refused: 0 }, marketing: { granted: 0, refused: 1 } },
          },
        ],
      });
    });

    it(`streams more than one page (${PAGE_SIZE} rows) of records received in the same millisecond, each once (COMPLIANCE 25)`, async () => {
      const bulk = await backend.create();
      const bulkStorage = await bulk.open();
      const receivedAt = '2025-05-05T05:05:05.005Z';
      const expected = new Set();
      for (let i = 0; i < PAGE_SIZE * 2 + 7; i++) {
        const event = sampleEvent();
        expected.add(event.eventId);
        await bulkStorage.insert({ ...event, receivedAt, origin: null, ipPrefix: null, uaFamily: 'Other' });
      }
      const bulkApp = await buildApp({ storage: bulkStorage, adminToken: TOKEN, rateLimit: false });
      const res = await bulkApp.inject({ url: '/api/admin/consents?format=ndjson', headers: auth });
      const ids = ndjson(res.body).map((r) => r.eventId);
      assert.equal(ids.length, expected.size);
      assert.deepEqual(new Set(ids), expected);
      await bulkApp.close();
      await bulkStorage.close();
      await bulk.drop();
    });

    it('purges records past RETENTION_DAYS and keeps the rest (COMPLIANCE 25)', async () => {
      const { deleted, cutoff } = await purgeExpired(storage, 30, new Date('2025-03-31T12:00:00.000Z'));
      assert.equal(cutoff, '2025-03-01T12:00:00.000Z');
      assert.equal(deleted, 1);
      assert.deepEqual((await allRecords(storage)).map((r) => r.eventId), log.slice(1).map(([, e]) => e.eventId));
      assert.equal((await purgeExpired(storage, 30, new Date('2025-03-31T12:00:00.000Z'))).deleted, 0);
    });
  });
}
