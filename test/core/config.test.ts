import { expect } from '@open-wc/testing';
import { MAX_EXPIRY_DAYS, defaultConfig, isSafeUrl, resolveConfig, type SamtykkeConfig } from '../../src/core/config.js';
import { MemoryStorage } from '../../src/core/cookie-storage.js';
import { SamtykkeController } from '../../src/controller.js';

/** A complete, valid config where every key differs from its default. */
const BASE = {
  revision: 2,
  language: 'en',
  categories: [
    {
      id: 'necessary',
      required: true,
      services: [{ id: 'session', name: 'Session', provider: 'Butikken ApS', purpose: 'Kurv', essential: true, reason: 'Uden den virker kurven ikke', cookies: [{ name: 'sid', purpose: 'Login', duration: 'Session' }] }],
    },
    {
      id: 'analytics',
      title: { da: 'Statistik', en: 'Analytics' },
      description: 'Måling',
      services: [
        {
          id: 'ga', name: 'Google Analytics', provider: 'Google Ireland Ltd.', purpose: { da: 'Måling', en: 'Measuring' }, transfer: 'USA (EU-US Data Privacy Framework)',
          cookies: [{ name: '_ga', pattern: '^_ga', domain: '.butikken.dk', path: '/', purpose: 'Skelner brugere', duration: { da: '2 år', en: '2 years' } }],
        },
      ],
    },
    { id: 'marketing', services: [{ id: 'meta', name: 'Meta Pixel', provider: 'Meta Platforms Ireland', purpose: 'Annoncer', cookies: [] }] },
  ],
  cookie: { name: 'butik_samtykke', domain: '.butikken.dk', path: '/', sameSite: 'Strict', expiresDays: 300, rejectExpiresDays: 190 },
  endpoint: 'https://log.butikken.dk/api/consents',
  controller: { name: 'Butikken ApS', cvr: '12345678', address: 'Vej 1, 2500 Valby', email: 'privat@butikken.dk', phone: '12 34 56 78' },
  policy: 'https://butikken.dk/policy.json',
  policyVersion: '2025-01-15',
  privacyPolicyUrl: '/privatlivspolitik',
  cookiePolicyUrl: 'https://butikken.dk/cookies',
  googleConsentMode: { mapping: { analytics: ['analytics_storage'], marketing: ['ad_storage', 'ad_user_data'] } },
  respectGpc: false,
  texts: { da: { banner: { title: 'Cookies hos Butikken' } }, en: { banner: { title: 'Cookies at the shop' } } },
  theme: 'dark',
  layout: 'bar',
  reopen: { position: 'right' },
  financialYearEnd: '12-31',
  reloadOnWithdraw: true,
};

// Loosely typed on purpose: the cases write values of the wrong type.
type Input = Record<string, any>;
const ids = (config: SamtykkeConfig) => config.categories.map((c) => c.id);
const serviceIds = (config: SamtykkeConfig) => config.categories.flatMap((c) => c.services.map((s) => s.id));
const DEFAULTS = defaultConfig();

/**
 * One bad value each: the key path reported, a piece of the found value the message must show
 * (null when the value is an object or array), and what the config must hold instead.
 */
const CASES: Array<[path: string, patch: (c: Input) => void, found: string | null, then: (c: SamtykkeConfig, base: SamtykkeConfig) => void]> = [
  ['revision', (c) => (c.revision = -1), '-1', (c) => expect(c.revision).to.equal(DEFAULTS.revision)],
  ['revision', (c) => (c.revision = 1.5), '1.5', (c) => expect(c.revision).to.equal(DEFAULTS.revision)],
  ['revision', (c) => (c.revision = '3' as any), '3', (c) => expect(c.revision).to.equal(DEFAULTS.revision)],
  ['language', (c) => (c.language = 'klingon'), 'klingon', (c) => expect(c.language).to.equal('auto')],
  ['language', (c) => (c.language = ['da', 'tlh']), null, (c) => expect(c.language).to.equal('auto')],
  ['language', (c) => (c.language = []), null, (c) => expect(c.language).to.equal('auto')],
  ['categories', (c) => (c.categories = 'all' as any), 'all', (c) => expect(c.categories).to.deep.equal(DEFAULTS.categories)],
  ['categories', (c) => (c.categories = [] as any), null, (c) => expect(c.categories).to.deep.equal(DEFAULTS.categories)],
  ['categories[1]', (c) => (c.categories[1] = 'analytics' as any), 'analytics', (c) => expect(ids(c)).to.deep.equal(['necessary', 'marketing'])],
  ['categories[1].id', (c) => (c.categories[1].id = 'web analytics'), 'web analytics', (c) => expect(ids(c)).to.deep.equal(['necessary', 'marketing'])],
  ['categories[2].id', (c) => (c.categories[2].id = 'analytics'), 'analytics', (c) => expect(ids(c)).to.deep.equal(['necessary', 'analytics'])],
  ['categories[2].id', (c) => delete (c.categories[2] as any).id, 'undefined', (c) => expect(ids(c)).to.deep.equal(['necessary', 'analytics'])],
  ['categories[1].required', (c) => ((c.categories[1] as any).required = 'yes'), 'yes', (c) => expect(c.categories[1]).to.include({ id: 'analytics', required: false })],
  ['categories[1].title', (c) => (c.categories[1].title = 42 as any), '42', (c) => expect(c.categories[1]).to.not.have.property('title')],
  ['categories[1].description', (c) => (c.categories[1].description = { xx: 'Mesure' } as any), null, (c) => expect(c.categories[1]).to.not.have.property('description')],
  ['categories[1].servces', (c) => ((c.categories[1] as any).servces = []), null, (c, base) => expect(c.categories).to.deep.equal(base.categories)],
  ['categories[1].services', (c) => (c.categories[1].services = 'ga' as any), 'ga', (c) => expect(c.categories[1].services).to.deep.equal([])],
  ['categories[1].services[0]', (c) => (c.categories[1].services[0] = null as any), 'null', (c) => expect(serviceIds(c)).to.deep.equal(['session', 'meta'])],
  // A service that cannot be listed leaves its cookies to the clean-up, which deletes them on every decision.
  ['categories[1].services[0].id', (c) => (c.categories[1].services[0].id = '1ga'), '1ga', (c) => {
    expect(serviceIds(c)).to.deep.equal(['session', 'meta']);
    expect(c.refusedCookies.map((k) => k.name)).to.deep.equal(['_ga']);
  }],
  ['categories[1].services[0].id', (c) => delete (c.categories[1].services[0] as any).id, 'undefined', (c) => {
    expect(serviceIds(c)).to.deep.equal(['session', 'meta']);
    expect(c.refusedCookies.map((k) => k.name)).to.deep.equal(['_ga']);
  }],
  ['categories[2].services[0].id', (c) => (c.categories[2].services[0].id = 'ga'), 'ga', (c) => expect(serviceIds(c)).to.deep.equal(['session', 'ga'])],
  // Ids are unique across categories and services: a service called "necessary" would run with the required category.
  ['categories[2].services[0].id', (c) => (c.categories[2].services[0].id = 'necessary'), 'necessary', (c) => expect(serviceIds(c)).to.deep.equal(['session', 'ga'])],
  ['categories[1].services[0].id', (c) => (c.categories[1].services[0].id = 'marketing'), 'marketing', (c) => {
    expect(serviceIds(c)).to.deep.equal(['session', 'meta']);
    expect(ids(c)).to.deep.equal(['necessary', 'analytics', 'marketing']);
  }],
  ['categories[1].services[0].id', (c) => (c.categories[1].services[0].id = '__proto__'), '__proto__', (c) => expect(serviceIds(c)).to.deep.equal(['session', 'meta'])],
  // A problem in one field keeps the service and its cookies: listed, declared, cleaned up.
  ['categories[1].services[0].name', (c) => (c.categories[1].services[0].name = '  '), '"  "', (c, base) =>
    expect(c.categories[1].services[0]).to.deep.equal({ ...base.categories[1].services[0], name: 'ga' })],
  ['categories[1].services[0].provider', (c) => delete (c.categories[1].services[0] as any).provider, 'undefined', (c) => {
    expect(serviceIds(c)).to.deep.equal(['session', 'ga', 'meta']);
    expect(c.categories[1].services[0]).to.not.have.property('provider');
  }],
  ['categories[1].services[0].purpose', (c) => (c.categories[1].services[0].purpose = 7 as any), '7', (c) => {
    expect(serviceIds(c)).to.deep.equal(['session', 'ga', 'meta']);
    expect(c.categories[1].services[0]).to.not.have.property('purpose');
  }],
  ['categories[1].services[0].purpose', (c) => delete (c.categories[1].services[0] as any).purpose, 'undefined', (c) => {
    expect(c.categories[1].services[0].cookies.map((k) => k.name)).to.deep.equal(['_ga']);
    expect(c.categories[1].services[0]).to.not.have.property('purpose');
  }],
  ['categories[1].services[0].privacyUrl', (c) => ((c.categories[1].services[0] as any).privacyUrl = 'javascript:alert(1)'), 'javascript:alert(1)', (c) =>
    expect(c.categories[1].services[0]).to.not.have.property('privacyUrl')],
  ['categories[1].services[0].providr', (c) => ((c.categories[1].services[0] as any).providr = 'Google'), 'Google', (c, base) => expect(c.categories).to.deep.equal(base.categories)],
  ['categories[1].services[0].transfer', (c) => (c.categories[1].services[0].transfer = true as any), 'true', (c) => {
    expect(serviceIds(c)).to.deep.equal(['session', 'ga', 'meta']);
    expect(c.categories[1].services[0]).to.not.have.property('transfer');
  }],
  ['categories[1].services[0].cookies', (c) => (c.categories[1].services[0].cookies = '_ga' as any), '_ga', (c) => {
    expect(serviceIds(c)).to.deep.equal(['session', 'ga', 'meta']);
    expect(c.categories[1].services[0].cookies).to.deep.equal([]);
  }],
  ['categories[1].services[0].cookies[0]', (c) => (c.categories[1].services[0].cookies[0] = '_ga' as any), '_ga', (c) => expect(c.categories[1].services[0].cookies).to.deep.equal([])],
  ['categories[1].services[0].cookies[0].name', (c) => (c.categories[1].services[0].cookies[0].name = 5 as any), '5', (c) => expect(c.categories[1].services[0].cookies).to.deep.equal([])],
  ['categories[1].services[0].cookies[0].pattern', (c) => (c.categories[1].services[0].cookies[0].pattern = '^_ga(['), '^_ga([', (c, base) => {
    const { pattern: _p, ...rest } = base.categories[1].services[0].cookies[0];
    expect(c.categories[1].services[0].cookies).to.deep.equal([rest]);
  }],
  // Catastrophic backtracking as a regular expression: refused, never run; the cookie is still deleted by name.
  ['categories[1].services[0].cookies[0].pattern', (c) => (c.categories[1].services[0].cookies[0].pattern = '(a+)+$'), '(a+)+$', (c) =>
    expect(c.categories[1].services[0].cookies.map((k) => [k.name, k.pattern])).to.deep.equal([['_ga', undefined]])],
  ['categories[1].services[0].cookies[0].purpose', (c) => (c.categories[1].services[0].cookies[0].purpose = {} as any), null, (c) =>
    expect(c.categories[1].services[0].cookies[0]).to.include({ name: '_ga' }).and.not.have.property('purpose')],
  ['categories[1].services[0].cookies[0].duration', (c) => (c.categories[1].services[0].cookies[0].duration = false as any), 'false', (c) =>
    expect(c.categories[1].services[0].cookies[0]).to.include({ name: '_ga' }).and.not.have.property('duration')],
  ['categories[1].services[0].cookies[0].duration', (c) => delete (c.categories[1].services[0].cookies[0] as any).duration, 'undefined', (c) =>
    expect(c.categories[1].services[0].cookies[0]).to.include({ name: '_ga' }).and.not.have.property('duration')],
  ['categories[1].services[0].cookies[0].expires', (c) => ((c.categories[1].services[0].cookies[0] as any).expires = '2 år'), '2 år', (c, base) =>
    expect(c.categories).to.deep.equal(base.categories)],
  ['categories[1].services[0].cookies[0].domain', (c) => (c.categories[1].services[0].cookies[0].domain = 5 as any), '5', (c) => {
    expect(c.categories[1].services[0].cookies[0]).to.include({ name: '_ga', path: '/' });
    expect(c.categories[1].services[0].cookies[0]).to.not.have.property('domain');
  }],
  ['categories[1].services[0].cookies[0].path', (c) => (c.categories[1].services[0].cookies[0].path = 'shop'), 'shop', (c) => {
    expect(c.categories[1].services[0].cookies[0]).to.include({ name: '_ga', domain: '.butikken.dk' });
    expect(c.categories[1].services[0].cookies[0]).to.not.have.property('path');
  }],
  ['cookie', (c) => (c.cookie = 'samtykke' as any), 'samtykke', (c) => expect(c.cookie).to.deep.equal(DEFAULTS.cookie)],
  ['cookie.name', (c) => (c.cookie.name = 'my cookie'), 'my cookie', (c, base) => expect(c.cookie).to.deep.equal({ ...base.cookie, name: 'samtykke' })],
  ['cookie.domain', (c) => (c.cookie.domain = 'butikken.dk; secure=false'), 'butikken.dk; secure=false', (c, base) => {
    const { domain: _d, ...rest } = base.cookie;
    expect(c.cookie).to.deep.equal(rest);
  }],
  ['cookie.path', (c) => (c.cookie.path = 'shop'), 'shop', (c, base) => expect(c.cookie).to.deep.equal({ ...base.cookie, path: '/' })],
  // Written into the cookie string: a ";" would smuggle in attributes of its own.
  ['cookie.path', (c) => (c.cookie.path = '/; domain=evil.example'), 'domain=evil.example', (c, base) => expect(c.cookie).to.deep.equal({ ...base.cookie, path: '/' })],
  ['cookie.sameSite', (c) => (c.cookie.sameSite = 'lax'), 'lax', (c, base) => expect(c.cookie).to.deep.equal({ ...base.cookie, sameSite: 'Lax' })],
  ['cookie.expiresDays', (c) => (c.cookie.expiresDays = 0), '0', (c, base) => expect(c.cookie).to.deep.equal({ ...base.cookie, expiresDays: 365 })],
  ['cookie.expiresDays', (c) => (c.cookie.expiresDays = 'forever' as any), 'forever', (c, base) => expect(c.cookie).to.deep.equal({ ...base.cookie, expiresDays: 365 })],
  ['cookie.rejectExpiresDays', (c) => (c.cookie.rejectExpiresDays = -5), '-5', (c, base) => expect(c.cookie).to.deep.equal({ ...base.cookie, rejectExpiresDays: 182 })],
  // A typo at any level is named, not silently ignored.
  ['cookie.expireDays', (c) => ((c.cookie as any).expireDays = 30), '30', (c, base) => expect(c.cookie).to.deep.equal(base.cookie)],
  ['endpoint', (c) => (c.endpoint = 'javascript:alert(1)'), 'javascript:alert(1)', (c) => expect(c.endpoint).to.equal(undefined)],
  ['endpoint', (c) => (c.endpoint = '//evil.example/log'), '//evil.example/log', (c) => expect(c.endpoint).to.equal(undefined)],
  ['controller', (c) => (c.controller = 'Butikken' as any), 'Butikken', (c) => expect(c.controller).to.deep.equal({})],
  ['controller.cvr', (c) => (c.controller.cvr = 12345678 as any), '12345678', (c, base) => {
    const { cvr: _cvr, ...rest } = base.controller;
    expect(c.controller).to.deep.equal(rest);
  }],
  ['policy', (c) => (c.policy = 'data:application/json,{}'), 'data:application/json,{}', (c) => expect(c.policy).to.equal(undefined)],
  ['policyVersion', (c) => (c.policyVersion = ''), '""', (c) => expect(c.policyVersion).to.equal(undefined)],
  // What the consent log would refuse is refused at load: a newline, more than 64 characters.
  ['policyVersion', (c) => (c.policyVersion = '2025-01-15\nmaterial'), '2025-01-15', (c) => expect(c.policyVersion).to.equal(undefined)],
  ['policyVersion', (c) => (c.policyVersion = 'v'.repeat(65)), 'vvvv', (c) => expect(c.policyVersion).to.equal(undefined)],
  ['revision', (c) => (c.revision = 2 ** 31), String(2 ** 31), (c) => expect(c.revision).to.equal(DEFAULTS.revision)],
  ['privacyPolicyUrl', (c) => (c.privacyPolicyUrl = 'javascript:void(0)'), 'javascript:void(0)', (c) => expect(c.privacyPolicyUrl).to.equal(undefined)],
  ['privacyPolicyUrl', (c) => (c.privacyPolicyUrl = '/\\evil.example'), 'evil.example', (c) => expect(c.privacyPolicyUrl).to.equal(undefined)],
  ['cookiePolicyUrl', (c) => (c.cookiePolicyUrl = ' vbscript:msgbox'), 'vbscript:msgbox', (c) => expect(c.cookiePolicyUrl).to.equal(undefined)],
  ['googleConsentMode', (c) => (c.googleConsentMode = 'yes' as any), 'yes', (c) => expect(c.googleConsentMode).to.deep.equal(DEFAULTS.googleConsentMode)],
  ['googleConsentMode.mapping.marketing[0]', (c) => (c.googleConsentMode.mapping.marketing = ['ads'] as any), 'ads', (c) =>
    expect(c.googleConsentMode).to.deep.equal({ enabled: true, mapping: { analytics: ['analytics_storage'] } })],
  ['respectGpc', (c) => (c.respectGpc = 'no' as any), 'no', (c) => expect(c.respectGpc).to.equal(true)],
  ['texts', (c) => (c.texts = 'Hej' as any), 'Hej', (c) => expect(c.texts).to.deep.equal({})],
  ['texts.xx', (c) => ((c.texts as any).xx = { banner: { title: 'Kekse' } }), null, (c, base) => expect(c.texts).to.deep.equal(base.texts)],
  ['texts.en', (c) => (c.texts.en = 'Cookies' as any), 'Cookies', (c, base) => expect(c.texts).to.deep.equal({ da: base.texts.da })],
  ['theme', (c) => (c.theme = 'purple'), 'purple', (c) => expect(c.theme).to.equal('auto')],
  ['theme.preset', (c) => (c.theme = { scheme: 'dark', preset: 'neon' } as any), 'neon', (c) => expect([c.theme, c.themePreset]).to.deep.equal(['dark', 'default'])],
  ['theme.colour', (c) => (c.theme = { scheme: 'dark', colour: 'red' } as any), 'red', (c) => expect([c.theme, c.themePreset]).to.deep.equal(['dark', 'default'])],
  ['layout', (c) => (c.layout = 'modal'), 'modal', (c) => expect(c.layout).to.equal('box')],
  ['reopen', (c) => (c.reopen = true as any), 'true', (c) => expect(c.reopen).to.deep.equal({ position: 'left', offset: { x: 16, y: 16 } })],
  ['reopen.position', (c) => (c.reopen = { position: 'top' } as any), 'top', (c) => expect(c.reopen).to.deep.equal({ position: 'left', offset: { x: 16, y: 16 } })],
  ['reopen.offset.y', (c) => (c.reopen = { position: 'right', offset: { x: 0, y: 401 } } as any), '401', (c) =>
    expect(c.reopen).to.deep.equal({ position: 'right', offset: { x: 0, y: 16 } })],
  ['financialYearEnd', (c) => (c.financialYearEnd = '02-30'), '02-30', (c) => expect(c.financialYearEnd).to.equal('06-30')],
  ['financialYearEnd', (c) => (c.financialYearEnd = '6/30'), '6/30', (c) => expect(c.financialYearEnd).to.equal('06-30')],
  ['reloadOnWithdraw', (c) => (c.reloadOnWithdraw = 1 as any), '1', (c) => expect(c.reloadOnWithdraw).to.equal(false)],
  ['revison', (c) => (c.revison = 3), '3', (c, base) => expect(c.revision).to.equal(base.revision)],
  // The schema is a flat list of keys and kinds: a key spelled like a kind is still no key.
  ['u', (c) => ((c as any).u = 'https://x.dk'), 'https://x.dk', (c) => expect((c as any).u).to.equal(undefined)],
  ['=bar|box', (c) => ((c as any)['=bar|box'] = 'bar'), 'bar', (c, base) => expect(c.layout).to.equal(base.layout)],
];

/** Replaces console.error/warn for one test; the calls are kept for assertions. */
function stubConsole(method: 'error' | 'warn') {
  const original = console[method];
  const calls: unknown[][] = [];
  console[method] = (...args: unknown[]) => void calls.push(args);
  return { calls, restore: () => (console[method] = original) };
}

describe('resolveConfig', () => {
  const base = resolveConfig(BASE);
  let errors: ReturnType<typeof stubConsole>;
  beforeEach(() => (errors = stubConsole('error')));
  afterEach(() => errors.restore());

  it('accepts a complete valid config as written, silently (COMPLIANCE 10)', () => {
    expect(base.problems).to.deep.equal([]);
    expect(base.config).to.deep.include({ revision: 2, language: 'en', theme: 'dark', layout: 'bar', reloadOnWithdraw: true, financialYearEnd: '12-31' });
    expect(base.config.cookie).to.deep.equal(BASE.cookie);
    expect(base.config.categories[0].services[0]).to.include({ essential: true, reason: 'Uden den virker kurven ikke' });
    expect(base.config.categories[1].services[0].cookies[0]).to.deep.equal(BASE.categories[1].services[0].cookies[0]);
    new SamtykkeController(BASE, { storage: new MemoryStorage() });
    expect(errors.calls).to.deep.equal([]);
  });

  for (const [path, patch, found, then] of CASES) {
    it(`reports a bad ${path} once, keeps the rest (COMPLIANCE 19)`, () => {
      const input = structuredClone(BASE) as Input;
      patch(input);
      const { config, problems } = resolveConfig(input);
      expect(problems.map((p) => p.path)).to.deep.equal([path]);
      if (found !== null) expect(problems[0].found).to.contain(found);
      expect(problems[0].expected).to.be.a('string').and.not.equal('');
      then(config, base.config);
      // The cookies of services that cannot be listed belong with the categories.
      const top = path.split(/[.[]/)[0];
      const alsoChanged: Partial<Record<string, string>> = { categories: 'refusedCookies', theme: 'themePreset' };
      for (const key of Object.keys(base.config) as Array<keyof SamtykkeConfig>) {
        if (key !== top && key !== alsoChanged[top]) expect(config[key], `${key} is kept`).to.deep.equal(base.config[key]);
      }

      // The site owner sees exactly one console.error naming the path and the value found, and nothing is consented.
      let ctrl: SamtykkeController | undefined;
      expect(() => (ctrl = new SamtykkeController(input, { storage: new MemoryStorage() }))).not.to.throw();
      expect(errors.calls).to.have.length(1);
      const message = errors.calls[0].map(String).join(' ');
      expect(message).to.contain(path);
      if (found !== null) expect(message).to.contain(found);
      expect(ctrl!.store.consent).to.equal(null);
      const alwaysOn = config.categories.filter((c) => c.required).flatMap((c) => [c.id, ...c.services.map((s) => s.id)]);
      for (const id of [...ids(base.config), ...serviceIds(base.config)]) expect(ctrl!.store.hasConsent(id), id).to.equal(alwaysOn.includes(id));
    });
  }

  it('reports several problems in one console.error (COMPLIANCE 19)', () => {
    const input = { ...structuredClone(BASE), theme: 'neon', layout: 7, language: 'se', cookie: { expireDays: 30 } };
    new SamtykkeController(input, { storage: new MemoryStorage() });
    expect(errors.calls).to.have.length(1);
    const message = String(errors.calls[0][0]);
    for (const text of ['theme', 'neon', 'layout', '7', 'language', 'se', 'cookie.expireDays', '30']) expect(message).to.contain(text);
  });

  it('names the values an enum allows, as the site owner would write them (COMPLIANCE 19)', () => {
    const { problems } = resolveConfig({ theme: 'neon', cookie: { sameSite: 'lax' } });
    expect(problems.map((p) => [p.path, p.expected])).to.deep.equal([
      ['theme', '"light" | "dark" | "auto", or { scheme?, preset? }'],
      ['cookie.sameSite', '"Lax" | "Strict" | "None"'],
    ]);
  });

  it('clamps cookie.expiresDays above 395 to 395 and reports it (COMPLIANCE 17)', () => {
    for (const days of [396, 1000, Infinity]) {
      const { config, problems } = resolveConfig({ cookie: { expiresDays: days, rejectExpiresDays: 500 } });
      expect(config.cookie.expiresDays).to.equal(MAX_EXPIRY_DAYS);
      expect(config.cookie.rejectExpiresDays).to.equal(MAX_EXPIRY_DAYS);
      expect(problems.map((p) => p.path)).to.deep.equal(['cookie.expiresDays', 'cookie.rejectExpiresDays']);
      expect(problems[0].found).to.contain(String(days));
    }
    expect(resolveConfig({ cookie: { expiresDays: 395 } }).problems).to.deep.equal([]);
  });

  it('gives a config without categories the four defaults, silently (COMPLIANCE 11)', () => {
    const { config, problems } = resolveConfig({ revision: 4 });
    expect(problems).to.deep.equal([]);
    expect(config.categories.map((c) => [c.id, c.required])).to.deep.equal([
      ['necessary', true], ['functional', false], ['analytics', false], ['marketing', false],
    ]);
    new SamtykkeController({ revision: 4 }, { storage: new MemoryStorage() });
    expect(errors.calls).to.deep.equal([]);
  });

  it('googleConsentMode: true/false switch it; an object gives the mapping and may switch it off (COMPLIANCE 34)', () => {
    expect(resolveConfig({}).config.googleConsentMode).to.deep.equal({ enabled: true, mapping: DEFAULTS.googleConsentMode.mapping });
    expect(resolveConfig({ googleConsentMode: false }).config.googleConsentMode.enabled).to.equal(false);
    const mapping = { analytics: ['analytics_storage'] };
    expect(resolveConfig({ googleConsentMode: { mapping } }).config.googleConsentMode).to.deep.equal({ enabled: true, mapping });
    const off = resolveConfig({ googleConsentMode: { enabled: false, mapping } });
    expect(off.problems).to.deep.equal([]);
    expect(off.config.googleConsentMode).to.deep.equal({ enabled: false, mapping });
  });

  it('treats a category named necessary as required unless told otherwise (COMPLIANCE 10)', () => {
    const { config } = resolveConfig({ categories: [{ id: 'necessary' }, { id: 'analytics' }] });
    expect(config.categories.map((c) => c.required)).to.deep.equal([true, false]);
  });

  it('refuses a service in a required category without essential: true and a reason (COMPLIANCE 10)', () => {
    const hidden = { id: 'hotjar', name: 'Hotjar', provider: 'Hotjar Ltd.', purpose: 'Optagelser', cookies: [{ name: '_hj', purpose: 'x', duration: '1 år' }] };
    for (const [extra, badKey] of [[{}], [{ essential: true }], [{ reason: 'Nødvendig' }], [{ essential: 'true', reason: 'Nødvendig' }, 'essential'], [{ essential: true, reason: 42 }, 'reason']] as const) {
      const { config, problems } = resolveConfig({ categories: [{ id: 'necessary', services: [{ ...hidden, ...extra }] }, { id: 'analytics' }] });
      // A bad value of essential or reason is named as well.
      const paths = badKey ? [`categories[0].services[0].${badKey}`, 'categories[0].services[0]'] : ['categories[0].services[0]'];
      expect(problems.map((p) => p.path), JSON.stringify(extra)).to.deep.equal(paths);
      expect(config.categories[0].services).to.deep.equal([]);
      // Not listed, so no consent can name it: its cookies are deleted at every decision.
      expect(config.refusedCookies.map((c) => c.name)).to.deep.equal(['_hj']);
    }
    const { config, problems } = resolveConfig({ categories: [{ id: 'necessary', services: [{ ...hidden, essential: true, reason: 'Sikkerhed' }] }] });
    expect(problems).to.deep.equal([]);
    expect(config.categories[0].services[0]).to.include({ id: 'hotjar', essential: true, reason: 'Sikkerhed' });
  });

  it('reports a required category with a bad id once, not also its services (COMPLIANCE 19)', () => {
    const service = { id: 'hotjar', name: 'Hotjar', provider: 'Hotjar Ltd.', purpose: 'Optagelser' };
    const { config, problems } = resolveConfig({ categories: [{ id: 'bad id', required: true, services: [service] }, { id: 'analytics' }] });
    expect(problems.map((p) => p.path)).to.deep.equal(['categories[0].id']);
    expect(ids(config)).to.deep.equal(['analytics']);
  });

  it('keeps the four default categories when every given one is dropped (COMPLIANCE 11)', () => {
    const dropped = resolveConfig({ categories: [{ id: '1x' }] });
    expect(dropped.problems.map((p) => p.path)).to.deep.equal(['categories[0].id']);
    expect(dropped.config.categories).to.deep.equal(DEFAULTS.categories);
  });

  it('refuses ids the consent cookie cannot store (COMPLIANCE 19)', () => {
    const { config, problems } = resolveConfig({
      categories: [{ id: 'necessary' }, { id: 'constructor' }, { id: 'prototype' }, { id: 'analytics', services: [{ id: 'constructor', name: 'X', provider: 'Y', purpose: 'Z' }] }],
    });
    expect(problems.map((p) => p.path)).to.deep.equal(['categories[1].id', 'categories[2].id', 'categories[3].services[0].id']);
    expect(ids(config)).to.deep.equal(['necessary', 'analytics']);
    expect(serviceIds(config)).to.deep.equal([]);
  });

  it('falls back to the defaults for a config that is not an object (COMPLIANCE 8)', () => {
    for (const input of ['{"revision": 2}', ['revision', 2], 42, true]) {
      const { config, problems } = resolveConfig(input);
      expect(config, JSON.stringify(input)).to.deep.equal(DEFAULTS);
      expect(problems.map((p) => p.path)).to.deep.equal(['(config)']);
    }
    for (const input of [undefined, null]) expect(resolveConfig(input)).to.deep.equal({ config: DEFAULTS, problems: [] });
    const ctrl = new SamtykkeController('{"revision": 2}', { storage: new MemoryStorage() });
    expect(errors.calls).to.have.length(1);
    expect(ctrl.store.consent).to.equal(null);
    expect(ctrl.store.hasConsent('marketing')).to.equal(false);
  });

  it('reads a config object whose getters throw as no config, and says so (COMPLIANCE 19)', () => {
    const hostile = { revision: 2, get categories(): never { throw new Error('boom'); } };
    let result: ReturnType<typeof resolveConfig> | undefined;
    expect(() => (result = resolveConfig(hostile))).not.to.throw();
    expect(result!.config).to.deep.equal(DEFAULTS);
    expect(result!.problems.map((p) => p.path)).to.deep.equal(['(config)']);
    const ctrl = new SamtykkeController(hostile, { storage: new MemoryStorage() });
    expect(errors.calls).to.have.length(1);
    expect(ctrl.store.hasConsent('marketing')).to.equal(false);
  });

  it('never throws on hostile values and keeps error messages short (COMPLIANCE 19)', () => {
    const img = '<img src=x onerror="window.__pwned=1">';
    const huge = 'x'.repeat(10 * 1024);
    const inputs: unknown[] = [
      { theme: img, cookie: { name: img, domain: img }, endpoint: img, categories: [{ id: img }] },
      { theme: huge, language: huge, cookie: { name: huge }, categories: [{ id: huge }], texts: { [huge]: {} } },
      { categories: [{ id: 'analytics', title: huge, services: [{ id: 'ga', name: huge, provider: img, purpose: huge }] }] },
      JSON.parse('{"__proto__":{"revision":9},"constructor":{"prototype":{"x":1}},"googleConsentMode":{"mapping":{"__proto__":["ad_storage"]}}}'),
      { categories: new Array(1000).fill({ id: 'dup' }) },
      Object.create(null),
    ];
    for (const input of inputs) {
      let result: ReturnType<typeof resolveConfig> | undefined;
      expect(() => (result = resolveConfig(input))).not.to.throw();
      for (const p of result!.problems) expect(p.found.length, p.path).to.be.below(100);
      expect(() => new SamtykkeController(input, { storage: new MemoryStorage() })).not.to.throw();
    }
    expect(resolveConfig(inputs[0]).problems.map((p) => p.path)).to.deep.equal(['theme', 'categories[0].id', 'cookie.name', 'cookie.domain']);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(({} as Record<string, unknown>).revision).to.equal(undefined);
    expect(resolveConfig(inputs[3]).config.revision).to.equal(1);
  });
});

describe('config problem messages', () => {
  it('name what each key expects in words, for any bad value at any key (COMPLIANCE 19)', () => {
    const values: unknown[] = [5, -1, 1e9, 'x', '', '  ', 'javascript:x', true, null, [], [1], {}, { a: 1 }];
    const wrap: Array<(value: unknown) => object> = [
      ...Object.keys(BASE).map((key) => (value: unknown) => ({ [key]: value })),
      ...Object.keys(BASE.cookie).map((key) => (value: unknown) => ({ cookie: { [key]: value } })),
      ...['scheme', 'preset'].map((key) => (value: unknown) => ({ theme: { [key]: value } })),
      ...['position', 'offset'].map((key) => (value: unknown) => ({ reopen: { [key]: value } })),
      ...['id', 'required', 'title', 'services'].map((key) => (value: unknown) => ({ categories: [{ id: 'analytics', [key]: value }] })),
      ...['id', 'name', 'provider', 'purpose', 'transfer', 'privacyUrl', 'essential', 'reason', 'cookies'].map((key) => (value: unknown) => ({
        categories: [{ id: 'analytics', services: [{ ...BASE.categories[1].services![0], [key]: value }] }],
      })),
      ...['name', 'pattern', 'domain', 'path', 'purpose', 'duration'].map((key) => (value: unknown) => ({
        categories: [{ id: 'analytics', services: [{ ...BASE.categories[1].services![0], cookies: [{ ...BASE.categories[1].services![0].cookies[0], [key]: value }] }] }],
      })),
      (value) => ({ googleConsentMode: { mapping: { analytics: value } } }),
      (value) => ({ categories: [value] }),
    ];
    let count = 0;
    for (const make of wrap)
      for (const value of values)
        for (const problem of resolveConfig(make(value)).problems) {
          count++;
          // valibot's own wording ("Invalid type: Expected …") would mean a check without a message of ours.
          expect(problem.expected, `${problem.path} = ${problem.found}`).to.not.match(/Invalid|Expected|received/);
        }
    expect(count).to.be.above(300);
  });
});

describe('isSafeUrl', () => {
  it('allows http(s) and relative URLs only (COMPLIANCE 7)', () => {
    for (const url of ['https://a.dk/p', 'http://a.dk', 'HTTPS://a.dk', '/privatliv', 'privatliv.html', '#cookies', '?lang=en', './om/privatliv', '../privatliv', '\\privatliv'])
      expect(isSafeUrl(url), url).to.equal(true);
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//cdn.dk/x', '', '   ', 5, null])
      expect(isSafeUrl(url), String(url)).to.equal(false);
  });

  it('reads a URL as the browser does: tabs, newlines and leading controls hide no scheme (COMPLIANCE 7)', () => {
    for (const url of ['java\nscript:alert(1)', 'java\tscript:alert(1)', 'jav\r\nascript:x', '\u0001javascript:x', '\u0000 javascript:x', 'data\n:text/html,x'])
      expect(isSafeUrl(url), JSON.stringify(url)).to.equal(false);
    // What the browser itself makes of them, for the record: a javascript: URL each time.
    const a = document.createElement('a');
    a.href = 'java\nscript:alert(1)';
    expect(a.protocol).to.equal('javascript:');
    // Spaces inside a path are not a scheme.
    expect(isSafeUrl('/om os/privatliv')).to.equal(true);
  });

  it('refuses a relative URL that leaves the page\'s origin, however it is written (COMPLIANCE 7)', () => {
    const offSite = [
      '//evil.example', '/\\evil.example', '\\/evil.example', '\\\\evil.example', '//evil.example/privatliv',
      // The URL parser drops tabs and newlines anywhere and spaces and controls at the ends.
      '/\t/evil.example', '/\n/evil.example', '\t//evil.example', ' //evil.example', '\u0000//evil.example', '/\r\n\\evil.example', '//evil.example\n ',
    ];
    for (const url of offSite) {
      // What the browser makes of it, for the record: another origin each time.
      expect(new URL(url, location.href).origin, JSON.stringify(url)).to.not.equal(location.origin);
      expect(isSafeUrl(url), JSON.stringify(url)).to.equal(false);
    }
    const onSite = ['/privatliv', 'privatliv.html', './om/privatliv', '../privatliv', '#cookies', '?lang=en', '/ /evil.example', '\\privatliv', '/om os/privatliv'];
    for (const url of onSite) {
      expect(new URL(url, location.href).origin, JSON.stringify(url)).to.equal(location.origin);
      expect(isSafeUrl(url), JSON.stringify(url)).to.equal(true);
    }
    for (const key of ['privacyPolicyUrl', 'cookiePolicyUrl', 'endpoint', 'policy']) {
      const { config, problems } = resolveConfig({ [key]: '/\\evil.example' });
      expect((config as unknown as Record<string, unknown>)[key], key).to.equal(undefined);
      expect(problems.map((p) => p.path)).to.deep.equal([key]);
    }
  });

  it('does not link the banner to a policy URL with a hidden scheme (COMPLIANCE 7)', () => {
    const { config, problems } = resolveConfig({ privacyPolicyUrl: 'java\nscript:alert(1)' });
    expect(config.privacyPolicyUrl).to.equal(undefined);
    expect(problems.map((p) => p.path)).to.deep.equal(['privacyPolicyUrl']);
  });
});
