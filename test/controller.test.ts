// The controller turns the elements' intent events into decisions, and only theirs.
import { expect } from '@open-wc/testing';
import { apis, clearCookies, count, jar, layerCalls, makeApi, removeSamtykkeElements, SHOP, type Api } from './api-support.js';

describe('intent events', () => {
  let api: Api;
  let host: HTMLElement;
  beforeEach(async () => {
    layerCalls.length = 0;
    api = makeApi();
    api.init(SHOP);
    // No consent yet: the layers are loading for the banner; intents come from them once here.
    await api.controller!.requestLayers();
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(async () => {
    for (const a of apis.splice(0)) a.controller?.stop();
    host.remove();
    removeSamtykkeElements();
    await clearCookies();
  });

  const intent = (from: EventTarget, type: string, detail?: unknown) =>
    from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));

  it('from the host page (document, a div, a shadow root) never change consent (COMPLIANCE 8)', async () => {
    const changes = count('samtykke-change');
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('button');
    shadow.append(inner);
    for (const from of [document, document.body, host, inner]) {
      intent(from, 'accept-all');
      intent(from, 'save', { categories: { analytics: true, marketing: true } });
      intent(from, 'accept-service', { service: 'ga' });
      intent(from, 'reject-all');
      intent(from, 'withdraw');
      intent(from, 'customise');
    }
    changes.stop();
    expect(changes.seen).to.deep.equal([]);
    expect(api.getConsent()).to.equal(null);
    expect(layerCalls).to.deep.equal([]);
    expect(await jar()).to.deep.equal([]);
  });

  it('from a samtykke-* element (or from inside its shadow root) become decisions (COMPLIANCE 3, 12)', async () => {
    const el = document.createElement('samtykke-probe');
    document.body.append(el);
    const inner = document.createElement('button');
    el.attachShadow({ mode: 'open' }).append(inner);

    intent(inner, 'save', { categories: { analytics: true } });
    expect(api.getConsent()!.method).to.equal('save');
    expect(api.hasConsent('ga')).to.equal(true);
    intent(el, 'accept-service', { service: 'meta' });
    expect(api.getConsent()!.method).to.equal('accept-service');
    expect(api.hasConsent('meta')).to.equal(true);
    intent(el, 'reject-all');
    expect(api.getConsent()!.method).to.equal('reject-all');
    intent(el, 'accept-all');
    expect(api.getConsent()!.method).to.equal('accept-all');
    intent(el, 'withdraw');
    expect(api.getConsent()!.method).to.equal('withdraw');
    intent(el, 'customise');
    await api.controller!.requestLayers();
    // Each decision from a banner, centre or declaration button is shown first (the layers
    // settle); the embed's accept-service is not one the layers show.
    expect(layerCalls).to.deep.equal(['settle', 'settle', 'settle', 'settle', 'preferences']);
  });

  const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

  it('shows a decision first and stores it after that frame: the click\'s frame does none of its work', async () => {
    const el = document.createElement('samtykke-probe');
    document.body.append(el);
    const changes = count('samtykke-change');
    intent(el, 'accept-all');
    expect(layerCalls).to.deep.equal(['settle']);
    expect(changes.seen).to.deep.equal([]);
    // Read at once (the cookie jar's answer would come after the frame).
    expect(document.cookie).not.to.contain('samtykke=');
    // Our frame callback was asked for before this one: the decision waits for the task after it.
    await new Promise((r) => requestAnimationFrame(r));
    expect(changes.seen).to.deep.equal([]);
    await afterFrame();
    changes.stop();
    expect(changes.seen.map((e) => e.detail.action)).to.deep.equal(['accept-all']);
    expect((await jar()).map((c) => c.name)).to.deep.equal(['samtykke']);
    await afterFrame();
    expect(changes.seen).to.have.length(1);
  });

  it('makes a waiting decision at once when the consent is read, another decision comes, or the page is left: in order, none lost', async () => {
    const el = document.createElement('samtykke-probe');
    document.body.append(el);
    const changes = count('samtykke-change');
    intent(el, 'accept-all');
    api.rejectAll();
    expect(changes.seen.map((e) => e.detail.action)).to.deep.equal(['accept-all', 'reject-all']);
    expect(api.getConsent()!.method).to.equal('reject-all');

    intent(el, 'save', { categories: { analytics: true } });
    expect(changes.seen).to.have.length(2);
    expect(api.hasConsent('ga')).to.equal(true);
    expect(changes.seen).to.have.length(3);

    intent(el, 'withdraw');
    intent(el, 'accept-all');
    expect(changes.seen.map((e) => e.detail.action)).to.deep.equal(['accept-all', 'reject-all', 'save', 'withdraw']);
    window.dispatchEvent(new Event('pagehide'));
    expect(changes.seen.map((e) => e.detail.action).slice(3)).to.deep.equal(['withdraw', 'accept-all']);

    await afterFrame();
    changes.stop();
    expect(changes.seen).to.have.length(5);
    expect(api.getConsent()!.method).to.equal('accept-all');
  });

  it('makes a held decision when it stops (init again), not after: nothing is lost or comes late', () => {
    const el = document.createElement('samtykke-probe');
    document.body.append(el);
    const changes = count('samtykke-change');
    intent(el, 'reject-all');
    api.controller!.stop();
    changes.stop();
    expect(changes.seen.map((e) => e.detail.action)).to.deep.equal(['reject-all']);
    expect(document.cookie).to.contain('samtykke=');
  });

  it('with a malformed detail never throw and never grant (COMPLIANCE 19)', () => {
    const el = document.createElement('samtykke-probe');
    document.body.append(el);
    for (const detail of [undefined, null, 'all', 42, { categories: 'all' }, { categories: { analytics: 'yes' } }]) {
      expect(() => intent(el, 'save', detail)).not.to.throw();
      expect(api.hasConsent('analytics'), JSON.stringify(detail)).to.equal(false);
    }
    const before = api.getConsent();
    for (const detail of [undefined, null, { service: 42 }, { service: 'unknown' }]) intent(el, 'accept-service', detail);
    expect(api.getConsent()).to.equal(before);
  });
});
