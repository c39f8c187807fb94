// @ts-check
// The scanner's pure parts: the Open Cookie Database lookup, robots.txt and sitemaps, the
// config skeleton's durations. No browser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Classifier, declaredCookies, isThirdParty } from '../../scanner/classify.js';
import { durationText } from '../../scanner/config-skeleton.js';
import { CookieDatabase, loadDatabase, parseCsv } from '../../scanner/cookie-database.js';
import { CrawlQueue, parseRobots, parseSitemap, robotsAllows } from '../../scanner/crawl.js';
import { findFindings } from '../../scanner/findings.js';

const database = new CookieDatabase();

describe('the Open Cookie Database', () => {
  test('reads the shipped CSV, quoted fields with commas included', () => {
    const entries = loadDatabase();
    assert.ok(entries.length > 2000);
    const shopify = entries.find((e) => e.name === 'shopify_pay_redirect');
    assert.equal(shopify?.retention, '30 minutes, 3w or 1y depending on value');
    assert.deepEqual(parseCsv('a,"b ""c"", d"\r\n1,2\r\n'), [['a', 'b "c", d'], ['1', '2']]);
  });

  test('maps its categories onto Samtykke\'s', () => {
    const csv = `ID,Platform,Category,Cookie / Data Key name,Domain,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match
1,P,Functional,f,,1 day,C,,0
2,P,Analytics,a,,1 day,C,,0
3,P,Marketing,m,,1 day,C,,0
4,P,Security,s,,1 day,C,,0
5,P,Necessary,n,,1 day,C,,0
6,P,Personalization,p,,1 day,C,,0
7,P,Other,o,,1 day,C,,0`;
    const db = new CookieDatabase(loadDatabase(csv));
    assert.deepEqual(['f', 'a', 'm', 's', 'n', 'p', 'o'].map((n) => db.lookup(n)?.entry.category ?? null),
      ['functional', 'analytics', 'marketing', 'necessary', 'necessary', 'functional', null]);
  });

  test('matches the exact name first, then the longest wildcard prefix', () => {
    assert.deepEqual([database.lookup('_ga')?.match, database.lookup('_ga')?.entry.name], ['exact', '_ga']);
    assert.deepEqual([database.lookup('_ga_ABC123')?.match, database.lookup('_ga_ABC123')?.entry.name], ['wildcard', '_ga_']);
    // _gat_gtag_ is a longer wildcard than _gat.
    assert.equal(database.lookup('_gat_gtag_UA_1')?.entry.name, '_gat_gtag_');
    assert.equal(database.lookup('no_such_cookie_here'), null);
  });

  test('knows Samtykke\'s own cookie and outbox, and leaves the unknown unclassified', () => {
    const classifier = new Classifier(database, { consentCookie: 'consent', declared: [] });
    assert.deepEqual([classifier.classify('consent').category, classifier.classify('consent').source], ['necessary', 'samtykke']);
    assert.equal(classifier.classify('samtykke-outbox', '', 'storage').source, 'samtykke');
    assert.equal(classifier.classify('samtykke').category, 'unclassified');
  });

  test('takes the site config\'s category only for what the database does not know', () => {
    const config = { categories: [{ id: 'necessary', services: [{ id: 's', cookies: [{ name: 'shop_basket_id' }, { name: '_ga' }] }] }, { id: 'analytics', services: [{ id: 'x', cookies: [{ name: 'x', pattern: '^x_' }] }] }] };
    const classifier = new Classifier(database, { consentCookie: 'samtykke', declared: declaredCookies(config) });
    assert.deepEqual([classifier.classify('shop_basket_id').category, classifier.classify('shop_basket_id').source], ['necessary', 'config']);
    assert.deepEqual([classifier.classify('_ga').category, classifier.classify('_ga').declared?.category], ['analytics', 'necessary']);
    assert.equal(classifier.classify('x_1').declared?.service, 'x');
  });

  test('tells third parties by site, not by host', () => {
    assert.equal(isThirdParty('.shop.example.dk', 'www.example.dk'), false);
    assert.equal(isThirdParty('localhost', '127.0.0.1'), true);
    assert.equal(isThirdParty('ads.example.co.uk', 'shop.other.co.uk'), true);
  });
});

describe('robots.txt and sitemaps', () => {
  const robots = parseRobots(`# comment
User-agent: googlebot
Disallow: /

User-agent: *
Disallow: /private
Allow: /private/open
Disallow: /*.pdf$
Sitemap: https://shop.test/sitemap-index.xml`);

  test('reads the * group, longest rule winning, with * and $', () => {
    assert.equal(robotsAllows(robots.rules, '/'), true);
    assert.equal(robotsAllows(robots.rules, '/private/x'), false);
    assert.equal(robotsAllows(robots.rules, '/private/open/x'), true);
    assert.equal(robotsAllows(robots.rules, '/a/b.pdf'), false);
    assert.equal(robotsAllows(robots.rules, '/a/b.pdf?x'), true);
    assert.deepEqual(robots.sitemaps, ['https://shop.test/sitemap-index.xml']);
  });

  test('prefers a group naming samtykke', () => {
    assert.deepEqual(parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: Samtykke\nDisallow: /x').rules, [{ allow: false, path: '/x' }]);
  });

  test('reads a sitemap and a sitemap index', () => {
    assert.deepEqual(parseSitemap('<urlset><url><loc> https://a.test/?a=1&amp;b=2 </loc></url></urlset>'), { pages: ['https://a.test/?a=1&b=2'], sitemaps: [] });
    assert.deepEqual(parseSitemap('<sitemapindex><sitemap><loc>https://a.test/s1.xml</loc></sitemap></sitemapindex>'), { pages: [], sitemaps: ['https://a.test/s1.xml'] });
  });

  test('queues each same-origin page once, up to the limit', () => {
    const queue = new CrawlQueue(new URL('http://a.test/'), robots.rules, 2);
    for (const href of ['http://a.test/', 'http://a.test/#top', 'http://b.test/', 'mailto:x@a.test', 'http://a.test/private/y', 'http://a.test/price-list.PDF', 'http://a.test/1', 'http://a.test/2'])
      queue.add(href);
    assert.deepEqual([queue.next(), queue.next(), queue.next()], ['http://a.test/', 'http://a.test/1', undefined]);
    assert.deepEqual(queue.disallowed, ['http://a.test/private/y']);
  });
});

describe('durations in the config skeleton', () => {
  test('from the observed expiry, in Danish and English', () => {
    assert.deepEqual(durationText(null), { da: 'Sessionen (til browseren lukkes)', en: 'Session (until the browser closes)' });
    assert.deepEqual(durationText(1 / 1440), { da: '1 minut', en: '1 minute' });
    assert.deepEqual(durationText(1 / 24), { da: '1 time', en: '1 hour' });
    assert.deepEqual(durationText(30), { da: '30 dage', en: '30 days' });
    assert.deepEqual(durationText(400), { da: '13 måneder', en: '13 months' });
    assert.deepEqual(durationText(730), { da: '2 år', en: '2 years' });
  });
});

describe('findings', () => {
  test('a host given with --allow-host may be contacted before consent; others may not', () => {
    const visit = {
      url: 'http://shop.test/', cookiesAfter: [], storage: { local: ['theme'], session: [] }, consoleErrors: [],
      thirdPartyRequests: ['https://fonts.cdn.test/a.woff2', 'https://ads.test/p.gif'], thirdPartyRequestsAfterDecision: [],
    };
    const findings = findFindings({ cookies: [] }, {
      visits: /** @type {any} */ ({ before: [visit], reject: [], accept: [] }), withdrawVisit: null, rawConfig: null, declared: [],
      classifier: new Classifier(database, { consentCookie: 'samtykke', declared: [] }), allowHosts: ['cdn.test'], passes: ['before'],
    });
    // An unknown storage key ("theme") is listed in the report, but is no finding.
    assert.deepEqual(findings.map((f) => [f.kind, f.subject, f.name]), [['before-consent', 'request', 'ads.test']]);
  });
});
