import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config.js';
import { MemoryStorage, type ConsentStorage } from '../../src/core/cookie-storage.js';
import { parseRecord, serialiseRecord } from '../../src/core/record.js';
import { ConsentStore, randomUuid, type ChangeDetail, type StoreOptions } from '../../src/core/store.js';

const DAY = 86_400_000;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const service = (id: string, extra: object = {}) => ({ id, name: id.toUpperCase(), provider: 'Provider', purpose: 'Purpose', ...extra });

/** A shop's config: a required category with an essential service, two optional ones with services. */
const SHOP = {
  revision: 3,
  categories: [
    { id: 'necessary', required: true, services: [service('session', { essential: true, reason: 'Keeps the basket' })] },
    { id: 'analytics', services: [service('ga'), service('matomo')] },
    { id: 'marketing', services: [service('meta')] },
  ],
};

let clock: Date;

function makeStore(input: object = {}, storage: ConsentStorage = new MemoryStorage(), options: Partial<StoreOptions> = {}) {
  const { config, problems } = resolveConfig(input);
  expect(problems, 'the test config is valid').to.deep.equal([]);
  return new ConsentStore({
    config, storage, policyVersion: '2024-10-17', textHash: 'abc', language: 'da', gpc: false, widgetVersion: '0.1.0',
    now: () => clock, path: () => '/shop', ...options,
  });
}

/** Collects the store's change details. */
function changes(store: ConsentStore): ChangeDetail[] {
  const seen: ChangeDetail[] = [];
  store.addEventListener('change', (e) => seen.push((e as CustomEvent<ChangeDetail>).detail));
  return seen;
}

describe('ConsentStore', () => {
  beforeEach(() => {
    clock = new Date('2025-05-01T10:00:00.000Z');
  });

  it('starts with no consent and only required categories allowed (COMPLIANCE 1)', () => {
    const store = makeStore();
    expect(store.consent).to.equal(null);
    expect(store.hasConsent('necessary')).to.equal(true);
    expect(store.hasConsent('analytics')).to.equal(false);
  });

  it('records a save that grants nothing as reject-all (COMPLIANCE 13)', () => {
    const store = makeStore();
    let detail: ChangeDetail | undefined;
    store.addEventListener('change', (e) => (detail = (e as CustomEvent<ChangeDetail>).detail));
    store.save({ categories: { analytics: false } });
    expect(detail?.action).to.equal('reject-all');
    expect(detail?.event.categories).to.deep.equal({ necessary: true, functional: false, analytics: false, marketing: false });
  });

  it('acceptAll allows every category and service and writes the record (COMPLIANCE 16, 23)', () => {
    const storage = new MemoryStorage();
    const store = makeStore(SHOP, storage);
    const seen = changes(store);
    const detail = store.acceptAll();
    expect(seen).to.deep.equal([detail]);
    expect(detail.action).to.equal('accept-all');
    expect(detail.previous).to.equal(null);
    const { consent } = detail;
    expect(consent.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    expect(consent.services).to.deep.equal({ session: true, ga: true, matomo: true, meta: true });
    expect(consent).to.include({ v: 1, rev: 3, policy: '2024-10-17', method: 'accept-all', given: clock.toISOString(), updated: clock.toISOString() });
    expect(consent.id).to.match(UUID_V4);
    expect(store.consent).to.equal(consent);
    const rules = { revision: 3, expiresDays: 365, rejectExpiresDays: 182, now: clock };
    expect(parseRecord(storage.value, rules)).to.deep.equal(consent);
  });

  it('rejectAll refuses every optional category and service, required ones stay on (COMPLIANCE 3, 10)', () => {
    const detail = makeStore(SHOP).rejectAll();
    expect(detail.action).to.equal('reject-all');
    expect(detail.consent.method).to.equal('reject-all');
    expect(detail.consent.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(detail.consent.services).to.deep.equal({ session: true, ga: false, matomo: false, meta: false });
  });

  it('save with a partial map refuses what it leaves out; services inherit their category (COMPLIANCE 11, 14)', () => {
    const store = makeStore(SHOP);
    const detail = store.save({ categories: { analytics: true } });
    expect(detail.action).to.equal('save');
    expect(detail.consent.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    expect(detail.consent.services).to.deep.equal({ session: true, ga: true, matomo: true, meta: false });
    expect(store.hasConsent('ga')).to.equal(true);
    expect(store.hasConsent('meta')).to.equal(false);
  });

  it('save honours an explicit service choice over its category (COMPLIANCE 14)', () => {
    const store = makeStore(SHOP);
    store.save({ categories: { analytics: true }, services: { matomo: false } });
    expect(store.consent!.services).to.deep.equal({ session: true, ga: true, matomo: false, meta: false });
    expect(store.hasConsent('analytics')).to.equal(true);
    expect(store.hasConsent('matomo')).to.equal(false);

    // One service allowed inside a refused category is still a grant, not a reject.
    const detail = store.save({ services: { meta: true } });
    expect(detail.action).to.equal('save');
    expect(detail.consent.categories.marketing).to.equal(false);
    expect(store.hasConsent('meta')).to.equal(true);
    expect(store.hasConsent('marketing')).to.equal(false);
  });

  it('keeps required categories and their services true whatever save asks (COMPLIANCE 10)', () => {
    const store = makeStore(SHOP);
    const detail = store.save({ categories: { necessary: false, analytics: true }, services: { session: false } });
    expect(detail.consent.categories.necessary).to.equal(true);
    expect(detail.consent.services.session).to.equal(true);
  });

  it('save ignores unknown ids and non-boolean values (COMPLIANCE 19)', () => {
    const store = makeStore(SHOP);
    const detail = store.save({
      categories: { analytics: 'yes', marketing: 1, bogus: true } as unknown as Record<string, boolean>,
      services: { ga: 'true', nope: true } as unknown as Record<string, boolean>,
    });
    expect(detail.consent.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(detail.consent.services).to.deep.equal({ session: true, ga: false, matomo: false, meta: false });
    expect(detail.action).to.equal('reject-all');
  });

  it('records a save granting nothing as reject-all and stores it for rejectExpiresDays (COMPLIANCE 13, 17)', () => {
    const storage = new MemoryStorage();
    const detail = makeStore(SHOP, storage).save({ categories: { analytics: false, marketing: false } });
    expect(detail.action).to.equal('reject-all');
    expect(detail.event.action).to.equal('reject-all');
    expect(detail.consent.method).to.equal('reject-all');
    expect(storage.expires!.getTime()).to.equal(clock.getTime() + 182 * DAY);
  });

  it('withdraw refuses everything optional but keeps the consent id and given (COMPLIANCE 22)', () => {
    const storage = new MemoryStorage();
    const store = makeStore(SHOP, storage);
    const first = store.acceptAll();
    const given = clock.toISOString();
    clock = new Date(clock.getTime() + 40 * DAY);
    const detail = store.withdraw();
    expect(detail.action).to.equal('withdraw');
    expect(detail.previous).to.equal(first.consent);
    expect(detail.consent.id).to.equal(first.consent.id);
    expect(detail.event.consentId).to.equal(first.consent.id);
    expect(detail.consent.given).to.equal(given);
    expect(detail.consent.updated).to.equal(clock.toISOString());
    expect(detail.consent.method).to.equal('withdraw');
    expect(detail.consent.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(detail.consent.services).to.deep.equal({ session: true, ga: false, matomo: false, meta: false });
    expect(store.hasConsent('analytics')).to.equal(false);
    expect(storage.expires!.getTime()).to.equal(clock.getTime() + 182 * DAY);
  });

  it('acceptService allows one service and keeps every other choice (COMPLIANCE 14)', () => {
    const store = makeStore(SHOP);
    const first = store.acceptService('ga')!;
    expect(first.action).to.equal('accept-service');
    expect(first.previous).to.equal(null);
    expect(first.consent.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(first.consent.services).to.deep.equal({ session: true, ga: true, matomo: false, meta: false });
    expect(store.hasConsent('ga')).to.equal(true);
    expect(store.hasConsent('matomo')).to.equal(false);
    expect(store.hasConsent('analytics')).to.equal(false);

    store.save({ categories: { marketing: true } });
    const second = store.acceptService('matomo')!;
    expect(second.consent.categories).to.deep.equal({ necessary: true, analytics: false, marketing: true });
    expect(second.consent.services).to.deep.equal({ session: true, ga: false, matomo: true, meta: true });
    expect(second.consent.id).to.equal(first.consent.id);
  });

  it('acceptService of an unknown service changes nothing (COMPLIANCE 8)', () => {
    const storage = new MemoryStorage();
    const store = makeStore(SHOP, storage);
    const seen = changes(store);
    expect(store.acceptService('youtube')).to.equal(null);
    expect(seen).to.deep.equal([]);
    expect(store.consent).to.equal(null);
    expect(storage.value).to.equal(undefined);
  });

  it('hasConsent answers for categories and services, and no for unknown ids (COMPLIANCE 1, 19)', () => {
    const store = makeStore(SHOP);
    expect(store.hasConsent('necessary')).to.equal(true);
    expect(store.hasConsent('session')).to.equal(true);
    for (const id of ['analytics', 'marketing', 'ga', 'matomo', 'meta', 'unknown', '', 'constructor', '__proto__']) {
      expect(store.hasConsent(id), id).to.equal(false);
    }
    store.save({ categories: { analytics: true } });
    expect(['analytics', 'ga', 'matomo'].map((id) => store.hasConsent(id))).to.deep.equal([true, true, true]);
    expect(['marketing', 'meta', 'unknown', 'toString'].map((id) => store.hasConsent(id))).to.deep.equal([false, false, false, false]);
  });

  it('has previous null on the first decision and the earlier record after (COMPLIANCE 23)', () => {
    const store = makeStore(SHOP);
    const first = store.rejectAll();
    expect(first.previous).to.equal(null);
    const second = store.acceptAll();
    expect(second.previous).to.deep.equal(first.consent);
    expect(second.consent.given).to.equal(first.consent.given);
  });

  it('chooses the expiry by method: accept 365 days, reject 182 by default (COMPLIANCE 17)', () => {
    const storage = new MemoryStorage();
    const store = makeStore(SHOP, storage);
    store.acceptAll();
    expect(storage.expires!.getTime()).to.equal(clock.getTime() + 365 * DAY);
    store.rejectAll();
    expect(storage.expires!.getTime()).to.equal(clock.getTime() + 182 * DAY);
    store.save({ categories: { analytics: true } });
    expect(storage.expires!.getTime()).to.equal(clock.getTime() + 365 * DAY);
    store.acceptService('meta');
    expect(storage.expires!.getTime()).to.equal(clock.getTime() + 365 * DAY);
  });

  it('takes the expiry days from the cookie config (COMPLIANCE 17)', () => {
    const storage = new MemoryStorage();
    const store = makeStore({ ...SHOP, cookie: { expiresDays: 30, rejectExpiresDays: 200 } }, storage);
    store.acceptAll();
    expect(storage.expires!.getTime()).to.equal(clock.getTime() + 30 * DAY);
    store.withdraw();
    expect(storage.expires!.getTime()).to.equal(clock.getTime() + 200 * DAY);
  });

  it('reads the GPC signal when first needed, once: not when the page loads (COMPLIANCE 35)', () => {
    let reads = 0;
    const store = makeStore(SHOP, new MemoryStorage(), { gpc: () => (reads++, true) });
    expect(reads, 'nothing read at construction').to.equal(0);
    expect(store.acceptAll().event.gpc).to.equal(true);
    expect(store.gpc).to.equal(true);
    expect(store.rejectAll().event.gpc).to.equal(true);
    expect(reads).to.equal(1);
  });

  it('puts every field of the consent event in the change detail (COMPLIANCE 23)', () => {
    const store = makeStore(SHOP, new MemoryStorage(), { gpc: true, language: 'en', textHash: 'f00d', widgetVersion: '9.9.9', policyVersion: 'p-7' });
    const a = store.save({ categories: { marketing: true } });
    expect(Object.keys(a.event).sort()).to.deep.equal(
      ['action', 'categories', 'clientTime', 'consentId', 'eventId', 'gpc', 'language', 'path', 'policyVersion', 'revision', 'services', 'textHash', 'widgetVersion'],
    );
    expect(a.event).to.deep.include({
      consentId: a.consent.id, action: 'save', categories: a.consent.categories, services: a.consent.services,
      revision: 3, policyVersion: 'p-7', textHash: 'f00d', language: 'en', gpc: true, path: '/shop', widgetVersion: '9.9.9', clientTime: clock.toISOString(),
    });
    expect(a.consent.policy).to.equal('p-7');
    expect(a.event.eventId).to.match(UUID_V4);
    expect(a.event.eventId).to.not.equal(a.consent.id);
    // The event is a snapshot: later decisions do not rewrite an event already sent.
    expect(a.event.categories).to.not.equal(a.consent.categories);
    const b = store.acceptAll();
    expect(b.event.eventId).to.not.equal(a.event.eventId);
    expect(a.event.categories.analytics).to.equal(false);
  });

  it('reads a stored current record on creation (COMPLIANCE 19)', () => {
    const earlier = makeStore(SHOP);
    const { consent } = earlier.save({ categories: { analytics: true } });
    clock = new Date(clock.getTime() + 100 * DAY);
    const store = makeStore(SHOP, new MemoryStorage(serialiseRecord(consent)));
    expect(store.consent).to.deep.equal(consent);
    expect(store.hasConsent('ga')).to.equal(true);
  });

  it('ignores a stored record of a lower revision, or of another policy when the change is material (COMPLIANCE 18)', () => {
    const { consent } = makeStore(SHOP).acceptAll();
    const stored = serialiseRecord(consent);
    expect(makeStore({ ...SHOP, revision: 4 }, new MemoryStorage(stored)).consent).to.equal(null);
    expect(makeStore(SHOP, new MemoryStorage(stored), { policyVersion: '2025-01-01', policyMaterial: true }).consent).to.equal(null);
    expect(makeStore(SHOP, new MemoryStorage(stored), { policyVersion: '2025-01-01', policyMaterial: false }).consent).to.deep.equal(consent);
  });

  it('ignores a stored record past its expiry (COMPLIANCE 17)', () => {
    const { consent } = makeStore(SHOP).rejectAll();
    clock = new Date(clock.getTime() + 183 * DAY);
    expect(makeStore(SHOP, new MemoryStorage(serialiseRecord(consent))).consent).to.equal(null);
  });

  it('survives a storage that throws: no consent on read, the choice still holds on write (COMPLIANCE 19)', () => {
    const broken: ConsentStorage = {
      read: () => { throw new Error('SecurityError'); },
      write: () => { throw new Error('SecurityError'); },
      remove: () => { throw new Error('SecurityError'); },
    };
    const store = makeStore(SHOP, broken);
    expect(store.consent).to.equal(null);
    const seen = changes(store);
    const detail = store.acceptAll();
    expect(seen).to.have.length(1);
    expect(store.consent).to.equal(detail.consent);
    expect(store.hasConsent('marketing')).to.equal(true);
  });

  it('decides on a plain-http page too, where crypto.randomUUID does not exist (COMPLIANCE 16)', () => {
    const own = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => randomUuid()));
      expect(ids.size).to.equal(50);
      for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const { consent } = new ConsentStore({ ...storeOptions(), storage: new MemoryStorage() }).rejectAll();
      expect(parseRecord(serialiseRecord(consent), { revision: 1, expiresDays: 365, rejectExpiresDays: 182, now: new Date() })).to.deep.equal(consent);
    } finally {
      if (own) Object.defineProperty(crypto, 'randomUUID', own);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });

  it('hashes the texts once, at the first decision, when given a function', () => {
    let calls = 0;
    const store = new ConsentStore({ ...storeOptions(), storage: new MemoryStorage(), textHash: () => (calls++, 'h1') });
    expect(calls).to.equal(0);
    expect(store.acceptAll().event.textHash).to.equal('h1');
    expect(store.rejectAll().event.textHash).to.equal('h1');
    expect(calls).to.equal(1);
  });
});

function storeOptions() {
  return { config: resolveConfig({}).config, policyVersion: '2024-10-17', textHash: 'abc', language: 'da', gpc: false, widgetVersion: '0.1.0' };
}
