import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config.js';
import { MemoryStorage } from '../../src/core/cookie-storage.js';
import { CLOCK_SKEW_MS, MAX_RECORD_LENGTH, expiryOf, parseRecord, serialiseRecord, type ConsentRecord, type RecordRules } from '../../src/core/record.js';
import { ConsentStore } from '../../src/core/store.js';

const DAY = 86_400_000;
const NOW = new Date('2025-03-01T12:00:00.000Z');
const RULES: RecordRules = { revision: 2, expiresDays: 365, rejectExpiresDays: 182, now: NOW };
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function record(overrides: Partial<Record<keyof ConsentRecord, unknown>> = {}): Record<string, unknown> {
  return {
    v: 1,
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    rev: 2,
    policy: '2024-10-17',
    given: ago(20),
    updated: ago(10),
    method: 'save',
    categories: { necessary: true, analytics: true, marketing: false },
    services: { ga: true, 'meta-pixel': false },
    ...overrides,
  };
}

/** Parses a raw value, failing the test if parseRecord throws (COMPLIANCE 19 demands totality). */
function parse(raw: unknown, rules: RecordRules = RULES): ConsentRecord | null {
  let result: ConsentRecord | null | undefined;
  expect(() => (result = parseRecord(raw, rules))).not.to.throw();
  return result!;
}

const raw = (r: Record<string, unknown>) => JSON.stringify(r);

describe('parseRecord', () => {
  it('reads a well-formed current record (COMPLIANCE 19)', () => {
    const parsed = parse(raw(record()));
    expect(parsed).to.deep.equal(record());
  });

  it('round-trips serialiseRecord → parseRecord unchanged (COMPLIANCE 16)', () => {
    const original = record({ method: 'accept-all' }) as unknown as ConsentRecord;
    const text = serialiseRecord(original);
    expect(parse(text)).to.deep.equal(original);
    expect(Object.keys(JSON.parse(text))).to.deep.equal(['v', 'id', 'rev', 'policy', 'given', 'updated', 'method', 'categories', 'services']);
  });

  it('serialises only the record fields, dropping anything else (COMPLIANCE 16)', () => {
    const withExtra = { ...record(), ip: '192.0.2.1' } as unknown as ConsentRecord;
    expect(JSON.parse(serialiseRecord(withExtra))).to.not.have.property('ip');
  });

  it('gives null for garbage and non-strings, never an exception (COMPLIANCE 19)', () => {
    for (const value of ['', 'hello', '{', '}', 'null', 'true', '42', '"text"', '[]', '[1,2]', 'undefined', '{}', 'v=1', undefined, null, 42, {}, []]) {
      expect(parse(value), String(JSON.stringify(value))).to.equal(null);
    }
  });

  it('gives null for truncated JSON (COMPLIANCE 19)', () => {
    const text = raw(record());
    for (const cut of [1, 5, text.length / 2, text.length - 1]) expect(parse(text.slice(0, cut)), `cut at ${cut}`).to.equal(null);
  });

  it('gives null for another schema version (COMPLIANCE 19)', () => {
    for (const v of [0, 2, '1', true, null]) expect(parse(raw(record({ v }))), `v=${v}`).to.equal(null);
    const { v: _v, ...withoutV } = record();
    expect(parse(raw(withoutV))).to.equal(null);
  });

  it('gives null for a lower revision and accepts the current one (COMPLIANCE 18)', () => {
    expect(parse(raw(record({ rev: 1 })))).to.equal(null);
    expect(parse(raw(record({ rev: 2 })))).to.not.equal(null);
  });

  it('gives null once an accepted record is past expiresDays (COMPLIANCE 17)', () => {
    const accepted = (days: number) => raw(record({ method: 'accept-all', given: ago(days), updated: ago(days) }));
    expect(parse(accepted(364))).to.not.equal(null);
    expect(parse(accepted(366))).to.equal(null);
  });

  it('gives null once a refusal is past rejectExpiresDays (COMPLIANCE 17)', () => {
    const rejected = (method: string, days: number) => raw(record({ method, given: ago(days), updated: ago(days) }));
    for (const method of ['reject-all', 'withdraw']) {
      expect(parse(rejected(method, 181)), method).to.not.equal(null);
      expect(parse(rejected(method, 183)), method).to.equal(null);
    }
  });

  it('counts expiry from updated, not given (COMPLIANCE 17)', () => {
    expect(parse(raw(record({ method: 'accept-all', given: ago(600), updated: ago(10) })))).to.not.equal(null);
  });

  it('gives null for a wrong type in any field (COMPLIANCE 19)', () => {
    const wrong: Array<[keyof ConsentRecord, unknown]> = [
      ['id', 123], ['id', null], ['id', ['3b241101-e2bb-4255-8caf-4136c566a962']],
      ['rev', '2'], ['rev', 2.5], ['rev', null], ['rev', true],
      ['policy', 20241017], ['policy', null], ['policy', { version: '1' }], ['policy', 'x'.repeat(65)],
      ['given', 1700000000000], ['given', 'yesterday'], ['given', '2025-02-01'], ['given', null],
      ['updated', 1700000000000], ['updated', '2025-02-20T10:00:00+01:00'], ['updated', '2025-13-45T10:00:00Z'], ['updated', {}],
      ['method', 'accept'], ['method', 1], ['method', null], ['method', ['accept-all']],
      ['categories', []], ['categories', null], ['categories', 'analytics'], ['categories', { analytics: 'yes' }], ['categories', { analytics: 1 }],
      ['categories', { '1st': true }], ['categories', { 'has space': true }],
      ['services', []], ['services', null], ['services', 'ga'], ['services', { ga: null }], ['services', { ga: 'true' }],
    ];
    for (const [field, value] of wrong) {
      expect(parse(raw(record({ [field]: value }))), `${field}=${JSON.stringify(value)}`).to.equal(null);
    }
    for (const field of ['id', 'rev', 'policy', 'given', 'updated', 'method', 'categories', 'services']) {
      const copy = record();
      delete copy[field];
      expect(parse(raw(copy)), `without ${field}`).to.equal(null);
    }
  });

  it('gives null for __proto__ and constructor keys, top-level and nested, and pollutes nothing (COMPLIANCE 19)', () => {
    const text = raw(record());
    const hostile = [
      text.replace('{', '{"__proto__":{"polluted":true},'),
      text.replace('{', '{"constructor":{"prototype":{"polluted":true}},'),
      text.replace('"categories":{', '"categories":{"__proto__":true,'),
      text.replace('"categories":{', '"categories":{"constructor":true,'),
      text.replace('"categories":{', '"categories":{"prototype":true,'),
      text.replace('"services":{', '"services":{"__proto__":true,'),
      text.replace('"services":{', '"services":{"constructor":true,'),
    ];
    for (const value of hostile) {
      expect(value).to.not.equal(text);
      expect(parse(value), value).to.equal(null);
    }
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('gives null for a 5 KB value, yet reads the same record when small (COMPLIANCE 19)', () => {
    const big = raw({ ...record(), pad: 'x'.repeat(5 * 1024) });
    expect(big.length).to.be.greaterThan(MAX_RECORD_LENGTH);
    expect(parse(big)).to.equal(null);
    expect(parse(raw({ ...record(), pad: 'x' }))).to.not.equal(null);
  });

  it('gives null for an id that is not a lowercase UUID v4 (COMPLIANCE 16)', () => {
    for (const id of ['', 'abc', '3b241101-e2bb-1255-8caf-4136c566a962', '3B241101-E2BB-4255-8CAF-4136C566A962', '3b241101e2bb42558caf4136c566a962', '3b241101-e2bb-4255-8caf-4136c566a962x']) {
      expect(parse(raw(record({ id }))), id).to.equal(null);
    }
  });

  it('allows ten minutes of a fast visitor clock, and counts a record dated later as no consent (COMPLIANCE 19)', () => {
    // The README promises this allowance; a longer one would let a forged future date live on.
    expect(CLOCK_SKEW_MS).to.equal(10 * 60_000);
    const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
    expect(parse(raw(record({ given: ago(1), updated: at(CLOCK_SKEW_MS - 1000) })))).to.not.equal(null);
    expect(parse(raw(record({ given: at(CLOCK_SKEW_MS), updated: at(CLOCK_SKEW_MS) })))).to.not.equal(null);
    expect(parse(raw(record({ given: ago(1), updated: at(CLOCK_SKEW_MS + 1000) })))).to.equal(null);
    expect(parse(raw(record({ given: at(CLOCK_SKEW_MS + 1000), updated: at(CLOCK_SKEW_MS + 1000) })))).to.equal(null);
    // An hour or a day ahead is far beyond any clock skew.
    expect(parse(raw(record({ given: ago(1), updated: at(3_600_000) })))).to.equal(null);
    expect(parse(raw(record({ given: ago(-2), updated: ago(-2) })))).to.equal(null);
    expect(parse(raw(record({ given: ago(10), updated: ago(-3) })))).to.equal(null);
  });

  it('gives null when given is later than updated (COMPLIANCE 19)', () => {
    expect(parse(raw(record({ given: ago(5), updated: ago(6) })))).to.equal(null);
  });

  it('gives null for another policy version only when the policyVersion rule is set (COMPLIANCE 18)', () => {
    const text = raw(record({ policy: '2024-01-01' }));
    expect(parse(text, { ...RULES, policyVersion: '2024-10-17' })).to.equal(null);
    expect(parse(text, { ...RULES, policyVersion: '2024-01-01' })).to.not.equal(null);
    expect(parse(text, RULES)).to.not.equal(null);
  });
});

describe('expiryOf', () => {
  it('is updated + expiresDays after a grant and + rejectExpiresDays after a refusal (COMPLIANCE 17)', () => {
    const updated = '2025-01-10T08:30:00.000Z';
    const rules = { expiresDays: 365, rejectExpiresDays: 182 };
    const base = Date.parse(updated);
    for (const method of ['accept-all', 'save', 'accept-service'] as const) {
      expect(expiryOf({ updated, method }, rules).getTime(), method).to.equal(base + 365 * DAY);
    }
    for (const method of ['reject-all', 'withdraw'] as const) {
      expect(expiryOf({ updated, method }, rules).getTime(), method).to.equal(base + 182 * DAY);
    }
  });
});

describe('tampered consent cookies (COMPLIANCE 19)', () => {
  // Dated against the real clock, as the store reads it.
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  const daysAgo = (days: number) => at(-days * DAY);
  const text = raw(record({ given: daysAgo(20), updated: daysAgo(10), method: 'accept-all', categories: { necessary: true, analytics: true, marketing: true }, services: { ga: true } }));
  // Each value is what an attacker (or a broken extension) could leave in the cookie; none may grant anything.
  const TAMPERED: Array<[what: string, value: string]> = [
    ['empty', ''],
    ['not JSON', 'yes'],
    ['truncated JSON', text.slice(0, -1)],
    ['JSON null', 'null'],
    ['a JSON array', `[${text}]`],
    ['a JSON string', JSON.stringify(text)],
    ['double-encoded', encodeURIComponent(text)],
    ['schema version 2', text.replace('"v":1', '"v":2')],
    ['schema version as a string', text.replace('"v":1', '"v":"1"')],
    ['no id', text.replace(/"id":"[^"]*",/, '')],
    ['an id that is no UUID', text.replace(/"id":"[^"]*"/, '"id":"admin"')],
    ['a lower revision', text.replace('"rev":2', '"rev":1')],
    ['a fractional revision', text.replace('"rev":2', '"rev":2.5')],
    ['a policy version of 65 characters', text.replace(/"policy":"[^"]*"/, `"policy":"${'x'.repeat(65)}"`)],
    ['a non-ISO date', text.replace(/"updated":"[^"]*"/, '"updated":"yesterday"')],
    ['an impossible date', text.replace(/"updated":"[^"]*"/, '"updated":"2025-02-30T10:00:00.000Z"')],
    ['a date an hour ahead', text.replace(/"given":"[^"]*"/, `"given":"${at(3_600_000)}"`).replace(/"updated":"[^"]*"/, `"updated":"${at(3_600_000)}"`)],
    ['given after updated', text.replace(/"given":"[^"]*"/, `"given":"${at(60_000)}"`)],
    ['expired a year ago', text.replace(/"given":"[^"]*"/, `"given":"${daysAgo(800)}"`).replace(/"updated":"[^"]*"/, `"updated":"${daysAgo(800)}"`)],
    ['an unknown method', text.replace('"method":"accept-all"', '"method":"grant"')],
    ['categories as an array', text.replace(/"categories":\{[^}]*\}/, '"categories":["marketing"]')],
    ['a category granted as "true"', text.replace('"marketing":true', '"marketing":"true"')],
    ['a category granted as 1', text.replace('"marketing":true', '"marketing":1')],
    ['a __proto__ key', text.replace('"categories":{', '"categories":{"__proto__":{"marketing":true},')],
    ['a constructor key', text.replace('"services":{', '"services":{"constructor":true,')],
    ['a prototype key', text.replace('"services":{', '"services":{"prototype":true,')],
    ['a top-level __proto__', text.replace('{', '{"__proto__":{"categories":{"marketing":true}},')],
    ['an id with a space', text.replace('"marketing":true', '"market ing":true')],
    ['5 KB of padding', text.replace('{', `{"pad":"${'x'.repeat(5 * 1024)}",`)],
    ['no services', text.replace(/,"services":\{[^}]*\}/, '')],
  ];

  it(`counts ${TAMPERED.length} tampered values as no consent, never throwing`, () => {
    expect(TAMPERED.length).to.be.at.least(25);
    const { config } = resolveConfig({ revision: 2, categories: [{ id: 'necessary' }, { id: 'analytics', services: [{ id: 'ga', name: 'GA', provider: 'G', purpose: 'x' }] }, { id: 'marketing' }] });
    const storeOver = (value: string) =>
      new ConsentStore({ config, storage: new MemoryStorage(value), policyVersion: '2024-10-17', textHash: 'abc', language: 'da', gpc: false, widgetVersion: '0.1.0' });
    // The untampered value grants everything, so each case fails for its own change alone.
    const intact = storeOver(text);
    expect(intact.consent).to.not.equal(null);
    for (const id of ['analytics', 'marketing', 'ga']) expect(intact.hasConsent(id), id).to.equal(true);
    for (const [what, value] of TAMPERED) {
      expect(value, what).to.not.equal(text);
      expect(parse(value, { ...RULES, now: new Date() }), what).to.equal(null);
      let store: ConsentStore | undefined;
      expect(() => (store = storeOver(value)), what).not.to.throw();
      expect(store!.consent, what).to.equal(null);
      for (const id of ['analytics', 'marketing', 'ga']) expect(store!.hasConsent(id), `${what}: ${id}`).to.equal(false);
    }
    expect(({} as Record<string, unknown>).categories).to.equal(undefined);
  });
});
