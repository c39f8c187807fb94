// @ts-check
/**
 * One pass of a scan in its own browser context (its own cookie jar), and one page visit in
 * it: what cookies, storage keys and third-party requests the page leaves, and who set them.
 */
import { isThirdParty } from './classify.js';

/**
 * A cookie as the browser holds it (its value is never recorded).
 * @typedef {object} SeenCookie
 * @property {string} name
 * @property {string} domain   a leading "." for a domain cookie, none for a host-only one
 * @property {string} path
 * @property {number} expires  seconds since the epoch; -1 for a session cookie
 * @property {boolean} httpOnly
 * @property {boolean} secure
 * @property {string} sameSite
 */

/**
 * Who set a cookie: a response's `Set-Cookie` (the response URL) or a `document.cookie`
 * write (the calling script's URL where the stack names one, else the page's).
 * @typedef {object} Setter
 * @property {'set-cookie' | 'document.cookie'} via
 * @property {string} url
 * @property {string} page
 */

/**
 * What one page visit saw.
 * @typedef {object} Visit
 * @property {string} url
 * @property {number | null} status        the document's HTTP status
 * @property {string | null} error         why the page failed (a time limit, a network error), or null
 * @property {number} durationMs
 * @property {boolean} samtykke            window.Samtykke was there
 * @property {string | null} samtykkeVersion
 * @property {string | null} configText    the text of the page's samtykke-config block
 * @property {'accept-all' | 'reject-all' | null} decision  the decision made on this page
 * @property {string | null} decisionError
 * @property {SeenCookie[]} cookiesBefore  the jar after load, before any decision on this page
 * @property {SeenCookie[]} cookiesAfter   the jar after the decision (same as before without one)
 * @property {SeenCookie[] | null} cookiesAfterWithdraw  the jar after withdraw(), where asked for
 * @property {{ local: string[], session: string[] }} storage  keys after the visit
 * @property {string[]} thirdPartyRequests request URLs (no query) to other sites, the whole visit
 * @property {string[]} thirdPartyRequestsAfterDecision those made after this page's decision
 * @property {string[]} links              same-page links found (absolute)
 * @property {string[]} consoleErrors      console errors Samtykke logged
 */

/** The key a cookie is told apart by, as the browser does. */
export const cookieKey = (/** @type {{ name: string, domain: string, path: string }} */ c) => `${c.name}\u0000${c.domain}\u0000${c.path}`;

/** Wraps the `document.cookie` setter before any page script runs, to learn who writes. */
function cookieWriteProbe() {
  const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (!desc?.set || !desc.get) return;
  const { get, set } = desc;
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    enumerable: desc.enumerable,
    get() {
      return get.call(this);
    },
    set(value) {
      try {
        const text = String(value);
        const name = text.split(';')[0].split('=')[0].trim();
        // A deletion (a clean-up) sets nothing: it must not be taken for the cookie's setter.
        const expires = /;\s*expires\s*=\s*([^;]+)/i.exec(text);
        if (/;\s*max-age\s*=\s*(0|-)/i.test(text) || (expires && Date.parse(expires[1]) <= Date.now())) return set.call(this, value);
        // The first http(s) frame of the stack is the script that wrote (this probe has no URL).
        const frame = /(https?:\/\/[^\s()]+?):\d+:\d+/.exec(new Error().stack || '');
        /** @type {any} */ (window).__samtykkeScanCookieWrite?.(name, frame?.[1] ?? '', location.href);
      } catch {
        // Recording must never break the page's own cookie write.
      }
      set.call(this, value);
    },
  });
}

/** The names a `Set-Cookie` header value sets (several are joined by newlines); a deletion sets none. */
const setCookieNames = (/** @type {string} */ header) =>
  header.split('\n').flatMap((line) => {
    const expires = /;\s*expires\s*=\s*([^;]+)/i.exec(line);
    if (/;\s*max-age\s*=\s*(0|-)/i.test(line) || (expires && Date.parse(expires[1]) <= Date.now())) return [];
    const name = line.split(';')[0].split('=')[0].trim();
    return name ? [name] : [];
  });

/**
 * A browser context for one pass, recording who set each cookie (first setter wins).
 * @param {import('playwright-core').Browser} browser
 * @param {string} siteHost
 */
export async function openPass(browser, siteHost) {
  // Service workers are blocked: one would answer from its cache, and its requests are not the page's.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  /** @type {Map<string, Setter>} */
  const setters = new Map();
  const note = (/** @type {string} */ name, /** @type {Setter} */ setter) => {
    if (!setters.has(name)) setters.set(name, setter);
  };
  await context.exposeBinding('__samtykkeScanCookieWrite', (_source, name, url, page) =>
    note(String(name), { via: 'document.cookie', url: String(url || page), page: String(page) }));
  await context.addInitScript(cookieWriteProbe);
  return { context, setters, siteHost, note };
}

/**
 * @typedef {Awaited<ReturnType<typeof openPass>>} Pass
 */

/** Samtykke's script or config block is on the page, so it is worth waiting for window.Samtykke. */
const SAMTYKKE_HINT = () =>
  !!document.getElementById('samtykke-config') || !!document.querySelector('script[src*="samtykke"]') || 'Samtykke' in window;

/** How long the network must be idle before a page counts as settled. */
const QUIET_MS = 500;

/**
 * Counts a page's requests in flight, so the visit can wait until they have ended. Playwright's
 * own "networkidle" is reached once per page load, and a decision's scripts come after it.
 * @param {import('playwright-core').Page} page
 */
function trackNetwork(page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (/** @type {number} */ by) => {
    inFlight = Math.max(0, inFlight + by);
    lastChange = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  /**
   * Waits until no request has been in flight for QUIET_MS since the call (a script a decision
   * starts may wait a moment before it asks for anything), at most `ms`; a page that never
   * settles is read as it stands.
   * @param {number} ms
   */
  return async (ms) => {
    const start = Date.now();
    const until = start + ms;
    while (Date.now() < until && !(inFlight === 0 && Date.now() - Math.max(lastChange, start) >= QUIET_MS))
      await page.waitForTimeout(50).catch(() => {});
  };
}

/**
 * Visits one page in a pass. Never throws: a failure is the visit's `error`.
 * @param {Pass} pass
 * @param {string} url
 * @param {{ timeoutMs: number, decision?: 'accept-all' | 'reject-all' | null, withdraw?: boolean }} options
 * @returns {Promise<Visit>}
 */
export async function visitPage(pass, url, { timeoutMs, decision = null, withdraw = false }) {
  const started = Date.now();
  const page = await pass.context.newPage();
  /** @type {Visit} */
  const visit = {
    url, status: null, error: null, durationMs: 0, samtykke: false, samtykkeVersion: null, configText: null,
    decision: null, decisionError: null, cookiesBefore: [], cookiesAfter: [], cookiesAfterWithdraw: null,
    storage: { local: [], session: [] }, thirdPartyRequests: [], thirdPartyRequestsAfterDecision: [], links: [], consoleErrors: [],
  };
  const settle = trackNetwork(page);
  const requests = new Set();
  /** @type {Set<string> | null} set once the decision is made */
  let requestsAfter = null;
  page.on('request', (request) => {
    try {
      const u = new URL(request.url());
      if ((u.protocol === 'http:' || u.protocol === 'https:') && isThirdParty(u.hostname, pass.siteHost)) {
        requests.add(`${u.origin}${u.pathname}`);
        requestsAfter?.add(`${u.origin}${u.pathname}`);
      }
    } catch {
      // A URL the page made up (data:, blob:) is no request to a host.
    }
  });
  page.on('response', async (response) => {
    const header = await response.headerValue('set-cookie').catch(() => null);
    if (header) for (const name of setCookieNames(header)) pass.note(name, { via: 'set-cookie', url: response.url(), page: url });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('Samtykke')) visit.consoleErrors.push(message.text());
  });
  const cookies = async () => /** @type {SeenCookie[]} */ ((await pass.context.cookies()).map(({ name, domain, path, expires, httpOnly, secure, sameSite }) => ({ name, domain, path, expires, httpOnly, secure, sameSite })));
  // A page may hang in a script, where no Playwright call returns: the whole visit has a deadline too.
  let timer;
  const deadlineMs = timeoutMs * 2 + 5000;
  const deadline = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`stopped answering: not done within ${deadlineMs} ms (a script may be stuck)`)), deadlineMs)));
  try {
    await Promise.race([deadline, (async () => {
      try {
        const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
        visit.status = response?.status() ?? null;
        if (visit.status && visit.status >= 400) visit.error = `HTTP ${visit.status}`;
      } catch (error) {
        visit.error = /timeout/i.test(String(error)) ? `did not load within ${timeoutMs} ms` : String(/** @type {Error} */ (error).message).split('\n')[0];
        return;
      }
      await settle(Math.min(3000, timeoutMs));
      if (await page.evaluate(SAMTYKKE_HINT)) {
        // The API is there once the deferred script ran; a page may also call init() itself later.
        await page.waitForFunction(() => { const s = /** @type {any} */ (window).Samtykke; return s?.version && (!('controller' in s) || s.controller); }, null, { timeout: Math.min(5000, timeoutMs) }).catch(() => {});
      }
      Object.assign(visit, await page.evaluate(() => {
        const s = /** @type {any} */ (window).Samtykke;
        return {
          samtykke: !!s?.version,
          samtykkeVersion: s?.version ? String(s.version) : null,
          configText: document.getElementById('samtykke-config')?.textContent ?? null,
        };
      }));
      visit.cookiesBefore = await cookies();
      if (decision && visit.samtykke) {
        const consent = await page.evaluate(() => /** @type {any} */ (window).Samtykke.getConsent());
        if (!consent) {
          requestsAfter = new Set();
          const done = await page.evaluate((d) => {
            const s = /** @type {any} */ (window).Samtykke;
            return !!(d === 'accept-all' ? s.acceptAll() : s.rejectAll());
          }, decision).catch((error) => String(error));
          if (done === true) visit.decision = decision;
          else visit.decisionError = done === false ? `Samtykke did not take the ${decision} decision` : String(done);
          await settle(Math.min(3000, timeoutMs));
        }
      }
      visit.cookiesAfter = await cookies();
      if (withdraw && visit.samtykke) {
        await page.evaluate(() => /** @type {any} */ (window).Samtykke.withdraw()).catch(() => {});
        await settle(Math.min(3000, timeoutMs));
        visit.cookiesAfterWithdraw = await cookies();
      }
      Object.assign(visit, await page.evaluate(() => {
        const keys = (/** @type {Storage} */ s) => { try { return Object.keys(s); } catch { return []; } };
        return {
          storage: { local: keys(localStorage), session: keys(sessionStorage) },
          links: [...document.querySelectorAll('a[href]')].map((a) => /** @type {HTMLAnchorElement} */ (a).href),
        };
      }));
    })()]);
  } catch (error) {
    visit.error ??= String(/** @type {Error} */ (error).message).split('\n')[0];
  } finally {
    clearTimeout(timer);
    // What the jar holds even when the page failed: a hanging page may have set cookies already.
    if (!visit.cookiesAfter.length) visit.cookiesAfter = visit.cookiesBefore = await cookies().catch(() => []);
    visit.thirdPartyRequests = [...requests];
    visit.thirdPartyRequestsAfterDecision = [...(requestsAfter ?? [])];
    visit.durationMs = Date.now() - started;
    await page.close({ runBeforeUnload: false }).catch(() => {});
  }
  return visit;
}
