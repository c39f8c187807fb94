// @ts-check
/**
 * `npm run serve` (or `npm start` with the demo's bundles built first): the consent-log API,
 * the /admin dashboard and, when the widget is built, the demo, with settings from the
 * environment (see docs/service.md). `WORKERS=n` on PostgreSQL runs n processes (cluster.js).
 */
import cluster from 'node:cluster';
import { loadSettings, SettingsError } from './settings.js';
import { startService } from './service.js';
import { runPrimary } from './cluster.js';

/** A stop that has not finished by then is given up, and the process exits 1. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/** @param {object} line */
const logLine = (line) => process.stdout.write(`${JSON.stringify({ time: Date.now(), pid: process.pid, ...line })}\n`);

async function main() {
  const settings = loadSettings(process.env);
  if (cluster.isPrimary && settings.workers > 1 && settings.databaseUrl) {
    process.exit(await runPrimary(settings.workers, logLine));
  }
  // Handlers go in before the start: a SIGTERM while the database opens still ends in a clean stop.
  const started = startService(settings);
  let stopping = false;
  // Idempotent: under a supervisor both it and the cluster primary may send SIGTERM.
  const shutdown = async (/** @type {string} */ signal) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      logLine({ level: 50, msg: 'shutdown took too long; exiting with requests unfinished' });
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    const service = await started;
    service.app.log.info({ signal }, 'shutting down: no new connections; finishing the requests in flight');
    await service.stop();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  await started;
}

main().catch((error) => {
  const message = error instanceof SettingsError ? error.message : error?.stack ?? String(error);
  console.error(`samtykke: cannot start: ${message}`);
  process.exit(1);
});
