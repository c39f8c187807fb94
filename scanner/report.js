// @ts-check
/**
 * The scan's report (schema version 1, described in docs/scan.md): the visits of every pass
 * folded into one list of cookies, storage keys and third-party hosts, each classified, and
 * the findings.
 */
import { readFileSync } from 'node:fs';
import { Classifier, declaredCookies, isThirdParty } from './classify.js';
import { findFindings } from './findings.js';
import { cookieKey } from './visit.js';

/** The version of the report's JSON shape; it changes only when a field changes meaning or goes. */
export const SCHEMA_VERSION = 1;

const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** @typedef {import('./scan.js').PassName} PassName */
/** @typedef {import('./visit.js').Visit} Visit */
/** @typedef {import('./visit.js').SeenCookie} SeenCookie */

/**
 * Names of the cookies in `now` that `then` lacked.
 * @param {SeenCookie[]} now
 * @param {SeenCookie[]} then
 */
const added = (now, then) => {
  const had = new Set(then.map(cookieKey));
  return now.filter((c) => !had.has(cookieKey(c)));
};

/**
 * The site's config, parsed from the first page that has a config block.
 * @param {Visit[]} visits
 * @returns {{ found: boolean, config: any, error: string | null, page: string | null }}
 */
function siteConfig(visits) {
  const visit = visits.find((v) => v.configText != null);
  if (!visit) return { found: false, config: null, error: null, page: null };
  try {
    return { found: true, config: JSON.parse(/** @type {string} */ (visit.configText)), error: null, page: visit.url };
  } catch (error) {
    return { found: true, config: null, error: String(/** @type {Error} */ (error).message), page: visit.url };
  }
}

/**
 * Folds a scan's raw visits into its report.
 * @param {object} input
 * @param {URL} input.start
 * @param {Date} input.startedAt
 * @param {Date} input.finishedAt
 * @param {import('./scan.js').ScanOptions} input.options
 * @param {import('./crawl.js').SiteRules} input.siteRules
 * @param {string[]} input.disallowed
 * @param {Record<PassName, Visit[]>} input.visits
 * @param {Visit | null} input.withdrawVisit
 * @param {Record<PassName, Map<string, import('./visit.js').Setter>>} input.setters
 * @param {import('./cookie-database.js').CookieDatabase} input.database
 */
export function buildReport({ start, startedAt, finishedAt, options, siteRules, disallowed, visits, withdrawVisit, setters, database }) {
  const site = siteConfig(visits.before);
  const samtykkeVisit = visits.before.find((v) => v.samtykke);
  const consentCookie = typeof site.config?.cookie?.name === 'string' ? site.config.cookie.name : 'samtykke';
  const declared = declaredCookies(site.config);
  const classifier = new Classifier(database, { consentCookie, declared });
  const passes = /** @type {PassName[]} */ (samtykkeVisit ? ['before', 'reject', 'accept'] : ['before']);
  const observedAt = finishedAt.getTime() / 1000;

  /** @type {Map<string, any>} */
  const cookies = new Map();
  /** @type {Map<string, any>} */
  const storage = new Map();
  /** @type {Map<string, any>} */
  const hosts = new Map();

  /**
   * @param {SeenCookie} c
   * @param {PassName} pass
   * @param {string} page
   */
  const seeCookie = (c, pass, page) => {
    const key = cookieKey(c);
    let entry = cookies.get(key);
    if (!entry) {
      const classification = classifier.classify(c.name, c.domain, 'cookie');
      const setter = setters.before.get(c.name) ?? setters.reject.get(c.name) ?? setters.accept.get(c.name) ?? null;
      const { declared: listed, category, ...rest } = classification;
      entry = {
        name: c.name,
        domain: c.domain,
        path: c.path,
        expires: c.expires > 0 ? new Date(c.expires * 1000).toISOString() : null,
        expiresInDays: c.expires > 0 ? Math.max(0, Math.round(((c.expires - observedAt) / 86400) * 100) / 100) : null,
        httpOnly: c.httpOnly,
        secure: c.secure,
        sameSite: c.sameSite,
        party: isThirdParty(c.domain, start.hostname) ? 'third' : 'first',
        category,
        classification: rest,
        declared: listed ? { category: listed.category, service: listed.service, name: listed.name } : null,
        setBy: setter,
        seen: { before: [], reject: [], accept: [] },
      };
      cookies.set(key, entry);
    }
    if (!entry.seen[pass].includes(page)) entry.seen[pass].push(page);
    return entry;
  };

  /** @type {any[]} */
  const pages = visits.before.map((v) => ({ url: v.url, passes: {} }));
  const pageOf = (/** @type {string} */ url) => pages.find((p) => p.url === url);
  for (const pass of passes) {
    /** @type {SeenCookie[]} */
    let jar = [];
    for (const v of visits[pass]) {
      const setBefore = added(v.cookiesBefore, jar);
      const setAfter = added(v.cookiesAfter, v.cookiesBefore);
      for (const c of [...setBefore, ...setAfter, ...v.cookiesAfter]) seeCookie(c, pass, v.url);
      jar = v.cookiesAfter;
      for (const [kind, keys] of /** @type {const} */ ([['localStorage', v.storage.local], ['sessionStorage', v.storage.session]]))
        for (const key of keys) {
          const id = `${kind}\u0000${key}`;
          if (!storage.has(id)) {
            const { declared: _, category, ...rest } = classifier.classify(key, start.hostname, 'storage');
            storage.set(id, { kind, key, category, classification: rest, seen: { before: [], reject: [], accept: [] } });
          }
          const s = storage.get(id);
          if (!s.seen[pass].includes(v.url)) s.seen[pass].push(v.url);
        }
      for (const url of v.thirdPartyRequests) {
        const host = new URL(url).host;
        if (!hosts.has(host)) hosts.set(host, { host, urls: [], seen: { before: [], reject: [], accept: [] } });
        const h = hosts.get(host);
        if (!h.urls.includes(url) && h.urls.length < 10) h.urls.push(url);
        if (!h.seen[pass].includes(v.url)) h.seen[pass].push(v.url);
      }
      const page = pageOf(v.url);
      if (page)
        page.passes[pass] = {
          status: v.status,
          error: v.error,
          durationMs: v.durationMs,
          decision: v.decision,
          decisionError: v.decisionError,
          cookiesSetBeforeDecision: setBefore.map((c) => c.name),
          cookiesSetAfterDecision: setAfter.map((c) => c.name),
          cookiesRemovedByDecision: added(v.cookiesBefore, v.cookiesAfter).map((c) => c.name),
          storage: v.storage,
          thirdPartyRequests: v.thirdPartyRequests,
        };
    }
  }
  if (withdrawVisit?.cookiesAfterWithdraw) for (const c of withdrawVisit.cookiesAfterWithdraw) seeCookie(c, 'accept', withdrawVisit.url);
  const withdrawal = withdrawVisit && {
    page: withdrawVisit.url,
    error: withdrawVisit.error,
    cookiesLeft: (withdrawVisit.cookiesAfterWithdraw ?? []).map((c) => c.name),
    cookiesRemoved: withdrawVisit.cookiesAfterWithdraw ? added(withdrawVisit.cookiesAfter, withdrawVisit.cookiesAfterWithdraw).map((c) => c.name) : [],
  };

  const report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'samtykke scan', version: String(PACKAGE.version) },
    url: start.href,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    options: { pages: options.pages, timeoutMs: options.timeoutMs, ignoreRobots: options.ignoreRobots, allowHosts: options.allowHosts ?? [] },
    crawl: {
      robots: siteRules.info.robots,
      sitemaps: siteRules.info.sitemap,
      disallowed,
      notes: siteRules.info.notes,
    },
    samtykke: {
      detected: !!samtykkeVisit,
      version: samtykkeVisit?.samtykkeVersion ?? null,
      consentCookie,
      config: { found: site.found, page: site.page, error: site.error },
      passes,
      note: samtykkeVisit
        ? 'The site runs Samtykke: pages were visited before any choice, after reject-all and after accept-all (then withdrawal).'
        : 'Samtykke was not found on the site: only the pass before any choice was run.',
    },
    pages,
    withdrawal,
    cookies: [...cookies.values()],
    storage: [...storage.values()],
    thirdPartyHosts: [...hosts.values()],
    findings: /** @type {any[]} */ ([]),
    summary: /** @type {any} */ ({}),
  };
  report.findings = findFindings(report, {
    visits, withdrawVisit, rawConfig: site.config, declared, classifier, allowHosts: options.allowHosts ?? [], passes,
  });
  report.summary = {
    pages: pages.length,
    pagesFailed: pages.filter((p) => Object.values(p.passes).some((/** @type {any} */ v) => v.error)).length,
    cookies: report.cookies.length,
    storageKeys: report.storage.length,
    thirdPartyHosts: report.thirdPartyHosts.length,
    findings: report.findings.length,
    byCategory: Object.fromEntries(
      ['necessary', 'functional', 'analytics', 'marketing', 'unclassified'].map((c) => [c, report.cookies.filter((k) => k.category === c).length]),
    ),
  };
  return report;
}

/** @typedef {ReturnType<typeof buildReport>} Report */
