// The byte budget of the first-layer bundle (issue 3/7): bytes do not flake, so this is a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 15 * 1024;

test('dist/samtykke.js stays within 15 KB gzip (level 9)', () => {
  const bytes = gzipSync(readFileSync(new URL('../../dist/samtykke.js', import.meta.url)), { level: 9 }).length;
  assert.ok(bytes <= BUDGET, `dist/samtykke.js is ${bytes} bytes gzip, over the ${BUDGET}-byte budget`);
});
