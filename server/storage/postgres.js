// @ts-check
/**
 * PostgreSQL storage through pg, for several server processes sharing one log. Inserts are
 * group-committed: each batch is one autocommitted multi-row statement, and with PostgreSQL's
 * default `synchronous_commit = on` the query resolves only after the commit is flushed to the
 * WAL on disk.
 */
import pg from 'pg';
import { PAGE_SIZE, groupStats } from './index.js';
import { postgresMigrations } from './migrations.js';
import { postgresAdminQueries } from './postgres-admin.js';
import { GroupCommit } from './group-commit.js';

/** @typedef {import('./index.js').ConsentLogStorage} ConsentLogStorage */
/** @typedef {import('./index.js').StoredRecord} StoredRecord */
/** @typedef {import('./index.js').RecordQuery} RecordQuery */
/** @typedef {import('./index.js').InsertResult} InsertResult */

/** Serialises migrations across processes starting at once (an arbitrary, fixed key). */
const MIGRATION_LOCK = 0x5a3b7e11;

/** Columns of one consent_events row as written by `insert`. */
const COLUMN_COUNT = 17;

/**
 * Connects to `databaseUrl` and migrates. A `?options=-c search_path%3Dname` parameter in the
 * URL puts the log in another schema.
 * @param {string} databaseUrl
 * @param {import('./index.js').BatchOptions} [batchOptions] group commit's bounds
 * @returns {Promise<ConsentLogStorage>}
 */
export async function openPostgres(databaseUrl, batchOptions = {}) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
  });
  // An idle client's error (the database restarted) must not crash the process; the next
  // query gets a fresh connection or fails with a 5xx the client retries.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const columns = `event_id, consent_id, action, categories, services, revision, policy_version,
    text_hash, language, gpc, path, widget_version, client_time, received_at, origin, ip_prefix, ua_family`;

  /**
   * One batch, one statement: a multi-row INSERT is one transaction, committed (and with
   * `synchronous_commit = on` flushed to the WAL) when the query resolves. Repeats of an
   * eventId, earlier in the batch or stored before, are read back for their first receipt.
   * @param {StoredRecord[]} records
   * @returns {Promise<InsertResult[]>}
   */
  async function insertAll(records) {
    /** @type {Map<string, StoredRecord>} */
    const firstOf = new Map();
    for (const r of records) if (!firstOf.has(r.eventId)) firstOf.set(r.eventId, r);
    const unique = [...firstOf.values()];
    const values = unique.flatMap((r) => [r.eventId, r.consentId, r.action, JSON.stringify(r.categories),
      JSON.stringify(r.services), r.revision, r.policyVersion, r.textHash, r.language, r.gpc, r.path,
      r.widgetVersion, r.clientTime, r.receivedAt, r.origin, r.ipPrefix, r.uaFamily]);
    const rows = unique.map((_, i) => `(${Array.from({ length: COLUMN_COUNT }, (_, j) => `$${i * COLUMN_COUNT + j + 1}`).join(', ')})`);
    const inserted = await pool.query(
      `INSERT INTO consent_events (${columns}) VALUES ${rows.join(', ')}
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`, values);
    const created = new Set(inserted.rows.map((row) => row.event_id));
    /** @type {Map<string, { consentId: string, receivedAt: string }>} */
    const stored = new Map();
    const repeats = unique.filter((r) => !created.has(r.eventId)).map((r) => r.eventId);
    if (repeats.length > 0) {
      // A concurrent duplicate (another process) waited for that insert's commit, so the row is there now.
      const { rows: found } = await pool.query(
        'SELECT event_id, consent_id, received_at FROM consent_events WHERE event_id = ANY($1::uuid[])', [repeats]);
      for (const row of found) stored.set(row.event_id, { consentId: row.consent_id, receivedAt: row.received_at.toISOString() });
    }
    /** @type {Set<string>} */
    const answered = new Set();
    return records.map((r) => {
      const first = !answered.has(r.eventId);
      answered.add(r.eventId);
      if (first && created.has(r.eventId)) {
        return { created: true, receipt: { eventId: r.eventId, consentId: r.consentId, receivedAt: r.receivedAt } };
      }
      const original = created.has(r.eventId) ? /** @type {StoredRecord} */ (firstOf.get(r.eventId)) : stored.get(r.eventId);
      if (!original) throw new Error(`event ${r.eventId} was neither stored nor found`);
      return { created: false, receipt: { eventId: r.eventId, consentId: original.consentId, receivedAt: original.receivedAt } };
    });
  }
  /** @type {GroupCommit<StoredRecord, InsertResult>} */
  const batches = new GroupCommit({ commit: insertAll, ...batchOptions });

  return {
    kind: 'postgres',
    insert: (record) => batches.submit(record),
    async history(consentId) {
      const { rows } = await pool.query('SELECT * FROM consent_events WHERE consent_id = $1 ORDER BY received_at, seq', [consentId]);
      return rows.map(fromRow);
    },
    async *records(query) {
      const { where, params } = conditions(query);
      /** @type {[Date, string] | null} */
      let after = null;
      for (;;) {
        const page = [...where];
        const values = [...params];
        if (after) {
          values.push(after[0], after[1]);
          page.push(`(received_at, seq) > ($${values.length - 1}, $${values.length})`);
        }
        const sql = `SELECT * FROM consent_events ${whereSql(page)} ORDER BY received_at, seq LIMIT ${PAGE_SIZE}`;
        const { rows } = await pool.query(sql, values);
        for (const row of rows) yield fromRow(row);
        if (rows.length < PAGE_SIZE) return;
        const last = rows[rows.length - 1];
        after = [last.received_at, last.seq];
      }
    },
    async stats(query) {
      const { where, params } = conditions(query, 'e.');
      const w = whereSql(where);
      const day = `to_char(e.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
      const actions = await pool.query(
        `SELECT ${day} AS day, e.action AS action, count(*)::int AS n
         FROM consent_events e ${w} GROUP BY 1, 2`, params);
      const categories = await pool.query(
        `SELECT ${day} AS day, c.key AS category,
           count(*) FILTER (WHERE c.value = 'true'::jsonb)::int AS granted,
           count(*) FILTER (WHERE c.value = 'false'::jsonb)::int AS refused
         FROM consent_events e CROSS JOIN LATERAL jsonb_each(e.categories) c ${w} GROUP BY 1, 2`, params);
      return groupStats(actions.rows, categories.rows);
    },
    async deleteReceivedBefore(before) {
      const { rowCount } = await pool.query('DELETE FROM consent_events WHERE received_at < $1', [before]);
      return rowCount ?? 0;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await batches.close();
      await pool.end();
    },
    ...postgresAdminQueries(pool),
  };
}

/**
 * Runs the migrations not yet recorded in one transaction, under an advisory lock so that
 * processes starting together take turns.
 * @param {pg.Pool} pool
 */
async function migrate(pool) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const known = postgresMigrations.at(-1)?.version ?? 0;
    if (newest > known) throw new Error(`the database has schema version ${newest}; this server knows up to ${known}`);
    for (const m of postgresMigrations) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * @param {RecordQuery} query
 * @param {string} [prefix] table alias
 */
function conditions(query, prefix = '') {
  /** @type {string[]} */
  const where = [];
  /** @type {unknown[]} */
  const params = [];
  if (query.from) (params.push(query.from), where.push(`${prefix}received_at >= $${params.length}`));
  if (query.to) (params.push(query.to), where.push(`${prefix}received_at < $${params.length}`));
  if (query.consentId) (params.push(query.consentId), where.push(`${prefix}consent_id = $${params.length}`));
  return { where, params };
}

/** @param {string[]} where */
const whereSql = (where) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/**
 * @param {any} row
 * @returns {StoredRecord}
 */
function fromRow(row) {
  return {
    eventId: row.event_id,
    consentId: row.consent_id,
    action: row.action,
    categories: row.categories,
    services: row.services,
    revision: row.revision,
    policyVersion: row.policy_version,
    textHash: row.text_hash,
    language: row.language,
    gpc: row.gpc,
    path: row.path,
    widgetVersion: row.widget_version,
    clientTime: row.client_time,
    receivedAt: row.received_at.toISOString(),
    origin: row.origin,
    ipPrefix: row.ip_prefix,
    uaFamily: row.ua_family,
  };
}
