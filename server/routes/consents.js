// @ts-check
/**
 * The widget's side of the log: store a consent event, read one consent ID's history.
 */
import { consentEventSchema, historySchema, receiptSchema, UUID_V4 } from '../schema.js';
import { truncateIp, userAgentFamily } from '../privacy.js';

/** @typedef {import('../storage/index.js').ConsentLogStorage} ConsentLogStorage */
/** @typedef {import('../storage/index.js').ConsentEvent} ConsentEvent */

/** Seconds a client is asked to wait before sending an event the log could not store. */
export const RETRY_AFTER_S = 5;

/**
 * Whether a browser request may write to the log: its Origin is allowed, or it is the
 * service's own origin (the demo), or there is none (a non-browser client).
 * @param {string | undefined} origin
 * @param {Set<string>} origins
 * @param {string} host the request's Host
 */
function originMayWrite(origin, origins, host) {
  if (origin === undefined || origins.has(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * @param {import('fastify').FastifyInstance} api
 * @param {{ storage: ConsentLogStorage, origins: Set<string>, now: () => Date }} options
 */
export async function registerConsentRoutes(api, { storage, origins, now }) {
  api.post('/api/consents', {
    schema: { body: consentEventSchema, response: { 200: receiptSchema, 201: receiptSchema } },
  }, async (request, reply) => {
    const origin = request.headers.origin;
    if (!originMayWrite(origin, origins, request.host)) {
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'This origin may not write to the consent log.' });
    }
    const event = /** @type {ConsentEvent} */ (request.body);
    /** @type {import('../storage/index.js').InsertResult} */
    let stored;
    try {
      stored = await storage.insert({
        eventId: event.eventId,
        consentId: event.consentId,
        action: event.action,
        categories: event.categories,
        services: event.services,
        revision: event.revision,
        policyVersion: event.policyVersion,
        textHash: event.textHash,
        language: event.language,
        gpc: event.gpc,
        path: event.path,
        widgetVersion: event.widgetVersion,
        clientTime: event.clientTime,
        receivedAt: now().toISOString(),
        origin: origin ?? null,
        ipPrefix: truncateIp(request.ip),
        uaFamily: userAgentFamily(request.headers['user-agent']),
      });
    } catch (error) {
      // The batch holding this event failed (database down, disk full, shutting down), so it
      // is not acknowledged; the widget's transport sends it again, and a repeat is stored once.
      request.log.error({ err: error }, 'consent event not stored');
      return reply.code(503).header('retry-after', String(RETRY_AFTER_S)).header('cache-control', 'no-store')
        .send({ statusCode: 503, error: 'Service Unavailable', message: 'The consent log could not store this event now; send it again later.' });
    }
    // `insert` resolved, so the record's batch is committed: only now is it acknowledged.
    return reply.code(stored.created ? 201 : 200).header('cache-control', 'no-store').send(stored.receipt);
  });

  api.get('/api/consents/:consentId', {
    schema: {
      params: { type: 'object', properties: { consentId: { type: 'string', pattern: UUID_V4 } }, required: ['consentId'] },
      response: { 200: historySchema },
    },
  }, async (request, reply) => {
    const { consentId } = /** @type {{ consentId: string }} */ (request.params);
    const records = await storage.history(consentId);
    reply.header('cache-control', 'no-store');
    if (records.length === 0) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'No records for this consent ID.' });
    return { consentId, events: records };
  });
}
