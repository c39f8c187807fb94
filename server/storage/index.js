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
 * @typedef {object} ConsentLogStorage
 * @property {'sqlite' | 'postgres'} kind
 * @property {(record: StoredRecord) => Promise<{ created: boolean, receipt: Receipt }>} insert
 *   Stores a record once per eventId and resolves only after it is committed.
 * @property {(consentId: string) => Promise<StoredRecord[]>} history oldest first
 * @property {(query: RecordQuery) => AsyncIterable<StoredRecord>} records
 *   Every matching record, oldest first, read page by page (no cursor held between pages).
 * @property {(query: RecordQuery) => Promise<DayStats[]>} stats
 * @property {(before: string) => Promise<number>} deleteReceivedBefore retention; returns the count
 * @property {() => Promise<void>} ping throws when the database cannot be reached
 * @property {() => Promise<void>} close
 */

/**
 * Opens the log: PostgreSQL when `databaseUrl` is set, else SQLite in `dataDir`.
 * Migrations run before this resolves.
 * @param {{ dataDir?: string, databaseUrl?: string }} options
 * @returns {Promise<ConsentLogStorage>}
 */
export async function openStorage({ dataDir = './data', databaseUrl }) {
  if (databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(databaseUrl);
  }
  const { openSqlite } = await import('./sqlite.js');
  return openSqlite(dataDir);
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
