// @ts-check
/**
 * Which pages a scan visits: same-origin URLs, breadth first from the start URL and the
 * site's sitemap, filtered by robots.txt.
 */

/** The user agent token robots.txt rules may name for this scanner. */
export const ROBOTS_AGENT = 'samtykke';

/**
 * @typedef {object} RobotsRule
 * @property {boolean} allow
 * @property {string} path
 */

/**
 * The rules of robots.txt that apply to this scanner: the group naming `samtykke`, else the
 * `*` group. Also returns the sitemaps it lists.
 * @param {string} text
 * @returns {{ rules: RobotsRule[], sitemaps: string[] }}
 */
export function parseRobots(text) {
  /** @type {Map<string, RobotsRule[]>} */
  const groups = new Map();
  /** @type {string[]} */
  const sitemaps = [];
  /** @type {string[]} */
  let agents = [];
  let inRules = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'sitemap') sitemaps.push(value);
    else if (key === 'user-agent') {
      // Consecutive user-agent lines share one group; one after a rule starts a new group.
      if (inRules) (agents = []), (inRules = false);
      agents.push(value.toLowerCase());
      for (const a of agents) if (!groups.has(a)) groups.set(a, []);
    } else if (key === 'allow' || key === 'disallow') {
      inRules = true;
      // An empty Disallow allows everything; it adds no rule.
      if (value) for (const a of agents) groups.get(a)?.push({ allow: key === 'allow', path: value });
    }
  }
  return { rules: groups.get(ROBOTS_AGENT) ?? groups.get('*') ?? [], sitemaps };
}

/**
 * Whether robots rules allow a path (with its query): the longest matching rule wins, and
 * Allow wins a tie (RFC 9309). `*` matches any run of characters and a final `$` the end.
 * @param {RobotsRule[]} rules
 * @param {string} path
 */
export function robotsAllows(rules, path) {
  let best = { allow: true, length: -1 };
  for (const rule of rules) {
    const source = rule.path
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\\\$$/, '$');
    if (!new RegExp(`^${source}`).test(path)) continue;
    const length = rule.path.length;
    if (length > best.length || (length === best.length && rule.allow)) best = { allow: rule.allow, length };
  }
  return best.allow;
}

/**
 * The `<loc>` URLs of a sitemap or a sitemap index.
 * @param {string} xml
 * @returns {{ pages: string[], sitemaps: string[] }}
 */
export function parseSitemap(xml) {
  /** @param {string} s */
  const unescape = (s) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  const locs = [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/gi)].map((m) => unescape(m[1]));
  return /<sitemapindex[\s>]/i.test(xml) ? { pages: [], sitemaps: locs } : { pages: locs, sitemaps: [] };
}

/**
 * A URL as the crawl keys it: no fragment; only http(s).
 * @param {string} href
 * @param {string | URL} [base]
 * @returns {URL | null}
 */
export function normalizeUrl(href, base) {
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

/**
 * @typedef {object} SiteRules
 * @property {RobotsRule[]} rules    robots.txt rules in force (none with --ignore-robots)
 * @property {string[]} sitemapPages same-origin pages the sitemap lists
 * @property {{ robots: 'found' | 'none' | 'ignored', sitemap: string[], notes: string[] }} info
 */

/**
 * Fetches robots.txt and the sitemaps (from robots.txt, else `/sitemap.xml`; one index level).
 * A missing or broken file is noted, never fatal.
 * @param {URL} start
 * @param {{ ignoreRobots: boolean, timeoutMs: number }} options
 * @returns {Promise<SiteRules>}
 */
export async function readSiteRules(start, { ignoreRobots, timeoutMs }) {
  /** @type {string[]} */
  const notes = [];
  /** @param {string} url */
  const get = async (url) => {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
      if (res.ok) return await res.text();
      if (res.status !== 404) notes.push(`${url}: HTTP ${res.status}`);
    } catch (error) {
      notes.push(`${url}: ${/** @type {Error} */ (error).message}`);
    }
    return null;
  };
  const robotsText = await get(new URL('/robots.txt', start).href);
  const robots = parseRobots(robotsText ?? '');
  let sitemapUrls = robots.sitemaps.length ? robots.sitemaps : [new URL('/sitemap.xml', start).href];
  /** @type {string[]} */
  const sitemapPages = [];
  /** @type {string[]} */
  const readSitemaps = [];
  for (let level = 0; level < 2 && sitemapUrls.length; level++) {
    /** @type {string[]} */
    const next = [];
    for (const url of sitemapUrls.slice(0, 20)) {
      const xml = await get(url);
      if (xml == null) continue;
      readSitemaps.push(url);
      const { pages, sitemaps } = parseSitemap(xml);
      sitemapPages.push(...pages);
      next.push(...sitemaps);
    }
    sitemapUrls = next;
  }
  return {
    rules: ignoreRobots ? [] : robots.rules,
    sitemapPages: sitemapPages.flatMap((p) => {
      const url = normalizeUrl(p, start);
      return url && url.origin === start.origin ? [url.href] : [];
    }),
    info: { robots: ignoreRobots ? 'ignored' : robotsText == null ? 'none' : 'found', sitemap: readSitemaps, notes },
  };
}

/** Links to files a browser downloads or shows bare, not pages: not worth a visit. */
const NOT_A_PAGE = /\.(?:pdf|zip|gz|tgz|rar|7z|dmg|exe|msi|jpe?g|png|gif|webp|avif|svg|ico|mp[34]|m4a|mov|webm|ogg|wav|docx?|xlsx?|pptx?|csv|txt|xml|json|js|css|woff2?)$/i;

/**
 * The crawl's frontier: breadth first, same origin, each URL once, robots rules applied, at
 * most `limit` pages handed out.
 */
export class CrawlQueue {
  /**
   * @param {URL} start
   * @param {RobotsRule[]} rules
   * @param {number} limit
   */
  constructor(start, rules, limit) {
    this.origin = start.origin;
    this.rules = rules;
    this.limit = limit;
    /** @type {Set<string>} */
    this.seen = new Set();
    /** @type {string[]} */
    this.waiting = [];
    /** @type {string[]} pages skipped because robots.txt disallows them */
    this.disallowed = [];
    this.handedOut = 0;
  }

  /**
   * Queues a URL found on a page or in the sitemap; other origins and repeats are ignored.
   * @param {string} href
   */
  add(href) {
    const url = normalizeUrl(href, this.origin);
    if (!url || url.origin !== this.origin || this.seen.has(url.href) || NOT_A_PAGE.test(url.pathname)) return;
    this.seen.add(url.href);
    if (!robotsAllows(this.rules, url.pathname + url.search)) this.disallowed.push(url.href);
    else this.waiting.push(url.href);
  }

  /** The next page to visit, or undefined when the limit is reached or nothing waits. */
  next() {
    if (this.handedOut >= this.limit) return undefined;
    const href = this.waiting.shift();
    if (href) this.handedOut++;
    return href;
  }

  /** Pages known and not visited, up to what the limit still allows. */
  get remaining() {
    return Math.min(this.waiting.length, this.limit - this.handedOut);
  }
}
