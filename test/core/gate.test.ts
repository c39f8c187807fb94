import { expect } from '@open-wc/testing';
import { startGate } from '../../src/core/gate.js';
import { messagesFor } from '../../src/ui/messages.js';
import { defineElements } from '../../src/components/registry.js';
import { uiDefaults } from '../../src/components/samtykke-element.js';
import { CONFIG, box, makeStore, probe, storedChoice, until } from './gate-helpers.js';

const FIX = '/test/e2e/fixtures';
const inline = (id: string, category = 'analytics', extra = '') =>
  `<script type="text/plain" data-samtykke-category="${category}" ${extra}>(window.__order = window.__order || []).push('${id}')</script>`;

describe('gate: scripts', () => {
  let container: HTMLElement | undefined;
  let stop: (() => void) | undefined;
  beforeEach(() => {
    delete probe.__order;
  });
  afterEach(() => {
    stop?.();
    container?.remove();
    stop = container = undefined;
  });

  it('runs no gated script and loads no gated source before a choice (COMPLIANCE 1)', async () => {
    container = box(`${inline('i1')}<script type="text/plain" data-samtykke-category="analytics" data-src="${FIX}/order-a.js"></script>`);
    stop = startGate(makeStore(), container);
    await new Promise((r) => setTimeout(r, 100));
    expect(probe.__order).to.equal(undefined);
    expect(performance.getEntriesByType('resource').some((e) => e.name.endsWith('/order-a.js'))).to.equal(false);
    expect(container.querySelectorAll('script[type="text/plain"]').length).to.equal(2);
  });

  it('decides synchronously from the stored choice and runs in document order, awaiting each external script (COMPLIANCE 19)', async () => {
    container = box(
      inline('i1') +
        `<script type="text/plain" data-samtykke-category="analytics" data-src="${FIX}/order-a.js"></script>` +
        inline('i2') +
        `<script type="text/plain" data-samtykke-category="analytics" src="${FIX}/order-c.js"></script>` +
        inline('i3'),
    );
    stop = startGate(makeStore(storedChoice('all')), container);
    // The first inline script ran before startGate returned; the rest wait for ext-a to load.
    expect(probe.__order).to.deep.equal(['i1']);
    await until(() => probe.__order?.length === 5);
    expect(probe.__order).to.deep.equal(['i1', 'ext-a', 'i2', 'ext-c', 'i3']);
  });

  it('runs right after a decision, and never twice (COMPLIANCE 1)', async () => {
    container = box(inline('i1') + inline('m1', 'marketing'));
    const store = makeStore();
    stop = startGate(store, container);
    expect(probe.__order).to.equal(undefined);
    store.save({ categories: { analytics: true } });
    expect(probe.__order).to.deep.equal(['i1']);
    store.acceptAll();
    expect(probe.__order).to.deep.equal(['i1', 'm1']);
    store.acceptAll();
    container.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 50));
    expect(probe.__order).to.deep.equal(['i1', 'm1']);
    expect(container.querySelectorAll('script[type="text/plain"]').length).to.equal(0);
  });

  it('lets a service consent count on its own and keeps a refused service off (COMPLIANCE 11, 14)', () => {
    container = box(inline('ga', 'analytics', 'data-samtykke-service="ga"') + inline('matomo', 'analytics', 'data-samtykke-service="matomo"') + inline('yt', 'marketing', 'data-samtykke-service="youtube"'));
    const store = makeStore();
    stop = startGate(store, container);
    store.acceptService('youtube');
    expect(probe.__order).to.deep.equal(['yt']);
    store.save({ categories: { analytics: true }, services: { ga: false, youtube: true } });
    expect(probe.__order).to.deep.equal(['yt', 'matomo']);
  });

  it('never runs a category or service id the config does not declare, and says so once (COMPLIANCE 1)', () => {
    container = box(inline('x1', 'tracking') + inline('x2', 'tracking') + inline('x3', 'analytics', 'data-samtykke-service="hotjar"'));
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (msg: string) => warnings.push(msg);
    try {
      const store = makeStore();
      stop = startGate(store, container);
      store.acceptAll();
    } finally {
      console.warn = warn;
    }
    expect(probe.__order).to.equal(undefined);
    expect(warnings.length).to.equal(2);
    expect(warnings[0]).to.include('"tracking"');
    expect(warnings[1]).to.include('"hotjar"');
  });

  it('carries the nonce property over to the script it runs (COMPLIANCE 1)', () => {
    container = box(inline('n1'));
    const gated = container.querySelector('script')!;
    gated.nonce = 'r4nd0m-n0nce';
    stop = startGate(makeStore(storedChoice('all')), container);
    const ran = container.querySelector('script')!;
    expect(ran).not.to.equal(gated);
    expect(ran.type).to.equal('');
    expect(ran.nonce).to.equal('r4nd0m-n0nce');
    expect(ran.dataset.samtykkeCategory).to.equal('analytics');
    expect(probe.__order).to.deep.equal(['n1']);
  });

  it('handles gated scripts the page adds later, allowed or not yet (COMPLIANCE 1)', async () => {
    container = box('');
    const store = makeStore();
    stop = startGate(store, container);
    store.save({ categories: { analytics: true } });
    const late = document.createElement('script');
    late.type = 'text/plain';
    late.dataset.samtykkeCategory = 'analytics';
    late.text = "(window.__order = window.__order || []).push('late')";
    const later = late.cloneNode(true) as HTMLScriptElement;
    later.dataset.samtykkeCategory = 'marketing';
    later.text = "(window.__order = window.__order || []).push('later')";
    container.append(late, later);
    await until(() => probe.__order?.length === 1);
    expect(probe.__order).to.deep.equal(['late']);
    store.acceptAll();
    expect(probe.__order).to.deep.equal(['late', 'later']);
  });

  it('stops adding scripts once consent is withdrawn, even those queued behind a loading one (COMPLIANCE 22)', async () => {
    container = box(`<script type="text/plain" data-samtykke-category="analytics" data-src="${FIX}/order-a.js"></script>${inline('queued')}`);
    const store = makeStore();
    stop = startGate(store, container);
    store.acceptAll();
    store.withdraw();
    await until(() => probe.__order?.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(probe.__order).to.deep.equal(['ext-a']);
    container.insertAdjacentHTML('beforeend', inline('after-withdrawal'));
    await new Promise((r) => setTimeout(r, 50));
    expect(probe.__order).to.deep.equal(['ext-a']);
    expect(container.querySelectorAll('script[type="text/plain"]').length).to.equal(2);
  });

  it('reloads after a withdrawal only when reloadOnWithdraw is set and something that ran lost consent (COMPLIANCE 22)', async () => {
    container = box(inline('r1'));
    let reloads = 0;
    const store = makeStore(storedChoice('all', { ...CONFIG, reloadOnWithdraw: true }), { ...CONFIG, reloadOnWithdraw: true });
    stop = startGate(store, container, { reload: () => reloads++ });
    store.save({ categories: { analytics: true, marketing: false } });
    await new Promise((r) => setTimeout(r, 20));
    expect(reloads).to.equal(0);
    store.withdraw();
    await until(() => reloads > 0);
    expect(reloads).to.equal(1);

    const off = makeStore(storedChoice('all'));
    const other = box(inline('r2'));
    const stopOther = startGate(off, other, { reload: () => reloads++ });
    off.withdraw();
    await new Promise((r) => setTimeout(r, 20));
    stopOther();
    other.remove();
    expect(reloads).to.equal(1);
  });

  it('stops watching when the returned function is called', async () => {
    container = box('');
    const store = makeStore();
    stop = startGate(store, container);
    stop();
    container.insertAdjacentHTML('beforeend', inline('s1'));
    store.acceptAll();
    await new Promise((r) => setTimeout(r, 50));
    expect(probe.__order).to.equal(undefined);
  });
});

describe('gate: iframes', () => {
  let container: HTMLElement | undefined;
  let stop: (() => void) | undefined;
  before(() => defineElements());
  afterEach(() => {
    stop?.();
    container?.remove();
    stop = container = undefined;
  });

  const frame = `<iframe data-samtykke-category="marketing" data-samtykke-service="youtube" data-src="${FIX}/frame.html" title="Video om kaffe"></iframe>`;

  it('keeps a gated iframe empty behind a placeholder that names the service, whatever the page CSS (COMPLIANCE 1, 43)', async () => {
    container = box(`<style>iframe { display: block }</style>${frame}`);
    stop = startGate(makeStore(), container);
    const iframe = container.querySelector('iframe')!;
    const ph = container.querySelector('samtykke-embed')!;
    expect(iframe.hasAttribute('src')).to.equal(false);
    expect(getComputedStyle(iframe).display).to.equal('none');
    expect(ph.nextElementSibling).to.equal(iframe);
    await ph.updateComplete;
    expect(ph.lang).to.equal('da');
    expect(ph.shadowRoot!.textContent).to.include('Dette indhold fra YouTube – Google Ireland Ltd. vises først');
    expect(ph.shadowRoot!.querySelector('[part=base]')!.getAttribute('aria-label')).to.equal('Video om kaffe');
  });

  it('loads the iframe after consent, removes the placeholder, and empties it again on withdrawal (COMPLIANCE 22)', async () => {
    container = box(frame);
    const store = makeStore();
    stop = startGate(store, container);
    const iframe = container.querySelector('iframe')!;
    store.acceptService('youtube');
    expect(iframe.getAttribute('src')).to.equal(`${FIX}/frame.html`);
    expect(iframe.style.display).to.equal('');
    expect(container.querySelector('samtykke-embed')).to.equal(null);
    await until(() => iframe.contentDocument?.body?.textContent?.includes('frame loaded') === true);
    expect(iframe.contentDocument!.body.textContent).to.include('frame loaded');
    store.withdraw();
    expect(iframe.getAttribute('src')).to.equal('about:blank');
    expect(iframe.style.display).to.equal('none');
    expect(container.querySelector('samtykke-embed')!.nextElementSibling).to.equal(iframe);
  });

  it('loads an iframe at once when consent is stored', () => {
    container = box(frame);
    stop = startGate(makeStore(storedChoice('all')), container);
    expect(container.querySelector('iframe')!.getAttribute('src')).to.equal(`${FIX}/frame.html`);
    expect(container.querySelector('samtykke-embed')).to.equal(null);
  });

  it('turns a page-placed <samtykke-embed> into the iframe once allowed (COMPLIANCE 1)', async () => {
    // The UI gives every placeholder it makes the page's language (an English page here).
    Object.assign(uiDefaults, { messages: messagesFor('en'), lang: 'en' });
    container = box(`<samtykke-embed category="marketing" service="youtube" src="${FIX}/frame.html" title="Video om kaffe" width="320"></samtykke-embed>`);
    Object.assign(uiDefaults, { messages: messagesFor('da'), lang: 'da' });
    const store = makeStore();
    stop = startGate(store, container);
    const ph = container.querySelector('samtykke-embed')!;
    await ph.updateComplete;
    expect(ph.shadowRoot!.textContent).to.include('This content from YouTube');
    expect(container.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
    store.acceptAll();
    const iframe = container.querySelector('iframe')!;
    expect(container.querySelector('samtykke-embed')).to.equal(null);
    expect(iframe.getAttribute('src')).to.equal(`${FIX}/frame.html`);
    expect(iframe.title).to.equal('Video om kaffe');
    expect(iframe.getAttribute('width')).to.equal('320');
    expect(iframe.dataset.samtykkeService).to.equal('youtube');
  });

  it('names the category when the iframe names no service, and offers only the settings', async () => {
    container = box(`<iframe data-samtykke-category="analytics" data-src="${FIX}/frame.html" title="Kort"></iframe>`);
    stop = startGate(makeStore(), container);
    const ph = container.querySelector('samtykke-embed')!;
    await ph.updateComplete;
    expect(ph.shadowRoot!.textContent).to.include('Dette indhold fra Statistik');
    expect(ph.shadowRoot!.querySelector('[part=allow]')).to.equal(null);
    expect(ph.shadowRoot!.querySelector('[part=settings]')).not.to.equal(null);
  });

  it('gives focus to the loaded iframe when the allow button had it (COMPLIANCE 37)', async () => {
    container = box(frame);
    const store = makeStore();
    stop = startGate(store, container);
    const ph = container.querySelector('samtykke-embed')!;
    await ph.updateComplete;
    (ph.shadowRoot!.querySelector('[part=allow]') as HTMLButtonElement).focus();
    store.acceptService('youtube');
    expect(document.activeElement).to.equal(container.querySelector('iframe'));
  });
});
