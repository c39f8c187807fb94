/**
 * Google Consent Mode v2. Placeholder until the gating issue lands: it pushes nothing yet.
 */
import type { ConsentStore } from '../store.js';

/** Pushes `default` now and `update` on load and on each decision. */
export function startConsentMode(_store: ConsentStore): void {}
