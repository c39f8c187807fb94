// @ts-check
/**
 * The dashboard's calls to its service. Every call carries the session's CSRF token (read from
 * its cookie) in a header; the session cookie itself is HttpOnly and never seen here. Failures
 * come back as one of three errors the elements turn into a message.
 */

/** The session ended or expired: the app shows the sign-in again. */
export class SessionExpired extends Error {}

/** The service or its database cannot be reached; `database` tells which. */
export class Unreachable extends Error {
  /** @param {boolean} database */
  constructor(database) {
    super(database ? 'database unreachable' : 'service unreachable');
    this.database = database;
  }
}

/** Any other refusal, with the service's message. */
export class RequestFailed extends Error {
  /** @param {number} status @param {string} message @param {string | null} retryAfter */
  constructor(status, message, retryAfter = null) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

const CSRF_COOKIE = 'samtykke_admin_csrf';

/** The CSRF token of the current session, or '' when none. */
function csrfToken() {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return entry ? decodeURIComponent(entry.slice(CSRF_COOKIE.length + 1)) : '';
}

/** Whether the service says its database is down (its /healthz). */
async function databaseDown() {
  try {
    const res = await fetch('/healthz', { cache: 'no-store' });
    return res.status === 503;
  } catch {
    return false;
  }
}

/**
 * Calls the service. Resolves with the response when it is OK.
 * @param {string} path
 * @param {RequestInit & { json?: unknown }} [init]
 * @returns {Promise<Response>}
 */
export async function call(path, init = {}) {
  const { json, ...rest } = init;
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json', 'x-samtykke-csrf': csrfToken() };
  if (json !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { ...rest, headers, credentials: 'same-origin', cache: 'no-store', body: json === undefined ? rest.body : JSON.stringify(json) });
  } catch {
    throw new Unreachable(false);
  }
  if (res.ok) return res;
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 && !path.endsWith('/session')) throw new SessionExpired(body.message ?? '');
  if (res.status >= 500) throw new Unreachable(await databaseDown() || res.status === 503);
  throw new RequestFailed(res.status, typeof body.message === 'string' ? body.message : '', res.headers.get('retry-after'));
}

/**
 * Calls the service and reads its JSON answer.
 * @param {string} path
 * @param {RequestInit & { json?: unknown }} [init]
 */
export async function callJson(path, init) {
  return (await call(path, init)).json();
}
