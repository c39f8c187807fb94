import { expect } from '@open-wc/testing';
import da from '../../locales/policy.da.json';
import { resolveConfig } from '../../src/core/config.js';
import { DEFAULT_POLICY_VERSION, policyVersionOf } from '../../src/core/policy-version.js';
import { SamtykkeController } from '../../src/controller.js';

/** The raw cookie value, decoded, read without the widget's own code. */
const readCookie = (name: string) => {
  const m = new RegExp(`(?:^|; )${name}=([^;]*)`).exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : undefined;
};

const COOKIE = 'samtykke-policy-version-test';
const settings = { cookie: { name: COOKIE } };

describe('policy version', () => {
  afterEach(() => (document.cookie = `${COOKIE}=; path=/; max-age=0`));

  it('defaults to the shipped Danish policy\'s own version and material flag (COMPLIANCE 23)', () => {
    expect(DEFAULT_POLICY_VERSION).to.equal(da.version);
    expect(policyVersionOf(resolveConfig({}).config)).to.deep.equal({ version: da.version, material: da.material });
  });

  it('takes the version and material flag of a policy document in the config, else policyVersion (COMPLIANCE 23)', () => {
    const of = (config: object) => policyVersionOf(resolveConfig(config).config);
    expect(of({ policy: { version: '2025-03-01', material: true } })).to.deep.equal({ version: '2025-03-01', material: true });
    expect(of({ policy: { version: '2025-03-01' } })).to.deep.equal({ version: '2025-03-01', material: false });
    expect(of({ policy: '/policy.json', policyVersion: '7' })).to.deep.equal({ version: '7', material: false });
    // A policy given as a URL is not loaded by the first layer: its material flag is said in the config.
    expect(of({ policy: '/policy.json', policyVersion: '8', policyMaterial: true })).to.deep.equal({ version: '8', material: true });
    // The cookie refuses a version above 64 characters; taking one would ask for consent on every page.
    expect(of({ policy: { version: 'x'.repeat(65), material: true } })).to.deep.equal({ version: da.version, material: false });
  });

  it('asks for consent again after a material policy change, and not after a minor one (COMPLIANCE 18)', () => {
    const first = new SamtykkeController({ ...settings, policy: { version: '2025-01-01' } });
    first.store.acceptAll();
    expect(JSON.parse(readCookie(COOKIE)!).policy).to.equal('2025-01-01');

    const minor = new SamtykkeController({ ...settings, policy: { version: '2025-02-01', material: false } });
    expect(minor.store.consent?.policy).to.equal('2025-01-01');
    expect(minor.store.hasConsent('marketing')).to.equal(true);

    const material = new SamtykkeController({ ...settings, policy: { version: '2025-03-01', material: true } });
    expect(material.store.consent).to.equal(null);
    expect(material.store.hasConsent('marketing')).to.equal(false);

    // Consent given under the new version counts under it.
    material.store.rejectAll();
    const again = new SamtykkeController({ ...settings, policy: { version: '2025-03-01', material: true } });
    expect(again.store.consent?.policy).to.equal('2025-03-01');
    expect(again.store.consent?.method).to.equal('reject-all');
  });
});
