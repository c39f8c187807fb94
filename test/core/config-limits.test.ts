import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import eventSchema from '../../schema/consent-event.schema.json';
import { LANGUAGES, MAX_CATEGORIES, MAX_SERVICES, longestConsentCookie, resolveConfig } from '../../src/core/config.js';
import { CookieStorage } from '../../src/core/cookie-storage.js';
import { ConsentStore } from '../../src/core/store.js';

const service = (id: string) => ({ id, name: id, provider: 'P', purpose: 'x', cookies: [{ name: `_${id}`, purpose: 'x', duration: '1 år' }] });
const jar = () => executeServerCommand<Array<{ name: string; value: string }>, undefined>('getCookies');

describe('config limits shared with the consent log', () => {
  it('takes its limits from the consent-event schema (COMPLIANCE 19)', () => {
    expect(MAX_CATEGORIES).to.equal(eventSchema.properties.categories.maxProperties);
    expect(MAX_SERVICES).to.equal(eventSchema.properties.services.maxProperties);
  });

  it(`keeps the first ${MAX_CATEGORIES} categories, reports the rest once, and still cleans up their cookies (COMPLIANCE 19, 22)`, () => {
    const categories = Array.from({ length: MAX_CATEGORIES + 3 }, (_, i) => ({ id: `c${i}`, services: [service(`s${i}`)] }));
    const { config, problems } = resolveConfig({ categories });
    expect(config.categories.map((c) => c.id)).to.deep.equal(categories.slice(0, MAX_CATEGORIES).map((c) => c.id));
    expect(problems.map((p) => p.path)).to.deep.equal([`categories[${MAX_CATEGORIES}]`]);
    expect(problems[0].expected).to.contain(String(MAX_CATEGORIES));
    expect(config.refusedCookies.map((c) => c.name)).to.deep.equal([`_s${MAX_CATEGORIES}`, `_s${MAX_CATEGORIES + 1}`, `_s${MAX_CATEGORIES + 2}`]);
    expect(resolveConfig({ categories: categories.slice(0, MAX_CATEGORIES) }).problems).to.deep.equal([]);
  });

  it(`keeps the first ${MAX_SERVICES} services across categories and reports the rest once (COMPLIANCE 19, 22)`, () => {
    const services = Array.from({ length: MAX_SERVICES + 2 }, (_, i) => service(`s${i}`));
    const { config, problems } = resolveConfig({ categories: [{ id: 'analytics', services: services.slice(0, 200) }, { id: 'marketing', services: services.slice(200) }] });
    expect(config.categories.flatMap((c) => c.services)).to.have.length(MAX_SERVICES);
    // So many ids do not fit a 4 KB consent cookie either, which is reported after the limit.
    expect(problems.map((p) => p.path)).to.deep.equal([`categories[1].services[${MAX_SERVICES - 200}]`, 'categories']);
    expect(config.refusedCookies.map((c) => c.name)).to.deep.equal([`_s${MAX_SERVICES}`, `_s${MAX_SERVICES + 1}`]);
  });

  it('accepts the boundary values the log stores (COMPLIANCE 19)', () => {
    for (const input of [{ revision: 0 }, { revision: eventSchema.properties.revision.maximum }, { policyVersion: 'v'.repeat(64) }, { policyVersion: '2025-01-15 (rettet)' }])
      expect(resolveConfig(input).problems, JSON.stringify(input).slice(0, 40)).to.deep.equal([]);
  });
});

describe('the consent cookie size', () => {
  afterEach(async () => {
    for (const c of await jar()) document.cookie = `${c.name}=; path=/; max-age=0`;
  });

  it('estimates no less than the cookie js-cookie really writes (COMPLIANCE 16)', async () => {
    const { config } = resolveConfig({ revision: 7, categories: [{ id: 'necessary' }, { id: 'analytics', services: [service('ga'), service('matomo')] }] });
    const store = new ConsentStore({ config, storage: new CookieStorage(config.cookie), policyVersion: 'p'.repeat(64), textHash: 'abc', language: 'da', gpc: false, widgetVersion: '0.1.0' });
    store.acceptAll();
    const written = (await jar()).find((c) => c.name === 'samtykke')!;
    const estimate = longestConsentCookie(config);
    expect(estimate.startsWith('samtykke=')).to.equal(true);
    expect(estimate.split(';')[0].length).to.be.at.least(`samtykke=${written.value}`.length);
  });

  it('reports a config whose consent cookie the browser would drop, naming what to shorten (COMPLIANCE 16, 19)', async () => {
    const long = (i: number) => `service-with-a-rather-long-descriptive-identifier-${String(i).padStart(3, '0')}`;
    const input = { categories: [{ id: 'necessary' }, { id: 'marketing', services: Array.from({ length: 60 }, (_, i) => service(long(i))) }] };
    const { config, problems } = resolveConfig(input);
    expect(problems.map((p) => p.path)).to.deep.equal(['categories']);
    expect(problems[0].expected).to.contain('4096').and.contain(long(0).slice(0, 20));
    // The report is no false alarm: Chromium refuses that cookie.
    const store = new ConsentStore({ config, storage: new CookieStorage(config.cookie), policyVersion: 'p'.repeat(64), textHash: 'abc', language: 'da', gpc: false, widgetVersion: '0.1.0' });
    store.acceptAll();
    expect((await jar()).find((c) => c.name === 'samtykke')).to.equal(undefined);
    // Half as many ids fit, silently.
    expect(resolveConfig({ categories: [{ id: 'necessary' }, { id: 'marketing', services: input.categories[1].services!.slice(0, 30) }] }).problems).to.deep.equal([]);
  });
});

describe('config shape for languages, theme, reopen and services', () => {
  it('takes "auto", any shipped language, or a list of them, each once (COMPLIANCE 19)', () => {
    expect(resolveConfig({}).config.language).to.equal('auto');
    for (const code of LANGUAGES) expect(resolveConfig({ language: code }), code).to.deep.include({ problems: [] });
    expect(resolveConfig({ language: ['sv', 'en', 'sv'] }).config.language).to.deep.equal(['sv', 'en']);
  });

  it('takes texts and localized strings keyed by any shipped language (COMPLIANCE 19)', () => {
    const { config, problems } = resolveConfig({
      texts: { de: { banner: { title: 'Kekse' } }, is: { banner: { title: 'Vafrakökur' } } },
      categories: [{ id: 'analytics', title: { fi: 'Tilastot', pl: 'Statystyki' }, services: [{ ...service('ga'), purpose: { nl: 'Meten' } }] }],
    });
    expect(problems).to.deep.equal([]);
    expect(Object.keys(config.texts)).to.deep.equal(['de', 'is']);
    expect(config.categories[0].title).to.deep.equal({ fi: 'Tilastot', pl: 'Statystyki' });
    expect(config.categories[0].services[0].purpose).to.deep.equal({ nl: 'Meten' });
  });

  it('reads theme as a scheme or { scheme, preset } (COMPLIANCE 19)', () => {
    expect(resolveConfig({ theme: 'dark' }).config).to.deep.include({ theme: 'dark', themePreset: 'default' });
    expect(resolveConfig({ theme: { preset: 'contrast' } }).config).to.deep.include({ theme: 'auto', themePreset: 'contrast' });
    expect(resolveConfig({ theme: { scheme: 'light', preset: 'minimal' } })).to.deep.include({ problems: [] });
    expect(resolveConfig({}).config).to.deep.include({ theme: 'auto', themePreset: 'default' });
  });

  it('reads reopen as false or { position, offset } with defaults (COMPLIANCE 19)', () => {
    expect(resolveConfig({ reopen: false }).config.reopen).to.equal(false);
    expect(resolveConfig({ reopen: { position: 'right' } }).config.reopen).to.deep.equal({ position: 'right', offset: { x: 16, y: 16 } });
    const edge = resolveConfig({ reopen: { offset: { x: 0, y: 400 } } });
    expect(edge.problems).to.deep.equal([]);
    expect(edge.config.reopen).to.deep.equal({ position: 'left', offset: { x: 0, y: 400 } });
  });

  it('keeps a service\'s privacyUrl (COMPLIANCE 7)', () => {
    const { config, problems } = resolveConfig({ categories: [{ id: 'analytics', services: [{ ...service('ga'), privacyUrl: 'https://policies.google.com/privacy' }] }] });
    expect(problems).to.deep.equal([]);
    expect(config.categories[0].services[0].privacyUrl).to.equal('https://policies.google.com/privacy');
  });

  it('keeps a service given without purpose, provider or cookies\' texts, and says what is missing (COMPLIANCE 19, 22)', () => {
    const { config, problems } = resolveConfig({ categories: [{ id: 'analytics', services: [{ id: 'hotjar', name: 'Hotjar', cookies: [{ name: '_hj*' }] }] }] });
    expect(problems.map((p) => p.path)).to.deep.equal([
      'categories[0].services[0].provider', 'categories[0].services[0].purpose', 'categories[0].services[0].cookies[0].purpose', 'categories[0].services[0].cookies[0].duration',
    ]);
    expect(config.categories[0].services[0]).to.deep.equal({ id: 'hotjar', name: 'Hotjar', cookies: [{ name: '_hj*' }] });
  });
});
