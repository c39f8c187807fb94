import { expect } from '@open-wc/testing';
import eventSchema from '../../schema/consent-event.schema.json';
import { resolveConfig } from '../../src/core/config.js';
import { MemoryStorage } from '../../src/core/cookie-storage.js';
import { ConsentStore, type ConsentEvent } from '../../src/core/store.js';
import { OUTBOX_KEY, logPath, startTransport } from '../../src/core/transport.js';

const { maxLength, pattern } = eventSchema.properties.path;
const PATH = new RegExp(pattern);

/** The string fields of an event against the schema's maxLength and pattern: what the log checks of them. */
function schemaViolations(event: ConsentEvent): string[] {
  const out: string[] = [];
  for (const [key, rule] of Object.entries(eventSchema.properties) as Array<[keyof ConsentEvent, { maxLength?: number; pattern?: string }]>) {
    const value = event[key];
    if (typeof value !== 'string') continue;
    if (rule.maxLength !== undefined && [...value].length > rule.maxLength) out.push(`${key}: longer than ${rule.maxLength}`);
    if (rule.pattern !== undefined && !new RegExp(rule.pattern).test(value)) out.push(`${key}: does not match ${rule.pattern}`);
  }
  return out;
}

describe('the page path sent to the consent log', () => {
  afterEach(() => localStorage.removeItem(OUTBOX_KEY));

  it('cuts a 3,000-character path to what the log stores, and the log stores the event (COMPLIANCE 23)', async () => {
    const url = `/__log/path${Math.random().toString(36).slice(2)}`;
    await fetch(url, { method: 'PUT', body: '[201]' });
    const long = `/${'shop/'.repeat(600)}`.slice(0, 3000);
    const { config } = resolveConfig({});
    const store = new ConsentStore({
      config, storage: new MemoryStorage(), policyVersion: '2024-10-17', textHash: '0123456789abcdef', language: 'da', gpc: false, widgetVersion: '0.1.0', path: () => long,
    });
    const stop = startTransport(store, url, 60_000);
    try {
      const { event } = store.acceptAll();
      expect(event.path).to.have.length(3000);
      expect(schemaViolations(event)).to.deep.equal(['path: longer than 2048']);
      let received: Array<{ body: string }> = [];
      for (let i = 0; i < 200 && !received.length; i++) {
        await new Promise((r) => setTimeout(r, 20));
        received = await (await fetch(url)).json();
      }
      const sent = JSON.parse(received[0].body) as ConsentEvent;
      expect(schemaViolations(sent)).to.deep.equal([]);
      expect(sent.path).to.equal(long.slice(0, maxLength));
      expect({ ...sent, path: event.path }).to.deep.equal(event);
    } finally {
      stop();
    }
  });

  it('never cuts a %-escape in half (COMPLIANCE 23)', () => {
    for (const at of [maxLength - 2, maxLength - 1, maxLength]) {
      // "æ" escaped, starting at index `at`.
      const path = `/${'a'.repeat(at - 1)}%C3%A6/rest`;
      const cut = logPath(path);
      expect(cut.length, String(at)).to.be.at.most(maxLength);
      expect(cut, String(at)).to.match(PATH);
      expect(cut.replace(/%[0-9A-F]{2}/g, ''), String(at)).to.not.include('%');
      expect(path.startsWith(cut)).to.equal(true);
    }
  });

  it('escapes control characters and starts with "/", as the log demands (COMPLIANCE 23)', () => {
    expect(logPath('/a\nb\u007f')).to.equal('/a%0Ab%7F');
    expect(logPath('srcdoc')).to.equal('/srcdoc');
    expect(logPath('/butik/kurv')).to.equal('/butik/kurv');
    for (const path of ['/a\nb', 'srcdoc', '/\u0000', `/${'\ud83c\udf6a'.repeat(1500)}`]) expect(logPath(path), JSON.stringify(path).slice(0, 20)).to.match(PATH);
    // A cut between the halves of a surrogate pair would leave a lone half.
    const cookies = logPath(`/${'\ud83c\udf6a'.repeat(1500)}`);
    expect(cookies.length).to.be.at.most(maxLength);
    expect(/[\ud800-\udbff]$/.test(cookies)).to.equal(false);
  });
});
