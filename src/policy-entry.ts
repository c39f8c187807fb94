/**
 * The policy-page entry (`dist/samtykke-policy.js`): the privacy-policy and
 * cookie-declaration elements, kept out of the first-layer bundle. Filled in by the
 * policy issue.
 */
export {};
