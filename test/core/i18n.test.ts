import { expect } from '@open-wc/testing';
import da from '../../locales/ui.da.json';
import en from '../../locales/ui.en.json';
import { format, localize, resolveLanguage } from '../../src/core/i18n.js';
import { loadMessages, messagesFor, setLanguageSource } from '../../src/ui/messages.js';
import { languageFiles } from '../../src/ui/language-files.js';
import { pageMessagesFor } from '../../src/components/page-messages.js';
import deFile from '../../locales/ui.de.json';
import svFile from '../../locales/ui.sv.json';


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
    expect(resolveLanguage('auto', 'pt', () => ['ja-JP', 'da-DK'])).to.equal('da');
    expect(resolveLanguage('auto', 'pt', () => ['JA', 'EN'])).to.equal('en');
    expect(resolveLanguage('auto', 'pt', () => ['ja', 'zh'])).to.equal('da');
    expect(resolveLanguage('auto', '', () => [])).to.equal('da');
  });

  // A table of what pages and browsers send, and what a visitor should read.
  const table: Array<[string, string[], string]> = [
    ['sv-SE', [], 'sv'],
    ['sv-FI', [], 'sv'],
    ['nb-NO', [], 'nb'],
    ['nn', [], 'nb'],
    ['no', [], 'nb'],
    ['de-AT', [], 'de'],
    ['de-CH', ['fr-CH'], 'de'],
    ['fi', [], 'fi'],
    ['nl-BE', [], 'nl'],
    ['fr-CA', [], 'fr'],
    ['es-MX', [], 'es'],
    ['it', [], 'it'],
    ['pl-PL', [], 'pl'],
    ['is', [], 'is'],
    ['', ['nn-NO', 'en'], 'nb'],
    ['', ['pt-BR', 'sv'], 'sv'],
    ['', ['ja', 'de-AT', 'en'], 'de'],
    ['x-klingon', ['is-IS'], 'is'],
    ['EN_gb', [], 'en'],
  ];
  for (const [html, browser, expected] of table)
    it(`with "auto" reads <html lang="${html}"> and browser [${browser.join(', ')}] as ${expected} (COMPLIANCE 2, 41)`, () => {
      expect(resolveLanguage('auto', html, () => browser)).to.equal(expected);
    });

  it('offers only the languages a site lists, in the same order of preference (COMPLIANCE 2)', () => {
    expect(resolveLanguage(['da', 'en', 'de'], 'sv-SE', () => ['de-AT', 'en'])).to.equal('de');
    expect(resolveLanguage(['da', 'en', 'de'], 'fr', () => ['fr', 'en-US'])).to.equal('en');
    expect(resolveLanguage(['da', 'en'], 'nb', () => ['nb'])).to.equal('da');
    // A site without Danish falls back to its own first language.
    expect(resolveLanguage(['de', 'en'], 'pt', () => ['pt'])).to.equal('de');
  });

  it('asks for the browser\'s languages only when <html lang> does not settle it', () => {
    let asked = 0;
    const browser = () => (asked++, ['en-US']);
    expect(resolveLanguage('auto', 'da-DK', browser)).to.equal('da');
    expect(resolveLanguage('auto', 'de', browser)).to.equal('de');
    expect(asked).to.equal(0);
    expect(resolveLanguage('auto', 'pt', browser)).to.equal('en');
    expect(asked).to.equal(1);
  });

  it('reads the page\'s <html lang> and the browser by default (COMPLIANCE 41)', () => {
    document.documentElement.lang = 'da-DK';
    expect(resolveLanguage('auto')).to.equal('da');
    document.documentElement.lang = 'en';
    expect(resolveLanguage('auto')).to.equal('en');
  });
});

describe('messagesFor', () => {
  const LAYERS = ['banner', 'preferences', 'categories', 'cookies', 'reopen', 'embed'];
  const layersOf = (file: object) => Object.fromEntries(Object.entries(file).filter(([key]) => LAYERS.includes(key)));

  it('gives Danish and English the layers\' sections of their own catalogue (COMPLIANCE 2)', () => {
    expect(messagesFor('da')).to.deep.equal(layersOf(da));
    expect(messagesFor('en')).to.deep.equal(layersOf(en));
  });

  it('leaves the policy page\'s strings to the policy bundle, which has all of them', () => {
    expect(Object.keys(messagesFor('da')).sort()).to.deep.equal([...LAYERS].sort());
    expect(pageMessagesFor('en')).to.deep.equal(en);
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
    expect(leaves(m).map(([p]) => p)).to.deep.equal(leaves(layersOf(da)).map(([p]) => p));
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

describe('loadMessages', () => {
  afterEach(() => setLanguageSource(languageFiles));

  it('fetches a further language from its own file, once (COMPLIANCE 2)', async () => {
    const asked: string[] = [];
    setLanguageSource((language) => (asked.push(language), languageFiles(language)));
    const de = await loadMessages('de');
    expect(de.banner.rejectAll).to.equal(deFile.banner.rejectAll);
    await loadMessages('de');
    expect(asked.filter((l) => l === 'de')).to.have.length.at.most(1);
    // Danish and English never fetch anything.
    await loadMessages('da');
    await loadMessages('en');
    expect(asked).to.not.include('da').and.not.include('en');
  });

  it('applies the site owner\'s overrides for that language (COMPLIANCE 2)', async () => {
    const sv = await loadMessages('sv', { banner: { title: 'Kakor hos Nordlys' } });
    expect(sv.banner.title).to.equal('Kakor hos Nordlys');
    expect(sv.banner.acceptAll).to.equal(svFile.banner.acceptAll);
  });

  it('falls back to Danish, with the reason on the console, when the file cannot be had', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      setLanguageSource(() => Promise.reject(new Error('blocked by CSP')));
      const m = await loadMessages('pl');
      expect(m.banner.acceptAll).to.equal(da.banner.acceptAll);
      expect(errors).to.have.length(1);
    } finally {
      console.error = original;
    }
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
