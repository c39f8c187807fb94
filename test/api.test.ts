import type { SamtykkeOptions } from '../src/core/config.js';
import { expect, nextFrame, oneEvent } from '@open-wc/testing';
import pkg from '../package.json';
import type { ChangeDetail } from '../src/core/store.js';
import { createApi } from '../src/api.js';
import { version as npmVersion } from '../src/index.js';
import { apis, clearCookies, count, jar, layerCalls, makeApi, reload, removeSamtykkeElements, SHOP, stubConsole, UUID_V4 } from './api-support.js';

describe('window.Samtykke API', () => {
  beforeEach(() => (layerCalls.length = 0));
  afterEach(async () => {
    for (const api of apis.splice(0)) api.controller?.stop();
    removeSamtykkeElements();
    await clearCookies();
  });

  it('reports the version of package.json (COMPLIANCE 23)', () => {
    expect(makeApi().version).to.equal(pkg.version);
    expect(npmVersion).to.equal(pkg.version);
  });

  it('is harmless before init: nothing consented, nothing written, nothing fired (COMPLIANCE 1, 8)', async () => {
    const api = makeApi();
    const changes = count('samtykke-change');
    expect(api.getConsent()).to.equal(null);
    for (const id of ['necessary', 'analytics', 'ga']) expect(api.hasConsent(id), id).to.equal(false);
    expect(api.acceptAll()).to.equal(null);
    expect(api.rejectAll()).to.equal(null);
    expect(api.save({ categories: { analytics: true } })).to.equal(null);
    expect(api.withdraw()).to.equal(null);
    expect(() => api.showBanner()).not.to.throw();
    expect(() => api.showPreferences()).not.to.throw();
    changes.stop();
    expect(changes.seen).to.deep.equal([]);
    expect(layerCalls).to.deep.equal([]);
    expect(await jar()).to.deep.equal([]);
  });

  it('init reads the state, fires samtykke-ready with consent null and shows the layers (COMPLIANCE 2, 19)', async () => {
    const api = makeApi();
    const ready = oneEvent(document, 'samtykke-ready');
    api.init(SHOP);
    const event = await ready;
    expect(event.detail).to.deep.equal({ consent: null });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(api.getConsent()).to.equal(null);
    expect(api.hasConsent('necessary')).to.equal(true);
    expect(api.hasConsent('analytics')).to.equal(false);
    expect(api.controller!.config.revision).to.equal(2);
  });

  it('acceptAll, rejectAll, save and withdraw change the consent and the cookie (COMPLIANCE 3, 13, 16, 22)', async () => {
    const api = makeApi();
    api.init(SHOP);
    const accepted = api.acceptAll()!;
    expect(accepted.action).to.equal('accept-all');
    expect(api.getConsent()).to.equal(accepted.consent);
    expect(['analytics', 'marketing', 'ga', 'meta'].every((id) => api.hasConsent(id))).to.equal(true);
    expect((await jar()).map((c) => c.name)).to.deep.equal(['samtykke']);

    const saved = api.save({ categories: { analytics: true } })!;
    expect(saved.action).to.equal('save');
    expect([api.hasConsent('analytics'), api.hasConsent('ga'), api.hasConsent('marketing'), api.hasConsent('meta')]).to.deep.equal([true, true, false, false]);

    expect(api.save({ services: { meta: true } })!.consent.services).to.deep.equal({ ga: false, meta: true });
    expect(api.save({})!.action).to.equal('reject-all');
    expect(api.rejectAll()!.consent.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });

    api.acceptAll();
    const withdrawn = api.withdraw()!;
    expect(withdrawn.action).to.equal('withdraw');
    expect(withdrawn.consent.id).to.equal(accepted.consent.id);
    expect(withdrawn.consent.given).to.equal(accepted.consent.given);
    expect(api.hasConsent('analytics')).to.equal(false);
  });

  it('remembers the choice on the next page load, fires ready with it and no change (COMPLIANCE 8, 19)', async () => {
    const first = makeApi();
    first.init(SHOP);
    const { consent } = first.save({ categories: { marketing: true } })!;

    const next = reload(first);
    const changes = count('samtykke-change');
    const readies = count('samtykke-ready');
    next.init(SHOP);
    await nextFrame();
    await nextFrame();
    changes.stop();
    readies.stop();
    expect(readies.seen.map((e) => e.detail)).to.deep.equal([{ consent }]);
    expect(changes.seen).to.deep.equal([]);
    expect(next.getConsent()).to.deep.equal(consent);
    expect(next.hasConsent('meta')).to.equal(true);
    expect(next.hasConsent('ga')).to.equal(false);
  });

  it('asks again after the revision is raised (COMPLIANCE 18)', () => {
    const first = makeApi();
    first.init(SHOP);
    first.acceptAll();
    const next = reload(first);
    next.init({ ...SHOP, revision: 3 });
    expect(next.getConsent()).to.equal(null);
    expect(next.hasConsent('analytics')).to.equal(false);
  });

  it('fires samtykke-change on document, bubbling and composed, with the full consent event (COMPLIANCE 23)', async () => {
    const api = makeApi();
    api.init(SHOP);
    const first = oneEvent(document, 'samtykke-change');
    api.save({ categories: { analytics: true } });
    const e = (await first) as CustomEvent<ChangeDetail>;
    expect(e.target).to.equal(document);
    expect([e.bubbles, e.composed]).to.deep.equal([true, true]);
    const { consent, previous, action, event } = e.detail;
    expect(Object.keys(e.detail).sort()).to.deep.equal(['action', 'consent', 'event', 'previous']);
    expect(previous).to.equal(null);
    expect(action).to.equal('save');
    expect(consent).to.deep.equal(api.getConsent());
    expect(Object.keys(event).sort()).to.deep.equal(
      ['action', 'categories', 'clientTime', 'consentId', 'eventId', 'gpc', 'language', 'path', 'policyVersion', 'revision', 'services', 'textHash', 'widgetVersion'],
    );
    expect(event).to.deep.include({
      consentId: consent.id,
      action: 'save',
      categories: { necessary: true, analytics: true, marketing: false },
      services: { ga: true, meta: false },
      revision: 2,
      policyVersion: '2025-02-01',
      language: 'da',
      gpc: (navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true,
      path: location.pathname,
      widgetVersion: pkg.version,
      clientTime: consent.updated,
    });
    expect(consent.policy).to.equal('2025-02-01');
    expect(event.eventId).to.match(UUID_V4);
    expect(event.consentId).to.match(UUID_V4);
    expect(event.eventId).to.not.equal(event.consentId);
    expect(event.textHash).to.match(/^[0-9a-f]{16}$/);

    const second = oneEvent(document, 'samtykke-change');
    api.withdraw();
    const withdrawal = ((await second) as CustomEvent<ChangeDetail>).detail;
    expect(withdrawal.previous).to.deep.equal(consent);
    expect(withdrawal.event).to.include({ action: 'withdraw', consentId: consent.id, textHash: event.textHash });
    expect(withdrawal.event.eventId).to.not.equal(event.eventId);
  });

  it('hashes the texts shown: another language or wording gives another textHash (COMPLIANCE 23)', async () => {
    const hashOf = async (config: SamtykkeOptions) => {
      const api = makeApi();
      api.init(config);
      // The banner is up: its texts are the ones shown.
      await api.controller!.requestLayers();
      const hash = api.acceptAll()!.event.textHash;
      api.controller!.stop();
      return hash;
    };
    const da = await hashOf(SHOP);
    expect(await hashOf(SHOP)).to.equal(da);
    expect(await hashOf({ ...SHOP, language: 'en' })).to.not.equal(da);
    expect(await hashOf({ ...SHOP, texts: { da: { banner: { title: 'Vi bruger småkager' } } } })).to.not.equal(da);
    expect(await hashOf({ ...SHOP, policyVersion: '2025-03-01' })).to.not.equal(da);
  });

  it('fingerprints an API decision on a page view that showed no text by the policy version alone (COMPLIANCE 23)', async () => {
    // A page that decides through the API while the UI never arrives: no Samtykke text was shown.
    const hashOf = (config: SamtykkeOptions) => {
      const api = createApi(() => new Promise<never>(() => {}));
      api.init(config);
      const hash = api.acceptAll()!.event.textHash;
      api.controller!.stop();
      return hash;
    };
    const shown = makeApi();
    shown.init(SHOP);
    await shown.controller!.requestLayers();
    const withTexts = shown.acceptAll()!.event.textHash;
    const none = hashOf(SHOP);
    expect(none).to.match(/^[0-9a-f]{16}$/);
    expect(none).to.not.equal(withTexts);
    // The language and wording were not shown, so they do not count; the policy version does.
    expect(hashOf({ ...SHOP, language: 'en', texts: { en: { banner: { title: 'Cookies' } } } })).to.equal(none);
    expect(hashOf({ ...SHOP, policyVersion: '2025-03-01' })).to.not.equal(none);
  });

  it('on/off: on("change") and on("samtykke-change") both hear decisions, off stops them (COMPLIANCE 23)', () => {
    const api = makeApi();
    const short: ChangeDetail[] = [];
    const long: ChangeDetail[] = [];
    const onShort = (d: ChangeDetail) => short.push(d);
    const onLong = (d: ChangeDetail) => long.push(d);
    api.on('change', onShort);
    api.on('change', onShort); // the same function twice is one listener
    api.on('samtykke-change', onLong);
    api.init(SHOP);
    const a = api.acceptAll();
    expect(short).to.deep.equal([a]);
    expect(long).to.deep.equal([a]);
    api.off('change', onShort);
    api.off('samtykke-change', onLong);
    api.rejectAll();
    expect(short).to.have.length(1);
    expect(long).to.have.length(1);
  });

  it('on() with a listener that is not a function throws a TypeError that says so, and off() with one is a no-op', () => {
    const api = makeApi();
    for (const bad of [undefined, 'console.log', {}])
      expect(() => api.on('change', bad as never)).to.throw(TypeError, 'Samtykke.on("change"): the listener must be a function');
    expect(() => api.off('change', 'x' as never)).to.not.throw();
    // Nothing was added: a decision still works and reaches a real listener.
    const seen: unknown[] = [];
    const fn = (d: unknown) => seen.push(d);
    api.on('change', fn);
    api.init(SHOP);
    const decided = api.acceptAll();
    api.off('change', fn);
    expect(seen).to.deep.equal([decided]);
  });

  it('on("ready") hears samtykke-ready (COMPLIANCE 19)', () => {
    const api = makeApi();
    const details: unknown[] = [];
    const fn = (d: unknown) => details.push(d);
    api.on('ready', fn);
    api.init(SHOP);
    api.off('ready', fn);
    expect(details).to.deep.equal([{ consent: null }]);
  });

  it('ignores a second init with one console.warn (COMPLIANCE 19)', () => {
    const api = makeApi();
    api.init(SHOP);
    const ctrl = api.controller;
    const warn = stubConsole('warn');
    try {
      api.init({ ...SHOP, revision: 9 });
    } finally {
      warn.restore();
    }
    expect(warn.calls).to.have.length(1);
    expect(api.controller).to.equal(ctrl);
    expect(api.controller!.config.revision).to.equal(2);
  });

  it('starts with safe defaults after one console.error when the config is bad (COMPLIANCE 1, 19)', () => {
    const api = makeApi();
    const error = stubConsole('error');
    try {
      // What a page may hand over at run time, whatever its types said.
      api.init({ ...SHOP, theme: 'neon', categories: 'all' } as unknown as SamtykkeOptions);
    } finally {
      error.restore();
    }
    expect(error.calls).to.have.length(1);
    expect(String(error.calls[0][0])).to.contain('theme').and.contain('neon').and.contain('categories');
    expect(api.controller!.config.categories.map((c) => c.id)).to.deep.equal(['necessary', 'functional', 'analytics', 'marketing']);
    expect(api.getConsent()).to.equal(null);
    expect(api.hasConsent('marketing')).to.equal(false);
    expect(layerCalls).to.deep.equal([]);
  });

  it('showBanner and showPreferences reach the layers, loading them first (COMPLIANCE 20)', async () => {
    const api = makeApi();
    api.init(SHOP);
    api.showBanner();
    api.showPreferences();
    expect(layerCalls).to.deep.equal([]);
    await api.controller!.requestLayers();
    await Promise.resolve();
    expect(layerCalls).to.deep.equal(['banner', 'preferences']);
  });
});
