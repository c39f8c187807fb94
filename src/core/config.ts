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

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const ID_TEXT = 'an id of letters, digits, "-" or "_", starting with a letter';
const CONSENT_MODE_TYPES: readonly ConsentModeType[] = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

/** The Consent Mode mapping of COMPLIANCE.md 34. */
export const DEFAULT_CONSENT_MODE_MAPPING: Record<string, ConsentModeType[]> = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  functional: ['functionality_storage', 'personalization_storage'],
};

/** The four categories a config without `categories` gets. */
export function defaultCategories(): CategoryConfig[] {
  return [
    { id: 'necessary', required: true, services: [] },
    { id: 'functional', required: false, services: [] },
    { id: 'analytics', required: false, services: [] },
    { id: 'marketing', required: false, services: [] },
  ];
}

/** Defaults for every key. A fresh object each call, so callers may not share state. */
export function defaultConfig(): SamtykkeConfig {
  return {
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
  };
}

/** A short, safe description of a found value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isLocalized = (v: unknown): v is Localized =>
  typeof v === 'string' ||
  (isObject(v) &&
    Object.keys(v).length > 0 &&
    Object.entries(v).every(([k, t]) => (k === 'da' || k === 'en') && typeof t === 'string'));

const LOCALIZED_TEXT = 'a string or { da, en } strings';

/** A URL the widget may link to or send to: http(s) or relative, never `javascript:` and the like. */
export function isSafeUrl(v: unknown): v is string {
  if (typeof v !== 'string' || v.trim() === '') return false;
  const scheme = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(v);
  return !scheme || /^https?$/i.test(scheme[1]);
}

class Checker {
  readonly problems: ConfigProblem[] = [];

  report(path: string, found: unknown, expected: string): void {
    this.problems.push({ path, found: describeValue(found), expected });
  }

  /** Returns `value` when `ok` holds; otherwise reports it (unless absent) and returns `fallback`. */
  pick<T>(path: string, value: unknown, ok: (v: unknown) => boolean, expected: string, fallback: T): T {
    if (value === undefined) return fallback;
    if (ok(value)) return value as T;
    this.report(path, value, expected);
    return fallback;
  }
}

function checkCookies(c: Checker, path: string, value: unknown): CookieInfo[] | null {
  if (!Array.isArray(value)) {
    c.report(path, value, 'an array of cookies');
    return null;
  }
  const out: CookieInfo[] = [];
  value.forEach((item, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(item)) return c.report(p, item, 'an object { name, purpose, duration }');
    if (typeof item.name !== 'string' || item.name.trim() === '')
      return c.report(`${p}.name`, item.name, 'a cookie name');
    if (item.pattern !== undefined) {
      let valid = typeof item.pattern === 'string';
      try {
        if (valid) new RegExp(item.pattern as string);
      } catch {
        valid = false;
      }
      if (!valid) return c.report(`${p}.pattern`, item.pattern, 'a regular expression source');
    }
    if (!isLocalized(item.purpose)) return c.report(`${p}.purpose`, item.purpose, LOCALIZED_TEXT);
    if (!isLocalized(item.duration)) return c.report(`${p}.duration`, item.duration, LOCALIZED_TEXT);
    const cookie: CookieInfo = { name: item.name, purpose: item.purpose, duration: item.duration };
    if (item.pattern !== undefined) cookie.pattern = item.pattern as string;
    cookie.domain = c.pick(`${p}.domain`, item.domain, (v) => typeof v === 'string', 'a domain', undefined);
    cookie.path = c.pick(`${p}.path`, item.path, (v) => typeof v === 'string' && v.startsWith('/'), 'a path starting with "/"', undefined);
    out.push(cookie);
  });
  return out;
}

function checkService(c: Checker, path: string, item: unknown, required: boolean, seen: Set<string>): ServiceConfig | null {
  if (!isObject(item)) return (c.report(path, item, 'an object { id, name, provider, purpose, cookies }'), null);
  if (typeof item.id !== 'string' || !ID.test(item.id)) return (c.report(`${path}.id`, item.id, ID_TEXT), null);
  if (seen.has(item.id)) return (c.report(`${path}.id`, item.id, 'an id not used by another service'), null);
  if (typeof item.name !== 'string' || item.name.trim() === '')
    return (c.report(`${path}.name`, item.name, 'the service name'), null);
  if (typeof item.provider !== 'string' || item.provider.trim() === '')
    return (c.report(`${path}.provider`, item.provider, 'the company providing it'), null);
  if (!isLocalized(item.purpose)) return (c.report(`${path}.purpose`, item.purpose, LOCALIZED_TEXT), null);
  if (required && (item.essential !== true || !isLocalized(item.reason))) {
    // COMPLIANCE 10: nothing that needs consent may hide in a required category.
    c.report(path, item, 'essential: true and a reason, since its category is required');
    return null;
  }
  const cookies = item.cookies === undefined ? [] : checkCookies(c, `${path}.cookies`, item.cookies);
  if (!cookies) return null;
  const service: ServiceConfig = { id: item.id, name: item.name, provider: item.provider, purpose: item.purpose, cookies };
  if (item.transfer !== undefined) {
    if (isLocalized(item.transfer)) service.transfer = item.transfer;
    else c.report(`${path}.transfer`, item.transfer, LOCALIZED_TEXT);
  }
  if (required) {
    service.essential = true;
    service.reason = item.reason as Localized;
  }
  seen.add(item.id);
  return service;
}

function checkCategories(c: Checker, value: unknown): CategoryConfig[] {
  if (value === undefined) return defaultCategories();
  if (!Array.isArray(value) || value.length === 0) {
    c.report('categories', value, 'a non-empty array of categories');
    return defaultCategories();
  }
  const ids = new Set<string>();
  const serviceIds = new Set<string>();
  const out: CategoryConfig[] = [];
  value.forEach((item, i) => {
    const path = `categories[${i}]`;
    if (!isObject(item)) return c.report(path, item, 'an object { id, required?, services? }');
    if (typeof item.id !== 'string' || !ID.test(item.id)) return c.report(`${path}.id`, item.id, ID_TEXT);
    if (ids.has(item.id)) return c.report(`${path}.id`, item.id, 'an id not used by another category');
    const required = c.pick(`${path}.required`, item.required, (v) => typeof v === 'boolean', 'true or false', item.id === 'necessary');
    const category: CategoryConfig = { id: item.id, required, services: [] };
    for (const key of ['title', 'description'] as const) {
      if (item[key] === undefined) continue;
      if (isLocalized(item[key])) category[key] = item[key] as Localized;
      else c.report(`${path}.${key}`, item[key], LOCALIZED_TEXT);
    }
    if (item.services !== undefined) {
      if (!Array.isArray(item.services)) c.report(`${path}.services`, item.services, 'an array of services');
      else
        item.services.forEach((s, j) => {
          const service = checkService(c, `${path}.services[${j}]`, s, required, serviceIds);
          if (service) category.services.push(service);
        });
    }
    ids.add(item.id);
    out.push(category);
  });
  return out.length ? out : defaultCategories();
}

function checkCookieSettings(c: Checker, value: unknown, fallback: CookieSettings): CookieSettings {
  if (value === undefined) return fallback;
  if (!isObject(value)) {
    c.report('cookie', value, 'an object { name, domain, path, sameSite, expiresDays, rejectExpiresDays }');
    return fallback;
  }
  const days = (key: 'expiresDays' | 'rejectExpiresDays'): number => {
    const v = value[key];
    if (v === undefined) return fallback[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 1) {
      c.report(`cookie.${key}`, v, `a number of days from 1 to ${MAX_EXPIRY_DAYS}`);
      return fallback[key];
    }
    if (v > MAX_EXPIRY_DAYS) {
      c.report(`cookie.${key}`, v, `at most ${MAX_EXPIRY_DAYS} days (13 months); used ${MAX_EXPIRY_DAYS}`);
      return MAX_EXPIRY_DAYS;
    }
    return Math.round(v);
  };
  return {
    name: c.pick('cookie.name', value.name, (v) => typeof v === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(v), 'a cookie name of letters, digits, ".", "-" or "_"', fallback.name),
    domain: c.pick('cookie.domain', value.domain, (v) => typeof v === 'string' && /^\.?[A-Za-z0-9.-]+$/.test(v), 'a domain name', undefined),
    path: c.pick('cookie.path', value.path, (v) => typeof v === 'string' && v.startsWith('/'), 'a path starting with "/"', fallback.path),
    sameSite: c.pick('cookie.sameSite', value.sameSite, (v) => v === 'Lax' || v === 'Strict' || v === 'None', '"Lax", "Strict" or "None"', fallback.sameSite),
    expiresDays: days('expiresDays'),
    rejectExpiresDays: days('rejectExpiresDays'),
  };
}

function checkConsentMode(c: Checker, value: unknown, fallback: ConsentModeSettings): ConsentModeSettings {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return { ...fallback, enabled: value };
  const expected = 'true, false or { mapping: { category: [consent types] } }';
  if (!isObject(value) || !isObject(value.mapping)) {
    c.report('googleConsentMode', value, expected);
    return fallback;
  }
  const mapping: Record<string, ConsentModeType[]> = {};
  for (const [category, types] of Object.entries(value.mapping)) {
    if (Array.isArray(types) && types.every((t) => CONSENT_MODE_TYPES.includes(t))) mapping[category] = types;
    else c.report(`googleConsentMode.mapping.${category}`, types, `an array of ${CONSENT_MODE_TYPES.join(', ')}`);
  }
  return { enabled: true, mapping };
}

function isMonthDay(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d\d-\d\d$/.test(v)) return false;
  const [m, d] = v.split('-').map(Number);
  // 2001 is not a leap year, so "02-29" is refused like any day a month lacks.
  const date = new Date(Date.UTC(2001, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function checkTexts(c: Checker, value: unknown): Partial<Record<Language, object>> {
  if (value === undefined) return {};
  if (!isObject(value)) return (c.report('texts', value, 'an object { da: {…}, en: {…} }'), {});
  const out: Partial<Record<Language, object>> = {};
  for (const [lang, messages] of Object.entries(value)) {
    if ((lang === 'da' || lang === 'en') && isObject(messages)) out[lang] = messages;
    else c.report(`texts.${lang}`, messages, 'an object of strings under "da" or "en"');
  }
  return out;
}

const KNOWN_KEYS = new Set<string>([
  'revision', 'language', 'categories', 'cookie', 'endpoint', 'controller', 'policy', 'policyVersion',
  'privacyPolicyUrl', 'cookiePolicyUrl', 'googleConsentMode', 'respectGpc', 'texts', 'theme', 'layout',
  'reopen', 'financialYearEnd', 'reloadOnWithdraw',
]);

/**
 * Validates a site owner's config. Never throws.
 * @returns the usable config and every problem found, in key order.
 */
export function resolveConfig(input: unknown): { config: SamtykkeConfig; problems: ConfigProblem[] } {
  const c = new Checker();
  const config = defaultConfig();
  if (input === undefined || input === null) return { config, problems: c.problems };
  if (!isObject(input)) {
    c.report('(config)', input, 'an object');
    return { config, problems: c.problems };
  }
  for (const key of Object.keys(input)) if (!KNOWN_KEYS.has(key)) c.report(key, input[key], 'no such key (a typo?)');

  config.revision = c.pick('revision', input.revision, (v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number ≥ 0', config.revision);
  config.language = c.pick('language', input.language, (v) => v === 'da' || v === 'en' || v === 'auto', '"da", "en" or "auto"', config.language);
  config.categories = checkCategories(c, input.categories);
  config.cookie = checkCookieSettings(c, input.cookie, config.cookie);
  config.endpoint = c.pick('endpoint', input.endpoint, isSafeUrl, 'an http(s) or relative URL', undefined);
  if (input.controller !== undefined) {
    if (!isObject(input.controller)) c.report('controller', input.controller, 'an object { name, cvr, address, email, phone }');
    else
      for (const key of ['name', 'cvr', 'address', 'email', 'phone'] as const) {
        const v = c.pick(`controller.${key}`, input.controller[key], (x) => typeof x === 'string', 'a string', undefined);
        if (v !== undefined) config.controller[key] = v;
      }
  }
  config.policy = c.pick('policy', input.policy, (v) => isSafeUrl(v) || isObject(v), 'a policy document or its http(s) URL', undefined);
  config.policyVersion = c.pick('policyVersion', input.policyVersion, (v) => typeof v === 'string' && v.length > 0 && v.length <= 64, 'a version string of 1 to 64 characters', undefined);
  config.privacyPolicyUrl = c.pick('privacyPolicyUrl', input.privacyPolicyUrl, isSafeUrl, 'an http(s) or relative URL', undefined);
  config.cookiePolicyUrl = c.pick('cookiePolicyUrl', input.cookiePolicyUrl, isSafeUrl, 'an http(s) or relative URL', undefined);
  config.googleConsentMode = checkConsentMode(c, input.googleConsentMode, config.googleConsentMode);
  config.respectGpc = c.pick('respectGpc', input.respectGpc, (v) => typeof v === 'boolean', 'true or false', config.respectGpc);
  config.texts = checkTexts(c, input.texts);
  config.theme = c.pick('theme', input.theme, (v) => v === 'light' || v === 'dark' || v === 'auto', '"light", "dark" or "auto"', config.theme);
  config.layout = c.pick('layout', input.layout, (v) => v === 'bar' || v === 'box', '"bar" or "box"', config.layout);
  config.reopen = c.pick(
    'reopen',
    input.reopen,
    (v) => v === false || (isObject(v) && (v.position === 'left' || v.position === 'right')),
    'false or { position: "left" | "right" }',
    config.reopen,
  );
  config.financialYearEnd = c.pick('financialYearEnd', input.financialYearEnd, isMonthDay, 'a "MM-DD" date such as "06-30"', config.financialYearEnd);
  config.reloadOnWithdraw = c.pick('reloadOnWithdraw', input.reloadOnWithdraw, (v) => typeof v === 'boolean', 'true or false', false);
  return { config, problems: c.problems };
}

/** Logs every problem in one `console.error`, the way a site owner reads it in the console. */
export function reportConfigProblems(problems: readonly ConfigProblem[], log: (msg: string) => void = console.error): void {
  if (!problems.length) return;
  const lines = problems.map((p) => `  ${p.path}: got ${p.found}; expected ${p.expected}`);
  log(`Samtykke: the config has ${problems.length} problem${problems.length > 1 ? 's' : ''}; the default is used for each:\n${lines.join('\n')}`);
}

/** The ids of the categories a visitor may refuse. */
export const optionalCategories = (config: SamtykkeConfig): CategoryConfig[] => config.categories.filter((c) => !c.required);
