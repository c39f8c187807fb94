// @ts-check
/**
 * SQLite storage through better-sqlite3 (the embedded default).
 *
 * Durability: WAL with `synchronous = FULL`. Inserts are group-committed (one transaction,
 * one fsync for each batch of records that arrived together), and `insert` resolves only after
 * its batch's commit has fsynced the WAL, so an acknowledged record survives a process crash
 * *and* a power cut or kernel panic. (`NORMAL` in WAL mode would survive a process crash too —
 * the WAL is in the OS page cache once `write()` returns — but could lose the last commits on
 * power loss; for a log whose purpose is proof, an fsync per commit is the right price.)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PAGE_SIZE, groupStats } from './index.js';
import { sqliteMigrations } from './migrations.js';
import { sqliteAdminQueries } from './sqlite-admin.js';
import { GroupCommit } from './group-commit.js';

/** @typedef {import('./index.js').ConsentLogStorage} ConsentLogStorage */
/** @typedef {import('./index.js').StoredRecord} StoredRecord */
/** @typedef {import('./index.js').RecordQuery} RecordQuery */
/** @typedef {import('./index.js').InsertResult} InsertResult */

/** The database file inside DATA_DIR. */
export const SQLITE_FILE = 'samtykke.sqlite';

/**
 * Opens (and migrates) the SQLite log in `dataDir`.
 * @param {string} dataDir
 * @param {import('./index.js').BatchOptions} [batchOptions] group commit's bounds
 * @returns {ConsentLogStorage}
 */
export function openSqlite(dataDir, batchOptions = {}) {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const insert = db.prepare(`
    INSERT INTO consent_events (event_id, consent_id, action, categories, services, revision,
      policy_version, text_hash, language, gpc, path, widget_version, client_time, received_at,
      origin, ip_prefix, ua_family)
    VALUES (@eventId, @consentId, @action, @categories, @services, @revision, @policyVersion,
      @textHash, @language, @gpc, @path, @widgetVersion, @clientTime, @receivedAt, @origin,
      @ipPrefix, @uaFamily)
    ON CONFLICT (event_id) DO NOTHING`);
  const existing = db.prepare('SELECT consent_id, received_at FROM consent_events WHERE event_id = ?');
  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const statements = new Map();
  /** @param {string} sql */
  const statement = (sql) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };

  /**
   * One batch, one transaction: the inserts run in order, so a repeat of an eventId earlier
   * in the batch finds that row and answers with its receipt.
   */
  const insertAll = db.transaction((/** @type {StoredRecord[]} */ records) => records.map((record) => {
    const { changes } = insert.run({
      ...record,
      categories: JSON.stringify(record.categories),
      services: JSON.stringify(record.services),
      gpc: record.gpc ? 1 : 0,
    });
    if (changes === 1) {
      return { created: true, receipt: { eventId: record.eventId, consentId: record.consentId, receivedAt: record.receivedAt } };
    }
    const row = /** @type {{ consent_id: string, received_at: string }} */ (existing.get(record.eventId));
    return { created: false, receipt: { eventId: record.eventId, consentId: row.consent_id, receivedAt: row.received_at } };
  }));
  // better-sqlite3 commits synchronously: while a batch's fsync runs, requests wait in the
  // socket buffers and are read together on the next turn, which is what fills the next batch.
  /** @type {GroupCommit<StoredRecord, InsertResult>} */
  const batches = new GroupCommit({ commit: (records) => insertAll.immediate(records), ...batchOptions });

  return {
    kind: 'sqlite',
    insert: (record) => batches.submit(record),
    async history(consentId) {
      const rows = statement('SELECT * FROM consent_events WHERE consent_id = ? ORDER BY received_at, seq').all(consentId);
      return rows.map(fromRow);
    },
    async *records(query) {
      const { where, params } = conditions(query);
      /** @type {[string, number] | null} */
      let after = null;
      for (;;) {
        const page = after ? [...where, '(received_at, seq) > (@afterAt, @afterSeq)'] : where;
        const sql = `SELECT * FROM consent_events ${whereSql(page)} ORDER BY received_at, seq LIMIT ${PAGE_SIZE}`;
        const rows = /** @type {any[]} */ (statement(sql).all({ ...params, afterAt: after?.[0], afterSeq: after?.[1] }));
        for (const row of rows) yield fromRow(row);
        if (rows.length < PAGE_SIZE) return;
        const last = rows[rows.length - 1];
        after = [last.received_at, last.seq];
      }
    },
    async stats(query) {
      const { where, params } = conditions(query, 'e.');
      const w = whereSql(where);
      const actions = statement(`
        SELECT substr(e.received_at, 1, 10) AS day, e.action AS action, count(*) AS n
        FROM consent_events e ${w} GROUP BY day, e.action`).all(params);
      const categories = statement(`
        SELECT substr(e.received_at, 1, 10) AS day, c.key AS category,
          sum(c.type = 'true') AS granted, sum(c.type = 'false') AS refused
        FROM consent_events e, json_each(e.categories) c ${w} GROUP BY day, c.key`).all(params);
      return groupStats(/** @type {any[]} */ (actions), /** @type {any[]} */ (categories));
    },
    async deleteReceivedBefore(before) {
      return statement('DELETE FROM consent_events WHERE received_at < ?').run(before).changes;
    },
    async ping() {
      statement('SELECT 1').get();
    },
    async close() {
      await batches.close();
      if (db.open) db.close();
    },
    ...sqliteAdminQueries(db),
  };
}

/**
 * Runs the migrations not yet recorded, all in one IMMEDIATE transaction (so two processes
 * starting on one file take turns).
 * @param {import('better-sqlite3').Database} db
 */
function migrate(db) {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const run = db.transaction(() => {
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all());
    const newest = Math.max(0, .../** @type {number[]} */ ([...applied]));
    const known = sqliteMigrations.at(-1)?.version ?? 0;
    if (newest > known) throw new Error(`the database has schema version ${newest}; this server knows up to ${known}`);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of sqliteMigrations) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
  });
  run.immediate();
}

/**
 * @param {RecordQuery} query
 * @param {string} [prefix] table alias
 */
function conditions(query, prefix = '') {
  /** @type {string[]} */
  const where = [];
  /** @type {Record<string, string>} */
  const params = {};
  if (query.from) (where.push(`${prefix}received_at >= @from`), (params.from = query.from));
  if (query.to) (where.push(`${prefix}received_at < @to`), (params.to = query.to));
  if (query.consentId) (where.push(`${prefix}consent_id = @consentId`), (params.consentId = query.consentId));
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
    categories: JSON.parse(row.categories),
    services: JSON.parse(row.services),
    revision: row.revision,
    policyVersion: row.policy_version,
    textHash: row.text_hash,
    language: row.language,
    gpc: row.gpc === 1,
    path: row.path,
    widgetVersion: row.widget_version,
    clientTime: row.client_time,
    receivedAt: row.received_at,
    origin: row.origin,
    ipPrefix: row.ip_prefix,
    uaFamily: row.ua_family,
  };
}
