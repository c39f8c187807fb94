import { expect } from '@open-wc/testing';
import { gpcHonoured, readGpc } from '../../../src/core/signals/gpc.js';
import { SamtykkeController } from '../../../src/controller.js';
import { MemoryStorage } from '../../../src/core/cookie-storage.js';
import type { ChangeDetail } from '../../../src/core/store.js';
import { CONFIG, box, probe, storedChoice } from '../gate-helpers.js';

const setGpc = (value: unknown) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true });
const marketingScript = `<script type="text/plain" data-samtykke-category="marketing">(window.__order = window.__order || []).push('ads')</script>`;

describe('Global Privacy Control', () => {
  let ctrl: SamtykkeController | undefined;
  let container: HTMLElement | undefined;
  const start = (input: object = CONFIG, storage = new MemoryStorage()) => {
    container = box(marketingScript);
    ctrl = new SamtykkeController(input, { storage });
    ctrl.start(() => ({ showBanner() {}, showPreferences() {}, settle() {} }));
    return ctrl;
  };
  const decide = (c: SamtykkeController, act: () => void): ChangeDetail => {
    let detail: ChangeDetail | undefined;
    c.store.addEventListener('change', (e) => (detail = (e as CustomEvent<ChangeDetail>).detail), { once: true });
    act();
    return detail!;
  };
  beforeEach(() => delete probe.__order);
  afterEach(() => {
    ctrl?.stop();
    container?.remove();
    ctrl = container = undefined;
    delete (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl;
  });

  it('reads only a literal true as the signal (COMPLIANCE 35)', () => {
    setGpc(true);
    expect(readGpc()).to.equal(true);
    setGpc('1');
    expect(readGpc()).to.equal(false);
    setGpc(false);
    expect(readGpc()).to.equal(false);
  });

  it('with GPC on and no stored choice, keeps marketing off and logs gpc: true; a later accept-all is honoured (COMPLIANCE 35)', () => {
    setGpc(true);
    const c = start();
    expect(c.store.gpc).to.equal(true);
    expect(gpcHonoured(c.store)).to.equal(true);
    expect(c.store.hasConsent('marketing')).to.equal(false);
    expect(probe.__order).to.equal(undefined);
    const detail = decide(c, () => c.store.acceptAll());
    expect(detail.event.gpc).to.equal(true);
    expect(detail.event.categories.marketing).to.equal(true);
    expect(probe.__order).to.deep.equal(['ads']);
    expect(gpcHonoured(c.store)).to.equal(false);
  });

  it('is never consent: a stored choice decides, not the signal (COMPLIANCE 35)', () => {
    setGpc(true);
    const c = start(CONFIG, storedChoice({ categories: { analytics: true } }));
    expect(gpcHonoured(c.store)).to.equal(false);
    expect(c.store.hasConsent('marketing')).to.equal(false);
    expect(probe.__order).to.equal(undefined);
  });

  it('with respectGpc: false, does not honour the signal but still logs it (COMPLIANCE 35)', () => {
    setGpc(true);
    const c = start({ ...CONFIG, respectGpc: false });
    expect(gpcHonoured(c.store)).to.equal(false);
    expect(decide(c, () => c.store.rejectAll()).event.gpc).to.equal(true);
  });

  it('with GPC off, honours nothing and logs gpc: false (COMPLIANCE 35)', () => {
    setGpc(false);
    const c = start();
    expect(c.store.gpc).to.equal(false);
    expect(gpcHonoured(c.store)).to.equal(false);
    expect(decide(c, () => c.store.acceptAll()).event.gpc).to.equal(false);
  });
});
