/**
 * Mounts the visible layers and turns their intent events into store calls. Components
 * only ask; this is the one place in the UI that acts on the store.
 */
import type { SamtykkeController } from './controller.js';
import { defineElements } from './components/registry.js';

/** What the page can ask of the layers through the JS API. */
export interface Layers {
  showBanner(): void;
  showPreferences(): void;
}

/** Shows the banner when no consent is stored and wires its buttons to the store. */
export function mountLayers(ctrl: SamtykkeController): Layers {
  defineElements();
  const { store } = ctrl;
  let banner: HTMLElement | null = null;

  const hideBanner = () => {
    if (!banner) return;
    banner.remove();
    banner = null;
    ctrl.emit('samtykke-hide', { layer: 'banner' });
  };
  const showBanner = () => {
    if (banner) return;
    const el = document.createElement('samtykke-banner');
    el.messages = ctrl.messages;
    el.lang = ctrl.language;
    banner = el;
    document.body.append(el);
    ctrl.emit('samtykke-show', { layer: 'banner' });
  };

  // The controller applies the decision; the layers only follow it.
  store.addEventListener('change', hideBanner);
  if (!store.consent) showBanner();
  return { showBanner, showPreferences: showBanner };
}
