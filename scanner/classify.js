// @ts-check
/**
 * What a cookie or storage key is: first or third party, its category (the site's Samtykke
 * config, Samtykke's own names, the Open Cookie Database), and which config entry lists it.
 */

/** The localStorage key Samtykke keeps its outbox of consent events in. */
export const SAMTYKKE_OUTBOX_KEY = 'samtykke-outbox';

/**
 * The site a host belongs to, for first/third-party purposes: an IP address or a single label
 * is its own site; otherwise the last two labels, or three where the second-level label is a
 * common public suffix part (co.uk, com.au). An approximation of the Public Suffix List.
 * @param {string} host
 */
export function siteOf(host) {
  const h = host.replace(/^\./, '').replace(/\.$/, '').toLowerCase();
  if (/^[\d.]+$/.test(h) || h.includes(':') || !h.includes('.')) return h;
  const labels = h.split('.');
  const take = labels.length > 2 && /^(co|com|net|org|gov|ac|edu)$/.test(labels[labels.length - 2]) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * Whether a cookie domain or request host is third-party to the scanned site.
 * @param {string} host
 * @param {string} siteHost  the host of the start URL
 */
export const isThirdParty = (host, siteHost) => siteOf(host) !== siteOf(siteHost);

/**
 * Whether a cookie name matches a config pattern, as Samtykke reads one: a `*` glob (`_ga_*`),
 * or a prefix in the older form of an anchored regular expression (`^_ga_`, `\` escaping).
 * @param {string} pattern
 * @param {string} name
 */
export function patternMatches(pattern, name) {
  if (pattern.startsWith('^')) return name.startsWith(pattern.slice(1).replace(/\\(.)/g, '$1'));
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(name);
}

/**
 * A cookie the site's config declares, with where it is declared.
 * @typedef {object} DeclaredCookie
 * @property {string} category
 * @property {boolean} required   the category is required
 * @property {string} service
 * @property {string} name
 * @property {string} [pattern]
 * @property {string} [domain]
 */

/**
 * The cookies a site's config (the raw JSON of its config block) declares. Tolerant of any
 * shape: what is not a list or an object is skipped, since Samtykke reports those itself.
 * @param {any} config
 * @returns {DeclaredCookie[]}
 */
export function declaredCookies(config) {
  const list = (/** @type {any} */ v) => (Array.isArray(v) ? v : []);
  return list(config?.categories).flatMap((c) =>
    list(c?.services).flatMap((s) =>
      list(s?.cookies).flatMap((k) =>
        typeof k?.name === 'string'
          ? [{
            category: String(c.id),
            required: c.required === true || (c.required === undefined && c.id === 'necessary'),
            service: String(s.id),
            name: k.name,
            ...(typeof k.pattern === 'string' ? { pattern: k.pattern } : {}),
            ...(typeof k.domain === 'string' ? { domain: k.domain } : {}),
          }]
          : [],
      ),
    ),
  );
}

/**
 * The config entry that lists a cookie: by its exact name, else by its pattern.
 * @param {DeclaredCookie[]} declared
 * @param {string} name
 */
export const findDeclared = (declared, name) =>
  declared.find((d) => d.name === name) ?? declared.find((d) => d.pattern && patternMatches(d.pattern, name));

/**
 * How a name was classified.
 * @typedef {object} Classification
 * @property {string} category  necessary, functional, analytics, marketing, unclassified, or a config's own category id
 * @property {'samtykke' | 'database' | 'config' | 'none'} source
 * @property {string} [platform]
 * @property {string} [provider]
 * @property {string} [privacyUrl]
 * @property {string} [retention]   as the database gives it
 * @property {string} [databaseName] the database entry's name (a prefix for a wildcard match)
 * @property {boolean} [wildcard]   matched on a prefix
 * @property {DeclaredCookie} [declared] the site config's entry, where it lists the cookie
 */

/**
 * Classifies names for one scan.
 */
export class Classifier {
  /**
   * @param {import('./cookie-database.js').CookieDatabase} database
   * @param {{ consentCookie: string, declared: DeclaredCookie[] }} site
   */
  constructor(database, site) {
    this.database = database;
    this.site = site;
  }

  /**
   * Samtykke's own names first (its consent cookie and outbox are necessary, set by the site),
   * then the database; the site's config decides only what the database does not know, so a
   * config cannot talk a known analytics cookie into "necessary".
   * @param {string} name
   * @param {string} [domain]
   * @param {'cookie' | 'storage'} [kind]
   * @returns {Classification}
   */
  classify(name, domain = '', kind = 'cookie') {
    const declared = kind === 'cookie' ? findDeclared(this.site.declared, name) : undefined;
    const own = kind === 'cookie' ? name === this.site.consentCookie : name === SAMTYKKE_OUTBOX_KEY;
    if (own) return { category: 'necessary', source: 'samtykke', platform: 'Samtykke', provider: 'the site', declared };
    const hit = this.database.lookup(name, domain);
    if (hit) {
      const { entry } = hit;
      return {
        category: entry.category,
        source: 'database',
        platform: entry.platform,
        provider: entry.controller,
        privacyUrl: entry.privacyUrl || undefined,
        retention: entry.retention,
        databaseName: entry.name,
        wildcard: hit.match === 'wildcard',
        declared,
      };
    }
    if (declared) return { category: declared.required ? 'necessary' : declared.category, source: 'config', declared };
    return { category: 'unclassified', source: 'none' };
  }
}
