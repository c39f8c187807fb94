// @ts-check
/**
 * The dashboard's overview of a date range, from per-day roll-ups. A day's figures are
 * computed once and kept in `daily_rollup` with the count and seq sum of the rows they came
 * from; each request compares those with the live day (an index-only scan) and recomputes
 * only the days that changed, so a log of millions of events answers without reading them.
 */

/**
 * Figures of one UTC day.
 * @typedef {object} DayFigures
 * @property {number} decisions
 * @property {Record<string, number>} actions
 * @property {Record<string, { granted: number, refused: number }>} categories
 * @property {number} gpc events sent with a Global Privacy Control signal
 * @property {Record<string, number>} revisions events per config revision
 * @property {Record<string, number>} policies events per policy version
 * @property {{ receivedAt: string, revision: number, policyVersion: string } | null} latest the day's newest event
 */

/**
 * A day's fingerprint: what its figures were computed from.
 * @typedef {{ day: string, events: number, seqSum: string }} DayPrint
 */

/**
 * What a backend provides for the overview (see sqlite-admin.js, postgres-admin.js).
 * @typedef {object} RollupSource
 * @property {(fromDay: string, toDay: string) => Promise<DayPrint[]>} dayPrints days with events in [fromDay, toDay]
 * @property {(fromDay: string, toDay: string) => Promise<(DayPrint & { figures: DayFigures })[]>} readRollups
 * @property {(fromDay: string, toDay: string) => Promise<Map<string, DayFigures>>} computeDays live figures per day
 * @property {(rows: (DayPrint & { figures: DayFigures })[]) => Promise<void>} writeRollups
 */

/**
 * @typedef {object} Overview
 * @property {string} from first day (inclusive)
 * @property {string} to last day (inclusive)
 * @property {({ day: string } & DayFigures)[]} days only days with events, oldest first
 * @property {Omit<DayFigures, 'latest' | 'revisions' | 'policies'> & {
 *   revisions: { revision: number, events: number }[],
 *   policies: { policyVersion: string, events: number }[],
 *   latest: DayFigures['latest'],
 * }} totals
 */

/**
 * The overview of the days `fromDay` to `toDay` (both inclusive, `YYYY-MM-DD`, UTC).
 * @param {RollupSource} source
 * @param {string} fromDay
 * @param {string} toDay
 * @returns {Promise<Overview>}
 */
export async function overviewOf(source, fromDay, toDay) {
  const prints = await source.dayPrints(fromDay, toDay);
  const kept = new Map((await source.readRollups(fromDay, toDay)).map((r) => [r.day, r]));
  const stale = prints.filter((p) => {
    const k = kept.get(p.day);
    return !k || k.events !== p.events || k.seqSum !== p.seqSum;
  });
  /** @type {Map<string, DayFigures>} */
  let fresh = new Map();
  if (stale.length > 0) {
    fresh = await source.computeDays(stale[0].day, stale[stale.length - 1].day);
    // Rows written between the fingerprint and the computation make the two disagree; the
    // next request sees a changed fingerprint and recomputes that day, so nothing sticks.
    await source.writeRollups(stale.filter((p) => fresh.has(p.day)).map((p) => ({ ...p, figures: /** @type {DayFigures} */ (fresh.get(p.day)) })));
  }
  const days = prints.map((p) => ({ day: p.day, .../** @type {DayFigures} */ (fresh.get(p.day) ?? kept.get(p.day)?.figures ?? emptyDay()) }));
  return { from: fromDay, to: toDay, days, totals: sum(days) };
}

/** @returns {DayFigures} */
export function emptyDay() {
  return { decisions: 0, actions: {}, categories: {}, gpc: 0, revisions: {}, policies: {}, latest: null };
}

/**
 * Adds one row of figures to a day (both backends group the same way).
 * @param {DayFigures} day
 * @param {{ action: string, n: number, gpc: number }} row
 */
export function addActionRow(day, row) {
  day.decisions += Number(row.n);
  day.actions[row.action] = (day.actions[row.action] ?? 0) + Number(row.n);
  day.gpc += Number(row.gpc);
}

/** @param {DayFigures[]} days */
function sum(days) {
  const total = emptyDay();
  /** @type {(into: Record<string, number>, from: Record<string, number>) => void} */
  const add = (into, from) => {
    for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
  };
  for (const d of days) {
    total.decisions += d.decisions;
    total.gpc += d.gpc;
    add(total.actions, d.actions);
    add(total.revisions, d.revisions);
    add(total.policies, d.policies);
    for (const [k, c] of Object.entries(d.categories)) {
      const t = (total.categories[k] ??= { granted: 0, refused: 0 });
      t.granted += c.granted;
      t.refused += c.refused;
    }
    if (d.latest && (!total.latest || d.latest.receivedAt >= total.latest.receivedAt)) total.latest = d.latest;
  }
  const byCount = (/** @type {[string, number]} */ a, /** @type {[string, number]} */ b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  return {
    decisions: total.decisions,
    actions: total.actions,
    categories: total.categories,
    gpc: total.gpc,
    revisions: Object.entries(total.revisions).sort(byCount).map(([revision, events]) => ({ revision: Number(revision), events })),
    policies: Object.entries(total.policies).sort(byCount).map(([policyVersion, events]) => ({ policyVersion, events })),
    latest: total.latest,
  };
}

/**
 * The day after `day` (`YYYY-MM-DD`), for half-open ranges.
 * @param {string} day
 */
export const nextDay = (day) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
