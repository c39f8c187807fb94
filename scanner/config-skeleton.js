// @ts-check
/**
 * `--config-out`: a Samtykke config skeleton from what a scan saw, ready to paste into the
 * page's `<script type="application/json" id="samtykke-config">` block. Purposes and reasons
 * are placeholders for the site owner to write.
 */

/** The placeholder of every text the site owner must write; a valid non-empty text, so the config loads. */
export const TODO = { da: 'TODO: beskriv formålet', en: 'TODO: describe the purpose' };
const TODO_REASON = { da: 'TODO: hvorfor den er strengt nødvendig', en: 'TODO: why it is strictly necessary' };
const TODO_PROVIDER = 'TODO: who provides it';

/** The categories in the order a preference centre shows them; "unclassified" last, for the owner to sort. */
const ORDER = ['necessary', 'functional', 'analytics', 'marketing', 'unclassified'];

/**
 * A cookie's life in words, from its observed expiry.
 * @param {number | null} days  null for a session cookie
 * @returns {{ da: string, en: string }}
 */
export function durationText(days) {
  if (days == null) return { da: 'Sessionen (til browseren lukkes)', en: 'Session (until the browser closes)' };
  /** @param {number} n @param {string} daOne @param {string} daMany @param {string} enOne */
  const say = (n, daOne, daMany, enOne) => ({ da: `${n} ${n === 1 ? daOne : daMany}`, en: `${n} ${enOne}${n === 1 ? '' : 's'}` });
  if (days < 1 / 24) return say(Math.max(1, Math.round(days * 1440)), 'minut', 'minutter', 'minute');
  if (days < 1) return say(Math.round(days * 24), 'time', 'timer', 'hour');
  if (days < 60) return say(Math.round(days), 'dag', 'dage', 'day');
  if (days < 730) return say(Math.round(days / 30.44), 'måned', 'måneder', 'month');
  return say(Math.round(days / 365.25), 'år', 'år', 'year');
}

/**
 * An id Samtykke accepts (a letter, then letters, digits, "-" or "_"), unique among `taken`.
 * @param {string} text
 * @param {Set<string>} taken
 */
function uniqueId(text, taken) {
  let base = text.toLowerCase().normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56);
  if (!/^[a-z]/.test(base) || ['constructor', 'prototype'].includes(base)) base = `service-${base}`.replace(/-$/, '');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Builds the config skeleton from a report: one service per platform the database names (an
 * unknown cookie gets a service per domain, in "unclassified"), one cookie entry per name or
 * per wildcard prefix (`pattern` as a `*` glob). Samtykke's own cookie is left out: Samtykke
 * declares it itself.
 * @param {import('./report.js').Report} report
 */
export function buildConfigSkeleton(report) {
  const taken = new Set(ORDER);
  /** @type {Map<string, { category: string, service: any, cookies: Map<string, any> }>} */
  const services = new Map();
  for (const k of report.cookies) {
    if (k.classification.source === 'samtykke') continue;
    const category = ORDER.includes(k.category) ? k.category : 'unclassified';
    const platform = k.classification.platform ?? (k.declared ? k.declared.service : `${k.domain.replace(/^\./, '')}`);
    const serviceKey = `${category}\u0000${platform}`;
    let s = services.get(serviceKey);
    if (!s) {
      s = {
        category,
        service: {
          id: uniqueId(platform, taken),
          name: platform,
          provider: k.classification.provider || TODO_PROVIDER,
          purpose: { ...TODO },
          ...(k.classification.privacyUrl ? { privacyUrl: k.classification.privacyUrl } : {}),
          ...(category === 'necessary' ? { essential: true, reason: { ...TODO_REASON } } : {}),
          cookies: [],
        },
        cookies: new Map(),
      };
      services.set(serviceKey, s);
    }
    const wildcard = k.classification.wildcard && k.classification.databaseName;
    const name = wildcard ? `${k.classification.databaseName}*` : k.name;
    const existing = s.cookies.get(name);
    // Of several cookies under one entry, the longest-lived one gives the duration.
    if (existing && (existing.days == null || (k.expiresInDays != null && k.expiresInDays <= existing.days))) continue;
    s.cookies.set(name, {
      days: k.expiresInDays,
      cookie: {
        name,
        ...(wildcard ? { pattern: name } : {}),
        // A host-only cookie is deleted without a domain; a domain cookie (leading ".") and another site's need theirs.
        ...(k.domain.startsWith('.') || k.party === 'third' ? { domain: k.domain } : {}),
        ...(k.path !== '/' ? { path: k.path } : {}),
        purpose: { ...TODO },
        duration: durationText(k.expiresInDays),
      },
    });
  }
  const categories = ORDER.map((id) => ({
    id,
    ...(id === 'necessary' ? { required: true } : {}),
    ...(id === 'unclassified'
      ? {
        title: { da: 'TODO: Uklassificerede (flyt dem til den rette kategori)', en: 'TODO: Unclassified (move them to the right category)' },
        description: { da: 'TODO: beskriv kategorien, eller slet den', en: 'TODO: describe the category, or delete it' },
      }
      : {}),
    services: [...services.values()].filter((s) => s.category === id).map((s) => ({
      ...s.service,
      cookies: [...s.cookies.values()].map((c) => c.cookie),
    })),
  })).filter((c) => c.id !== 'unclassified' || c.services.length);
  return {
    // For editors that check JSON as it is typed; the widget ignores it.
    $schema: './node_modules/samtykke/samtykke.config.schema.json',
    revision: 1,
    ...(report.samtykke.consentCookie !== 'samtykke' ? { cookie: { name: report.samtykke.consentCookie } } : {}),
    categories,
  };
}
