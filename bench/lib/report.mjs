// The widget benchmark's printed report: medians, ratios to the peer, targets.

/** Median of the finite numbers in `values` (NaN when there are none). */
export function median(values) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!xs.length) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** p25 and p75 of the finite numbers in `values`. */
function quartiles(values) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!xs.length) return [NaN, NaN];
  return [xs[Math.floor((xs.length - 1) / 4)], xs[Math.ceil((3 * (xs.length - 1)) / 4)]];
}

/**
 * The interval that holds the median of the population `values` were drawn from with
 * probability `level` or more, from their order statistics alone (no assumption about the
 * distribution): the k-th smallest and k-th largest value, for the largest k with
 * P(Binomial(n, 1/2) < k) ≤ (1 − level) / 2. For 25 values at 95%, the 8th and 18th. Fewer
 * than 6 values cannot give a 95% interval: [NaN, NaN].
 */
export function medianInterval(values, level = 0.95) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = xs.length;
  let k = 0;
  for (let below = 0, p = 0.5 ** n; k < n && below + p <= (1 - level) / 2; k++) {
    below += p;
    p = (p * (n - k)) / (k + 1);
  }
  return k ? [xs[k - 1], xs[n - k]] : [NaN, NaN];
}

/** The measures in print order; `target` marks those the issue compares with the peer. */
export const MEASURES = [
  { key: 'bytes', label: 'bytes loaded, gzip (B)', digits: 0, target: true },
  { key: 'visible', label: 'banner visible (ms)', digits: 0, target: true },
  { key: 'opaque', label: '  … fully opaque (ms)', digits: 0 },
  { key: 'script', label: 'main-thread script (ms)', digits: 1, target: true },
  { key: 'busy', label: 'main-thread busy, all (ms)', digits: 0 },
  { key: 'heap', label: 'JS heap after GC (KB)', digits: 0, target: true },
  { key: 'cls', label: 'CLS', digits: 3, target: true },
  { key: 'clickPaint', label: 'accept → next paint (ms)', digits: 1 },
  { key: 'gone', label: 'accept → banner gone (ms)', digits: 1, target: true },
];

/**
 * Each view of `id` against the view of `base` (the peer, unless said) in the same round, on
 * one measure (lower is better): the rounds where both were measured, the rounds `id` was
 * lower, the median of the per-round ratios and its 95% interval. Views a round apart share
 * the machine's load of that moment, so the pairs show a difference that the medians of the
 * whole run can hide in its drift; an interval wholly below (or above) 1 is a difference the
 * run's noise does not explain.
 */
export function pairedWith(runs, id, key, base = 'peer') {
  const other = new Map((runs[base] ?? []).map((r) => [r.round, r[key]]));
  const ratios = [];
  let rounds = 0;
  let better = 0;
  for (const r of runs[id] ?? []) {
    const p = other.get(r.round);
    if (!Number.isFinite(p) || !Number.isFinite(r[key])) continue;
    rounds++;
    if (r[key] < p) better++;
    if (p > 0) ratios.push(r[key] / p);
  }
  return { rounds, better, ratio: median(ratios), interval: medianInterval(ratios) };
}

/** The measures that vary from view to view (bytes and heap do not, CLS is 0 for all three). */
const TIMED = ['visible', 'opaque', 'script', 'busy', 'clickPaint', 'gone'];

const KB = 1024;
const fmt = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
function ratio(a, b) {
  if (a === 0 && b === 0) return 'equal';
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '–';
}

/** One pairing as printed: `15/25 0.92× [0.85–1.01]`, right-aligned in 30 characters. */
const pairCell = (rounds, better, r, lo, hi) => (rounds ? `${better}/${rounds} ${r.toFixed(2)}× [${fmt(lo, 2)}–${fmt(hi, 2)}]` : '–').padStart(30);

/** PASS/FAIL of the issue's targets for one Samtykke build (`id`), against floor and peer. */
export function targetsFor(id, medians, bundleBytes, bundleName = 'bundle') {
  const s = medians[id] ?? {};
  const p = medians.peer ?? {};
  const f = medians.floor ?? {};
  // Lower is better everywhere; CLS 0 cannot be beaten, so matching a peer at 0 counts.
  const notBetter = MEASURES.filter((m) => m.target && !(s[m.key] < p[m.key] || (m.key === 'cls' && s.cls === 0 && p.cls === 0)));
  return [
    [bundleBytes <= 14 * KB, `${bundleName} ≤ 14 KB gzip`, `${bundleBytes} B = ${(bundleBytes / KB).toFixed(2)} KB`],
    [s.visible - f.visible <= 100, 'banner visible ≤ floor + 100 ms', `floor + ${fmt(s.visible - f.visible, 0)} ms`],
    [s.script - f.script <= 60, 'script time ≤ floor + 60 ms', `floor + ${fmt(s.script - f.script, 1)} ms`],
    [s.gone <= 50, 'accept → banner gone ≤ 50 ms', `${fmt(s.gone, 1)} ms`],
    [s.cls === 0, 'CLS 0', fmt(s.cls, 3)],
    [notBetter.length === 0, "every measure better than the peer's", notBetter.length ? `not better: ${notBetter.map((m) => m.key).join(', ')}` : 'all better'],
  ];
}

/** Prints the report to stdout; returns false when a variant produced no run at all. */
export function printReport({ meta, variants, runs, medians, errors, misses }) {
  const out = [];
  const line = (s = '') => out.push(s);
  line(`Widget benchmark — medians of ${meta.rounds} interleaved cold page views per variant`);
  line(`${meta.date} · commit ${meta.commit} · Chromium ${meta.chromium} · ${meta.throttle}× CPU throttling · 1280×800${meta.jsFlags ? ` · V8 flags ${meta.jsFlags}` : ''}`);
  line(`1-min load average ${meta.load.map((x) => x.toFixed(2)).join(' → ')} on ${meta.cpus} CPUs`);
  line();
  const others = variants.filter((v) => v.id !== 'peer');
  const heads = [...variants.map((v) => v.label), ...others.map((v) => `${v.label}÷peer`)];
  const widths = heads.map((h) => Math.max(13, h.length) + 2);
  const w0 = 28;
  const row = (label, cells) => label.padEnd(w0) + cells.map((c, i) => c.padStart(widths[i])).join('');
  line(row('measure', heads));
  for (const m of MEASURES) {
    const values = variants.map((v) => fmt(medians[v.id]?.[m.key], m.digits));
    const ratios = others.map((v) => ratio(medians[v.id]?.[m.key], medians.peer?.[m.key]));
    line(row(m.label, [...values, ...ratios]));
  }
  line(row('page views measured', variants.map((v) => String(runs[v.id].length))));
  line();
  line('spread (p25–p75):');
  for (const m of MEASURES.filter((x) => x.key !== 'bytes' && x.key !== 'heap')) {
    const cells = variants.map((v) => quartiles(runs[v.id].map((r) => r[m.key])).map((x) => fmt(x, m.digits)).join('–'));
    line(row(`  ${m.label.trim()}`, cells));
  }
  line();
  line("paired with the peer's view of the same round (rounds lower / rounds, median per-round ratio [95% interval]):");
  const builds = others.filter((v) => v.id !== 'floor');
  const verdicts = Object.fromEntries(builds.map((v) => [v.id, { lower: [], higher: [], level: [] }]));
  for (const m of MEASURES.filter((x) => TIMED.includes(x.key))) {
    const cells = builds.map((v) => {
      const { rounds, better, ratio: r, interval: [lo, hi] } = pairedWith(runs, v.id, m.key);
      const verdict = verdicts[v.id];
      (hi < 1 ? verdict.lower : lo > 1 ? verdict.higher : verdict.level).push(m.key);
      return pairCell(rounds, better, r, lo, hi);
    });
    line(`  ${m.label.trim()}`.padEnd(w0) + cells.join(''));
  }
  for (const v of builds) {
    const { lower, higher, level } = verdicts[v.id];
    const list = (keys) => keys.join(', ') || '–';
    line(`  ${v.label} against the peer, beyond the noise: lower ${list(lower)}; higher ${list(higher)}; level ${list(level)}`);
  }
  if (runs.candidate) {
    line();
    line('Samtykke against the candidate, paired the same way (a difference is real only where the interval excludes 1×');
    line('and a second run agrees: with six measures at 95%, one of them lands outside by chance in about one run in four):');
    for (const m of MEASURES.filter((x) => TIMED.includes(x.key))) {
      const { rounds, better, ratio: r, interval: [lo, hi] } = pairedWith(runs, 'samtykke', m.key, 'candidate');
      line(`  ${m.label.trim()}`.padEnd(w0) + pairCell(rounds, better, r, lo, hi));
    }
  }
  line();
  for (const v of variants) line(`files of ${v.label}: ${runs[v.id][0]?.files.join(', ') || '(all inline)'}`);
  if (misses.length) line(`unexpected requests (404): ${[...new Set(misses)].join(', ')}`);
  if (errors.length) {
    line(`failed page views (${errors.length}):`);
    for (const e of errors.slice(0, 10)) line(`  ${e}`);
  }
  for (const id of Object.keys(meta.bundles)) {
    line();
    line(`targets (${variants.find((v) => v.id === id).label}):`);
    // The time targets are issue 7's for 4×; another rate is a calibration to a faster or slower machine.
    if (meta.throttle !== 4) line(`  (the time targets are set for 4× throttling: at ${meta.throttle}× they are not the verdict)`);
    for (const [pass, what, figure] of targetsFor(id, medians, meta.bundles[id], id === 'samtykke' ? 'dist/samtykke.js' : 'candidate bundle')) line(`  ${pass ? 'PASS' : 'FAIL'}  ${what.padEnd(38)} ${figure}`);
  }
  console.log(out.join('\n'));
  return variants.every((v) => runs[v.id].length > 0);
}
