/**
 * Which policy version a consent is given under, without loading the policy text into the
 * first-layer bundle: only the shipped document's top-level `version` and `material` keys are
 * imported, and rollup's JSON plugin (preferConst, named exports) drops the rest.
 */
import { material as defaultMaterial, version as defaultVersion } from '../../locales/policy.da.json';
import type { SamtykkeConfig } from './config.js';

/** The shipped Danish policy's version (its "Senest opdateret" date). */
export const DEFAULT_POLICY_VERSION: string = defaultVersion;

// The cookie refuses a policy version above 64 characters, so a longer one would ask again on every page.
const isVersion = (v: unknown): v is string => typeof v == 'string' && !!v.trim() && v.length < 65;

/**
 * The version consent is given under and whether it is a material change (earlier consent no
 * longer counts): from `config.policy` when it is a document, else `policyVersion`, else the
 * shipped policy's. A policy given as a URL is not loaded by the first layer, so its material
 * flag comes from `policyMaterial` beside `policyVersion`.
 */
export function policyVersionOf(config: SamtykkeConfig): { version: string; material: boolean } {
  const doc = config.policy as { version?: unknown; material?: unknown } | undefined;
  if (doc && typeof doc === 'object' && isVersion(doc.version)) return { version: doc.version, material: doc.material === true };
  if (config.policyVersion) return { version: config.policyVersion, material: config.policyMaterial === true };
  return { version: DEFAULT_POLICY_VERSION, material: defaultMaterial === true };
}
