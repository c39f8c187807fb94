// @ts-check
/**
 * `WORKERS=n` on PostgreSQL: the primary process forks n workers that share the listening port
 * (node:cluster) and one database. A worker that dies is replaced; SIGTERM or SIGINT to the
 * primary stops every worker gracefully and the primary exits 0 once all of them have.
 */
import cluster from 'node:cluster';

/** A worker that lived less than this is replaced only after this long. */
const RESTART_DELAY_MS = 1000;

/**
 * Runs the primary: forks `workers` copies of this process and supervises them.
 * @param {number} workers
 * @param {(line: object) => void} log one structured log line
 * @returns {Promise<number>} the exit code once every worker has stopped
 */
export function runPrimary(workers, log) {
  let stopping = false;
  let failed = false;
  /** @type {Map<number, number>} worker id → when it was forked */
  const born = new Map();
  const fork = () => {
    if (!stopping) born.set(cluster.fork().id, Date.now());
  };
  /** @type {Set<number>} workers that have started listening */
  const listening = new Set();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      // A worker still starting when the stop came has no connection yet: SIGTERM's default
      // action ending it loses nothing.
      const clean = code === 0 || (signal === 'SIGTERM' && !listening.has(worker.id));
      if (!clean) failed = true;
      log({ level: clean ? 30 : 50, msg: 'worker stopped', worker: worker.process.pid, code, signal });
      return;
    }
    log({ level: 40, msg: 'worker died; starting another', worker: worker.process.pid, code, signal });
    // A worker that dies at once (the database unreachable at start) is not restarted in a tight loop.
    const lived = Date.now() - (born.get(worker.id) ?? 0);
    setTimeout(fork, lived < RESTART_DELAY_MS ? RESTART_DELAY_MS : 0);
  });
  for (let i = 0; i < workers; i++) fork();
  log({ level: 30, msg: 'consent log primary started', workers });

  return new Promise((resolve) => {
    const stop = (/** @type {string} */ signal) => {
      if (stopping) return;
      stopping = true;
      log({ level: 30, msg: 'stopping workers', signal });
      const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
      if (alive.length === 0) return resolve(0);
      let left = alive.length;
      for (const worker of alive) {
        worker?.once('exit', () => --left === 0 && resolve(failed ? 1 : 0));
        worker?.process.kill('SIGTERM');
      }
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
