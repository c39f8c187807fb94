/**
 * Language choice and typed message lookup. Both languages ship in the first-layer bundle,
 * so switching never waits on the network.
 */
import type daFile from '../../locales/ui.da.json';
import * as da from '../../locales/ui.da.json';
import * as en from '../../locales/ui.en.json';
import type { Language, Localized } from './config.js';

/** Every user-visible string of the widget, shaped like `locales/ui.da.json`. */
export type Messages = typeof daFile;

/** Messages per language. */
export type Catalogue = Record<Language, Messages>;

// Only the sections the first layer reads, by name, so the JSON plugin leaves the cookie
// declaration's and the policy page's strings out of dist/samtykke.js (about 500 bytes gzip).
// Those two elements pass the full catalogue (`FULL_CATALOGUE` in i18n-full.ts) instead.
// Written as one literal of namespace members (not a helper taking the namespace), rollup
// inlines the sections and never builds the frozen namespace objects. In the files' order, which overrides keep.
// What no page shows at load is behind getters, whose strings and objects are made when first
// read: English on a Danish page, and the preference centre's, the cookie table's, the reopen
// button's and the placeholder's strings until those appear (JS heap: 1.8 KB for English,
// 1.7 KB for the rest; README, Benchmarks). A build plugin (build/inline-json.mjs) writes the
// JSON sections inside the getters; each read makes a fresh copy, which nothing compares.
const CATALOGUE = {
  da: {
    banner: da.banner,
    get preferences() {
      return da.preferences;
    },
    categories: da.categories,
    get cookies() {
      return da.cookies;
    },
    get reopen() {
      return da.reopen;
    },
    get embed() {
      return da.embed;
    },
  },
  get en() {
    return { banner: en.banner, preferences: en.preferences, categories: en.categories, cookies: en.cookies, reopen: en.reopen, embed: en.embed };
  },
} as Catalogue;

/**
 * The language to show: the configured one, else `<html lang>`, else the browser's
 * preferences, else Danish.
 */
export function resolveLanguage(
  setting: Language | 'auto',
  htmlLang: string = document.documentElement.lang,
  // Asked only when the page's own language does not settle it: reading `navigator` at all
  // costs the page 16 KB of JS heap (its interface), and most pages have a lang.
  browser: () => readonly string[] = () => navigator.languages ?? [navigator.language],
): Language {
  if (setting !== 'auto') return setting;
  // The primary subtag. Norwegian and Swedish readers get Danish before English: closer, and the site's own language.
  const primary = (tag: string) => /^(da|en|n[bno]|sv)(-|$)/i.exec(tag)?.[1].toLowerCase();
  const found = primary(htmlLang) ?? browser().map(primary).find(Boolean);
  return found == 'en' ? 'en' : 'da';
}

function merge<T>(base: T, override: unknown): T {
  if (typeof base === 'string') return (typeof override === 'string' ? override : base) as T;
  const out = { ...(base as Record<string, unknown>) };
  // Object(): a missing or primitive override has no keys of its own, so the base stays.
  for (const key in out) if (Object.hasOwn(Object(override), key)) out[key] = merge(out[key], (override as Record<string, unknown>)[key]);
  return out as T;
}

/** The messages for a language with the site owner's overrides applied (unknown keys are ignored). */
export function messagesFor(language: Language, overrides?: object, catalogue: Catalogue = CATALOGUE): Messages {
  return overrides ? merge(catalogue[language], overrides) : catalogue[language];
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? params[key] : whole));
}

/** A config text in the given language, falling back to the other one. */
export function localize(text: Localized | undefined, language: Language): string {
  return typeof text === 'object' ? text[language] ?? text.da ?? text.en ?? '' : text ?? '';
}
