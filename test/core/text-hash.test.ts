import { expect } from '@open-wc/testing';
import da from '../../locales/ui.da.json';
import { hashText } from '../../src/core/text-hash.js';

describe('hashText', () => {
  const texts = JSON.stringify(da);

  it('is stable: the same texts give the same hash (COMPLIANCE 23)', () => {
    expect(hashText(texts)).to.equal(hashText(JSON.stringify(da)));
    expect(hashText(texts)).to.match(/^[0-9a-f]{16}$/);
    expect(hashText('')).to.match(/^[0-9a-f]{16}$/);
  });

  it('changes when one character of the texts changes (COMPLIANCE 23)', () => {
    const changed = texts.replace('Afvis alle', 'Afvis alla');
    expect(changed).to.not.equal(texts);
    expect(hashText(changed)).to.not.equal(hashText(texts));
    // Every single-character edit of a short text is seen, including the last character and æøå.
    const base = 'Vi bruger cookies på æøå-sider';
    const hashes = new Set([hashText(base)]);
    for (let i = 0; i < base.length; i++) hashes.add(hashText(base.slice(0, i) + '#' + base.slice(i + 1)));
    hashes.add(hashText(base + ' '));
    hashes.add(hashText(base.slice(0, -1)));
    expect(hashes.size).to.equal(base.length + 3);
  });

  it('tells apart texts that differ only in character order (COMPLIANCE 23)', () => {
    expect(hashText('ab')).to.not.equal(hashText('ba'));
    expect(hashText('Accepter alle / Afvis alle')).to.not.equal(hashText('Afvis alle / Accepter alle'));
  });
});
