import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config.js';
import { MemoryStorage } from '../../src/core/cookie-storage.js';
import { ConsentStore, type ChangeDetail } from '../../src/core/store.js';

function makeStore(storage = new MemoryStorage()) {
  const { config } = resolveConfig({});
  return new ConsentStore({ config, storage, policyVersion: '2024-10-17', textHash: 'abc', language: 'da', gpc: false, widgetVersion: '0.1.0' });
}

describe('ConsentStore', () => {
  it('starts with no consent and only required categories allowed', () => {
    const store = makeStore();
    expect(store.consent).to.equal(null);
    expect(store.hasConsent('necessary')).to.equal(true);
    expect(store.hasConsent('analytics')).to.equal(false);
  });

  it('records a save that grants nothing as reject-all (COMPLIANCE 13)', () => {
    const store = makeStore();
    let detail: ChangeDetail | undefined;
    store.addEventListener('change', (e) => (detail = (e as CustomEvent<ChangeDetail>).detail));
    store.save({ categories: { analytics: false } });
    expect(detail?.action).to.equal('reject-all');
    expect(detail?.event.categories).to.deep.equal({ necessary: true, functional: false, analytics: false, marketing: false });
  });
});
