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
  /** With `policyVersion`: that version is a material change, so consent given under another no longer counts. */
  policyMaterial?: boolean;
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

// The defaults use every type but one.
const CONSENT_MODE_TYPES: string[] = [...Object.values(DEFAULT_CONSENT_MODE_MAPPING).flat(), 'security_storage'];

/** The four categories' ids: the default, and the ids most configs give. */
const CATEGORY_IDS = ['necessary', 'functional', 'analytics', 'marketing'];

/** The four categories a config without `categories` gets. */
export const defaultCategories = (): CategoryConfig[] =>
  CATEGORY_IDS.map((id, i) => ({ id, required: !i, services: [] }));

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
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value && typeof value === 'object' ? 'an object' : String(value);
}

type Test = (v: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString: Test = (v) => typeof v === 'string';
/** A string matching `pattern` (a number or array would match once stringified, so it is refused first). */
const matches = (pattern: RegExp): Test => (v) => isString(v) && pattern.test(v as string);
// \S: String#trim and \s strip the same characters.
const isText = matches(/\S/);
const isLocalized: Test = (v) =>
  isString(v) || (isObject(v) && Object.keys(v).length > 0 && Object.entries(v).every(([k, t]) => (k === 'da' || k === 'en') && isString(t)));
// Never "__proto__" (it starts with "_"), "constructor" or "prototype".
const ID = /^(?!constructor$|prototype$)[A-Za-z][\w-]{0,63}$/;
/**
 * An id of a category or a service, in the config and as a key of the consent cookie. The
 * four known ids skip the pattern: V8 compiles a regular expression to machine code on its
 * second run (1.2 KB of JS heap), and the common config, four categories, then never runs it.
 */
export const isId = (v: unknown): v is string => CATEGORY_IDS.includes(v as string) || (isString(v) && ID.test(v as string));

/** A URL the widget may link to or send to: http(s) or relative, never `javascript:` and the like. */
export function isSafeUrl(v: unknown): v is string {
  // A scheme is the letters before the first ":"; only http and https may be one. The browser's
  // URL parser drops tabs and newlines anywhere and controls and spaces in front, so all of
  // them are dropped before looking ("java\nscript:" is javascript:; "java script:" is refused too).
  return isText(v) && !/^(?!https?:)[a-z][\w+.-]*:/i.test((v as string).replace(/[\0- ]/g, ''));
}

const URL_TEXT = 'an http(s) or relative URL';
const ID_TEXT = 'a unique id: a letter, then letters, digits, "-" or "_"';
const NO_KEY = 'no such key (a typo?)';
const DAYS_TEXT = `1 to ${MAX_EXPIRY_DAYS} days`;

/**
 * The config's shape as data: a flat list of keys, each followed by its node. A string node
 * names a kind of value (see `valid` in resolveConfig); a `!` after it makes the field
 * required (absent or bad drops the enclosing item), a `*` makes a bad value drop the item
 * while absence is fine; `=a|b` is an enum. A shape is a nested section, `[shape]` a list
 * of items. A list, not an object literal: V8 builds a literal's hidden class one key
 * at a time and keeps every step (a map and its descriptors, 40–80 B each), and the shapes'
 * fifty keys cost 2 KB of JS heap that way (README, Benchmarks).
 */
type Node = string | Shape | [Shape] | [Shape, '*'];
type Shape = Node[];

const COOKIE_SHAPE: Shape = ['name', 't!', 'purpose', 'l!', 'duration', 'l!', 'pattern', 'r*', 'domain', 't', 'path', 'p'];
const SERVICE_SHAPE: Shape = ['id', 'S!', 'name', 't!', 'provider', 't!', 'purpose', 'l!', 'transfer', 'l', 'cookies', [COOKIE_SHAPE, '*']];
/** Texts may only be given for the two languages; any other key is reported like a top-level typo. */
const TEXTS_SHAPE: Shape = ['da', 'O', 'en', 'O'];
/** Every top-level key; the plain ones first, then the sections, so problems read top-level first. */
const SHAPE: Shape = [
  'revision', 'n',
  'language', '=da|en|auto',
  'endpoint', 'u',
  'policy', 'q',
  'policyVersion', 'v',
  'policyMaterial', 'b',
  'privacyPolicyUrl', 'u',
  'cookiePolicyUrl', 'u',
  'googleConsentMode', 'g',
  'respectGpc', 'b',
  'theme', '=light|dark|auto',
  'layout', '=bar|box',
  'reopen', 'o',
  'financialYearEnd', 'm',
  'reloadOnWithdraw', 'b',
  'texts', TEXTS_SHAPE,
  'categories', [['id', 'C!', 'required', 'b', 'title', 'l', 'description', 'l', 'services', [SERVICE_SHAPE]]],
  'cookie', ['name', 'c', 'domain', 'h', 'path', 'p', 'sameSite', '=Lax|Strict|None', 'expiresDays', 'd', 'rejectExpiresDays', 'd'],
  'controller', ['name', 's', 'cvr', 's', 'address', 's', 'email', 's', 'phone', 's'],
];

/** Whether `key` is one of `shape`'s keys (at an even place: a node never equals a key, but a config's key may equal a node). */
const hasKey = (shape: Shape, key: string): boolean => shape.indexOf(key) % 2 == 0;

/**
 * Validates a site owner's config. Never throws: each bad key falls back to its default, a bad
 * list item is dropped, and every problem is returned with its key path.
 */
export function resolveConfig(input: unknown): { config: SamtykkeConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const report = (path: string, found: unknown, expected: string) => problems.push({ path, found: describeValue(found), expected });
  const config = defaultConfig();
  // Anything but an object (or nothing) is reported and read as an empty config: all defaults.
  const given: Record<string, any> = isObject(input) ? input : (input != null && report('(config)', input, 'an object'), {});
  const seen = new Set<string>();
  // One function per question, each with a case per kind (the first letter of a shape's node),
  // not a table of a test, a text and a keeper per kind: V8 keeps a SharedFunctionInfo and more
  // for each of the table's twenty-odd functions as long as this one's bytecode lives, and the
  // table's regular expressions as compiled boilerplates (2 KB of JS heap; README, Benchmarks).
  /** Whether `v` is a good value of a string `node` (its first letter is the kind). */
  const valid = (node: string, v: any): boolean => {
    switch (node[0]) {
      case 'b': return typeof v === 'boolean';
      case 's': return isString(v);
      case 't': return isText(v);
      case 'l': return isLocalized(v);
      case 'O': return isObject(v);
      case 'u': return isSafeUrl(v);
      // No ";" or space: it is written into cookie strings (the consent cookie, the clean-up).
      case 'p': return isString(v) && /^\/[^;\s]*$/.test(v);
      case 'r': return isString(v) && !!new RegExp(v);
      case 'd': return typeof v === 'number' && v >= 1;
      case 'n': return Number.isInteger(v) && v >= 0;
      case 'v': return isString(v) && /^[^]{1,64}$/.test(v);
      case 'c': return isString(v) && /^[\w.-]{1,64}$/.test(v);
      case 'h': return isString(v) && /^\.?[a-z0-9.-]+$/i.test(v);
      case 'q': return isSafeUrl(v) || isObject(v);
      case 'o': return v === false || (isObject(v) && (v.position === 'left' || v.position === 'right'));
      // Read back through Date: a day the month lacks comes out as another date or throws
      // (2001 is not a leap year, so "02-29" is refused too).
      case 'm': return new Date(`2001-${v}T00:00Z`).toISOString().slice(5, 10) === v;
      case 'g': return typeof v === 'boolean' || (isObject(v) && isObject(v.mapping));
      case '=': return node.slice(1).split('|').includes(v);
      // A category's or a service's id: unique among its kind.
      default: return isId(v) && !seen.has(node + v) && !!seen.add(node + v);
    }
  };
  /** What a site owner is told a string `node` expects: compiled, with its strings, only for a config that has a problem. */
  const expected = (node: string): string => {
    switch (node[0]) {
      case 'b': return 'true or false';
      case 's': return 'a string';
      case 't': return 'a non-empty string';
      case 'l': return 'a string or { da, en } strings';
      case 'O': return 'an object';
      case 'u': return URL_TEXT;
      case 'p': return 'a path: "/" then no ";" or spaces';
      case 'r': return 'a regular expression';
      case 'd': return DAYS_TEXT;
      case 'n': return 'a whole number, 0 or more';
      case 'v': return '1 to 64 characters';
      case 'c': return 'letters, digits, ".", "-" or "_"';
      case 'h': return 'a domain name';
      case 'q': return `a policy document or ${URL_TEXT}`;
      case 'o': return 'false or { position: "left" | "right" }';
      case 'm': return 'a date as "MM-DD"';
      case 'g': return 'true, false or { mapping }';
      case '=': return node.slice(1).split('|').map((x) => JSON.stringify(x)).join(' | ');
      default: return ID_TEXT;
    }
  };
  /** What is kept of a good value of `kind` at `path`, which may also fill the item it belongs to (`into`). */
  const keep = (kind: string, v: any, path: string, into: Record<string, any>): unknown => {
    switch (kind) {
      // Above 13 months is clamped and reported, not dropped: the law allows 395 days.
      case 'd': return (v > MAX_EXPIRY_DAYS && report(path, v, DAYS_TEXT), Math.round(Math.min(v, MAX_EXPIRY_DAYS)));
      case 'g': return typeof v === 'boolean'
        ? { enabled: v, mapping: { ...DEFAULT_CONSENT_MODE_MAPPING } }
        : {
          enabled: v.enabled !== false,
          mapping: Object.fromEntries(Object.entries(v.mapping).filter(([id, types]) =>
            // isId refuses "__proto__", whose entry would otherwise be an own key no one reads.
            (isId(id) && Array.isArray(types) && types.every((t) => CONSENT_MODE_TYPES.includes(t))) ||
            !report(`${path}.mapping.${id}`, types, 'a category id mapped to an array of consent types'))),
        };
      // An id comes first in its item, so the item's defaults are set before its other keys are read:
      // a category named necessary is required unless told otherwise; lists not given are empty.
      case 'C': return (into.required = v === 'necessary'), (into.services = []), v;
      case 'S': return (into.cookies = []), v;
    }
    return v;
  };

  /**
   * Copies the valid fields of `o` onto `into`; false when a required (`!`) or strict (`*`) one
   * is bad, in the shape's order (an id before the rest). The keys to read are picked by a
   * filter callback, so the loop runs once per key the config gives, not once per key the
   * shape knows: most of a shape is absent from a config, and a loop over the whole shape ran
   * often enough at every page load for V8 to queue the walk for machine code, which tipped
   * the benchmark page into compiling a batch (6 KB of JS heap; README, Benchmarks).
   */
  const walk = (shape: Shape, o: Record<string, any>, path: string, into: Record<string, any>): boolean => {
    let ok = true;
    for (const key of shape.filter((k, i) => !(i % 2) && (o[k as string] !== undefined || shape[i + 1][1] === '!')) as string[])
      ok = field(shape, o[key], path, key, into, ok) && ok;
    return ok;
  };

  /**
   * One field of a shape: `v` is `o[key]`, `ok` whether the item is good so far. False when the
   * item must go. (Its node is found here, not in the walk's loop: a larger loop body made V8
   * queue the walk for machine code.)
   */
  const field = (shape: Shape, v: any, path: string, key: string, into: Record<string, any>, ok: boolean): boolean => {
    const node = shape[shape.indexOf(key) + 1];
    const p = path ? `${path}.${key}` : key;
    if (typeof node === 'string') {
      let good;
      try {
        good = v !== undefined && valid(node, v);
      } catch {
        // A test may throw on what it cannot read (a bad regular expression, an invalid date): that is a bad value.
      }
      if (good) into[key] = keep(node[0], v, p, into);
      else return !(report(p, v, expected(node)) && (node[1] == '!' || node[1] == '*'));
    } else if (Array.isArray(node[0])) {
      if (!Array.isArray(v)) return report(p, v, 'an array'), !node[1];
      const items = v.flatMap((item, i) => {
        const q = `${p}[${i}]`;
        const out: Record<string, any> = {};
        if (!isObject(item)) return report(q, item, 'an object'), [];
        if (!walk(node[0] as Shape, item, q, out)) return [];
        // A service of a required category (its last key, so `ok` and `required` are final
        // here): COMPLIANCE 10, nothing that needs consent may hide there.
        if (node[0] !== SERVICE_SHAPE || !ok || !into.required) return [out];
        if (item.essential === true && isLocalized(item.reason)) return [Object.assign(out, { essential: true, reason: item.reason })];
        return report(q, item, 'essential: true and a reason in a required category'), [];
      });
      // A list left empty keeps its default: only categories have one (the four), and
      // giving none is a mistake worth naming (a missing key is silent). An item whose id was
      // bad has no default list (`?.`), and is dropped anyway.
      if (items.length || !into[key]?.length) into[key] = items;
      else if (!v.length) report(p, v, 'at least one category');
    } else if (isObject(v)) walk(node as Shape, v, p, (into[key] ??= {}));
    else report(p, v, 'an object');
    return true;
  };

  for (const [shape, o, path] of [[SHAPE, given, ''], [TEXTS_SHAPE, given.texts, 'texts.']] as const)
    if (isObject(o)) for (const key of Object.keys(o)) if (!hasKey(shape, key)) report(path + key, o[key], NO_KEY);
  walk(SHAPE, given, '', config);
  return { config, problems };
}

/** Logs every problem in one `console.error`, the way a site owner reads it in the console. */
export function reportConfigProblems(problems: readonly ConfigProblem[]): void {
  if (problems.length)
    console.error(`Samtykke: config problems (defaults used):\n${problems.map((p) => `  ${p.path}: got ${p.found}, expected ${p.expected}`).join('\n')}`);
}
