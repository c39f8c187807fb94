import { expect } from '@open-wc/testing';
import { themeStyles } from '../../src/components/theme.styles.js';

// One sheet serves all first-layer elements.
const all = themeStyles;

describe('theme tokens', () => {
  it('maps every public --samtykke-* token to a private one that is used (COMPLIANCE 39)', () => {
    const defined = [...themeStyles.matchAll(/(--_[\w-]+):\s*var\((--samtykke-[\w-]+)/g)];
    expect(defined.length).to.be.at.least(5);
    for (const [, priv] of defined) {
      const uses = all.split(`var(${priv})`).length - 1;
      expect(uses, `${priv} is defined but never used`).to.be.at.least(1);
    }
  });

  it('uses no private token that :host does not define (COMPLIANCE 39)', () => {
    const defined = new Set([...themeStyles.matchAll(/(--_[\w-]+):/g)].map((m) => m[1]));
    for (const [, used] of all.matchAll(/var\((--_[\w-]+)\)/g)) expect(defined.has(used), `${used} is not defined`).to.equal(true);
  });

  it('sizes text and spacing in px, never rem (COMPLIANCE 37)', () => {
    expect(all).to.not.match(/\d\s*rem\b/);
  });
});
