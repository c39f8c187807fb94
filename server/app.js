// @ts-check
/**
 * Builds the consent-log service as a Fastify app. `main.js` runs it with settings from the
 * environment; tests build it directly with a temporary database.
 */
import { STATUS_CODES } from 'node:http';
import Fastify from 'fastify';
import cors from '@fastify/cors';
import { registerConsentRoutes } from './routes/consents.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerStaticRoutes } from './routes/static.js';
import { addSecurityHeaders } from './security-headers.js';

/** @typedef {import('./storage/index.js').ConsentLogStorage} ConsentLogStorage */

/**
 * @typedef {object} AppOptions
 * @property {ConsentLogStorage} storage
 * @property {string[]} [allowedOrigins] origins allowed to call the API from a browser (CORS)
 * @property {string} [adminToken] bearer token of the admin routes; without one they do not exist
 * @property {number | false} [rateLimit] requests per minute per client address on /api (default 300)
 * @property {boolean | number | string} [trustProxy] Fastify's trustProxy (behind a load balancer)
 * @property {boolean | { level?: string, stream?: { write(line: string): void } }} [logger]
 * @property {string} [staticRoot] the repository root; when set, demo/, dist/ and locales/ are served
 * @property {() => Date} [now] the clock (tests set it)
 * @property {import('./routes/admin.js').DashboardOptions} [dashboard] controller name, retention and sign-in lifetime the /admin dashboard shows and uses
 */

/** Bodies above this are refused with 413; a consent event is well under 10 KB. */
export const BODY_LIMIT = 32 * 1024;

/** Hides consent IDs (the visitor's capability) and query strings from request logs. */
const UUID_IN_PATH = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Log serializers that leave out client addresses, ports, hosts and user agents: the log
 * would otherwise keep what the database is careful not to (COMPLIANCE 24).
 */
export const logSerializers = {
  /** @param {{ method: string, url: string, id?: string }} request */
  req: (request) => ({ method: request.method, url: String(request.url).split('?')[0].replace(UUID_IN_PATH, ':uuid') }),
  /** @param {{ statusCode: number }} reply */
  res: (reply) => ({ statusCode: reply.statusCode }),
};

/**
 * @param {AppOptions} options
 */
export async function buildApp(options) {
  const { storage, allowedOrigins = [], adminToken, rateLimit = 300, trustProxy = false, logger = false, staticRoot } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: logger === false ? false : { level: 'info', ...(logger === true ? {} : logger), serializers: logSerializers },
    bodyLimit: BODY_LIMIT,
    trustProxy,
    requestTimeout: 30000,
    // Bodies must match the schema exactly: no "1" → 1 coercion, no silent removal of unknown keys.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });

  app.setErrorHandler((error, request, reply) => {
    const err = /** @type {{ statusCode?: number, message?: string }} */ (error);
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({ statusCode: 500, error: STATUS_CODES[500], message: 'The server could not complete this request.' });
    }
    return reply.code(status).send({ statusCode: status, error: STATUS_CODES[status], message: err.message });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: STATUS_CODES[404], message: 'Not found' }),
  );
  addSecurityHeaders(app);

  // navigator.sendBeacon sends a string as text/plain (a CORS-safelisted type, so no
  // preflight on page exit); it is the same JSON, parsed as strictly as application/json.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  const origins = new Set(allowedOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ['GET', 'POST'],
    maxAge: 600,
  });

  app.get('/healthz', async (request, reply) => {
    try {
      await storage.ping();
      return { status: 'ok', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  await app.register(async (api) => {
    if (rateLimit !== false) {
      const { default: limit } = await import('@fastify/rate-limit');
      await api.register(limit, { max: rateLimit, timeWindow: 60_000, keyGenerator: (request) => request.ip });
    }
    await registerConsentRoutes(api, { storage, origins, now });
    if (adminToken) await registerAdminRoutes(api, { storage, adminToken, now, dashboard: options.dashboard });
  });

  if (staticRoot) await registerStaticRoutes(app, staticRoot);
  return app;
}
