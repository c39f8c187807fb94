/**
 * The strings the layers show (banner, preference centre, reopen button, placeholder). Danish
 * and English come with the UI file; every other shipped language is a file of its own beside
 * it, fetched only when that language is chosen (`loadMessages`). The policy page's strings
 * (declaration, policy, history) are not here: they come with the policy bundle.
 */
import * as da from '../../locales/ui.da.json';
import * as en from '../../locales/ui.en.json';
import type { Language } from '../core/config.js';
import type { Messages } from '../core/i18n.js';

/** The sections of `locales/ui.*.json` the layers read. */
export type LayerMessages = Pick<Messages, 'banner' | 'preferences' | 'categories' | 'cookies' | 'reopen' | 'embed'>;

/** Only the layers' sections of a locale file: the JSON's other sections stay out of the UI file. */
const layers = (file: typeof da): LayerMessages => ({
  banner: file.banner,
  preferences: file.preferences,
  categories: file.categories,
  cookies: file.cookies,
  reopen: file.reopen,
  embed: file.embed,
});

/** The languages whose strings are here, built in or loaded. */
const known: Partial<Record<Language, LayerMessages>> = { da: layers(da), en: layers(en as typeof da) };

/** Where a further language's strings come from: `src/ui.ts` sets its sibling chunks. */
export type LanguageSource = (language: Language) => Promise<{ default: unknown }> | undefined;

let source: LanguageSource = () => undefined;

/** Sets where `loadMessages` fetches the languages that are not built in. */
export function setLanguageSource(next: LanguageSource): void {
  source = next;
}

/** Merges overrides into shipped strings; keys the shipped strings lack, and non-strings, are ignored. */
export function mergeMessages<T>(base: T, override: unknown): T {
  if (typeof base === 'string') return (typeof override === 'string' ? override : base) as T;
  const out = { ...(base as Record<string, unknown>) };
  for (const key of Object.keys(out))
    if (override !== null && typeof override === 'object' && Object.hasOwn(override, key))
      out[key] = mergeMessages(out[key], (override as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * The layers' strings in a language that is already here (Danish, English, or one loaded
 * before), with the site owner's overrides applied; Danish for any other.
 */
export function messagesFor(language: string, overrides?: object): LayerMessages {
  const base = known[language as Language] ?? known.da!;
  return overrides ? mergeMessages(base, overrides) : base;
}

/**
 * The layers' strings in any shipped language, fetching its file the first time; Danish when
 * the file cannot be had (the network, a CSP), with the reason on the console.
 */
export async function loadMessages(language: Language, overrides?: object): Promise<LayerMessages> {
  if (!known[language]) {
    try {
      const file = await source(language);
      // Each key falls back to Danish, so a file missing one still shows a whole layer.
      if (file) known[language] = mergeMessages(known.da!, file.default);
    } catch (error) {
      console.error(`Samtykke: the "${language}" strings could not be loaded; showing Danish.`, error);
    }
  }
  return messagesFor(language, overrides);
}
