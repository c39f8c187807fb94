/**
 * Google Consent Mode v2 (COMPLIANCE 34): `default` before anything gated can run, `update`
 * on load when consent is stored and after every decision. Pushed in gtag form — `arguments`
 * objects on `dataLayer` — which is what Google's tags read.
 */
import { DEFAULT_CONSENT_MODE_MAPPING } from '../config.js';
import type { ConsentStore } from '../store.js';

type ConsentState = Record<string, unknown>;
type GtagWindow = { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };

/** The `gtag('consent', 'update', …)` state: a type is granted when any category mapped to it is allowed. */
export function consentModeState(store: ConsentStore): ConsentState {
  const state: ConsentState = {};
  for (const [category, types] of Object.entries(store.config.googleConsentMode.mapping))
    for (const type of types) state[type] = state[type] == 'granted' || store.hasConsent(category) ? 'granted' : 'denied';
  return state;
}

/**
 * Pushes `default` now and `update` on load (with stored consent) and on each decision.
 * Creates `dataLayer`, and `gtag` when the page has none, so Google tags loaded later find both.
 */
export function startConsentMode(store: ConsentStore, w: GtagWindow = window as GtagWindow): void {
  if (!store.config.googleConsentMode.enabled) return;
  w.dataLayer ||= [];
  w.gtag ||= function () {
    // Google's tags expect the Arguments object itself, not an array.
    // eslint-disable-next-line prefer-rest-params
    w.dataLayer!.push(arguments);
  };
  // Every type the default mapping knows starts denied, whatever the site's own mapping; security is always granted.
  const defaults: ConsentState = { security_storage: 'granted', wait_for_update: 500 };
  for (const type of Object.values(DEFAULT_CONSENT_MODE_MAPPING).flat()) defaults[type] = 'denied';
  w.gtag('consent', 'default', defaults);
  const update = () => w.gtag!('consent', 'update', consentModeState(store));
  if (store.consent) update();
  store.addEventListener('change', update);
}
