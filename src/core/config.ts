/**
 * The version-1 configuration: its types, defaults and validation.
 *
 * Validation is total: any value in, a usable config out. Each bad key falls back to its
 * default (a bad list item is dropped) and is reported as a {@link ConfigProblem} with the
 * key path, what was found and what was expected. No input can make consent be assumed.
 */

/** A decision a visitor can make; recorded as `method` in the cookie and `action` in events. */
export type Action = 'accept-all' | 'reject-all' | 'save' | 'withdraw' | 'accept-service';

/** The languages the widget ships. */
export type Language = 'da' | 'en';

/** A text given once for all languages, or per language (`{ da: '…', en: '…' }`). */
export type Localized = string | Partial<Record<Language, string>>;

/** A cookie a service sets, as the declaration lists it and the cleaner deletes it. */
export interface CookieInfo {
  name: string;
  /** A regular expression source matching several names (e.g. `^_ga_`). */
  pattern?: string;
  domain?: string;
  path?: string;
  purpose: Localized;
  duration: Localized;
}

/** A third party (or the site itself) that processes data for a category. */
export interface ServiceConfig {
  id: string;
  name: string;
  provider: string;
  purpose: Localized;
  /** A country outside the EU/EEA the data goes to, and the safeguard used. */
  transfer?: Localized;
  /** Only for services in a required category: strictly necessary, with a `reason`. */
  essential?: boolean;
  reason?: Localized;
  cookies: CookieInfo[];
}

/** A purpose the visitor can allow or refuse as a whole. */
export interface CategoryConfig {
  id: string;
  required: boolean;
  /** Shown instead of the built-in title for the known ids. */
  title?: Localized;
  description?: Localized;
  services: ServiceConfig[];
}

/** Where and for how long the consent cookie lives. */
export interface CookieSettings {
  name: string;
  domain?: string;
  path: string;
  sameSite: 'Lax' | 'Strict' | 'None';
  expiresDays: number;
  rejectExpiresDays: number;
}

/** The data controller, which fills the policy's blanks. */
export interface ControllerInfo {
  name?: string;
  cvr?: string;
  address?: string;
  email?: string;
  phone?: string;
}

/** Google Consent Mode types a category may map to. */
export type ConsentModeType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

/** Google Consent Mode v2 settings. */
export interface ConsentModeSettings {
  enabled: boolean;
  /** category id → the consent types it grants. */
  mapping: Record<string, ConsentModeType[]>;
}

/** The config after validation: every key present, every value checked. */
export interface SamtykkeConfig {
  revision: number;
  language: Language | 'auto';
  categories: CategoryConfig[];
  cookie: CookieSettings;
  endpoint?: string;
  controller: ControllerInfo;
  /** A URL of a policy document, or the document itself (validated by the policy module). */
  policy?: string | object;
  /** The version of the policy shown, when `policy` is a URL the first layer does not load. */
  policyVersion?: string;
  privacyPolicyUrl?: string;
  cookiePolicyUrl?: string;
  googleConsentMode: ConsentModeSettings;
  respectGpc: boolean;
  texts: Partial<Record<Language, object>>;
  theme: 'light' | 'dark' | 'auto';
  layout: 'bar' | 'box';
  reopen: false | { position: 'left' | 'right' };
  financialYearEnd: string;
  /** Reload the page after a withdrawal, since a script that already ran cannot be unloaded. */
  reloadOnWithdraw: boolean;
}

/** One thing wrong with the site owner's config. */
export interface ConfigProblem {
  path: string;
  found: string;
  expected: string;
}

/** The longest consent may last (13 months). */
export const MAX_EXPIRY_DAYS = 395;

/** The Consent Mode mapping of COMPLIANCE.md 34. */
export const DEFAULT_CONSENT_MODE_MAPPING: Record<string, ConsentModeType[]> = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  functional: ['functionality_storage', 'personalization_storage'],
};

const CONSENT_MODE_TYPES = [
  'ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage',
  'functionality_storage', 'personalization_storage', 'security_storage',
];

/** The four categories a config without `categories` gets. */
export const defaultCategories = (): CategoryConfig[] =>
  ['necessary', 'functional', 'analytics', 'marketing'].map((id, i) => ({ id, required: !i, services: [] }));

/** Defaults for every key; a fresh object each call. */
export const defaultConfig = (): SamtykkeConfig => ({
  revision: 1,
  language: 'auto',
  categories: defaultCategories(),
  cookie: { name: 'samtykke', path: '/', sameSite: 'Lax', expiresDays: 365, rejectExpiresDays: 182 },
  controller: {},
  googleConsentMode: { enabled: true, mapping: { ...DEFAULT_CONSENT_MODE_MAPPING } },
  respectGpc: true,
  texts: {},
  theme: 'auto',
  layout: 'box',
  reopen: { position: 'left' },
  financialYearEnd: '06-30',
  reloadOnWithdraw: false,
});

/** A short, safe description of a found value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value && typeof value === 'object' ? 'an object' : String(value);
}

type Test = (v: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isBool: Test = (v) => typeof v === 'boolean';
// "constructor" and "prototype" are refused because parseRecord refuses them as cookie keys.
const isId: Test = (v) => typeof v === 'string' && /^(?!constructor$|prototype$)[A-Za-z][\w-]{0,63}$/.test(v);
const isPath: Test = (v) => typeof v === 'string' && v[0] === '/';
const isLocalized: Test = (v) =>
  typeof v === 'string' ||
  (isObject(v) && Object.keys(v).length > 0 && Object.entries(v).every(([k, t]) => (k === 'da' || k === 'en') && typeof t === 'string'));
const oneOf = (...values: unknown[]): [Test, string] => [(v) => values.includes(v), values.map((x) => JSON.stringify(x)).join(' | ')];
const isRegExp: Test = (v) => {
  try {
    return typeof v === 'string' && !!new RegExp(v);
  } catch {
    return false;
  }
};
const isMonthDay: Test = (v) => {
  if (typeof v !== 'string' || !/^\d\d-\d\d$/.test(v)) return false;
  const [m, d] = v.split('-').map(Number);
  // 2001 is not a leap year, so "02-29" is refused like any day a month lacks.
  return new Date(Date.UTC(2001, m - 1, d)).getUTCDate() === d && m > 0 && m < 13;
};

/** A URL the widget may link to or send to: http(s) or relative, never `javascript:` and the like. */
export function isSafeUrl(v: unknown): v is string {
  if (!isText(v)) return false;
  const scheme = /^\s*([a-z][\w+.-]*):/i.exec(v as string);
  return !scheme || /^https?$/i.test(scheme[1]);
}

const TEXT = 'a string or { da, en } strings';
const URL_TEXT = 'an http(s) or relative URL';
const ID_TEXT = 'an id: a letter, then letters, digits, "-" or "_"';

/** Collects problems while picking values; every `pick` either accepts or reports. */
class Checker {
  readonly problems: ConfigProblem[] = [];

  report(path: string, found: unknown, expected: string): void {
    this.problems.push({ path, found: describeValue(found), expected });
  }

  /** `value` when absent-or-valid (absent gives `fallback`); otherwise reports and gives `fallback`. */
  pick<T>(path: string, value: unknown, test: Test, expected: string, fallback?: T): T {
    if (value === undefined) return fallback as T;
    if (test(value)) return value as T;
    this.report(path, value, expected);
    return fallback as T;
  }

  /** Like `pick` for a required field: reports absence too; returns whether it holds. */
  need(path: string, value: unknown, test: Test, expected: string): boolean {
    if (test(value)) return true;
    this.report(path, value, expected);
    return false;
  }

  /** Checks each item of an array, keeping those `check` returns. */
  list<T>(path: string, value: unknown, check: (item: any, path: string) => T | null | undefined | void): T[] | null {
    if (!Array.isArray(value)) return this.report(path, value, 'an array'), null;
    const out: T[] = [];
    value.forEach((item, i) => {
      const p = `${path}[${i}]`;
      const kept = isObject(item) ? check(item, p) : this.report(p, item, 'an object');
      if (kept) out.push(kept);
    });
    return out;
  }
}

function checkCookie(c: Checker, item: Record<string, any>, p: string): CookieInfo | null {
  if (!c.need(`${p}.name`, item.name, isText, 'a cookie name') ||
      !c.need(`${p}.purpose`, item.purpose, isLocalized, TEXT) ||
      !c.need(`${p}.duration`, item.duration, isLocalized, TEXT) ||
      (item.pattern !== undefined && !c.need(`${p}.pattern`, item.pattern, isRegExp, 'a regular expression'))) return null;
  const cookie: CookieInfo = { name: item.name, purpose: item.purpose, duration: item.duration };
  if (item.pattern !== undefined) cookie.pattern = item.pattern;
  const domain = c.pick<string>(`${p}.domain`, item.domain, isText, 'a domain');
  const path = c.pick<string>(`${p}.path`, item.path, isPath, 'a path starting with "/"');
  if (domain) cookie.domain = domain;
  if (path) cookie.path = path;
  return cookie;
}

function checkService(c: Checker, item: Record<string, any>, p: string, required: boolean, seen: Set<string>): ServiceConfig | null {
  if (!c.need(`${p}.id`, item.id, (v) => isId(v) && !seen.has(v as string), `${ID_TEXT}, unique`) ||
      !c.need(`${p}.name`, item.name, isText, 'the service name') ||
      !c.need(`${p}.provider`, item.provider, isText, 'the company providing it') ||
      !c.need(`${p}.purpose`, item.purpose, isLocalized, TEXT)) return null;
  // COMPLIANCE 10: nothing that needs consent may hide in a required category.
  if (required && !c.need(p, item.essential === true && isLocalized(item.reason) ? 1 : item, (v) => v === 1, 'essential: true and a reason in a required category')) return null;
  const cookies = item.cookies === undefined ? [] : c.list(`${p}.cookies`, item.cookies, (x, q) => checkCookie(c, x, q));
  if (!cookies) return null;
  const service: ServiceConfig = { id: item.id, name: item.name, provider: item.provider, purpose: item.purpose, cookies };
  const transfer = c.pick<Localized>(`${p}.transfer`, item.transfer, isLocalized, TEXT);
  if (transfer) service.transfer = transfer;
  if (required) Object.assign(service, { essential: true, reason: item.reason });
  seen.add(item.id);
  return service;
}

function checkCategories(c: Checker, value: unknown): CategoryConfig[] {
  if (value === undefined) return defaultCategories();
  if (Array.isArray(value) && !value.length) c.report('categories', value, 'a non-empty array');
  const ids = new Set<string>();
  const serviceIds = new Set<string>();
  const out = c.list('categories', value, (item, p): CategoryConfig | null => {
    if (!c.need(`${p}.id`, item.id, (v) => isId(v) && !ids.has(v as string), `${ID_TEXT}, unique`)) return null;
    ids.add(item.id);
    const required = c.pick<boolean>(`${p}.required`, item.required, isBool, 'true or false', item.id === 'necessary');
    const category: CategoryConfig = { id: item.id, required, services: [] };
    for (const key of ['title', 'description'] as const) {
      const text = c.pick<Localized>(`${p}.${key}`, item[key], isLocalized, TEXT);
      if (text) category[key] = text;
    }
    if (item.services !== undefined)
      category.services = c.list(`${p}.services`, item.services, (s, q) => checkService(c, s, q, required, serviceIds)) ?? [];
    return category;
  });
  return out?.length ? out : defaultCategories();
}

function checkDays(c: Checker, path: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  const ok = typeof v === 'number' && v >= 1;
  // Above 13 months is clamped, not dropped: the owner asked for "long", the law allows 395 days.
  c.pick(path, v, (x) => ok && (x as number) <= MAX_EXPIRY_DAYS, `1 to ${MAX_EXPIRY_DAYS} days`);
  return ok ? Math.round(Math.min(v as number, MAX_EXPIRY_DAYS)) : fallback;
}

function checkCookieSettings(c: Checker, v: unknown, d: CookieSettings): CookieSettings {
  if (!c.need('cookie', v ?? {}, isObject, 'an object')) return d;
  const o = (v ?? {}) as Record<string, any>;
  const [isSameSite, sameSiteText] = oneOf('Lax', 'Strict', 'None');
  const cookie: CookieSettings = {
    name: c.pick('cookie.name', o.name, (x) => typeof x === 'string' && /^[\w.-]{1,64}$/.test(x), 'letters, digits, ".", "-" or "_"', d.name),
    path: c.pick('cookie.path', o.path, isPath, 'a path starting with "/"', d.path),
    sameSite: c.pick('cookie.sameSite', o.sameSite, isSameSite, sameSiteText, d.sameSite),
    expiresDays: checkDays(c, 'cookie.expiresDays', o.expiresDays, d.expiresDays),
    rejectExpiresDays: checkDays(c, 'cookie.rejectExpiresDays', o.rejectExpiresDays, d.rejectExpiresDays),
  };
  const domain = c.pick<string>('cookie.domain', o.domain, (x) => typeof x === 'string' && /^\.?[a-z0-9.-]+$/i.test(x), 'a domain name');
  if (domain) cookie.domain = domain;
  return cookie;
}

function checkConsentMode(c: Checker, v: unknown, d: ConsentModeSettings): ConsentModeSettings {
  if (v === undefined || typeof v === 'boolean') return { ...d, enabled: v ?? true };
  if (!c.need('googleConsentMode', v, (x) => isObject(x) && isObject(x.mapping), 'true, false or { mapping }')) return d;
  const mapping: Record<string, ConsentModeType[]> = {};
  for (const [id, types] of Object.entries((v as Record<string, any>).mapping))
    // isId refuses "__proto__", which would otherwise replace the mapping's prototype.
    if (c.need(`googleConsentMode.mapping.${id}`, isId(id) && types, (x) => Array.isArray(x) && x.every((t) => CONSENT_MODE_TYPES.includes(t)), 'a category id mapped to an array of consent types'))
      mapping[id] = types as ConsentModeType[];
  return { enabled: (v as Record<string, any>).enabled !== false, mapping };
}

/** Top-level keys checked by a test alone: [key, test, expected]. */
const SIMPLE: Array<[keyof SamtykkeConfig, Test, string]> = [
  ['revision', (v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number ≥ 0'],
  ['language', ...oneOf('da', 'en', 'auto')],
  ['endpoint', isSafeUrl, URL_TEXT],
  ['policy', (v) => isSafeUrl(v) || isObject(v), `a policy document or ${URL_TEXT}`],
  ['policyVersion', (v) => typeof v === 'string' && v.length > 0 && v.length <= 64, '1 to 64 characters'],
  ['privacyPolicyUrl', isSafeUrl, URL_TEXT],
  ['cookiePolicyUrl', isSafeUrl, URL_TEXT],
  ['respectGpc', isBool, 'true or false'],
  ['theme', ...oneOf('light', 'dark', 'auto')],
  ['layout', ...oneOf('bar', 'box')],
  ['reopen', (v) => v === false || (isObject(v) && (v.position === 'left' || v.position === 'right')), 'false or { position: "left" | "right" }'],
  ['financialYearEnd', isMonthDay, 'a "MM-DD" date such as "06-30"'],
  ['reloadOnWithdraw', isBool, 'true or false'],
];

/**
 * Validates a site owner's config. Never throws: each bad key falls back to its default, a bad
 * list item is dropped, and every problem is returned with its key path.
 */
export function resolveConfig(input: unknown): { config: SamtykkeConfig; problems: ConfigProblem[] } {
  const c = new Checker();
  const config = defaultConfig();
  if (input == null || !c.need('(config)', input, isObject, 'an object')) return { config, problems: c.problems };
  const o = input as Record<string, any>;
  const known = new Set<string>(['categories', 'cookie', 'controller', 'googleConsentMode', 'texts']);
  const out = config as unknown as Record<string, unknown>;
  for (const [key, test, expected] of SIMPLE) {
    known.add(key);
    out[key] = c.pick(key, o[key], test, expected, out[key]);
  }
  for (const key of Object.keys(o)) if (!known.has(key)) c.report(key, o[key], 'no such key (a typo?)');
  config.categories = checkCategories(c, o.categories);
  config.cookie = checkCookieSettings(c, o.cookie, config.cookie);
  if (c.need('controller', o.controller ?? {}, isObject, 'an object { name, cvr, address, email, phone }'))
    for (const key of ['name', 'cvr', 'address', 'email', 'phone'] as const) {
      const v = c.pick<string>(`controller.${key}`, o.controller?.[key], (x) => typeof x === 'string', 'a string');
      if (v !== undefined) config.controller[key] = v;
    }
  config.googleConsentMode = checkConsentMode(c, o.googleConsentMode, config.googleConsentMode);
  if (c.need('texts', o.texts ?? {}, isObject, 'an object { da: {…}, en: {…} }'))
    for (const [lang, messages] of Object.entries(o.texts ?? {}))
      if (c.need(`texts.${lang}`, messages, (m) => (lang === 'da' || lang === 'en') && isObject(m), 'an object under "da" or "en"'))
        config.texts[lang as Language] = messages as object;
  return { config, problems: c.problems };
}

/** Logs every problem in one `console.error`, the way a site owner reads it in the console. */
export function reportConfigProblems(problems: readonly ConfigProblem[]): void {
  if (problems.length)
    console.error(`Samtykke: config problems (defaults used):\n${problems.map((p) => `  ${p.path}: got ${p.found}, expected ${p.expected}`).join('\n')}`);
}
