import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/policy-entry.js';
import type { SamtykkeCookieDeclaration } from '../../../src/components/cookie-declaration/cookie-declaration.js';
import { MemoryStorage } from '../../../src/core/cookie-storage.js';
import { serialiseRecord, type ConsentRecord } from '../../../src/core/record.js';
import { SamtykkeController } from '../../../src/controller.js';

const COOKIE = 'samtykke-declaration-test';
/** Stores a consent value as the widget's cookie storage writes it. */
const setCookie = (value: string) => (document.cookie = `${COOKIE}=${encodeURIComponent(value)}; path=/`);

const CONFIG = {
  cookie: { name: COOKIE, expiresDays: 200, rejectExpiresDays: 100 },
  controller: { name: 'Nordlys Kaffe ApS' },
  categories: [
    { id: 'necessary', required: true, services: [{ id: 'site', name: 'Nordlys webshop', provider: 'Nordlys Kaffe ApS', purpose: 'Kurv og login', essential: true, reason: 'Uden den virker kurven ikke', cookies: [{ name: 'session', purpose: 'Holder dig logget ind', duration: 'Sessionen' }] }] },
    {
      id: 'analytics',
      services: [
        {
          id: 'ga',
          name: 'Google Analytics',
          provider: 'Google Ireland Ltd.',
          purpose: { da: 'Besøgsstatistik', en: 'Visitor statistics' },
          transfer: { da: 'USA (EU-U.S. Data Privacy Framework)', en: 'USA (EU-U.S. Data Privacy Framework)' },
          cookies: [
            { name: '_ga', purpose: { da: 'Skelner mellem besøgende', en: 'Tells visitors apart' }, duration: { da: '2 år', en: '2 years' } },
            { name: '_ga_*', pattern: '^_ga_', purpose: { da: 'Husker sessionen', en: 'Keeps the session' }, duration: { da: '2 år', en: '2 years' } },
          ],
        },
      ],
    },
    { id: 'marketing', title: { da: 'Annoncer', en: 'Ads' }, services: [{ id: 'pixel', name: 'Meta Pixel', provider: 'Meta Platforms Ireland Ltd.', purpose: 'Måler annoncer', cookies: [] }] },
    { id: 'functional' },
  ],
};

// Yesterday, so the record is within its 12 months whenever the test runs.
const UPDATED = new Date(Date.now() - 86_400_000).toISOString();

const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  v: 1,
  id: '6f1c1f0e-2b7a-4c1e-9a3b-1d2e3f4a5b6c',
  rev: 1,
  policy: '2024-10-17',
  given: UPDATED,
  updated: UPDATED,
  method: 'save',
  categories: { necessary: true, analytics: true, marketing: false, functional: false },
  services: { site: true, ga: true, pixel: false },
  ...over,
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const root = (el: Element) => el.shadowRoot!;
const stateOf = (el: Element, id: string) => squash(root(el).querySelector<HTMLElement>(`[data-category="${id}"] [part="state"]`)!.innerText);

async function declaration(opts: { lang?: string; theme?: string; config?: object } = {}) {
  const el = await fixture<SamtykkeCookieDeclaration>(html`<samtykke-cookie-declaration
    lang=${opts.lang ?? 'da'}
    theme=${opts.theme ?? 'auto'}
    .config=${opts.config ?? CONFIG}
  ></samtykke-cookie-declaration>`);
  await el.updateComplete;
  return el;
}

describe('<samtykke-cookie-declaration>', () => {
  afterEach(() => (document.cookie = `${COOKIE}=; path=/; max-age=0`));

  it('lists every category, service and cookie, and the consent cookie, with name, provider, purpose, duration and transfer (COMPLIANCE 14)', async () => {
    const el = await declaration();
    const tables = [...root(el).querySelectorAll('table')];
    expect(tables.map((t) => squash(t.caption!.textContent!))).to.deep.equal(['Nødvendige', 'Statistik', 'Annoncer']);
    expect([...tables[0].querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).to.deep.equal([
      ['Navn', 'col'], ['Udbyder', 'col'], ['Formål', 'col'], ['Varighed', 'col'], ['Overførsel uden for EU/EØS', 'col'],
    ]);
    const rows = (t: HTMLTableElement) => [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => squash(c.textContent!)));
    // The consent cookie itself heads the first required category, with its configured lifetimes.
    expect(rows(tables[0])).to.deep.equal([
      [COOKIE, 'Nordlys Kaffe ApS', 'Husker dit cookievalg og dit samtykke-ID', '200 dage (100 dage, hvis du afviser)', 'Nej'],
      ['session', 'Nordlys webshop', 'Holder dig logget ind', 'Sessionen', 'Nej'],
    ]);
    expect(rows(tables[1])).to.deep.equal([
      ['_ga', 'Google Analytics – Google Ireland Ltd.', 'Skelner mellem besøgende', '2 år', 'USA (EU-U.S. Data Privacy Framework)'],
      ['_ga_*', 'Google Analytics – Google Ireland Ltd.', 'Husker sessionen', '2 år', 'USA (EU-U.S. Data Privacy Framework)'],
    ]);
    expect(rows(tables[2])).to.deep.equal([['Ingen cookies', 'Meta Pixel – Meta Platforms Ireland Ltd.', 'Måler annoncer', '–', 'Nej']]);
    expect(tables[1].tBodies[0].rows[0].cells[0].localName).to.equal('th');
    expect(tables[1].tBodies[0].rows[0].cells[0].getAttribute('scope')).to.equal('row');
    // A category without services says so instead of showing an empty table.
    expect(squash(root(el).querySelector<HTMLElement>('[data-category="functional"]')!.innerText)).to.contain('Ingen cookies');

    const english = await declaration({ lang: 'en' });
    expect(rows(root(english).querySelectorAll('table')[1])[0]).to.deep.equal(['_ga', 'Google Analytics – Google Ireland Ltd.', 'Tells visitors apart', '2 years', 'USA (EU-U.S. Data Privacy Framework)']);
  });

  it('shows no choice yet when nothing is stored (COMPLIANCE 19)', async () => {
    const el = await declaration();
    expect(squash(root(el).querySelector<HTMLElement>('[part="status"]')!.innerText)).to.equal('Du har ikke truffet et valg endnu.');
    expect(stateOf(el, 'necessary')).to.equal('Dit valg: Altid aktiv');
    expect(stateOf(el, 'analytics')).to.equal('Dit valg: Ikke valgt (fra)');
  });

  it('reads the visitor\'s choice, consent ID, date and policy version from the cookie (COMPLIANCE 23)', async () => {
    setCookie(serialiseRecord(record()));
    const el = await declaration();
    const status = root(el).querySelector<HTMLElement>('[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect([...status.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal(['Dit samtykke-ID', 'Dato', 'Politikkens version']);
    const values = [...status.querySelectorAll('dd')].map((dd) => squash(dd.textContent!));
    expect(values[0]).to.equal('6f1c1f0e-2b7a-4c1e-9a3b-1d2e3f4a5b6c');
    const updated = new Date(UPDATED);
    // Danish long date in the visitor's time zone, e.g. "12. januar 2025 kl. 15.30".
    expect(values[1]).to.match(new RegExp(`^${updated.getDate()}\\. ${updated.toLocaleString('da-DK', { month: 'long' })} ${updated.getFullYear()} kl\\. \\d\\d\\.\\d\\d$`));
    expect(status.querySelector('time')!.getAttribute('datetime')).to.equal(UPDATED);
    expect(values[2]).to.equal('2024-10-17');
    expect(stateOf(el, 'analytics')).to.equal('Dit valg: Tilladt');
    expect(stateOf(el, 'marketing')).to.equal('Dit valg: Afvist');
  });

  it('ignores a tampered cookie, and one from before a material policy change (COMPLIANCE 19)', async () => {
    setCookie(serialiseRecord(record()).replace('"analytics":true', '"analytics":"yes"'));
    expect(squash(root(await declaration()).querySelector<HTMLElement>('[part="status"]')!.innerText)).to.equal('Du har ikke truffet et valg endnu.');
    setCookie(serialiseRecord(record()));
    const material = await declaration({ config: { ...CONFIG, policy: { version: '2025-06-01', material: true } } });
    expect(stateOf(material, 'analytics')).to.equal('Dit valg: Ikke valgt (fra)');
  });

  it('prefers window.Samtykke.getConsent() when the widget runs on the page (COMPLIANCE 19)', async () => {
    const w = window as unknown as { Samtykke?: unknown };
    w.Samtykke = { controller: {}, getConsent: () => record({ id: '0b0b0b0b-1111-4222-8333-444444444444', categories: { necessary: true, analytics: false, marketing: true, functional: true } }) };
    try {
      const el = await declaration();
      expect(squash(root(el).querySelector('dd')!.textContent!)).to.equal('0b0b0b0b-1111-4222-8333-444444444444');
      expect(stateOf(el, 'marketing')).to.equal('Dit valg: Tilladt');
    } finally {
      delete w.Samtykke;
    }
  });

  it('asks to change and to withdraw with bubbling, composed intents (COMPLIANCE 20, 21)', async () => {
    const el = await declaration();
    const change = root(el).querySelector<HTMLButtonElement>('button[part="change"]')!;
    const withdraw = root(el).querySelector<HTMLButtonElement>('button[part="withdraw"]')!;
    expect(change.textContent).to.equal('Ændr dit samtykke');
    expect(withdraw.textContent).to.equal('Træk dit samtykke tilbage');
    for (const [button, type] of [[change, 'customise'], [withdraw, 'withdraw']] as const) {
      const heard = oneEvent(document, type);
      button.click();
      const e = await heard;
      expect(e.bubbles && e.composed, type).to.equal(true);
      expect(e.target).to.equal(el);
    }
  });

  it('follows samtykke-change and samtykke-ready live (COMPLIANCE 22, 42)', async () => {
    const el = await declaration();
    document.dispatchEvent(new CustomEvent('samtykke-change', { detail: { consent: record({ method: 'accept-all', categories: { necessary: true, analytics: true, marketing: true, functional: true } }) } }));
    await el.updateComplete;
    expect(stateOf(el, 'marketing')).to.equal('Dit valg: Tilladt');
    expect(squash(root(el).querySelector('dd')!.textContent!)).to.equal('6f1c1f0e-2b7a-4c1e-9a3b-1d2e3f4a5b6c');
    document.dispatchEvent(new CustomEvent('samtykke-ready', { detail: { consent: null } }));
    await el.updateComplete;
    expect(stateOf(el, 'marketing')).to.equal('Dit valg: Ikke valgt (fra)');
  });

  it('lets the controller withdraw from the button, then shows the refusal (COMPLIANCE 21, 22)', async () => {
    const storage = new MemoryStorage();
    const ctrl = new SamtykkeController({ ...CONFIG, language: 'da' }, { storage });
    let opened = 0;
    ctrl.start(() => ({ showBanner() {}, showPreferences: () => void opened++, settle() {} }));
    try {
      ctrl.store.acceptAll();
      const el = await declaration();
      el.consent = ctrl.store.consent;
      await el.updateComplete;
      expect(stateOf(el, 'analytics')).to.equal('Dit valg: Tilladt');
      const id = ctrl.store.consent!.id;

      // The decision is stored after the click's frame; the declaration follows its samtykke-change.
      const changed = oneEvent(document, 'samtykke-change');
      root(el).querySelector<HTMLButtonElement>('button[part="withdraw"]')!.click();
      await changed;
      await el.updateComplete;
      expect(ctrl.store.consent!.method).to.equal('withdraw');
      expect(JSON.parse(storage.value!).categories.analytics).to.equal(false);
      expect(stateOf(el, 'analytics')).to.equal('Dit valg: Afvist');
      expect(squash(root(el).querySelector('dd')!.textContent!)).to.equal(id);

      root(el).querySelector<HTMLButtonElement>('button[part="change"]')!.click();
      // The preference centre is in the UI, which the controller loads first.
      await ctrl.requestLayers();
      await Promise.resolve();
      expect(opened).to.equal(1);
    } finally {
      ctrl.stop();
    }
  });

  it('has a slot for extra content', async () => {
    const el = await fixture<SamtykkeCookieDeclaration>(html`<samtykke-cookie-declaration lang="da" .config=${CONFIG}><p id="extra">Historik</p></samtykke-cookie-declaration>`);
    const slot = root(el).querySelector('slot')!;
    expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['extra']);
  });

  for (const lang of ['da', 'en'])
    for (const theme of ['light', 'dark'])
      it(`passes axe in ${lang}, ${theme}, before and after a choice (COMPLIANCE 43)`, async () => {
        const el = await declaration({ lang, theme });
        await expect(el).to.be.accessible();
        el.consent = record();
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
});

describe('<samtykke-cookie-declaration> on a phone', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('fits 320 px without horizontal scrolling: one card per cookie, each value named by its column (COMPLIANCE 14, 40)', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<SamtykkeCookieDeclaration>(html`<samtykke-cookie-declaration lang="da" .config=${CONFIG} .consent=${null}></samtykke-cookie-declaration>`);
    await el.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const table of root(el).querySelectorAll('table')) expect(table.getBoundingClientRect().right, 'table inside the page').to.be.at.most(320);
    const cell = root(el).querySelector<HTMLElement>('tbody td')!;
    expect(getComputedStyle(cell).display).to.equal('block');
    expect(cell.dataset.label).to.equal('Udbyder');
    expect(getComputedStyle(cell, '::before').content).to.equal('"Udbyder: "');
    await expect(el).to.be.accessible();
  });
});
