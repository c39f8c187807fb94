/**
 * The strings of the policy page's elements (privacy policy, cookie declaration, consent
 * history): every section of `locales/ui.*.json`, in the policy bundle.
 */
import da from '../../locales/ui.da.json';
import en from '../../locales/ui.en.json';
import type { Messages } from '../core/i18n.js';
import { mergeMessages } from '../ui/messages.js';

const BUILT_IN: Record<string, Messages> = { da, en };

/** A language's strings with the site owner's overrides; languages the bundle lacks get English. */
export function pageMessagesFor(language: string, overrides?: object): Messages {
  const base = BUILT_IN[language] ?? en;
  return overrides ? mergeMessages(base, overrides) : base;
}
