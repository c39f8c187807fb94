/**
 * The config after validation, as the widget reads it: every key present, every value checked.
 * What a site owner writes is `SamtykkeOptions` (options.ts).
 */

/** The languages the widget ships, by their language code. */
export const LANGUAGES = ['da', 'en', 'sv', 'nb', 'de', 'fi', 'nl', 'fr', 'es', 'it', 'pl', 'is'] as const;

/** A language the widget ships. */
export type Language = (typeof LANGUAGES)[number];

/** A text given once for all languages, or per language (`{ da: '…', en: '…' }`). */
export type Localized = string | Partial<Record<Language, string>>;

/** A decision a visitor can make; recorded as `method` in the cookie and `action` in events. */
export type Action = 'accept-all' | 'reject-all' | 'save' | 'withdraw' | 'accept-service';

/** A cookie a service sets, as the declaration lists it and the cleaner deletes it. */
export interface CookieInfo {
  name: string;
  /** Further names of the same cookie: a `*` glob (`_ga_*`) or a prefix (`^_ga_`); see `matchesCookiePattern`. */
  pattern?: string;
  domain?: string;
  path?: string;
  /** Missing when the config gives none (reported); the declaration shows it as missing. */
  purpose?: Localized;
  /** Missing when the config gives none (reported); the declaration shows it as missing. */
  duration?: Localized;
}

/** A third party (or the site itself) that processes data for a category. */
export interface ServiceConfig {
  id: string;
  /** The service's name; its id when the config gives no usable name (reported). */
  name: string;
  /** Missing when the config gives none (reported). */
  provider?: string;
  /** Missing when the config gives none (reported); the UI shows it as missing. */
  purpose?: Localized;
  /** A country outside the EU/EEA the data goes to, and the safeguard used. */
  transfer?: Localized;
  /** The provider's privacy policy; the embed placeholder and the declaration link to it. */
  privacyUrl?: string;
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

/** The colour scheme the layers use; `auto` follows the visitor's system. */
export type ThemeScheme = 'light' | 'dark' | 'auto';

/** The look of the layers beyond light and dark. */
export type ThemePreset = 'default' | 'minimal' | 'contrast';

/** The reopen button: which bottom corner, and how far from it (px). */
export interface ReopenSettings {
  position: 'left' | 'right';
  offset: { x: number; y: number };
}

/** The config after validation: every key present, every value checked. */
export interface SamtykkeConfig {
  revision: number;
  /** `auto` (the page's `<html lang>`, then the browser's), one language, or the languages the site offers. */
  language: Language | 'auto' | Language[];
  categories: CategoryConfig[];
  /**
   * Cookies of services the config gave but the widget could not list (a bad or repeated id, a
   * service past the limit, a service in a required category without `essential`): no consent
   * can name them, so every clean-up deletes them.
   */
  refusedCookies: CookieInfo[];
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
  theme: ThemeScheme;
  themePreset: ThemePreset;
  layout: 'bar' | 'box';
  reopen: false | ReopenSettings;
  financialYearEnd: string;
  /** Reload the page after a withdrawal, since a script that already ran cannot be unloaded. */
  reloadOnWithdraw: boolean;
}

/** One thing wrong with the site owner's config. */
export interface ConfigProblem {
  /** The key path, as `categories[2].services[0].id`. */
  path: string;
  /** A short, safe description of what was found. */
  found: string;
  /** What the key expects. */
  expected: string;
}
