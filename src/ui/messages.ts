/**
 * The UI's strings. Danish and English come with the UI file; every other shipped language is
 * a file of its own beside it, fetched only when that language is chosen (`loadMessages`).
 */
import da from '../../locales/ui.da.json';
import en from '../../locales/ui.en.json';
import type { Language } from '../core/config.js';
import type { Messages } from '../core/i18n.js';

export type { Messages };

/** The languages whose strings are in the UI file itself. */
const BUILT_IN: Partial<Record<Language, Messages>> = { da, en };

/** Where a further language's strings come from: `src/ui.ts` and the policy entry each set one. */
export type LanguageSource = (language: Language) => Promise<{ default: unknown }> | undefined;

let source: LanguageSource = () => undefined;

/** Sets where `loadMessages` fetches the languages that are not built in. */
export function setLanguageSource(next: LanguageSource): void {
  source = next;
}

/** Merges a site owner's overrides into the shipped strings; keys the shipped strings lack are ignored. */
function merge<T>(base: T, override: unknown): T {
  if (typeof base === 'string') return (typeof override === 'string' ? override : base) as T;
  const out = { ...(base as Record<string, unknown>) };
  for (const key of Object.keys(out))
    if (override !== null && typeof override === 'object' && Object.hasOwn(override, key))
      out[key] = merge(out[key], (override as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * The strings of a language whose file is already here (Danish, English, or one loaded before),
 * with the site owner's overrides applied; Danish for any other.
 */
export function messagesFor(language: string, overrides?: object): Messages {
  const base = BUILT_IN[language as Language] ?? da;
  return overrides ? merge(base, overrides) : base;
}

/**
 * The strings of any shipped language, fetching its file the first time; Danish strings when
 * the file cannot be had (the network, a CSP), with the reason on the console.
 */
export async function loadMessages(language: Language, overrides?: object): Promise<Messages> {
  if (!BUILT_IN[language]) {
    try {
      const file = await source(language);
      if (file) BUILT_IN[language] = merge(da, file.default);
    } catch (error) {
      console.error(`Samtykke: the "${language}" strings could not be loaded; showing Danish.`, error);
    }
  }
  return messagesFor(language, overrides);
}
