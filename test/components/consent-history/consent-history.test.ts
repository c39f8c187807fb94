import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/policy-entry.js';
import { historyUrl, type SamtykkeConsentHistory } from '../../../src/components/consent-history/consent-history.js';
import { serialiseRecord, type ConsentRecord } from '../../../src/core/record.js';

// The log's answers are static files beside this test (fixtures/log/<consentId>), served by the
// test runner as a real HTTP endpoint: a missing file is a real 404, a closed port a real failure.
const LOG = '/test/components/consent-history/fixtures/log';
const OK = '0b6f5c1e-3a2d-4c5b-8e7f-1a2b3c4d5e6f';
const DIFFERS = '1c7a6d2f-4b3e-4d6c-9f8a-2b3c4d5e6f7a';
const HOSTILE = '2d8b7e3a-5c4f-4e7d-8a9b-3c4d5e6f7a8b';
const MISSING = '3e9c8f4b-6d5a-4f8e-9b0c-4d5e6f7a8b9c';
const COOKIE = 'samtykke-history-test';

const CONFIG = {
  cookie: { name: COOKIE },
  endpoint: LOG,
  categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing', title: { da: 'Annoncer', en: 'Ads' } }],
};

const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString();
const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  v: 1,
  id: OK,
  rev: 1,
  policy: '2025-11-01',
  given: YESTERDAY,
  updated: YESTERDAY,
  method: 'withdraw',
  categories: { necessary: true, analytics: false, marketing: false },
  services: {},
  ...over,
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const root = (el: Element) => el.shadowRoot!;
const stateOf = (el: Element) => root(el).querySelector('[part="base"]')!.getAttribute('data-state');
const statusOf = (el: Element) => squash(root(el).querySelector('[part="status"]')!.textContent!);
const items = (el: Element) => [...root(el).querySelectorAll('[part="item"]')].map((li) => squash((li as HTMLElement).innerText));

/** Renders the element and waits until it has read the log (or decided it need not). */
async function history(opts: { consent?: ConsentRecord | null; config?: object; lang?: string; theme?: string } = {}) {
  const el = await fixture<SamtykkeConsentHistory>(html`<samtykke-consent-history
    lang=${opts.lang ?? 'da'}
    theme=${opts.theme ?? 'auto'}
    .config=${opts.config ?? CONFIG}
    .consent=${opts.consent === undefined ? record() : opts.consent}
  ></samtykke-consent-history>`);
  await waitForState(el);
  return el;
}

async function waitForState(el: SamtykkeConsentHistory) {
  for (let i = 0; i < 100 && stateOf(el) === 'loading'; i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
}

describe('<samtykke-consent-history>', () => {
  afterEach(() => (document.cookie = `${COOKIE}=; path=/; max-age=0`));

  it('builds the log address from the endpoint: the collection URL plus the consent ID (COMPLIANCE 25)', () => {
    expect(historyUrl('/api/consents', OK, 'https://shop.example/cookies')).to.equal(`https://shop.example/api/consents/${OK}`);
    expect(historyUrl('https://log.example/api/consents/', OK)).to.equal(`https://log.example/api/consents/${OK}`);
    expect(historyUrl('https://log.example/proxy/api/consents?x=1', OK)).to.equal(`https://log.example/proxy/api/consents/${OK}`);
  });

  it('lists every decision newest first in plain Danish, with dates, allowed categories, GPC and policy version (COMPLIANCE 23, 25)', async () => {
    const el = await history();
    expect(stateOf(el)).to.equal('ok');
    const date = (iso: string) => new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
    expect(items(el)).to.deep.equal([
      `${date('2025-03-03T10:45:00.000Z')} Du trak dit samtykke tilbage. Tilladt: Nødvendige. Politikversion 2025-11-01.`,
      `${date('2025-03-02T09:30:00.000Z')} Du gemte dine valg. Tilladt: Nødvendige, Statistik. Din browser sendte et GPC-signal. Politikversion 2025-11-01.`,
      `${date('2025-03-01T08:00:00.000Z')} Du accepterede alle. Tilladt: Nødvendige, Statistik, Annoncer. Politikversion 2025-11-01.`,
    ]);
    expect([...root(el).querySelectorAll('time')].map((t) => t.dateTime)).to.deep.equal(['2025-03-03T10:45:00.000Z', '2025-03-02T09:30:00.000Z', '2025-03-01T08:00:00.000Z']);
    expect(root(el).querySelector('ol')!.getAttribute('aria-label')).to.equal('Dine valg, nyeste først');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en", and the site\'s own category titles (COMPLIANCE 41)', async () => {
    const el = await history({ lang: 'en' });
    expect(items(el)[2]).to.match(/You accepted all\. Allowed: Necessary, Statistics, Ads\. Policy version 2025-11-01\.$/);
    expect(root(el).querySelector('section')!.lang).to.equal('en');
    expect(squash(root(el).querySelector('h2')!.textContent!)).to.equal('Your consent history');
  });

  it('reads the consent ID from the visitor\'s cookie when no consent is given', async () => {
    document.cookie = `${COOKIE}=${encodeURIComponent(serialiseRecord(record()))}; path=/`;
    const el = await history({ consent: undefined });
    expect(stateOf(el)).to.equal('ok');
    expect(items(el)).to.have.length(3);
  });

  it('says so when the site has no consent log endpoint', async () => {
    const { endpoint, ...noLog } = CONFIG;
    expect(endpoint).to.be.a('string');
    const el = await history({ config: noLog });
    expect(stateOf(el)).to.equal('no-endpoint');
    expect(statusOf(el)).to.contain('ingen samtykkelog');
    expect(items(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says so when the visitor has made no choice yet', async () => {
    const el = await history({ consent: null });
    expect(stateOf(el)).to.equal('no-consent');
    expect(statusOf(el)).to.equal('Du har ikke truffet et valg endnu, så loggen har ingen registreringer om dig.');
    await expect(el).to.be.accessible();
  });

  it('says the log has no records for this ID, and gives the ID to quote', async () => {
    const el = await history({ consent: record({ id: MISSING }) });
    expect(stateOf(el)).to.equal('not-in-log');
    expect(statusOf(el)).to.contain(MISSING);
    await expect(el).to.be.accessible();
  });

  it('says when the log\'s latest decision differs from the cookie, and still lists what the log holds', async () => {
    const el = await history({ consent: record({ id: DIFFERS, method: 'reject-all', categories: { necessary: true, analytics: false, marketing: false } }) });
    expect(stateOf(el)).to.equal('differs');
    expect(statusOf(el)).to.contain('svarer ikke til');
    expect(items(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('says when the log cannot be reached, and tries again on the retry button', async () => {
    const el = await history({ config: { ...CONFIG, endpoint: 'http://127.0.0.1:9/api/consents' } });
    expect(stateOf(el)).to.equal('unreachable');
    expect(statusOf(el)).to.contain('kunne ikke hentes');
    const retry = root(el).querySelector<HTMLButtonElement>('[part="retry"]')!;
    expect(retry.textContent).to.equal('Prøv igen');
    await expect(el).to.be.accessible();
    setTimeout(() => retry.click());
    const again = await oneEvent(el, 'samtykke-history');
    expect(again.detail.state).to.equal('unreachable');
  });

  it('shows loading while it reads the log', async () => {
    const el = await fixture<SamtykkeConsentHistory>(html`<samtykke-consent-history lang="da" .config=${CONFIG} .consent=${record()}></samtykke-consent-history>`);
    expect(stateOf(el)).to.equal('loading');
    expect(statusOf(el)).to.equal('Henter din historik …');
    expect(root(el).querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
    await waitForState(el);
    expect(stateOf(el)).to.equal('ok');
  });

  it('reads the log again when moved in the page while it was reading', async () => {
    const el = await fixture<SamtykkeConsentHistory>(html`<samtykke-consent-history lang="da" .config=${CONFIG} .consent=${record()}></samtykke-consent-history>`);
    expect(stateOf(el)).to.equal('loading');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitForState(el);
    expect(stateOf(el)).to.equal('ok');
  });

  it('follows a decision made on the page (samtykke-change)', async () => {
    const el = await history({ consent: null });
    expect(stateOf(el)).to.equal('no-consent');
    document.dispatchEvent(new CustomEvent('samtykke-change', { detail: { consent: record(), event: { eventId: 'e3000000-0000-4000-8000-000000000003' } } }));
    await oneEvent(el, 'samtykke-history');
    await el.updateComplete;
    expect(stateOf(el)).to.equal('ok');
  });

  it('renders hostile strings from the log as text: nothing runs, no markup appears', async () => {
    const el = await history({ consent: record({ id: HOSTILE, method: 'reject-all' }) });
    expect(stateOf(el)).to.equal('ok');
    const text = items(el).join('\n');
    expect(text).to.contain('Valg: <img src=x onerror="window.pwned=1">');
    expect(text).to.contain('<img src=x onerror="window.pwned=2">');
    expect(text).to.contain('<script>window.pwned=3</script>');
    expect(text).to.contain('Politikversion <b onmouseover="window.pwned=4">v</b>.');
    expect(root(el).querySelectorAll('img, script, b')).to.have.length(0);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible in its ${theme} theme (COMPLIANCE 39, 43)`, async () => {
      const el = await history({ theme });
      const colours = getComputedStyle(el);
      expect(colours.colorScheme).to.equal(theme);
      await expect(el).to.be.accessible();
      const unreachable = await history({ theme, config: { ...CONFIG, endpoint: 'http://127.0.0.1:9/api/consents' } });
      await expect(unreachable).to.be.accessible();
    });
  }
});
