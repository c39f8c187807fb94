// @ts-check
/**
 * JSON schemas of the consent-log API. Fastify compiles them with ajv; the app turns off
 * ajv's type coercion and property removal, so a body either matches exactly or gets a 400.
 */

import { createRequire } from 'node:module';

/**
 * The consent event's schema is shared with the widget (`schema/consent-event.schema.json`):
 * its limits are the ones the widget's config checks at load, so no config the widget accepts
 * makes events the log refuses.
 */
const require = createRequire(import.meta.url);
const { $schema, $id, title, description, ...eventSchema } = require('../schema/consent-event.schema.json');

/** The body of `POST /api/consents`: the widget's `ConsentEvent` (src/core/store.ts). */
export const consentEventSchema = eventSchema;

/** The actions a consent event can record (DESIGN "Actions"). */
export const ACTIONS = consentEventSchema.properties.action.enum;

/** A lowercase UUID v4, as `crypto.randomUUID()` makes it; one spelling per ID keeps idempotency exact. */
export const UUID_V4 = consentEventSchema.properties.eventId.pattern;

/** Most categories and services one event may carry. */
export const MAX_CATEGORIES = consentEventSchema.properties.categories.maxProperties;
export const MAX_SERVICES = consentEventSchema.properties.services.maxProperties;

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
    // `semicolon` for spreadsheets that split on `;` (Excel with a Danish locale).
    separator: { type: 'string', enum: ['comma', 'semicolon'], default: 'comma' },
  },
};
