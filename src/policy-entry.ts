/**
 * The policy-page entry (`dist/samtykke-policy.js`): registers `<samtykke-privacy-policy>`,
 * `<samtykke-cookie-declaration>` and `<samtykke-consent-history>`. The policy text lives here, not in the first-layer bundle.
 * Safe to load twice: an element already registered (by another copy) is left alone.
 */
import { SamtykkeCookieDeclaration } from './components/cookie-declaration/cookie-declaration.js';
import { SamtykkePrivacyPolicy } from './components/privacy-policy/privacy-policy.js';
import { SamtykkeConsentHistory } from './components/consent-history/consent-history.js';
import { setPageLanguageSource } from './components/page-messages.js';

// Further languages come from the UI build's files beside this script.
setPageLanguageSource((language) => import(new URL(`samtykke-ui.${language}.js`, import.meta.url).href));

for (const [name, element] of [
  ['samtykke-privacy-policy', SamtykkePrivacyPolicy],
  ['samtykke-cookie-declaration', SamtykkeCookieDeclaration],
  ['samtykke-consent-history', SamtykkeConsentHistory],
] as const) {
  if (!customElements.get(name)) customElements.define(name, element);
}
