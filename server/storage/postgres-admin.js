// @ts-check
/**
 * The dashboard's reads and sessions on PostgreSQL: day fingerprints and roll-ups for the
 * overview, the oldest record for retention, and admin sessions shared by every process.
 */
import { addActionRow, emptyDay, nextDay } from './overview.js';

/** @typedef {import('./overview.js').DayFigures} DayFigures */
/** @typedef {import('./index.js').AdminQueries} AdminQueries */

/**
 * @param {import('pg').Pool} pool
 * @returns {AdminQueries}
 */
export function postgresAdminQueries(pool) {
  const day = `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const range = 'received_at >= $1 AND received_at < $2';
  /** @param {string} fromDay @param {string} toDay */
  const bounds = (fromDay, toDay) => [`${fromDay}T00:00:00.000Z`, `${nextDay(toDay)}T00:00:00.000Z`];

  return {
    async dayPrints(fromDay, toDay) {
      const { rows } = await pool.query(`SELECT ${day} AS day, count(*)::int AS events, sum(seq)::text AS seq_sum
        FROM consent_events WHERE ${range} GROUP BY 1 ORDER BY 1`, bounds(fromDay, toDay));
      return rows.map((r) => ({ day: r.day, events: r.events, seqSum: r.seq_sum }));
    },
    async readRollups(fromDay, toDay) {
      const { rows } = await pool.query('SELECT day, events::int AS events, seq_sum::text AS seq_sum, figures FROM daily_rollup WHERE day >= $1 AND day <= $2', [fromDay, toDay]);
      return rows.map((r) => ({ day: r.day, events: r.events, seqSum: r.seq_sum, figures: r.figures }));
    },
    async computeDays(fromDay, toDay) {
      const b = bounds(fromDay, toDay);
      const [actions, categories, versions, latest] = await Promise.all([
        pool.query(`SELECT ${day} AS day, action, count(*)::int AS n, count(*) FILTER (WHERE gpc)::int AS gpc
          FROM consent_events WHERE ${range} GROUP BY 1, 2`, b),
        pool.query(`SELECT to_char(e.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, c.key AS category,
            count(*) FILTER (WHERE c.value = 'true'::jsonb)::int AS granted,
            count(*) FILTER (WHERE c.value = 'false'::jsonb)::int AS refused
          FROM consent_events e CROSS JOIN LATERAL jsonb_each(e.categories) c
          WHERE e.received_at >= $1 AND e.received_at < $2 GROUP BY 1, 2`, b),
        pool.query(`SELECT ${day} AS day, revision, policy_version, count(*)::int AS n
          FROM consent_events WHERE ${range} GROUP BY 1, 2, 3`, b),
        pool.query(`SELECT DISTINCT ON (1) ${day} AS day, received_at, revision, policy_version
          FROM consent_events WHERE ${range} ORDER BY 1, received_at DESC, seq DESC`, b),
      ]);
      /** @type {Map<string, DayFigures>} */
      const days = new Map();
      const of = (/** @type {string} */ d) => /** @type {DayFigures} */ (days.get(d) ?? days.set(d, emptyDay()).get(d));
      for (const r of actions.rows) addActionRow(of(r.day), r);
      for (const r of categories.rows) of(r.day).categories[r.category] = { granted: r.granted, refused: r.refused };
      for (const r of versions.rows) {
        const d = of(r.day);
        d.revisions[r.revision] = (d.revisions[r.revision] ?? 0) + r.n;
        d.policies[r.policy_version] = (d.policies[r.policy_version] ?? 0) + r.n;
      }
      for (const r of latest.rows) of(r.day).latest = { receivedAt: r.received_at.toISOString(), revision: r.revision, policyVersion: r.policy_version };
      return days;
    },
    async writeRollups(rows) {
      if (rows.length === 0) return;
      await pool.query(`INSERT INTO daily_rollup (day, events, seq_sum, figures)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::numeric[], $4::jsonb[])
        ON CONFLICT (day) DO UPDATE SET events = excluded.events, seq_sum = excluded.seq_sum, figures = excluded.figures`,
      [rows.map((r) => r.day), rows.map((r) => r.events), rows.map((r) => r.seqSum), rows.map((r) => JSON.stringify(r.figures))]);
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
