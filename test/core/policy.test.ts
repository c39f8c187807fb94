import { expect } from '@open-wc/testing';
import da from '../../locales/policy.da.json';
import en from '../../locales/policy.en.json';
import { resolveConfig } from '../../src/core/config.js';
import { pageMessagesFor } from '../../src/components/page-messages.js';
import { isSafeLink, validatePolicy, type PolicyDocument, type PolicySection } from '../../src/core/policy.js';
import { contactPhrase, controllerLines, fillContext, fillInline, retentionUntil } from '../../src/core/policy-fill.js';

const ids = (sections: PolicySection[]): string[] => sections.flatMap((s) => [s.id, ...ids(s.sections ?? [])]);
const doc = (sections: unknown[], extra: object = {}) => ({ version: 'v1', updated: '2025-01-31', title: 'T', sections, ...extra });
const paths = (input: unknown) => validatePolicy(input).problems.map((p) => p.path);

describe('policy schema', () => {
  it('accepts both shipped documents without a single problem (COMPLIANCE 33)', () => {
    for (const shipped of [da, en]) {
      const { document, problems } = validatePolicy(shipped);
      expect(problems).to.deep.equal([]);
      expect(document?.sections.length).to.equal(shipped.sections.length);
    }
  });

  it('gives Danish and English the same section ids in the same order (COMPLIANCE 41)', () => {
    const daIds = ids(validatePolicy(da).document!.sections);
    expect(daIds.length).to.be.greaterThan(10);
    expect(ids(validatePolicy(en).document!.sections)).to.deep.equal(daIds);
    expect(en.language).to.equal('en');
    expect(da.language).to.equal('da');
  });

  it('names the path of every problem and keeps the rest of the document (COMPLIANCE 33)', () => {
    const input = doc([
      {
        id: 'a',
        heading: 'A',
        blocks: [
          { type: 'paragraph', text: ['ok ', { text: 'x', href: 'javascript:alert(1)' }] },
          { type: 'table', rows: [] },
          { type: 'list', items: ['one', { field: 'controller.fax' }, 7] },
        ],
        sections: [{ id: 'b', heading: '', blocks: [] }],
      },
      { id: 'a', heading: 'Duplicate', blocks: [{ type: 'paragraph', text: 'y' }] },
      { id: 'c', heading: 'C', suplement: true, blocks: [{ type: 'paragraph', text: [{ field: 'retentionUntil', from: '2017-13', years: 5 }, 'z'] }] },
    ]);
    const { document, problems } = validatePolicy(input);
    expect(problems.map((p) => p.path)).to.have.members([
      'sections[0].blocks[0].text[1].href',
      'sections[0].blocks[1].type',
      'sections[0].blocks[2].items[1].field',
      'sections[0].blocks[2].items[2]',
      'sections[0].sections[0].heading',
      'sections[1].id',
      'sections[2].suplement',
      'sections[2].blocks[0].text[0].from',
    ]);
    const href = problems.find((p) => p.path.endsWith('.href'))!;
    expect(href.found).to.equal('"javascript:alert(1)"');
    expect(href.expected).to.contain('plain text');
    // The unsafe link is kept (its text still reads); the renderer shows it as text.
    expect(document!.sections.map((s) => s.id)).to.deep.equal(['a', 'c']);
    expect(document!.sections[0].blocks).to.have.length(2);
    expect(document!.sections[0].blocks[0]).to.deep.equal({ type: 'paragraph', text: ['ok ', { text: 'x', href: 'javascript:alert(1)' }] });
  });

  it('refuses a document without a usable version, date, title or section, naming each (COMPLIANCE 33)', () => {
    expect(validatePolicy(doc([], { version: 'x'.repeat(65), updated: '2025-02-30', title: ' ' }))).to.deep.include({ document: null });
    expect(paths(doc([], { version: 'x'.repeat(65), updated: '2025-02-30', title: ' ' }))).to.have.members(['version', 'updated', 'title', 'sections']);
    expect(paths({ version: 'v', updated: '2025-01-01', title: 't', sections: 'nope' })).to.deep.equal(['sections']);
    expect(validatePolicy(doc([{ id: 'a', heading: 'A', blocks: [] }])).document).to.equal(null);
  });

  it('never throws, whatever it is given (COMPLIANCE 33)', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    for (const input of [null, undefined, 42, 'policy', [], hostile, doc([{ id: 'a', heading: 'A', sections: [{ id: 'b', heading: 'B', sections: [{ id: 'c', heading: 'C', sections: [{ id: 'd', heading: 'D', blocks: [] }] }] }] }])]) {
      const result = validatePolicy(input);
      expect(result.document).to.equal(null);
      expect(result.problems.length).to.be.greaterThan(0);
    }
    expect(paths(doc([{ id: 'a', heading: 'A', sections: [{ id: 'b', heading: 'B', sections: [{ id: 'c', heading: 'C', sections: [] }] }] }]))).to.include('sections[0].sections[0].sections[0].sections');
  });

  it('lets only http(s), mailto, tel and #anchor links be links', () => {
    for (const ok of ['https://x.dk', 'http://x.dk', 'mailto:a@b.dk', 'tel:+4512345678', '#rights', ' HTTPS://x.dk']) expect(isSafeLink(ok), ok).to.equal(true);
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,x', 'vbscript:x', '//evil.example', '/relative', 'java\tscript:x', 3]) expect(isSafeLink(bad), String(bad)).to.equal(false);
  });
});

describe('policy fields', () => {
  const ctx = (config: object) => fillContext(validatePolicy(da).document as PolicyDocument, resolveConfig(config).config, 'da', pageMessagesFor('da').policy);

  it('keeps the seed\'s retention example for its own financial year and moves it with another (COMPLIANCE 29)', () => {
    // Ended in May 2017: the financial year holding May 2017 ends on the first year-end on or after 31 May 2017; five years on from there.
    expect(retentionUntil('2017-05', 5, '06-30').toISOString().slice(0, 10)).to.equal('2022-06-30');
    expect(retentionUntil('2017-05', 5, '12-31').toISOString().slice(0, 10)).to.equal('2022-12-31');
    expect(retentionUntil('2017-05', 5, '03-31').toISOString().slice(0, 10)).to.equal('2023-03-31');
    expect(retentionUntil('2017-05', 5, '05-31').toISOString().slice(0, 10)).to.equal('2022-05-31');
    expect(retentionUntil('2017-05', 5, '05-15').toISOString().slice(0, 10)).to.equal('2023-05-15');
    const text = (fye: string) => fillInline([{ field: 'retentionUntil', from: '2017-05', years: 5 }, ' / ', { field: 'financialYearEnd' }], ctx({ financialYearEnd: fye })).map((s) => ('text' in s ? s.text : '?')).join('');
    expect(text('06-30')).to.equal('udgangen af juni 2022 / 30. juni');
    expect(text('03-31')).to.equal('udgangen af marts 2023 / 31. marts');
    expect(text('09-15')).to.equal('15. september 2022 / 15. september');
  });

  it('fills the contact blanks from the controller config, or marks them missing (COMPLIANCE 27)', () => {
    expect(contactPhrase(ctx({}))).to.deep.equal([{ missing: true }]);
    expect(contactPhrase(ctx({ controller: { name: 'Nordlys ApS', address: 'Havnegade 1, 8000 Aarhus C', email: 'privat@nordlys.dk', phone: '+45 70 20 30 40' } }))).to.deep.equal([
      { text: 'Nordlys ApS' },
      { text: ', ' },
      { text: 'Havnegade 1, 8000 Aarhus C' },
      { text: ', ' },
      { text: 'e-mail ' },
      { text: 'privat@nordlys.dk', href: 'mailto:privat@nordlys.dk' },
      { text: ', ' },
      { text: 'telefon ' },
      { text: '+45 70 20 30 40', href: 'tel:+4570203040' },
    ]);
    // The document's own controller (the seed's name and CVR) shows until the config overrides it.
    const lines = controllerLines(ctx({ controller: { email: 'dpo@jma.dk' } })).map((l) => l.map((s) => ('text' in s ? s.text : '[missing]')).join(''));
    expect(lines).to.deep.equal(['JMA A/S', 'CVR-nummer: 26 18 33 67', 'E-mail: dpo@jma.dk', '[missing]']);
  });

  it('renders an unsafe link, an odd e-mail and a cookie-policy link without a URL as plain text', () => {
    const c = ctx({ controller: { email: 'not an address' } });
    expect(fillInline([{ text: 'x', href: 'javascript:alert(1)' }, { field: 'cookiePolicy', text: 'cookiepolitik' }, { field: 'controller.email' }], c)).to.deep.equal([
      { text: 'x' },
      { text: 'cookiepolitik' },
      { text: 'not an address' },
    ]);
    expect(fillInline([{ field: 'cookiePolicy', text: 'cookiepolitik' }], ctx({ cookiePolicyUrl: '/cookies' }))).to.deep.equal([{ text: 'cookiepolitik', href: '/cookies' }]);
  });
});
