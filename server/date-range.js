// @ts-check
/**
 * The admin routes' `from`/`to` filters, turned into a range both databases compare the same
 * way. Every instant JSON Schema's `date` and `date-time` formats accept either works or gets
 * a 400 that says why; none reaches a database it would make fail.
 */

/** Earliest and latest instants the log can hold (PostgreSQL's and ISO strings' common ground). */
const FIRST = Date.parse('0001-01-01T00:00:00.000Z');
const LAST = Date.parse('9999-12-31T23:59:59.999Z');

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** @param {string} message */
const badRequest = (message) => Object.assign(new Error(message), { statusCode: 400 });

/**
 * Milliseconds since the epoch of a `YYYY-MM-DD` day (its midnight UTC) or an RFC 3339
 * date-time. A leap second (`23:59:60`) is read as the second after `23:59:59`, as PostgreSQL
 * and POSIX time read it.
 * @param {string} name `from` or `to`, for the message
 * @param {string} value
 */
function instantOf(name, value) {
  let ms = NaN;
  if (DAY.test(value)) {
    ms = realDay(value) ? Date.parse(`${value}T00:00:00.000Z`) : NaN;
  } else {
    const m = DATE_TIME.exec(value);
    if (m && realDay(m[1]) && Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4]) <= 60) {
      const [, date, hh, mm, ss, fraction = '', zone] = m;
      const leap = ss === '60';
      ms = Date.parse(`${date}T${hh}:${mm}:${leap ? '59' : ss}${fraction.slice(0, 4)}${zone.toUpperCase()}`) + (leap ? 1000 : 0);
    }
  }
  if (Number.isNaN(ms)) throw badRequest(`querystring/${name} is not a date (YYYY-MM-DD) or a date-time with a zone`);
  return ms;
}

/** Whether `YYYY-MM-DD` names a day of the calendar (no 30 February). @param {string} day */
function realDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return m >= 1 && m <= 12 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Turns the `from`/`to` query into an ISO range: `from` inclusive, `to` exclusive, and a bare
 * `to` date includes that whole day. A bound outside the years 0001–9999 is left out (no
 * record lies beyond it). Throws a 400 when a bound is not an instant or `to` is not after `from`.
 * @param {{ from?: string, to?: string }} query
 * @returns {{ from?: string, to?: string }}
 */
export function rangeOf(query) {
  const fromMs = query.from ? instantOf('from', query.from) : undefined;
  let toMs = query.to ? instantOf('to', query.to) : undefined;
  if (toMs !== undefined && query.to && DAY.test(query.to)) toMs += 86_400_000;
  if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) throw badRequest('querystring/to must be after querystring/from');
  return {
    from: fromMs === undefined || fromMs <= FIRST ? undefined : new Date(Math.min(fromMs, LAST)).toISOString(),
    to: toMs === undefined || toMs > LAST ? undefined : new Date(Math.max(toMs, FIRST)).toISOString(),
  };
}
