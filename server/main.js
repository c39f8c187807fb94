// @ts-check
/**
 * `npm start`: the demo, the built widget and the consent-log API on one port, with settings
 * from the environment (see README, "Consent log").
 */
import { fileURLToPath } from 'node:url';
import { loadSettings, SettingsError } from './settings.js';
import { openStorage } from './storage/index.js';
import { buildApp } from './app.js';
import { startRetention } from './retention.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main() {
  const settings = loadSettings(process.env);
  const storage = await openStorage({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
  const app = await buildApp({
    storage,
    allowedOrigins: settings.allowedOrigins,
    adminToken: settings.adminToken,
    rateLimit: settings.rateLimit,
    trustProxy: settings.trustProxy,
    logger: { level: settings.logLevel },
    staticRoot: root,
  });
  app.log.info({ storage: storage.kind, admin: Boolean(settings.adminToken), retentionDays: settings.retentionDays }, 'consent log ready');
  const stopRetention = startRetention(storage, settings.retentionDays, app.log);
  let closing = false;
  const shutdown = async (/** @type {string} */ signal) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopRetention();
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  await app.listen({ port: settings.port, host: settings.host });
}

main().catch((error) => {
  const message = error instanceof SettingsError ? error.message : error?.stack ?? String(error);
  console.error(`samtykke: cannot start: ${message}`);
  process.exit(1);
});
