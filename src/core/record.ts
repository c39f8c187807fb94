/**
 * The consent record the cookie holds: create, serialise and parse.
 *
 * Parsing is total and distrustful: the cookie is input the visitor (or anything on the
 * domain) controls, so any string yields a valid record or `null` — never an exception,
 * never a record that grants more than was written by this library.
 */
import type { Action } from './config.js';

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
const MAX_KEYS = 128;
const ACTIONS: readonly Action[] = ['accept-all', 'reject-all', 'save', 'withdraw', 'accept-service'];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const DAY_MS = 86_400_000;

/** A decision that grants nothing optional lasts `rejectExpiresDays`, any other `expiresDays`. */
export function grantsNothing(method: Action): boolean {
  return method === 'reject-all' || method === 'withdraw';
}

/** When a record stops counting as consent. */
export function expiryOf(record: Pick<ConsentRecord, 'updated' | 'method'>, rules: Pick<RecordRules, 'expiresDays' | 'rejectExpiresDays'>): Date {
  const days = grantsNothing(record.method) ? rules.rejectExpiresDays : rules.expiresDays;
  return new Date(Date.parse(record.updated) + days * DAY_MS);
}

/** The compact JSON the cookie carries. */
export function serialiseRecord(record: ConsentRecord): string {
  const { v, id, rev, policy, given, updated, method, categories, services } = record;
  return JSON.stringify({ v, id, rev, policy, given, updated, method, categories, services });
}

function parseFlags(value: unknown): Record<string, boolean> | null {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return null;
  const keys = Object.keys(value);
  if (keys.length > MAX_KEYS) return null;
  // KEY refuses "__proto__" (it starts with "_"); "constructor" and "prototype" are refused by name.
  const out: Record<string, boolean> = {};
  for (const key of keys) {
    const flag = (value as Record<string, unknown>)[key];
    if (!KEY.test(key) || key === 'constructor' || key === 'prototype' || typeof flag !== 'boolean') return null;
    out[key] = flag;
  }
  return out;
}

const isIsoDate = (v: unknown): v is string => typeof v === 'string' && ISO_UTC.test(v) && !Number.isNaN(Date.parse(v));

/**
 * Reads a cookie value. Returns `null` for anything that is not a current, well-formed
 * record: garbage, truncated JSON, another schema version, a lower revision, a past expiry,
 * wrong types, prototype keys, oversized values.
 */
export function parseRecord(raw: unknown, rules: RecordRules): ConsentRecord | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RECORD_LENGTH) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(d, '__proto__') || Object.prototype.hasOwnProperty.call(d, 'constructor')) return null;
  if (d.v !== RECORD_VERSION) return null;
  if (typeof d.id !== 'string' || !UUID_V4.test(d.id)) return null;
  if (typeof d.rev !== 'number' || !Number.isInteger(d.rev) || d.rev < rules.revision) return null;
  if (typeof d.policy !== 'string' || d.policy.length > 64) return null;
  if (rules.policyVersion !== undefined && d.policy !== rules.policyVersion) return null;
  if (!isIsoDate(d.given) || !isIsoDate(d.updated) || Date.parse(d.given) > Date.parse(d.updated)) return null;
  if (typeof d.method !== 'string' || !ACTIONS.includes(d.method as Action)) return null;
  const categories = parseFlags(d.categories);
  const services = parseFlags(d.services);
  if (!categories || !services) return null;
  const record: ConsentRecord = {
    v: RECORD_VERSION,
    id: d.id,
    rev: d.rev,
    policy: d.policy,
    given: d.given,
    updated: d.updated,
    method: d.method as Action,
    categories,
    services,
  };
  // A record "from the future" beyond a day of clock skew was not written by us.
  if (Date.parse(record.updated) > rules.now.getTime() + DAY_MS) return null;
  if (expiryOf(record, rules).getTime() <= rules.now.getTime()) return null;
  return record;
}
