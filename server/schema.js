// @ts-check
/**
 * JSON schemas of the consent-log API. Fastify compiles them with ajv; the app turns off
 * ajv's type coercion and property removal, so a body either matches exactly or gets a 400.
 */

/** The actions a consent event can record (DESIGN "Actions"). */
export const ACTIONS = ['accept-all', 'reject-all', 'save', 'withdraw', 'accept-service'];

/** A lowercase UUID v4, as `crypto.randomUUID()` makes it; one spelling per ID keeps idempotency exact. */
export const UUID_V4 = '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

/** The widget's id rule (config.ts `isId`): a letter, then up to 63 letters, digits, "-" or "_". */
const ID = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';

/** Most categories and services one event may carry; a config has a handful. */
export const MAX_CATEGORIES = 32;
export const MAX_SERVICES = 256;

/** @param {number} max */
const idToBoolean = (max) => ({
  type: 'object',
  maxProperties: max,
  propertyNames: { type: 'string', pattern: ID },
  additionalProperties: { type: 'boolean' },
});

/**
 * Printable text without control characters.
 * @param {number} max
 */
const text = (max) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '^[^\\u0000-\\u001f\\u007f]+$' });

/** The body of `POST /api/consents`: the widget's `ConsentEvent` (src/core/store.ts). */
export const consentEventSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'eventId', 'consentId', 'action', 'categories', 'services', 'revision', 'policyVersion',
    'textHash', 'language', 'gpc', 'path', 'widgetVersion', 'clientTime',
  ],
  properties: {
    eventId: { type: 'string', pattern: UUID_V4 },
    consentId: { type: 'string', pattern: UUID_V4 },
    action: { type: 'string', enum: ACTIONS },
    categories: idToBoolean(MAX_CATEGORIES),
    services: idToBoolean(MAX_SERVICES),
    revision: { type: 'integer', minimum: 1, maximum: 2147483647 },
    policyVersion: text(64),
    textHash: { type: 'string', pattern: '^[0-9a-f]{8,128}$' },
    language: { type: 'string', maxLength: 35, pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$' },
    gpc: { type: 'boolean' },
    path: { type: 'string', maxLength: 2048, pattern: '^/[^\\u0000-\\u001f\\u007f]*$' },
    widgetVersion: { type: 'string', pattern: '^[0-9A-Za-z.+-]{1,32}$' },
    clientTime: { type: 'string', format: 'date-time', maxLength: 40 },
  },
};

/** What `POST /api/consents` answers: proof that this event is stored. */
export const receiptSchema = {
  type: 'object',
  required: ['eventId', 'consentId', 'receivedAt'],
  properties: {
    eventId: { type: 'string' },
    consentId: { type: 'string' },
    receivedAt: { type: 'string' },
  },
};

const idMapOut = { type: 'object', additionalProperties: { type: 'boolean' } };

/** One event in a visitor's history: what they chose, under which texts, and when it was received. */
const historyEntry = {
  type: 'object',
  properties: {
    eventId: { type: 'string' },
    action: { type: 'string' },
    categories: idMapOut,
    services: idMapOut,
    revision: { type: 'integer' },
    policyVersion: { type: 'string' },
    textHash: { type: 'string' },
    language: { type: 'string' },
    gpc: { type: 'boolean' },
    path: { type: 'string' },
    widgetVersion: { type: 'string' },
    clientTime: { type: 'string' },
    receivedAt: { type: 'string' },
    origin: { type: ['string', 'null'] },
  },
};

/** `GET /api/consents/:consentId`. The network prefix and browser family stay out of it. */
export const historySchema = {
  type: 'object',
  properties: { consentId: { type: 'string' }, events: { type: 'array', items: historyEntry } },
};

/** A day (`2025-03-01`) or a date-time with a zone (`2025-03-01T12:00:00Z`). */
const instant = { type: 'string', maxLength: 40, anyOf: [{ format: 'date' }, { format: 'date-time' }] };

/** Query of the admin routes: a date range, and for the export a consent ID and a format. */
export const rangeQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { from: instant, to: instant },
};

export const exportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: instant,
    to: instant,
    consentId: { type: 'string', pattern: UUID_V4 },
    format: { type: 'string', enum: ['csv', 'ndjson'], default: 'ndjson' },
  },
};
