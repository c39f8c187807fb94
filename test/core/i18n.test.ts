import { expect } from '@open-wc/testing';
import da from '../../locales/ui.da.json';
import en from '../../locales/ui.en.json';
import { format, localize, messagesFor, resolveLanguage } from '../../src/core/i18n.js';
import { FULL_CATALOGUE } from '../../src/core/i18n-full.js';

/** The sections the first layer carries; the declaration's and policy page's come with FULL_CATALOGUE. */
const FIRST_LAYER = ['banner', 'preferences', 'categories', 'cookies', 'reopen', 'embed'];
const firstLayer = (m: object) => Object.fromEntries(Object.entries(m).filter(([k]) => FIRST_LAYER.includes(k)));

/** Every leaf path of a locale file ("banner.title"), with its value. */
function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
  it('ui.da.json and ui.en.json have the same keys, deeply (COMPLIANCE 2)', () => {
    const daKeys = leaves(da).map(([path]) => path).sort();
    const enKeys = leaves(en).map(([path]) => path).sort();
    expect(daKeys.length).to.be.greaterThan(20);
    expect(enKeys).to.deep.equal(daKeys);
  });

  it('has no empty or non-string value in either language (COMPLIANCE 2)', () => {
    for (const [name, file] of [['da', da], ['en', en]] as const) {
      for (const [path, value] of leaves(file)) {
        expect(typeof value, `${name}: ${path}`).to.equal('string');
        expect((value as string).trim(), `${name}: ${path}`).to.not.equal('');
      }
    }
  });

  it('is Danish by default: the reject button reads "Afvis alle" (COMPLIANCE 2, 3)', () => {
    expect(messagesFor('da').banner.rejectAll).to.equal('Afvis alle');
    expect(messagesFor('da').banner.acceptAll).to.equal('Accepter alle');
  });
});

describe('resolveLanguage', () => {
  let savedLang: string;
  beforeEach(() => (savedLang = document.documentElement.lang));
  afterEach(() => (document.documentElement.lang = savedLang));

  it('takes the configured language first (COMPLIANCE 41)', () => {
    expect(resolveLanguage('da', 'en', () => ['en-GB'])).to.equal('da');
    expect(resolveLanguage('en', 'da', () => ['da-DK'])).to.equal('en');
  });

  it('with "auto" takes <html lang>, then the browser, then Danish (COMPLIANCE 2, 41)', () => {
    expect(resolveLanguage('auto', 'en-GB', () => ['da-DK'])).to.equal('en');
    expect(resolveLanguage('auto', 'da', () => ['en-US'])).to.equal('da');
    expect(resolveLanguage('auto', '', () => ['en-US', 'da'])).to.equal('en');
    expect(resolveLanguage('auto', 'fr', () => ['de-DE', 'da-DK'])).to.equal('da');
    expect(resolveLanguage('auto', 'fr', () => ['DE', 'EN'])).to.equal('en');
    expect(resolveLanguage('auto', 'fr', () => ['de', 'es'])).to.equal('da');
    expect(resolveLanguage('auto', '', () => [])).to.equal('da');
  });

  it('gives Norwegian and Swedish readers Danish (COMPLIANCE 2)', () => {
    for (const tag of ['nb-NO', 'nn', 'no', 'sv-SE']) expect(resolveLanguage('auto', tag, () => ['en']), tag).to.equal('da');
  });

  it('asks for the browser\'s languages only when <html lang> does not settle it (reading navigator costs 16 KB of heap)', () => {
    let asked = 0;
    const browser = () => (asked++, ['en-US']);
    expect(resolveLanguage('auto', 'da-DK', browser)).to.equal('da');
    expect(resolveLanguage('auto', 'en', browser)).to.equal('en');
    expect(asked).to.equal(0);
    expect(resolveLanguage('auto', 'fr', browser)).to.equal('en');
    expect(asked).to.equal(1);
  });

  it('reads the page\'s <html lang> and the browser by default (COMPLIANCE 41)', () => {
    document.documentElement.lang = 'da-DK';
    expect(resolveLanguage('auto')).to.equal('da');
    document.documentElement.lang = 'en';
    expect(resolveLanguage('auto')).to.equal('en');
    document.documentElement.lang = '';
    const browser = navigator.languages.map((l) => l.split('-')[0]).find((l) => ['da', 'en', 'nb', 'nn', 'no', 'sv'].includes(l));
    expect(resolveLanguage('auto')).to.equal(browser === 'en' ? 'en' : 'da');
  });
});

describe('messagesFor', () => {
  it('gives each language its own catalogue (COMPLIANCE 2)', () => {
    expect(messagesFor('da')).to.deep.equal(firstLayer(da));
    expect(messagesFor('en')).to.deep.equal(firstLayer(en));
    expect(messagesFor('en', undefined, FULL_CATALOGUE)).to.deep.equal(en);
  });

  it('leaves the declaration and policy strings out of the first layer (issue 3 budget)', () => {
    expect(Object.keys(messagesFor('da')).sort()).to.deep.equal([...FIRST_LAYER].sort());
    expect(Object.keys(messagesFor('da', undefined, FULL_CATALOGUE)).sort()).to.deep.equal(Object.keys(da).sort());
  });

  it('applies string overrides and ignores unknown keys and non-strings (COMPLIANCE 2)', () => {
    const m = messagesFor('da', {
      banner: { title: 'Cookies på Butikken', acceptAll: 42, rejectAll: { text: 'x' }, bogus: 'ignored' },
      unknown: { a: 'b' },
      preferences: 'not an object',
      categories: { analytics: { title: 'Målinger' } },
    });
    expect(m.banner.title).to.equal('Cookies på Butikken');
    expect(m.banner.acceptAll).to.equal(da.banner.acceptAll);
    expect(m.banner.rejectAll).to.equal(da.banner.rejectAll);
    expect(m.banner).to.not.have.property('bogus');
    expect(m).to.not.have.property('unknown');
    expect(m.preferences).to.deep.equal(da.preferences);
    expect(m.categories.analytics).to.deep.equal({ title: 'Målinger', description: da.categories.analytics.description });
    expect(leaves(m).map(([p]) => p)).to.deep.equal(leaves(firstLayer(da)).map(([p]) => p));
  });

  it('never changes the shipped catalogue, and survives hostile overrides (COMPLIANCE 19)', () => {
    const before = JSON.stringify(messagesFor('da'));
    const hostile = JSON.parse('{"__proto__":{"polluted":"yes"},"banner":{"__proto__":{"title":"x"},"constructor":"y"}}');
    expect(() => messagesFor('da', hostile)).not.to.throw();
    messagesFor('da', { banner: { title: 'changed' } });
    expect(JSON.stringify(messagesFor('da'))).to.equal(before);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(messagesFor('da', hostile).banner.title).to.equal(da.banner.title);
  });
});

describe('format', () => {
  it('fills {placeholders} and leaves unknown ones as written (COMPLIANCE 14)', () => {
    expect(format(da.embed.allow, { service: 'YouTube' })).to.equal(da.embed.allow.replace('{service}', 'YouTube'));
    expect(format('{a} og {b} og {a}', { a: '1', b: '2' })).to.equal('1 og 2 og 1');
    expect(format('{missing} {constructor}', {})).to.equal('{missing} {constructor}');
    expect(format('{service}', { service: '<img src=x onerror=alert(1)>' })).to.equal('<img src=x onerror=alert(1)>');
  });
});

describe('localize', () => {
  it('picks the language, falls back to the other, accepts plain strings (COMPLIANCE 2)', () => {
    expect(localize({ da: 'Statistik', en: 'Analytics' }, 'en')).to.equal('Analytics');
    expect(localize({ da: 'Statistik' }, 'en')).to.equal('Statistik');
    expect(localize({ en: 'Analytics' }, 'da')).to.equal('Analytics');
    expect(localize('Samme', 'en')).to.equal('Samme');
    expect(localize(undefined, 'da')).to.equal('');
  });
});
