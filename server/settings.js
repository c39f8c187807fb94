// @ts-check
/**
 * The service's settings, read from the environment once at start. A bad value stops the
 * process with a message naming the variable, what it got and what it expects.
 */
import { resolve } from 'node:path';
import { DEFAULT_MAX_BATCH, DEFAULT_MAX_WAIT_MS } from './storage/group-commit.js';

/**
 * @typedef {object} Settings
 * @property {number} port
 * @property {string} host
 * @property {string} dataDir
 * @property {string | undefined} databaseUrl
 * @property {string | undefined} adminToken
 * @property {string[]} allowedOrigins
 * @property {number} retentionDays
 * @property {number} rateLimit requests per minute per client address on /api
 * @property {boolean | number | string} trustProxy
 * @property {string} logLevel
 * @property {string | undefined} controllerName who keeps the log (named on the dashboard's proof documents)
 * @property {number} adminSessionMinutes how long a dashboard sign-in lasts
 * @property {number} workers server processes (PostgreSQL only; SQLite always runs one)
 * @property {number} batchMaxSize most consent events one transaction takes
 * @property {number} batchWaitMs longest the first event of a batch waits for others (ms)
 */

/** A setting that cannot be used; `main.js` prints it and exits. */
export class SettingsError extends Error {}

/** Five years: proof of a consent (a cookie lives ≤ 13 months) through the 3-year Danish limitation period, with margin. */
export const DEFAULT_RETENTION_DAYS = 1825;

/**
 * @param {Record<string, string | undefined>} env
 * @returns {Settings}
 */
export function loadSettings(env) {
  const value = (/** @type {string} */ name) => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };
  /**
   * @param {string} name
   * @param {number} fallback
   * @param {number} min
   * @param {number} max
   */
  const integer = (name, fallback, min, max) => {
    const v = value(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
      throw new SettingsError(`${name}=${JSON.stringify(v)}: expected a whole number from ${min} to ${max}`);
    return Number(v);
  };

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new SettingsError('DATABASE_URL: expected a postgres:// or postgresql:// URL');

  const adminToken = value('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 16)
    throw new SettingsError(`ADMIN_TOKEN: expected at least 16 characters (got ${adminToken.length}); admin routes are off when it is unset`);

  const allowedOrigins = (value('ALLOWED_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of allowedOrigins) {
    let canonical = '';
    try {
      canonical = new URL(origin).origin;
    } catch {}
    if (canonical !== origin || !/^https?:/.test(origin))
      throw new SettingsError(`ALLOWED_ORIGINS: ${JSON.stringify(origin)} is not an origin; expected e.g. "https://shop.example" (scheme, host, optional port; no path or trailing slash)`);
  }

  const proxy = value('TRUST_PROXY');
  return {
    port: integer('PORT', 8080, 0, 65535),
    host: value('HOST') ?? '127.0.0.1',
    dataDir: resolve(value('DATA_DIR') ?? './data'),
    databaseUrl,
    adminToken,
    allowedOrigins,
    retentionDays: integer('RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 1, 36500),
    rateLimit: integer('RATE_LIMIT', 300, 1, 1e9),
    trustProxy: proxy === undefined || proxy === 'false' ? false : proxy === 'true' ? true : /^\d+$/.test(proxy) ? Number(proxy) : proxy,
    logLevel: value('LOG_LEVEL') ?? 'info',
    controllerName: value('CONTROLLER_NAME'),
    adminSessionMinutes: integer('ADMIN_SESSION_MINUTES', 480, 5, 10080),
    workers: integer('WORKERS', 1, 1, 64),
    batchMaxSize: integer('BATCH_MAX_SIZE', DEFAULT_MAX_BATCH, 1, 1000),
    batchWaitMs: integer('BATCH_WAIT_MS', DEFAULT_MAX_WAIT_MS, 0, 1000),
  };
}
