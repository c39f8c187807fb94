// @ts-check
/**
 * Deletes records older than the retention period (RETENTION_DAYS). The log keeps proof for
 * as long as the controller needs it and not longer (GDPR 5(1)(e)).
 */

/** How often a running server purges; it also purges once at start. */
export const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Deletes every record received more than `days` days before `now`.
 * @param {import('./storage/index.js').ConsentLogStorage} storage
 * @param {number} days
 * @param {Date} [now]
 * @returns {Promise<{ cutoff: string, deleted: number }>}
 */
export async function purgeExpired(storage, days, now = new Date()) {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return { cutoff, deleted: await storage.deleteReceivedBefore(cutoff) };
}

/**
 * Purges now and then every {@link RETENTION_INTERVAL_MS}; returns a stop function. Several
 * processes on one PostgreSQL may all run it: deleting is idempotent.
 * @param {import('./storage/index.js').ConsentLogStorage} storage
 * @param {number} days
 * @param {{ info(obj: object, msg: string): void, error(obj: object, msg: string): void }} log
 */
export function startRetention(storage, days, log) {
  const run = () =>
    purgeExpired(storage, days).then(
      ({ cutoff, deleted }) => log.info({ cutoff, deleted }, 'retention: purged records past their retention'),
      (err) => log.error({ err }, 'retention: purge failed; will try again'),
    );
  void run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
