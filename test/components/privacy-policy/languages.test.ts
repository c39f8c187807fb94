// The policy page in a language the shipped policy is not written in: the English text with a
// note in the visitor's language; the declaration and the history in that language.
import { expect, fixture, html } from '@open-wc/testing';
import de from '../../../locales/ui.de.json';
import sv from '../../../locales/ui.sv.json';
import policyEn from '../../../locales/policy.en.json';
import { setPageLanguageSource } from '../../../src/components/page-messages.js';
import { SamtykkePrivacyPolicy } from '../../../src/components/privacy-policy/privacy-policy.js';
import { SamtykkeCookieDeclaration } from '../../../src/components/cookie-declaration/cookie-declaration.js';

const CONFIG = { revision: 1, categories: [{ id: 'necessary' }, { id: 'analytics' }] };
const fetched: string[] = [];

before(() => {
  if (!customElements.get('samtykke-privacy-policy')) customElements.define('samtykke-privacy-policy', SamtykkePrivacyPolicy);
  if (!customElements.get('samtykke-cookie-declaration')) customElements.define('samtykke-cookie-declaration', SamtykkeCookieDeclaration);
  // As the policy bundle does beside the UI build's files; here, the locale files themselves.
  setPageLanguageSource((language) => (fetched.push(language), import(`../../../locales/ui.${language}.json`)));
});

/** Renders, then waits for a fetched language to arrive and be rendered. */
async function settled<T extends HTMLElement & { updateComplete: Promise<unknown> }>(el: T): Promise<T> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
  return el;
}

describe('the policy page in other languages', () => {
  it('shows the shipped policy in English with a note, in German, that it is shown in English (COMPLIANCE 33, 41)', async () => {
    const el = await settled(await fixture<SamtykkePrivacyPolicy>(html`<samtykke-privacy-policy lang="de" .config=${CONFIG}></samtykke-privacy-policy>`));
    const root = el.shadowRoot!;
    expect(root.querySelector('article')!.getAttribute('lang')).to.equal('en');
    expect(root.querySelector('h1')!.textContent!.trim()).to.equal(policyEn.title);
    const note = root.querySelector<HTMLElement>('[part=notice]')!;
    expect(note.textContent).to.equal(de.policy.shownInEnglish);
    expect(note.getAttribute('lang')).to.equal('de');
    expect(fetched).to.include('de');
    await expect(el).to.be.accessible();
  });

  it('says nothing of the kind in Danish or English, whose policy ships (COMPLIANCE 33)', async () => {
    for (const lang of ['da', 'en']) {
      const el = await settled(await fixture<SamtykkePrivacyPolicy>(html`<samtykke-privacy-policy lang=${lang} .config=${CONFIG}></samtykke-privacy-policy>`));
      expect(el.shadowRoot!.querySelector('article')!.getAttribute('lang')).to.equal(lang);
      expect(el.shadowRoot!.querySelector('[part=notice]')).to.equal(null);
    }
  });

  it('lists the cookies in Swedish for a Swedish visitor (COMPLIANCE 14, 41)', async () => {
    const el = await settled(await fixture<SamtykkeCookieDeclaration>(html`<samtykke-cookie-declaration lang="sv" .config=${CONFIG}></samtykke-cookie-declaration>`));
    const root = el.shadowRoot!;
    expect(root.querySelector('section')!.getAttribute('lang')).to.equal('sv');
    expect(root.querySelector('h2')!.textContent!.trim()).to.equal(sv.declaration.title);
    expect(root.querySelector('[part=change]')!.textContent!.trim()).to.equal(sv.declaration.change);
    await expect(el).to.be.accessible();
  });
});
