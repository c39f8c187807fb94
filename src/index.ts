/**
 * The npm entry: side-effect free. Import `samtykke/define.js` to register the first-layer
 * elements and `samtykke/policy.js` the policy-page ones, or use `init()` to run the whole
 * widget as the script tag does.
 */
import { createApi, type SamtykkeApi } from './api.js';
import { mountLayers } from './layers.js';

export * from './core/config.js';
export * from './core/record.js';
export * from './core/store.js';
export * from './core/cookie-storage.js';
export * from './core/i18n.js';
export * from './core/text-hash.js';
export { SamtykkeController } from './controller.js';
export { SamtykkeBanner } from './components/banner/banner.js';
export { SamtykkePreferences } from './components/preferences/preferences.js';
export { SamtykkeReopen } from './components/reopen/reopen.js';
export { SamtykkeEmbed } from './components/embed/embed.js';
export { SamtykkePrivacyPolicy } from './components/privacy-policy/privacy-policy.js';
export { SamtykkeCookieDeclaration } from './components/cookie-declaration/cookie-declaration.js';
export * from './core/policy.js';
export { VERSION as version } from './version.js';
export type { SamtykkeApi } from './api.js';

let api: SamtykkeApi | null = null;

/** Starts Samtykke on this page (once) and returns its API, the same object as `window.Samtykke`. */
export function init(config: unknown): SamtykkeApi {
  const w = window as unknown as { Samtykke?: SamtykkeApi };
  api = api ?? w.Samtykke ?? createApi(mountLayers);
  w.Samtykke = api;
  api.init(config);
  return api;
}
