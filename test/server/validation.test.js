// @ts-check
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, BODY_LIMIT } from '../../server/app.js';
import { consentEventSchema, MAX_CATEGORIES, MAX_SERVICES } from '../../server/schema.js';
import { allRecords, backends, sampleEvent } from './backends.js';

const JSON_TYPE = 'application/json';

/** @param {number} n @param {(i: number) => string} key */
const bigMap = (n, key) => Object.fromEntries(Array.from({ length: n }, (_, i) => [key(i), true]));

/**
 * Malformed requests: [what is wrong, raw body, content type, expected status].
 * @type {[string, string, string | undefined, number][]}
 */
const cases = [
  ...consentEventSchema.required.map((field) => {
    const event = /** @type {Record<string, unknown>} */ (sampleEvent());
    delete event[field];
    return /** @type {[string, string, string, number]} */ ([`missing ${field}`, JSON.stringify(event), JSON_TYPE, 400]);
  }),
  ...(/** @type {[string, object][]} */ ([
    ['eventId not a UUID', { eventId: 'abc' }],
    ['eventId in upper case', { eventId: sampleEvent().eventId.toUpperCase() }],
    ['eventId a UUID v1', { eventId: 'c232ab00-9414-11ec-b3c8-9f6bdeced846' }],
    ['eventId a number', { eventId: 42 }],
    ['consentId with braces', { consentId: `{${sampleEvent().consentId}}` }],
    ['consentId null', { consentId: null }],
    ['unknown action', { action: 'accept' }],
    ['action in upper case', { action: 'ACCEPT-ALL' }],
    ['categories an array', { categories: ['analytics'] }],
    ['categories a string', { categories: 'analytics' }],
    ['a category value "yes"', { categories: { analytics: 'yes' } }],
    ['a category value 1', { categories: { analytics: 1 } }],
    ['a category value null', { categories: { analytics: null } }],
    ['a category id starting with a digit', { categories: { '1analytics': true } }],
    ['a category id with a space', { categories: { 'web analytics': true } }],
    ['a category id with markup', { categories: { '<script>': true } }],
    ['a nested category value', { categories: { analytics: { on: true } } }],
    [`${MAX_CATEGORIES + 1} categories`, { categories: bigMap(MAX_CATEGORIES + 1, (i) => `c${i}`) }],
    [`${MAX_SERVICES + 1} services`, { services: bigMap(MAX_SERVICES + 1, (i) => `s${i}`) }],
    ['a service id of 65 characters', { services: { [`s${'x'.repeat(64)}`]: true } }],
    ['revision a string', { revision: '1' }],
    ['revision below 0', { revision: -1 }],
    ['revision a fraction', { revision: 1.5 }],
    ['revision beyond 32 bits', { revision: 2 ** 31 }],
    ['policyVersion empty', { policyVersion: '' }],
    ['policyVersion with a newline', { policyVersion: '2024\n10' }],
    ['policyVersion of 65 characters', { policyVersion: 'v'.repeat(65) }],
    ['textHash not hex', { textHash: 'not-a-hash!' }],
    ['language a sentence', { language: 'Danish please' }],
    ['gpc a string', { gpc: 'false' }],
    ['gpc null', { gpc: null }],
    ['path a full URL', { path: 'https://evil.example/' }],
    ['path with a control character', { path: '/a\u0007b' }],
    ['path of 2049 characters', { path: `/${'p'.repeat(2048)}` }],
    ['widgetVersion with spaces', { widgetVersion: '0.1.0 beta' }],
    ['clientTime not a date-time', { clientTime: 'yesterday' }],
    ['clientTime without a zone', { clientTime: '2025-03-01T12:00:00' }],
    ['an unknown field', { ip: '203.0.113.9' }],
    ['an unknown field "consent"', { consent: true }],
  ])).map(([what, change]) => /** @type {[string, string, string, number]} */ ([what, JSON.stringify({ ...sampleEvent(), ...change }), JSON_TYPE, 400])),
  ['a "__proto__" key', JSON.stringify(sampleEvent()).replace('{', '{"__proto__":{"admin":true},'), JSON_TYPE, 400],
  ['a "__proto__" category', JSON.stringify(sampleEvent()).replace('"categories":{', '"categories":{"__proto__":true,'), JSON_TYPE, 400],
  ['a constructor.prototype key', JSON.stringify(sampleEvent()).replace('{', '{"constructor":{"prototype":{"x":1}},'), JSON_TYPE, 400],
  ['an array body', JSON.stringify([sampleEvent()]), JSON_TYPE, 400],
  ['a null body', 'null', JSON_TYPE, 400],
  ['a string body', '"hello"', JSON_TYPE, 400],
  ['a number body', '42', JSON_TYPE, 400],
  ['not JSON', '{"eventId": ', JSON_TYPE, 400],
  ['not JSON as text/plain', 'eventId=1', 'text/plain', 400],
  ['an empty JSON body', '', JSON_TYPE, 400],
  ['no body and no content type', '', undefined, 400],
  ['a form body', 'eventId=1&action=accept-all', 'application/x-www-form-urlencoded', 415],
  ['an XML body', '<event/>', 'application/xml', 415],
  ['a multipart body', '--x\r\n\r\n--x--', 'multipart/form-data; boundary=x', 415],
  ['an oversized body', JSON.stringify({ ...sampleEvent(), pad: 'x'.repeat(BODY_LIMIT) }), JSON_TYPE, 413],
];

for (const backend of backends) {
  describe(`POST /api/consents refuses malformed bodies on ${backend.name}`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    before(async () => {
      db = await backend.create();
      storage = await db.open();
      app = await buildApp({ storage, rateLimit: false });
    });
    after(async () => {
      await app.close();
      await storage.close();
      await db.drop();
    });

    it(`has at least 30 malformed cases (${cases.length}) (COMPLIANCE 23)`, () => {
      assert.ok(cases.length >= 30);
    });

    for (const [what, payload, type, status] of cases) {
      it(`answers ${status} to ${what}, with a message and no stack (COMPLIANCE 23)`, async () => {
        const res = await app.inject({ method: 'POST', url: '/api/consents', payload, headers: type ? { 'content-type': type } : {} });
        assert.equal(res.statusCode, status, res.body);
        const body = res.json();
        assert.equal(body.statusCode, status);
        assert.equal(typeof body.message, 'string');
        assert.doesNotMatch(res.body, /\bat .*\.js:\d+|node_modules/);
      });
    }

    it('stored none of them, and still stores a valid event (COMPLIANCE 23)', async () => {
      assert.equal((await allRecords(storage)).length, 0);
      const ok = await app.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent() });
      assert.equal(ok.statusCode, 201);
    });

    it('stores events at every limit of the shared schema, as the widget may send them (COMPLIANCE 23)', async () => {
      const { properties } = consentEventSchema;
      /** @type {[string, Partial<ReturnType<typeof sampleEvent>>][]} */
      const boundaries = [
        ['revision 0', { revision: 0 }],
        ['the highest revision', { revision: properties.revision.maximum }],
        [`${MAX_CATEGORIES} categories`, { categories: bigMap(MAX_CATEGORIES, (i) => `c${i}`) }],
        [`${MAX_SERVICES} services`, { services: bigMap(MAX_SERVICES, (i) => `s${i}`) }],
        [`a path of ${properties.path.maxLength} characters`, { path: `/${'p'.repeat(properties.path.maxLength - 1)}` }],
        [`a policyVersion of ${properties.policyVersion.maxLength} characters`, { policyVersion: 'v'.repeat(properties.policyVersion.maxLength) }],
        ['a service id of 64 characters', { services: { [`s${'x'.repeat(63)}`]: true } }],
      ];
      for (const [what, change] of boundaries) {
        const event = sampleEvent(change);
        const res = await app.inject({ method: 'POST', url: '/api/consents', payload: event });
        assert.equal(res.statusCode, 201, `${what}: ${res.body}`);
        const [stored] = await storage.history(event.consentId);
        // Every field as sent (the maps compared as sets: PostgreSQL's jsonb keeps its own key order).
        const sent = /** @type {Record<string, unknown>} */ (event);
        for (const key of Object.keys(sent)) {
          const value = /** @type {Record<string, unknown>} */ (stored)[key];
          if (key === 'categories' || key === 'services') assert.deepEqual(new Map(Object.entries(/** @type {object} */ (value))), new Map(Object.entries(/** @type {object} */ (sent[key]))), `${what}: ${key}`);
          else assert.deepEqual(value, sent[key], `${what}: ${key}`);
        }
      }
    });

    it('accepts the same event as text/plain, as navigator.sendBeacon sends it (COMPLIANCE 26)', async () => {
      const event = sampleEvent();
      const res = await app.inject({ method: 'POST', url: '/api/consents', payload: JSON.stringify(event), headers: { 'content-type': 'text/plain;charset=UTF-8' } });
      assert.equal(res.statusCode, 201);
      assert.equal((await storage.history(event.consentId))[0].eventId, event.eventId);
    });
  });
}
