/**
 * Which policy version a consent is given under, without loading the policy text into the
 * first-layer bundle.
 */
import type { SamtykkeConfig } from './config.js';

/** The shipped Danish policy's version (its "Senest opdateret" date). */
export const DEFAULT_POLICY_VERSION = '2024-10-17';

/** The version and whether a change to it is material (asks for consent again). */
export function policyVersionOf(config: SamtykkeConfig): { version: string; material: boolean } {
  const doc = config.policy as { version?: unknown; material?: unknown } | undefined;
  if (doc && typeof doc === 'object' && typeof doc.version === 'string')
    return { version: doc.version, material: doc.material === true };
  return { version: config.policyVersion ?? DEFAULT_POLICY_VERSION, material: false };
}
