import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { messagesFor } from '../../../src/ui/messages.js';
import type { ConsentRecord } from '../../../src/core/record.js';
import { defineElements } from '../../../src/components/registry.js';
import type { SamtykkePreferences } from '../../../src/components/preferences/preferences.js';
import { backgroundOf, contrast, deepActive, prominence, shopConfig } from '../../layers/support.js';

defineElements();
const config = shopConfig();

function consent(categories: Record<string, boolean>, services: Record<string, boolean>): ConsentRecord {
  const now = new Date().toISOString();
  return { v: 1, id: '6f1c1c1e-5d7a-4c52-9a55-3f2b8e7d9a10', rev: 1, policy: '1', given: now, updated: now, method: 'save', categories, services };
}

interface Options {
  lang?: 'da' | 'en';
  theme?: string;
  gpc?: boolean;
  record?: ConsentRecord | null;
}

/** A page with a button that opens the centre, so focus return can be observed. */
async function centre(opts: Options = {}): Promise<{ el: SamtykkePreferences; opener: HTMLButtonElement; page: HTMLElement }> {
  const page = await fixture<HTMLElement>(html`<div>
    <button id="opener">Cookie-indstillinger</button>
    <samtykke-preferences
      .categories=${config.categories}
      .messages=${messagesFor(opts.lang ?? 'da')}
      .consent=${opts.record ?? null}
      ?gpc=${opts.gpc ?? false}
      lang=${opts.lang ?? 'da'}
      theme=${opts.theme ?? 'auto'}
    ></samtykke-preferences>
  </div>`);
  const el = page.querySelector('samtykke-preferences')!;
  const opener = page.querySelector<HTMLButtonElement>('#opener')!;
  await el.updateComplete;
  return { el, opener, page };
}

async function opened(opts: Options = {}) {
  const parts = await centre(opts);
  parts.opener.focus();
  await parts.el.show();
  return parts;
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const sw = (el: Element, selector: string) => $(el, selector) as HTMLInputElement;
const openAll = (el: Element) => $$(el, 'details').forEach((d) => ((d as HTMLDetailsElement).open = true));

afterEach(async () => {
  for (const d of document.querySelectorAll('samtykke-preferences')) d.close();
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

describe('<samtykke-preferences>', () => {
  it('is a modal <dialog> named by its heading, with lang on the root (COMPLIANCE 36, 41)', async () => {
    const { el } = await opened();
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.open).to.equal(true);
    expect(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('Cookie-indstillinger');
    expect(el.getAttribute('lang')).to.equal('da');
  });

  it('has one labelled switch per category: required on and disabled, the rest off (COMPLIANCE 11, 15)', async () => {
    const { el } = await opened();
    const switches = $$(el, '[data-category]') as HTMLInputElement[];
    expect(switches.map((s) => s.dataset.category)).to.deep.equal(['necessary', 'functional', 'analytics', 'marketing']);
    for (const s of switches) {
      expect(s.type).to.equal('checkbox');
      expect(s.getAttribute('role')).to.equal('switch');
      expect(s.labels![0].textContent).to.not.equal('');
    }
    expect(switches.map((s) => [s.checked, s.disabled])).to.deep.equal([[true, true], [false, false], [false, false], [false, false]]);
    expect(switches[2].labels![0].textContent).to.equal('Statistik');
  });

  it('starts at the stored choice when there is one (COMPLIANCE 11)', async () => {
    const { el } = await opened({ record: consent({ necessary: true, functional: false, analytics: true, marketing: false }, { matomo: true, youtube: false }) });
    expect(sw(el, '[data-category="analytics"]').checked).to.equal(true);
    expect(sw(el, '[data-category="marketing"]').checked).to.equal(false);
    expect(sw(el, '[data-service="matomo"]').checked).to.equal(true);
    expect(sw(el, '[data-service="youtube"]').checked).to.equal(false);
  });

  it('shows each switch state in words, which follow the switch (COMPLIANCE 15)', async () => {
    const { el } = await opened();
    const state = (id: string) => (sw(el, `[data-category="${id}"]`).nextElementSibling as HTMLElement).innerText.trim();
    expect(state('necessary')).to.equal('Altid aktiv');
    expect(state('analytics')).to.equal('Fra');
    sw(el, '[data-category="analytics"]').click();
    expect(state('analytics')).to.equal('Til');
  });

  it('lists each service with a switch, provider, purpose, transfer and its cookies (COMPLIANCE 14)', async () => {
    const { el } = await opened();
    openAll(el);
    const youtube = sw(el, '[data-service="youtube"]').closest<HTMLElement>('[part="service"]')!;
    const text = youtube.innerText;
    // Its name, then its provider, who is not the site itself.
    expect(youtube.querySelector('label')!.textContent).to.equal('YouTube – Google Ireland Limited');
    expect(text).to.contain('Udbyder: Google Ireland Limited');
    expect(text).to.contain('Formål: Viser videoer');
    expect(text).to.contain('Overførsel uden for EU/EØS: USA (EU-US Data Privacy Framework)');
    const rows = [...youtube.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).to.deep.equal([['Navn', 'Formål', 'Varighed'], ['VISITOR_INFO1_LIVE', 'Måler båndbredde', '6 måneder']]);
    const matomo = sw(el, '[data-service="matomo"]').closest<HTMLElement>('[part="service"]')!;
    expect(matomo.innerText).to.contain('Overførsel uden for EU/EØS: Nej');
    expect(matomo.querySelectorAll('tr')).to.have.length(3);
  });

  it('keeps the service lists folded until asked, one click away (COMPLIANCE 14)', async () => {
    const { el } = await opened();
    const summary = $(el, 'summary');
    expect(summary.textContent).to.equal('Tjenester og cookies (1)');
    expect(sw(el, '[data-service="matomo"]').checkVisibility()).to.equal(false);
    summary.click();
    expect(sw(el, '[data-service="matomo"]').checkVisibility()).to.equal(true);
  });

  it('moves a category\'s service switches with it, and saves what the switches show (COMPLIANCE 11, 12)', async () => {
    const { el } = await opened();
    openAll(el);
    sw(el, '[data-category="analytics"]').click();
    expect(sw(el, '[data-service="matomo"]').checked).to.equal(true);
    sw(el, '[data-service="youtube"]').click();
    const heard = oneEvent(document, 'save');
    $(el, '[data-action="save"]').click();
    const { detail, composed } = await heard;
    expect(composed).to.equal(true);
    expect(detail).to.deep.equal({
      categories: { necessary: true, functional: false, analytics: true, marketing: false },
      services: { matomo: true, youtube: true },
    });
  });

  it('sends a save with everything off when nothing is switched on (COMPLIANCE 13)', async () => {
    const { el } = await opened();
    const heard = oneEvent(document, 'save');
    $(el, '[data-action="save"]').click();
    const { detail } = await heard;
    expect(detail.categories).to.deep.equal({ necessary: true, functional: false, analytics: false, marketing: false });
    expect(detail.services).to.deep.equal({ matomo: false, youtube: false });
  });

  for (const action of ['accept-all', 'reject-all'])
    it(`asks for ${action} with a bubbling, composed event (COMPLIANCE 12)`, async () => {
      const { el } = await opened();
      const heard = oneEvent(document, action);
      $(el, `[data-action="${action}"]`).click();
      expect((await heard).target).to.equal(el);
    });

  it('offers accept-all, reject-all and save styled identically (COMPLIANCE 12)', async () => {
    for (const width of [1024, 320]) {
      await setViewport({ width, height: 700 });
      const { el } = await opened();
      const buttons = $$(el, '.actions button');
      expect(buttons.map((b) => b.dataset.action)).to.deep.equal(['accept-all', 'reject-all', 'save']);
      const [first, ...others] = buttons.map(prominence);
      for (const other of others) expect(other).to.deep.equal(first);
      el.close();
    }
  });

  it('discards unsaved changes when it is opened again (COMPLIANCE 11)', async () => {
    const { el } = await opened();
    sw(el, '[data-category="marketing"]').click();
    el.close();
    await el.show();
    expect(sw(el, '[data-category="marketing"]').checked).to.equal(false);
  });

  it('moves focus in, and Tab and Shift+Tab cycle inside (COMPLIANCE 36, 37)', async () => {
    const { el } = await opened();
    expect(deepActive()).to.equal($(el, '[part="close"]'));
    const inside = new Set<Element>();
    for (let i = 0; i < 12; i += 1) {
      await sendKeys({ press: 'Tab' });
      const at = deepActive()!;
      expect(el.shadowRoot!.contains(at), `Tab ${i + 1} left the dialog for ${at.outerHTML}`).to.equal(true);
      inside.add(at);
    }
    // ×, three optional switches, two folded service lists, three buttons: 9 stops, then round again.
    expect(inside.size).to.equal(9);
    $(el, '[part="close"]').focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()).to.equal($(el, '[data-action="save"]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '[part="close"]'));
  });

  it('reaches the service switches by keyboard once a list is unfolded (COMPLIANCE 37)', async () => {
    const { el } = await opened();
    $(el, 'summary').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '[data-service="matomo"]'));
    await sendKeys({ press: 'Space' });
    expect(sw(el, '[data-service="matomo"]').checked).to.equal(true);
  });

  it('makes the page behind inert (COMPLIANCE 36)', async () => {
    const { opener } = await opened();
    opener.blur();
    opener.focus();
    expect(document.activeElement).to.not.equal(opener);
    expect(opener.matches(':focus')).to.equal(false);
  });

  it('closes on Esc without deciding, and returns focus to the opener (COMPLIANCE 8, 36)', async () => {
    const { el, opener } = await opened();
    const decided: string[] = [];
    const note = (e: Event) => decided.push(e.type);
    for (const type of ['accept-all', 'reject-all', 'save']) document.addEventListener(type, note);
    const closed = oneEvent(el, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    for (const type of ['accept-all', 'reject-all', 'save']) document.removeEventListener(type, note);
    expect(el.open).to.equal(false);
    expect(decided).to.deep.equal([]);
    expect(document.activeElement).to.equal(opener);
  });

  it('stays open and decides nothing when Enter is pressed on a switch (COMPLIANCE 8, 37)', async () => {
    const { el } = await opened();
    const decided: string[] = [];
    const note = (e: Event) => decided.push(e.type);
    for (const type of ['accept-all', 'reject-all', 'save']) document.addEventListener(type, note);
    sw(el, '[data-category="analytics"]').focus();
    await sendKeys({ press: 'Enter' });
    await new Promise((r) => setTimeout(r, 50));
    for (const type of ['accept-all', 'reject-all', 'save']) document.removeEventListener(type, note);
    expect(el.open).to.equal(true);
    expect(decided).to.deep.equal([]);
  });

  it('closes with the × button without deciding, focus back on the opener (COMPLIANCE 8, 36)', async () => {
    const { el, opener } = await opened();
    const closed = oneEvent(el, 'close');
    $(el, '[part="close"]').click();
    await closed;
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('announces a saved choice in a role="status" region that stays until the next opening (COMPLIANCE 42)', async () => {
    const { el } = await opened();
    const status = $(el, '[role="status"]');
    expect(status.textContent).to.equal('');
    el.confirm();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(status.textContent).to.equal('Dit valg er gemt.');
    await new Promise((r) => setTimeout(r, 50));
    expect(status.textContent).to.equal('Dit valg er gemt.');
    await el.show();
    expect(status.textContent).to.equal('');
  });

  it('has only its status region until first opened, and announces a decision made elsewhere in that same node (COMPLIANCE 42)', async () => {
    const { el } = await centre();
    // Rendered on first opening: most visitors never open it.
    expect($(el, 'dialog')).to.equal(null);
    const status = $(el, '[role="status"]');
    expect(status.textContent).to.equal('');
    // A decision in the banner: the region that existed before the decision gets the text.
    el.confirm();
    await el.updateComplete;
    const regions = () => $$(el, '[role="status"]');
    expect(regions().length === 1 && regions()[0] === status, 'the same region').to.equal(true);
    expect(status.textContent).to.equal('Dit valg er gemt.');
    await el.show();
    expect(regions().length === 1 && regions()[0] === status, 'the same region').to.equal(true);
    expect(status.textContent).to.equal('');
    expect(el.open).to.equal(true);
  });

  it('says when the Global Privacy Control signal kept marketing off (COMPLIANCE 35)', async () => {
    const { el } = await opened({ gpc: true });
    expect($(el, '[part="gpc"]').textContent).to.equal(messagesFor('da').preferences.gpc);
    expect(sw(el, '[data-category="marketing"]').checked).to.equal(false);
    const { el: plain } = await opened();
    expect($(plain, '[part="gpc"]')).to.equal(null);
  });

  it('gives every control a target of at least 24×24 px (COMPLIANCE 37)', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el } = await opened();
    openAll(el);
    for (const c of $$(el, 'button, summary, input')) {
      const r = c.getBoundingClientRect();
      expect(r.width, c.outerHTML).to.be.at.least(24);
      expect(r.height, c.outerHTML).to.be.at.least(24);
    }
  });

  it('fits 320 px: no horizontal scroll, its buttons in view (COMPLIANCE 40)', async () => {
    await setViewport({ width: 320, height: 480 });
    const { el } = await opened();
    openAll(el);
    const dialog = $(el, 'dialog');
    const box = dialog.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(320);
    expect($(el, 'form > .text').scrollWidth).to.be.at.most($(el, 'form > .text').clientWidth);
    for (const b of $$(el, '.actions button')) {
      const r = b.getBoundingClientRect();
      expect(r.bottom, b.dataset.action).to.be.at.most(480);
      expect(r.right, b.dataset.action).to.be.at.most(320);
    }
  });

  for (const theme of ['light', 'dark'])
    it(`keeps text, switches and focus ring legible (${theme}) (COMPLIANCE 37, 39)`, async () => {
      const { el } = await opened({ theme });
      const bg = backgroundOf($(el, 'dialog'));
      // The dialog's own text (the status region beside it is visually hidden).
      expect(contrast(getComputedStyle($(el, 'dialog p')).color, bg)).to.be.at.least(4.5);
      const off = sw(el, '[data-category="analytics"]');
      expect(contrast(getComputedStyle(off).backgroundColor, bg)).to.be.at.least(3);
      expect(contrast(getComputedStyle(off).outlineColor, bg)).to.be.at.least(3);
      expect(contrast(getComputedStyle($(el, '[data-action="save"]')).color, getComputedStyle($(el, '[data-action="save"]')).backgroundColor)).to.be.at.least(4.5);
    });

  it('does not animate the switches when the visitor asks for reduced motion (COMPLIANCE 15)', async () => {
    const { el } = await opened();
    const s = sw(el, '[data-category="analytics"]');
    expect(parseFloat(getComputedStyle(s).transitionDuration)).to.be.greaterThan(0);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(parseFloat(getComputedStyle(s).transitionDuration)).to.equal(0);
  });

  for (const lang of ['da', 'en'] as const)
    for (const theme of ['light', 'dark'])
      it(`passes axe, lists unfolded, with GPC note (${lang}, ${theme}) (COMPLIANCE 43)`, async () => {
        const { el } = await opened({ lang, theme, gpc: true, record: consent({ necessary: true, functional: true, analytics: true, marketing: false }, { matomo: true, youtube: false }) });
        openAll(el);
        await expect(el).to.be.accessible();
      });

  it('passes axe at 320 px with everything unfolded (COMPLIANCE 40, 43)', async () => {
    await setViewport({ width: 320, height: 480 });
    const { el } = await opened({ lang: 'en' });
    openAll(el);
    await expect(el).to.be.accessible();
  });
});
