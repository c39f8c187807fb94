// @ts-check
/**
 * Group commit: records that arrive together are written in one transaction, so one fsync
 * covers many consent decisions. Each caller's promise settles only after the transaction
 * holding its record has committed (or failed), so nothing is acknowledged before it is durable.
 *
 * A batch starts when the first record has waited `maxWaitMs` (0: on the next turn of the
 * event loop) or when `maxSize` records are queued, but never while another batch of this
 * queue is still committing: records arriving during a commit simply join the next batch.
 * That is what makes batches grow with load and stay at one record when the log is idle.
 */

/** Most records one transaction takes by default. */
export const DEFAULT_MAX_BATCH = 256;

/** How long the first record of a batch waits for company by default (ms); 0 = next event-loop turn. */
export const DEFAULT_MAX_WAIT_MS = 0;

/**
 * @template T, R
 * @typedef {object} GroupCommitOptions
 * @property {(items: T[]) => R[] | Promise<R[]>} commit writes all items in one transaction;
 *   returns one result per item, in order, or throws (then every item of the batch fails)
 * @property {number} [maxSize]
 * @property {number} [maxWaitMs]
 * @property {(size: number) => void} [onBatch] told each batch's size as it starts (statistics)
 */

/**
 * A queue that commits its items in batches.
 * @template T, R
 */
export class GroupCommit {
  /** @param {GroupCommitOptions<T, R>} options */
  constructor({ commit, maxSize = DEFAULT_MAX_BATCH, maxWaitMs = DEFAULT_MAX_WAIT_MS, onBatch }) {
    if (!(Number.isInteger(maxSize) && maxSize >= 1)) throw new RangeError(`maxSize must be a whole number ≥ 1, got ${maxSize}`);
    if (!(Number.isFinite(maxWaitMs) && maxWaitMs >= 0)) throw new RangeError(`maxWaitMs must be ≥ 0, got ${maxWaitMs}`);
    this.commit = commit;
    this.maxSize = maxSize;
    this.maxWaitMs = maxWaitMs;
    this.onBatch = onBatch;
    /** @type {{ item: T, resolve: (r: R) => void, reject: (e: unknown) => void }[]} */
    this.queue = [];
    /** @type {Promise<void> | null} the batch now committing */
    this.inFlight = null;
    /** @type {{ cancel: (handle: any) => void, handle: unknown } | null} the armed start of the next batch */
    this.timer = null;
    this.closed = false;
  }

  /**
   * Queues one item; resolves with its result once its batch has committed.
   * @param {T} item
   * @returns {Promise<R>}
   */
  submit(item) {
    if (this.closed) return Promise.reject(Object.assign(new Error('the consent log is shutting down'), { code: 'SAMTYKKE_CLOSED' }));
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Arms the start of the next batch, unless one is committing (it re-arms when done). */
  schedule() {
    if (this.inFlight || this.queue.length === 0) return;
    if (this.queue.length >= this.maxSize) {
      this.start();
    } else if (this.timer === null) {
      this.timer = this.maxWaitMs === 0
        ? { cancel: clearImmediate, handle: setImmediate(() => this.start()) }
        : { cancel: clearTimeout, handle: setTimeout(() => this.start(), this.maxWaitMs) };
    }
  }

  /** Takes up to `maxSize` queued items and commits them as one batch. */
  start() {
    if (this.timer !== null) {
      this.timer.cancel(/** @type {any} */ (this.timer.handle));
      this.timer = null;
    }
    if (this.inFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxSize);
    this.onBatch?.(batch.length);
    this.inFlight = (async () => {
      try {
        const results = await this.commit(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(results[i]));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    })().finally(() => {
      this.inFlight = null;
      // Whatever queued during this commit has already waited at least that long: go now.
      if (this.queue.length > 0) this.start();
    });
  }

  /** Refuses new items, commits everything queued, and resolves when the last batch is done. */
  async close() {
    this.closed = true;
    while (this.inFlight || this.queue.length > 0) {
      if (!this.inFlight) this.start();
      await this.inFlight;
    }
  }
}

/**
 * Counts batches by size, for the log line a server writes when it stops and for the bench.
 * Memory is one counter per possible size, however long the server runs.
 */
export class BatchSizes {
  /** @param {number} maxSize the largest batch that can occur */
  constructor(maxSize) {
    this.counts = new Array(maxSize + 1).fill(0);
  }

  /** @param {number} size */
  add(size) {
    this.counts[Math.min(size, this.counts.length - 1)]++;
  }

  /** Adds another histogram's counts (a worker's, in the bench). @param {number[]} counts */
  merge(counts) {
    for (let size = 0; size < counts.length; size++) this.counts[Math.min(size, this.counts.length - 1)] += counts[size];
  }

  /** The batch size below or at which a share `q` (0…1) of batches fall. @param {number} q */
  quantile(q) {
    const total = this.counts.reduce((a, b) => a + b, 0);
    if (total === 0) return 0;
    let seen = 0;
    for (let size = 0; size < this.counts.length; size++) {
      seen += this.counts[size];
      if (seen >= q * total) return size;
    }
    return this.counts.length - 1;
  }

  /** Batches, events, and the median and p99 batch size. */
  summary() {
    const batches = this.counts.reduce((a, b) => a + b, 0);
    const events = this.counts.reduce((sum, n, size) => sum + n * size, 0);
    return { batches, events, median: this.quantile(0.5), p99: this.quantile(0.99) };
  }
}
