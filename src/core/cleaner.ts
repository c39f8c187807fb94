/**
 * Deletes the first-party cookies of refused services (COMPLIANCE 22).
 *
 * A cookie can only be deleted with the domain and path it was set with, and the page
 * cannot read those back, so every plausible variant is overwritten with an expired value:
 * host-only, the host and each parent domain, the configured path and `/`.
 */
import { matchesCookiePattern } from './config/cookie-pattern.js';
import type { CookieInfo, SamtykkeConfig } from './config/types.js';
import type { ConsentRecord } from './record.js';

/**
 * The `domain` values a cookie visible on `host` may have been set with: `''` (host-only),
 * then `.host` and each parent domain down to two labels (`.shop.example.dk`, `.example.dk`).
 * IP addresses only take host-only cookies.
 */
export function cookieDomains(host: string): string[] {
  const out = [''];
  // A single-label host (localhost) is its own only domain; otherwise stop above the top-level domain.
  if (!/^[\d.]+$|[:[]/.test(host)) for (let d = host; out.push('.' + d), /\..*\./.test(d); ) d = d.slice(d.indexOf('.') + 1);
  return out;
}

/**
 * Deletes the cookies of every service that `consent` does not allow, and those of services the
 * config could not list (`refusedCookies`): the exact names and every present cookie matching a
 * `pattern`, on each domain and path variant. Runs on every decision, not only on a withdrawal:
 * after expired consent `previous` is `null`, yet the cookies the old consent allowed are still
 * in the jar.
 */
export function removeRefusedCookies(config: SamtykkeConfig, consent: ConsentRecord | null, doc: Document = document): void {
  const { hostname, protocol } = doc.location ?? location;
  const refused: CookieInfo[] = [...config.refusedCookies];
  for (const category of config.categories)
    for (const service of category.services) if (!category.required && !consent?.services[service.id]) refused.push(...service.cookies);
  // Reading the jar is a synchronous trip to the browser process: only a pattern needs it, so
  // a decision that refuses nothing (accept all) does not wait for it.
  let present: string[] | undefined;
  // __Secure- and __Host- cookies can only be overwritten with Secure.
  const secure = protocol == 'https:' ? ';secure' : '';
  for (const cookie of refused) {
    const { pattern } = cookie;
    const matching = pattern ? (present ??= doc.cookie.split(';').map((c) => c.split('=')[0].trim())).filter((name) => name && matchesCookiePattern(pattern, name)) : [];
    // Writing the same deletion twice (host-only and no configured domain, path `/` twice) is harmless.
    for (const name of new Set([cookie.name, ...matching]))
      if (name != config.cookie.name)
        for (const domain of [...cookieDomains(hostname), cookie.domain])
          for (const path of ['/', cookie.path]) doc.cookie = `${name}=;max-age=0;path=${path || '/'}${domain ? ';domain=' + domain : ''}${secure}`;
  }
}
