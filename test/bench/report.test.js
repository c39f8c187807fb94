// The widget benchmark's pairing of views by round (bench/lib/report.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairedWithPeer, printReport } from '../../bench/lib/report.mjs';

const view = (round, script) => ({ round, script, files: [] });

test('pairs each view with the peer view of the same round, not the same position', () => {
  // Samtykke's round-2 view failed, so its third view is round 3's: by position it would meet
  // the peer's 30, by round the peer's 40.
  const runs = {
    peer: [view(0, 10), view(1, 20), view(2, 30), view(3, 40)],
    samtykke: [view(0, 5), view(1, 25), view(3, 35)],
  };
  const { rounds, better, ratio } = pairedWithPeer(runs, 'samtykke', 'script');
  assert.equal(rounds, 3);
  assert.equal(better, 2); // 5 < 10 and 35 < 40; 25 > 20
  assert.equal(ratio, 0.875); // the median of 5/10, 25/20 and 35/40
});

test('leaves out rounds where either figure is missing', () => {
  const runs = { peer: [view(0, 10), view(1, NaN)], samtykke: [view(0, 20), view(1, 5), view(2, 1)] };
  assert.deepEqual(pairedWithPeer(runs, 'samtykke', 'script'), { rounds: 1, better: 0, ratio: 2 });
  assert.deepEqual(pairedWithPeer({ peer: [] }, 'samtykke', 'script').rounds, 0);
});

test('the report prints the paired line under the Samtykke column', (t) => {
  const lines = [];
  t.mock.method(console, 'log', (text) => lines.push(...String(text).split('\n')));
  const mk = (round, x) => ({ round, bytes: 1, visible: x, opaque: x, script: x, busy: x, heap: 1, cls: 0, clickPaint: x, gone: x, files: [] });
  const runs = { floor: [mk(0, 1), mk(1, 1)], peer: [mk(0, 10), mk(1, 10)], samtykke: [mk(0, 5), mk(1, 20)] };
  const variants = [{ id: 'floor', label: 'floor' }, { id: 'peer', label: 'peer' }, { id: 'samtykke', label: 'Samtykke' }];
  const medians = Object.fromEntries(Object.entries(runs).map(([id, r]) => [id, { ...r[0], script: (r[0].script + r[1].script) / 2 }]));
  const meta = { rounds: 2, date: 'd', commit: 'c', chromium: 'x', throttle: 4, load: [0, 0], cpus: 2, bundles: { samtykke: 1 } };
  printReport({ meta, variants, runs, medians, errors: [], misses: [] });
  const line = lines.find((l) => l.trim().startsWith('main-thread script') && l.includes('/'));
  assert.ok(line, lines.join('\n'));
  // Better in round 0 only; ratios 0.5 and 2, median 1.25.
  assert.match(line, /1\/2 1\.25×$/);
});
