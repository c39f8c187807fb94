// The widget benchmark's pairing of views by round, and its intervals (bench/lib/report.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { medianInterval, pairedWith, printReport } from '../../bench/lib/report.mjs';

const view = (round, script) => ({ round, script, files: [] });
/** A view with every timed measure at `x`. */
const mk = (round, x = 1) => ({ round, bytes: 1, visible: x, opaque: x, script: x, busy: x, heap: 1, cls: 0, clickPaint: x, gone: x, files: [] });
const metaOf = (rounds, bundles) => ({ rounds, date: 'd', commit: 'c', chromium: 'x', throttle: 4, load: [0, 0], cpus: 2, bundles });
/** The lines `printReport` prints for `runs`, one variant per key. */
function reportLines(t, runs, medians, meta) {
  const lines = [];
  t.mock.method(console, 'log', (text) => lines.push(...String(text).split('\n')));
  const variants = Object.keys(runs).map((id) => ({ id, label: id === 'samtykke' ? 'Samtykke' : id }));
  printReport({ meta, variants, runs, medians, errors: [], misses: [] });
  return lines;
}

test('pairs each view with the peer view of the same round, not the same position', () => {
  // Samtykke's round-2 view failed, so its third view is round 3's: by position it would meet
  // the peer's 30, by round the peer's 40.
  const runs = {
    peer: [view(0, 10), view(1, 20), view(2, 30), view(3, 40)],
    samtykke: [view(0, 5), view(1, 25), view(3, 35)],
  };
  const { rounds, better, ratio } = pairedWith(runs, 'samtykke', 'script');
  assert.equal(rounds, 3);
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
    peer: Array.from({ length: 25 }, (_, i) => view(i, 100)),
    samtykke: Array.from({ length: 25 }, (_, i) => view(i, 80 + i)), // ratios 0.80 … 1.04
  };
  const { interval } = pairedWith(runs, 'samtykke', 'script');
  assert.deepEqual(interval, [0.87, 0.97]);
});

test('leaves out rounds where either figure is missing', () => {
  const runs = { peer: [view(0, 10), view(1, NaN)], samtykke: [view(0, 20), view(1, 5), view(2, 1)] };
  assert.deepEqual(pairedWith(runs, 'samtykke', 'script'), { rounds: 1, better: 0, ratio: 2, interval: [NaN, NaN] });
  assert.deepEqual(pairedWith({ peer: [] }, 'samtykke', 'script').rounds, 0);
});

test('the report prints the paired line under the Samtykke column', (t) => {
  const runs = { floor: [mk(0, 1), mk(1, 1)], peer: [mk(0, 10), mk(1, 10)], samtykke: [mk(0, 5), mk(1, 20)] };
  const medians = Object.fromEntries(Object.entries(runs).map(([id, r]) => [id, { ...r[0], script: (r[0].script + r[1].script) / 2 }]));
  const lines = reportLines(t, runs, medians, metaOf(2, { samtykke: 1 }));
  const line = lines.find((l) => l.trim().startsWith('main-thread script') && l.includes('/'));
  assert.ok(line, lines.join('\n'));
  // Better in round 0 only; ratios 0.5 and 2, median 1.25; two rounds give no interval.
  assert.match(line, /1\/2 1\.25× \[–––\]$/);
  assert.ok(lines.some((l) => l.includes('Samtykke against the peer, beyond the noise: lower –; higher –; level visible, opaque, script, busy, clickPaint, gone')), lines.join('\n'));
});

test('with a candidate, the report pairs Samtykke with it round by round', (t) => {
  const rounds = (f) => Array.from({ length: 25 }, (_, i) => mk(i, f(i)));
  // Samtykke at 90–114 against a candidate at 100 in every round: ratios 0.90 … 1.14.
  const runs = { floor: rounds(() => 1), peer: rounds(() => 200), samtykke: rounds((i) => 90 + i), candidate: rounds(() => 100) };
  const medians = Object.fromEntries(Object.keys(runs).map((id) => [id, runs[id][12]]));
  const lines = reportLines(t, runs, medians, metaOf(25, { samtykke: 1, candidate: 1 }));
  const from = lines.findIndex((l) => l.startsWith('Samtykke against the candidate'));
  assert.ok(from > 0, lines.join('\n'));
  const script = lines.slice(from).find((l) => l.trim().startsWith('main-thread script'));
  // Lower in rounds 0–9; the median ratio 1.02; the 8th and 18th ratios 0.97 and 1.07.
  assert.match(script, /10\/25 1\.02× \[0\.97–1\.07\]$/);
  // Against the peer (200) every round is lower, beyond the noise.
  assert.ok(lines.some((l) => l.includes('Samtykke against the peer, beyond the noise: lower visible, opaque, script, busy, clickPaint, gone; higher –; level –')), lines.join('\n'));
});

test('without a candidate there is no such section', (t) => {
  const runs = { floor: [mk(0)], peer: [mk(0)], samtykke: [mk(0)] };
  const lines = reportLines(t, runs, { floor: mk(0), peer: mk(0), samtykke: mk(0) }, metaOf(1, { samtykke: 1 }));
  assert.ok(lines.length > 0);
  assert.ok(!lines.some((l) => l.includes('against the candidate')));
});

test('a run with V8 flags says so in its heading, and a run without says nothing of them', (t) => {
  const runs = { floor: [mk(0)], peer: [mk(0)], samtykke: [mk(0)] };
  const medians = { floor: mk(0), peer: mk(0), samtykke: mk(0) };
  const flags = '--baseline-batch-compilation-threshold=1000000000';
  const withFlags = reportLines(t, runs, medians, { ...metaOf(1, { samtykke: 1 }), jsFlags: flags });
  assert.ok(withFlags[1].endsWith(` · V8 flags ${flags}`), withFlags[1]);
  const without = reportLines(t, runs, medians, metaOf(1, { samtykke: 1 }));
  assert.ok(!without.some((l) => l.includes('V8 flags')), without.join('\n'));
});

test('at a throttling rate other than 4× the targets say they are not the verdict', (t) => {
  const runs = { floor: [mk(0)], peer: [mk(0)], samtykke: [mk(0)] };
  const medians = { floor: mk(0), peer: mk(0), samtykke: mk(0) };
  const note = '(the time targets are set for 4× throttling: at 1.5× they are not the verdict)';
  const calibrated = reportLines(t, runs, medians, { ...metaOf(1, { samtykke: 1 }), throttle: 1.5 });
  assert.ok(calibrated[1].includes(' · 1.5× CPU throttling · '), calibrated[1]);
  assert.ok(calibrated.includes(`  ${note}`), calibrated.join('\n'));
  const atFour = reportLines(t, runs, medians, metaOf(1, { samtykke: 1 }));
  assert.ok(!atFour.some((l) => l.includes('not the verdict')), atFour.join('\n'));
});
