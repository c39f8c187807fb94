// @ts-check
/**
 * The dashboard's reads and sessions on SQLite: day fingerprints and roll-ups for the
 * overview, the oldest record for retention, and admin sessions.
 */
import { addActionRow, emptyDay, nextDay } from './overview.js';

/** @typedef {import('./overview.js').DayFigures} DayFigures */
/** @typedef {import('./index.js').AdminQueries} AdminQueries */

/**
 * @param {import('better-sqlite3').Database} db
 * @returns {AdminQueries}
 */
export function sqliteAdminQueries(db) {
  const day = 'substr(received_at, 1, 10)';
  const range = 'received_at >= @from AND received_at < @to';
  /** @param {string} fromDay @param {string} toDay */
  const bounds = (fromDay, toDay) => ({ from: `${fromDay}T00:00:00.000Z`, to: `${nextDay(toDay)}T00:00:00.000Z` });

  const prints = db.prepare(`SELECT ${day} AS day, count(*) AS events, sum(seq) AS seqSum
    FROM consent_events WHERE ${range} GROUP BY day ORDER BY day`);
  const rollups = db.prepare('SELECT day, events, seq_sum AS seqSum, figures FROM daily_rollup WHERE day >= @fromDay AND day <= @toDay');
  const writeRollup = db.prepare(`INSERT INTO daily_rollup (day, events, seq_sum, figures) VALUES (@day, @events, @seqSum, @figures)
    ON CONFLICT (day) DO UPDATE SET events = excluded.events, seq_sum = excluded.seq_sum, figures = excluded.figures`);
  const actions = db.prepare(`SELECT ${day} AS day, action, count(*) AS n, sum(gpc) AS gpc
    FROM consent_events WHERE ${range} GROUP BY day, action`);
  const categories = db.prepare(`SELECT substr(e.received_at, 1, 10) AS day, c.key AS category,
      sum(c.type = 'true') AS granted, sum(c.type = 'false') AS refused
    FROM consent_events e, json_each(e.categories) c WHERE e.received_at >= @from AND e.received_at < @to GROUP BY day, c.key`);
  const versions = db.prepare(`SELECT ${day} AS day, revision, policy_version AS policyVersion, count(*) AS n
    FROM consent_events WHERE ${range} GROUP BY day, revision, policy_version`);
  // The newest row of each day: the row with the greatest (received_at, seq) of its day.
  const latest = db.prepare(`SELECT ${day} AS day, max(received_at || printf('%020d', seq)) AS k FROM consent_events WHERE ${range} GROUP BY day`);
  const bySeq = db.prepare('SELECT received_at AS receivedAt, revision, policy_version AS policyVersion FROM consent_events WHERE seq = ?');
  const oldest = db.prepare('SELECT received_at FROM consent_events ORDER BY received_at, seq LIMIT 1').pluck();

  const addSession = db.prepare('INSERT INTO admin_sessions (id_hash, csrf_hash, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const findSession = db.prepare('SELECT csrf_hash AS csrfHash, expires_at AS expiresAt FROM admin_sessions WHERE id_hash = ? AND expires_at > ?');
  const endSession = db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?');
  const purgeSessions = db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ?');

  return {
    async dayPrints(fromDay, toDay) {
      return /** @type {any[]} */ (prints.all(bounds(fromDay, toDay))).map((r) => ({ day: r.day, events: r.events, seqSum: String(r.seqSum) }));
    },
    async readRollups(fromDay, toDay) {
      return /** @type {any[]} */ (rollups.all({ fromDay, toDay })).map((r) => ({ day: r.day, events: r.events, seqSum: String(r.seqSum), figures: JSON.parse(r.figures) }));
    },
    async computeDays(fromDay, toDay) {
      const b = bounds(fromDay, toDay);
      /** @type {Map<string, DayFigures>} */
      const days = new Map();
      const of = (/** @type {string} */ d) => days.get(d) ?? days.set(d, emptyDay()).get(d);
      for (const r of /** @type {any[]} */ (actions.all(b))) addActionRow(/** @type {DayFigures} */ (of(r.day)), r);
      for (const r of /** @type {any[]} */ (categories.all(b))) of(r.day).categories[r.category] = { granted: r.granted, refused: r.refused };
      for (const r of /** @type {any[]} */ (versions.all(b))) {
        const d = /** @type {DayFigures} */ (of(r.day));
        d.revisions[r.revision] = (d.revisions[r.revision] ?? 0) + r.n;
        d.policies[r.policyVersion] = (d.policies[r.policyVersion] ?? 0) + r.n;
      }
      for (const r of /** @type {any[]} */ (latest.all(b))) of(r.day).latest = /** @type {any} */ (bySeq.get(Number(r.k.slice(-20))));
      return /** @type {Map<string, DayFigures>} */ (days);
    },
    async writeRollups(rows) {
      db.transaction(() => {
        for (const r of rows) writeRollup.run({ day: r.day, events: r.events, seqSum: BigInt(r.seqSum), figures: JSON.stringify(r.figures) });
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
