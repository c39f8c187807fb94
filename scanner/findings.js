// @ts-check
/**
 * What a scan found wrong, each finding with the page and the evidence. The kinds are listed
 * (and explained for site owners) in docs/scan.md.
 */
import { cookieKey } from './visit.js';
import { patternMatches } from './classify.js';

/**
 * @typedef {object} Finding
 * @property {'before-consent' | 'survives-reject' | 'survives-withdraw' | 'missing-from-config' | 'listed-not-seen' | 'necessary-not-essential' | 'samtykke-error'} kind
 * @property {'cookie' | 'storage' | 'request' | 'service' | 'config'} subject
 * @property {string} name       the cookie's name, the storage key, the host, the service id
 * @property {string | null} category
 * @property {string | null} page
 * @property {'before' | 'reject' | 'accept' | null} pass
 * @property {string} message
 * @property {Record<string, unknown>} evidence
 */

/** "A" or "An" before a category's name. */
const aCategory = (/** @type {string} */ category) => `${/^[aeiou]/.test(category) ? 'An' : 'A'} ${category}`;

/** A cookie that needs consent: everything not necessary, the unknown included (the scanner cannot tell). */
const needsConsent = (/** @type {string} */ category) => category !== 'necessary';

/**
 * @param {any} report  the report so far (cookies, storage, hosts)
 * @param {object} context
 * @param {Record<import('./scan.js').PassName, import('./visit.js').Visit[]>} context.visits
 * @param {import('./visit.js').Visit | null} context.withdrawVisit
 * @param {any} context.rawConfig
 * @param {import('./classify.js').DeclaredCookie[]} context.declared
 * @param {import('./classify.js').Classifier} context.classifier
 * @param {string[]} context.allowHosts
 * @param {import('./scan.js').PassName[]} context.passes
 * @returns {Finding[]}
 */
export function findFindings(report, { visits, withdrawVisit, rawConfig, declared, classifier, allowHosts, passes }) {
  /** @type {Finding[]} */
  const findings = [];
  const once = new Set();
  /** @param {Finding} f */
  const add = (f) => {
    const id = `${f.kind}\u0000${f.subject}\u0000${f.name}`;
    if (!once.has(id)) once.add(id), findings.push(f);
  };
  const cookieEntry = (/** @type {import('./visit.js').SeenCookie} */ c) => report.cookies.find((/** @type {any} */ k) => cookieKey(k) === cookieKey(c));
  /** A host (with its port, if any) the site owner allows before consent, or a subdomain of one. */
  const allowed = (/** @type {string} */ host) => {
    const name = new URL(`http://${host}`).hostname;
    return allowHosts.some((a) => host === a || name === a || name.endsWith(`.${a}`));
  };
  const cookieEvidence = (/** @type {any} */ k) => ({
    domain: k.domain, path: k.path, party: k.party, expires: k.expires, setBy: k.setBy, classification: k.classification,
  });

  // Before any choice: the first pass's jar, storage and requests.
  for (const v of visits.before) {
    for (const c of v.cookiesAfter) {
      const k = cookieEntry(c);
      if (k && needsConsent(k.category))
        add({ kind: 'before-consent', subject: 'cookie', name: k.name, category: k.category, page: v.url, pass: 'before',
          message: `${aCategory(k.category)} cookie is set before the visitor's choice.`, evidence: cookieEvidence(k) });
    }
    storageFindings(v, 'before', 'before-consent', 'is written before the visitor\'s choice.');
    for (const url of v.thirdPartyRequests) {
      const host = new URL(url).host;
      if (!allowed(host))
        add({ kind: 'before-consent', subject: 'request', name: host, category: null, page: v.url, pass: 'before',
          message: 'A third-party host is contacted before the visitor\'s choice.', evidence: { url } });
    }
  }

  // After reject-all: what the jar still holds, and what is still written or contacted.
  if (passes.includes('reject')) {
    let decided = false;
    for (const v of visits.reject) {
      const now = decided || !!v.decision;
      if (!now) continue;
      for (const c of v.cookiesAfter) {
        const k = cookieEntry(c);
        if (k && needsConsent(k.category))
          add({ kind: 'survives-reject', subject: 'cookie', name: k.name, category: k.category, page: v.url, pass: 'reject',
            message: `${aCategory(k.category)} cookie is there after reject-all.`, evidence: cookieEvidence(k) });
      }
      storageFindings(v, 'reject', 'survives-reject', 'is there after reject-all.');
      for (const url of v.decision ? v.thirdPartyRequestsAfterDecision : v.thirdPartyRequests) {
        const host = new URL(url).host;
        if (!allowed(host))
          add({ kind: 'survives-reject', subject: 'request', name: host, category: null, page: v.url, pass: 'reject',
            message: 'A third-party host is contacted after reject-all.', evidence: { url } });
      }
      decided = true;
    }
  }

  // After withdrawal: Samtykke's clean-up deletes the cookies its config lists for the withdrawn categories.
  for (const c of withdrawVisit?.cookiesAfterWithdraw ?? []) {
    const k = cookieEntry(c);
    if (k && needsConsent(k.category))
      add({ kind: 'survives-withdraw', subject: 'cookie', name: k.name, category: k.category, page: withdrawVisit?.url ?? null, pass: 'accept',
        message: `${aCategory(k.category)} cookie is still there after withdrawal${k.declared ? '' : ' (the config does not list it, so the clean-up cannot know it)'}.`, evidence: cookieEvidence(k) });
  }

  // The site's config against what was seen.
  if (rawConfig) {
    for (const k of report.cookies) {
      if (k.classification.source === 'samtykke' || k.declared) continue;
      const page = k.seen.before[0] ?? k.seen.reject[0] ?? k.seen.accept[0] ?? null;
      add({ kind: 'missing-from-config', subject: 'cookie', name: k.name, category: k.category, page, pass: k.seen.before[0] ? 'before' : k.seen.reject[0] ? 'reject' : 'accept',
        message: 'A cookie the site sets is missing from its Samtykke config, so the declaration does not list it and the clean-up does not delete it.', evidence: cookieEvidence(k) });
    }
    for (const d of declared) {
      const seen = report.cookies.some((/** @type {any} */ k) => k.name === d.name || (d.pattern && patternMatches(d.pattern, k.name)));
      if (!seen)
        add({ kind: 'listed-not-seen', subject: 'cookie', name: d.name, category: d.category, page: null, pass: null,
          message: 'A cookie the config lists was never seen on the pages scanned (after accept-all included).', evidence: { service: d.service, pattern: d.pattern ?? null } });
    }
    for (const c of Array.isArray(rawConfig.categories) ? rawConfig.categories : []) {
      const required = c?.required === true || (c?.required === undefined && c?.id === 'necessary');
      if (!required) continue;
      for (const s of Array.isArray(c.services) ? c.services : [])
        if (s?.essential !== true)
          add({ kind: 'necessary-not-essential', subject: 'service', name: String(s?.id), category: String(c.id), page: null, pass: null,
            message: `A service in the required category "${c.id}" lacks essential: true (and a reason); Samtykke drops it, and it needs consent like any other.`, evidence: { service: s } });
    }
  }
  for (const pass of passes)
    for (const v of visits[pass])
      for (const text of v.consoleErrors)
        add({ kind: 'samtykke-error', subject: 'config', name: text.split('\n')[0], category: null, page: v.url, pass,
          message: 'Samtykke reported an error on the page.', evidence: { console: text } });
  return findings;

  /**
   * Storage keys the database knows as needing consent (an unknown key is listed, not found:
   * a config has no place to declare one).
   * @param {import('./visit.js').Visit} v
   * @param {'before' | 'reject'} pass
   * @param {'before-consent' | 'survives-reject'} kind
   * @param {string} text
   */
  function storageFindings(v, pass, kind, text) {
    for (const [where, keys] of /** @type {const} */ ([['localStorage', v.storage.local], ['sessionStorage', v.storage.session]]))
      for (const key of keys) {
        const c = classifier.classify(key, '', 'storage');
        if (c.source === 'database' && needsConsent(c.category))
          add({ kind, subject: 'storage', name: key, category: c.category, page: v.url, pass,
            message: `${aCategory(c.category)} ${where} key ${text}`, evidence: { storage: where, platform: c.platform, provider: c.provider } });
      }
  }
}
