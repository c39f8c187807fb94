// @ts-check
/**
 * The databases every server suite runs against: SQLite in a temporary folder always, and
 * PostgreSQL when TEST_DATABASE_URL is set (each suite in a schema of its own, dropped after).
 * In CI a missing TEST_DATABASE_URL is an error: the PostgreSQL half must never be silently skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStorage } from '../../server/storage/index.js';
import { SQLITE_FILE } from '../../server/storage/sqlite.js';

const PG_URL = process.env.TEST_DATABASE_URL;
if (!PG_URL && process.env.CI) {
  throw new Error('TEST_DATABASE_URL is not set in CI: the server suites must run on PostgreSQL too (.ci/run provides it)');
}
if (!PG_URL) {
  console.log('# notice: TEST_DATABASE_URL is not set, so the PostgreSQL suites are not registered (SQLite only)');
}

/**
 * A database for one suite: open storages on it, run raw SQL against it, remove it.
 * @typedef {object} TestDatabase
 * @property {() => Promise<import('../../server/storage/index.js').ConsentLogStorage>} open
 * @property {{ DATA_DIR?: string, DATABASE_URL?: string }} env settings a server process needs to use it
 * @property {(sql: string) => Promise<unknown[]>} raw runs SQL outside the storage layer
 * @property {() => Promise<string>} dump every stored byte as text (to look for what must not be there)
 * @property {() => Promise<void>} drop
 */

/**
 * @typedef {object} Backend
 * @property {string} name
 * @property {() => Promise<TestDatabase>} create
 */

/** @type {Backend} */
const sqlite = {
  name: 'SQLite',
  async create() {
    const dataDir = mkdtempSync(join(tmpdir(), 'samtykke-test-'));
    const file = join(dataDir, SQLITE_FILE);
    return {
      open: () => openStorage({ dataDir }),
      env: { DATA_DIR: dataDir },
      async raw(sql) {
        const db = new Database(file);
        try {
          const statement = db.prepare(sql);
          return statement.reader ? statement.all() : [statement.run()];
        } finally {
          db.close();
        }
      },
      async dump() {
        const db = new Database(file);
        try {
          return JSON.stringify(db.prepare('SELECT * FROM consent_events').all());
        } finally {
          db.close();
        }
      },
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** @type {Backend} */
const postgres = {
  name: 'PostgreSQL',
  async create() {
    const schema = `samtykke_test_${randomUUID().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(/** @type {string} */ (PG_URL));
    url.searchParams.set('options', `-c search_path=${schema}`);
    const databaseUrl = url.toString();
    /** @param {string} sql */
    const raw = async (sql) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };
    return {
      open: () => openStorage({ databaseUrl }),
      env: { DATABASE_URL: databaseUrl },
      raw,
      dump: async () => JSON.stringify(await raw('SELECT * FROM consent_events')),
      async drop() {
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      },
    };
  },
};

/** @type {Backend[]} */
export const backends = PG_URL ? [sqlite, postgres] : [sqlite];

export { sampleEvent } from './sample-event.js';

/**
 * Collects every record the storage holds (through the export path).
 * @param {import('../../server/storage/index.js').ConsentLogStorage} storage
 */
export async function allRecords(storage) {
  const out = [];
  for await (const record of storage.records({})) out.push(record);
  return out;
}
