#!/usr/bin/env node
// @ts-check
/**
 * `samtykke-log` (node server/cli.js): operations on a consent log besides serving it.
 *
 *   migrate --from <log> --to <log>   copy every record, then verify count and checksum
 *   verify  --from <log> --to <log>   only the verification
 *   backup  --data-dir <dir> --to <file>   an online, consistent copy of the SQLite file
 *
 * A <log> is `sqlite:<DATA_DIR>` or a `postgres://` URL. Exit 0 when the command did what it
 * says and the check passed; 1 with a message otherwise.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openStorage } from './storage/index.js';
import { SQLITE_FILE } from './storage/sqlite.js';

/** Records copied per round; group commit writes them in batches. */
const COPY_CHUNK = 1000;

/** A command that cannot run as asked; printed without a stack. */
class UsageError extends Error {}

/**
 * Opens a log named like `sqlite:./data` or `postgres://…`.
 * @param {string | undefined} spec
 * @param {string} flag for the message
 */
async function openLog(spec, flag) {
  if (!spec) throw new UsageError(`${flag} is required: sqlite:<DATA_DIR> or postgres://…`);
  if (/^postgres(ql)?:\/\//.test(spec)) return openStorage({ databaseUrl: spec });
  if (spec.startsWith('sqlite:')) {
    const dataDir = resolve(spec.slice('sqlite:'.length));
    if (flag === '--from' && !existsSync(join(dataDir, SQLITE_FILE))) throw new UsageError(`${flag}: no ${SQLITE_FILE} in ${dataDir}`);
    return openStorage({ dataDir });
  }
  throw new UsageError(`${flag} ${JSON.stringify(spec)}: expected sqlite:<DATA_DIR> or a postgres:// URL`);
}

/**
 * A record as canonical text: fixed key order, the category and service maps sorted (PostgreSQL's
 * jsonb keeps keys in its own order), so the same record reads the same from either database.
 * @param {import('./storage/index.js').StoredRecord} r
 */
function canonical(r) {
  const sorted = (/** @type {Record<string, boolean>} */ map) => Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify([r.eventId, r.consentId, r.action, sorted(r.categories), sorted(r.services), r.revision, r.policyVersion,
    r.textHash, r.language, r.gpc, r.path, r.widgetVersion, r.clientTime, r.receivedAt, r.origin, r.ipPrefix, r.uaFamily]);
}

/**
 * The count of a log's records and a checksum that does not depend on their order: the sum,
 * modulo 2^256, of each record's SHA-256.
 * @param {import('./storage/index.js').ConsentLogStorage} storage
 */
export async function fingerprint(storage) {
  let count = 0;
  let sum = 0n;
  for await (const record of storage.records({})) {
    count++;
    sum = (sum + BigInt(`0x${createHash('sha256').update(canonical(record)).digest('hex')}`)) % 2n ** 256n;
  }
  return { count, checksum: sum.toString(16).padStart(64, '0') };
}

/**
 * Copies every record of `from` into `to` (a record already there is kept once), as it was
 * stored: the same IDs, times and server-side fields.
 * @param {import('./storage/index.js').ConsentLogStorage} from
 * @param {import('./storage/index.js').ConsentLogStorage} to
 */
async function copy(from, to) {
  let copied = 0;
  /** @type {import('./storage/index.js').StoredRecord[]} */
  let chunk = [];
  const flush = async () => {
    const results = await Promise.all(chunk.map((r) => to.insert(r)));
    copied += results.filter((r) => r.created).length;
    chunk = [];
  };
  for await (const record of from.records({})) {
    chunk.push(record);
    if (chunk.length >= COPY_CHUNK) await flush();
  }
  await flush();
  return copied;
}

/** @param {{ from?: string, to?: string }} options @param {boolean} move */
async function migrateOrVerify(options, move) {
  const from = await openLog(options.from, '--from');
  try {
    const to = await openLog(options.to, '--to');
    try {
      if (move) console.log(`copied ${await copy(from, to)} new records`);
      const [a, b] = [await fingerprint(from), await fingerprint(to)];
      console.log(`source: ${a.count} records, checksum ${a.checksum}`);
      console.log(`target: ${b.count} records, checksum ${b.checksum}`);
      if (a.count !== b.count || a.checksum !== b.checksum) {
        console.error('samtykke-log: the logs differ: the target must hold exactly the source\'s records (was it empty?)');
        return 1;
      }
      console.log('verified: same records, same count, same checksum');
      return 0;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

/**
 * SQLite's online backup: a consistent copy while the server keeps writing, then an integrity
 * check of the copy.
 * @param {{ 'data-dir'?: string, to?: string }} options
 */
async function backup(options) {
  if (!options.to) throw new UsageError('--to <file> is required');
  const source = join(resolve(options['data-dir'] ?? process.env.DATA_DIR ?? './data'), SQLITE_FILE);
  if (!existsSync(source)) throw new UsageError(`no ${SQLITE_FILE} at ${source}`);
  const target = resolve(options.to);
  if (existsSync(target)) throw new UsageError(`${target} exists; a backup never overwrites a file`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    const count = copy.prepare('SELECT count(*) FROM consent_events').pluck().get();
    if (check !== 'ok') throw new Error(`the backup fails its integrity check: ${check}`);
    console.log(`backed up ${count} records to ${target} (integrity check ok)`);
  } finally {
    copy.close();
  }
  return 0;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { from: { type: 'string' }, to: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  if (command === 'migrate' || command === 'verify') return migrateOrVerify(values, command === 'migrate');
  if (command === 'backup') return backup(values);
  throw new UsageError('usage: samtykke-log migrate|verify --from <log> --to <log> | backup --data-dir <dir> --to <file>\n' +
    '  <log>: sqlite:<DATA_DIR> or postgres://user@host/db');
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`samtykke-log: ${error instanceof UsageError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? error.message : error?.stack ?? error}`);
    process.exitCode = 1;
  },
);
