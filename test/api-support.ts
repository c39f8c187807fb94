// What test/api.test.ts, test/controller.test.ts and test/embed.test.ts share: a shop's config,
// a fresh API with stub layers, and clean-up of cookies and elements between tests.
import { executeServerCommand } from '@web/test-runner-commands';
import { createApi, type SamtykkeApi } from '../src/api.js';
import type { SamtykkeOptions } from '../src/core/config.js';
import { messagesFor } from '../src/ui/messages.js';
import type { SamtykkeController } from '../src/controller.js';

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const SHOP: SamtykkeOptions = {
  revision: 2,
  language: 'da',
  policyVersion: '2025-02-01',
  categories: [
    { id: 'necessary', required: true },
    { id: 'analytics', services: [{ id: 'ga', name: 'Google Analytics', provider: 'Google', purpose: 'Måling' }] },
    { id: 'marketing', services: [{ id: 'meta', name: 'Meta Pixel', provider: 'Meta', purpose: 'Annoncer' }] },
  ],
};

export type Api = SamtykkeApi & { readonly controller: SamtykkeController | null };
type Jar = Array<{ name: string; path: string }>;
export const jar = () => executeServerCommand<Jar, undefined>('getCookies');

export function stubConsole(method: 'error' | 'warn') {
  const original = console[method];
  const calls: unknown[][] = [];
  console[method] = (...args: unknown[]) => void calls.push(args);
  return { calls, restore: () => (console[method] = original) };
}

/** Counts events of a type on the document until `stop`. */
export function count(type: string) {
  const seen: CustomEvent[] = [];
  const listener = (e: Event) => seen.push(e as CustomEvent);
  document.addEventListener(type, listener);
  return { seen, stop: () => document.removeEventListener(type, listener) };
}

export function removeSamtykkeElements() {
  for (const el of document.querySelectorAll('*')) if (el.localName.startsWith('samtykke-')) el.remove();
}

export async function clearCookies() {
  for (const c of await jar()) document.cookie = `${c.name}=; path=${c.path}; max-age=0`;
}

export const apis: Api[] = [];
/** What the stub layers were asked to show, in order; emptied before each test. */
export const layerCalls: string[] = [];

/**
 * A fresh API whose layers are a stub: these tests are about state and events, not the banner's
 * DOM. Like the real UI, the stub says which texts it shows (the text fingerprint's source).
 */
export function makeApi(): Api {
  const api = createApi((ctrl) => {
    ctrl.shownTexts = messagesFor(ctrl.language, ctrl.config.texts[ctrl.language]);
    return {
    showBanner: () => void layerCalls.push('banner'),
    showPreferences: () => void layerCalls.push('preferences'),
    settle: () => void layerCalls.push('settle'),
    };
  });
  apis.push(api);
  return api;
}

/** The page's next load: the old controller stops listening, a new API reads the cookie. */
export function reload(api: Api): Api {
  api.controller?.stop();
  return makeApi();
}
