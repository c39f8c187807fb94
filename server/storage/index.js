// @ts-check
/**
 * The consent log's storage: one small interface, two implementations. SQLite is the
 * embedded default; PostgreSQL takes over when a database URL is given, so several server
 * processes can share one log.
 */

/**
 * A consent event as the widget sent it (src/core/store.ts `ConsentEvent`).
 * @typedef {object} ConsentEvent
 * @property {string} eventId
 * @property {string} consentId
 * @property {string} action
 * @property {Record<string, boolean>} categories
 * @property {Record<string, boolean>} services
 * @property {number} revision
 * @property {string} policyVersion
 * @property {string} textHash
 * @property {string} language
 * @property {boolean} gpc
 * @property {string} path
 * @property {string} widgetVersion
 * @property {string} clientTime
 */

/**
 * What the log keeps: the event plus what the server saw. Never the raw IP or user agent.
 * @typedef {ConsentEvent & {
 *   receivedAt: string,
 *   origin: string | null,
 *   ipPrefix: string | null,
 *   uaFamily: string,
 * }} StoredRecord
 */

/**
 * @typedef {object} Receipt
 * @property {string} eventId
 * @property {string} consentId
 * @property {string} receivedAt the time the first copy of this event was stored (UTC)
 */

/**
 * A date range (ISO strings, `from` inclusive, `to` exclusive) and optionally one consent ID.
 * @typedef {object} RecordQuery
 * @property {string} [from]
 * @property {string} [to]
 * @property {string} [consentId]
 */

/**
 * @typedef {object} DayStats
 * @property {string} day `YYYY-MM-DD` (UTC)
 * @property {number} decisions
 * @property {Record<string, number>} actions
 * @property {Record<string, { granted: number, refused: number }>} categories
 */

/**
 * What `insert` resolves with: whether this call stored the record (false: it was a repeat of
 * a stored eventId) and the receipt of the first copy.
 * @typedef {{ created: boolean, receipt: Receipt }} InsertResult
 */

/**
 * Bounds of group commit (see `group-commit.js`).
 * @typedef {object} BatchOptions
 * @property {number} [maxSize] most records per transaction
 * @property {number} [maxWaitMs] longest a record waits for company before its batch starts
 * @property {(size: number) => void} [onBatch] told each batch's size (statistics)
 */

/**
 * @typedef {object} ConsentLogStorage
 * @property {'sqlite' | 'postgres'} kind
 * @property {(record: StoredRecord) => Promise<InsertResult>} insert
 *   Stores a record once per eventId and resolves only after the transaction holding it has
 *   committed; records arriving together share one transaction (group commit).
 * @property {(consentId: string) => Promise<StoredRecord[]>} history oldest first
 * @property {(query: RecordQuery) => AsyncIterable<StoredRecord>} records
 *   Every matching record, oldest first, read page by page (no cursor held between pages).
 * @property {(query: RecordQuery) => Promise<DayStats[]>} stats
 * @property {(before: string) => Promise<number>} deleteReceivedBefore retention; returns the count
 * @property {() => Promise<void>} ping throws when the database cannot be reached
 * @property {() => Promise<void>} close
 * @property {AdminQueries['readRollups']} readRollups the dashboard's reads (storage/overview.js)
 * @property {AdminQueries['computeDays']} computeDays
 * @property {AdminQueries['writeRollups']} writeRollups
 * @property {AdminQueries['oldestReceivedAt']} oldestReceivedAt
 * @property {AdminQueries['sessions']} sessions
 */

/**
 * What the dashboard reads and keeps: day roll-ups for the overview and admin sessions.
 * @typedef {import('./overview.js').RollupSource & { sessions: AdminSessions }} AdminQueries
 */

/**
 * Dashboard sign-ins, by the SHA-256 of the session ID (hex); times are ISO strings.
 * @typedef {object} AdminSessions
 * @property {(s: { idHash: string, csrfHash: string, createdAt: string, expiresAt: string }) => Promise<void>} create
 * @property {(idHash: string, now: string) => Promise<{ csrfHash: string, expiresAt: string } | null>} find an unexpired session
 * @property {(idHash: string) => Promise<void>} end
 * @property {(now: string) => Promise<void>} purgeExpired
 */

/**
 * Opens the log: PostgreSQL when `databaseUrl` is set, else SQLite in `dataDir`.
 * Migrations run before this resolves.
 * @param {{ dataDir?: string, databaseUrl?: string, batch?: BatchOptions }} options
 * @returns {Promise<ConsentLogStorage>}
 */
export async function openStorage({ dataDir = './data', databaseUrl, batch = {} }) {
  if (databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(databaseUrl, batch);
  }
  const { openSqlite } = await import('./sqlite.js');
  return openSqlite(dataDir, batch);
}

/** Rows per page when streaming records out; bounds memory whatever the range. */
export const PAGE_SIZE = 500;

/**
 * Groups per-day rows from either database into `DayStats`.
 * @param {{ day: string, action: string, n: number }[]} actionRows
 * @param {{ day: string, category: string, granted: number, refused: number }[]} categoryRows
 * @returns {DayStats[]}
 */
export function groupStats(actionRows, categoryRows) {
  /** @type {Map<string, DayStats>} */
  const days = new Map();
  /** @param {string} day */
  const dayOf = (day) => {
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, decisions: 0, actions: {}, categories: {} }));
    return d;
  };
  for (const r of actionRows) {
    const d = dayOf(r.day);
    d.decisions += Number(r.n);
    d.actions[r.action] = Number(r.n);
  }
  for (const r of categoryRows) dayOf(r.day).categories[r.category] = { granted: Number(r.granted), refused: Number(r.refused) };
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}
