// @ts-check
/**
 * The dashboard's reads and sessions on SQLite: day roll-ups for the overview, the oldest record for retention, and admin sessions.
 */
import { addGroup, emptyDay, nextDay } from './overview.js';

/** @typedef {import('./overview.js').DayFigures} DayFigures */
/** @typedef {import('./index.js').AdminQueries} AdminQueries */

/**
 * @param {import('better-sqlite3').Database} db
 * @returns {AdminQueries}
 */
export function sqliteAdminQueries(db) {
  /** @param {string} fromDay @param {string} toDay */
  const bounds = (fromDay, toDay) => ({ from: `${fromDay}T00:00:00.000Z`, to: `${nextDay(toDay)}T00:00:00.000Z` });

  const rollups = db.prepare('SELECT day, computed_at AS computedAt, figures FROM daily_rollup WHERE day >= @fromDay AND day <= @toDay');
  const writeRollup = db.prepare(`INSERT INTO daily_rollup (day, computed_at, figures) VALUES (@day, @computedAt, @figures)
    ON CONFLICT (day) DO UPDATE SET computed_at = excluded.computed_at, figures = excluded.figures`);
  const groups = db.prepare(`SELECT substr(received_at, 1, 10) AS day, action, gpc, revision, policy_version AS policyVersion,
      categories, count(*) AS n
    FROM consent_events WHERE received_at >= @from AND received_at < @to
    GROUP BY day, action, gpc, revision, policy_version, categories`);
  const latest = db.prepare(`SELECT received_at AS receivedAt, revision, policy_version AS policyVersion FROM consent_events
    WHERE received_at >= @from AND received_at < @to ORDER BY received_at DESC, seq DESC LIMIT 1`);
  const oldest = db.prepare('SELECT received_at FROM consent_events ORDER BY received_at, seq LIMIT 1').pluck();

  const addSession = db.prepare('INSERT INTO admin_sessions (id_hash, csrf_hash, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const findSession = db.prepare('SELECT csrf_hash AS csrfHash, expires_at AS expiresAt FROM admin_sessions WHERE id_hash = ? AND expires_at > ?');
  const endSession = db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?');
  const purgeSessions = db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ?');

  return {
    async readRollups(fromDay, toDay) {
      return /** @type {any[]} */ (rollups.all({ fromDay, toDay })).map((r) => ({ day: r.day, computedAt: r.computedAt, figures: JSON.parse(r.figures) }));
    },
    async computeDays(fromDay, toDay) {
      /** @type {Map<string, DayFigures>} */
      const days = new Map();
      /** @type {Map<string, Record<string, unknown>>} */
      const parsed = new Map();
      for (const g of /** @type {any[]} */ (groups.all(bounds(fromDay, toDay)))) {
        let figures = days.get(g.day);
        if (!figures) days.set(g.day, (figures = emptyDay()));
        let categories = parsed.get(g.categories);
        if (!categories) parsed.set(g.categories, (categories = JSON.parse(g.categories)));
        addGroup(figures, { action: g.action, gpc: g.gpc === 1, revision: g.revision, policyVersion: g.policyVersion, categories: /** @type {Record<string, unknown>} */ (categories), n: g.n });
      }
      for (const [d, figures] of days) figures.latest = /** @type {any} */ (latest.get(bounds(d, d))) ?? null;
      return days;
    },
    async writeRollups(rows) {
      db.transaction(() => {
        for (const r of rows) writeRollup.run({ day: r.day, computedAt: r.computedAt, figures: JSON.stringify(r.figures) });
      })();
    },
    async oldestReceivedAt() {
      return /** @type {string | undefined} */ (oldest.get()) ?? null;
    },
    sessions: {
      async create(s) {
        addSession.run(s.idHash, s.csrfHash, s.createdAt, s.expiresAt);
      },
      async find(idHash, now) {
        return /** @type {{ csrfHash: string, expiresAt: string } | undefined} */ (findSession.get(idHash, now)) ?? null;
      },
      async end(idHash) {
        endSession.run(idHash);
      },
      async purgeExpired(now) {
        purgeSessions.run(now);
      },
    },
  };
}
