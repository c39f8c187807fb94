// @ts-check
/**
 * The Open Cookie Database (a copy in `open-cookie-database/`, with its LICENSE and NOTICE):
 * reading its CSV and looking a cookie or storage key up by name.
 */
import { readFileSync } from 'node:fs';

/** @typedef {'necessary' | 'functional' | 'analytics' | 'marketing'} Category */

/**
 * One entry of the database.
 * @typedef {object} DatabaseEntry
 * @property {string} id
 * @property {string} platform
 * @property {Category} category
 * @property {string} name
 * @property {string} domain
 * @property {string} retention
 * @property {string} controller
 * @property {string} privacyUrl
 * @property {boolean} wildcard  the name is a prefix (`_ga_` matches `_ga_ABC123`)
 */

/** The database's categories, as Samtykke's. */
const CATEGORY_OF = /** @type {Record<string, Category>} */ ({
  Functional: 'functional',
  Analytics: 'analytics',
  Marketing: 'marketing',
  Security: 'necessary',
  Necessary: 'necessary',
  Personalization: 'functional',
});

const CSV_URL = new URL('open-cookie-database/cookies.csv', import.meta.url);

/**
 * Splits CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) into rows.
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/**
 * Reads the database; columns are found by their header, so a reordered CSV still reads.
 * @param {string} [text]  the CSV (default: the copy shipped with the package)
 * @returns {DatabaseEntry[]}
 */
export function loadDatabase(text = readFileSync(CSV_URL, 'utf8')) {
  const [header, ...rows] = parseCsv(text);
  /** @param {string} start */
  const column = (start) => {
    const i = header.findIndex((h) => h.trim().toLowerCase().startsWith(start));
    if (i < 0) throw new Error(`Open Cookie Database: no column "${start}…" in the CSV header`);
    return i;
  };
  const col = {
    id: column('id'),
    platform: column('platform'),
    category: column('category'),
    name: column('cookie / data key name'),
    domain: column('domain'),
    retention: column('retention'),
    controller: column('data controller'),
    privacy: column('user privacy'),
    wildcard: column('wildcard'),
  };
  return rows.flatMap((r) => {
    const category = CATEGORY_OF[r[col.category]?.trim()];
    const name = r[col.name]?.trim();
    if (!category || !name) return [];
    return [{
      id: r[col.id],
      platform: r[col.platform].trim(),
      category,
      name,
      domain: r[col.domain].trim(),
      retention: r[col.retention].trim(),
      controller: r[col.controller].trim(),
      privacyUrl: /^https?:\/\//.test(r[col.privacy].trim()) ? r[col.privacy].trim() : '',
      wildcard: r[col.wildcard].trim() === '1',
    }];
  });
}

/**
 * Looks names up in the database: the exact name first, then the longest wildcard prefix.
 */
export class CookieDatabase {
  /** @param {DatabaseEntry[]} [entries] */
  constructor(entries = loadDatabase()) {
    /** @type {Map<string, DatabaseEntry[]>} */
    this.exact = new Map();
    /** @type {DatabaseEntry[]} longest prefix first */
    this.prefixes = entries.filter((e) => e.wildcard).sort((a, b) => b.name.length - a.name.length);
    for (const e of entries) {
      const list = this.exact.get(e.name) ?? [];
      list.push(e);
      this.exact.set(e.name, list);
    }
  }

  /**
   * The entry for a cookie or storage key, or null. Among entries of one name, the one whose
   * domain fits the cookie's (or that names none) wins.
   * @param {string} name
   * @param {string} [domain]
   * @returns {{ entry: DatabaseEntry, match: 'exact' | 'wildcard' } | null}
   */
  lookup(name, domain = '') {
    const exact = this.exact.get(name);
    if (exact) return { entry: pickByDomain(exact, domain), match: 'exact' };
    const prefixed = this.prefixes.filter((e) => name.startsWith(e.name));
    if (prefixed.length) {
      const longest = prefixed.filter((e) => e.name.length === prefixed[0].name.length);
      return { entry: pickByDomain(longest, domain), match: 'wildcard' };
    }
    return null;
  }
}

/**
 * @param {DatabaseEntry[]} entries
 * @param {string} domain
 */
function pickByDomain(entries, domain) {
  const host = domain.replace(/^\./, '');
  const fits = (/** @type {DatabaseEntry} */ e) => {
    const d = e.domain.replace(/\s*\(.*\)$/, '').replace(/^\./, '');
    return d !== '' && (host === d || host.endsWith(`.${d}`));
  };
  return entries.find(fits) ?? entries.find((e) => !e.domain) ?? entries[0];
}
