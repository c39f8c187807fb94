/**
 * Samtykke's one Trusted Types policy, `samtykke`: the gate hands the text and source of the
 * gated scripts the page's own markup carried to the script elements it creates. Lit's own
 * policy, `lit-html`, covers the UI's templates. A page that enforces Trusted Types lists both
 * in its `trusted-types` directive.
 */

/** The two conversions the gate needs; nothing else is ever passed through the policy. */
export interface ScriptPolicy {
  createScript(text: string): string;
  createScriptURL(url: string): string;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScript(s: string): string; createScriptURL(s: string): string }): unknown;
}

let made: ScriptPolicy | undefined;
let tried = false;

/**
 * The policy, made on first use; `undefined` where the browser has no Trusted Types or the
 * page's CSP does not allow the name (then plain strings are tried, and refused only if the
 * page also requires Trusted Types).
 */
export function scriptPolicy(): ScriptPolicy | undefined {
  if (!tried) {
    tried = true;
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    try {
      // The gate only ever passes what the page's own markup held, so the rules pass it through.
      made = factory?.createPolicy('samtykke', { createScript: (s) => s, createScriptURL: (s) => s }) as ScriptPolicy | undefined;
    } catch {
      made = undefined;
    }
  }
  return made;
}
