/**
 * `resolveConfig`: a site owner's config in, a usable config and its problems out.
 *
 * The schema (schema.ts) checks each key and falls back to its default; here are the rules
 * across keys: ids unique across categories and services, the consent log's limits, services
 * in a required category, expiry capped at 13 months, the consent cookie's size. Nothing in
 * here can make consent be assumed, and a problem in one field never loses an item's cookies
 * from the clean-up: an item that cannot be listed hands them to `refusedCookies`.
 */
import * as v from 'valibot';
import { cookieSizeProblem } from './cookie-size.js';
import { MAX_CATEGORIES, MAX_EXPIRY_DAYS, MAX_SERVICES, isId } from './limits.js';
import { describeValue, problemFromIssue } from './problems.js';
import { ConfigSchema, type ParsedConfig } from './schema.js';
import type {
  CategoryConfig, ConfigProblem, ConsentModeSettings, ConsentModeType, CookieInfo, CookieSettings, SamtykkeConfig, ServiceConfig,
} from './types.js';

/** The Consent Mode mapping a config gets unless it gives its own. */
export const DEFAULT_CONSENT_MODE_MAPPING: Record<string, ConsentModeType[]> = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  functional: ['functionality_storage', 'personalization_storage'],
};

/** The four categories a config without `categories` gets. */
export const defaultCategories = (): CategoryConfig[] =>
  ['necessary', 'functional', 'analytics', 'marketing'].map((id) => ({ id, required: id === 'necessary', services: [] }));

/** The config with nothing given: every default; a fresh object each call. */
export const defaultConfig = (): SamtykkeConfig => resolveConfig({}).config;

type Report = (path: string, found: unknown, expected: string) => void;
type ParsedCategory = NonNullable<ParsedConfig['categories']>[number];
type ParsedService = ParsedCategory['services'][number];
type ParsedCookie = ParsedService['cookies'][number];
// What the site owner wrote, read only to tell a missing key from a bad one (already reported).
type Given = Record<string, unknown> | undefined;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `object` without its `undefined` keys: a key the config did not give (or gave badly) is absent. */
function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** The list item `index` of `list` as the site owner wrote it, when it is an object. */
const givenItem = (list: unknown, index: number): Given => {
  const item = Array.isArray(list) ? list[index] : undefined;
  return isPlainObject(item) ? item : undefined;
};

/**
 * Validates a site owner's config. Never throws: each bad key falls back to its default, an item
 * that cannot be used is left out, and every problem is returned with its key path.
 */
export function resolveConfig(input: unknown): { config: SamtykkeConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const report: Report = (path, found, expected) => void problems.push({ path, found: describeValue(found), expected });
  // Anything but an object (or nothing) is reported and read as an empty config: all defaults.
  let given: Record<string, unknown> = {};
  if (isPlainObject(input)) given = input;
  else if (input != null) report('(config)', input, 'an object');
  try {
    return { config: resolve(given, problems, report), problems };
  } catch {
    // Only a hostile object gets here (a getter that throws, a proxy); plain JSON never does.
    return { config: resolve({}, [], () => {}), problems: [{ path: '(config)', found: 'an object that cannot be read', expected: 'plain JSON data' }] };
  }
}

function resolve(given: Record<string, unknown>, problems: ConfigProblem[], report: Report): SamtykkeConfig {
  const result = v.safeParse(ConfigSchema, given, { abortPipeEarly: true });
  for (const issue of result.issues ?? []) problems.push(problemFromIssue(issue));
  const parsed = result.output as ParsedConfig;
  const { categories, refusedCookies } = resolveCategories(parsed.categories, given.categories, report);
  const theme = parsed.theme;
  const config: SamtykkeConfig = compact({
    revision: parsed.revision,
    // A list names each language once, in the site owner's order.
    language: Array.isArray(parsed.language) ? [...new Set(parsed.language)] : parsed.language,
    categories,
    refusedCookies,
    cookie: resolveCookieSettings(parsed.cookie, report),
    endpoint: parsed.endpoint,
    controller: compact(parsed.controller),
    policy: parsed.policy,
    policyVersion: parsed.policyVersion,
    policyMaterial: parsed.policyMaterial,
    privacyPolicyUrl: parsed.privacyPolicyUrl,
    cookiePolicyUrl: parsed.cookiePolicyUrl,
    googleConsentMode: resolveConsentMode(parsed.googleConsentMode, report),
    respectGpc: parsed.respectGpc,
    texts: compact(parsed.texts),
    theme: typeof theme === 'string' ? theme : theme.scheme,
    themePreset: typeof theme === 'string' ? 'default' : theme.preset,
    layout: parsed.layout,
    reopen: parsed.reopen,
    financialYearEnd: parsed.financialYearEnd,
    reloadOnWithdraw: parsed.reloadOnWithdraw,
  });
  const tooBig = cookieSizeProblem(config);
  if (tooBig) problems.push(tooBig);
  return config;
}

/** Above 13 months is clamped and reported, not refused: the law allows 395 days. */
function resolveCookieSettings(cookie: ParsedConfig['cookie'], report: Report): CookieSettings {
  const days = (key: 'expiresDays' | 'rejectExpiresDays') => {
    if (cookie[key] > MAX_EXPIRY_DAYS) report(`cookie.${key}`, cookie[key], `1 to ${MAX_EXPIRY_DAYS} days`);
    return Math.round(Math.min(cookie[key], MAX_EXPIRY_DAYS));
  };
  return compact({ ...cookie, expiresDays: days('expiresDays'), rejectExpiresDays: days('rejectExpiresDays') });
}

function resolveConsentMode(setting: ParsedConfig['googleConsentMode'], report: Report): ConsentModeSettings {
  if (typeof setting === 'boolean') return { enabled: setting, mapping: { ...DEFAULT_CONSENT_MODE_MAPPING } };
  if (!setting.mapping) return { enabled: setting.enabled, mapping: { ...DEFAULT_CONSENT_MODE_MAPPING } };
  const mapping: Record<string, ConsentModeType[]> = {};
  for (const [id, types] of Object.entries(setting.mapping)) {
    // A bad list was reported by the schema and left undefined.
    if (types === undefined) continue;
    if (isId(id)) mapping[id] = types;
    else report(`googleConsentMode.mapping.${id}`, types, 'a category id mapped to an array of consent types');
  }
  return { enabled: setting.enabled, mapping };
}

const WANTED_TEXT: Record<string, string> = {
  id: 'an id: a letter, then up to 63 letters, digits, "-" or "_"',
  name: 'a name',
  provider: 'the provider\'s name',
  purpose: 'a purpose (a string or strings by language code)',
  duration: 'a duration (a string or strings by language code)',
};

/** Reports each of `keys` the site owner left out of an item (a bad one was reported by the schema). */
function reportMissing(given: Given, path: string, keys: string[], report: Report): void {
  for (const key of keys) if (given?.[key] === undefined) report(`${path}.${key}`, undefined, WANTED_TEXT[key]);
}

/** The cookies of a service; only a cookie without a usable name is left out. */
function resolveCookies(cookies: ParsedCookie[], given: Given, path: string, report: Report | undefined): CookieInfo[] {
  const out: CookieInfo[] = [];
  cookies.forEach((cookie, index) => {
    // An item that was not a cookie object was reported by the schema.
    if (!cookie) return;
    const givenCookie = givenItem(given?.cookies, index);
    if (report) reportMissing(givenCookie, `${path}.cookies[${index}]`, ['name', 'purpose', 'duration'], report);
    if (cookie.name) out.push(compact({ ...cookie, name: cookie.name }));
  });
  return out;
}

/**
 * The categories and their services. Category ids are settled first, so a service cannot take a
 * category's id wherever it stands. What cannot be listed (a bad or repeated id, past the log's
 * limits, a service in a required category that is not essential) is left out and reported, and
 * the cookies of its services go to `refusedCookies`.
 */
function resolveCategories(parsed: ParsedConfig['categories'], given: unknown, report: Report): { categories: CategoryConfig[]; refusedCookies: CookieInfo[] } {
  const refusedCookies: CookieInfo[] = [];
  // Not given at all, or given as something other than a list (reported): the four defaults.
  if (!parsed) return { categories: defaultCategories(), refusedCookies };
  if (!parsed.length) {
    report('categories', given, 'at least one category');
    return { categories: defaultCategories(), refusedCookies };
  }

  const ids = new Set<string>();
  const listed = new Map<ParsedCategory, string>();
  let overLimit = false;
  parsed.forEach((category, index) => {
    if (!category) return;
    const path = `categories[${index}]`;
    if (category.id === undefined) {
      reportMissing(givenItem(given, index), path, ['id'], report);
    } else if (ids.has(category.id)) {
      report(`${path}.id`, category.id, 'an id no other category or service has');
    } else if (listed.size < MAX_CATEGORIES) {
      listed.set(category, category.id);
      ids.add(category.id);
    } else if (!overLimit) {
      // Reported once, at the first one past the limit.
      overLimit = true;
      report(path, category, `at most ${MAX_CATEGORIES} categories, the most the consent log stores (this one and those after it are left out)`);
    }
  });

  const categories: CategoryConfig[] = [];
  const serviceCount = { listed: 0, overLimit: false };
  parsed.forEach((category, index) => {
    if (!category) return;
    const path = `categories[${index}]`;
    const id = listed.get(category);
    const required = category.required ?? id === 'necessary';
    const services: ServiceConfig[] = [];
    category.services.forEach((service, serviceIndex) => {
      if (!service) return;
      const servicePath = `${path}.services[${serviceIndex}]`;
      const givenService = givenItem(givenItem(given, index)?.services, serviceIndex);
      const keep = id !== undefined && checkService(service, givenService, servicePath, required, serviceCount, ids, report);
      const cookies = resolveCookies(service.cookies, givenService, servicePath, keep ? report : undefined);
      if (!keep) {
        refusedCookies.push(...cookies);
        return;
      }
      ids.add(service.id!);
      serviceCount.listed++;
      services.push(resolveService(service, cookies, required));
    });
    if (id !== undefined) categories.push(compact({ id, required, title: category.title, description: category.description, services }));
  });
  return { categories: categories.length ? categories : defaultCategories(), refusedCookies };
}

/** Whether a service of a listed category can be listed too; reports why not, and what it lacks. */
function checkService(
  service: ParsedService, given: Given, path: string, required: boolean, count: { listed: number; overLimit: boolean }, ids: Set<string>, report: Report,
): boolean {
  if (service.id === undefined) {
    reportMissing(given, path, ['id'], report);
    return false;
  }
  if (ids.has(service.id)) {
    report(`${path}.id`, service.id, 'an id no other category or service has');
    return false;
  }
  if (count.listed === MAX_SERVICES) {
    // Reported once, at the first one past the limit.
    if (!count.overLimit) report(path, service, `at most ${MAX_SERVICES} services in all, the most the consent log stores (this one and those after it are left out)`);
    count.overLimit = true;
    return false;
  }
  // Nothing that needs consent may hide in a required category, which is always on.
  if (required && !(service.essential === true && service.reason !== undefined)) {
    report(path, service, 'essential: true and a reason in a required category');
    return false;
  }
  reportMissing(given, path, ['name', 'provider', 'purpose'], report);
  return true;
}

function resolveService(service: ParsedService, cookies: CookieInfo[], required: boolean): ServiceConfig {
  const { essential, reason, ...rest } = service;
  return compact({
    ...rest,
    id: service.id!,
    // Listed under its id when it has no usable name (reported).
    name: service.name ?? service.id!,
    cookies,
    // Only a required category's services are essential; elsewhere the visitor decides.
    ...(required && { essential, reason }),
  });
}
