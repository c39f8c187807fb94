// @ts-check
/**
 * The controller's side of the log: export and statistics, behind a bearer token (scripts) or
 * a dashboard session (the /admin pages). Without a configured token these routes are not
 * registered at all (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { exportQuerySchema, rangeQuerySchema } from '../schema.js';
import { CSV_SEPARATORS, csvHeader, toCsvLine, toNdjsonLine } from '../export-format.js';
import { rangeOf } from '../date-range.js';
import cookie from '@fastify/cookie';
import { csrfMatches, isSameOrigin, registerSessionRoutes, sessionOf } from './session.js';
import { registerDashboardRoutes } from './admin-dashboard.js';
import { registerOverviewRoutes } from './admin-overview.js';
import { DEFAULT_RETENTION_DAYS } from '../settings.js';

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

/** The `from`/`to` filters as a range; 400 for anything that is not an instant (date-range.js). */
export { rangeOf };

/**
 * What the dashboard shows besides the log: who keeps it, how long, how long a sign-in lasts.
 * @typedef {object} DashboardOptions
 * @property {string} [controllerName] named on proof documents (CONTROLLER_NAME)
 * @property {number} [retentionDays] RETENTION_DAYS, shown beside the oldest record
 * @property {number} [sessionMinutes] ADMIN_SESSION_MINUTES (default 480)
 */

/**
 * @param {import('fastify').FastifyInstance} api
 * @param {{ storage: ConsentLogStorage, adminToken: string, now?: () => Date, dashboard?: DashboardOptions }} options
 */
export async function registerAdminRoutes(api, { storage, adminToken, now = () => new Date(), dashboard = {} }) {
  const expected = createHash('sha256').update(adminToken).digest();
  const tokenMatches = (/** @type {string} */ token) => timingSafeEqual(createHash('sha256').update(token).digest(), expected);
  await api.register(async (admin) => {
    await admin.register(cookie);
    const about = { controllerName: dashboard.controllerName ?? null, retentionDays: dashboard.retentionDays ?? DEFAULT_RETENTION_DAYS };
    await registerSessionRoutes(admin, { storage, tokenMatches, now, sessionMinutes: dashboard.sessionMinutes ?? 480, about });
    await registerDashboardRoutes(admin);

    /**
     * @param {import('fastify').FastifyReply} reply
     * @param {number} status
     * @param {string} message
     * @param {string} [reason] a word the dashboard acts on (`session-expired`)
     */
    const refuse = (reply, status, message, reason) => {
      if (status === 401) reply.header('www-authenticate', 'Bearer realm="samtykke-admin"');
      return reply.code(status).header('cache-control', 'no-store')
        .send({ statusCode: status, error: status === 401 ? 'Unauthorized' : 'Forbidden', message, ...(reason ? { reason } : {}) });
    };
    // A bearer token (a script's) or a session cookie with its CSRF token (the dashboard's);
    // a request another site's page makes is refused whatever it carries.
    admin.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/admin/') || request.url.startsWith('/api/admin/session')) return;
      if (!isSameOrigin(request)) return refuse(reply, 403, 'Admin routes do not answer requests from other sites.');
      if (request.headers.authorization !== undefined) {
        if (bearerMatches(request.headers.authorization, expected)) return;
        return refuse(reply, 401, 'A valid admin bearer token is required.');
      }
      const session = await sessionOf(request, storage, now);
      if (session === undefined) return refuse(reply, 401, 'A valid admin bearer token or a dashboard session is required.');
      if (session === null) return refuse(reply, 401, 'Your dashboard session has expired. Sign in again.', 'session-expired');
      if (!csrfMatches(request, session)) return refuse(reply, 403, 'The request did not come from the dashboard (its CSRF token is missing or wrong).');
    });

    admin.get('/api/admin/consents', { schema: { querystring: exportQuerySchema } }, async (request, reply) => {
      const query = /** @type {{ from?: string, to?: string, consentId?: string, format: 'csv' | 'ndjson', separator: 'comma' | 'semicolon' }} */ (request.query);
      const range = rangeOf(query);
      const csv = query.format === 'csv';
      const records = storage.records({ ...range, consentId: query.consentId })[Symbol.asyncIterator]();
      // The first page is read before the headers go out, so a database error is still a clean 500.
      const first = await records.next();
      async function* lines() {
        const separator = CSV_SEPARATORS[query.separator];
        if (csv) yield csvHeader(separator);
        for (let r = first; !r.done; r = await records.next()) yield csv ? toCsvLine(r.value, separator) : toNdjsonLine(r.value);
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

    await registerOverviewRoutes(admin, { storage, now, ...about });
  });
}
