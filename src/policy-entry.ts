/**
 * The policy-page entry (`dist/samtykke-policy.js`): registers `<samtykke-privacy-policy>` and
 * `<samtykke-cookie-declaration>`. The policy text lives here, not in the first-layer bundle.
 * Safe to load twice: an element already registered (by another copy) is left alone.
 */
import { SamtykkeCookieDeclaration } from './components/cookie-declaration/cookie-declaration.js';
import { SamtykkePrivacyPolicy } from './components/privacy-policy/privacy-policy.js';

for (const [name, element] of [
  ['samtykke-privacy-policy', SamtykkePrivacyPolicy],
  ['samtykke-cookie-declaration', SamtykkeCookieDeclaration],
] as const) {
  if (!customElements.get(name)) customElements.define(name, element);
}
