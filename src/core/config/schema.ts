/**
 * The config a site owner writes, as a valibot schema: what each key may be, and its default.
 * `resolveConfig` parses with it; `build/config-schema.mjs` turns it into the published JSON
 * Schema, with each key's description taken from the JSDoc of `SamtykkeOptions` (options.ts),
 * which a type test holds to this schema. The rules across keys (unique ids, limits, the
 * cookie's size) are in resolve.ts.
 *
 * Keys an item should have but can do without (a service's `purpose`, a cookie's `duration`)
 * are optional here, so that their absence never drops the item and its cookies: resolve.ts
 * reports them missing, and the JSON Schema lists them as required for editors.
 */
import * as v from 'valibot';
import { COOKIE_PATTERN_TEXT, isCookiePattern } from './cookie-pattern.js';
import { section, setting, withFallback } from './fallback.js';
import { ID_PATTERN, MAX_EXPIRY_DAYS, MAX_POLICY_VERSION_LENGTH, MAX_REVISION, POLICY_VERSION_PATTERN, isId } from './limits.js';
import { isSafeUrl } from './links.js';
import { LANGUAGES, type ConsentModeType } from './types.js';

const URL_TEXT = 'an http(s) URL, or a relative one on the same site';
const ID_TEXT = 'an id: a letter, then up to 63 letters, digits, "-" or "_"';
const LANGUAGE_TEXT = `"auto", a language code (${LANGUAGES.join(', ')}), or a non-empty list of them`;
const LOCALIZED_TEXT = `a string, or strings by language code ({ "da": "…", "en": "…" }; codes: ${LANGUAGES.join(', ')})`;

const oneOf = <const T extends readonly string[]>(options: T) => v.picklist(options, options.map((o) => JSON.stringify(o)).join(' | '));

/** A string with something other than spaces in it. */
const Text = (expected = 'a non-empty string') => v.pipe(v.string(expected), v.regex(/\S/, expected));

const Url = v.pipe(v.string(URL_TEXT), v.check((url: string) => isSafeUrl(url), URL_TEXT));

const Id = v.pipe(v.string(ID_TEXT), v.regex(ID_PATTERN, ID_TEXT), v.check((id: string) => isId(id), `${ID_TEXT}, not "constructor" or "prototype"`));

type LanguageCode = (typeof LANGUAGES)[number];
const Language = oneOf(LANGUAGES);

const isPlainObject = (value: Record<string, unknown>) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A text shown to visitors: one string, or one per language. */
const Localized = v.union(
  [
    v.string(),
    v.pipe(
      v.strictObject(Object.fromEntries(LANGUAGES.map((code) => [code, v.optional(v.string())])) as Record<LanguageCode, v.OptionalSchema<v.StringSchema<undefined>, undefined>>),
      v.minEntries(1, LOCALIZED_TEXT),
    ),
  ],
  LOCALIZED_TEXT,
);

/** Where a cookie is set; written into cookie strings, so no ";" or spaces. */
const PATH_TEXT = 'a path: "/" then no ";" or spaces';
const CookiePath = v.pipe(v.string(PATH_TEXT), v.regex(/^\/[^;\s]*$/, PATH_TEXT));

/**
 * A cookie's name as the declaration shows it and the cleaner deletes it. Shown names like
 * `_ga_<id>` are fine; what would break the cookie string the cleaner writes is not.
 */
const COOKIE_NAME_TEXT = 'a cookie name: no spaces, ";", "," or "="';
const CookieName = v.pipe(v.string(COOKIE_NAME_TEXT), v.regex(/^[^\s;,=\0-\x1f\x7f]+$/, COOKIE_NAME_TEXT));

const Cookie = section(
  {
    name: setting(CookieName, undefined),
    pattern: setting(
      v.pipe(v.string(COOKIE_PATTERN_TEXT), v.check((pattern: string) => isCookiePattern(pattern), COOKIE_PATTERN_TEXT)),
      undefined,
    ),
    domain: setting(Text(), undefined),
    path: setting(CookiePath, undefined),
    purpose: setting(Localized, undefined),
    duration: setting(Localized, undefined),
  },
  'an object: { name, purpose, duration, pattern?, domain?, path? }',
  ['name', 'purpose', 'duration'],
);

const Service = section(
  {
    id: setting(Id, undefined),
    name: setting(Text(), undefined),
    provider: setting(Text(), undefined),
    purpose: setting(Localized, undefined),
    transfer: setting(Localized, undefined),
    privacyUrl: setting(Url, undefined),
    essential: setting(v.boolean('true or false'), undefined),
    reason: setting(Localized, undefined),
    cookies: setting(v.array(withFallback(Cookie, undefined), 'an array of cookies'), () => []),
  },
  'an object: { id, name, provider, purpose, cookies?, … }',
  ['id', 'name', 'provider', 'purpose'],
);

const Category = section(
  {
    id: setting(Id, undefined),
    required: setting(v.boolean('true or false'), undefined),
    title: setting(Localized, undefined),
    description: setting(Localized, undefined),
    services: setting(v.array(withFallback(Service, undefined), 'an array of services'), () => []),
  },
  'an object: { id, required?, title?, description?, services? }',
  ['id'],
);

const CONSENT_MODE_TYPES = [
  'ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage',
] as const satisfies readonly ConsentModeType[];

/** A language's replacements for the widget's texts; their keys are checked where they are used. */
const TextOverrides = setting(v.pipe(v.record(v.string(), v.unknown(), 'an object of texts'), v.check(isPlainObject, 'an object of texts')), undefined);

const ConsentModeMapping = v.record(
  v.string(),
  withFallback(v.array(oneOf(CONSENT_MODE_TYPES), 'a category id mapped to an array of consent types'), undefined),
  'an object: category id → consent types',
);

/** Days a consent lasts; above 13 months is clamped (and reported) by resolve.ts, not refused. */
const Days = v.pipe(v.number(`1 to ${MAX_EXPIRY_DAYS} days`), v.minValue(1, `1 to ${MAX_EXPIRY_DAYS} days`));

/** Read back through Date: a day the month lacks comes out as another date (2001 is no leap year, so "02-29" is refused too). */
const isMonthDay = (value: string) => {
  const date = new Date(`2001-${value}T00:00Z`);
  return !isNaN(+date) && date.toISOString().slice(5, 10) === value;
};

const ReopenOffset = v.pipe(v.number('a number of pixels, 0 to 400'), v.minValue(0, 'a number of pixels, 0 to 400'), v.maxValue(400, 'a number of pixels, 0 to 400'));

/** The consent cookie's settings; a bad value of one falls back to its default. */
const CookieSettings = section(
  {
    name: setting(v.pipe(v.string('1 to 64 letters, digits, ".", "-" or "_"'), v.regex(/^[\w.-]{1,64}$/, '1 to 64 letters, digits, ".", "-" or "_"')), 'samtykke'),
    domain: setting(v.pipe(v.string('a domain name'), v.regex(/^\.?[A-Za-z0-9.-]+$/, 'a domain name')), undefined),
    path: setting(CookiePath, '/'),
    sameSite: setting(oneOf(['Lax', 'Strict', 'None']), 'Lax'),
    expiresDays: setting(Days, 365),
    rejectExpiresDays: setting(Days, 182),
  },
  'an object: { name?, domain?, path?, sameSite?, expiresDays?, rejectExpiresDays? }',
);

/** Every key a site owner may give, in the order problems are reported. */
export const ConfigSchema = section(
  {
    $schema: setting(v.string('a string'), undefined),
    revision: setting(
      v.pipe(v.number('a whole number, 0 or more'), v.integer('a whole number, 0 or more'), v.minValue(0, 'a whole number, 0 or more'), v.maxValue(MAX_REVISION, `at most ${MAX_REVISION}`)),
      1,
    ),
    language: setting(
      v.union([v.literal('auto'), Language, v.pipe(v.array(Language), v.minLength(1, LANGUAGE_TEXT))], LANGUAGE_TEXT),
      'auto',
    ),
    endpoint: setting(Url, undefined),
    policy: setting(
      v.union([Url, v.pipe(v.record(v.string(), v.unknown()), v.check(isPlainObject))], `a policy document or ${URL_TEXT}`),
      undefined,
    ),
    policyVersion: setting(
      v.pipe(
        v.string(`1 to ${MAX_POLICY_VERSION_LENGTH} characters, no line breaks`),
        v.minLength(1, `1 to ${MAX_POLICY_VERSION_LENGTH} characters, no line breaks`),
        v.maxLength(MAX_POLICY_VERSION_LENGTH, `1 to ${MAX_POLICY_VERSION_LENGTH} characters, no line breaks`),
        v.regex(POLICY_VERSION_PATTERN, `1 to ${MAX_POLICY_VERSION_LENGTH} characters, no line breaks or other control characters`),
      ),
      undefined,
    ),
    policyMaterial: setting(v.boolean('true or false'), undefined),
    privacyPolicyUrl: setting(Url, undefined),
    cookiePolicyUrl: setting(Url, undefined),
    googleConsentMode: setting(
      v.union(
        [
          v.boolean(),
          section(
            {
              enabled: setting(v.boolean('true or false'), true),
              mapping: setting(ConsentModeMapping, undefined),
            },
            'an object: { enabled?, mapping? }',
          ),
        ],
        'true, false or { enabled?, mapping? }',
      ),
      true,
    ),
    respectGpc: setting(v.boolean('true or false'), true),
    theme: setting(
      v.union(
        [
          oneOf(['light', 'dark', 'auto']),
          section(
            {
              scheme: setting(oneOf(['light', 'dark', 'auto']), 'auto'),
              preset: setting(oneOf(['default', 'minimal', 'contrast']), 'default'),
            },
            'an object: { scheme?, preset? }',
          ),
        ],
        '"light" | "dark" | "auto", or { scheme?, preset? }',
      ),
      'auto',
    ),
    layout: setting(oneOf(['bar', 'box']), 'box'),
    reopen: setting(
      v.union(
        [
          v.literal(false),
          section(
            {
              position: setting(oneOf(['left', 'right']), 'left'),
              offset: setting(
                section(
                  {
                    x: setting(ReopenOffset, 16),
                    y: setting(ReopenOffset, 16),
                  },
                  'an object: { x?, y? }',
                ),
                () => ({ x: 16, y: 16 }),
              ),
            },
            'an object: { position?, offset? }',
          ),
        ],
        'false or { position?: "left" | "right", offset?: { x?, y? } }',
      ),
      () => ({ position: 'left', offset: { x: 16, y: 16 } }),
    ),
    financialYearEnd: setting(
      v.pipe(v.string('a date as "MM-DD"'), v.regex(/^\d\d-\d\d$/, 'a date as "MM-DD"'), v.check(isMonthDay, 'a date as "MM-DD"')),
      '06-30',
    ),
    reloadOnWithdraw: setting(v.boolean('true or false'), false),
    texts: setting(
      section(
        Object.fromEntries(LANGUAGES.map((code) => [code, TextOverrides])) as Record<LanguageCode, typeof TextOverrides>,
        'an object: language code → texts',
      ),
      () => ({}),
    ),
    categories: setting(
      v.array(withFallback(Category, undefined), 'an array of categories'),
      undefined,
    ),
    cookie: setting(CookieSettings, () => v.parse(CookieSettings, {})),
    controller: setting(
      section(
        {
          name: setting(v.string('a string'), undefined),
          cvr: setting(v.string('a string'), undefined),
          address: setting(v.string('a string'), undefined),
          email: setting(v.string('a string'), undefined),
          phone: setting(v.string('a string'), undefined),
        },
        'an object: { name?, cvr?, address?, email?, phone? }',
      ),
      () => ({}),
    ),
  },
  'an object',
);

/** The config as valibot reads it: defaults filled in, bad keys replaced by their defaults. */
export type ParsedConfig = v.InferOutput<typeof ConfigSchema>;
