/**
 * Global Privacy Control (COMPLIANCE 35). GPC is never consent: it only keeps marketing off
 * until the visitor decides, and its value is logged with every event (the store's `gpc`).
 */
import type { ConsentStore } from '../store.js';

/** `navigator.globalPrivacyControl === true` means "do not sell or share". */
export function readGpc(nav: Navigator = navigator): boolean {
  return (nav as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
}

/** The category GPC keeps off. */
export const GPC_CATEGORY = 'marketing';

/**
 * Whether GPC is being honoured now: the signal is on, `respectGpc` is not `false`, and the
 * visitor has made no choice yet. The preference centre then starts marketing off and says
 * why; an explicit choice afterwards (even accept-all) is the visitor's own and is honoured.
 */
export function gpcHonoured(store: Pick<ConsentStore, 'gpc' | 'config' | 'consent'>): boolean {
  return store.gpc && store.config.respectGpc && !store.consent;
}
