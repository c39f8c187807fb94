/**
 * The strings of the policy page's elements (privacy policy, cookie declaration, consent
 * history): every section of `locales/ui.*.json`. Danish and English are in the policy bundle;
 * another language is fetched the first time it is asked for, from the file the UI build
 * writes for it beside the bundle (`samtykke-ui.<lang>.js`, which holds the whole catalogue).
 */
import da from '../../locales/ui.da.json';
import en from '../../locales/ui.en.json';
import type { Messages } from '../core/i18n.js';
import { mergeMessages, type LanguageSource } from '../ui/messages.js';

const known: Record<string, Messages> = { da, en };
const loading = new Map<string, Promise<void>>();
let source: LanguageSource = () => undefined;

/** Sets where the policy page's elements fetch the languages the bundle does not hold. */
export function setPageLanguageSource(next: LanguageSource): void {
  source = next;
}

/**
 * A language's strings with the site owner's overrides. A language that is not here yet is
 * shown in English meanwhile, and fetched: `ready` is called once it has come.
 */
export function pageMessagesFor(language: string, overrides?: object, ready?: () => void): Messages {
  if (!known[language] && ready) void loadPageMessages(language).then(ready);
  const base = known[language] ?? en;
  return overrides ? mergeMessages(base, overrides) : base;
}

/** Fetches a language's strings once; on failure (the network, a CSP) English stays, with the reason on the console. */
function loadPageMessages(language: string): Promise<void> {
  let pending = loading.get(language);
  if (!pending) {
    pending = (async () => {
      try {
        const file = await source(language as Parameters<LanguageSource>[0]);
        if (file) known[language] = mergeMessages(da, file.default);
      } catch (error) {
        console.error(`Samtykke: the "${language}" strings could not be loaded; showing English.`, error);
      }
    })();
    loading.set(language, pending);
  }
  return pending;
}
