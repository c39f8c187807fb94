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
const ID_TEXT = 'a unique id: a letter, then letters, digits, "-" or "_"';
const BOOL: [Test, string] = [isBool, 'true or false'];
const STRING: [Test, string] = [(v) => typeof v === 'string', 'a string'];

/**
 * A field of an object: its key, its test, what is expected, and what a bad value costs:
 * 0 (default) drops the field, 1 drops the whole object, 2 also drops it when absent.
 */
type Field = [key: string, test: Test, expected: string, mode?: 0 | 1 | 2];

/** Collects problems while copying the valid parts of the input. */
class Checker {
  readonly problems: ConfigProblem[] = [];

  report(path: string, found: unknown, expected: string): void {
    this.problems.push({ path, found: describeValue(found), expected });
  }

  /** Reports `v` at `path` unless it passes; returns whether it did. */
  need(path: string, v: unknown, test: Test, expected: string): boolean {
    return test(v) || (this.report(path, v, expected), false);
  }

  /** Copies the valid `fields` of `o` onto `into`; `null` when one whose mode is 1 or 2 is bad. */
  fields<T>(path: string, o: Record<string, any>, fields: Field[], into: T): T | null {
    let ok = true;
    for (const [key, test, expected, mode = 0] of fields) {
      const v = o[key];
      if (v === undefined && mode < 2) continue;
      if (this.need(path ? `${path}.${key}` : key, v, test, expected)) (into as Record<string, unknown>)[key] = v;
      else if (mode) ok = false;
    }
    return ok ? into : null;
  }

  /** Checks each item of an array, keeping those `check` returns. */
  list<T>(path: string, value: unknown, check: (item: Record<string, any>, path: string) => T | null): T[] | null {
    if (!this.need(path, value, Array.isArray, 'an array')) return null;
    const out: T[] = [];
    (value as unknown[]).forEach((item, i) => {
      const p = `${path}[${i}]`;
      const kept = this.need(p, item, isObject, 'an object') && check(item as Record<string, any>, p);
      if (kept) out.push(kept);
    });
    return out;
  }
}

const COOKIE_FIELDS: Field[] = [
  ['name', isText, 'a cookie name', 2],
  ['purpose', isLocalized, TEXT, 2],
  ['duration', isLocalized, TEXT, 2],
  ['pattern', isRegExp, 'a regular expression', 1],
  ['domain', isText, 'a domain'],
  ['path', isPath, 'a path starting with "/"'],
];

function checkService(c: Checker, item: Record<string, any>, p: string, required: boolean, seen: Set<string>): ServiceConfig | null {
  const service = c.fields<Partial<ServiceConfig>>(p, item, [
    ['id', (v) => isId(v) && !seen.has(v as string), ID_TEXT, 2],
    ['name', isText, 'the service name', 2],
    ['provider', isText, 'the company providing it', 2],
    ['purpose', isLocalized, TEXT, 2],
    ['transfer', isLocalized, TEXT],
  ], {});
  // COMPLIANCE 10: nothing that needs consent may hide in a required category.
  if (!service || (required && !c.need(p, item, (s: any) => s.essential === true && isLocalized(s.reason), 'essential: true and a reason in a required category'))) return null;
  const cookies = item.cookies === undefined ? [] : c.list(`${p}.cookies`, item.cookies, (x, q) => c.fields<CookieInfo>(q, x, COOKIE_FIELDS, {} as CookieInfo));
  if (!cookies) return null;
  if (required) Object.assign(service, { essential: true, reason: item.reason });
  seen.add(item.id);
  return Object.assign(service, { cookies }) as ServiceConfig;
}

function checkCategories(c: Checker, value: unknown): CategoryConfig[] {
  if (value === undefined) return defaultCategories();
  // Only a missing key is silent: an empty list is a mistake worth naming.
  if (Array.isArray(value) && !value.length) c.report('categories', value, 'at least one category');
  const ids = new Set<string>();
  const serviceIds = new Set<string>();
  const out = c.list('categories', value, (item, p) => {
    const category = c.fields<CategoryConfig>(p, item, [
      ['id', (v) => isId(v) && !ids.has(v as string), ID_TEXT, 2],
      ['required', ...BOOL],
      ['title', isLocalized, TEXT],
      ['description', isLocalized, TEXT],
    ], { required: item.id === 'necessary', services: [] } as unknown as CategoryConfig);
    if (!category) return null;
    ids.add(category.id);
    if (item.services !== undefined)
      category.services = c.list(`${p}.services`, item.services, (s, q) => checkService(c, s, q, category.required, serviceIds)) ?? [];
    return category;
  });
  return out?.length ? out : defaultCategories();
}

const isDays: Test = (v) => typeof v === 'number' && v >= 1 && v <= MAX_EXPIRY_DAYS;

function checkCookieSettings(c: Checker, o: Record<string, any>, d: CookieSettings): CookieSettings {
  const cookie = c.fields('cookie', o, [
    ['name', (x) => typeof x === 'string' && /^[\w.-]{1,64}$/.test(x), 'letters, digits, ".", "-" or "_"'],
    ['domain', (x) => typeof x === 'string' && /^\.?[a-z0-9.-]+$/i.test(x), 'a domain name'],
    ['path', isPath, 'a path starting with "/"'],
    ['sameSite', ...oneOf('Lax', 'Strict', 'None')],
    ['expiresDays', isDays, `1 to ${MAX_EXPIRY_DAYS} days`],
    ['rejectExpiresDays', isDays, `1 to ${MAX_EXPIRY_DAYS} days`],
  ], { ...d })!;
  for (const key of ['expiresDays', 'rejectExpiresDays'] as const) {
    // Above 13 months is clamped (and reported above), not dropped: the law allows 395 days.
    if (o[key] > MAX_EXPIRY_DAYS) cookie[key] = MAX_EXPIRY_DAYS;
    cookie[key] = Math.round(cookie[key]);
  }
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

/** Top-level keys checked by a test alone. */
const SIMPLE: Field[] = [
  ['revision', (v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number ≥ 0'],
  ['language', ...oneOf('da', 'en', 'auto')],
  ['endpoint', isSafeUrl, URL_TEXT],
  ['policy', (v) => isSafeUrl(v) || isObject(v), `a policy document or ${URL_TEXT}`],
  ['policyVersion', (v) => typeof v === 'string' && v.length > 0 && v.length <= 64, '1 to 64 characters'],
  ['privacyPolicyUrl', isSafeUrl, URL_TEXT],
  ['cookiePolicyUrl', isSafeUrl, URL_TEXT],
  ['respectGpc', ...BOOL],
  ['theme', ...oneOf('light', 'dark', 'auto')],
  ['layout', ...oneOf('bar', 'box')],
  ['reopen', (v) => v === false || (isObject(v) && (v.position === 'left' || v.position === 'right')), 'false or { position: "left" | "right" }'],
  ['financialYearEnd', isMonthDay, 'a "MM-DD" date such as "06-30"'],
  ['reloadOnWithdraw', ...BOOL],
];
const NESTED = ['categories', 'cookie', 'controller', 'googleConsentMode', 'texts'];

/**
 * Validates a site owner's config. Never throws: each bad key falls back to its default, a bad
 * list item is dropped, and every problem is returned with its key path.
 */
export function resolveConfig(input: unknown): { config: SamtykkeConfig; problems: ConfigProblem[] } {
  const c = new Checker();
  const config = defaultConfig();
  if (input == null || !c.need('(config)', input, isObject, 'an object')) return { config, problems: c.problems };
  const o = input as Record<string, any>;
  c.fields('', o, SIMPLE, config);
  for (const key of Object.keys(o))
    if (!NESTED.includes(key) && !SIMPLE.some((f) => f[0] === key)) c.report(key, o[key], 'no such key (a typo?)');
  config.categories = checkCategories(c, o.categories);
  const section = (key: string) => o[key] === undefined || c.need(key, o[key], isObject, 'an object');
  if (section('cookie')) config.cookie = checkCookieSettings(c, o.cookie ?? {}, config.cookie);
  if (section('controller'))
    c.fields('controller', o.controller ?? {}, ['name', 'cvr', 'address', 'email', 'phone'].map((k) => [k, ...STRING] as Field), config.controller);
  config.googleConsentMode = checkConsentMode(c, o.googleConsentMode, config.googleConsentMode);
  if (section('texts'))
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
