/**
 * Activates gated scripts and iframes. Placeholder until the gating issue lands: nothing
 * gated runs yet, which is the safe side.
 */
import type { ConsentStore } from './store.js';

/** Starts gating the document; returns a function that stops watching it. */
export function startGate(_store: ConsentStore, _root: Document = document): () => void {
  return () => {};
}
