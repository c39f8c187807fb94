// How the layers sit in a real page: the phone sheet, one layer at a time, the tab order, the
// reopen button out of the focused element's way, the placeholder's size, the withdrawal
// sentence without a reopen button, and the built-in looks.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { SamtykkeOptions } from '../../src/core/config.js';
import type { SamtykkeReopen } from '../../src/components/reopen/reopen.js';
import { backgroundOf, contrast, deepActive, running, shopConfig, startLayers, stopLayers } from './support.js';

/** Samtykke on this page with the shop's categories and `extra` over them. */
const start = (extra: SamtykkeOptions = {}) =>
  startLayers({ language: 'da', privacyPolicyUrl: '/demo/privatlivspolitik.html', categories: shopConfig().categories, ...extra } as SamtykkeOptions);

const banner = () => document.querySelector('samtykke-banner')!;
const prefs = () => document.querySelector('samtykke-preferences')!;
const inBanner = (selector: string) => banner().shadowRoot!.querySelector<HTMLElement>(selector)!;
const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

afterEach(async () => {
  stopLayers();
  for (const el of document.querySelectorAll('samtykke-reopen')) el.remove();
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

describe('the banner on a phone: a bottom sheet', () => {
  for (const [width, height] of [[375, 667], [320, 568]])
    it(`takes at most half of ${width}×${height}, shows its three buttons, and scrolls its text with a cue (COMPLIANCE 2, 7, 40)`, async () => {
      await setViewport({ width, height });
      await start();
      const sheet = inBanner('section').getBoundingClientRect();
      expect(sheet.height).to.be.at.most(height / 2 + 1);
      expect(sheet.bottom).to.be.closeTo(height, 1);
      expect(sheet.left).to.equal(0);
      expect(sheet.width).to.be.closeTo(width, 1);
      for (const action of ['accept-all', 'reject-all', 'customise']) {
        const box = inBanner(`[data-action="${action}"]`).getBoundingClientRect();
        expect(box.top, action).to.be.at.least(sheet.top);
        expect(box.bottom, action).to.be.at.most(height);
        expect(box.height, action).to.be.at.least(24);
      }
      const text = inBanner('.text');
      // More text than room: it scrolls inside the sheet, and its edges show shadows while it does.
      expect(text.scrollHeight).to.be.greaterThan(text.clientHeight);
      expect(getComputedStyle(text).overflowY).to.equal('auto');
      expect(getComputedStyle(text).backgroundImage).to.contain('gradient');
      // The withdrawal sentence and the policy link are reached by scrolling.
      const link = inBanner('a[href]');
      text.scrollTop = text.scrollHeight;
      await nextFrame();
      const linkBox = link.getBoundingClientRect();
      expect(linkBox.top).to.be.at.least(sheet.top);
      expect(linkBox.bottom).to.be.at.most(inBanner('.actions').getBoundingClientRect().top + 1);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
    });

  it('reflows at 320 px and 200 % text: one button per row, none clipped (COMPLIANCE 40)', async () => {
    await setViewport({ width: 320, height: 568 });
    await start();
    banner().style.setProperty('--samtykke-font-size', '30px');
    await nextFrame();
    const buttons = [...banner().shadowRoot!.querySelectorAll('button')];
    const lefts = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().left)));
    expect(lefts.size).to.equal(1);
    for (const b of buttons) expect(b.scrollWidth, b.dataset.action).to.be.at.most(b.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});

describe('one layer at a time', () => {
  it('hides the banner while the preference centre is open, and brings it back with the focus on "Tilpas" (COMPLIANCE 12, 36)', async () => {
    await start();
    inBanner('[data-action="customise"]').focus();
    inBanner('[data-action="customise"]').click();
    await prefs().updateComplete;
    await nextFrame();
    expect(prefs().open).to.equal(true);
    expect(banner().hidden).to.equal(true);
    expect(getComputedStyle(banner()).display).to.equal('none');
    await sendKeys({ press: 'Escape' });
    await nextFrame();
    expect(prefs().open).to.equal(false);
    expect(banner().hidden).to.equal(false);
    expect(deepActive() === inBanner('[data-action="customise"]'), 'focus on Tilpas').to.equal(true);
    expect(running.ctrl!.store.consent).to.equal(null);
  });
});

describe('tab order', () => {
  it('puts the banner first in <body>: the first Tab of the page reaches it, before the page\'s links; nothing is focused on its own (COMPLIANCE 4, 37)', async () => {
    const page = await fixture(html`<nav>${[1, 2, 3, 4, 5].map((i) => html`<a href="#p${i}">Side ${i}</a>`)}</nav>`);
    await start();
    expect(document.body.firstElementChild).to.equal(banner());
    expect(deepActive()).to.equal(document.body);
    // From the top of the page, the first Tab lands inside the banner.
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.getRootNode()).to.equal(banner().shadowRoot);
    page.remove();
  });
});

describe('the reopen button keeps out of the focused element\'s way (WCAG 2.4.11)', () => {
  it('moves to the other corner when the page tabs to a link under it, and back after (COMPLIANCE 20, 38)', async () => {
    document.cookie = 'samtykke=; path=/; max-age=0';
    await start();
    inBanner('[data-action="reject-all"]').click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
    const reopen = document.querySelector<SamtykkeReopen>('samtykke-reopen')!;
    await reopen.updateComplete;
    const page = await fixture(html`<div>
      <a href="#top">Top</a>
      <a href="#last" style="position: fixed; left: 16px; bottom: 16px; padding: 12px 24px">Sidste link i sidefoden</a>
    </div>`);
    const last = page.querySelectorAll('a')[1];
    expect(overlap(reopen.getBoundingClientRect(), last.getBoundingClientRect()), 'the test places the link under the button').to.equal(true);
    last.focus();
    await nextFrame();
    await nextFrame();
    expect(overlap(reopen.getBoundingClientRect(), last.getBoundingClientRect())).to.equal(false);
    expect(reopen.getAttribute('dodging')).to.equal('other');
    page.querySelector('a')!.focus();
    await nextFrame();
    await nextFrame();
    expect(reopen.hasAttribute('dodging')).to.equal(false);
    page.remove();
  });

  it('takes its position and offset from the config, and names itself beside the button on focus (COMPLIANCE 20)', async () => {
    document.cookie = 'samtykke=; path=/; max-age=0';
    await start({ reopen: { position: 'right', offset: { x: 40, y: 72 } } });
    inBanner('[data-action="accept-all"]').click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
    const reopen = document.querySelector<SamtykkeReopen>('samtykke-reopen')!;
    await reopen.updateComplete;
    const box = reopen.shadowRoot!.querySelector('button')!.getBoundingClientRect();
    expect(innerWidth - box.right).to.be.closeTo(40, 1);
    expect(innerHeight - box.bottom).to.be.closeTo(72, 1);
    // Reached by keyboard, as its focus ring and name show only then.
    reopen.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Tab' });
    const label = reopen.shadowRoot!.querySelector<HTMLElement>('[part=label]')!;
    await new Promise((r) => setTimeout(r, 50));
    expect(label.textContent).to.equal('Cookie-indstillinger');
    expect(getComputedStyle(label).opacity).to.equal('1');
  });
});

describe('without a reopen button', () => {
  it('points the withdrawal sentence to the site\'s own link, not to a button that does not exist (COMPLIANCE 7)', async () => {
    await start({ reopen: false });
    const text = inBanner('.text').textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('via linket til cookie-indstillinger på siden');
    expect(text).to.not.contain('i hjørnet');
  });

  it('says it in the site\'s own words when the config gives them (COMPLIANCE 7)', async () => {
    await start({ reopen: false, texts: { da: { banner: { withdrawLink: 'Brug linket "Cookies" i sidefoden.' } } } });
    expect(inBanner('.text').textContent).to.contain('Brug linket "Cookies" i sidefoden.');
  });
});

describe('the embed placeholder', () => {
  it('takes the gated iframe\'s size, so allowing it moves nothing: CLS 0 (COMPLIANCE 1)', async () => {
    document.cookie = 'samtykke=; path=/; max-age=0';
    const page = await fixture(html`<div style="width: 900px">
      <iframe data-samtykke-category="marketing" data-samtykke-service="youtube" data-src="about:blank" width="560" height="315" title="Video" style="border: 0; display: block"></iframe>
      <p id="after">Efter videoen</p>
    </div>`);
    await start();
    const ph = page.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('samtykke-embed')!;
    await ph.updateComplete;
    const before = ph.getBoundingClientRect();
    const after = page.querySelector('#after')!.getBoundingClientRect().top;
    expect(Math.round(before.width)).to.equal(560);
    expect(Math.round(before.height)).to.equal(315);
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => shifts.push((e as PerformanceEntry & { value: number }).value)));
    observer.observe({ type: 'layout-shift' });
    ph.shadowRoot!.querySelector<HTMLButtonElement>('[part=allow]')!.click();
    await nextFrame();
    await nextFrame();
    observer.disconnect();
    const frame = page.querySelector('iframe')!.getBoundingClientRect();
    expect([Math.round(frame.width), Math.round(frame.height)]).to.deep.equal([560, 315]);
    expect(page.querySelector('#after')!.getBoundingClientRect().top).to.equal(after);
    expect(shifts.reduce((a, b) => a + b, 0)).to.equal(0);
    page.remove();
  });

  it('names the service and its provider once, and links the service\'s privacy policy when the config gives one (COMPLIANCE 6, 14)', async () => {
    document.cookie = 'samtykke=; path=/; max-age=0';
    const categories = shopConfig().categories.map((c) =>
      c.id === 'marketing' ? { ...c, services: c.services.map((s) => ({ ...s, privacyUrl: 'https://policies.google.com/privacy' })) } : c,
    );
    const page = await fixture(html`<div><iframe data-samtykke-category="marketing" data-samtykke-service="youtube" data-src="about:blank" title="Video"></iframe></div>`);
    await start({ categories } as SamtykkeOptions);
    const ph = page.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('samtykke-embed')!;
    await ph.updateComplete;
    const sentence = ph.shadowRoot!.querySelector('p')!.textContent!;
    expect(sentence.match(/Google Ireland Limited/g)).to.have.length(1);
    expect(sentence).to.contain('YouTube – Google Ireland Limited').and.not.contain('(');
    expect(ph.shadowRoot!.querySelector('a[part=privacy]')!.getAttribute('href')).to.equal('https://policies.google.com/privacy');
    page.remove();
  });
});

describe('the built-in looks', () => {
  for (const preset of ['default', 'minimal', 'contrast'] as const)
    for (const scheme of ['light', 'dark'] as const)
      it(`keeps text and buttons legible and accept equal to reject with preset ${preset}, ${scheme} (COMPLIANCE 4, 5, 39, 43)`, async () => {
        await start({ theme: { scheme, preset } });
        expect(banner().getAttribute('preset')).to.equal(preset);
        const bg = backgroundOf(inBanner('section'));
        expect(contrast(getComputedStyle(inBanner('p')).color, bg)).to.be.at.least(4.5);
        const accept = getComputedStyle(inBanner('[data-action="accept-all"]'));
        const reject = getComputedStyle(inBanner('[data-action="reject-all"]'));
        expect(contrast(reject.color, reject.backgroundColor)).to.be.at.least(4.5);
        expect([reject.color, reject.backgroundColor, reject.fontWeight]).to.deep.equal([accept.color, accept.backgroundColor, accept.fontWeight]);
        await expect(banner()).to.be.accessible();
      });

  it('enters with a slide, not a fade, and not at all when the visitor asks for reduced motion (COMPLIANCE 2)', async () => {
    await start();
    expect(getComputedStyle(inBanner('section')).animationName).to.equal('samtykke-rise');
    // Legible from its first frame: the animation moves it, never hides it.
    expect(getComputedStyle(inBanner('section')).opacity).to.equal('1');
    stopLayers();
    await emulateMedia({ reducedMotion: 'reduce' });
    await start();
    expect(getComputedStyle(inBanner('section')).animationName).to.equal('none');
  });
});
