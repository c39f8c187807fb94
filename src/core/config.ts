/**
 * The version-1 configuration: its types, defaults and validation (the parts live in
 * `./config/`). Validation is total: any value in, a usable config out; each problem is
 * reported with its key path, and no input can make consent be assumed.
 */
export * from './config/types.js';
export type * from './config/options.js';
export { MAX_EXPIRY_DAYS, MAX_CATEGORIES, MAX_SERVICES, MAX_REVISION, MAX_PATH_LENGTH, isId } from './config/limits.js';
export { isSafeUrl } from './config/links.js';
export { COOKIE_PATTERN_TEXT, isCookiePattern, matchesCookiePattern } from './config/cookie-pattern.js';
export { ConfigSchema } from './config/schema.js';
export { DEFAULT_CONSENT_MODE_MAPPING, defaultCategories, defaultConfig, resolveConfig } from './config/resolve.js';
export { describeValue, reportConfigProblems } from './config/problems.js';
export { longestConsentCookie } from './config/cookie-size.js';
