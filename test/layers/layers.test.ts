import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { SamtykkeController } from '../../src/controller.js';
import type { ConsentRecord } from '../../src/core/record.js';
import { mountLayers } from '../../src/ui/layers.js';
import type { Layers } from '../../src/controller.js';
import type { SamtykkeBanner } from '../../src/components/banner/banner.js';
import type { SamtykkePreferences } from '../../src/components/preferences/preferences.js';
import type { SamtykkeReopen } from '../../src/components/reopen/reopen.js';
import { clearCookies, deepActive, shopConfig } from './support.js';

type JarCookie = { name: string; value: string; sameSite?: string; expires: number };
const jar = () => executeServerCommand<JarCookie[], undefined>('getCookies');

/** The consent record as the browser's cookie jar holds it. */
async function stored(): Promise<ConsentRecord | null> {
  const cookie = (await jar()).find((c) => c.name === 'samtykke');
  return cookie ? JSON.parse(decodeURIComponent(cookie.value)) : null;
}

const SHOP = {
  language: 'da',
  privacyPolicyUrl: '/demo/privatlivspolitik.html',
  categories: shopConfig().categories,
};

let ctrl: SamtykkeController | null = null;
let layers: Layers | null = null;

async function start(extra: Record<string, unknown> = {}): Promise<SamtykkeController> {
  ctrl = new SamtykkeController({ ...SHOP, ...extra });
  ctrl.start(async (c) => (layers = await mountLayers(c)));
  await ctrl.requestLayers();
  await settle();
  return ctrl;
}

async function settle() {
  for (const el of document.querySelectorAll<SamtykkeBanner>('samtykke-banner, samtykke-preferences, samtykke-reopen')) await el.updateComplete;
  await nextFrame();
}

const banner = () => document.querySelector('samtykke-banner');
const prefs = () => document.querySelector('samtykke-preferences')!;
const reopen = () => document.querySelector('samtykke-reopen');
const inBanner = (action: string) => banner()!.shadowRoot!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
const inPrefs = (selector: string) => prefs().shadowRoot!.querySelector<HTMLElement>(selector)!;
const reopenButton = () => reopen()!.shadowRoot!.querySelector('button')!;

/** Asserts where the focus is without letting chai print a whole element tree. */
function expectFocusOn(el: Element | null) {
  const at = deepActive();
  expect(at === el, `focus is on ${at?.outerHTML.slice(0, 120)}`).to.equal(true);
}

/** Records `samtykke-show` / `samtykke-hide` as "show:banner" etc. */
function layerEvents() {
  const seen: string[] = [];
  const note = (e: Event) => seen.push(`${e.type.slice(9)}:${(e as CustomEvent).detail.layer}`);
  document.addEventListener('samtykke-show', note);
  document.addEventListener('samtykke-hide', note);
  return { seen, stop: () => (document.removeEventListener('samtykke-show', note), document.removeEventListener('samtykke-hide', note)) };
}

async function decide(click: () => void) {
  const changed = oneEvent(document, 'samtykke-change');
  click();
  await changed;
  await settle();
}

afterEach(async () => {
  prefs()?.close();
  layers?.stop?.();
  ctrl?.stop();
  layers = ctrl = null;
  clearCookies();
  for (const el of document.querySelectorAll('samtykke-reopen')) el.remove();
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ colorScheme: 'light' });
});

describe('layers: first view', () => {
  it('shows the banner in Danish on the first view, with nothing stored and no reopen button (COMPLIANCE 1, 2, 41)', async () => {
    const events = layerEvents();
    document.documentElement.lang = 'da';
    await start({ language: 'auto' });
    document.documentElement.lang = '';
    events.stop();
    expect(banner()).to.exist;
    expect(banner()!.getAttribute('lang')).to.equal('da');
    expect(inBanner('reject-all').textContent).to.equal('Afvis alle');
    expect(events.seen).to.deep.equal(['show:banner']);
    expect(reopen()).to.equal(null);
    expect(await stored()).to.equal(null);
  });

  it('scans the page for gated elements once at start: its own banner going in does not wake the gate', async () => {
    // Each scan asks once for the gated scripts; count how often it asks.
    const original = Document.prototype.querySelectorAll;
    let scans = 0;
    Document.prototype.querySelectorAll = function (this: Document, selector: string) {
      if (selector.startsWith('script[type="text/plain"]')) scans++;
      return original.call(this, selector);
    } as typeof original;
    try {
      await start();
      await new Promise((r) => setTimeout(r));
    } finally {
      Document.prototype.querySelectorAll = original;
    }
    expect(banner()).to.exist;
    expect(scans).to.equal(1);
  });

  it('speaks English with language "en", and takes the site owner\'s texts (COMPLIANCE 41)', async () => {
    await start({ language: 'en', texts: { en: { banner: { title: 'Cookies at Nordlys' } } } });
    expect(banner()!.getAttribute('lang')).to.equal('en');
    expect(banner()!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Cookies at Nordlys');
    expect(inBanner('accept-all').textContent).to.equal('Accept all');
  });

  it('passes on theme and layout from the config (COMPLIANCE 39)', async () => {
    await start({ theme: 'dark', layout: 'bar' });
    expect(banner()!.getAttribute('theme')).to.equal('dark');
    expect(banner()!.getAttribute('layout')).to.equal('bar');
    await expect(banner()).to.be.accessible();
  });

  it('records nothing when the visitor scrolls, waits or presses Esc (COMPLIANCE 8, 9)', async () => {
    await fixture(html`<div style="height: 3000px">Lang side</div>`);
    await start();
    scrollTo(0, 1500);
    await sendKeys({ press: 'Escape' });
    await new Promise((r) => setTimeout(r, 200));
    expect(await stored()).to.equal(null);
    expect(banner()).to.exist;
    expect(ctrl!.store.consent).to.equal(null);
    scrollTo(0, 0);
  });
});

describe('layers: decisions on the banner', () => {
  it('accept-all writes the cookie with every category, removes the banner and adds the reopen button (COMPLIANCE 3, 20)', async () => {
    await start();
    const events = layerEvents();
    await decide(() => inBanner('accept-all').click());
    events.stop();
    const record = await stored();
    expect(record!.method).to.equal('accept-all');
    expect(record!.categories).to.deep.equal({ necessary: true, functional: true, analytics: true, marketing: true });
    expect(ctrl!.store.hasConsent('youtube')).to.equal(true);
    expect(banner()).to.equal(null);
    expect(events.seen).to.deep.equal(['hide:banner']);
    expect(reopen()).to.exist;
    expect(reopen()!.getAttribute('position')).to.equal('left');
  });

  it('answers the click in its own frame: banner gone, reopen button in; the cookie and samtykke-change come after that frame', async () => {
    await start();
    const changes: string[] = [];
    const note = (e: Event) => changes.push((e as CustomEvent).detail.action);
    document.addEventListener('samtykke-change', note);
    const changed = oneEvent(document, 'samtykke-change');
    inBanner('accept-all').click();
    expect(banner()).to.equal(null);
    expect(reopen()).to.exist;
    expect(changes).to.deep.equal([]);
    expect(document.cookie).not.to.contain('samtykke=');
    await new Promise((r) => requestAnimationFrame(r));
    expect(changes).to.deep.equal([]);
    await changed;
    document.removeEventListener('samtykke-change', note);
    expect(changes).to.deep.equal(['accept-all']);
    expect((await stored())!.method).to.equal('accept-all');
  });

  it('reject-all is one click too and refuses every optional category (COMPLIANCE 3, 9)', async () => {
    await start();
    await decide(() => inBanner('reject-all').click());
    const record = await stored();
    expect(record!.method).to.equal('reject-all');
    expect(record!.categories).to.deep.equal({ necessary: true, functional: false, analytics: false, marketing: false });
    expect(record!.services).to.deep.equal({ matomo: false, youtube: false });
    expect(banner()).to.equal(null);
  });

  it('announces the saved choice and hands the focus to the reopen button (COMPLIANCE 42, 38)', async () => {
    await start();
    inBanner('reject-all').focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(await stored()).to.not.equal(null);
    expect(inPrefs('[role="status"]').textContent).to.equal('Dit valg er gemt.');
    expectFocusOn(reopenButton());
  });

  it('places the reopen button on the configured side, or none with reopen: false (COMPLIANCE 20)', async () => {
    await start({ reopen: { position: 'right' } });
    await decide(() => inBanner('accept-all').click());
    expect(reopen()!.getAttribute('position')).to.equal('right');
    layers!.stop!();
    ctrl!.stop();
    clearCookies();
    await start({ reopen: false });
    await decide(() => inBanner('accept-all').click());
    expect(reopen()).to.equal(null);
  });
});

describe('layers: the preference centre', () => {
  it('opens from the banner in one click and saves a choice per category (COMPLIANCE 11, 12)', async () => {
    await start();
    const events = layerEvents();
    inBanner('customise').click();
    await settle();
    expect(prefs().open).to.equal(true);
    (inPrefs('[data-category="analytics"]') as HTMLInputElement).click();
    await decide(() => inPrefs('[data-action="save"]').click());
    events.stop();
    const record = await stored();
    expect(record!.method).to.equal('save');
    expect(record!.categories).to.deep.equal({ necessary: true, functional: false, analytics: true, marketing: false });
    expect(record!.services).to.deep.equal({ matomo: true, youtube: false });
    expect(prefs().open).to.equal(false);
    expect(events.seen).to.deep.equal(['show:preferences', 'hide:banner', 'hide:preferences']);
    expectFocusOn(reopenButton());
  });

  it('records a save with nothing switched on as a reject (COMPLIANCE 13)', async () => {
    await start();
    inBanner('customise').click();
    await settle();
    await decide(() => inPrefs('[data-action="save"]').click());
    expect((await stored())!.method).to.equal('reject-all');
  });

  for (const action of ['accept-all', 'reject-all'])
    it(`${action} in the centre writes the cookie and closes it (COMPLIANCE 12)`, async () => {
      await start();
      inBanner('customise').click();
      await settle();
      await decide(() => inPrefs(`[data-action="${action}"]`).click());
      expect((await stored())!.method).to.equal(action);
      expect(prefs().open).to.equal(false);
    });

  it('closes on Esc without consenting; the banner stays and gets the focus back (COMPLIANCE 8, 36)', async () => {
    await start();
    inBanner('customise').focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(prefs().open).to.equal(true);
    const hidden = oneEvent(document, 'samtykke-hide');
    await sendKeys({ press: 'Escape' });
    expect((await hidden).detail).to.deep.equal({ layer: 'preferences' });
    expect(await stored()).to.equal(null);
    expect(banner()).to.exist;
    expectFocusOn(inBanner('customise'));
  });

  it('notes the GPC signal and keeps marketing off before any choice (COMPLIANCE 35)', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    await start();
    layers!.showPreferences();
    await settle();
    expect(inPrefs('[part="gpc"]').textContent).to.contain('Global Privacy Control');
    expect((inPrefs('[data-category="marketing"]') as HTMLInputElement).checked).to.equal(false);
    // An explicit accept-all afterwards is the visitor's own choice.
    await decide(() => inPrefs('[data-action="accept-all"]').click());
    expect((await stored())!.categories.marketing).to.equal(true);
    layers!.showPreferences();
    await settle();
    expect(inPrefs('[part="gpc"]')).to.equal(null);
  });

  it('shows no GPC note when the config turns respectGpc off (COMPLIANCE 35)', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    await start({ respectGpc: false });
    layers!.showPreferences();
    await settle();
    expect(inPrefs('[part="gpc"]')).to.equal(null);
  });
});

describe('layers: changing and withdrawing', () => {
  it('shows no banner but the reopen button to a returning visitor (COMPLIANCE 20)', async () => {
    await start();
    await decide(() => inBanner('accept-all').click());
    layers!.stop!();
    ctrl!.stop();
    await start();
    expect(banner()).to.equal(null);
    expect(reopen()).to.exist;
  });

  it('withdraws in as many clicks as it took to consent, focus back on the reopen button (COMPLIANCE 21, 36)', async () => {
    await start();
    // Consenting through the centre: customise, accept-all.
    inBanner('customise').click();
    await settle();
    await decide(() => inPrefs('[data-action="accept-all"]').click());
    expect((await stored())!.categories.marketing).to.equal(true);
    // Withdrawing: reopen, reject-all.
    reopenButton().focus();
    reopenButton().click();
    await settle();
    expect(prefs().open).to.equal(true);
    expect((inPrefs('[data-category="marketing"]') as HTMLInputElement).checked).to.equal(true);
    await decide(() => inPrefs('[data-action="reject-all"]').click());
    const record = await stored();
    expect(record!.categories).to.deep.equal({ necessary: true, functional: false, analytics: false, marketing: false });
    expectFocusOn(reopenButton());
  });

  it('opens from any element with data-samtykke-open, by click and by keyboard (COMPLIANCE 20)', async () => {
    const page = await fixture(html`<footer>
      <a href="#cookies" data-samtykke-open>Cookie-indstillinger</a>
      <span data-samtykke-open>Skift samtykke</span>
    </footer>`);
    await start();
    const link = page.querySelector('a')!;
    link.click();
    await settle();
    expect(prefs().open).to.equal(true);
    expect(location.hash).to.not.equal('#cookies');
    prefs().close();
    link.focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(prefs().open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle();
    expectFocusOn(link);
    // A non-interactive element is made a keyboard-reachable button.
    const span = page.querySelector('span')!;
    expect(span.tabIndex).to.equal(0);
    expect(span.getAttribute('role')).to.equal('button');
    span.focus();
    await sendKeys({ press: 'Space' });
    await settle();
    expect(prefs().open).to.equal(true);
  });

  it('uses a reopen button the page placed itself, from the first view (COMPLIANCE 20)', async () => {
    await fixture(html`<samtykke-reopen position="right"></samtykke-reopen>`);
    await start({ language: 'en' });
    const own = reopen() as SamtykkeReopen;
    expect(document.querySelectorAll('samtykke-reopen')).to.have.length(1);
    expect(own.getAttribute('lang')).to.equal('en');
    own.shadowRoot!.querySelector('button')!.click();
    await settle();
    expect(prefs().open).to.equal(true);
  });

  it('opens the banner and the centre through the API (COMPLIANCE 20)', async () => {
    await start();
    await decide(() => inBanner('accept-all').click());
    const events = layerEvents();
    layers!.showBanner();
    await settle();
    expect(banner()).to.exist;
    layers!.showPreferences();
    await settle();
    expect((prefs() as SamtykkePreferences).open).to.equal(true);
    events.stop();
    expect(events.seen).to.deep.equal(['show:banner', 'show:preferences']);
  });
});

describe('layers: the page around the banner', () => {
  it('moves nothing on the page when the banner appears (COMPLIANCE 38)', async () => {
    const page = await fixture(html`<main><h1>Nordlys Kaffe</h1><p>Kaffe fra små brennerier.</p></main>`);
    // Two painted frames first, so the earlier tests' clean-up is not counted as this page's shift.
    await nextFrame();
    await nextFrame();
    const before = page.querySelector('p')!.getBoundingClientRect().top;
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => shifts.push((e as PerformanceEntry & { value: number }).value)));
    observer.observe({ type: 'layout-shift' });
    await start();
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    expect(shifts).to.deep.equal([]);
    expect(page.querySelector('p')!.getBoundingClientRect().top).to.equal(before);
  });

  for (const layout of ['box', 'bar'])
    it(`never hides the focused element: the page's last link scrolls above the ${layout} (COMPLIANCE 38)`, async () => {
      await setViewport({ width: 360, height: 640 });
      const page = await fixture(html`<div><div style="height: 1200px">Indhold</div><a href="#end">Sidste link</a></div>`);
      await start({ layout });
      const link = page.querySelector('a')!;
      link.focus();
      const top = banner()!.shadowRoot!.querySelector('section')!.getBoundingClientRect().top;
      expect(link.getBoundingClientRect().bottom).to.be.at.most(top);
      await decide(() => inBanner('reject-all').click());
      expect(document.body.style.paddingBottom).to.equal('');
      expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
    });

  it('gives the page its own bottom padding back when the banner goes (COMPLIANCE 38)', async () => {
    document.body.style.paddingBottom = '7px';
    try {
      await start();
      await nextFrame();
      // calc(7px + the banner's height), which the browser sums.
      expect(parseFloat(document.body.style.paddingBottom.slice(5))).to.be.above(7 + 50);
      inBanner('accept-all').click();
      expect(document.body.style.paddingBottom).to.equal('7px');
      expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
    } finally {
      document.body.style.paddingBottom = '';
    }
  });

  it('shows every layer accessibly in English and dark (COMPLIANCE 43)', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    await start({ language: 'en' });
    await expect(banner()).to.be.accessible();
    layers!.showPreferences();
    await settle();
    await expect(prefs()).to.be.accessible();
    await decide(() => inPrefs('[data-action="reject-all"]').click());
    await expect(reopen()).to.be.accessible();
  });

  it('leaves the banner and the reopen button out of a printed page', async () => {
    await start();
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(banner()!).display).to.equal('none');
      await emulateMedia({ media: 'screen' });
      expect(getComputedStyle(banner()!).display).to.not.equal('none');
      await decide(() => inBanner('reject-all').click());
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(reopen()!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
