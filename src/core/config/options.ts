/**
 * The config as a site owner writes it: every key optional, each documented, so an editor
 * completes and checks it. `resolveConfig` turns it into a `SamtykkeConfig`. A type test
 * (test/types) keeps it equal to what the schema accepts.
 */
import type { Messages } from '../i18n.js';
import type { ConsentModeType, Language, Localized } from './types.js';

/** Any part of a nested object. */
type DeepPartial<T> = T extends string ? string : { [K in keyof T]?: DeepPartial<T[K]> };

/** A cookie a service sets. */
export interface CookieOptions {
  /** The cookie's name, as the browser shows it. A cookie without one cannot be listed or deleted. */
  name?: string;
  /** Further names of the same cookie: a glob with `*` (`"_ga_*"`, `"*_session"`) or a prefix (`"^_ga_"`). */
  pattern?: string;
  /** The domain the cookie is set on, if not the page's host (`".example.dk"`). Used to delete it. */
  domain?: string;
  /** The path the cookie is set on, if not `"/"`. Used to delete it. */
  path?: string;
  /** What the cookie is for, as the cookie declaration lists it. */
  purpose?: Localized;
  /** How long the cookie lives (`"2 years"`, `"Session"`). */
  duration?: Localized;
}

/** A third party (or the site itself) that processes data for a category. */
export interface ServiceOptions {
  /** A unique id among all categories and services; gated markup names it in `data-samtykke-service`. */
  id?: string;
  /** The service's name as visitors see it (`"Google Analytics"`). */
  name?: string;
  /** Who runs the service (`"Google Ireland Ltd."`). */
  provider?: string;
  /** What the service does with the data, in a sentence. */
  purpose?: Localized;
  /** A country outside the EU/EEA the data goes to, and the safeguard used. */
  transfer?: Localized;
  /** The provider's privacy policy; the embed placeholder and the cookie declaration link to it. */
  privacyUrl?: string;
  /** In a required category: `true`, with a `reason`, for a service the site cannot work without. */
  essential?: boolean;
  /** In a required category: why the service is strictly necessary. */
  reason?: Localized;
  /** The cookies the service sets: listed in the declaration, deleted when the service is refused. */
  cookies?: CookieOptions[];
}

/** A purpose the visitor can allow or refuse as a whole. */
export interface CategoryOptions {
  /** A unique id; `necessary`, `functional`, `analytics` and `marketing` get built-in titles and descriptions. */
  id?: string;
  /** Always on; the visitor cannot refuse it. Defaults to `true` for `necessary`, else `false`. */
  required?: boolean;
  /** The title shown instead of the built-in one. */
  title?: Localized;
  /** The description shown instead of the built-in one. */
  description?: Localized;
  /** The services that process data for this purpose. */
  services?: ServiceOptions[];
}

/** The config a site owner gives `init()`, `window.samtykkeConfig` or the JSON config block. */
export interface SamtykkeOptions {
  /** The JSON Schema this config follows, for editors (`samtykke.config.schema.json`); the widget ignores it. */
  $schema?: string;
  /** The config's revision (default 1). Raise it to ask every visitor again. */
  revision?: number;
  /** `"auto"` (the page's `<html lang>`, then the browser's; the default), one language, or the languages the site offers. */
  language?: 'auto' | Language | Language[];
  /** The consent log's URL, which every decision is POSTed to. */
  endpoint?: string;
  /** The privacy policy: a URL of a policy document, or the document itself. */
  policy?: string | Record<string, unknown>;
  /** The version of the policy shown, when `policy` is a URL (1 to 64 characters, no line breaks). */
  policyVersion?: string;
  /** With `policyVersion`: that version is a material change, so consent given under another no longer counts. */
  policyMaterial?: boolean;
  /** Where the banner links to the privacy policy. */
  privacyPolicyUrl?: string;
  /** Where the banner links to the cookie policy or declaration. */
  cookiePolicyUrl?: string;
  /** Google Consent Mode v2: `true` (the default mapping; the default), `false`, or `{ enabled, mapping }`. */
  googleConsentMode?:
    | boolean
    | {
        /** `false` sends no Consent Mode signals (default `true`). */
        enabled?: boolean;
        /** Category id → the Consent Mode types it grants. */
        mapping?: Record<string, ConsentModeType[]>;
      };
  /** A Global Privacy Control signal keeps marketing off until the visitor turns it on (default `true`). */
  respectGpc?: boolean;
  /** The colour scheme (default `"auto"`), or `{ scheme, preset }` to pick a look as well. */
  theme?:
    | 'light'
    | 'dark'
    | 'auto'
    | {
        /** `"light"`, `"dark"`, or `"auto"` (the visitor's system setting; the default). */
        scheme?: 'light' | 'dark' | 'auto';
        /** The look: `"default"`, `"minimal"` or `"contrast"` (high contrast). */
        preset?: 'default' | 'minimal' | 'contrast';
      };
  /** The banner as a `"bar"` along the bottom, or a `"box"` in the corner (the default). */
  layout?: 'bar' | 'box';
  /** The button that reopens the preferences after a decision, or `false` for none. */
  reopen?:
    | false
    | {
        /** The bottom corner the button sits in (default `"left"`). */
        position?: 'left' | 'right';
        /** How far the button sits from its corner, in pixels (0 to 400; default 16 each). */
        offset?: {
          /** Pixels from the side. */
          x?: number;
          /** Pixels from the bottom. */
          y?: number;
        };
      };
  /** The last day of the financial year, `"MM-DD"` (default `"06-30"`); the policy's retention example counts from it. */
  financialYearEnd?: string;
  /** Reload the page after a withdrawal, since a script that already ran cannot be unloaded (default `false`). */
  reloadOnWithdraw?: boolean;
  /** Per language code, any of the widget's texts to replace. */
  texts?: Partial<Record<Language, DeepPartial<Messages>>>;
  /** The purposes a visitor can allow or refuse. Without it: necessary, functional, analytics, marketing. */
  categories?: CategoryOptions[];
  /** Where and for how long the consent cookie lives. */
  cookie?: {
    /** The consent cookie's name (default `"samtykke"`). */
    name?: string;
    /** Set the cookie on this domain (`".example.dk"`) to share consent across subdomains; else host-only. */
    domain?: string;
    /** The consent cookie's path (default `"/"`). */
    path?: string;
    /** The cookie's SameSite attribute (default `"Lax"`); `"None"` is always Secure. */
    sameSite?: 'Lax' | 'Strict' | 'None';
    /** Days a consent that allows something lasts (default 365; at most 395). */
    expiresDays?: number;
    /** Days a refusal lasts before the banner asks again (default 182; at most 395). */
    rejectExpiresDays?: number;
  };
  /** The data controller, whose details fill the privacy policy's blanks. */
  controller?: {
    /** The data controller's name. */
    name?: string;
    /** The company registration number (CVR). */
    cvr?: string;
    /** The postal address. */
    address?: string;
    /** The e-mail address for privacy questions. */
    email?: string;
    /** The phone number. */
    phone?: string;
  };
}
