// @ts-check
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { DEFAULT_RETENTION_DAYS, loadSettings, SettingsError } from '../../server/settings.js';
import { DEFAULT_MAX_BATCH, DEFAULT_MAX_WAIT_MS } from '../../server/storage/group-commit.js';

describe('service settings from the environment', () => {
  it('has documented defaults: 127.0.0.1:8080, ./data, SQLite, admin off (COMPLIANCE 25)', () => {
    const s = loadSettings({});
    assert.equal(s.port, 8080);
    assert.equal(s.host, '127.0.0.1');
    assert.equal(s.dataDir, resolve('data'));
    assert.equal(s.databaseUrl, undefined);
    assert.equal(s.adminToken, undefined);
    assert.deepEqual(s.allowedOrigins, []);
    assert.equal(s.retentionDays, DEFAULT_RETENTION_DAYS);
    assert.equal(s.trustProxy, false);
    assert.equal(s.workers, 1);
    assert.equal(s.batchMaxSize, DEFAULT_MAX_BATCH);
    assert.equal(s.batchWaitMs, DEFAULT_MAX_WAIT_MS);
  });

  it('reads every setting (COMPLIANCE 25)', () => {
    const s = loadSettings({
      PORT: '9000', HOST: '0.0.0.0', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@db/log',
      ADMIN_TOKEN: 'a-long-enough-token', ALLOWED_ORIGINS: 'https://a.example, http://localhost:3000',
      RETENTION_DAYS: '400', RATE_LIMIT: '50', TRUST_PROXY: '1', WORKERS: '4', BATCH_MAX_SIZE: '100', BATCH_WAIT_MS: '3',
    });
    assert.deepEqual(
      [s.port, s.host, s.dataDir, s.databaseUrl, s.adminToken, s.allowedOrigins, s.retentionDays, s.rateLimit, s.trustProxy, s.workers, s.batchMaxSize, s.batchWaitMs],
      [9000, '0.0.0.0', '/tmp/x', 'postgres://u@db/log', 'a-long-enough-token', ['https://a.example', 'http://localhost:3000'], 400, 50, 1, 4, 100, 3],
    );
  });

  it('stops with a message naming the variable for values it cannot use (COMPLIANCE 25)', () => {
    /** @type {[Record<string, string>, RegExp][]} */
    const table = [
      [{ PORT: 'eighty' }, /^PORT="eighty": expected a whole number/],
      [{ PORT: '70000' }, /^PORT/],
      [{ RETENTION_DAYS: '0' }, /^RETENTION_DAYS/],
      [{ RETENTION_DAYS: '-5' }, /^RETENTION_DAYS/],
      [{ ADMIN_TOKEN: 'short' }, /^ADMIN_TOKEN: expected at least 16 characters/],
      [{ ALLOWED_ORIGINS: 'https://a.example/' }, /^ALLOWED_ORIGINS: "https:\/\/a.example\/" is not an origin/],
      [{ ALLOWED_ORIGINS: '*' }, /^ALLOWED_ORIGINS/],
      [{ ALLOWED_ORIGINS: 'ftp://a.example' }, /^ALLOWED_ORIGINS/],
      [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL/],
      [{ WORKERS: '0' }, /^WORKERS="0": expected a whole number from 1 to 64/],
      [{ BATCH_MAX_SIZE: '0' }, /^BATCH_MAX_SIZE/],
      [{ BATCH_WAIT_MS: '-1' }, /^BATCH_WAIT_MS/],
    ];
    for (const [env, message] of table) assert.throws(() => loadSettings(env), (e) => e instanceof SettingsError && message.test(e.message), JSON.stringify(env));
  });
});
