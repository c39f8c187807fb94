// The whole path with the real cookie: stored record → store → banner, gate and Consent Mode.
import { expect } from '@open-wc/testing';
import { SamtykkeController } from '../../src/controller.js';
import { mountLayers } from '../../src/ui/layers.js';
import { serialiseRecord, type ConsentRecord } from '../../src/core/record.js';
import { CONFIG, box, probe, until } from './gate-helpers.js';

/** The raw cookie value, decoded, read without the widget's own code. */
const readCookie = (name: string) => {
  const m = new RegExp(`(?:^|; )${name}=([^;]*)`).exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : undefined;
};

const DAY = 86_400_000;
const w = window as Window & { dataLayer?: unknown[]; gtag?: unknown };

function record(updatedDaysAgo: number, rev: number): ConsentRecord {
  const updated = new Date(Date.now() - updatedDaysAgo * DAY).toISOString();
  return {
    v: 1,
    id: '3f0c2f8e-4b7a-4c1e-9a55-1d2e3f4a5b6c',
    rev,
    policy: 'p',
    given: updated,
    updated,
    method: 'accept-all',
    categories: { necessary: true, functional: true, analytics: true, marketing: true },
    services: { ga: true, matomo: true, youtube: true },
  };
}

describe('expiry and revision, with the real cookie', () => {
  let ctrl: SamtykkeController | undefined;
  let container: HTMLElement | undefined;

  /** A page load: the cookie is in the jar, then the controller starts as the script tag would. */
  async function load(stored: ConsentRecord, input: object = CONFIG) {
    document.cookie = `samtykke=${encodeURIComponent(serialiseRecord(stored))}; path=/; samesite=Lax; max-age=${30 * 86400}`;
    container = box('<script type="text/plain" data-samtykke-category="analytics">(window.__order = window.__order || []).push("stats")</script>');
    ctrl = new SamtykkeController(input);
    ctrl.start(mountLayers);
    await ctrl.requestLayers();
    return ctrl;
  }
  const bannerShown = () => document.querySelector('samtykke-banner') !== null;
  const consentPushes = () => (w.dataLayer ?? []).map((a) => (a as IArguments)[1]);

  beforeEach(() => {
    delete probe.__order;
    delete w.dataLayer;
    delete w.gtag;
  });
  afterEach(() => {
    ctrl?.stop();
    container?.remove();
    for (const el of document.querySelectorAll('samtykke-banner, samtykke-preferences, samtykke-reopen')) el.remove();
    document.cookie = 'samtykke=; path=/; max-age=0';
    ctrl = container = undefined;
  });

  it('honours a current record: no banner, the gated script runs, Consent Mode is updated (COMPLIANCE 17, 19)', async () => {
    const c = await load(record(10, 1));
    expect(c.store.consent?.id).to.equal('3f0c2f8e-4b7a-4c1e-9a55-1d2e3f4a5b6c');
    expect(probe.__order).to.deep.equal(['stats']);
    expect(consentPushes()).to.deep.equal(['default', 'update']);
    expect(bannerShown()).to.equal(false);
  });

  it('treats consent past its 12 months as none: the banner returns and gated scripts stay off (COMPLIANCE 17)', async () => {
    const c = await load(record(366, 1));
    expect(c.store.consent).to.equal(null);
    await until(bannerShown);
    expect(bannerShown()).to.equal(true);
    expect(probe.__order).to.equal(undefined);
    expect(consentPushes()).to.deep.equal(['default']);
    // Deciding again runs the script and writes a fresh record.
    c.store.acceptAll();
    expect(probe.__order).to.deep.equal(['stats']);
    const again = JSON.parse(readCookie('samtykke')!);
    expect(again.categories.analytics).to.equal(true);
    expect(Date.parse(again.updated)).to.be.greaterThan(Date.now() - DAY);
  });

  it('treats consent from a lower revision as none: the banner returns and gated scripts stay off (COMPLIANCE 18)', async () => {
    const c = await load(record(1, 1), { ...CONFIG, revision: 2 });
    expect(c.store.consent).to.equal(null);
    await until(bannerShown);
    expect(bannerShown()).to.equal(true);
    expect(probe.__order).to.equal(undefined);
    expect(consentPushes()).to.deep.equal(['default']);
  });
});
