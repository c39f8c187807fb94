/**
 * The consent record the cookie holds: create, serialise and parse.
 *
 * Parsing is total and distrustful: the cookie is input the visitor (or anything on the
 * domain) controls, so any string yields a valid record or `null` — never an exception,
 * never a record that grants more than was written by this library.
 */
import { isId } from './config/limits.js';
import type { Action } from './config/types.js';

/** The schema version of the record. */
export const RECORD_VERSION = 1;

/** What the cookie stores; `categories` and `services` map ids to yes/no. */
export interface ConsentRecord {
  v: typeof RECORD_VERSION;
  /** Random UUID v4, kept for the cookie's life so the log's history links up. */
  id: string;
  /** The config revision the decision was made under. */
  rev: number;
  /** The policy version shown. */
  policy: string;
  /** First decision, ISO 8601 UTC. */
  given: string;
  /** Last decision, ISO 8601 UTC. */
  updated: string;
  /** The action of the last decision. */
  method: Action;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
}

/** What a stored record must satisfy to count as consent now. */
export interface RecordRules {
  revision: number;
  expiresDays: number;
  rejectExpiresDays: number;
  now: Date;
  /** When set, a record made under another policy version does not count (a material change). */
  policyVersion?: string;
}

/** Cookie values above this length are refused unread; a real record is far smaller. */
export const MAX_RECORD_LENGTH = 4096;
const ACTIONS: readonly unknown[] = ['accept-all', 'reject-all', 'save', 'withdraw', 'accept-service'];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;

/**
 * How far in the future a record's dates may lie and still count: a visitor's clock may run a
 * little fast between two page views. A record dated later than that was not written by this
 * library, and counts as no consent.
 */
export const CLOCK_SKEW_MS = 10 * 60_000;
/** The record's fields, in the cookie's order: nothing else is written, nothing else is read back. */
const FIELDS = ['v', 'id', 'rev', 'policy', 'given', 'updated', 'method', 'categories', 'services'];

/** A decision that grants nothing optional lasts `rejectExpiresDays`, any other `expiresDays`. */
export function grantsNothing(method: Action): boolean {
  return method === 'reject-all' || method === 'withdraw';
}

/** When a record stops counting as consent. */
export function expiryOf(record: Pick<ConsentRecord, 'updated' | 'method'>, rules: Pick<RecordRules, 'expiresDays' | 'rejectExpiresDays'>): Date {
  const days = grantsNothing(record.method) ? rules.rejectExpiresDays : rules.expiresDays;
  return new Date(Date.parse(record.updated) + days * DAY_MS);
}

const pick = (from: object) =>
  Object.fromEntries(FIELDS.map((key) => [key, (from as Record<string, unknown>)[key]])) as unknown as ConsentRecord;

/** The compact JSON the cookie carries. */
export function serialiseRecord(record: ConsentRecord): string {
  return JSON.stringify(pick(record));
}

/** A plain JSON object (not an array) whose keys are ids; with `flags`, every value is a boolean. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const isPlain = (value: any, flags?: boolean): boolean => {
  // An own "constructor" key makes `constructor` something other than Object: refused too.
  if (value?.constructor != Object) return false;
  // No count limit of its own: MAX_RECORD_LENGTH already bounds the work.
  return Object.keys(value).every((key) => isId(key) && (!flags || typeof value[key] == 'boolean'));
};

// What `toISOString()` wrote, exactly; an impossible date throws (caught by the caller as "not a record").
const isIsoDate = (v: unknown): v is string => new Date(v as string).toISOString() === v;

/**
 * Reads a cookie value. Returns `null` for anything that is not a current, well-formed
 * record: garbage, truncated JSON, another schema version, a lower revision, a past expiry,
 * wrong types, prototype keys, oversized values.
 */
export function parseRecord(raw: unknown, rules: RecordRules): ConsentRecord | null {
  if (typeof raw != 'string' || raw.length > MAX_RECORD_LENGTH) return null;
  // Whatever throws in here (bad JSON, `null`) is just one more way of not being a record.
  try {
    const d = JSON.parse(raw);
    const now = rules.now.getTime();
    const updated = Date.parse(d.updated);
    if (
      d.v === RECORD_VERSION &&
      isPlain(d) &&
      typeof d.id == 'string' &&
      UUID_V4.test(d.id) &&
      Number.isInteger(d.rev) &&
      d.rev >= rules.revision &&
      typeof d.policy == 'string' &&
      d.policy.length <= 64 &&
      (rules.policyVersion === undefined || d.policy === rules.policyVersion) &&
      isIsoDate(d.given) &&
      isIsoDate(d.updated) &&
      Date.parse(d.given) <= updated &&
      updated <= now + CLOCK_SKEW_MS &&
      ACTIONS.includes(d.method) &&
      isPlain(d.categories, true) &&
      isPlain(d.services, true) &&
      expiryOf(d, rules).getTime() > now
    )
      return pick(d);
  } catch {}
  return null;
}
