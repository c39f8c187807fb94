/**
 * Delivers consent events to the configured endpoint. Placeholder until the consent-log
 * issue lands: events stay on the page (`samtykke-change`), nothing is sent.
 */
import type { ConsentStore } from './store.js';

/** Starts delivering the store's consent events to `endpoint`. */
export function startTransport(_store: ConsentStore, _endpoint: string): void {}
