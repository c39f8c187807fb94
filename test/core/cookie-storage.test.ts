import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import Cookies from 'js-cookie';
import { MAX_EXPIRY_DAYS, resolveConfig } from '../../src/core/config.js';
import { CookieStorage, MemoryStorage, cookieAttributes } from '../../src/core/cookie-storage.js';
import { serialiseRecord } from '../../src/core/record.js';
import { ConsentStore } from '../../src/core/store.js';

const DAY = 86_400_000;

/** A cookie as the browser's jar holds it (DevTools protocol), attributes included. */
interface JarCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  secure: boolean;
  httpOnly: boolean;
  session: boolean;
  sameSite?: string;
}

const jar = () => executeServerCommand<JarCookie[], undefined>('getCookies');
const inJar = async (name: string) => (await jar()).find((c) => c.name === name);

function storeFor(input: object) {
  const { config, problems } = resolveConfig(input);
  const store = new ConsentStore({
    config, storage: new CookieStorage(config.cookie), policyVersion: '2024-10-17', textHash: 'abc', language: 'da', gpc: false, widgetVersion: '0.1.0',
  });
  return { store, problems, config };
}

/** Records every string written to document.cookie, so the attributes sent can be read back. */
function watchCookieWrites() {
  const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  const writes: string[] = [];
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => native.get!.call(document),
    set: (value: string) => {
      writes.push(value);
      native.set!.call(document, value);
    },
  });
  return { writes, restore: () => delete (document as { cookie?: string }).cookie };
}

/** Expects a jar expiry (seconds) to be `days` after the ISO time `from`; cookies keep whole seconds. */
function expectExpiry(cookie: JarCookie | undefined, from: string, days: number) {
  expect(cookie, 'cookie in the jar').to.exist;
  expect(cookie!.session).to.equal(false);
  expect(Math.abs(cookie!.expires - (Date.parse(from) + days * DAY) / 1000)).to.be.at.most(1.5);
}

describe('CookieStorage (the cookie as the browser keeps it)', () => {
  afterEach(async () => {
    for (const c of await jar()) document.cookie = `${c.name}=; path=${c.path}; max-age=0`;
    expect(await jar(), 'the jar is clean for the next test').to.deep.equal([]);
  });

  it('writes one cookie "samtykke" with Path=/, SameSite=Lax, no Secure on http, host-only (COMPLIANCE 16)', async () => {
    expect(location.protocol).to.equal('http:');
    const before = await jar();
    const { store } = storeFor({});
    const { consent } = store.acceptAll();
    const after = await jar();
    expect(after.length - before.length).to.equal(1);
    const cookie = after.find((c) => c.name === 'samtykke')!;
    expect(cookie).to.include({ path: '/', sameSite: 'Lax', secure: false, httpOnly: false, domain: location.hostname });
    expect(JSON.parse(decodeURIComponent(cookie.value))).to.deep.equal(consent);
    expect(new CookieStorage(store.config.cookie).read()).to.equal(serialiseRecord(consent));
  });

  it('expires updated + 365 days after accept-all (COMPLIANCE 17)', async () => {
    const { consent } = storeFor({}).store.acceptAll();
    expectExpiry(await inJar('samtykke'), consent.updated, 365);
  });

  it('expires updated + 182 days after reject-all and after withdraw (COMPLIANCE 17)', async () => {
    const { store } = storeFor({});
    let { consent } = store.rejectAll();
    expectExpiry(await inJar('samtykke'), consent.updated, 182);
    store.acceptAll();
    ({ consent } = store.withdraw());
    expectExpiry(await inJar('samtykke'), consent.updated, 182);
  });

  it('uses the configured name and domain (COMPLIANCE 16)', async () => {
    const watch = watchCookieWrites();
    try {
      storeFor({ cookie: { name: 'shop_consent', domain: location.hostname } }).store.acceptAll();
    } finally {
      watch.restore();
    }
    expect(watch.writes).to.have.length(1);
    expect(watch.writes[0]).to.match(/^shop_consent=/);
    expect(watch.writes[0].toLowerCase()).to.contain(`; domain=${location.hostname}`);
    expect(await inJar('shop_consent')).to.include({ domain: location.hostname, path: '/', sameSite: 'Lax' });
    expect(await inJar('samtykke')).to.equal(undefined);
  });

  it('sends no Domain attribute unless one is configured (COMPLIANCE 16)', async () => {
    const watch = watchCookieWrites();
    try {
      storeFor({}).store.rejectAll();
    } finally {
      watch.restore();
    }
    expect(watch.writes).to.have.length(1);
    expect(watch.writes[0].toLowerCase()).to.not.contain('domain=');
    expect(watch.writes[0].toLowerCase()).to.not.contain('secure');
  });

  it('a domain the page cannot set is refused by the browser, yet the choice holds for the page (COMPLIANCE 16)', async () => {
    const { store } = storeFor({ cookie: { domain: 'example.com' } });
    const { consent } = store.acceptAll();
    expect(await jar()).to.deep.equal([]);
    expect(store.consent).to.equal(consent);
  });

  it('clamps expiresDays above 395 to 395 days in the jar, and reports it (COMPLIANCE 17)', async () => {
    const { store, problems, config } = storeFor({ cookie: { expiresDays: 1000 } });
    expect(problems.map((p) => p.path)).to.deep.equal(['cookie.expiresDays']);
    expect(config.cookie.expiresDays).to.equal(MAX_EXPIRY_DAYS);
    const { consent } = store.acceptAll();
    expectExpiry(await inJar('samtykke'), consent.updated, 395);
  });

  it('never writes an expiry beyond 395 days, whatever it is asked (COMPLIANCE 17)', async () => {
    const { config } = resolveConfig({});
    const now = new Date().toISOString();
    new CookieStorage(config.cookie).write('x', new Date(Date.now() + 5000 * DAY));
    expectExpiry(await inJar('samtykke'), now, 395);
  });

  it('reads back what it wrote, so the next page load knows the choice (COMPLIANCE 19)', async () => {
    const first = storeFor({ revision: 2 });
    const { consent } = first.store.save({ categories: { analytics: true } });
    const next = storeFor({ revision: 2 }).store;
    expect(next.consent).to.deep.equal(consent);
    expect(next.hasConsent('analytics')).to.equal(true);
  });

  it('counts a tampered cookie as no consent (COMPLIANCE 19)', async () => {
    document.cookie = 'samtykke=%7B%22v%22%3A1%2C%22categories%22%3A%7B%22marketing%22%3Atrue%7D%7D; path=/';
    expect(await inJar('samtykke')).to.exist;
    const { store } = storeFor({});
    expect(store.consent).to.equal(null);
    expect(store.hasConsent('marketing')).to.equal(false);
  });

  it('counts a cookie whose %-escapes do not decode as no consent, without throwing (COMPLIANCE 19)', async () => {
    document.cookie = 'samtykke=%7B%22v%22%3A1%E0%A4%A; path=/';
    expect(await inJar('samtykke')).to.exist;
    expect(new CookieStorage(resolveConfig({}).config.cookie).read()).to.equal(undefined);
    const { store } = storeFor({});
    expect(store.consent).to.equal(null);
    expect(store.hasConsent('marketing')).to.equal(false);
  });

  it('reads a cookie written by the previous release, which %-encoded the whole JSON (COMPLIANCE 16, 19)', async () => {
    const consent = {
      v: 1, id: '3b241101-e2bb-4255-8caf-4136c566a962', rev: 1, policy: '2024-10-17', given: new Date(Date.now() - 5 * DAY).toISOString(),
      updated: new Date(Date.now() - DAY).toISOString(), method: 'save', categories: { necessary: true, analytics: true, marketing: false }, services: {},
    };
    // Exactly what that release's CookieStorage.write sent.
    const until = new Date(Date.now() + 300 * DAY).toUTCString();
    document.cookie = `samtykke=${encodeURIComponent(JSON.stringify(consent))}; path=/; expires=${until}; samesite=Lax`;
    expect((await inJar('samtykke'))!.value).to.match(/^%7B%22v%22%3A1%2C/);
    expect(new CookieStorage(resolveConfig({}).config.cookie).read()).to.equal(JSON.stringify(consent));
    const { store } = storeFor({});
    expect(store.consent).to.deep.equal(consent);
    expect(store.hasConsent('analytics')).to.equal(true);
    expect(store.hasConsent('marketing')).to.equal(false);
  });

  it('writes the value with js-cookie\'s encoding, which it reads back unchanged (COMPLIANCE 16)', async () => {
    const { store } = storeFor({});
    const { consent } = store.acceptAll();
    const written = (await inJar('samtykke'))!.value;
    expect(written).to.equal(Cookies.converter.write(serialiseRecord(consent), 'samtykke'));
    expect(Cookies.get('samtykke')).to.equal(serialiseRecord(consent));
  });

  it('writes SameSite=None with Secure, which browsers demand (COMPLIANCE 16)', async () => {
    storeFor({ cookie: { sameSite: 'None' } }).store.acceptAll();
    expect(await inJar('samtykke')).to.include({ sameSite: 'None', secure: true, path: '/' });
  });

  it('reads its own cookie among others, not one whose name merely starts the same (COMPLIANCE 19)', async () => {
    const { consent } = storeFor({}).store.acceptAll();
    document.cookie = 'samtykke_old=x; path=/';
    document.cookie = 'xsamtykke=y; path=/';
    document.cookie = 'other=a=b; path=/';
    expect(new CookieStorage(resolveConfig({}).config.cookie).read()).to.equal(serialiseRecord(consent));
    expect(storeFor({}).store.consent).to.deep.equal(consent);
  });

  it('writes a value with ";", "," and quotes without breaking the cookie string (COMPLIANCE 16)', async () => {
    const storage = new CookieStorage(resolveConfig({}).config.cookie);
    const value = '{"a";"b, c", d=e}';
    storage.write(value, new Date(Date.now() + DAY));
    expect(storage.read()).to.equal(value);
    expect(await inJar('samtykke')).to.include({ path: '/', sameSite: 'Lax' });
  });

  it('remove() deletes the cookie (COMPLIANCE 22)', async () => {
    const { config } = resolveConfig({});
    const storage = new CookieStorage(config.cookie);
    storage.write('x', new Date(Date.now() + DAY));
    expect(await inJar('samtykke')).to.exist;
    storage.remove();
    expect(await inJar('samtykke')).to.equal(undefined);
    expect(storage.read()).to.equal(undefined);
  });
});

describe('cookieAttributes', () => {
  const { config } = resolveConfig({});

  it('sets Secure on https and not on http (COMPLIANCE 16)', () => {
    expect(cookieAttributes(config.cookie, 'https:')).to.deep.equal({ path: '/', sameSite: 'Lax', secure: true });
    expect(cookieAttributes(config.cookie, 'http:')).to.deep.equal({ path: '/', sameSite: 'Lax', secure: false });
  });

  it('always sets Secure with SameSite=None, which browsers demand (COMPLIANCE 16)', () => {
    expect(cookieAttributes({ ...config.cookie, sameSite: 'None' }, 'http:').secure).to.equal(true);
  });

  it('carries the domain only when configured (COMPLIANCE 16)', () => {
    expect(cookieAttributes({ ...config.cookie, domain: '.example.dk' }, 'https:').domain).to.equal('.example.dk');
    expect(cookieAttributes(config.cookie, 'https:')).to.not.have.property('domain');
  });
});

describe('MemoryStorage', () => {
  it('keeps the value and expiry for tests and cookie-less pages (COMPLIANCE 19)', () => {
    const storage = new MemoryStorage('a');
    expect(storage.read()).to.equal('a');
    const expires = new Date(Date.now() + DAY);
    storage.write('b', expires);
    expect([storage.read(), storage.expires]).to.deep.equal(['b', expires]);
    storage.remove();
    expect(storage.read()).to.equal(undefined);
  });
});
