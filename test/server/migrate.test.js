// @ts-check
/**
 * Moving a log from SQLite to PostgreSQL with `node server/cli.js migrate` (every record,
 * verified by count and checksum), and the online backup of the SQLite file.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openStorage } from '../../server/storage/index.js';
import { allRecords, backends, sampleEvent } from './backends.js';

const CLI = fileURLToPath(new URL('../../server/cli.js', import.meta.url));
const run = promisify(execFile);
/** Runs the CLI; resolves with its exit code and output, whatever the code. @param {string[]} args */
const cli = (args) => run(process.execPath, [CLI, ...args]).then(
  ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
  (/** @type {any} */ error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
);

/** A seeded log: 1,234 records over three years, with text in every shape the schema allows. */
function seedRecords() {
  const texts = ['/', '/da/kurv?x=1;y=2', '/æøå/ü', '/=1+1', '/"quoted"', `/${'p'.repeat(2000)}`];
  return Array.from({ length: 1234 }, (_, i) => ({
    ...sampleEvent({
      categories: i % 2 ? { necessary: true, zeta: false, analytics: i % 3 === 0 } : { marketing: false, necessary: true },
      services: i % 5 ? { ga: true } : {},
      path: texts[i % texts.length],
      policyVersion: i % 7 ? '2024-10-17' : 'v=2 "beta"',
      gpc: i % 4 === 0,
      revision: i % 11,
    }),
    // Many share a millisecond, as under load.
    receivedAt: new Date(Date.UTC(2023, 0, 1) + Math.floor(i / 3) * 86_400_000 + (i % 3 === 2 ? 1 : 0)).toISOString(),
    origin: i % 2 ? 'https://shop.example' : null,
    ipPrefix: i % 3 ? '203.0.113.0/24' : null,
    uaFamily: 'Firefox',
  }));
}

/** Records in a stable order, with maps sorted, for comparing two logs. @param {any[]} records */
const comparable = (records) => records
  .map((r) => ({ ...r, categories: Object.entries(r.categories).sort(), services: Object.entries(r.services).sort() }))
  .sort((a, b) => (a.eventId < b.eventId ? -1 : 1));

describe('SQLite backup', () => {
  it('copies the SQLite file online while the log is open, and the copy holds every record (COMPLIANCE 25)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samtykke-backup-'));
    try {
      const storage = await openStorage({ dataDir: join(dir, 'data') });
      const seeded = seedRecords().slice(0, 300);
      await Promise.all(seeded.map((r) => storage.insert(r)));
      const result = await cli(['backup', '--data-dir', join(dir, 'data'), '--to', join(dir, 'backup', 'samtykke.sqlite')]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /backed up 300 records .*integrity check ok/);
      const again = await cli(['backup', '--data-dir', join(dir, 'data'), '--to', join(dir, 'backup', 'samtykke.sqlite')]);
      assert.equal(again.code, 1, 'never overwrites');
      const copy = await openStorage({ dataDir: join(dir, 'backup') });
      assert.deepEqual(comparable(await allRecords(copy)), comparable(await allRecords(storage)));
      await copy.close();
      await storage.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const postgres = backends.find((b) => b.name === 'PostgreSQL');
if (postgres) {
  describe('moving a log from SQLite to PostgreSQL', () => {
    /** @type {import('./backends.js').TestDatabase} */
    let pgDb;
    const dir = mkdtempSync(join(tmpdir(), 'samtykke-move-'));
    before(async () => (pgDb = await postgres.create()));
    after(async () => {
      await pgDb.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('moves every record of a seeded log and verifies count and checksum; a second run adds nothing (COMPLIANCE 25)', { timeout: 60_000 }, async () => {
      const source = await openStorage({ dataDir: dir });
      const seeded = seedRecords();
      await Promise.all(seeded.map((r) => source.insert(r)));
      await source.close();
      const to = /** @type {string} */ (pgDb.env.DATABASE_URL);
      const moved = await cli(['migrate', '--from', `sqlite:${dir}`, '--to', to]);
      assert.equal(moved.code, 0, moved.stderr);
      assert.match(moved.stdout, new RegExp(`copied ${seeded.length} new records`));
      assert.match(moved.stdout, /verified: same records/);
      const [sourceLine, targetLine] = moved.stdout.split('\n').filter((l) => /^(source|target):/.test(l));
      assert.equal(sourceLine.replace('source', 'target'), targetLine);

      const a = await openStorage({ dataDir: dir });
      const b = await pgDb.open();
      assert.deepEqual(comparable(await allRecords(b)), comparable(await allRecords(a)));
      assert.deepEqual(comparable(await allRecords(a)), comparable(seeded));
      await a.close();
      await b.close();

      const rerun = await cli(['migrate', '--from', `sqlite:${dir}`, '--to', to]);
      assert.equal(rerun.code, 0, rerun.stderr);
      assert.match(rerun.stdout, /copied 0 new records/);
    });

    it('refuses to call two different logs the same: exit 1 when the target holds other records (COMPLIANCE 25)', async () => {
      const b = await pgDb.open();
      await b.insert({ ...seedRecords()[0], eventId: sampleEvent().eventId });
      await b.close();
      const result = await cli(['verify', '--from', `sqlite:${dir}`, '--to', /** @type {string} */ (pgDb.env.DATABASE_URL)]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /the logs differ/);
    });

    it('explains a bad command instead of failing with a stack (COMPLIANCE 25)', async () => {
      for (const args of [['migrate', '--to', 'sqlite:/nowhere'], ['migrate', '--from', 'mysql://x', '--to', 'sqlite:/tmp/x'], ['nonsense'], ['migrate', '--from', `sqlite:${join(dir, 'none')}`, '--to', 'sqlite:/tmp/x']]) {
        const result = await cli(args);
        assert.equal(result.code, 1, args.join(' '));
        assert.match(result.stderr, /^samtykke-log: /);
        assert.doesNotMatch(result.stderr, /\n\s+at /, args.join(' '));
      }
    });
  });
}
