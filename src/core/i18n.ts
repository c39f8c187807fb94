/**
 * Which language the widget speaks, and the small text helpers every part shares. The strings
 * themselves are not here: they load with the UI (`src/ui/messages.ts`), so the core that every
 * page view runs carries none.
 */
import type daFile from '../../locales/ui.da.json';
import { LANGUAGES, type Language, type Localized } from './config/types.js';

/** Every user-visible string of the widget, shaped like `locales/ui.da.json`. */
export type Messages = typeof daFile;

/** A language tag's shipped language: its primary subtag, with Norwegian's three codes as Bokmål. */
function shippedLanguage(tag: string, offered: readonly Language[]): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  const code = primary === 'nn' || primary === 'no' ? 'nb' : primary;
  return offered.find((language) => language === code);
}

/**
 * The language to show. A configured language wins. With `"auto"` (or a list of the languages
 * the site offers), the first of `<html lang>` and then the browser's languages that is offered
 * wins; else Danish, or the first language the site offers when Danish is not among them.
 */
export function resolveLanguage(
  setting: Language | 'auto' | readonly Language[],
  htmlLang: string = document.documentElement.lang,
  browser: () => readonly string[] = () => navigator.languages ?? [navigator.language],
): Language {
  if (typeof setting === 'string' && setting !== 'auto') return setting;
  const offered: readonly Language[] = typeof setting === 'string' ? LANGUAGES : setting;
  const found = (htmlLang && shippedLanguage(htmlLang, offered)) || browser().map((tag) => shippedLanguage(tag, offered)).find(Boolean);
  return found ?? (offered.includes('da') ? 'da' : offered[0]);
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? params[key] : whole));
}

/** A config text in the visitor's language, else English, else Danish, else any language it has. */
export function localize(text: Localized | undefined, language: string): string {
  if (typeof text !== 'object' || text === null) return text ?? '';
  const byLanguage = text as Record<string, string | undefined>;
  return byLanguage[language] ?? byLanguage.en ?? byLanguage.da ?? Object.values(byLanguage).find((t) => typeof t === 'string') ?? '';
}
