#!/usr/bin/env node
// Where the bytes of dist/samtykke.js are: the script-tag bundle rebuilt in memory from
// rollup.config.mjs with a source map, each minified byte given to the source file it came
// from, then each file's share of the gzip size. `npm run size` after a change shows what it
// cost; the budgets themselves are asserted by test/build/bundle-size.test.js.
//
// The gzip column is an estimate: each file's bytes are compressed on their own and the
// figures scaled so that they add up to the real total (gzip finds repeats across files,
// so no split is exact).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildFirstLayer, decodeMappings, sourceName } from './lib/bundle-map.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Piped into `head`: stop quietly when the reader has had enough.
process.stdout.on('error', (error) => (error.code === 'EPIPE' ? process.exit(0) : Promise.reject(error)));
const gzip = (text) => gzipSync(text, { level: 9 }).length;
const PEER = join(ROOT, 'node_modules/vanilla-cookieconsent/dist');
// A returning view loads this file alone: at most 0.6 × what the peer's page loads (JS + CSS).
const BUDGET = Math.floor(0.6 * (gzip(readFileSync(join(PEER, 'cookieconsent.umd.js'))) + gzip(readFileSync(join(PEER, 'cookieconsent.css')))));

/** The string values of a JSON file, longest first (so a short one never claims part of a long one). */
function stringsOf(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out.sort((a, b) => b.length - a.length);
}

const { code, map } = await buildFirstLayer(ROOT);
const owner = new Array(code.length).fill(null);

// Locale strings first (rollup's JSON plugin gives them no source map): find each string
// value of the two UI files in the output and claim its characters. Their keys stay with
// whatever mapping precedes them, mostly src/core/i18n.ts.
for (const file of ['locales/ui.da.json', 'locales/ui.en.json']) {
  for (const text of stringsOf(JSON.parse(readFileSync(join(ROOT, file), 'utf8')))) {
    if (text.length < 4) continue; // too short to be told apart from code
    for (let at = code.indexOf(text); at >= 0; at = code.indexOf(text, at + 1)) {
      if (owner[at] !== null) continue;
      owner.fill(file, at, at + text.length);
      break;
    }
  }
}

// Then every other byte goes to the source of the mapping segment it falls in.
const lines = decodeMappings(map.mappings);
let offset = 0;
code.split('\n').forEach((line, n) => {
  const segments = lines[n] || [];
  segments.forEach((segment, k) => {
    const end = k + 1 < segments.length ? segments[k + 1][0] : line.length;
    const source = segment.length > 1 ? sourceName(map, segment[1]) : '(no source)';
    for (let i = offset + segment[0]; i < offset + end; i++) owner[i] ??= source;
  });
  if (segments.length) for (let i = offset; i < offset + segments[0][0]; i++) owner[i] ??= '(no source)';
  offset += line.length + 1;
});

const texts = {};
owner.forEach((source, i) => {
  const key = (source ?? '(no source)').replace(/^.*node_modules\//, '');
  texts[key] = (texts[key] ?? '') + code[i];
});
// rollup writes the file with a final newline.
const total = gzip(`${code}\n`);
const rows = Object.entries(texts).map(([source, text]) => ({ source, raw: text.length, alone: gzip(text) }));
const alone = rows.reduce((sum, r) => sum + r.alone, 0);
rows.sort((a, b) => b.alone - a.alone);

console.log(`dist/samtykke.js as rollup.config.mjs builds it now: ${code.length + 1} B minified, ${total} B gzip (level 9)`);
console.log(`budget 0.6 × the peer's bytes = ${BUDGET} B: ${total <= BUDGET ? `${BUDGET - total} B to spare` : `OVER by ${total - BUDGET} B`}\n`);
console.log(`${'source'.padEnd(52)}${'minified'.padStart(10)}${'gzip share'.padStart(12)}`);
for (const r of rows) console.log(`${r.source.padEnd(52)}${String(r.raw).padStart(10)}${String(Math.round((r.alone * total) / alone)).padStart(12)}`);
