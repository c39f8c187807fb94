// @ts-check
/**
 * One server process of the consent log: storage, the Fastify app, retention, and a stop that
 * drains. `main.js` runs one (or, on PostgreSQL, one per cluster worker); the bench runs the same.
 */
import { fileURLToPath } from 'node:url';
import { openStorage } from './storage/index.js';
import { BatchSizes } from './storage/group-commit.js';
import { buildApp } from './app.js';
import { startRetention } from './retention.js';

/** The repository root: demo/, dist/ and locales/ are served from it when present. */
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Opens the log, builds the app and listens on `settings.host:settings.port`.
 * @param {import('./settings.js').Settings} settings
 * @param {{ logger?: import('./app.js').AppOptions['logger'] }} [options]
 */
export async function startService(settings, { logger = { level: settings.logLevel } } = {}) {
  const batchSizes = new BatchSizes(settings.batchMaxSize);
  const storage = await openStorage({
    dataDir: settings.dataDir,
    databaseUrl: settings.databaseUrl,
    batch: { maxSize: settings.batchMaxSize, maxWaitMs: settings.batchWaitMs, onBatch: (size) => batchSizes.add(size) },
  });
  const app = await buildApp({
    storage,
    allowedOrigins: settings.allowedOrigins,
    adminToken: settings.adminToken,
    rateLimit: settings.rateLimit,
    trustProxy: settings.trustProxy,
    logger,
    staticRoot: root,
    dashboard: { controllerName: settings.controllerName, retentionDays: settings.retentionDays, sessionMinutes: settings.adminSessionMinutes },
  });
  if (settings.workers > 1 && storage.kind === 'sqlite') {
    app.log.warn({ workers: settings.workers }, 'WORKERS is ignored on SQLite: one process writes the file; set DATABASE_URL to run several');
  }
  app.log.info({ storage: storage.kind, admin: Boolean(settings.adminToken), retentionDays: settings.retentionDays }, 'consent log ready');
  const stopRetention = startRetention(storage, settings.retentionDays, app.log);
  await app.listen({ port: settings.port, host: settings.host });

  let stopping = /** @type {Promise<void> | null} */ (null);
  return {
    app,
    storage,
    batchSizes,
    /**
     * Stops accepting connections, lets every request in flight finish (its batch commits and
     * it is answered), then closes the database. Calling it again waits for the same stop.
     */
    stop() {
      stopping ??= (async () => {
        stopRetention();
        await app.close();
        await storage.close();
        app.log.info({ batches: batchSizes.summary() }, 'consent log stopped');
      })();
      return stopping;
    },
  };
}
