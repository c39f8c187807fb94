// @ts-check
/**
 * The controller's side of the log: export and statistics, behind a bearer token. Without a
 * configured token these routes are not registered at all (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { exportQuerySchema, rangeQuerySchema } from '../schema.js';
import { CSV_HEADER, toCsvLine, toNdjsonLine } from '../export-format.js';

/** @typedef {import('../storage/index.js').ConsentLogStorage} ConsentLogStorage */

/**
 * Compares a presented token with the configured one in constant time (both are hashed
 * first, so their lengths do not leak either).
 * @param {string | undefined} header the Authorization header
 * @param {Buffer} expected SHA-256 of the configured token
 */
function bearerMatches(header, expected) {
  const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(createHash('sha256').update(token).digest(), expected);
}

/**
 * Turns the `from`/`to` query into an ISO range: `from` inclusive, `to` exclusive, and a bare
 * `to` date includes that whole day. Throws a 400 when `to` is not after `from`.
 * @param {{ from?: string, to?: string }} query
 */
export function rangeOf(query) {
  const day = (/** @type {string} */ v) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  const iso = (/** @type {string} */ v) => new Date(day(v) ? `${v}T00:00:00.000Z` : v).toISOString();
  const from = query.from ? iso(query.from) : undefined;
  let to = query.to ? iso(query.to) : undefined;
  if (to && query.to && day(query.to)) to = new Date(Date.parse(to) + 86_400_000).toISOString();
  if (from && to && from >= to) {
    throw Object.assign(new Error('querystring/to must be after querystring/from'), { statusCode: 400 });
  }
  return { from, to };
}

/**
 * @param {import('fastify').FastifyInstance} api
 * @param {{ storage: ConsentLogStorage, adminToken: string }} options
 */
export async function registerAdminRoutes(api, { storage, adminToken }) {
  const expected = createHash('sha256').update(adminToken).digest();
  await api.register(async (admin) => {
    admin.addHook('onRequest', async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, expected)) {
        return reply.code(401).header('www-authenticate', 'Bearer realm="samtykke-admin"')
          .send({ statusCode: 401, error: 'Unauthorized', message: 'A valid admin bearer token is required.' });
      }
    });

    admin.get('/api/admin/consents', { schema: { querystring: exportQuerySchema } }, async (request, reply) => {
      const query = /** @type {{ from?: string, to?: string, consentId?: string, format: 'csv' | 'ndjson' }} */ (request.query);
      const range = rangeOf(query);
      const csv = query.format === 'csv';
      const records = storage.records({ ...range, consentId: query.consentId })[Symbol.asyncIterator]();
      // The first page is read before the headers go out, so a database error is still a clean 500.
      const first = await records.next();
      async function* lines() {
        if (csv) yield CSV_HEADER;
        for (let r = first; !r.done; r = await records.next()) yield csv ? toCsvLine(r.value) : toNdjsonLine(r.value);
      }
      const name = `samtykke-consents-${(range.from ?? 'start').slice(0, 10)}-${(range.to ?? 'now').slice(0, 10)}.${query.format}`;
      return reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(lines()));
    });

    admin.get('/api/admin/stats', { schema: { querystring: rangeQuerySchema } }, async (request, reply) => {
      const range = rangeOf(/** @type {{ from?: string, to?: string }} */ (request.query));
      reply.header('cache-control', 'no-store');
      return { from: range.from ?? null, to: range.to ?? null, days: await storage.stats(range) };
    });
  });
}
