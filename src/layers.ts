/**
 * The UI controller: mounts the banner, the preference centre and the reopen button, and
 * follows the store. Elements only ask (intent events the controller turns into store
 * calls); this module decides what is shown and announces it as `samtykke-show` /
 * `samtykke-hide` with `detail: { layer: 'banner' | 'preferences' }`.
 */
import { emit, type SamtykkeController } from './controller.js';
import { defineElements } from './components/registry.js';
import type { SamtykkeBanner } from './components/banner/banner.js';
import type { SamtykkePreferences } from './components/preferences/preferences.js';
import type { SamtykkeReopen } from './components/reopen/reopen.js';

/** What the page can ask of the layers through the JS API. */
export interface Layers {
  showBanner(): void;
  showPreferences(): void;
  /** Shows that a decision was made: the banner goes, the reopen button comes, the centre closes and confirms. */
  settle(): void;
  /** Removes the layers and stops listening (a page that starts Samtykke again, and tests). */
  stop?(): void;
}

/**
 * Shows the banner while no consent is stored, the reopen button once there is one, the
 * preference centre on request (the banner's "Tilpas", the reopen button, any element with
 * `data-samtykke-open`, or the API), and closes and confirms on every decision.
 */
export function mountLayers(ctrl: SamtykkeController): Layers {
  defineElements();
  const { store, config } = ctrl;
  let banner: SamtykkeBanner | null = null;
  let reopen: SamtykkeReopen | null = null;
  let ownReopen = false;

  const dress = <T extends SamtykkeBanner | SamtykkePreferences | SamtykkeReopen>(el: T): T => {
    el.messages = ctrl.messages;
    el.lang = ctrl.language;
    el.theme = config.theme;
    return el;
  };
  const add = <K extends 'samtykke-banner' | 'samtykke-preferences' | 'samtykke-reopen'>(tag: K) =>
    document.body.appendChild(dress(document.createElement(tag)));

  // Mounted up front: its role="status" region must exist before a decision is announced in it.
  const preferences = add('samtykke-preferences');
  preferences.categories = config.categories;
  preferences.addEventListener('close', () => {
    emit('hide', { layer: 'preferences' });
    // The opener is gone (the banner after a decision): the reopen button takes the focus.
    const at = document.activeElement;
    if (at === preferences || at === document.body) reopen?.focus();
  });

  const showBanner = () => {
    if (banner) return;
    banner = add('samtykke-banner');
    banner.categories = config.categories;
    banner.layout = config.layout;
    banner.policyUrl = config.privacyPolicyUrl;
    emit('show', { layer: 'banner' });
  };

  const hideBanner = () => {
    if (!banner) return;
    banner.remove();
    banner = null;
    emit('hide', { layer: 'banner' });
  };

  // A page-placed <samtykke-reopen> is used (and dressed) as it is; ours comes after a decision.
  const showReopen = (ours: boolean) => {
    const own = document.querySelector('samtykke-reopen');
    if (reopen || (!own && !(ours && config.reopen))) return;
    reopen = own ? dress(own) : add('samtykke-reopen');
    // Ours only exists when `config.reopen` is an object (see the test above).
    if ((ownReopen = !own)) reopen.position = (config.reopen as { position: 'left' | 'right' }).position;
  };

  const showPreferences = () => {
    if (preferences.open) return;
    store.hold();
    preferences.consent = store.consent;
    preferences.gpc = store.gpc && config.respectGpc && !store.consent;
    void preferences.show();
    emit('show', { layer: 'preferences' });
  };

  // Any decision, from any source: the layers follow what the store now holds. A decision made
  // in our own elements is shown first, before the store has it (see the controller).
  const settle = () => {
    const hadFocus = !!banner && document.activeElement === banner;
    hideBanner();
    showReopen(true);
    preferences.confirm();
    // Ours renders in a microtask; focus it once it has a button.
    if (hadFocus) void reopen?.updateComplete.then(() => reopen?.focus());
  };
  store.addEventListener('change', settle);

  // Footer links and the like: `data-samtykke-open` on any element opens the centre, by click or key.
  const onOpener = (e: Event) => {
    const el = (e.target as Element).closest?.('[data-samtykke-open]');
    const key = (e as KeyboardEvent).key;
    if (!el || (e.type === 'keydown' && ((key !== 'Enter' && key !== ' ') || el.matches('a[href],button,input')))) return;
    e.preventDefault();
    showPreferences();
  };
  document.addEventListener('click', onOpener);
  document.addEventListener('keydown', onOpener);
  for (const el of document.querySelectorAll<HTMLElement>('[data-samtykke-open]'))
    if (el.tabIndex < 0) {
      el.tabIndex = 0;
      if (!el.role) el.role = 'button';
    }

  showReopen(!!store.consent);
  if (!store.consent) showBanner();
  return {
    showBanner,
    showPreferences,
    settle,
    stop() {
      store.removeEventListener('change', settle);
      document.removeEventListener('click', onOpener);
      document.removeEventListener('keydown', onOpener);
      for (const el of [banner, preferences, ownReopen && reopen]) el && el.remove();
    },
  };
}
