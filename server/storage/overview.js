// @ts-check
/**
 * The dashboard's overview of a date range, from per-day roll-ups kept in `daily_rollup`.
 *
 * The server stamps every event with its own clock (`receivedAt`), so a day that has ended
 * gets no new events: its figures, once computed after its end (plus a margin for requests
 * in flight and clocks of several processes), stand. Retention only ever deletes the oldest
 * events, so the one day it can have cut into is the oldest record's. Each request therefore
 * computes from the log only the days not yet settled — today, the oldest day, and days never
 * computed — and reads the rest: the overview of a year of a million events reads a few
 * thousand rows.
 */

/** How long after a day's end its figures may still change (requests in flight, clock skew). */
export const SETTLE_MS = 10 * 60_000;

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

/** @typedef {{ day: string, computedAt: string, figures: DayFigures }} Rollup */

/**
 * What a backend provides for the overview (sqlite-admin.js, postgres-admin.js).
 * @typedef {object} RollupSource
 * @property {(fromDay: string, toDay: string) => Promise<Rollup[]>} readRollups
 * @property {(fromDay: string, toDay: string) => Promise<Map<string, DayFigures>>} computeDays
 *   live figures of the days in [fromDay, toDay] that have events
 * @property {(rows: Rollup[]) => Promise<void>} writeRollups
 * @property {() => Promise<string | null>} oldestReceivedAt
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
 * @property {string | null} oldest the oldest record's receivedAt
 */

/**
 * The overview of the days `fromDay` to `toDay` (both inclusive, `YYYY-MM-DD`, UTC).
 * @param {RollupSource} source
 * @param {string} fromDay
 * @param {string} toDay
 * @param {Date} now the server's clock
 * @returns {Promise<Overview>}
 */
export async function overviewOf(source, fromDay, toDay, now) {
  const oldest = await source.oldestReceivedAt();
  const today = now.toISOString().slice(0, 10);
  const first = oldest && oldest.slice(0, 10) > fromDay ? oldest.slice(0, 10) : fromDay;
  const last = toDay < today ? toDay : today;
  if (!oldest || first > last) return { from: fromDay, to: toDay, days: [], totals: sum([]), oldest };

  const kept = new Map((await source.readRollups(first, last)).map((r) => [r.day, r]));
  const settled = (/** @type {string} */ day) => {
    const r = kept.get(day);
    return r !== undefined && day !== oldest.slice(0, 10) && Date.parse(r.computedAt) >= Date.parse(`${nextDay(day)}T00:00:00.000Z`) + SETTLE_MS;
  };
  /** @type {Map<string, DayFigures>} */
  const figures = new Map();
  /** @type {Rollup[]} */
  const computed = [];
  // Unsettled days in runs, one query per run: usually today and the oldest day; all at first.
  let day = first;
  while (day <= last) {
    if (settled(day)) {
      figures.set(day, /** @type {Rollup} */ (kept.get(day)).figures);
      day = nextDay(day);
      continue;
    }
    let end = day;
    while (nextDay(end) <= last && !settled(nextDay(end))) end = nextDay(end);
    const live = await source.computeDays(day, end);
    for (let d = day; d <= end; d = nextDay(d)) {
      const f = live.get(d) ?? emptyDay();
      figures.set(d, f);
      computed.push({ day: d, computedAt: now.toISOString(), figures: f });
    }
    day = nextDay(end);
  }
  if (computed.length > 0) await source.writeRollups(computed);
  const days = [...figures].filter(([, f]) => f.decisions > 0).map(([d, f]) => ({ day: d, ...f }));
  return { from: fromDay, to: toDay, days, totals: sum(days), oldest };
}

/** @returns {DayFigures} */
export function emptyDay() {
  return { decisions: 0, actions: {}, categories: {}, gpc: 0, revisions: {}, policies: {}, latest: null };
}

/**
 * Adds a group of `n` events that share a day, action, GPC flag, revision, policy version and
 * categories to that day's figures. Both backends group rows so, which reads the categories'
 * JSON once per group rather than once per event.
 * @param {DayFigures} day
 * @param {{ action: string, gpc: boolean, revision: number, policyVersion: string, categories: Record<string, unknown>, n: number }} group
 */
export function addGroup(day, { action, gpc, revision, policyVersion, categories, n }) {
  day.decisions += n;
  day.actions[action] = (day.actions[action] ?? 0) + n;
  if (gpc) day.gpc += n;
  day.revisions[revision] = (day.revisions[revision] ?? 0) + n;
  day.policies[policyVersion] = (day.policies[policyVersion] ?? 0) + n;
  for (const [key, value] of Object.entries(categories)) {
    // As the stats route counts: true is granted, false refused.
    const c = (day.categories[key] ??= { granted: 0, refused: 0 });
    if (value === true) c.granted += n;
    else if (value === false) c.refused += n;
  }
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
