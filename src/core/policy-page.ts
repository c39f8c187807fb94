/**
 * What the policy-page elements read from the page: the config in force and the visitor's
 * consent. They run beside `dist/samtykke.js` (or without it), so they read the same sources
 * it does and never write anything.
 */
import { resolveConfig, type SamtykkeConfig } from './config.js';
import { CookieStorage } from './cookie-storage.js';
import { policyVersionOf } from './policy-version.js';
import { parseRecord, type ConsentRecord } from './record.js';

interface RunningSamtykke {
  getConsent?: () => ConsentRecord | null;
  controller?: { config?: SamtykkeConfig } | null;
}

const running = () => (window as unknown as { Samtykke?: RunningSamtykke }).Samtykke;

/**
 * The raw config of the page: the running controller's, else the `#samtykke-config` JSON
 * block, else `window.samtykkeConfig`, else `undefined`. A block that is not JSON counts as
 * absent (the first-layer script reports it).
 */
export function readPageConfig(): unknown {
  const started = running()?.controller?.config;
  if (started) return started;
  const block = document.getElementById('samtykke-config');
  if (block) {
    try {
      return JSON.parse(block.textContent || '');
    } catch {
      return undefined;
    }
  }
  return (window as { samtykkeConfig?: unknown }).samtykkeConfig;
}

const resolved = new WeakMap<object, SamtykkeConfig>();

/**
 * A validated config from an element's `config` property, or from the page when it has none.
 * Problems are not reported here: `dist/samtykke.js` reports the same config's problems once.
 */
export function configFor(input: unknown): SamtykkeConfig {
  const raw = input ?? readPageConfig();
  if (raw && typeof raw === 'object') {
    let config = resolved.get(raw);
    if (!config) resolved.set(raw, (config = resolveConfig(raw).config));
    return config;
  }
  return resolveConfig(raw).config;
}

/**
 * The visitor's current consent: from `window.Samtykke` when it runs on the page, else read
 * from the cookie by the same rules the store applies (revision, expiry, material policy change).
 */
export function currentConsent(config: SamtykkeConfig): ConsentRecord | null {
  const api = running();
  if (api && api.controller && typeof api.getConsent === 'function') {
    try {
      return api.getConsent();
    } catch {
      return null;
    }
  }
  const { version, material } = policyVersionOf(config);
  try {
    return parseRecord(new CookieStorage(config.cookie).read(), {
      revision: config.revision,
      expiresDays: config.cookie.expiresDays,
      rejectExpiresDays: config.cookie.rejectExpiresDays,
      now: new Date(),
      policyVersion: material ? version : undefined,
    });
  } catch {
    // Cookies disabled: nothing stored, nothing consented.
    return null;
  }
}
