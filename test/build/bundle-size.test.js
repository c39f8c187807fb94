// The bytes of the first-layer bundle. Bytes do not flake, so this is a test; timings are not.
//
// Issue 3's budget is 15 KB gzip and issue 7's goal 14 KB. dist/samtykke.js does NOT meet them
// yet (19,006 B on 2026-11-25 with Lit's 5.8 KB inside; see the README's "Size" and the issue
// notes). Until it does, this test guards against growth at 19 KiB and reports the gap to the
// budget on every run; lower GUARD as the bundle shrinks, and set it to BUDGET once it fits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 15 * 1024;
const GUARD = 19 * 1024;

const gzipBytes = (file) => gzipSync(readFileSync(new URL(`../../dist/${file}`, import.meta.url)), { level: 9 }).length;

test('dist/samtykke.js does not grow past the 19 KiB guard (the 15 KB budget is not met yet)', (t) => {
  const bytes = gzipBytes('samtykke.js');
  t.diagnostic(`dist/samtykke.js: ${bytes} B gzip; budget ${BUDGET} B: ${bytes <= BUDGET ? 'met' : `over by ${bytes - BUDGET} B`}`);
  assert.ok(bytes <= GUARD, `dist/samtykke.js is ${bytes} bytes gzip, over the ${GUARD}-byte guard`);
});

test('dist/samtykke.js is Latin-1 only, so V8 keeps its source one byte per character', () => {
  // One character above U+00FF ("…", "≥", a curly quote) makes Chromium hold the whole script
  // as a two-byte string: measured +44 KB of JS heap on every page view (bench/widget.mjs).
  const text = readFileSync(new URL('../../dist/samtykke.js', import.meta.url), 'utf8');
  const wide = [...new Set(text.match(/[^\u0000-\u00ff]/gu) ?? [])];
  assert.deepEqual(wide, [], `characters above U+00FF in dist/samtykke.js: ${wide.join(' ')}`);
});

test('the policy text stays out of the first-layer bundle', () => {
  const first = readFileSync(new URL('../../dist/samtykke.js', import.meta.url), 'utf8');
  const policy = readFileSync(new URL('../../dist/samtykke-policy.js', import.meta.url), 'utf8');
  // A sentence of the seed policy and a cookie-declaration label: in the policy bundle only.
  for (const text of ['regnskabsår', 'Cookieerklæring']) {
    assert.ok(policy.includes(text), `${text} missing from dist/samtykke-policy.js`);
    assert.ok(!first.includes(text), `${text} leaked into dist/samtykke.js`);
  }
});
