/**
 * The layers: mounts the banner, the preference centre and the reopen button, and follows the
 * store. Elements only ask (intent events the controller turns into store calls); this module
 * decides what is shown and announces it as `samtykke-show` / `samtykke-hide` with
 * `detail: { layer: 'banner' | 'preferences' }`.
 */
import type { Layers, SamtykkeController } from '../controller.js';
import { defineElements } from '../components/registry.js';
import { uiDefaults } from '../components/samtykke-element.js';
import type { SamtykkeBanner } from '../components/banner/banner.js';
import type { SamtykkePreferences } from '../components/preferences/preferences.js';
import type { SamtykkeReopen } from '../components/reopen/reopen.js';
import { loadMessages } from './messages.js';

/** Resolves once `document.body` exists (a script in `<head>` with `async` can run before it). */
const bodyReady = () =>
  document.body ? Promise.resolve() : new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));

/**
 * Shows the banner while no consent is stored, the reopen button once there is one, the
 * preference centre on request (the banner's "Tilpas", the reopen button, any element with
 * `data-samtykke-open`, or the API), and closes and confirms on every decision.
 */
export async function mountLayers(ctrl: SamtykkeController): Promise<Layers> {
  const { store, config } = ctrl;
  const messages = await loadMessages(ctrl.language, config.texts[ctrl.language]);
  Object.assign(uiDefaults, { messages, lang: ctrl.language, theme: config.theme, preset: config.themePreset });
  ctrl.shownTexts = messages;
  defineElements();
  await bodyReady();

  let banner: SamtykkeBanner | null = null;
  let reopen: SamtykkeReopen | null = null;
  let ownReopen = false;
  // Opened from the banner: closing the centre without a decision brings the banner back.
  let bannerWaiting = false;

  const add = <K extends 'samtykke-banner' | 'samtykke-preferences' | 'samtykke-reopen'>(tag: K, where: 'start' | 'end' = 'end') => {
    const el = document.createElement(tag);
    if (where === 'start') document.body.prepend(el);
    else document.body.append(el);
    return el;
  };

  // Mounted up front: its role="status" region must exist before a decision is announced in it.
  const preferences = add('samtykke-preferences');
  preferences.categories = config.categories;
  preferences.controllerName = config.controller.name;

  const showBanner = () => {
    if (banner) {
      banner.hidden = false;
      return;
    }
    // First in <body>: the keyboard reaches the banner before the page's own links.
    banner = add('samtykke-banner', 'start');
    banner.categories = config.categories;
    banner.layout = config.layout;
    banner.policyUrl = config.privacyPolicyUrl;
    banner.controllerName = config.controller.name;
    if (!config.reopen) banner.messages = { ...messages, banner: { ...messages.banner, withdraw: messages.banner.withdrawLink } };
    ctrl.emit('show', { layer: 'banner' });
  };

  const hideBanner = () => {
    if (!banner) return;
    banner.remove();
    banner = null;
    bannerWaiting = false;
    ctrl.emit('hide', { layer: 'banner' });
  };

  // A page-placed <samtykke-reopen> is used as it is; ours comes after a decision.
  const showReopen = (ours: boolean) => {
    const own = document.querySelector('samtykke-reopen');
    if (reopen || (!own && !(ours && config.reopen))) return;
    if (own) {
      // Defined before this page's language and look were known: given them now.
      reopen = Object.assign(own, { messages, lang: ctrl.language, theme: config.theme, preset: config.themePreset });
    } else if (config.reopen) {
      reopen = add('samtykke-reopen');
      ownReopen = true;
      reopen.position = config.reopen.position;
      reopen.style.setProperty('--_x', `${config.reopen.offset.x}px`);
      reopen.style.setProperty('--_y', `${config.reopen.offset.y}px`);
    }
  };

  const showPreferences = () => {
    if (preferences.open) return;
    preferences.consent = store.consent;
    preferences.gpc = store.gpc && config.respectGpc && !store.consent;
    // One layer at a time: the banner steps aside while the centre is open.
    if (banner && !banner.hidden) {
      bannerWaiting = true;
      banner.hidden = true;
    }
    void preferences.show();
    ctrl.emit('show', { layer: 'preferences' });
  };

  preferences.addEventListener('close', () => {
    ctrl.emit('hide', { layer: 'preferences' });
    // Where the centre could not give the focus back (its opener hidden or gone), it is put here.
    const at = document.activeElement;
    const lost = at === preferences || at === document.body;
    if (banner && bannerWaiting) {
      // No decision: the banner is back; opened from it, its customise button has the focus again.
      bannerWaiting = false;
      banner.hidden = false;
      if (lost) banner.shadowRoot?.querySelector<HTMLElement>('[part=customise]')?.focus();
      return;
    }
    // The opener is gone (the banner after a decision): the reopen button takes the focus.
    if (lost) reopen?.focus();
  });

  // Any decision, from any source: the layers follow what the store now holds. A decision made
  // in our own elements is shown first, before the store has it (see the controller).
  const settle = () => {
    const hadFocus = !!banner && (document.activeElement === banner || bannerWaiting);
    hideBanner();
    showReopen(true);
    preferences.confirm();
    if (hadFocus) void reopen?.updateComplete.then(() => reopen?.focus());
  };
  store.addEventListener('change', settle);

  showReopen(!!store.consent);
  if (!store.consent) showBanner();
  return {
    showBanner,
    showPreferences,
    settle,
    stop() {
      store.removeEventListener('change', settle);
      for (const el of [banner, preferences, ownReopen && reopen]) if (el) el.remove();
    },
  };
}
