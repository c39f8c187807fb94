import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { messagesFor } from '../../../src/ui/messages.js';
import { defineElements } from '../../../src/components/registry.js';
import type { SamtykkeReopen } from '../../../src/components/reopen/reopen.js';
import { contrast, deepActive } from '../../layers/support.js';

defineElements();

const button = (el: SamtykkeReopen) => el.shadowRoot!.querySelector('button')!;

afterEach(() => emulateMedia({ colorScheme: 'light' }));

describe('<samtykke-reopen>', () => {
  it('is a named button that opens the preference centre in one click (COMPLIANCE 20)', async () => {
    const el = await fixture<SamtykkeReopen>(html`<samtykke-reopen></samtykke-reopen>`);
    const b = button(el);
    expect(b.getAttribute('aria-label')).to.equal('Cookie-indstillinger');
    expect(b.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(el.getAttribute('lang')).to.equal('da');
    const heard = oneEvent(document, 'customise');
    b.click();
    const event = await heard;
    expect(event.composed).to.equal(true);
    expect(event.target).to.equal(el);
  });

  it('is reached and pressed by keyboard; focusing the element focuses its button (COMPLIANCE 20, 37)', async () => {
    const el = await fixture<SamtykkeReopen>(html`<samtykke-reopen></samtykke-reopen>`);
    el.focus();
    expect(deepActive()).to.equal(button(el));
    const heard = oneEvent(document, 'customise');
    await sendKeys({ press: 'Enter' });
    await heard;
  });

  it('shows a hostile label as text in its name and tooltip', async () => {
    const hostile = '"><img src=x onerror="window.reopenPwned=1"><b>x</b>';
    const el = await fixture<SamtykkeReopen>(html`<samtykke-reopen .messages=${messagesFor('da', { reopen: { label: hostile } })}></samtykke-reopen>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('img, b').length).to.equal(0);
    expect(button(el).getAttribute('aria-label')).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal(hostile);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { reopenPwned?: number }).reopenPwned).to.equal(undefined);
  });

  it('speaks English when given English strings (COMPLIANCE 41)', async () => {
    const el = await fixture<SamtykkeReopen>(html`<samtykke-reopen lang="en" .messages=${messagesFor('en')}></samtykke-reopen>`);
    expect(button(el).getAttribute('aria-label')).to.equal('Cookie settings');
    expect(el.getAttribute('lang')).to.equal('en');
  });

  it('sits in the bottom corner it is given, as a target of at least 24×24 px (COMPLIANCE 20, 37)', async () => {
    const left = await fixture<SamtykkeReopen>(html`<samtykke-reopen></samtykke-reopen>`);
    const right = await fixture<SamtykkeReopen>(html`<samtykke-reopen position="right"></samtykke-reopen>`);
    const l = button(left).getBoundingClientRect();
    const r = button(right).getBoundingClientRect();
    expect(l.left).to.be.lessThan(innerWidth / 2);
    expect(r.right).to.be.greaterThan(innerWidth / 2);
    expect(r.right).to.be.at.most(document.documentElement.clientWidth);
    expect(l.bottom).to.be.at.most(innerHeight).and.greaterThan(innerHeight - 100);
    for (const box of [l, r]) {
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
  });

  for (const theme of ['light', 'dark'])
    for (const page of ['rgb(255, 255, 255)', 'rgb(17, 17, 17)'])
      it(`keeps its icon and a two-tone focus ring visible (${theme} on ${page}) (COMPLIANCE 37, 39)`, async () => {
        const el = await fixture<SamtykkeReopen>(html`<samtykke-reopen theme=${theme}></samtykke-reopen>`);
        document.body.style.background = page;
        try {
          const b = button(el);
          await sendKeys({ press: 'Tab' });
          expect(b.matches(':focus-visible')).to.equal(true);
          const s = getComputedStyle(b);
          expect(contrast(getComputedStyle(b.querySelector('svg')!).fill, s.backgroundColor)).to.be.at.least(4.5);
          expect(s.outlineStyle).to.equal('solid');
          const inner = /rgba?\([^)]*\)/.exec(s.boxShadow)![0];
          const best = Math.max(contrast(s.outlineColor, page), contrast(inner, page));
          expect(best).to.be.at.least(3);
          expect(contrast(s.outlineColor, inner)).to.be.at.least(3);
        } finally {
          document.body.style.background = '';
        }
      });

  for (const lang of ['da', 'en'] as const)
    for (const theme of ['light', 'dark'])
      it(`passes axe (${lang}, ${theme}) (COMPLIANCE 43)`, async () => {
        if (theme === 'dark') await emulateMedia({ colorScheme: 'dark' });
        const el = await fixture<SamtykkeReopen>(html`<samtykke-reopen lang=${lang} .messages=${messagesFor(lang)}></samtykke-reopen>`);
        await expect(el).to.be.accessible();
      });
});
