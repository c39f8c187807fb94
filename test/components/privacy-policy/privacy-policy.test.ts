import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/policy-entry.js';
import type { SamtykkePrivacyPolicy } from '../../../src/components/privacy-policy/privacy-policy.js';

/**
 * The source text's headings. The seed is plain text, so which lines are headings is a reading
 * of it; each is checked to be a line of the file before it is looked for.
 */
const SOURCE_HEADINGS = [
  'Privatlivspolitik for kunder og brugere',
  'Vores principper for behandling af personoplysninger',
  'Få et overblik over behandling af dine personopplysninger',
  'Hvilke personoplysninger indsamles?',
  'Hvad giver du samtykke til?',
  'Hvad bruger vi personoplysninger til?',
  'Hvor opbevares dine data?',
  'Hvor længe opbevarer vi personoplysninger',
  'Ændringer i behandlingen af personoplysninger',
  'Dine rettigheder efter databeskyttelsesloven',
];

const CONTROLLER = { name: 'Nordlys Kaffe ApS', cvr: '12 34 56 78', address: 'Havnegade 1, 8000 Aarhus C', email: 'privat@nordlys.dk', phone: '+45 70 20 30 40' };

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function policy(attrs: { lang?: string; config?: object; document?: object; theme?: string; headingLevel?: number } = {}) {
  const el = await fixture<SamtykkePrivacyPolicy>(html`<samtykke-privacy-policy
    lang=${attrs.lang ?? 'da'}
    theme=${attrs.theme ?? 'auto'}
    heading-level=${attrs.headingLevel ?? 1}
    .config=${attrs.config ?? {}}
    .document=${attrs.document}
  ></samtykke-privacy-policy>`);
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => squash((root(el).querySelector('article') as HTMLElement).innerText);
const sectionText = (el: Element, id: string) => squash((root(el).getElementById(id) as HTMLElement).innerText);

/**
 * Where the shipped document departs from the seed: the seed names its own company and its
 * products; the document names the controller (`controller.name`, `controller.cvr`, by default
 * the seed's own, JMA A/S) and speaks of "our" services, so a site's policy never names JMA.
 */
const CONTROLLER_WORDING: Array<[string, string]> = [
  ['Her kan du læse JMA’s privatlivspolitik målrettet kunder og brugere i DSM-systemet og DSM Hosting.', 'Her kan du læse vores privatlivspolitik for kunder og brugere af vores hjemmeside og ydelser.'],
  ['uanset om du køber JMA’ s ydelser', 'uanset om du køber vores ydelser'],
  ['som JMA indsamler', 'som vi indsamler'],
  ['JMA videregiver', 'JMA A/S videregiver'],
];

async function sourceLines(): Promise<string[]> {
  const response = await fetch('/locales/source/privatlivspolitik.da.txt');
  expect(response.ok).to.equal(true);
  const lines = (await response.text()).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.map((line) => CONTROLLER_WORDING.reduce((l, [seed, shipped]) => l.replace(seed, shipped), line));
}

describe('<samtykke-privacy-policy>', () => {
  it('shows every heading of the source text as a heading, the title at level 1 and sections at 2 (COMPLIANCE 33)', async () => {
    const lines = await sourceLines();
    const el = await policy();
    const headings = [...root(el).querySelectorAll('h1, h2, h3')].map((h) => [h.localName, squash(h.textContent!)]);
    for (const heading of SOURCE_HEADINGS) {
      expect(lines, `"${heading}" is a line of the source`).to.include(heading);
      expect(headings.map(([, t]) => t), heading).to.include(heading);
    }
    expect(headings[0]).to.deep.equal(['h1', SOURCE_HEADINGS[0]]);
    for (const heading of SOURCE_HEADINGS.slice(1)) expect(headings.find(([, t]) => t === heading)![0], heading).to.equal('h2');
  });

  it('carries every non-blank line of the source text, list lines as list items (COMPLIANCE 28, 29, 30, 31)', async () => {
    const lines = await sourceLines();
    const el = await policy();
    const all = text(el);
    const items = [...root(el).querySelectorAll('li')].map((li) => squash(li.textContent!));
    expect(lines.length).to.be.greaterThan(50);
    for (const line of lines) {
      if (line.startsWith('- ')) expect(items, line).to.include(line.slice(2));
      else expect(all, line).to.contain(squash(line));
    }
    // The seed's own spelling is kept, typos included; its company is the controller's field.
    expect(all).to.contain('personopplysninger').and.not.to.contain('DSM');
  });

  it('fills the seed\'s blanks and the controller block from the controller config (COMPLIANCE 27)', async () => {
    const el = await policy({ config: { controller: CONTROLLER } });
    const all = text(el);
    const contact = 'Nordlys Kaffe ApS, Havnegade 1, 8000 Aarhus C, e-mail privat@nordlys.dk, telefon +45 70 20 30 40';
    for (const blank of ['ved at kontakte', 'tilbagetrækkes - kontakt', 'kan du henvende dig til', 'Du kan skrive til']) expect(all).to.contain(`${blank} ${contact}.`);
    expect(sectionText(el, 'controller')).to.contain('Nordlys Kaffe ApS CVR-nummer: 12 34 56 78 Havnegade 1, 8000 Aarhus C E-mail: privat@nordlys.dk Telefon: +45 70 20 30 40');
    // The site's policy names the site's company, never the seed's.
    expect(all).to.not.contain('JMA').and.not.contain('26 18 33 67');
    expect(all).to.contain('Nordlys Kaffe ApS værner om dine personoplysninger').and.contain('Nordlys Kaffe ApS, CVR-nummer 12 34 56 78, indsamler');
    const mail = [...root(el).querySelectorAll<HTMLAnchorElement>('a[href="mailto:privat@nordlys.dk"]')];
    expect(mail.length).to.be.greaterThanOrEqual(5);
    expect(root(el).querySelector('a[href="tel:+4570203040"]')).to.exist;
    expect(root(el).querySelector('.missing')).to.equal(null);
  });

  it('says visibly that contact details are missing instead of leaving a sentence empty (COMPLIANCE 27)', async () => {
    const el = await policy({ config: {} });
    const notices = [...root(el).querySelectorAll<HTMLElement>('[part="missing"]')];
    // Four blanks of the seed, one in the transfers supplement, one line of the controller block.
    expect(notices).to.have.length(6);
    for (const n of notices) {
      expect(squash(n.textContent!)).to.equal('[Kontaktoplysninger mangler: hjemmesidens ejer har ikke angivet dem endnu]');
      expect(n.getBoundingClientRect().width).to.be.greaterThan(0);
    }
    expect(text(el)).to.contain('ved at kontakte [Kontaktoplysninger mangler');
    // The document's own controller (name, CVR) still shows.
    expect(sectionText(el, 'controller')).to.contain('JMA A/S CVR-nummer: 26 18 33 67');
  });

  it('computes the retention example from financialYearEnd (COMPLIANCE 29)', async () => {
    // An agreement ended in May 2017 belongs to the financial year ending on the first year-end after it; plus five years.
    const example = async (financialYearEnd: string) => sectionText(await policy({ config: { financialYearEnd } }), 'retention');
    expect(await example('06-30')).to.contain('indtil tidligst udgangen af juni 2022, da vores regnskabsår slutter 30. juni.');
    expect(await example('12-31')).to.contain('indtil tidligst udgangen af december 2022, da vores regnskabsår slutter 31. december.');
    expect(await example('03-31')).to.contain('indtil tidligst udgangen af marts 2023, da vores regnskabsår slutter 31. marts.');
    const english = sectionText(await policy({ lang: 'en', config: { financialYearEnd: '03-31' } }), 'retention');
    expect(english).to.contain('until at least the end of March 2023, as our financial year ends on 31 March.');
  });

  it('shows the Datatilsynet complaint block with its phone and e-mail as links (COMPLIANCE 31)', async () => {
    const el = await policy();
    const address = [...root(el).querySelectorAll('#rights address')].map((a) => squash((a as HTMLElement).innerText));
    expect(address).to.deep.equal(['Datatilsynet Carl Jacobsens Vej 35 2500 Valby Telefon: 33 19 32 00 E-mail: dt@datatilsynet.dk']);
    expect(root(el).querySelector('#rights a[href="mailto:dt@datatilsynet.dk"]')!.textContent).to.equal('dt@datatilsynet.dk');
    expect(root(el).querySelector('#rights a[href="tel:+4533193200"]')).to.exist;
  });

  it('adds every right, the legal bases, recipients, transfers and the one-month answer time as marked supplements (COMPLIANCE 28, 30, 32)', async () => {
    const el = await policy({ config: { cookiePolicyUrl: '/demo/cookies.html' } });
    const supplements = [...root(el).querySelectorAll<HTMLElement>('section.supplement')].map((s) => s.id);
    expect(supplements).to.deep.equal(['controller', 'legal-basis', 'recipients', 'transfers', 'cookie-records', 'more-rights']);
    for (const id of supplements) {
      const marker = root(el).querySelector<HTMLElement>(`#${id} > [part="supplement-marker"]`)!;
      expect(squash(marker.innerText)).to.equal('Tilføjet afsnit (GDPR art. 13)');
      expect(marker.getBoundingClientRect().height).to.be.greaterThan(0);
    }
    for (const id of ['principles', 'overview', 'rights', 'retention']) expect(root(el).querySelector(`#${id} > [part="supplement-marker"]`)).to.equal(null);
    const rights = sectionText(el, 'more-rights');
    for (const right of ['begrænset', 'dataportabilitet', 'indsigelse', 'trække et samtykke tilbage', 'senest en måned']) expect(rights).to.contain(right);
    const basis = sectionText(el, 'legal-basis');
    for (const letter of ['litra a', 'litra b', 'litra c', 'litra f']) expect(basis).to.contain(letter);
    expect(sectionText(el, 'transfers')).to.contain('uden for EU/EØS');
    expect(root(el).querySelector('#recipients a[href="/demo/cookies.html"]')!.textContent).to.equal('cookieerklæring');
  });

  it('shows "Senest opdateret" with the date and the version, in lang="da" (COMPLIANCE 33, 41)', async () => {
    const el = await policy();
    const meta = root(el).querySelector<HTMLElement>('[part="meta"]')!;
    expect(squash(meta.innerText)).to.equal('Senest opdateret: 17. oktober 2024. Version: 2024-10-17.');
    expect(meta.querySelector('time')!.getAttribute('datetime')).to.equal('2024-10-17');
    expect(root(el).querySelector('article')!.getAttribute('lang')).to.equal('da');
    const english = await policy({ lang: 'en' });
    expect(root(english).querySelector('article')!.getAttribute('lang')).to.equal('en');
    expect(squash(root(english).querySelector<HTMLElement>('[part="meta"]')!.innerText)).to.equal('Last updated: 17 October 2024. Version: 2024-10-17.');
  });

  it('renders Danish and English with the same section ids (COMPLIANCE 41)', async () => {
    const ids = (el: Element) => [...root(el).querySelectorAll('section')].map((s) => s.id);
    const daIds = ids(await policy({ lang: 'da' }));
    expect(daIds).to.have.length(15);
    expect(ids(await policy({ lang: 'en' }))).to.deep.equal(daIds);
  });

  it('links each section from the table of contents and moves focus there (COMPLIANCE 37)', async () => {
    const el = await policy();
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('nav a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([...root(el).querySelectorAll('section')].map((s) => `#${s.id}`));
    const rights = links.find((a) => a.getAttribute('href') === '#rights')!;
    rights.focus();
    await sendKeys({ press: 'Enter' });
    const focused = root(el).activeElement as HTMLElement;
    expect(focused.localName).to.equal('h2');
    expect(focused.textContent).to.equal('Dine rettigheder efter databeskyttelsesloven');
    expect(location.hash).to.equal('#rights');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('lands on the section a link from another page points at (COMPLIANCE 37)', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#retention`);
    try {
      const el = await policy();
      await new Promise((r) => requestAnimationFrame(r));
      const top = root(el).getElementById('retention')!.getBoundingClientRect().top;
      // scroll-margin-top keeps 16px above the section.
      expect(top).to.be.within(15, 17);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
      window.scrollTo(0, 0);
    }
  });

  it('shifts every heading with heading-level', async () => {
    const el = await policy({ headingLevel: 2 });
    expect(root(el).querySelector('h1')).to.equal(null);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Privatlivspolitik for kunder og brugere');
    expect(root(el).querySelector('#rights > h3')).to.exist;
  });

  it('renders a hostile document as text: no script runs, a javascript: link stays text, one console report (COMPLIANCE 33)', async () => {
    const w = window as unknown as { pwned?: number };
    const big = 'x'.repeat(1_000_000);
    const hostile = {
      version: '<script>window.pwned=1</script>',
      updated: '2025-01-01',
      title: '<img src=x onerror="window.pwned=2">',
      sections: [
        {
          id: 'evil',
          heading: '<script>window.pwned=3</script>',
          blocks: [
            { type: 'paragraph', text: ['<b onmouseover="window.pwned=4">bold</b> ', { text: 'klik her', href: 'javascript:window.pwned=5' }, ' ', { text: 'data', href: 'data:text/html,<script>window.pwned=6</script>' }] },
            { type: 'paragraph', text: big },
            { type: 'list', items: [['<iframe src="javascript:window.pwned=7"></iframe>']] },
          ],
        },
      ],
    };
    const reports: unknown[][] = [];
    const { warn, error } = console;
    console.warn = (...args: unknown[]) => reports.push(args);
    console.error = (...args: unknown[]) => reports.push(args);
    try {
      const el = await policy({ document: hostile });
      el.lang = 'en';
      await el.updateComplete;
      const again = await policy({ document: hostile });
      await new Promise((r) => setTimeout(r, 50));
      for (const node of [el, again]) {
        // Counts, not elements: a failure message quoting 1 MB of text would bring the runner down.
        expect(root(node).querySelectorAll('script, img, iframe, b, [onerror], [onmouseover]').length, 'markup elements').to.equal(0);
        expect(root(node).querySelectorAll('a[href^="javascript"], a[href^="data"]').length, 'unsafe links').to.equal(0);
        expect(root(node).querySelectorAll('a').length, 'only the contents link').to.equal(1);
        const shown = sectionText(node, 'evil');
        for (const part of ['klik her', '<script>window.pwned=3</script>', '<b onmouseover="window.pwned=4">bold</b>']) expect(shown.includes(part), part).to.equal(true);
        expect(text(node).length).to.be.greaterThan(1_000_000);
      }
      expect(w.pwned).to.equal(undefined);
      expect(reports).to.have.length(1);
      expect(String(reports[0][0])).to.contain('sections[0].blocks[0].text[1].href').and.to.contain('sections[0].blocks[0].text[3].href');
    } finally {
      console.warn = warn;
      console.error = error;
    }
  });

  it('loads config.policy from a URL, and on failure says so and shows the default policy (COMPLIANCE 33)', async () => {
    // Served as .txt: the test server turns every .json into a JavaScript module.
    const loaded = await policy({ config: { policy: '/test/components/privacy-policy/owner-policy.json.txt', controller: { email: 'hej@nordlys.dk' } } });
    await waitUntil(() => root(loaded).querySelector('h1'), 'the fetched document renders');
    expect(root(loaded).querySelector('h1')!.textContent).to.equal('Nordlys Kaffe privacy policy');
    expect(root(loaded).querySelector('article')!.getAttribute('lang')).to.equal('en');
    expect(text(loaded)).to.contain('Write to Nordlys Kaffe ApS, e-mail hej@nordlys.dk.');

    const { warn } = console;
    const reports: unknown[] = [];
    console.warn = (...args: unknown[]) => reports.push(args[0]);
    try {
      const failed = await policy({ config: { policy: '/no-such-policy.json' } });
      await waitUntil(() => root(failed).querySelector('h1'), 'the default policy renders');
      expect(squash(root(failed).querySelector<HTMLElement>('[part="notice"]')!.innerText)).to.equal(
        'Privatlivspolitikken fra /no-such-policy.json kunne ikke vises, så standardteksten vises.',
      );
      expect(root(failed).querySelector('h1')!.textContent).to.equal('Privatlivspolitik for kunder og brugere');
      expect(reports).to.have.length(1);
      expect(String(reports[0])).to.contain('HTTP 404');
    } finally {
      console.warn = warn;
    }
  });

  it('hides the table of contents and prints link targets on paper (COMPLIANCE 33)', async () => {
    const el = await policy({ config: { cookiePolicyUrl: 'https://example.dk/cookies' } });
    const nav = root(el).querySelector('nav')!;
    const link = root(el).querySelector('a[href="https://example.dk/cookies"]')!;
    expect(getComputedStyle(nav).display).to.equal('block');
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(nav).display).to.equal('none');
      expect(getComputedStyle(link, '::after').content).to.equal('" (https://example.dk/cookies)"');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  for (const lang of ['da', 'en'])
    for (const theme of ['light', 'dark'])
      it(`passes axe in ${lang}, ${theme} (COMPLIANCE 43)`, async () => {
        const el = await policy({ lang, theme, config: {} });
        await expect(el).to.be.accessible();
        const filled = await policy({ lang, theme, config: { controller: CONTROLLER, cookiePolicyUrl: '/demo/cookies.html' } });
        await expect(filled).to.be.accessible();
      });
});
