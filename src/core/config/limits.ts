/**
 * The limits a config must keep. Those the consent log enforces are read from the consent-event
 * schema that the log validates against, so the widget refuses at load what the log would
 * refuse later, and the two can never disagree.
 */
import { properties as eventFields } from '../../../schema/consent-event.schema.json';

/** The longest consent may last (13 months). */
export const MAX_EXPIRY_DAYS = 395;

/** Most categories a consent event may carry. */
export const MAX_CATEGORIES: number = eventFields.categories.maxProperties;

/** Most services a consent event may carry, across all categories. */
export const MAX_SERVICES: number = eventFields.services.maxProperties;

/** The highest `revision` the log stores. */
export const MAX_REVISION: number = eventFields.revision.maximum;

/** The longest `policyVersion` the log stores. */
export const MAX_POLICY_VERSION_LENGTH: number = eventFields.policyVersion.maxLength;

/** What a policy version must look like: no control characters (a newline included). */
export const POLICY_VERSION_PATTERN = new RegExp(eventFields.policyVersion.pattern);

/** The longest page path the log stores. */
export const MAX_PATH_LENGTH: number = eventFields.path.maxLength;

/** What a category or service id must look like, as a key of the consent event and the cookie. */
export const ID_PATTERN = new RegExp(eventFields.categories.propertyNames.pattern);

/** The most a browser keeps of one cookie; a longer consent cookie is dropped silently. */
export const MAX_COOKIE_BYTES = 4096;

/**
 * An id of a category or a service. Besides the pattern, never a name every object already has
 * (`__proto__` cannot match: it starts with "_"), which would read as consent given.
 */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && ID_PATTERN.test(value) && value !== 'constructor' && value !== 'prototype';
