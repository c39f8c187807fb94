import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config.js';
import { MemoryStorage } from '../../src/core/cookie-storage.js';
import { ConsentStore, type ChangeDetail, type ConsentEvent } from '../../src/core/store.js';
import { OUTBOX_KEY, OUTBOX_LIMIT, startTransport } from '../../src/core/transport.js';

/** What the fake log (web-test-runner.config.mjs, `/__log/`) received. */
interface Received {
  status: number;
  type: string;
  body: string;
}

function makeStore(): ConsentStore {
  const { config } = resolveConfig({});
  return new ConsentStore({ config, storage: new MemoryStorage(), policyVersion: '2024-10-17', textHash: '0123456789abcdef', language: 'da', gpc: false, widgetVersion: '0.1.0' });
}

/** A fresh fake endpoint answering `statuses` in turn (0 = connection dropped; the last repeats). */
async function fakeLog(statuses: number[]): Promise<string> {
  const url = `/__log/t${Math.random().toString(36).slice(2)}`;
  await rescript(url, statuses);
  return url;
}
async function rescript(url: string, statuses: number[]): Promise<void> {
  await fetch(url, { method: 'PUT', body: JSON.stringify(statuses) });
}
async function received(url: string): Promise<Received[]> {
  return (await fetch(url)).json();
}
const eventIds = (list: Received[]) => list.map((r) => (JSON.parse(r.body) as ConsentEvent).eventId);
const outbox = (): ConsentEvent[] => JSON.parse(localStorage.getItem(OUTBOX_KEY) || '[]');

/** Polls until `check` holds (4 s at most); the test asserts what happened, never how fast. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('consent-log transport', () => {
  const stops: (() => void)[] = [];
  const realFetch = window.fetch;
  /** Outcomes of the transport's own fetches: a status, or 'rejected'. */
  let outcomes: (number | 'rejected')[] = [];
  const start = (store: ConsentStore, url: string, retryMs = 60_000) => {
    const stop = startTransport(store, url, retryMs);
    stops.push(stop);
    return stop;
  };

  beforeEach(() => {
    localStorage.removeItem(OUTBOX_KEY);
    outcomes = [];
    // Observes the real requests without changing them.
    window.fetch = async (input, init) => {
      try {
        const res = await realFetch(input, init);
        if (init?.method === 'POST') outcomes.push(res.status);
        return res;
      } catch (error) {
        outcomes.push('rejected');
        throw error;
      }
    };
  });
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    window.fetch = realFetch;
    localStorage.removeItem(OUTBOX_KEY);
  });

  it('POSTs each decision as the exact consent event in JSON and empties the outbox (COMPLIANCE 23)', async () => {
    const url = await fakeLog([201]);
    const store = makeStore();
    start(store, url);
    const { event } = store.rejectAll();
    await until(async () => (await received(url)).length === 1 && outbox().length === 0, 'delivery');
    const [got] = await received(url);
    expect(got.type).to.equal('application/json');
    expect(JSON.parse(got.body)).to.deep.equal(event);
  });

  it('delivers an event exactly once after the log recovers from 503 (COMPLIANCE 26)', async () => {
    const url = await fakeLog([503, 201]);
    const store = makeStore();
    start(store, url, 20);
    const first = store.acceptAll().event;
    await until(() => outbox().length === 0, 'the retry to succeed');
    expect(outcomes).to.deep.equal([503, 201]);
    // Sending is oldest first, so a repeat of the first event would arrive before the second.
    const second = store.rejectAll().event;
    await until(async () => (await received(url)).length === 3, 'the second event');
    expect(eventIds(await received(url))).to.deep.equal([first.eventId, first.eventId, second.eventId]);
    expect((await received(url)).map((r) => r.status)).to.deep.equal([503, 201, 201]);
  });

  it('never blocks or changes the choice when the log fails (COMPLIANCE 26)', async () => {
    const url = await fakeLog([500]);
    const store = makeStore();
    start(store, url);
    let detail: ChangeDetail | undefined;
    expect(() => (detail = store.rejectAll())).not.to.throw();
    expect(detail?.action).to.equal('reject-all');
    await until(() => outcomes.length === 1, 'the failed delivery');
    expect(store.consent?.method).to.equal('reject-all');
    expect(store.hasConsent('marketing')).to.equal(false);
    expect(outbox().map((e) => e.eventId)).to.deep.equal([detail!.event.eventId]);
  });

  it('keeps an event through a network failure and delivers it on the next page load (COMPLIANCE 26)', async () => {
    const url = await fakeLog([0, 201]);
    const page = makeStore();
    const stop = start(page, url);
    const { event } = page.acceptAll();
    await until(() => outcomes.includes('rejected'), 'fetch to reject');
    expect(outbox().map((e) => e.eventId)).to.deep.equal([event.eventId]);
    stop();
    // "Reload": a new store and transport on the same localStorage.
    start(makeStore(), url);
    await until(() => outbox().length === 0, 'delivery after the reload');
    const list = await received(url);
    expect(list.map((r) => r.status)).to.deep.equal([0, 201]);
    expect(eventIds(list)).to.deep.equal([event.eventId, event.eventId]);
  });

  it('retries at once when the browser comes back online (COMPLIANCE 26)', async () => {
    const url = await fakeLog([0, 201]);
    const store = makeStore();
    start(store, url);
    const { event } = store.acceptAll();
    await until(() => outcomes.includes('rejected'), 'fetch to reject');
    window.dispatchEvent(new Event('online'));
    await until(() => outbox().length === 0, 'delivery after online');
    expect(eventIds(await received(url))).to.deep.equal([event.eventId, event.eventId]);
  });

  it(`keeps at most ${OUTBOX_LIMIT} undelivered events, dropping the oldest, and then delivers the rest oldest first (COMPLIANCE 26)`, async () => {
    const url = await fakeLog([503]);
    const store = makeStore();
    start(store, url);
    const ids: string[] = [];
    for (let i = 0; i < OUTBOX_LIMIT + 5; i++) ids.push((i % 2 ? store.rejectAll() : store.acceptAll()).event.eventId);
    expect(outbox().map((e) => e.eventId)).to.deep.equal(ids.slice(5));
    await until(() => outcomes.length > 0, 'the failed delivery');
    await rescript(url, [201]);
    window.dispatchEvent(new Event('online'));
    await until(() => outbox().length === 0, 'the outbox to drain');
    expect(eventIds(await received(url))).to.deep.equal(ids.slice(5));
  });

  it('drops an event the log refuses with 400, with a console warning, and never sends it again (COMPLIANCE 26)', async () => {
    const url = await fakeLog([400, 201]);
    const store = makeStore();
    start(store, url);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const refused = store.acceptAll().event;
      await until(() => outbox().length === 0, 'the refusal');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include(refused.eventId);
      const next = store.rejectAll().event;
      await until(async () => (await received(url)).length === 2, 'the next event');
      expect(eventIds(await received(url))).to.deep.equal([refused.eventId, next.eventId]);
    } finally {
      console.warn = warn;
    }
  });

  it('retries after 408 and 429 instead of dropping (COMPLIANCE 26)', async () => {
    const url = await fakeLog([429, 408, 201]);
    const store = makeStore();
    start(store, url, 10);
    const { event } = store.acceptAll();
    await until(() => outbox().length === 0, 'delivery');
    const list = await received(url);
    expect(list.map((r) => r.status)).to.deep.equal([429, 408, 201]);
    expect(eventIds(list)).to.deep.equal([event.eventId, event.eventId, event.eventId]);
  });

  it('beacons what is undelivered on pagehide, as text/plain JSON, and keeps it until acknowledged (COMPLIANCE 26)', async () => {
    const url = await fakeLog([503, 201]);
    const store = makeStore();
    start(store, url);
    const { event } = store.acceptAll();
    await until(() => outcomes.length === 1, 'the failed delivery');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await until(async () => (await received(url)).length === 2, 'the beacon');
    const beacon = (await received(url))[1];
    expect(beacon.type).to.match(/^text\/plain/);
    expect(JSON.parse(beacon.body)).to.deep.equal(event);
    expect(outbox().map((e) => e.eventId)).to.deep.equal([event.eventId]);
  });

  it('delivers from memory and never throws when localStorage refuses to store (COMPLIANCE 26)', async () => {
    const url = await fakeLog([201]);
    const store = makeStore();
    const setItem = Storage.prototype.setItem;
    const getItem = Storage.prototype.getItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      start(store, url);
      let event: ConsentEvent | undefined;
      expect(() => (event = store.acceptAll().event)).not.to.throw();
      await until(async () => (await received(url)).length === 1, 'delivery');
      Storage.prototype.getItem = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      const second = store.rejectAll().event;
      await until(async () => (await received(url)).length === 2, 'the second delivery');
      expect(eventIds(await received(url))).to.deep.equal([event!.eventId, second.eventId]);
    } finally {
      Storage.prototype.setItem = setItem;
      Storage.prototype.getItem = getItem;
    }
  });

  it('ignores a damaged outbox and keeps working (COMPLIANCE 26)', async () => {
    const url = await fakeLog([201]);
    for (const junk of ['{not json', '{"a":1}', '[1,null,"x",{"eventId":7}]']) {
      localStorage.setItem(OUTBOX_KEY, junk);
      const store = makeStore();
      const stop = start(store, url);
      const { event } = store.acceptAll();
      await until(async () => eventIds(await received(url)).includes(event.eventId), 'delivery');
      stop();
    }
    expect(outcomes).to.deep.equal([201, 201, 201]);
  });
});
