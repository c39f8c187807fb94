import { expect } from '@open-wc/testing';
import { layerStyles } from '../../src/components/shared/layer.styles.js';
import { bannerStyles } from '../../src/components/banner/banner.styles.js';
import { embedStyles } from '../../src/components/embed/embed.styles.js';
import { preferencesStyles } from '../../src/components/preferences/preferences.styles.js';
import { reopenStyles } from '../../src/components/reopen/reopen.styles.js';

// The shared tokens and every first-layer element's own sheet, as the browser gets them.
const shared = layerStyles.cssText;
const all = [layerStyles, bannerStyles, embedStyles, preferencesStyles, reopenStyles].map((s) => s.cssText).join('\n');

describe('theme tokens', () => {
  it('maps every public --samtykke-* token to a private one that is used (COMPLIANCE 39)', () => {
    const defined = [...shared.matchAll(/(--_[\w-]+):\s*var\((--samtykke-[\w-]+)/g)];
    expect(defined.length).to.be.at.least(5);
    for (const [, priv] of defined) {
      const uses = all.split(`var(${priv})`).length - 1;
      expect(uses, `${priv} is defined but never used`).to.be.at.least(1);
    }
  });

  it('uses no private token that the shared sheet or the element does not define (COMPLIANCE 39)', () => {
    const defined = new Set([...all.matchAll(/(--_[\w-]+):/g)].map((m) => m[1]));
    // The reopen button's offsets are set on the element by the layers, with a fallback in the sheet.
    for (const [, used] of all.matchAll(/var\((--_[\w-]+)\)/g)) expect(defined.has(used), `${used} is not defined`).to.equal(true);
  });

  it('sizes text and spacing in px, never rem (COMPLIANCE 37)', () => {
    expect(all).to.not.match(/\d\s*rem\b/);
  });
});
