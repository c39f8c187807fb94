// @ts-check
/**
 * The dashboard's reads and sessions on PostgreSQL: day roll-ups for the overview, the oldest record for retention, and admin sessions shared by every process.
 */
import { addGroup, emptyDay, nextDay } from './overview.js';

/** @typedef {import('./overview.js').DayFigures} DayFigures */
/** @typedef {import('./index.js').AdminQueries} AdminQueries */

/**
 * @param {import('pg').Pool} pool
 * @returns {AdminQueries}
 */
export function postgresAdminQueries(pool) {
  /** @param {string} fromDay @param {string} toDay */
  const bounds = (fromDay, toDay) => [`${fromDay}T00:00:00.000Z`, `${nextDay(toDay)}T00:00:00.000Z`];

  return {
    async readRollups(fromDay, toDay) {
      const { rows } = await pool.query('SELECT day, computed_at, figures FROM daily_rollup WHERE day >= $1 AND day <= $2', [fromDay, toDay]);
      return rows.map((r) => ({ day: r.day, computedAt: r.computed_at.toISOString(), figures: r.figures }));
    },
    async computeDays(fromDay, toDay) {
      const { rows } = await pool.query(`SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, action, gpc,
          revision, policy_version, categories::text AS categories, count(*)::int AS n
        FROM consent_events WHERE received_at >= $1 AND received_at < $2
        GROUP BY 1, action, gpc, revision, policy_version, categories`, bounds(fromDay, toDay));
      /** @type {Map<string, DayFigures>} */
      const days = new Map();
      /** @type {Map<string, Record<string, unknown>>} */
      const parsed = new Map();
      for (const g of rows) {
        let figures = days.get(g.day);
        if (!figures) days.set(g.day, (figures = emptyDay()));
        let categories = parsed.get(g.categories);
        if (!categories) parsed.set(g.categories, (categories = JSON.parse(g.categories)));
        addGroup(figures, { action: g.action, gpc: g.gpc, revision: g.revision, policyVersion: g.policy_version, categories: /** @type {Record<string, unknown>} */ (categories), n: g.n });
      }
      for (const [d, figures] of days) {
        const { rows: [last] } = await pool.query(`SELECT received_at, revision, policy_version FROM consent_events
          WHERE received_at >= $1 AND received_at < $2 ORDER BY received_at DESC, seq DESC LIMIT 1`, bounds(d, d));
        figures.latest = last ? { receivedAt: last.received_at.toISOString(), revision: last.revision, policyVersion: last.policy_version } : null;
      }
      return days;
    },
    async writeRollups(rows) {
      if (rows.length === 0) return;
      await pool.query(`INSERT INTO daily_rollup (day, computed_at, figures)
        SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::jsonb[])
        ON CONFLICT (day) DO UPDATE SET computed_at = excluded.computed_at, figures = excluded.figures`,
      [rows.map((r) => r.day), rows.map((r) => r.computedAt), rows.map((r) => JSON.stringify(r.figures))]);
    },
    async oldestReceivedAt() {
      const { rows } = await pool.query('SELECT received_at FROM consent_events ORDER BY received_at, seq LIMIT 1');
      return rows[0] ? rows[0].received_at.toISOString() : null;
    },
    sessions: {
      async create(s) {
        await pool.query('INSERT INTO admin_sessions (id_hash, csrf_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)',
          [s.idHash, s.csrfHash, s.createdAt, s.expiresAt]);
      },
      async find(idHash, now) {
        const { rows } = await pool.query('SELECT csrf_hash, expires_at FROM admin_sessions WHERE id_hash = $1 AND expires_at > $2', [idHash, now]);
        return rows[0] ? { csrfHash: rows[0].csrf_hash, expiresAt: rows[0].expires_at.toISOString() } : null;
      },
      async end(idHash) {
        await pool.query('DELETE FROM admin_sessions WHERE id_hash = $1', [idHash]);
      },
      async purgeExpired(now) {
        await pool.query('DELETE FROM admin_sessions WHERE expires_at <= $1', [now]);
      },
    },
  };
}
