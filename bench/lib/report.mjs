// The widget benchmark's printed report: medians, differences from the bare page, Samtykke
// paired with the peer round by round, and the targets. Every figure of a view is a key of
// its run, `first.fcp`, `returning.scriptLoad` and so on; each run also has its `round`.

/** Median of the finite numbers in `values` (NaN when there are none). */
export function median(values) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!xs.length) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
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

/**
 * The measures in print order. `delta`: shown as a difference from the bare page (time
 * measures); `paired`: paired with the peer per round (what varies from view to view).
 */
export const MEASURES = [
  { view: 'first', key: 'first.fcp', label: 'host FCP (ms)', digits: 0, delta: true, paired: true },
  { view: 'first', key: 'first.lcp', label: 'host LCP (ms)', digits: 0, delta: true, paired: true },
  { view: 'first', key: 'first.visible', label: 'banner visible (ms)', digits: 0, paired: true },
  { view: 'first', key: 'first.opaque', label: '  … fully opaque (ms)', digits: 0, paired: true },
  { view: 'first', key: 'first.script', label: 'main-thread script (ms)', digits: 1, delta: true, paired: true },
  { view: 'first', key: 'first.tbt', label: 'total blocking time (ms)', digits: 0, delta: true, paired: true },
  { view: 'first', key: 'first.longTasks', label: 'long tasks', digits: 0 },
  { view: 'first', key: 'first.cls', label: 'CLS', digits: 3 },
  { view: 'first', key: 'first.gone', label: 'accept → banner gone (ms)', digits: 1, paired: true },
  { view: 'first', key: 'first.clickPaint', label: 'accept → next paint (ms)', digits: 1, paired: true },
  { view: 'first', key: 'first.bytes', label: 'bytes fetched, gzip (B)', digits: 0 },
  { view: 'returning', key: 'returning.fcp', label: 'host FCP (ms)', digits: 0, delta: true, paired: true },
  { view: 'returning', key: 'returning.lcp', label: 'host LCP (ms)', digits: 0, delta: true, paired: true },
  { view: 'returning', key: 'returning.scriptLoad', label: 'script up to load (ms)', digits: 1, delta: true, paired: true },
  { view: 'returning', key: 'returning.scriptIdle', label: 'script up to load + 2 s (ms)', digits: 1, delta: true, paired: true },
  { view: 'returning', key: 'returning.tbt', label: 'total blocking time (ms)', digits: 0, delta: true, paired: true },
  { view: 'returning', key: 'returning.longTasks', label: 'long tasks', digits: 0 },
  { view: 'returning', key: 'returning.ownLongTasks', label: "  … the tool's own", digits: 0 },
  { view: 'returning', key: 'returning.bytes', label: 'bytes before load, gzip (B)', digits: 0 },
];

/** The per-round values of `key` for `id`, each minus `factor` × the same round's value for `base`. */
function perRound(runs, id, key, base, factor = 1) {
  const other = new Map((runs[base] ?? []).map((r) => [r.round, r[key]]));
  return (runs[id] ?? []).map((r) => r[key] - factor * other.get(r.round)).filter(Number.isFinite);
}

/**
 * `id`'s difference from the bare page on `key`, round by round: the median of the per-round
 * differences and its 95% interval (the bare page's view of the same round is the baseline).
 */
export function deltaFromBare(runs, id, key) {
  const d = perRound(runs, id, key, 'bare');
  return { rounds: d.length, delta: median(d), interval: medianInterval(d) };
}

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

/**
 * The targets, each as what is compared per round: `key` of the build, against `factor` × the
 * peer's, as differences from the bare page when `fromBare`. A target holds when the median
 * over the rounds of (build − factor × peer) is ≤ 0; with `fromBare`, bare − factor × bare
 * is taken off both, so each side is its difference from the bare page of its round.
 */
export const TARGETS = [
  { key: 'first.fcp', fromBare: true, factor: 1, what: 'first view: host FCP Δ ≤ peer Δ' },
  { key: 'first.lcp', fromBare: true, factor: 1, what: 'first view: host LCP Δ ≤ peer Δ' },
  { key: 'first.visible', factor: 1, what: "first view: banner visible ≤ peer's" },
  { key: 'first.gone', factor: 1, what: "first view: accept → banner gone ≤ peer's" },
  { key: 'first.clickPaint', factor: 1, what: "first view: accept → next paint ≤ peer's" },
  { key: 'returning.scriptLoad', fromBare: true, factor: 0.75, what: 'returning: script to load Δ ≤ 0.75 × peer Δ' },
  { key: 'returning.scriptIdle', fromBare: true, factor: 1, what: 'returning: script to load + 2 s Δ ≤ peer Δ' },
  { key: 'returning.fcp', fromBare: true, factor: 1, what: 'returning: host FCP Δ ≤ peer Δ' },
  { key: 'returning.lcp', fromBare: true, factor: 1, what: 'returning: host LCP Δ ≤ peer Δ' },
  { key: 'returning.ownLongTasks', count: true, what: "returning: no long task of Samtykke's" },
  { key: 'returning.bytes', factor: 0.6, what: "returning: bytes before load ≤ 0.6 × peer's" },
  { key: 'first.bytes', factor: 1.3, what: "first view: bytes fetched ≤ 1.3 × peer's" },
];

const fmt = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const signed = (value, digits) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(digits)}` : '–');

/** PASS/FAIL of every target for one build (`id`): `[pass, what, figure]`. */
export function targetsFor(id, runs, label = 'Samtykke') {
  return TARGETS.map((t) => {
    const mine = runs[id] ?? [];
    if (t.count) {
      const total = mine.reduce((sum, r) => sum + (Number.isFinite(r[t.key]) ? r[t.key] : 0), 0);
      const views = mine.filter((r) => Number.isFinite(r[t.key])).length;
      return [views > 0 && total === 0, t.what.replace('Samtykke', label), `${total} in ${views} views`];
    }
    // Build − factor × peer per round; with fromBare, each less its round's bare figure.
    const peer = new Map((runs.peer ?? []).map((r) => [r.round, r[t.key]]));
    const bare = new Map((runs.bare ?? []).map((r) => [r.round, r[t.key]]));
    const diffs = mine
      .map((r) => {
        const b = t.fromBare ? bare.get(r.round) : 0;
        return r[t.key] - b - t.factor * (peer.get(r.round) - b);
      })
      .filter(Number.isFinite);
    const m = median(diffs);
    const [lo, hi] = medianInterval(diffs);
    const digits = t.key.endsWith('bytes') ? 0 : 1;
    const unit = t.key.endsWith('bytes') ? 'B' : 'ms';
    const side = t.factor === 1 ? 'peer' : `${t.factor} × peer`;
    const d = t.fromBare ? ' Δ' : '';
    const interval = Number.isFinite(lo) ? ` [${fmt(lo, digits)} – ${fmt(hi, digits)}]` : '';
    const figure = `${label}${d} − ${side}${d} = ${signed(m, digits)} ${unit}${interval}, ${diffs.length} rounds`;
    return [diffs.length > 0 && m <= 0, t.what, figure];
  });
}

/** The median of every measure for every variant: `{ [id]: { [key]: median } }`. */
export function mediansOf(runs) {
  return Object.fromEntries(Object.entries(runs).map(([id, rs]) => [id, Object.fromEntries(MEASURES.map((m) => [m.key, median(rs.map((r) => r[m.key]))]))]));
}

/** One pairing as printed: `15/25 0.92× [0.85–1.01]`. */
const pairCell = ({ rounds, better, ratio, interval: [lo, hi] }) => (rounds ? `${better}/${rounds} ${fmt(ratio, 2)}× [${fmt(lo, 2)}–${fmt(hi, 2)}]` : '–');

/** Prints the report to stdout; returns false when a variant produced no run at all. */
export function printReport({ meta, variants, runs, errors, misses, notes = [] }) {
  const out = [];
  const line = (s = '') => out.push(s);
  const medians = mediansOf(runs);
  line(`Widget benchmark — medians of ${meta.rounds} interleaved rounds (each: a first view and a returning view per variant)`);
  line(`${meta.date} · commit ${meta.commit} · Chromium ${meta.chromium} · ${meta.throttle}× CPU throttling · 1280×800`);
  line(`1-min load average ${meta.load.map((x) => x.toFixed(2)).join(' → ')} on ${meta.cpus} CPUs`);
  const tools = variants.filter((v) => v.id !== 'bare');
  const builds = tools.filter((v) => v.id !== 'peer');
  const heads = [...variants.map((v) => v.label), ...tools.map((v) => `${v.label} Δ`), ...builds.map((v) => `${v.label}÷peer, paired`)];
  const widths = heads.map((h, i) => Math.max(i >= variants.length + tools.length ? 30 : 11, h.length) + 2);
  const w0 = 30;
  const row = (label, cells) => label.padEnd(w0) + cells.map((c, i) => c.padStart(widths[i])).join('');
  for (const [view, title] of [
    ['first', 'First view (no cookie, cold cache)'],
    ['returning', 'Returning view (consent stored, cache warm, a new page)'],
  ]) {
    line();
    line(title);
    line(row('measure', heads));
    for (const m of MEASURES.filter((x) => x.view === view)) {
      const values = variants.map((v) => fmt(medians[v.id]?.[m.key], m.digits));
      const deltas = tools.map((v) => (m.delta ? signed(deltaFromBare(runs, v.id, m.key).delta, m.digits) : ''));
      const pairs = builds.map((v) => (m.paired ? pairCell(pairedWith(runs, v.id, m.key)) : ''));
      line(row(m.label, [...values, ...deltas, ...pairs]));
    }
  }
  line(row('rounds measured', variants.map((v) => String(runs[v.id].length))));
  line();
  line('Δ: the median over the rounds of (the view − the bare page\'s view of the same round).');
  line('paired: rounds lower than the peer / rounds, median per-round ratio [95% interval; none under 6 rounds].');
  for (const v of variants) {
    const r = runs[v.id][0];
    if (!r) continue;
    const later = r['returning.laterFiles'].length ? `, after load ${r['returning.laterFiles'].join(', ')}` : '';
    line(`files of ${v.label}: first view ${r['first.files'].join(', ') || '(none)'}; returning view before load ${r['returning.files'].join(', ') || '(none)'}${later}`);
    const lcp = Object.entries(countOf(runs[v.id].map((x) => x['first.lcpElement']))).map(([el, n]) => `${el} ×${n}`).join(', ');
    line(`  LCP element, first view: ${lcp}`);
  }
  if (runs.candidate) {
    line();
    line('Samtykke paired with the candidate the same way (a difference is real only where the interval excludes 1×');
    line('and a second run agrees: with a dozen measures at 95 %, one of them lands outside by chance in about every other run):');
    for (const m of MEASURES.filter((x) => x.paired)) line(`  ${m.view === 'first' ? 'first' : 'returning'}: ${m.label.trim()}`.padEnd(44) + pairCell(pairedWith(runs, 'samtykke', m.key, 'candidate')));
  }
  line();
  for (const note of notes) line(note);
  if (misses.length) line(`unexpected requests (404): ${[...new Set(misses)].join(', ')}`);
  if (errors.length) {
    line(`failed views (${errors.length}):`);
    for (const e of errors.slice(0, 10)) line(`  ${e}`);
  }
  for (const v of builds) {
    line();
    line(`targets (${v.label} against ${tools.find((t) => t.id === 'peer').label}; median over the rounds [95% interval], ≤ 0 passes):`);
    if (meta.throttle !== 4) line(`  (the targets are set at 4× throttling: at ${meta.throttle}× they are not the verdict)`);
    for (const [pass, what, figure] of targetsFor(v.id, runs, v.label)) line(`  ${pass ? 'PASS' : 'FAIL'}  ${what.padEnd(46)} ${figure}`);
  }
  console.log(out.join('\n'));
  return variants.every((v) => runs[v.id].length > 0);
}

function countOf(values) {
  const counts = {};
  for (const v of values) if (v) counts[v] = (counts[v] || 0) + 1;
  return counts;
}
