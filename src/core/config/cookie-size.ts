/**
 * How long the consent cookie can get under a config. A browser silently drops a cookie past
 * 4 KB, and then the banner returns on every page, so a config that could reach it is reported.
 */
import Cookies from 'js-cookie';
import { RECORD_VERSION, serialiseRecord } from '../record.js';
import { MAX_COOKIE_BYTES, MAX_POLICY_VERSION_LENGTH } from './limits.js';
import type { ConfigProblem, SamtykkeConfig } from './types.js';

/**
 * The longest `Set-Cookie` string the consent cookie can take: every category and service id
 * stored as `true`, a UUID, full ISO dates, the longest policy version, and every attribute,
 * encoded as CookieStorage writes it (js-cookie's default converter).
 */
export function longestConsentCookie(config: Pick<SamtykkeConfig, 'categories' | 'cookie' | 'revision'>): string {
  const all = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, true]));
  const date = new Date().toISOString();
  const value = serialiseRecord({
    v: RECORD_VERSION,
    id: '00000000-0000-4000-8000-000000000000',
    rev: config.revision,
    policy: 'x'.repeat(MAX_POLICY_VERSION_LENGTH),
    given: date,
    updated: date,
    method: 'accept-service',
    categories: all(config.categories.map((c) => c.id)),
    services: all(config.categories.flatMap((c) => c.services.map((s) => s.id))),
  });
  const { name, path, domain, sameSite } = config.cookie;
  const attributes = `; path=${path}; expires=${new Date().toUTCString()}${domain ? `; domain=${domain}` : ''}; sameSite=${sameSite}; secure`;
  return `${name}=${Cookies.converter.write(value, name)}${attributes}`;
}

/** A problem when the consent cookie could pass what a browser keeps, naming what to shorten. */
export function cookieSizeProblem(config: SamtykkeConfig): ConfigProblem | undefined {
  const bytes = new TextEncoder().encode(longestConsentCookie(config)).length;
  if (bytes <= MAX_COOKIE_BYTES) return;
  const ids = config.categories.flatMap((c) => [c.id, ...c.services.map((s) => s.id)]);
  const longest = ids.reduce((a, b) => (b.length > a.length ? b : a));
  return {
    path: 'categories',
    found: `${ids.length} category and service ids, a consent cookie of up to ${bytes} bytes`,
    expected: `a consent cookie of at most ${MAX_COOKIE_BYTES} bytes: shorten the ids (the longest is "${longest}") or give fewer services; cookie.name and cookie.domain count too`,
  };
}
