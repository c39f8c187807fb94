// @ts-check
/**
 * Dashboard sign-in: the admin token is exchanged once for a session kept in the database
 * (only hashes of its ID and CSRF token), so any process on a shared PostgreSQL knows it and
 * signing out ends it everywhere. The session ID travels in an HttpOnly, SameSite=Strict
 * cookie (Secure on https); the CSRF token in a readable cookie that the page copies into a
 * header, which the server compares with the session's. The token itself is never stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** @typedef {import('../storage/index.js').ConsentLogStorage} ConsentLogStorage */

/** The HttpOnly cookie holding the session ID. */
export const SESSION_COOKIE = 'samtykke_admin';
/** The readable cookie holding the CSRF token the page sends back as {@link CSRF_HEADER}. */
export const CSRF_COOKIE = 'samtykke_admin_csrf';
export const CSRF_HEADER = 'x-samtykke-csrf';

/** Failed sign-ins one client may make per window before it must wait. */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** @param {string} value */
export const sha256 = (value) => createHash('sha256').update(value).digest('hex');

/**
 * Whether two hex digests are equal, in constant time.
 * @param {string} a
 * @param {string} b
 */
const sameDigest = (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Whether the request comes from the service's own pages: an `Origin` header, when the browser
 * sends one, names this very origin, and `Sec-Fetch-Site`, when sent, says same-origin.
 * @param {import('fastify').FastifyRequest} request
 */
export function isSameOrigin(request) {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).origin === new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return false;
  }
}

/**
 * Counts failed sign-ins per client key; after {@link SIGN_IN_ATTEMPTS} in a window the client
 * waits for the window to end. Kept per process: with several processes an attacker gets that
 * many times the attempts, still far too few for a token of 16 or more characters.
 */
class FailedSignIns {
  /** @param {() => Date} now */
  constructor(now) {
    this.now = now;
    /** @type {Map<string, { count: number, resetAt: number }>} */
    this.byKey = new Map();
  }

  /** @param {string} key @returns {number} seconds to wait, 0 when the client may try */
  waitFor(key) {
    const entry = this.byKey.get(key);
    const t = this.now().getTime();
    if (!entry || entry.resetAt <= t) return 0;
    return entry.count >= SIGN_IN_ATTEMPTS ? Math.ceil((entry.resetAt - t) / 1000) : 0;
  }

  /** @param {string} key */
  fail(key) {
    const t = this.now().getTime();
    // Bounded: stale entries go first, so a flood of addresses cannot grow the map for long.
    if (this.byKey.size > 10_000) for (const [k, e] of this.byKey) if (e.resetAt <= t) this.byKey.delete(k);
    const entry = this.byKey.get(key);
    if (!entry || entry.resetAt <= t) this.byKey.set(key, { count: 1, resetAt: t + SIGN_IN_WINDOW_MS });
    else entry.count += 1;
  }

  /** @param {string} key */
  clear(key) {
    this.byKey.delete(key);
  }
}

/**
 * The session a request's cookie names, if it is still valid; `undefined` without a cookie.
 * @param {import('fastify').FastifyRequest} request
 * @param {ConsentLogStorage} storage
 * @param {() => Date} now
 */
export async function sessionOf(request, storage, now) {
  const id = request.cookies[SESSION_COOKIE];
  if (!id) return undefined;
  const idHash = sha256(id);
  const found = await storage.sessions.find(idHash, now().toISOString());
  return found ? { idHash, ...found } : null;
}

/**
 * Whether the request carries the session's CSRF token in {@link CSRF_HEADER}.
 * @param {import('fastify').FastifyRequest} request
 * @param {{ csrfHash: string }} session
 */
export function csrfMatches(request, session) {
  const sent = request.headers[CSRF_HEADER];
  return typeof sent === 'string' && sent.length > 0 && sameDigest(sha256(sent), session.csrfHash);
}

/**
 * @param {import('fastify').FastifyInstance} admin
 * @param {{ storage: ConsentLogStorage, tokenMatches: (token: string) => boolean, now: () => Date, sessionMinutes: number,
 *   about: { controllerName: string | null, retentionDays: number } }} options `about` is what a signed-in page is told
 */
export async function registerSessionRoutes(admin, { storage, tokenMatches, now, sessionMinutes, about }) {
  const failures = new FailedSignIns(now);

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {string} id
   * @param {string} csrf
   * @param {number} maxAge seconds; 0 clears the cookies
   */
  const setCookies = (request, reply, id, csrf, maxAge) => {
    const common = /** @type {const} */ ({ path: '/', sameSite: 'strict', secure: request.protocol === 'https', maxAge });
    reply.setCookie(SESSION_COOKIE, id, { ...common, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
  };

  admin.post('/api/admin/session', {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['token'],
        properties: { token: { type: 'string', minLength: 1, maxLength: 1000 } },
      },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    // A sign-in from another site would sign the browser in to an attacker's choice of session.
    if (!request.headers.origin || !isSameOrigin(request)) {
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Sign in from the dashboard itself.' });
    }
    const key = request.ip;
    const wait = failures.waitFor(key);
    if (wait > 0) {
      return reply.code(429).header('retry-after', String(wait))
        .send({ statusCode: 429, error: 'Too Many Requests', message: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minutes.` });
    }
    const { token } = /** @type {{ token: string }} */ (request.body);
    if (!tokenMatches(token)) {
      failures.fail(key);
      return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'That is not the admin token.' });
    }
    failures.clear(key);
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const created = now();
    const expiresAt = new Date(created.getTime() + sessionMinutes * 60_000).toISOString();
    await storage.sessions.purgeExpired(created.toISOString());
    await storage.sessions.create({ idHash: sha256(id), csrfHash: sha256(csrf), createdAt: created.toISOString(), expiresAt });
    setCookies(request, reply, id, csrf, sessionMinutes * 60);
    return reply.code(201).send({ expiresAt });
  });

  // Whether this browser is signed in; answered without a session too, so the dashboard can
  // decide between its sign-in and its sections without a refused request.
  admin.get('/api/admin/session', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!isSameOrigin(request)) return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Admin routes do not answer requests from other sites.' });
    const session = await sessionOf(request, storage, now);
    if (!session) return { signedIn: false, expired: session === null };
    return { signedIn: true, expiresAt: session.expiresAt, ...about };
  });

  admin.delete('/api/admin/session', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const session = await sessionOf(request, storage, now);
    if (session && (!isSameOrigin(request) || !csrfMatches(request, session))) {
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'The request did not come from the dashboard.' });
    }
    if (session) await storage.sessions.end(session.idHash);
    setCookies(request, reply, '', '', 0);
    return reply.code(204).send();
  });
}
