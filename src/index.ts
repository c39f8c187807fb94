/**
 * The npm entry: side-effect free. Import `samtykke/define.js` to register the first-layer
 * elements and `samtykke/policy.js` the policy-page ones, or use `init()` to run the whole
 * widget as the script tag does (your bundler splits the UI into a chunk of its own, loaded
 * only when a layer must show).
 */
import { createApi, type SamtykkeApi } from './api.js';
import type { SamtykkeOptions } from './core/config.js';

export * from './core/config.js';
export * from './core/record.js';
export * from './core/store.js';
export * from './core/cookie-storage.js';
export * from './core/i18n.js';
export * from './core/text-hash.js';
export { messagesFor, loadMessages, type LayerMessages } from './ui/messages.js';
export { pageMessagesFor } from './components/page-messages.js';
export { SamtykkeController, type Layers, type LayerLoader } from './controller.js';
export { SamtykkeBanner } from './components/banner/banner.js';
export { SamtykkePreferences } from './components/preferences/preferences.js';
export { SamtykkeReopen } from './components/reopen/reopen.js';
export { SamtykkeEmbed } from './components/embed/embed.js';
export { SamtykkePrivacyPolicy } from './components/privacy-policy/privacy-policy.js';
export { SamtykkeCookieDeclaration } from './components/cookie-declaration/cookie-declaration.js';
export * from './core/policy.js';
export { VERSION as version } from './version.js';
export type { SamtykkeApi, SamtykkeEventMap, SamtykkeEventName, SamtykkeEventDetail } from './api.js';

let api: SamtykkeApi | null = null;

/** Starts Samtykke on this page (once) and returns its API, the same object as `window.Samtykke`. */
export function init(options?: SamtykkeOptions): SamtykkeApi {
  const w = window as unknown as { Samtykke?: SamtykkeApi };
  api = api ?? w.Samtykke ?? createApi(async (ctrl) => (await import('./ui.js')).mountLayers(ctrl));
  w.Samtykke = api;
  api.init(options);
  return api;
}
