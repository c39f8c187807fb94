// The byte budgets of the script-tag build, against vanilla-cookieconsent 3.1.0 (the peer the
// benchmark compares with). Bytes do not flake, so they are a test; timings are not (they
// are in `npm run bench`, docs/benchmarks.md).
//
// Every figure is gzip at level 9 of a file as built, the way a CDN serves it:
// - a returning view (consent stored) loads dist/samtykke.js alone: at most 0.6 × the peer,
//   whose page loads its script and its stylesheet on every view;
// - a first view (the banner shows) loads the core and the UI beside it, dist/samtykke-ui*.js
//   but the files of a language other than Danish (dist/samtykke-ui.<lang>.js): at most
//   1.3 × the peer. Until the UI is a file of its own, the core is the whole first view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../../dist/', import.meta.url);
const PEER = new URL('../../node_modules/vanilla-cookieconsent/dist/', import.meta.url);

const gzipBytes = (url) => gzipSync(readFileSync(url), { level: 9 }).length;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** The peer's files as its documentation loads them: the UMD script and its stylesheet. */
const peerBytes = () => gzipBytes(new URL('cookieconsent.umd.js', PEER)) + gzipBytes(new URL('cookieconsent.css', PEER));

/** Whether a Danish first view loads the file `name` of dist/ beside the core: a UI file, not another language's. */
function loadedByDanishFirstView(name) {
  if (!/^samtykke-ui[^/]*\.js$/.test(name)) return false;
  const lang = /^samtykke-ui\.([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.js$/.exec(name)?.[1];
  return !lang || lang === 'da';
}

/** The UI files of dist/ a Danish first view loads beside the core. */
const uiFiles = () => readdirSync(DIST).filter(loadedByDanishFirstView).sort();

test('a returning view loads at most 0.6 × the bytes of the peer (dist/samtykke.js alone, gzip)', (t) => {
  const core = gzipBytes(new URL('samtykke.js', DIST));
  const peer = peerBytes();
  const budget = Math.floor(0.6 * peer);
  t.diagnostic(`dist/samtykke.js ${core} B gzip; the peer ${peer} B (JS + CSS); budget 0.6 × ${peer} = ${budget} B`);
  assert.ok(core <= budget, `dist/samtykke.js is ${core} B gzip, over 0.6 × the peer's ${peer} B = ${budget} B`);
});

test('a first view loads at most 1.3 × the bytes of the peer (core + Danish UI, gzip)', (t) => {
  const files = ['samtykke.js', ...uiFiles()];
  const total = sum(files.map((name) => gzipBytes(new URL(name, DIST))));
  const peer = peerBytes();
  const budget = Math.floor(1.3 * peer);
  t.diagnostic(`${files.map((f) => `dist/${f}`).join(' + ')} = ${total} B gzip; budget 1.3 × ${peer} = ${budget} B`);
  assert.ok(total <= budget, `a first view loads ${total} B gzip (${files.join(', ')}), over 1.3 × the peer's ${peer} B = ${budget} B`);
});

test('the UI files a first view counts are the Danish and the language-free ones', () => {
  // The rule above, on names a build may write beside the core.
  const names = ['samtykke.js', 'samtykke-ui.js', 'samtykke-ui.da.js', 'samtykke-ui.en.js', 'samtykke-ui.en-GB.js', 'samtykke-ui-lit.js', 'samtykke-policy.js', 'samtykke-ui.js.map'];
  assert.deepEqual(names.filter(loadedByDanishFirstView), ['samtykke-ui.js', 'samtykke-ui.da.js', 'samtykke-ui-lit.js']);
});

test('the policy text stays out of the core, and the seed policy out of the UI too', () => {
  const policy = readFileSync(new URL('samtykke-policy.js', DIST), 'utf8');
  const text = (name) => readFileSync(new URL(name, DIST), 'utf8');
  // A sentence of the seed policy and a cookie-declaration label: neither in the core, which
  // every page view loads; the policy's sentence not in the UI files either.
  for (const phrase of ['regnskabsår', 'Cookieerklæring']) {
    assert.ok(policy.includes(phrase), `${phrase} missing from dist/samtykke-policy.js`);
    assert.ok(!text('samtykke.js').includes(phrase), `${phrase} leaked into dist/samtykke.js`);
  }
  for (const name of uiFiles()) assert.ok(!text(name).includes('regnskabsår'), `the seed policy leaked into dist/${name}`);
});
