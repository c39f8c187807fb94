/**
 * Deletes the first-party cookies of refused services (COMPLIANCE 22).
 *
 * A cookie can only be deleted with the domain and path it was set with, and the page
 * cannot read those back, so every plausible variant is overwritten with an expired value:
 * host-only, the host and each parent domain, the configured path and `/`.
 */
import type { SamtykkeConfig } from './config.js';
import type { ConsentRecord } from './record.js';

/**
 * The `domain` values a cookie visible on `host` may have been set with: `''` (host-only),
 * then `.host` and each parent domain down to two labels (`.shop.example.dk`, `.example.dk`).
 * IP addresses only take host-only cookies.
 */
export function cookieDomains(host: string): string[] {
  const out = [''];
  if (!/^[\d.]+$|[:[]/.test(host)) {
    const labels = host.split('.');
    // A single-label host (localhost) is its own only domain; otherwise stop above the top-level domain.
    for (let i = 0; i < Math.max(1, labels.length - 1); i++) out.push('.' + labels.slice(i).join('.'));
  }
  return out;
}

/**
 * Deletes the cookies of every service that `consent` does not allow: the exact names and
 * every present cookie matching a `pattern`, on each domain and path variant. Runs on every
 * decision, not only on a withdrawal: after expired consent `previous` is `null`, yet the
 * cookies the old consent allowed are still in the jar.
 */
export function removeRefusedCookies(config: SamtykkeConfig, consent: ConsentRecord | null, doc: Document = document): void {
  const { hostname, protocol } = doc.location ?? location;
  const present = doc.cookie.split(';').map((c) => c.split('=')[0].trim());
  const domains = cookieDomains(hostname);
  // __Secure- and __Host- cookies can only be overwritten with Secure.
  const secure = protocol === 'https:' ? ';secure' : '';
  for (const category of config.categories) {
    for (const service of category.services) {
      if (category.required || consent?.services[service.id]) continue;
      for (const cookie of service.cookies) {
        const re = cookie.pattern ? new RegExp(cookie.pattern) : null;
        const names = new Set([cookie.name, ...present.filter((n) => n && re?.test(n))]);
        names.delete(config.cookie.name);
        for (const name of names)
          for (const domain of cookie.domain ? [...domains, cookie.domain] : domains)
            for (const path of new Set(['/', cookie.path ?? '/']))
              doc.cookie = `${name}=;max-age=0;path=${path}${domain && ';domain=' + domain}${secure}`;
      }
    }
  }
}
