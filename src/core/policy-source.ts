/**
 * Where a policy document comes from: the shipped defaults, a site owner's object, or a URL.
 * Each source is validated once and its problems reported once (one console message per
 * document), however many elements or renders use it.
 */
import type { Language } from './config.js';
import da from '../../locales/policy.da.json';
import en from '../../locales/policy.en.json';
import { reportPolicyProblems, validatePolicy, type PolicyDocument } from './policy.js';

const DEFAULTS = { da, en } as unknown as Record<Language, PolicyDocument>;

/** The shipped policy in a language (the seed's Danish text, or its English translation). */
/** The shipped policy in Danish or English; every other language gets the English text (see the policy element). */
export const defaultPolicy = (language: Language): PolicyDocument => DEFAULTS[language as keyof typeof DEFAULTS] ?? DEFAULTS.en;

const checked = new WeakMap<object, PolicyDocument | null>();

/**
 * A site owner's document object, validated; `null` when unusable. Problems are logged the
 * first time this object is seen.
 */
export function checkPolicy(input: object): PolicyDocument | null {
  if (checked.has(input)) return checked.get(input)!;
  const { document, problems } = validatePolicy(input);
  reportPolicyProblems(problems, 'config.policy');
  checked.set(input, document);
  return document;
}

const loads = new Map<string, Promise<PolicyDocument | null>>();

/**
 * Fetches and validates the document at `url` (once per URL per page). Resolves to `null`
 * (never rejects) when it cannot be loaded or used; the reason is logged once.
 */
export function loadPolicy(url: string): Promise<PolicyDocument | null> {
  let load = loads.get(url);
  if (!load) {
    load = (async () => {
      try {
        const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const { document, problems } = validatePolicy(await response.json());
        reportPolicyProblems(problems, url);
        return document;
      } catch (error) {
        console.warn(`Samtykke: could not load the policy document from ${url} (${error instanceof Error ? error.message : String(error)}); showing the default policy.`);
        return null;
      }
    })();
    loads.set(url, load);
  }
  return load;
}
