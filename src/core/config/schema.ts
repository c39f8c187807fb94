/**
 * The config a site owner writes, as a valibot schema: what each key may be, its default and
 * its description. `resolveConfig` parses with it; `build/config-schema.mjs` turns it into the
 * published JSON Schema. The rules across keys (unique ids, limits, the cookie's size) are in
 * resolve.ts.
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
const LOCALIZED_TEXT = `a string, or strings by language code ({ "da": "…", "en": "…" }; codes: ${LANGUAGES.join(', ')})`;

const oneOf = <const T extends readonly string[]>(options: T) => v.picklist(options, options.map((o) => JSON.stringify(o)).join(' | '));

/** A string with something other than spaces in it. */
const Text = (expected = 'a non-empty string') => v.pipe(v.string(expected), v.regex(/\S/, expected));

const Url = v.pipe(v.string(URL_TEXT), v.check((url: string) => isSafeUrl(url), URL_TEXT));

const Id = v.pipe(v.string(ID_TEXT), v.regex(ID_PATTERN, ID_TEXT), v.check((id: string) => isId(id), `${ID_TEXT}, not "constructor" or "prototype"`));

type LanguageCode = (typeof LANGUAGES)[number];
const Language = oneOf(LANGUAGES);

const isPlainObject = (value: Record<string, unknown>) => typeof value === 'object' && value !== null && !Array.isArray(value);

const textIn = (code: string) => v.optional(v.pipe(v.string(), v.description(`The text in the language "${code}".`)));

/** A text shown to visitors: one string, or one per language. */
const Localized = v.union(
  [
    v.string(),
    v.pipe(
      v.strictObject(Object.fromEntries(LANGUAGES.map((code) => [code, textIn(code)])) as Record<LanguageCode, ReturnType<typeof textIn>>),
      v.minEntries(1, LOCALIZED_TEXT),
    ),
  ],
  LOCALIZED_TEXT,
);

/** Where a cookie is set; written into cookie strings, so no ";" or spaces. */
const CookiePath = v.pipe(v.string(), v.regex(/^\/[^;\s]*$/, 'a path: "/" then no ";" or spaces'));

/**
 * A cookie's name as the declaration shows it and the cleaner deletes it. Shown names like
 * `_ga_<id>` are fine; what would break the cookie string the cleaner writes is not.
 */
const CookieName = v.pipe(v.string(), v.regex(/^[^\s;,=\0-\x1f\x7f]+$/, 'a cookie name: no spaces, ";", "," or "="'));

const Cookie = section(
  {
    name: setting(CookieName, undefined, 'The cookie\'s name, as the browser shows it. A cookie without one cannot be listed or deleted.'),
    pattern: setting(
      v.pipe(v.string(COOKIE_PATTERN_TEXT), v.check((pattern: string) => isCookiePattern(pattern), COOKIE_PATTERN_TEXT)),
      undefined,
      'Further names of the same cookie: a glob with "*" ("_ga_*", "*_session") or a prefix ("^_ga_"). Deleted on refusal too.',
    ),
    domain: setting(Text(), undefined, 'The domain the cookie is set on, if not the page\'s host (".example.dk"). Used to delete it.'),
    path: setting(CookiePath, undefined, 'The path the cookie is set on, if not "/". Used to delete it.'),
    purpose: setting(Localized, undefined, 'What the cookie is for, as the cookie declaration lists it.'),
    duration: setting(Localized, undefined, 'How long the cookie lives ("2 years", "Session").'),
  },
  'an object: { name, purpose, duration, pattern?, domain?, path? }',
  ['name', 'purpose', 'duration'],
);

const Service = section(
  {
    id: setting(Id, undefined, 'A unique id among all categories and services; gated markup names it in data-samtykke-service.'),
    name: setting(Text(), undefined, 'The service\'s name as visitors see it ("Google Analytics").'),
    provider: setting(Text(), undefined, 'Who runs the service ("Google Ireland Ltd.").'),
    purpose: setting(Localized, undefined, 'What the service does with the data, in a sentence.'),
    transfer: setting(Localized, undefined, 'A country outside the EU/EEA the data goes to, and the safeguard used ("USA (EU-US Data Privacy Framework)").'),
    privacyUrl: setting(Url, undefined, 'The provider\'s privacy policy; the embed placeholder and the cookie declaration link to it.'),
    essential: setting(v.boolean('true or false'), undefined, 'In a required category: true, with a reason, for a service the site cannot work without.'),
    reason: setting(Localized, undefined, 'In a required category: why the service is strictly necessary.'),
    cookies: setting(v.array(withFallback(Cookie, undefined), 'an array of cookies'), () => [], 'The cookies the service sets: listed in the declaration, deleted when the service is refused.'),
  },
  'an object: { id, name, provider, purpose, cookies?, … }',
  ['id', 'name', 'provider', 'purpose'],
);

const Category = section(
  {
    id: setting(Id, undefined, 'A unique id; "necessary", "functional", "analytics" and "marketing" get built-in titles and descriptions.'),
    required: setting(v.boolean('true or false'), undefined, 'Always on; the visitor cannot refuse it. Defaults to true for "necessary", else false.'),
    title: setting(Localized, undefined, 'The title shown instead of the built-in one.'),
    description: setting(Localized, undefined, 'The description shown instead of the built-in one.'),
    services: setting(v.array(withFallback(Service, undefined), 'an array of services'), () => [], 'The services that process data for this purpose.'),
  },
  'an object: { id, required?, title?, description?, services? }',
  ['id'],
);

const CONSENT_MODE_TYPES = [
  'ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage',
] as const satisfies readonly ConsentModeType[];

/** A language's replacements for the widget's texts; their keys are checked where they are used. */
const textOverrides = (code: string) =>
  setting(
    v.pipe(v.record(v.string(), v.unknown(), 'an object of texts'), v.check(isPlainObject, 'an object of texts')),
    undefined,
    `Texts in "${code}" that replace the built-in ones, shaped like locales/ui.${code === 'da' ? 'da' : 'en'}.json.`,
  );

const ConsentModeMapping = v.record(
  v.string(),
  withFallback(v.array(oneOf(CONSENT_MODE_TYPES), 'a category id mapped to an array of consent types'), undefined),
  'an object: category id → consent types',
);

/** Days a consent lasts; above 13 months is clamped (and reported) by resolve.ts, not refused. */
const Days = v.pipe(v.number(), v.minValue(1, `1 to ${MAX_EXPIRY_DAYS} days`), v.description(`Days, 1 to ${MAX_EXPIRY_DAYS}; more is clamped to ${MAX_EXPIRY_DAYS}.`));

/** Read back through Date: a day the month lacks comes out as another date (2001 is no leap year, so "02-29" is refused too). */
const isMonthDay = (value: string) => {
  const date = new Date(`2001-${value}T00:00Z`);
  return !isNaN(+date) && date.toISOString().slice(5, 10) === value;
};

const ReopenOffset = v.pipe(v.number('a number of pixels, 0 to 400'), v.minValue(0, 'a number of pixels, 0 to 400'), v.maxValue(400, 'a number of pixels, 0 to 400'));

/** The consent cookie's settings; a bad value of one falls back to its default. */
const CookieSettings = section(
  {
    name: setting(v.pipe(v.string(), v.regex(/^[\w.-]{1,64}$/, 'letters, digits, ".", "-" or "_"')), 'samtykke', 'The consent cookie\'s name.'),
    domain: setting(v.pipe(v.string(), v.regex(/^\.?[A-Za-z0-9.-]+$/, 'a domain name')), undefined, 'Set the cookie on this domain (".example.dk") to share consent across subdomains; else host-only.'),
    path: setting(CookiePath, '/', 'The consent cookie\'s path.'),
    sameSite: setting(oneOf(['Lax', 'Strict', 'None']), 'Lax', 'The cookie\'s SameSite attribute; "None" is always Secure.'),
    expiresDays: setting(Days, 365, `Days a consent that allows something lasts, counted from the last decision; at most ${MAX_EXPIRY_DAYS}.`),
    rejectExpiresDays: setting(Days, 182, `Days a refusal lasts before the banner asks again; at most ${MAX_EXPIRY_DAYS}.`),
  },
  'an object: { name?, domain?, path?, sameSite?, expiresDays?, rejectExpiresDays? }',
);

/** Every key a site owner may give, in the order problems are reported. */
export const ConfigSchema = section(
  {
    $schema: setting(v.string('a string'), undefined, 'The JSON Schema this config follows, for editors; the widget ignores it.'),
    revision: setting(
      v.pipe(v.number('a whole number, 0 or more'), v.integer('a whole number, 0 or more'), v.minValue(0, 'a whole number, 0 or more'), v.maxValue(MAX_REVISION, `at most ${MAX_REVISION}`)),
      1,
      'The config\'s revision. Raise it to ask every visitor again: consent given under a lower revision no longer counts.',
    ),
    language: setting(
      v.union(
        [v.literal('auto'), Language, v.pipe(v.array(Language), v.minLength(1))],
        `"auto", a language code (${LANGUAGES.join(', ')}), or a non-empty list of them`,
      ),
      'auto',
      '"auto" (the page\'s <html lang>, then the browser\'s languages), one language code, or the list of codes the site offers.',
    ),
    endpoint: setting(Url, undefined, 'The consent log\'s URL, which every decision is POSTed to (e.g. "https://log.example.dk/api/consents").'),
    policy: setting(
      v.union([Url, v.pipe(v.record(v.string(), v.unknown()), v.check(isPlainObject))], `a policy document or ${URL_TEXT}`),
      undefined,
      'The privacy policy: a URL of a policy document, or the document itself (the shape of locales/policy.da.json).',
    ),
    policyVersion: setting(
      v.pipe(
        v.string(`1 to ${MAX_POLICY_VERSION_LENGTH} characters, no line breaks`),
        v.minLength(1, `1 to ${MAX_POLICY_VERSION_LENGTH} characters, no line breaks`),
        v.maxLength(MAX_POLICY_VERSION_LENGTH, `1 to ${MAX_POLICY_VERSION_LENGTH} characters, no line breaks`),
        v.regex(POLICY_VERSION_PATTERN, `1 to ${MAX_POLICY_VERSION_LENGTH} characters, no line breaks or other control characters`),
      ),
      undefined,
      'The version of the policy shown, when `policy` is a URL (e.g. its date, "2025-01-15"). Recorded with each consent.',
    ),
    policyMaterial: setting(v.boolean('true or false'), undefined, 'With policyVersion: true when that version is a material change, so consent given under another version no longer counts.'),
    privacyPolicyUrl: setting(Url, undefined, 'Where the banner links to the privacy policy.'),
    cookiePolicyUrl: setting(Url, undefined, 'Where the banner links to the cookie policy or declaration.'),
    googleConsentMode: setting(
      v.union(
        [
          v.boolean(),
          section(
            {
              enabled: setting(v.boolean('true or false'), true, 'false sends no Consent Mode signals.'),
              mapping: setting(ConsentModeMapping, undefined, 'Category id → the Consent Mode types it grants (e.g. { "analytics": ["analytics_storage"] }).'),
            },
            'an object: { enabled?, mapping? }',
          ),
        ],
        'true, false or { enabled?, mapping? }',
      ),
      true,
      'Google Consent Mode v2: true (the default mapping), false, or { enabled, mapping }.',
    ),
    respectGpc: setting(v.boolean('true or false'), true, 'A Global Privacy Control signal from the browser keeps marketing off until the visitor turns it on.'),
    theme: setting(
      v.union(
        [
          oneOf(['light', 'dark', 'auto']),
          section(
            {
              scheme: setting(oneOf(['light', 'dark', 'auto']), 'auto', '"light", "dark", or "auto" (the visitor\'s system setting).'),
              preset: setting(oneOf(['default', 'minimal', 'contrast']), 'default', 'The look: "default", "minimal" or "contrast" (high contrast).'),
            },
            'an object: { scheme?, preset? }',
          ),
        ],
        '"light" | "dark" | "auto", or { scheme?, preset? }',
      ),
      'auto',
      'The colour scheme ("light", "dark", "auto"), or { scheme, preset } to pick a look as well.',
    ),
    layout: setting(oneOf(['bar', 'box']), 'box', 'The banner as a "bar" along the bottom, or a "box" in the corner.'),
    reopen: setting(
      v.union(
        [
          v.literal(false),
          section(
            {
              position: setting(oneOf(['left', 'right']), 'left', 'The bottom corner the button sits in.'),
              offset: setting(
                section(
                  {
                    x: setting(ReopenOffset, 16, 'Pixels from the side, 0 to 400.'),
                    y: setting(ReopenOffset, 16, 'Pixels from the bottom, 0 to 400.'),
                  },
                  'an object: { x?, y? }',
                ),
                () => ({ x: 16, y: 16 }),
                'How far the button sits from its corner, in pixels.',
              ),
            },
            'an object: { position?, offset? }',
          ),
        ],
        'false or { position?: "left" | "right", offset?: { x?, y? } }',
      ),
      () => ({ position: 'left', offset: { x: 16, y: 16 } }),
      'The button that reopens the preferences after a decision: false for none (then link to them with data-samtykke-open).',
    ),
    financialYearEnd: setting(
      v.pipe(v.string('a date as "MM-DD"'), v.regex(/^\d\d-\d\d$/, 'a date as "MM-DD"'), v.check(isMonthDay, 'a date as "MM-DD"')),
      '06-30',
      'The last day of the financial year, "MM-DD"; the policy\'s retention example counts from it.',
    ),
    reloadOnWithdraw: setting(v.boolean('true or false'), false, 'Reload the page after a withdrawal, since a script that already ran cannot be unloaded.'),
    texts: setting(
      section(
        Object.fromEntries(LANGUAGES.map((code) => [code, textOverrides(code)])) as Record<LanguageCode, ReturnType<typeof textOverrides>>,
        'an object: language code → texts',
      ),
      () => ({}),
      'Per language code, any of the widget\'s texts to replace ({ "da": { "banner": { "title": "…" } } }).',
    ),
    categories: setting(
      v.array(withFallback(Category, undefined), 'an array of categories'),
      undefined,
      'The purposes a visitor can allow or refuse, each with its services. Without it: necessary, functional, analytics, marketing.',
    ),
    cookie: setting(CookieSettings, () => v.parse(CookieSettings, {}), 'Where and for how long the consent cookie lives.'),
    controller: setting(
      section(
        {
          name: setting(v.string('a string'), undefined, 'The data controller\'s name.'),
          cvr: setting(v.string('a string'), undefined, 'The company registration number (CVR).'),
          address: setting(v.string('a string'), undefined, 'The postal address.'),
          email: setting(v.string('a string'), undefined, 'The e-mail address for privacy questions.'),
          phone: setting(v.string('a string'), undefined, 'The phone number.'),
        },
        'an object: { name?, cvr?, address?, email?, phone? }',
      ),
      () => ({}),
      'The data controller, whose details fill the privacy policy\'s blanks.',
    ),
  },
  'an object',
);

/** The config as valibot reads it: defaults filled in, bad keys replaced by their defaults. */
export type ParsedConfig = v.InferOutput<typeof ConfigSchema>;
