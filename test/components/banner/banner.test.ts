import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { messagesFor } from '../../../src/ui/messages.js';
import { defineElements } from '../../../src/components/registry.js';
import { SamtykkeBanner } from '../../../src/components/banner/banner.js';
import { backgroundOf, contrast, deepActive, prominence, shopConfig } from '../../layers/support.js';

defineElements();
const config = shopConfig();

async function banner(opts: { lang?: 'da' | 'en'; theme?: string; layout?: string; url?: string } = {}): Promise<SamtykkeBanner> {
  const el = await fixture<SamtykkeBanner>(html`<samtykke-banner
    .categories=${config.categories}
    .messages=${messagesFor(opts.lang ?? 'da')}
    lang=${opts.lang ?? 'da'}
    theme=${opts.theme ?? 'auto'}
    layout=${opts.layout ?? 'box'}
    policy-url=${opts.url ?? '/demo/privatlivspolitik.html'}
  ></samtykke-banner>`);
  await el.updateComplete;
  return el;
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

describe('<samtykke-banner>', () => {
  it('is a region named by its heading, in Danish, with lang="da" on the root (COMPLIANCE 2, 41)', async () => {
    const el = await banner();
    const region = $(el, 'section');
    const heading = el.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)!;
    expect(heading.localName).to.equal('h2');
    expect(heading.textContent).to.equal('Vi bruger cookies');
    expect(el.getAttribute('lang')).to.equal('da');
  });

  it('names each purpose that needs consent in a sentence, and who receives the data (COMPLIANCE 6)', async () => {
    const el = await banner();
    const items = $$(el, 'li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(3);
    expect(items[0]).to.match(/^Funktionelle: Husker dine valg/);
    expect(items[1]).to.contain('Statistik: Måler hvordan').and.contain('Modtagere: Matomo – Nordlys Kaffe ApS.');
    expect(items[2]).to.contain('Markedsføring:').and.contain('Modtagere: YouTube – Google Ireland Limited.');
    // The necessary ones are covered by the intro.
    expect($(el, 'p').textContent).to.contain('Nødvendige cookies får hjemmesiden til at virke');
  });

  it('uses a category title and description from the config over the built-in ones (COMPLIANCE 6)', async () => {
    const custom = shopConfig({ categories: [{ id: 'necessary' }, { id: 'chat', title: { da: 'Chat', en: 'Chat' }, description: { da: 'Lader dig skrive med os.', en: 'Lets you write to us.' } }] });
    const el = await fixture<SamtykkeBanner>(html`<samtykke-banner .categories=${custom.categories}></samtykke-banner>`);
    expect($$(el, 'li')[0].textContent!.replace(/\s+/g, ' ').trim()).to.equal('Chat: Lader dig skrive med os.');
  });

  it('takes over what a page set on it before it was defined, defaults and all', async () => {
    const el = document.createElement('samtykke-banner-late') as SamtykkeBanner;
    el.messages = messagesFor('en');
    el.layout = 'bar';
    el.categories = config.categories;
    document.body.append(el);
    try {
      customElements.define('samtykke-banner-late', class extends SamtykkeBanner {});
      await el.updateComplete;
      expect($(el, 'h2').textContent).to.equal('We use cookies');
      expect($$(el, 'li')).to.have.length(3);
      expect(el.getAttribute('layout')).to.equal('bar');
      expect(el.getAttribute('theme')).to.equal('auto');
      // Still reactive: the early values did not hide the accessors.
      el.messages = messagesFor('da');
      el.layout = 'box';
      await el.updateComplete;
      expect($(el, 'h2').textContent).to.equal('Vi bruger cookies');
      expect(el.getAttribute('layout')).to.equal('box');
    } finally {
      el.remove();
    }
  });

  it('shows hostile strings from the config as text: nothing in them is parsed as HTML', async () => {
    const hostile = '<img src=x onerror="window.bannerPwned=1"><b>x</b>';
    const custom = shopConfig({
      categories: [{ id: 'necessary' }, {
        id: 'chat', title: hostile, description: hostile,
        services: [{ id: 'c', name: hostile, provider: hostile, purpose: 'p', cookies: [] }],
      }],
    });
    const messages = messagesFor('da', { banner: { title: hostile, withdraw: hostile, policyLink: hostile } });
    const el = await fixture<SamtykkeBanner>(html`<samtykke-banner .categories=${custom.categories} .messages=${messages} policy-url="/p?a=<b>"></samtykke-banner>`);
    await el.updateComplete;
    expect($$(el, 'img, b')).to.deep.equal([]);
    expect($(el, 'h2').textContent).to.equal(hostile);
    expect($(el, 'li').textContent).to.contain(`${hostile}: ${hostile}`).and.contain(`Modtagere: ${hostile}.`);
    expect($(el, 'a').textContent).to.equal(hostile);
    expect($(el, 'a').getAttribute('href')).to.equal('/p?a=<b>');
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { bannerPwned?: number }).bannerPwned).to.equal(undefined);
  });

  it('keeps a privacy-policy address with quotes and brackets inside its href', async () => {
    const url = '/p?a="><img src=x onerror="window.bannerPwned=2">&b=\'1\'';
    const el = await fixture<SamtykkeBanner>(html`<samtykke-banner .categories=${shopConfig().categories} .policyUrl=${url}></samtykke-banner>`);
    await el.updateComplete;
    expect($$(el, 'img')).to.deep.equal([]);
    expect($(el, 'a').getAttribute('href')).to.equal(url);
    expect([...$(el, 'a').attributes].map((a) => a.name)).to.deep.equal(['part', 'href']);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { bannerPwned?: number }).bannerPwned).to.equal(undefined);
  });

  it('is built anew when a property changes, and the focused button keeps the focus', async () => {
    const el = await banner();
    $(el, '[data-action="reject-all"]').focus();
    el.messages = messagesFor('en');
    await el.updateComplete;
    expect($(el, 'h2').textContent).to.equal('We use cookies');
    // Compared by identity, not printed: a failure message would serialise the whole page.
    expect(deepActive() === $(el, '[data-action="reject-all"]'), 'the new reject button has the focus').to.equal(true);
    expect((deepActive() as HTMLElement).textContent).to.equal('Reject all');
    // Nothing focused before: nothing focused after.
    (deepActive() as HTMLElement).blur();
    el.policyUrl = '/other';
    await el.updateComplete;
    expect($(el, 'a').getAttribute('href')).to.equal('/other');
    expect($$(el, 'button, a').includes(deepActive() as HTMLElement), 'nothing in the banner focused').to.equal(false);
  });

  it('says how to withdraw and links to the privacy policy (COMPLIANCE 7)', async () => {
    const el = await banner();
    const text = $(el, '.text').textContent!;
    expect(text).to.contain('Du kan altid ændre eller trække dit samtykke tilbage');
    const link = $(el, 'a[href]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('/demo/privatlivspolitik.html');
    expect(link.textContent).to.equal('Læs vores privatlivspolitik');
  });

  it('never links a javascript: policy URL (COMPLIANCE 7)', async () => {
    const el = await banner({ url: 'javascript:alert(1)' });
    expect($(el, 'a')).to.equal(null);
  });

  it('offers accept, reject and customise as adjacent <button>s, none focused (COMPLIANCE 3, 4)', async () => {
    const el = await banner();
    const buttons = $$(el, 'button');
    expect(buttons.map((b) => b.dataset.action)).to.deep.equal(['accept-all', 'reject-all', 'customise']);
    expect(buttons.map((b) => b.textContent)).to.deep.equal(['Accepter alle', 'Afvis alle', 'Tilpas']);
    expect(buttons.every((b) => b.localName === 'button' && b.tabIndex === 0 && b.getAttribute('type') === 'button')).to.equal(true);
    expect(deepActive()).to.not.be.oneOf([el, ...buttons]);
    // Adjacent in tab order: from the link, three Tabs visit exactly these three.
    ($(el, 'a') as HTMLElement).focus();
    const visited = [];
    for (let i = 0; i < 3; i += 1) {
      await sendKeys({ press: 'Tab' });
      visited.push((deepActive() as HTMLElement).dataset.action);
    }
    expect(visited).to.deep.equal(['accept-all', 'reject-all', 'customise']);
  });

  for (const layout of ['box', 'bar'])
    for (const width of [1280, 320])
      it(`gives accept and reject identical size, font, weight and colours, and customise their look (${layout}, ${width} px) (COMPLIANCE 4)`, async () => {
        await setViewport({ width, height: 800 });
        const el = await banner({ layout });
        const [accept, reject, customise] = $$(el, 'button').map(prominence);
        expect(accept.width).to.be.greaterThan(60);
        expect(reject).to.deep.equal(accept);
        // On a desktop all three are one row of equals; on a phone customise takes the row below, full width.
        if (width > 480) expect(customise).to.deep.equal(accept);
        else expect({ ...customise, width: accept.width }).to.deep.equal(accept);
      });

  for (const theme of ['light', 'dark'])
    it(`gives reject text contrast ≥ 4.5:1 and never weaker than accept (${theme}) (COMPLIANCE 5, 39)`, async () => {
      const el = await banner({ theme });
      const ratio = (b: HTMLElement) => contrast(getComputedStyle(b).color, backgroundOf(b));
      const accept = ratio($(el, '[data-action="accept-all"]'));
      const reject = ratio($(el, '[data-action="reject-all"]'));
      expect(reject).to.be.at.least(4.5);
      expect(reject).to.be.at.least(accept);
      const body = ratio($(el, 'p'));
      expect(body).to.be.at.least(4.5);
    });

  it('follows the system colour scheme with theme="auto" (COMPLIANCE 39)', async () => {
    const el = await banner({ theme: 'auto' });
    const panel = $(el, 'section');
    const light = getComputedStyle(panel).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    const dark = getComputedStyle(panel).backgroundColor;
    expect(dark).to.not.equal(light);
    expect(contrast(getComputedStyle($(el, 'p')).color, dark)).to.be.at.least(4.5);
  });

  for (const action of ['accept-all', 'reject-all', 'customise'])
    it(`asks for ${action} with a bubbling, composed event that reaches the document (COMPLIANCE 3)`, async () => {
      const el = await banner();
      const heard = oneEvent(document, action);
      $(el, `[data-action="${action}"]`).click();
      const event = await heard;
      expect(event.composed).to.equal(true);
      expect(event.target).to.equal(el);
    });

  it('shows a visible focus ring of at least 3:1 (COMPLIANCE 37)', async () => {
    const el = await banner();
    ($(el, 'a') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    const focused = deepActive() as HTMLElement;
    expect(focused.dataset.action).to.equal('accept-all');
    const s = getComputedStyle(focused);
    expect(s.outlineStyle).to.equal('solid');
    expect(parseFloat(s.outlineWidth)).to.be.at.least(2);
    expect(contrast(s.outlineColor, backgroundOf($(el, 'section')))).to.be.at.least(3);
  });

  it('gives every button a target of at least 24×24 px (COMPLIANCE 37)', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await banner();
    for (const b of $$(el, 'button')) {
      const r = b.getBoundingClientRect();
      expect(r.width, b.dataset.action).to.be.at.least(24);
      expect(r.height, b.dataset.action).to.be.at.least(24);
    }
  });

  for (const layout of ['box', 'bar'])
    it(`fits 320 px: no horizontal scroll, every button in view without scrolling (${layout}) (COMPLIANCE 2, 40)`, async () => {
      await setViewport({ width: 320, height: 480 });
      const el = await banner({ layout });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const panel = $(el, 'section').getBoundingClientRect();
      expect(panel.left).to.be.at.least(0);
      expect(panel.right).to.be.at.most(320);
      for (const b of $$(el, 'button')) {
        const r = b.getBoundingClientRect();
        expect(r.top, b.dataset.action).to.be.at.least(0);
        expect(r.bottom, b.dataset.action).to.be.at.most(480);
        expect(r.right, b.dataset.action).to.be.at.most(320);
      }
    });

  it('keeps its size in px when the host page shrinks rem (COMPLIANCE 37)', async () => {
    const el = await banner();
    const before = prominence($(el, 'button'));
    document.documentElement.style.fontSize = '8px';
    try {
      expect(prominence($(el, 'button'))).to.deep.equal(before);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('sizes up with --samtykke-font-size without clipping a button label (COMPLIANCE 40)', async () => {
    await setViewport({ width: 320, height: 800 });
    const el = await banner();
    el.style.setProperty('--samtykke-font-size', '30px');
    for (const b of $$(el, 'button')) expect(b.scrollWidth, b.dataset.action).to.be.at.most(b.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('themes all three buttons alike through --samtykke-accent (COMPLIANCE 4)', async () => {
    const el = await banner();
    el.style.setProperty('--samtykke-accent', 'rgb(0, 90, 40)');
    const colours = $$(el, 'button').map((b) => getComputedStyle(b).backgroundColor);
    expect(colours).to.deep.equal(['rgb(0, 90, 40)', 'rgb(0, 90, 40)', 'rgb(0, 90, 40)']);
  });

  for (const lang of ['da', 'en'] as const)
    for (const theme of ['light', 'dark'])
      for (const layout of ['box', 'bar'])
        it(`passes axe (${lang}, ${theme}, ${layout}) (COMPLIANCE 43)`, async () => {
          const el = await banner({ lang, theme, layout });
          expect(el.getAttribute('lang')).to.equal(lang);
          await expect(el).to.be.accessible();
        });

  it('passes axe at 320 px, where its text scrolls (COMPLIANCE 40, 43)', async () => {
    await setViewport({ width: 320, height: 480 });
    const el = await banner();
    const text = $(el, '.text');
    expect(text.scrollHeight).to.be.greaterThan(text.clientHeight);
    await expect(el).to.be.accessible();
  });
});
