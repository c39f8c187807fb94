import { expect, nextFrame, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import pkg from '../package.json';
import { createApi, type SamtykkeApi } from '../src/api.js';
import type { SamtykkeController } from '../src/controller.js';
import type { ChangeDetail } from '../src/core/store.js';
import { init as npmInit, version as npmVersion } from '../src/index.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const SHOP = {
  revision: 2,
  language: 'da',
  policyVersion: '2025-02-01',
  categories: [
    { id: 'necessary', required: true },
    { id: 'analytics', services: [{ id: 'ga', name: 'Google Analytics', provider: 'Google', purpose: 'Måling' }] },
    { id: 'marketing', services: [{ id: 'meta', name: 'Meta Pixel', provider: 'Meta', purpose: 'Annoncer' }] },
  ],
};

type Api = SamtykkeApi & { readonly controller: SamtykkeController | null };
type Jar = Array<{ name: string; path: string }>;
const jar = () => executeServerCommand<Jar, undefined>('getCookies');

function stubConsole(method: 'error' | 'warn') {
  const original = console[method];
  const calls: unknown[][] = [];
  console[method] = (...args: unknown[]) => void calls.push(args);
  return { calls, restore: () => (console[method] = original) };
}

/** Counts events of a type on the document until `stop`. */
function count(type: string) {
  const seen: CustomEvent[] = [];
  const listener = (e: Event) => seen.push(e as CustomEvent);
  document.addEventListener(type, listener);
  return { seen, stop: () => document.removeEventListener(type, listener) };
}

function removeSamtykkeElements() {
  for (const el of document.querySelectorAll('*')) if (el.localName.startsWith('samtykke-')) el.remove();
}

async function clearCookies() {
  for (const c of await jar()) document.cookie = `${c.name}=; path=${c.path}; max-age=0`;
}

const apis: Api[] = [];
let layerCalls: string[];

/** A fresh API whose layers are a stub: these tests are about state and events, not the banner's DOM. */
function makeApi(): Api {
  const api = createApi(() => ({
    showBanner: () => void layerCalls.push('banner'),
    showPreferences: () => void layerCalls.push('preferences'),
  }));
  apis.push(api);
  return api;
}

/** The page's next load: the old controller stops listening, a new API reads the cookie. */
function reload(api: Api): Api {
  api.controller?.stop();
  return makeApi();
}

describe('window.Samtykke API', () => {
  beforeEach(() => (layerCalls = []));
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

  it('hashes the texts shown: another language or wording gives another textHash (COMPLIANCE 23)', () => {
    const hashOf = (config: object) => {
      const api = makeApi();
      api.init(config);
      const hash = api.acceptAll()!.event.textHash;
      api.controller!.stop();
      return hash;
    };
    const da = hashOf(SHOP);
    expect(hashOf(SHOP)).to.equal(da);
    expect(hashOf({ ...SHOP, language: 'en' })).to.not.equal(da);
    expect(hashOf({ ...SHOP, texts: { da: { banner: { title: 'Vi bruger småkager' } } } })).to.not.equal(da);
    expect(hashOf({ ...SHOP, policyVersion: '2025-03-01' })).to.not.equal(da);
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
      api.init({ ...SHOP, theme: 'neon', categories: 'all' });
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

  it('showBanner and showPreferences reach the layers (COMPLIANCE 20)', () => {
    const api = makeApi();
    api.init(SHOP);
    api.showBanner();
    api.showPreferences();
    expect(layerCalls).to.deep.equal(['banner', 'preferences']);
  });
});

describe('intent events', () => {
  let api: Api;
  let host: HTMLElement;
  beforeEach(() => {
    layerCalls = [];
    api = makeApi();
    api.init(SHOP);
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(async () => {
    for (const a of apis.splice(0)) a.controller?.stop();
    host.remove();
    removeSamtykkeElements();
    await clearCookies();
  });

  const intent = (from: EventTarget, type: string, detail?: unknown) =>
    from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));

  it('from the host page (document, a div, a shadow root) never change consent (COMPLIANCE 8)', async () => {
    const changes = count('samtykke-change');
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('button');
    shadow.append(inner);
    for (const from of [document, document.body, host, inner]) {
      intent(from, 'accept-all');
      intent(from, 'save', { categories: { analytics: true, marketing: true } });
      intent(from, 'accept-service', { service: 'ga' });
      intent(from, 'reject-all');
      intent(from, 'withdraw');
      intent(from, 'customise');
    }
    changes.stop();
    expect(changes.seen).to.deep.equal([]);
    expect(api.getConsent()).to.equal(null);
    expect(layerCalls).to.deep.equal([]);
    expect(await jar()).to.deep.equal([]);
  });

  it('from a samtykke-* element (or from inside its shadow root) become decisions (COMPLIANCE 3, 12)', () => {
    const el = document.createElement('samtykke-probe');
    document.body.append(el);
    const inner = document.createElement('button');
    el.attachShadow({ mode: 'open' }).append(inner);

    intent(inner, 'save', { categories: { analytics: true } });
    expect(api.getConsent()!.method).to.equal('save');
    expect(api.hasConsent('ga')).to.equal(true);
    intent(el, 'accept-service', { service: 'meta' });
    expect(api.getConsent()!.method).to.equal('accept-service');
    expect(api.hasConsent('meta')).to.equal(true);
    intent(el, 'reject-all');
    expect(api.getConsent()!.method).to.equal('reject-all');
    intent(el, 'accept-all');
    expect(api.getConsent()!.method).to.equal('accept-all');
    intent(el, 'withdraw');
    expect(api.getConsent()!.method).to.equal('withdraw');
    intent(el, 'customise');
    expect(layerCalls).to.deep.equal(['preferences']);
  });

  it('with a malformed detail never throw and never grant (COMPLIANCE 19)', () => {
    const el = document.createElement('samtykke-probe');
    document.body.append(el);
    for (const detail of [undefined, null, 'all', 42, { categories: 'all' }, { categories: { analytics: 'yes' } }]) {
      expect(() => intent(el, 'save', detail)).not.to.throw();
      expect(api.hasConsent('analytics'), JSON.stringify(detail)).to.equal(false);
    }
    const before = api.getConsent();
    for (const detail of [undefined, null, { service: 42 }, { service: 'unknown' }]) intent(el, 'accept-service', detail);
    expect(api.getConsent()).to.equal(before);
  });
});

describe('script-tag entry (src/embed.ts) and npm init', () => {
  const w = window as unknown as { Samtykke?: Api; samtykkeConfig?: unknown };
  let loads = 0;
  /** Runs dist/samtykke.js's entry afresh: a new module URL is a new page-load of the script. */
  const loadEmbed = () => import(`../src/embed.ts?load=${++loads}`);
  let block: HTMLScriptElement | null = null;

  function configBlock(text: string) {
    block = document.createElement('script');
    block.type = 'application/json';
    block.id = 'samtykke-config';
    block.textContent = text;
    document.head.append(block);
  }

  afterEach(async () => {
    w.Samtykke?.controller?.stop();
    delete w.Samtykke;
    delete w.samtykkeConfig;
    block?.remove();
    block = null;
    removeSamtykkeElements();
    await clearCookies();
  });

  it('reads the JSON config block and starts (COMPLIANCE 2)', async () => {
    configBlock(JSON.stringify({ ...SHOP, revision: 7 }));
    const ready = oneEvent(document, 'samtykke-ready');
    await loadEmbed();
    expect((await ready).detail).to.deep.equal({ consent: null });
    expect(w.Samtykke!.version).to.equal(pkg.version);
    expect(w.Samtykke!.controller!.config.revision).to.equal(7);
    expect(w.Samtykke!.acceptAll()!.consent.rev).to.equal(7);
  });

  it('reads window.samtykkeConfig when there is no block (COMPLIANCE 2)', async () => {
    w.samtykkeConfig = { ...SHOP, revision: 5 };
    await loadEmbed();
    expect(w.Samtykke!.controller!.config.revision).to.equal(5);
  });

  it('reports a JSON block that does not parse once and starts with safe defaults (COMPLIANCE 1, 19)', async () => {
    configBlock('{ "revision": 2, ');
    const error = stubConsole('error');
    try {
      await loadEmbed();
    } finally {
      error.restore();
    }
    expect(error.calls).to.have.length(1);
    expect(String(error.calls[0][0])).to.contain('#samtykke-config');
    expect(w.Samtykke!.controller!.config.revision).to.equal(1);
    expect(w.Samtykke!.getConsent()).to.equal(null);
  });

  it('without any config waits for Samtykke.init (COMPLIANCE 1)', async () => {
    await loadEmbed();
    expect(w.Samtykke!.controller).to.equal(null);
    w.Samtykke!.init(SHOP);
    expect(w.Samtykke!.controller!.config.revision).to.equal(2);
  });

  it('loaded twice, the first copy stays in charge (COMPLIANCE 19)', async () => {
    w.samtykkeConfig = SHOP;
    await loadEmbed();
    const first = w.Samtykke;
    await loadEmbed();
    expect(w.Samtykke).to.equal(first);
  });

  it('npm init() uses the same window.Samtykke and ignores a second start (COMPLIANCE 19)', async () => {
    w.samtykkeConfig = SHOP;
    await loadEmbed();
    const warn = stubConsole('warn');
    let api: SamtykkeApi;
    try {
      api = npmInit({ ...SHOP, revision: 8 });
    } finally {
      warn.restore();
    }
    expect(api).to.equal(w.Samtykke);
    expect(warn.calls).to.have.length(1);
    expect(w.Samtykke!.controller!.config.revision).to.equal(2);
  });

  it('where cookies throw (a sandboxed frame) still shows the banner, decides and gates by the choice for this page view (COMPLIANCE 1, 2, 9, 23)', async () => {
    const box = document.createElement('div');
    const gated = (id: string) =>
      `<script type="text/plain" data-samtykke-category="analytics">(window.__sandboxed = window.__sandboxed || []).push('${id}')</script>`;
    box.innerHTML = gated('before');
    document.body.append(box);
    const probe = window as unknown as { __sandboxed?: string[] };
    // What a sandboxed document without allow-same-origin does: reading or writing document.cookie throws.
    const touched: string[] = [];
    const refuse = (how: string) => {
      touched.push(how);
      throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
    };
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => refuse('read'), set: () => refuse('write') });
    const error = stubConsole('error');
    try {
      w.samtykkeConfig = SHOP;
      await loadEmbed();
      const banner = document.querySelector('samtykke-banner')!;
      expect(banner, 'the banner shows').to.exist;
      await banner.updateComplete;
      expect(probe.__sandboxed).to.equal(undefined);

      const changed = oneEvent(document, 'samtykke-change');
      banner.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="accept-all"]')!.click();
      const { detail } = (await changed) as CustomEvent<ChangeDetail>;
      expect(detail.action).to.equal('accept-all');
      expect(detail.event.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
      expect(w.Samtykke!.getConsent()).to.equal(detail.consent);
      expect(probe.__sandboxed, 'the gated script ran after the choice').to.deep.equal(['before']);
      expect(document.querySelector('samtykke-banner')).to.equal(null);

      // Withdrawn in memory: a gated script the page adds later stays blocked.
      w.Samtykke!.withdraw();
      box.insertAdjacentHTML('beforeend', gated('after'));
      await nextFrame();
      expect(probe.__sandboxed).to.deep.equal(['before']);
      expect(w.Samtykke!.hasConsent('analytics')).to.equal(false);
      // The cookie really was read and written, and each throw was caught inside Samtykke.
      expect(touched).to.include.members(['read', 'write']);
      expect(error.calls).to.deep.equal([]);
    } finally {
      error.restore();
      delete (document as { cookie?: string }).cookie;
      w.Samtykke?.controller?.layers?.stop?.();
      box.remove();
      delete probe.__sandboxed;
    }
  });
});
