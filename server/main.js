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
    process.exitCode = await runPrimary(settings.workers, logLine);
    return;
  }
  const service = await startService(settings);
  let stopping = false;
  // Idempotent: under a supervisor both it and the cluster primary may send SIGTERM.
  const shutdown = async (/** @type {string} */ signal) => {
    if (stopping) return;
    stopping = true;
    service.app.log.info({ signal }, 'shutting down: no new connections; finishing the requests in flight');
    setTimeout(() => {
      service.app.log.error('shutdown took too long; exiting with requests unfinished');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    await service.stop();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error) => {
  const message = error instanceof SettingsError ? error.message : error?.stack ?? String(error);
  console.error(`samtykke: cannot start: ${message}`);
  process.exit(1);
});
