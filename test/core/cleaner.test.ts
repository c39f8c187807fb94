import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { cookieDomains, removeRefusedCookies } from '../../src/core/cleaner.js';
import { startGate } from '../../src/core/gate.js';
import { CONFIG, makeStore, storedChoice, until } from './gate-helpers.js';
import { COOKIE_PATTERN_TEXT, isCookiePattern, matchesCookiePattern, resolveConfig } from '../../src/core/config.js';

interface JarCookie {
  name: string;
  domain: string;
  path: string;
}
const jar = () => executeServerCommand<JarCookie[], undefined>('getCookies');
const names = async () => (await jar()).map((c) => `${c.name}@${c.domain}${c.path}`).sort();
const host = location.hostname;

/** A path other than the test page's, with a page under it. */
const SUB = '/test/e2e';

/** Reads the cookies a page under SUB sees, through a same-origin frame there. */
async function cookiesAtSub(): Promise<string> {
  const frame = document.createElement('iframe');
  frame.src = `${SUB}/fixtures/frame.html`;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const seen = frame.contentDocument!.cookie;
  frame.remove();
  return seen;
}

function clearJar() {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim();
    if (!name) continue;
    for (const d of ['', `;domain=${host}`]) for (const p of ['/', SUB]) document.cookie = `${name}=;max-age=0;path=${p}${d}`;
  }
}

describe('cleaner', () => {
  beforeEach(clearJar);
  afterEach(clearJar);

  it('lists the host-only, host and parent-domain variants down to two labels (COMPLIANCE 22)', () => {
    expect(cookieDomains('shop.example.dk')).to.deep.equal(['', '.shop.example.dk', '.example.dk']);
    expect(cookieDomains('www.shop.example.co.uk')).to.deep.equal(['', '.www.shop.example.co.uk', '.shop.example.co.uk', '.example.co.uk', '.co.uk']);
    expect(cookieDomains('example.dk')).to.deep.equal(['', '.example.dk']);
    expect(cookieDomains('localhost')).to.deep.equal(['', '.localhost']);
    expect(cookieDomains('127.0.0.1')).to.deep.equal(['']);
    expect(cookieDomains('[::1]')).to.deep.equal(['']);
  });

  it("deletes a refused service's cookies by name and pattern and keeps the rest (COMPLIANCE 22)", async () => {
    for (const c of ['_ga=GA1.1', '_ga_XYZ123=GS1.1', '_pk_id.1.a2b3=x', 'VISITOR_INFO1_LIVE=v', 'keep=1', '_gax=1'])
      document.cookie = `${c};path=/`;
    // (Chromium keeps Domain=localhost cookies host-only; the parent-domain variants are tested end to end.)
    expect(await names()).to.include(`_ga_XYZ123@${host}/`);

    const { config } = resolveConfig(CONFIG);
    const store = makeStore();
    removeRefusedCookies(config, store.save({ categories: { marketing: true } }).consent);
    expect(await names()).to.deep.equal([`VISITOR_INFO1_LIVE@${host}/`, `_gax@${host}/`, `keep@${host}/`].sort());
  });

  it('deletes on the configured path as well as on / (COMPLIANCE 22)', async () => {
    const input = { ...CONFIG, categories: CONFIG.categories.map((c) => (c.id === 'analytics' ? { ...c, services: [{ ...c.services![0], cookies: [{ name: '_ga', path: SUB, purpose: 'x', duration: 'y' }] }] } : c)) };
    document.cookie = '_ga=root;path=/';
    document.cookie = `_ga=sub;path=${SUB}`;
    expect(await cookiesAtSub()).to.include('_ga=sub');
    removeRefusedCookies(resolveConfig(input).config, null);
    expect(await cookiesAtSub()).not.to.include('_ga');
    expect(document.cookie).not.to.include('_ga');
  });

  it('never deletes the consent cookie itself, even when a service lists it', async () => {
    const input = { ...CONFIG, categories: [{ id: 'analytics', services: [{ id: 'x', name: 'X', provider: 'X', purpose: 'x', cookies: [{ name: 'sam', pattern: '^sam', purpose: 'x', duration: 'y' }] }] }], cookie: { name: 'samtykke' } };
    document.cookie = 'samtykke=1;path=/';
    document.cookie = 'sampler=1;path=/';
    removeRefusedCookies(resolveConfig(input).config, null);
    expect(await names()).to.deep.equal([`samtykke@${host}/`]);
  });

  it('reads the jar only when a refused cookie has a pattern, and then once', () => {
    const { config } = resolveConfig(CONFIG);
    const store = makeStore();
    let reads = 0;
    const written: string[] = [];
    const doc = {
      location,
      get cookie() {
        reads++;
        return '_ga_X=1; _pk_id.1=2';
      },
      set cookie(v: string) {
        written.push(v);
      },
    } as unknown as Document;

    removeRefusedCookies(config, store.acceptAll().consent, doc);
    expect(reads).to.equal(0);
    expect(written).to.deep.equal([]);

    // Marketing's cookie has no pattern; analytics' two services each have one.
    removeRefusedCookies(config, store.save({ categories: { analytics: false, marketing: false } }).consent, doc);
    expect(reads).to.equal(1);
    expect(written.some((w) => w.startsWith('_ga_X=;max-age=0'))).to.equal(true);
    expect(written.some((w) => w.startsWith('_pk_id.1=;max-age=0'))).to.equal(true);
  });

  it('runs from the gate on withdrawal, and on a first reject after expired consent (COMPLIANCE 17, 22)', async () => {
    const store = makeStore(storedChoice('all'));
    const stop = startGate(store, document.createElement('div'));
    try {
      document.cookie = '_ga=GA1.1;path=/';
      store.save({ categories: { analytics: true } });
      expect(document.cookie).to.include('_ga=GA1.1');
      store.withdraw();
      await until(() => !document.cookie.includes('_ga'));
      expect(document.cookie).not.to.include('_ga');
    } finally {
      stop();
    }

    // Expired consent reads as none (previous is null), yet the old cookies are still there.
    const fresh = makeStore();
    const stopFresh = startGate(fresh, document.createElement('div'));
    try {
      document.cookie = '_ga_OLD=GS1.1;path=/';
      fresh.rejectAll();
      expect(document.cookie).not.to.include('_ga_OLD');
    } finally {
      stopFresh();
    }
  });
});

describe('cookie patterns', () => {
  beforeEach(clearJar);
  afterEach(clearJar);

  it('matches a * glob and a ^prefix by comparing strings (COMPLIANCE 22)', () => {
    const cases: Array<[pattern: string, name: string, matches: boolean]> = [
      ['_ga_*', '_ga_XYZ123', true], ['_ga_*', '_ga_', true], ['_ga_*', '_ga', false], ['_ga_*', 'x_ga_X', false],
      ['*_session', 'shop_session', true], ['*_session', 'shop_session2', false],
      ['_pk_*.*', '_pk_id.1.a2b3', true], ['_pk_*.*', '_pk_id', false],
      ['a*b*c', 'abc', true], ['a*b*c', 'a-b-b-c', true], ['a*b*c', 'acb', false], ['a*bc*c', 'abc', false],
      ['*', 'anything', true],
      ['^_ga_', '_ga_X', true], ['^_ga_', '_gax', false],
      // A regular expression's escaped dot is a dot: the prefix earlier configs gave for Matomo.
      ['^_pk_id\\.', '_pk_id.1.a2b3', true], ['^_pk_id\\.', '_pk_idx', false],
    ];
    for (const [pattern, name, matches] of cases) {
      expect(isCookiePattern(pattern), pattern).to.equal(true);
      expect(matchesCookiePattern(pattern, name), `${pattern} ~ ${name}`).to.equal(matches);
    }
  });

  it('refuses anything else, as the config reports it (COMPLIANCE 22)', () => {
    for (const pattern of ['(a+)+$', '^_ga', '_ga', '^_ga.', '^(a|b)', '_ga_[0-9]+', '^_ga_*x', '_ga_*;domain=x', '', ' *', 5])
      expect(isCookiePattern(pattern), String(pattern)).to.equal(pattern === '^_ga');
    const { problems } = resolveConfig({ categories: [{ id: 'analytics', services: [{ id: 'x', name: 'X', provider: 'X', purpose: 'x', cookies: [{ name: 'a', pattern: '_ga', purpose: 'x', duration: 'y' }] }] }] });
    expect(problems.map((p) => [p.path, p.expected])).to.deep.equal([['categories[0].services[0].cookies[0].pattern', COOKIE_PATTERN_TEXT]]);
  });

  it('never runs a catastrophic pattern as a regular expression, at load or at reject (COMPLIANCE 22)', async () => {
    const evil = '(a+)+$';
    const input = { categories: [{ id: 'analytics', services: [{ id: 'x', name: 'X', provider: 'X', purpose: 'x', cookies: [{ name: 'a', pattern: evil, purpose: 'x', duration: 'y' }] }] }] };
    document.cookie = `${'a'.repeat(40)}!=1;path=/`;
    const NativeRegExp = window.RegExp;
    const built: string[] = [];
    window.RegExp = new Proxy(NativeRegExp, {
      construct: (target, args) => (built.push(String(args[0])), Reflect.construct(target, args)),
      apply: (target, self, args) => (built.push(String(args[0])), Reflect.apply(target, self, args)),
    });
    let config;
    try {
      ({ config } = resolveConfig(input));
      removeRefusedCookies(config, null);
    } finally {
      window.RegExp = NativeRegExp;
    }
    expect(built).to.not.include(evil);
    expect(config.categories[0].services[0].cookies[0]).to.not.have.property('pattern');
    // The cookie named in the config is still deleted; the long one no pattern matched stays.
    expect(await names()).to.deep.equal([`${'a'.repeat(40)}!@${host}/`]);
  });

  it('deletes the cookies of a service the config could not list, at every decision (COMPLIANCE 22)', async () => {
    // "necessary" is a category's id: the marketing service is left out, and so must be its cookie.
    const input = {
      categories: [
        { id: 'necessary' },
        { id: 'marketing', services: [{ id: 'necessary', name: 'Pixel', provider: 'X', purpose: 'Ads', cookies: [{ name: '_px', pattern: '_px_*', purpose: 'x', duration: 'y' }] }] },
      ],
    };
    const { config, problems } = resolveConfig(input);
    expect(problems.map((p) => p.path)).to.deep.equal(['categories[1].services[0].id']);
    expect(config.refusedCookies.map((c) => c.name)).to.deep.equal(['_px']);
    for (const c of ['_px=1', '_px_2=1', 'keep=1']) document.cookie = `${c};path=/`;
    const store = makeStore(undefined, input);
    removeRefusedCookies(config, store.acceptAll().consent);
    expect(await names()).to.deep.equal([`keep@${host}/`]);
  });
});
