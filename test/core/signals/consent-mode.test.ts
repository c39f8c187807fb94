import { expect } from '@open-wc/testing';
import { startConsentMode } from '../../../src/core/signals/consent-mode.js';
import { SamtykkeController } from '../../../src/controller.js';
import { CONFIG, box, makeStore, probe, storedChoice, until } from '../gate-helpers.js';

type G = Window & { dataLayer?: unknown[]; gtag?: (...a: unknown[]) => void };
const w = window as G;

const DEFAULT = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
  wait_for_update: 500,
};
const state = (analytics: string, marketing: string, functional: string) => ({
  analytics_storage: analytics,
  ad_storage: marketing,
  ad_user_data: marketing,
  ad_personalization: marketing,
  functionality_storage: functional,
  personalization_storage: functional,
});

/** dataLayer as plain arrays, after checking every entry is a gtag `arguments` object. */
function pushes(): unknown[][] {
  for (const entry of w.dataLayer ?? []) expect(Object.prototype.toString.call(entry)).to.equal('[object Arguments]');
  return (w.dataLayer ?? []).map((a) => Array.from(a as ArrayLike<unknown>));
}

describe('Google Consent Mode v2', () => {
  beforeEach(() => {
    delete w.dataLayer;
    delete w.gtag;
  });
  after(() => {
    delete w.dataLayer;
    delete w.gtag;
  });

  it('pushes only the denied default, in gtag form, when nothing is stored (COMPLIANCE 34)', () => {
    startConsentMode(makeStore());
    expect(typeof w.gtag).to.equal('function');
    expect(pushes()).to.deep.equal([['consent', 'default', DEFAULT]]);
  });

  it('pushes default then update on a page load with stored consent (COMPLIANCE 34)', () => {
    startConsentMode(makeStore(storedChoice({ categories: { analytics: true } })));
    expect(pushes()).to.deep.equal([
      ['consent', 'default', DEFAULT],
      ['consent', 'update', state('granted', 'denied', 'denied')],
    ]);
  });

  it('pushes an update on every decision, denied after withdrawal (COMPLIANCE 22, 34)', () => {
    const store = makeStore();
    startConsentMode(store);
    store.acceptAll();
    store.save({ categories: { functional: true } });
    store.withdraw();
    expect(pushes()).to.deep.equal([
      ['consent', 'default', DEFAULT],
      ['consent', 'update', state('granted', 'granted', 'granted')],
      ['consent', 'update', state('denied', 'denied', 'granted')],
      ['consent', 'update', state('denied', 'denied', 'denied')],
    ]);
  });

  it("keeps the page's own dataLayer and gtag (COMPLIANCE 34)", () => {
    const calls: unknown[][] = [];
    const own = (...args: unknown[]) => calls.push(args);
    w.dataLayer = [{ event: 'page' }];
    w.gtag = own;
    startConsentMode(makeStore());
    expect(w.gtag).to.equal(own);
    expect(calls).to.deep.equal([['consent', 'default', DEFAULT]]);
    expect(w.dataLayer).to.deep.equal([{ event: 'page' }]);
  });

  it('follows a configured mapping (COMPLIANCE 34)', () => {
    const input = { ...CONFIG, googleConsentMode: { mapping: { analytics: ['analytics_storage'], functional: ['analytics_storage', 'functionality_storage'] } } };
    const store = makeStore(undefined, input);
    startConsentMode(store);
    store.save({ categories: { functional: true } });
    expect(pushes()[1]).to.deep.equal(['consent', 'update', { analytics_storage: 'granted', functionality_storage: 'granted' }]);
  });

  it('pushes nothing and defines nothing with googleConsentMode: false', () => {
    const store = makeStore(undefined, { ...CONFIG, googleConsentMode: false });
    startConsentMode(store);
    store.acceptAll();
    expect(w.dataLayer).to.equal(undefined);
    expect(w.gtag).to.equal(undefined);
  });

  it('is pushed before any gated script runs (COMPLIANCE 34)', async () => {
    delete probe.__gatedRuns;
    const container = box('<script type="text/plain" data-samtykke-category="analytics" data-src="/test/e2e/fixtures/gated.js"></script>');
    const ctrl = new SamtykkeController(CONFIG, { storage: storedChoice('all') });
    ctrl.start(() => ({ showBanner() {}, showPreferences() {}, settle() {} }));
    try {
      await until(() => probe.__gatedRuns === 1);
      expect(probe.__dataLayerAtRun).to.deep.equal([
        ['consent', 'default', DEFAULT],
        ['consent', 'update', state('granted', 'granted', 'granted')],
      ]);
    } finally {
      ctrl.stop();
      container.remove();
    }
  });
});
