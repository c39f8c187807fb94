// Behaviour the README promises that a rewrite of the element base or the cookie storage
// could lose (found in the review of the 2026-11-25 size work). This file defines nothing up
// front on purpose: the script-tag start gates a page-placed <samtykke-embed> before the
// elements are registered, which is where SamtykkeElement and LitElement differed.
import { expect } from '@open-wc/testing';
import { createApi } from '../../src/api.js';
import type { SamtykkeOptions } from '../../src/core/config.js';
import { mountLayers } from '../../src/ui/layers.js';

const CONFIG: SamtykkeOptions = {
  theme: 'dark',
  language: 'en',
  categories: [
    { id: 'necessary', required: true },
    { id: 'marketing', services: [{ id: 'youtube', name: 'YouTube', provider: 'Google Ireland Limited', purpose: 'Videos' }] },
  ],
};

describe('a page-placed <samtykke-embed> gated before the elements are defined', () => {
  let api: ReturnType<typeof createApi>;
  afterEach(() => {
    api.controller?.stop();
    api.controller?.layers?.stop?.();
    for (const el of [...document.body.querySelectorAll('*')]) if (/^(samtykke-|iframe$)/.test(el.localName)) el.remove();
    document.cookie = 'samtykke=; path=/; max-age=0';
  });

  it('follows the config theme even when the page wrote its own theme attribute (README: "its theme attribute follows the config")', async () => {
    expect(customElements.get('samtykke-embed'), 'nothing registered before start').to.equal(undefined);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<samtykke-embed category="marketing" service="youtube" src="about:blank#v" title="Video" theme="light"></samtykke-embed>',
    );
    api = createApi(mountLayers);
    api.init(CONFIG);
    // The placeholder needs the UI, which is imported now: the element is defined once it is here.
    await api.controller!.requestLayers();
    const embed = document.querySelector('samtykke-embed') as HTMLElement & { theme: string; updateComplete: Promise<unknown> };
    await embed.updateComplete;
    expect(embed.theme).to.equal('dark');
    expect(embed.getAttribute('theme')).to.equal('dark');
    expect(embed.getAttribute('lang')).to.equal('en');
    expect(embed.shadowRoot!.textContent).to.contain('YouTube');
  });
});

describe('what the rewrites keep: earlier cookies and the on/off API', () => {
  let api: ReturnType<typeof createApi>;
  afterEach(() => {
    api.controller?.stop();
    api.controller?.layers?.stop?.();
    document.cookie = 'samtykke=; path=/; max-age=0';
  });

  it('counts a cookie the js-cookie release wrote (raw {}:, %22 quotes, %2C commas): visitors are not asked again after the upgrade (COMPLIANCE 8)', () => {
    const now = new Date().toISOString();
    const record = {
      v: 1, id: '3b241101-e2bb-4255-8caf-4136c566a962', rev: 1, policy: '2024-10-17', given: now, updated: now, method: 'save',
      categories: { necessary: true, marketing: true }, services: { youtube: false },
    };
    // js-cookie 3's write converter: encodeURIComponent, then # $ & + / : < = > ? @ [ ] ^ ` { | } put back.
    const old = encodeURIComponent(JSON.stringify(record)).replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent);
    expect(old).to.match(/^\{%22v%22:1%2C/);
    document.cookie = `samtykke=${old}; path=/`;
    api = createApi(() => ({ showBanner() {}, showPreferences() {}, settle() {} }));
    api.init({ ...CONFIG, theme: 'auto' });
    expect(api.getConsent()).to.deep.equal(record);
    expect(api.hasConsent('marketing')).to.equal(true);
    expect(api.hasConsent('youtube')).to.equal(false);
  });

  it('on() for two types with one function, then off() for one: the other still hears (README: on/off)', () => {
    const calls: string[] = [];
    const layers: string[] = [];
    api = createApi(() => ({ showBanner: () => void layers.push('banner'), showPreferences: () => void layers.push('preferences'), settle() {} }));
    const fn = (detail: { action?: string; layer?: string }) => void calls.push(detail.action ?? detail.layer ?? '?');
    api.on('change', fn);
    api.on('samtykke-hide', fn);
    api.on('change', fn); // twice: still once
    api.init({ ...CONFIG, theme: 'auto' });
    api.acceptAll();
    api.off('samtykke-change', fn);
    api.rejectAll();
    document.dispatchEvent(new CustomEvent('samtykke-hide', { detail: { layer: 'banner' } }));
    api.off('hide', fn);
    document.dispatchEvent(new CustomEvent('samtykke-hide', { detail: { layer: 'preferences' } }));
    expect(calls).to.deep.equal(['accept-all', 'banner']);
  });
});
