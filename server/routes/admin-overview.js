// @ts-check
/**
 * The dashboard's reads: the overview of a date range and one consent ID's full history. Registered inside the admin scope, behind its bearer-or-session check.
 */
import { overviewOf } from '../storage/overview.js';
import { UUID_V4 } from '../schema.js';

/** @typedef {import('../storage/index.js').ConsentLogStorage} ConsentLogStorage */

/** The longest range one overview covers (ten years of days). */
export const MAX_OVERVIEW_DAYS = 3660;

const day = { type: 'string', format: 'date' };

/**
 * @param {import('fastify').FastifyInstance} admin
 * @param {{ storage: ConsentLogStorage, now: () => Date, controllerName: string | null, retentionDays: number }} options
 */
export async function registerOverviewRoutes(admin, { storage, now, controllerName, retentionDays }) {
  admin.get('/api/admin/overview', {
    schema: {
      querystring: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: day, to: day } },
    },
  }, async (request, reply) => {
    const { from, to } = /** @type {{ from: string, to: string }} */ (request.query);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (days < 1) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'querystring/to must not be before querystring/from' });
    if (days > MAX_OVERVIEW_DAYS) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `the range may span at most ${MAX_OVERVIEW_DAYS} days` });
    const { oldest, ...overview } = await overviewOf(storage, from, to, now());
    reply.header('cache-control', 'no-store');
    return { ...overview, retention: { days: retentionDays, oldest }, controllerName };
  });

  admin.get('/api/admin/history/:consentId', {
    schema: { params: { type: 'object', required: ['consentId'], properties: { consentId: { type: 'string', pattern: UUID_V4 } } } },
  }, async (request, reply) => {
    const { consentId } = /** @type {{ consentId: string }} */ (request.params);
    const events = await storage.history(consentId);
    reply.header('cache-control', 'no-store');
    if (events.length === 0) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'The log has no events for this consent ID.' });
    return { consentId, events, controllerName, retentionDays };
  });
}
