// @ts-check
/**
 * A whole scan: crawl before any choice, then (where the site runs Samtykke) again after
 * reject-all and after accept-all, each pass in a fresh browser context; then the report.
 */
import { launchChromium, findChromium } from './browser.js';
import { CookieDatabase } from './cookie-database.js';
import { CrawlQueue, normalizeUrl, readSiteRules } from './crawl.js';
import { buildReport } from './report.js';
import { openPass, visitPage } from './visit.js';

/** A scan that cannot start (a bad URL, a start page robots.txt disallows): exit code 2. */
export class ScanError extends Error {}

/** The passes, in the order they run. */
export const PASSES = /** @type {const} */ (['before', 'reject', 'accept']);

/** @typedef {typeof PASSES[number]} PassName */

/**
 * @typedef {object} ScanOptions
 * @property {string} url
 * @property {number} pages           at most this many pages
 * @property {number} timeoutMs       each page's time limit
 * @property {boolean} ignoreRobots
 * @property {string} [chromium]      the browser's path
 * @property {string[]} [allowHosts]  third-party hosts a page may contact before consent
 * @property {(event: ProgressEvent) => void} [onProgress]
 * @property {CookieDatabase} [database]
 */

/**
 * @typedef {object} ProgressEvent
 * @property {PassName} pass
 * @property {number} passIndex   1-based
 * @property {number} passCount
 * @property {number} done
 * @property {number} found
 * @property {number} remaining
 * @property {import('./visit.js').Visit} [visit]  the page just visited
 */

/**
 * Runs a scan. Throws a BrowserError (or a usage Error) only before the first page; after
 * that, a page's failure is part of the report.
 * @param {ScanOptions} options
 */
export async function scan(options) {
  const start = normalizeUrl(options.url);
  if (!start) throw new ScanError(`Not an http(s) URL: ${options.url}`);
  const executablePath = findChromium(options.chromium);
  const database = options.database ?? new CookieDatabase();
  const startedAt = new Date();
  const siteRules = await readSiteRules(start, { ignoreRobots: options.ignoreRobots, timeoutMs: options.timeoutMs });
  const queue = new CrawlQueue(start, siteRules.rules, options.pages);
  queue.add(start.href);
  if (queue.disallowed.includes(start.href)) throw new ScanError(`robots.txt disallows ${start.href}; scan it anyway with --ignore-robots`);
  if (!queue.remaining) throw new ScanError(`${start.href} is a file, not a page; give the URL of a page`);
  for (const href of siteRules.sitemapPages) queue.add(href);

  const browser = await launchChromium(executablePath);
  /** @type {Record<PassName, import('./visit.js').Visit[]>} */
  const visits = { before: [], reject: [], accept: [] };
  /** @type {import('./visit.js').Visit | null} */
  let withdrawVisit = null;
  /** @type {Record<PassName, Map<string, import('./visit.js').Setter>>} */
  const setters = { before: new Map(), reject: new Map(), accept: new Map() };
  let passCount = 3;
  try {
    // Pass 1 crawls: it finds the pages the later passes visit again.
    const before = await openPass(browser, start.hostname);
    setters.before = before.setters;
    for (let href = queue.next(); href; href = queue.next()) {
      const visit = await visitPage(before, href, { timeoutMs: options.timeoutMs });
      visits.before.push(visit);
      for (const link of visit.links) queue.add(link);
      // A page may say it runs Samtykke only once the crawl is under way; the count is a guess until then.
      passCount = visits.before.some((v) => v.samtykke) ? 3 : 1;
      options.onProgress?.({ pass: 'before', passIndex: 1, passCount, done: visits.before.length, found: queue.seen.size - queue.disallowed.length, remaining: queue.remaining, visit });
    }
    await before.context.close();

    const urls = visits.before.map((v) => v.url);
    const runsSamtykke = visits.before.some((v) => v.samtykke);
    if (runsSamtykke) {
      for (const [i, name] of /** @type {const} */ ([[2, 'reject'], [3, 'accept']])) {
        const pass = await openPass(browser, start.hostname);
        setters[name] = pass.setters;
        for (const [n, href] of urls.entries()) {
          const visit = await visitPage(pass, href, {
            timeoutMs: options.timeoutMs,
            decision: name === 'reject' ? 'reject-all' : 'accept-all',
          });
          visits[name].push(visit);
          options.onProgress?.({ pass: name, passIndex: i, passCount: 3, done: n + 1, found: urls.length, remaining: urls.length - n - 1, visit });
        }
        // Withdrawal, once everything accepted has had its chance to set cookies: on the start page.
        if (name === 'accept') withdrawVisit = await visitPage(pass, urls[0], { timeoutMs: options.timeoutMs, withdraw: true });
        await pass.context.close();
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
  return buildReport({
    start, startedAt, finishedAt: new Date(), options, siteRules, disallowed: queue.disallowed, visits, withdrawVisit, setters, database,
  });
}
