// @ts-check
/**
 * The fixture sites the scanner tests crawl: what each sets, and when.
 */
import { cookieScript, plainPage, samtykkePage } from './fixture-sites.js';

/** A shop without Samtykke that sets analytics and marketing cookies before any choice. */
export const violatingSite = /** @type {import('./fixture-sites.js').Pages} */ (({ thirdParty }) => ({
  '/': plainPage('Shop', `<script>${cookieScript('_ga')}${cookieScript('shop_pref', 86400 * 30)}localStorage.setItem('_hjid', '1')</script>
<script src="${thirdParty}/tp/pixel.js"></script><img alt="" src="${thirdParty}/tp/track.gif">
<a href="/about">About</a> <a href="/contact">Contact</a>`),
  '/about': plainPage('About', `<script>${cookieScript('_ga_XYZ789')}</script><a href="/">Home</a>`),
  '/contact': plainPage('Contact'),
  // A tracker's script, from another site, writing a first-party cookie.
  '//localhost/tp/pixel.js': cookieScript('_fbp', 86400 * 90),
  '//localhost/tp/track.gif': (res) => {
    res.writeHead(200, { 'content-type': 'image/gif', 'set-cookie': 'IDE=1; Path=/; Max-Age=3600; SameSite=None; Secure' });
    res.end();
  },
}));

/** The config of the correctly gated shop: every cookie it sets, in the right category. */
export const GATED_CONFIG = {
  revision: 1,
  categories: [
    {
      id: 'necessary',
      services: [{
        id: 'shop', name: 'Shop', provider: 'The shop', purpose: 'The basket', essential: true, reason: 'The basket needs it',
        cookies: [{ name: 'shop_session', purpose: 'Keeps the basket', duration: 'Session' }],
      }],
    },
    {
      id: 'analytics',
      services: [{
        id: 'ga', name: 'Google Analytics', provider: 'Google Ireland Ltd.', purpose: 'Statistics',
        cookies: [
          { name: '_ga', purpose: 'Tells visitors apart', duration: '13 months' },
          { name: '_ga_*', pattern: '_ga_*', purpose: 'Session state', duration: '13 months' },
        ],
      }],
    },
  ],
};

const GATED_GA = `<script type="text/plain" data-samtykke-category="analytics" data-samtykke-service="ga" data-src="/ga.js"></script>`;

/** A shop that runs Samtykke and gates its analytics correctly: no findings. */
export const gatedSite = /** @type {import('./fixture-sites.js').Pages} */ (() => {
  /** A page whose response sets the necessary session cookie, as a shop's server does. */
  const page = (/** @type {string} */ title, body = '') => (/** @type {import('node:http').ServerResponse} */ res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'shop_session=1; Path=/; HttpOnly; SameSite=Lax' });
    res.end(samtykkePage(title, GATED_CONFIG, `${GATED_GA}${body}`));
  };
  return {
    '/': page('Shop', '<a href="/shop">Products</a>'),
    '/shop': page('Products', '<a href="/">Home</a>'),
    '/ga.js': `${cookieScript('_ga', 86400 * 395)}${cookieScript('_ga_ABC123', 86400 * 395)}`,
  };
});

/**
 * The config of the shop whose reject-all still sets `_gid`: it also lists a cookie no page
 * sets, misses one a page does set, and puts a service in `necessary` without `essential`.
 */
export const LEAKY_CONFIG = {
  revision: 1,
  categories: [
    { id: 'necessary', services: [{ id: 'chat', name: 'Chat', provider: 'Chat Ltd.', purpose: 'Support chat', cookies: [] }] },
    {
      id: 'analytics',
      services: [{
        id: 'ga', name: 'Google Analytics', provider: 'Google Ireland Ltd.', purpose: 'Statistics',
        cookies: [
          { name: '_gid', purpose: 'Tells visitors apart', duration: '1 day' },
          { name: '_gat', purpose: 'Throttles requests', duration: '1 minute' },
        ],
      }],
    },
  ],
};

/**
 * A shop that runs Samtykke but starts its analytics on any decision, a refusal included
 * (a listener on samtykke-change that forgets to look at the choice, and loads a moment
 * later); its gated Hotjar sets a cookie the config does not list, so withdrawal leaves it.
 */
export const leakyRejectSite = /** @type {import('./fixture-sites.js').Pages} */ (() => ({
  '/': samtykkePage('Shop', LEAKY_CONFIG, `<script>document.addEventListener('samtykke-change', () => setTimeout(() => { ${cookieScript('_gid', 86400)} }, 50));</script>
<script type="text/plain" data-samtykke-category="analytics" data-samtykke-service="ga">${cookieScript('_hjSessionUser_42', 86400 * 365)}</script>`),
}));

/** A site to crawl: robots.txt, a sitemap, a page that never answers, and more pages than the limit. */
export const crawlSite = /** @type {import('./fixture-sites.js').Pages} */ (({ origin }) => {
  const many = Array.from({ length: 30 }, (_, i) => `<a href="/p${i + 1}">Page ${i + 1}</a>`).join(' ');
  /** @type {Record<string, string | ((res: import('node:http').ServerResponse) => void)>} */
  const pages = {
    '/': plainPage('Home', `<a href="/private/admin">Admin</a> <a href="/hang">Slow</a> ${many}`),
    '/robots.txt': 'User-agent: *\nDisallow: /private\n',
    '/sitemap.xml': `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/from-sitemap</loc></url><url><loc>https://elsewhere.example/x</loc></url></urlset>`,
    '/from-sitemap': plainPage('Only in the sitemap'),
    '/private/admin': plainPage('Admin'),
    // Never answers: the page's time limit must end the visit.
    '/hang': () => {},
  };
  for (let i = 1; i <= 30; i++) pages[`/p${i}`] = plainPage(`Page ${i}`);
  return pages;
});
