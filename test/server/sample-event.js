// A valid consent event, shared by the server suites and bench/server.mjs; no side effects.
import { randomUUID } from 'node:crypto';

/**
 * A valid consent event, as the widget sends it, with fresh IDs.
 * @param {Partial<import('../../server/storage/index.js').ConsentEvent>} [overrides]
 */
export function sampleEvent(overrides = {}) {
  return {
    eventId: randomUUID(),
    consentId: randomUUID(),
    action: 'save',
    categories: { necessary: true, functional: false, analytics: true, marketing: false },
    services: { ga: true, 'meta-pixel': false },
    revision: 1,
    policyVersion: '2024-10-17',
    textHash: '89abcdef01234567',
    language: 'da',
    gpc: false,
    path: '/demo/',
    widgetVersion: '0.1.0',
    clientTime: '2025-03-01T12:00:00.000Z',
    ...overrides,
  };
}
