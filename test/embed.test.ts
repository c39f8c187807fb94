import { expect, nextFrame, oneEvent } from '@open-wc/testing';
import pkg from '../package.json';
import type { SamtykkeApi } from '../src/api.js';
import type { ChangeDetail } from '../src/core/store.js';
import { init as npmInit } from '../src/index.js';
import { clearCookies, removeSamtykkeElements, SHOP, stubConsole, type Api } from './api-support.js';

describe('script-tag entry (src/embed.ts) and npm init', () => {
  const w = window as unknown as { Samtykke?: Api; samtykkeConfig?: unknown };
  let loads = 0;
  /** Runs dist/samtykke.js's entry afresh: a new module URL is a new page-load of the script. */
  const loadEmbed = () => import(`../src/embed.ts?load=${++loads}`);
  let block: HTMLScriptElement | null = null;

  function configBlock(text: string) {
    block = document.createElement('script');
    block.type = 'application/json';
    block.id = 'samtykke-config';
    block.textContent = text;
    document.head.append(block);
  }

  afterEach(async () => {
    // The UI a test's page view asked for arrives before the next page view starts.
    await w.Samtykke?.controller?.requestLayers();
    w.Samtykke?.controller?.layers?.stop?.();
    w.Samtykke?.controller?.stop();
    delete w.Samtykke;
    delete w.samtykkeConfig;
    block?.remove();
    block = null;
    removeSamtykkeElements();
    await clearCookies();
  });

  it('reads the JSON config block and starts (COMPLIANCE 2)', async () => {
    configBlock(JSON.stringify({ ...SHOP, revision: 7 }));
    const ready = oneEvent(document, 'samtykke-ready');
    await loadEmbed();
    expect((await ready).detail).to.deep.equal({ consent: null });
    expect(w.Samtykke!.version).to.equal(pkg.version);
    expect(w.Samtykke!.controller!.config.revision).to.equal(7);
    expect(w.Samtykke!.acceptAll()!.consent.rev).to.equal(7);
  });

  it('reads window.samtykkeConfig when there is no block (COMPLIANCE 2)', async () => {
    w.samtykkeConfig = { ...SHOP, revision: 5 };
    await loadEmbed();
    expect(w.Samtykke!.controller!.config.revision).to.equal(5);
  });

  it('reports a JSON block that does not parse once and starts with safe defaults (COMPLIANCE 1, 19)', async () => {
    configBlock('{ "revision": 2, ');
    const error = stubConsole('error');
    try {
      await loadEmbed();
    } finally {
      error.restore();
    }
    expect(error.calls).to.have.length(1);
    expect(String(error.calls[0][0])).to.contain('#samtykke-config');
    expect(w.Samtykke!.controller!.config.revision).to.equal(1);
    expect(w.Samtykke!.getConsent()).to.equal(null);
  });

  it('without any config waits for Samtykke.init (COMPLIANCE 1)', async () => {
    await loadEmbed();
    expect(w.Samtykke!.controller).to.equal(null);
    w.Samtykke!.init(SHOP);
    expect(w.Samtykke!.controller!.config.revision).to.equal(2);
  });

  it('loaded twice, the first copy stays in charge (COMPLIANCE 19)', async () => {
    w.samtykkeConfig = SHOP;
    await loadEmbed();
    const first = w.Samtykke;
    await loadEmbed();
    expect(w.Samtykke).to.equal(first);
  });

  it('npm init() uses the same window.Samtykke and ignores a second start (COMPLIANCE 19)', async () => {
    w.samtykkeConfig = SHOP;
    await loadEmbed();
    const warn = stubConsole('warn');
    let api: SamtykkeApi;
    try {
      api = npmInit({ ...SHOP, revision: 8 });
    } finally {
      warn.restore();
    }
    expect(api).to.equal(w.Samtykke);
    expect(warn.calls).to.have.length(1);
    expect(w.Samtykke!.controller!.config.revision).to.equal(2);
  });

  it('where cookies throw (a sandboxed frame) still shows the banner, decides and gates by the choice for this page view (COMPLIANCE 1, 2, 9, 23)', async () => {
    const box = document.createElement('div');
    const gated = (id: string) =>
      `<script type="text/plain" data-samtykke-category="analytics">(window.__sandboxed = window.__sandboxed || []).push('${id}')</script>`;
    box.innerHTML = gated('before');
    document.body.append(box);
    const probe = window as unknown as { __sandboxed?: string[] };
    // What a sandboxed document without allow-same-origin does: reading or writing document.cookie throws.
    const touched: string[] = [];
    const refuse = (how: string) => {
      touched.push(how);
      throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
    };
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => refuse('read'), set: () => refuse('write') });
    const error = stubConsole('error');
    try {
      w.samtykkeConfig = SHOP;
      await loadEmbed();
      await w.Samtykke!.controller!.requestLayers();
      const banner = document.querySelector('samtykke-banner')!;
      expect(banner, 'the banner shows').to.exist;
      await banner.updateComplete;
      expect(probe.__sandboxed).to.equal(undefined);

      const changed = oneEvent(document, 'samtykke-change');
      banner.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="accept-all"]')!.click();
      const { detail } = (await changed) as CustomEvent<ChangeDetail>;
      expect(detail.action).to.equal('accept-all');
      expect(detail.event.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
      expect(w.Samtykke!.getConsent()).to.equal(detail.consent);
      expect(probe.__sandboxed, 'the gated script ran after the choice').to.deep.equal(['before']);
      expect(document.querySelector('samtykke-banner')).to.equal(null);

      // Withdrawn in memory: a gated script the page adds later stays blocked.
      w.Samtykke!.withdraw();
      box.insertAdjacentHTML('beforeend', gated('after'));
      await nextFrame();
      expect(probe.__sandboxed).to.deep.equal(['before']);
      expect(w.Samtykke!.hasConsent('analytics')).to.equal(false);
      // The cookie really was read and written, and each throw was caught inside Samtykke.
      expect(touched).to.include.members(['read', 'write']);
      expect(error.calls).to.deep.equal([]);
    } finally {
      error.restore();
      delete (document as { cookie?: string }).cookie;
      w.Samtykke?.controller?.layers?.stop?.();
      box.remove();
      delete probe.__sandboxed;
    }
  });
});
