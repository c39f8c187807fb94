// The widget benchmark's report logic on synthetic figures (bench/lib/report.mjs): pairing
// views by round, the median's interval, differences from the bare page, and the targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MEASURES, TARGETS, deltaFromBare, medianInterval, pairedWith, printReport, targetsFor } from '../../bench/lib/report.mjs';

const view = (round, script) => ({ round, 'first.script': script });
/** A run of one round with every measure at `x`, overridden by `figures`. */
const mk = (round, x = 1, figures = {}) => ({
  round,
  ...Object.fromEntries(MEASURES.map((m) => [m.key, x])),
  'returning.ownLongTasks': 0,
  'first.files': [],
  'returning.files': [],
  'returning.laterFiles': [],
  'first.lcpElement': 'h1',
  ...figures,
});
const meta = (rounds, throttle = 4) => ({ rounds, date: 'd', commit: 'c', chromium: 'x', throttle, load: [0, 0], cpus: 2 });
const VARIANTS = [
  { id: 'bare', label: 'bare' },
  { id: 'samtykke', label: 'Samtykke' },
  { id: 'peer', label: 'peer' },
];
/** The lines `printReport` prints for `runs`. */
function reportLines(t, runs, throttle = 4) {
  const lines = [];
  t.mock.method(console, 'log', (text) => lines.push(...String(text).split('\n')));
  printReport({ meta: meta(runs.bare.length, throttle), variants: VARIANTS, runs, errors: [], misses: [] });
  return lines;
}
const verdict = (runs, what) => targetsFor('samtykke', runs).find(([, w]) => w === what);
const rounds = (n, f) => Array.from({ length: n }, (_, i) => f(i));

test('pairs each view with the peer view of the same round, not the same position', () => {
  // Samtykke's round-2 view failed, so its third view is round 3's: by position it would meet
  // the peer's 30, by round the peer's 40.
  const runs = {
    peer: [view(0, 10), view(1, 20), view(2, 30), view(3, 40)],
    samtykke: [view(0, 5), view(1, 25), view(3, 35)],
  };
  const { rounds: n, better, ratio } = pairedWith(runs, 'samtykke', 'first.script');
  assert.equal(n, 3);
  assert.equal(better, 2); // 5 < 10 and 35 < 40; 25 > 20
  assert.equal(ratio, 0.875); // the median of 5/10, 25/20 and 35/40
});

test("the median's 95% interval is the order statistics a binomial table gives", () => {
  // Tables of the sign test: n = 25 → the 8th and 18th values, n = 10 → the 2nd and 9th,
  // n = 6 → the extremes; n = 5 has no 95% interval (2 × 1/32 > 5%).
  const shuffled = (n) => Array.from({ length: n }, (_, i) => ((i * 7) % n) + 1);
  assert.deepEqual(medianInterval(shuffled(25)), [8, 18]);
  assert.deepEqual(medianInterval(shuffled(10)), [2, 9]);
  assert.deepEqual(medianInterval(shuffled(6)), [1, 6]);
  assert.deepEqual(medianInterval([1, 2, 3, 4, 5]), [NaN, NaN]);
  // Missing figures are left out, not counted as values.
  assert.deepEqual(medianInterval([...shuffled(6), NaN, undefined]), [1, 6]);
  // A wider level needs a wider interval: at 99%, n = 25 → the 6th and 20th.
  assert.deepEqual(medianInterval(shuffled(25), 0.99), [6, 20]);
});

test('a round pairing says whether the interval lies beyond 1', () => {
  const runs = {
    peer: rounds(25, (i) => view(i, 100)),
    samtykke: rounds(25, (i) => view(i, 80 + i)), // ratios 0.80 … 1.04
  };
  assert.deepEqual(pairedWith(runs, 'samtykke', 'first.script').interval, [0.87, 0.97]);
});

test('leaves out rounds where either figure is missing', () => {
  const runs = { peer: [view(0, 10), view(1, NaN)], samtykke: [view(0, 20), view(1, 5), view(2, 1)] };
  assert.deepEqual(pairedWith(runs, 'samtykke', 'first.script'), { rounds: 1, better: 0, ratio: 2, interval: [NaN, NaN] });
  assert.equal(pairedWith({ peer: [] }, 'samtykke', 'first.script').rounds, 0);
});

test('the difference from the bare page is taken round by round', () => {
  // The bare page drifts from 100 to 190 over the run; Samtykke is always 7 above it. The
  // medians of the whole run would differ by 7 too here, but a missing bare round must not
  // pair Samtykke's view with another round's.
  const runs = {
    bare: rounds(10, (i) => view(i, 100 + 10 * i)).filter((r) => r.round !== 4),
    samtykke: rounds(10, (i) => view(i, 107 + 10 * i)),
  };
  const { rounds: n, delta, interval } = deltaFromBare(runs, 'samtykke', 'first.script');
  assert.equal(n, 9);
  assert.equal(delta, 7);
  assert.deepEqual(interval, [7, 7]);
});

test('a "Δ ≤ k × peer Δ" target compares the differences from bare of the same round', () => {
  // The bare page drifts; the peer is 20 above it in every round, Samtykke 14 (0.7 × 20).
  const run = (above) => rounds(8, (i) => mk(i, 0, { 'returning.scriptLoad': 50 + 5 * i + above }));
  const runs = { bare: run(0), peer: run(20), samtykke: run(14) };
  const what = 'returning: script to load Δ ≤ 0.75 × peer Δ';
  assert.equal(verdict(runs, what)[0], true);
  // 16 = 0.8 × 20: over the 0.75 budget, though lower than the peer.
  assert.equal(verdict({ ...runs, samtykke: run(16) }, what)[0], false);
  assert.match(verdict({ ...runs, samtykke: run(16) }, what)[2], /= \+1\.0 ms \[1\.0 – 1\.0\], 8 rounds$/);
  // Without the bare page's rounds there is nothing to decide on: FAIL, not PASS.
  assert.equal(verdict({ ...runs, bare: [] }, what)[0], false);
});

test('a "≤ the peer\'s" target passes at equal figures and fails one unit above', () => {
  const run = (x) => rounds(6, (i) => mk(i, 0, { 'first.gone': x + i }));
  const what = "first view: accept → banner gone ≤ peer's";
  assert.equal(verdict({ bare: run(0), peer: run(90), samtykke: run(90) }, what)[0], true);
  assert.equal(verdict({ bare: run(0), peer: run(90), samtykke: run(91) }, what)[0], false);
});

test('the byte targets are 0.6 × and 1.3 × the peer', () => {
  const run = (returning, first) => rounds(3, (i) => mk(i, 0, { 'returning.bytes': returning, 'first.bytes': first }));
  const runs = { bare: run(0, 0), peer: run(10000, 10000), samtykke: run(6000, 13000) };
  assert.equal(verdict(runs, "returning: bytes before load ≤ 0.6 × peer's")[0], true);
  assert.equal(verdict(runs, "first view: bytes fetched ≤ 1.3 × peer's")[0], true);
  const over = { ...runs, samtykke: run(6001, 13001) };
  assert.equal(verdict(over, "returning: bytes before load ≤ 0.6 × peer's")[0], false);
  assert.equal(verdict(over, "first view: bytes fetched ≤ 1.3 × peer's")[0], false);
});

test("one long task of Samtykke's in any returning view fails its target", () => {
  const runs = (own) => ({ bare: rounds(4, (i) => mk(i)), peer: rounds(4, (i) => mk(i, 1, { 'returning.ownLongTasks': 3 })), samtykke: rounds(4, (i) => mk(i, 1, { 'returning.ownLongTasks': i === 2 ? own : 0 })) });
  const what = "returning: no long task of Samtykke's";
  assert.deepEqual(verdict(runs(0), what), [true, what, '0 in 4 views']);
  assert.deepEqual(verdict(runs(1), what), [false, what, '1 in 4 views']);
});

test('every target of the issue is decided, and each names what it compares', () => {
  const runs = { bare: rounds(6, (i) => mk(i, 10)), peer: rounds(6, (i) => mk(i, 20)), samtykke: rounds(6, (i) => mk(i, 15)) };
  const results = targetsFor('samtykke', runs);
  assert.equal(results.length, TARGETS.length);
  assert.equal(results.length, 12);
  // Samtykke halfway between bare and peer on every time measure, and 0.75 × the peer's bytes.
  const failing = results.filter(([pass]) => !pass).map(([, what]) => what);
  assert.deepEqual(failing, ["returning: bytes before load ≤ 0.6 × peer's"]);
});

test('the report prints medians, the differences from bare and the pairing with the peer', (t) => {
  const runs = {
    bare: rounds(6, (i) => mk(i, 100)),
    peer: rounds(6, (i) => mk(i, 200)),
    samtykke: rounds(6, (i) => mk(i, 150 + i)),
  };
  const lines = reportLines(t, runs);
  const fcp = lines.find((l) => l.startsWith('host FCP (ms)'));
  assert.ok(fcp, lines.join('\n'));
  // bare, Samtykke, peer medians; Δ +53 (of +50 … +55, median 52.5 → "+53") and +100; the pairing.
  const cells = fcp.slice(30).trim().split(/\s{2,}/);
  assert.deepEqual(cells.slice(0, 5), ['100', '153', '200', '+53', '+100']);
  assert.match(fcp, /6\/6 0\.76× \[0\.75–0\.78\]$/);
  assert.ok(lines.includes('First view (no cookie, cold cache)'), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('Returning view')), lines.join('\n'));
  assert.ok(lines.some((l) => /^ {2}PASS {2}first view: host FCP Δ ≤ peer Δ/.test(l)), lines.join('\n'));
  assert.ok(!lines.some((l) => l.includes('not the verdict')), lines.join('\n'));
});

test('with a candidate, the report pairs Samtykke with it round by round', (t) => {
  // Samtykke's returning script at 90–114 against a candidate at 100 in every round: ratios 0.90 … 1.14.
  const runs = {
    bare: rounds(25, (i) => mk(i, 1)),
    peer: rounds(25, (i) => mk(i, 200)),
    samtykke: rounds(25, (i) => mk(i, 150, { 'returning.scriptLoad': 90 + i })),
    candidate: rounds(25, (i) => mk(i, 100)),
  };
  const lines = [];
  t.mock.method(console, 'log', (text) => lines.push(...String(text).split('\n')));
  printReport({ meta: meta(25), variants: [...VARIANTS, { id: 'candidate', label: 'candidate' }], runs, errors: [], misses: [] });
  const from = lines.findIndex((l) => l.startsWith('Samtykke paired with the candidate'));
  assert.ok(from > 0, lines.join('\n'));
  const script = lines.slice(from).find((l) => l.trim().startsWith('returning: script up to load ('));
  // Lower in rounds 0–9; the median ratio 1.02; the 8th and 18th ratios 0.97 and 1.07.
  assert.match(script, /10\/25 1\.02× \[0\.97–1\.07\]$/);
  // The candidate has targets of its own.
  assert.ok(lines.some((l) => l.startsWith('targets (candidate against peer')), lines.join('\n'));
});

test('without a candidate there is no such section', (t) => {
  const lines = reportLines(t, { bare: [mk(0)], peer: [mk(0)], samtykke: [mk(0)] });
  assert.ok(!lines.some((l) => l.includes('with the candidate')), lines.join('\n'));
});

test('at a throttling rate other than 4× the targets say they are not the verdict', (t) => {
  const runs = { bare: [mk(0)], peer: [mk(0)], samtykke: [mk(0)] };
  const lines = reportLines(t, runs, 1.5);
  assert.ok(lines[1].includes(' · 1.5× CPU throttling · '), lines[1]);
  assert.ok(lines.includes('  (the targets are set at 4× throttling: at 1.5× they are not the verdict)'), lines.join('\n'));
});
