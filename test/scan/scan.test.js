// @ts-check
// The scanner end to end: the real `bin/samtykke.js` as a child process against fixture
// sites on 127.0.0.1, in the system's Chromium. Needs the bundle built (`npx rollup -c`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { chromium } from 'playwright-core';
import { patternMatches } from '../../scanner/classify.js';
import { parseCommandLine } from '../../scanner/cli.js';
import { serveSite } from './fixture-sites.js';
import { crawlSite, gatedSite, leakyRejectSite, violatingSite } from './sites.js';

const BIN = fileURLToPath(new URL('../../bin/samtykke.js', import.meta.url));

/**
 * Runs the command and resolves with its exit code and output (never rejects on a non-zero code).
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export const run = (args, env = process.env) =>
  new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, timeout: 90_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 99) : 0, stdout, stderr }));
  });

/** @type {string} */
let dir;
/** The scans of the sites, kept for the tests of their outputs. */
const scans = /** @type {Record<string, Awaited<ReturnType<typeof scanSite>>>} */ ({});
before(async () => {
  assert.ok(existsSync(new URL('../../dist/samtykke.js', import.meta.url)), 'dist/samtykke.js is missing: run `npx rollup -c` first');
  dir = await mkdtemp(join(tmpdir(), 'samtykke-scan-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** Scans a fixture site with every output; resolves with the exit code and the parsed outputs. */
async function scanSite(/** @type {import('./fixture-sites.js').Pages} */ pages, /** @type {string} */ name, extra = /** @type {string[]} */ ([])) {
  const site = await serveSite(pages);
  const files = { json: join(dir, `${name}.json`), html: join(dir, `${name}.html`), config: join(dir, `${name}.config.json`) };
  try {
    const result = await run(['scan', `${site.origin}/`, '--json', files.json, '--html', files.html, '--config-out', files.config, ...extra]);
    const read = async (/** @type {string} */ f) => (existsSync(f) ? readFile(f, 'utf8') : null);
    const json = await read(files.json);
    return { ...result, site, files, report: json ? JSON.parse(json) : null, config: JSON.parse((await read(files.config)) ?? 'null') };
  } finally {
    await site.close();
  }
}

/** The report's finding of `kind` about `name`, if any. */
const finding = (/** @type {any} */ report, /** @type {string} */ kind, /** @type {string} */ name) =>
  report.findings.find((/** @type {any} */ f) => f.kind === kind && f.name === name);
const cookie = (/** @type {any} */ report, /** @type {string} */ name) => report.cookies.find((/** @type {any} */ c) => c.name === name);

describe('a site that sets cookies before consent', () => {
  /** @type {Awaited<ReturnType<typeof scanSite>>} */
  let scan;
  before(async () => {
    scan = scans.violating = await scanSite(violatingSite, 'violating');
  });

  test('exits 1 and reports the analytics cookie, the tracker cookie and the tracker request before consent', () => {
    assert.equal(scan.code, 1, scan.stderr);
    const { report } = scan;
    assert.equal(report.schemaVersion, 1);
    const ga = finding(report, 'before-consent', '_ga');
    assert.equal(ga?.category, 'analytics');
    assert.equal(ga.page, `${scan.site.origin}/`);
    assert.equal(finding(report, 'before-consent', '_fbp')?.category, 'marketing');
    const host = new URL(scan.site.thirdParty).host;
    assert.equal(finding(report, 'before-consent', host)?.subject, 'request');
    assert.equal(finding(report, 'before-consent', '_hjid')?.subject, 'storage');
    // An unknown cookie needs consent too, as far as the scanner can tell.
    assert.equal(finding(report, 'before-consent', 'shop_pref')?.category, 'unclassified');
    assert.match(scan.stdout, /before-consent\s+cookie\s+_ga\s+analytics/);
  });

  test('records who set each cookie: the tracker script on the other site, the page\'s own script', () => {
    const fbp = cookie(scan.report, '_fbp');
    assert.deepEqual(fbp.setBy, { via: 'document.cookie', url: `${scan.site.thirdParty}/tp/pixel.js`, page: `${scan.site.origin}/` });
    assert.equal(cookie(scan.report, '_ga').setBy.url, `${scan.site.origin}/`);
    assert.equal(fbp.domain, '127.0.0.1');
    assert.equal(fbp.party, 'first');
    assert.equal(fbp.classification.platform, 'Facebook');
    assert.ok(scan.report.thirdPartyHosts.some((/** @type {any} */ h) => h.urls.includes(`${scan.site.thirdParty}/tp/track.gif`)));
  });

  test('matches _ga_XXXX on the database\'s wildcard prefix _ga_', () => {
    const c = cookie(scan.report, '_ga_XYZ789');
    assert.equal(c.category, 'analytics');
    assert.equal(c.classification.wildcard, true);
    assert.equal(c.classification.databaseName, '_ga_');
    assert.equal(c.classification.platform, 'Google Analytics');
    // _ga itself is an exact match, not the wildcard.
    assert.equal(cookie(scan.report, '_ga').classification.wildcard, false);
  });

  test('runs only the first pass where Samtykke is missing, and says so', () => {
    assert.equal(scan.report.samtykke.detected, false);
    assert.deepEqual(scan.report.samtykke.passes, ['before']);
    assert.match(scan.stdout, /only the pass before any choice/);
    assert.ok(scan.report.pages.every((/** @type {any} */ p) => Object.keys(p.passes).join() === 'before'));
  });

  test('writes a config skeleton with services, a glob pattern for the wildcard and placeholder purposes', () => {
    const ids = scan.config.categories.map((/** @type {any} */ c) => c.id);
    assert.deepEqual(ids, ['necessary', 'functional', 'analytics', 'marketing', 'unclassified']);
    const ga = scan.config.categories[2].services.find((/** @type {any} */ s) => s.name === 'Google Analytics');
    assert.equal(ga.provider, 'Google');
    assert.deepEqual(ga.purpose, { da: 'TODO: beskriv formålet', en: 'TODO: describe the purpose' });
    assert.equal(ga.privacyUrl, 'https://business.safety.google/privacy/');
    assert.deepEqual(ga.cookies.map((/** @type {any} */ c) => [c.name, c.pattern]), [['_ga', undefined], ['_ga_*', '_ga_*']]);
    // Chromium caps a cookie's life at 400 days: 13 months, in both languages.
    assert.deepEqual(ga.cookies[0].duration, { da: '13 måneder', en: '13 months' });
    const fb = scan.config.categories[3].services[0];
    assert.deepEqual([fb.name, fb.cookies[0].name, fb.cookies[0].duration.en], ['Facebook', '_fbp', '3 months']);
  });
});

describe('a site gated correctly with Samtykke', () => {
  /** @type {Awaited<ReturnType<typeof scanSite>>} */
  let scan;
  before(async () => {
    scan = scans.gated = await scanSite(gatedSite, 'gated');
  });

  test('exits 0 with no findings after three passes', () => {
    assert.equal(scan.code, 0, `${scan.stdout}\n${scan.stderr}`);
    assert.deepEqual(scan.report.findings, []);
    assert.equal(scan.report.samtykke.detected, true);
    assert.deepEqual(scan.report.samtykke.passes, ['before', 'reject', 'accept']);
    assert.match(scan.stdout, /No findings\./);
  });

  test('sees the analytics cookies only after accept-all, and withdrawal removes them', () => {
    const ga = cookie(scan.report, '_ga');
    assert.deepEqual([ga.seen.before, ga.seen.reject], [[], []]);
    assert.ok(ga.seen.accept.length > 0);
    assert.equal(ga.setBy.url, `${scan.site.origin}/ga.js`);
    const home = scan.report.pages.find((/** @type {any} */ p) => p.url === `${scan.site.origin}/`);
    assert.deepEqual(home.passes.accept.cookiesSetAfterDecision.sort(), ['_ga', '_ga_ABC123', 'samtykke']);
    assert.deepEqual(home.passes.reject.cookiesSetAfterDecision, ['samtykke']);
    assert.deepEqual(scan.report.withdrawal.cookiesRemoved.sort(), ['_ga', '_ga_ABC123']);
  });

  test('records a response\'s Set-Cookie with its URL, and reads the necessary cookie\'s category from the config', () => {
    const session = cookie(scan.report, 'shop_session');
    assert.equal(session.setBy.via, 'set-cookie');
    assert.equal(session.setBy.url, `${scan.site.origin}/`);
    assert.equal(session.httpOnly, true);
    assert.equal(session.category, 'necessary');
    assert.equal(session.classification.source, 'config');
    const own = cookie(scan.report, 'samtykke');
    assert.deepEqual([own.category, own.classification.source, own.classification.provider], ['necessary', 'samtykke', 'the site']);
  });
});

describe('a site whose reject-all leaves a cookie, and whose config is off', () => {
  /** @type {Awaited<ReturnType<typeof scanSite>>} */
  let scan;
  before(async () => {
    scan = scans.leaky = await scanSite(leakyRejectSite, 'leaky');
  });

  test('exits 1 with the cookie found after reject-all, and nothing before consent', () => {
    assert.equal(scan.code, 1, scan.stderr);
    const f = finding(scan.report, 'survives-reject', '_gid');
    assert.equal(f?.category, 'analytics');
    assert.equal(f.page, `${scan.site.origin}/`);
    assert.equal(f.pass, 'reject');
    assert.equal(f.evidence.setBy.via, 'document.cookie');
    assert.equal(scan.report.findings.filter((/** @type {any} */ x) => x.kind === 'before-consent').length, 0);
  });

  test('finds the cookie withdrawal leaves, missing from the config', () => {
    assert.equal(finding(scan.report, 'survives-withdraw', '_hjSessionUser_42')?.category, 'functional');
    assert.equal(finding(scan.report, 'missing-from-config', '_hjSessionUser_42')?.pass, 'accept');
    assert.ok(scan.report.withdrawal.cookiesLeft.includes('_hjSessionUser_42'));
    // The listener sets _gid again on withdrawal, as on any decision.
    assert.equal(finding(scan.report, 'survives-withdraw', '_gid')?.evidence.setBy.via, 'document.cookie');
  });

  test('finds the listed cookie never seen, and the necessary service without essential: true', () => {
    assert.deepEqual(finding(scan.report, 'listed-not-seen', '_gat')?.evidence, { service: 'ga', pattern: null });
    assert.equal(finding(scan.report, 'necessary-not-essential', 'chat')?.category, 'necessary');
    // Samtykke itself reports the dropped service on the page.
    assert.match(finding(scan.report, 'samtykke-error', 'Samtykke: config problems (defaults used):')?.evidence.console, /categories\[0\]\.services\[0\]/);
  });
});

describe('crawling', () => {
  /** @type {Awaited<ReturnType<typeof scanSite>>} */
  let scan;
  before(async () => {
    scan = await scanSite(crawlSite, 'crawl', ['--pages', '4', '--timeout', '1500']);
  });

  test('visits no more pages than --pages, breadth first, the sitemap\'s page included', () => {
    const paths = scan.report.pages.map((/** @type {any} */ p) => new URL(p.url).pathname);
    assert.deepEqual(paths, ['/', '/from-sitemap', '/hang', '/p1']);
    assert.ok(!scan.site.requests.includes('/p2'));
    assert.deepEqual(scan.report.crawl.sitemaps, [`${scan.site.origin}/sitemap.xml`]);
  });

  test('skips what robots.txt disallows, and says so', () => {
    assert.equal(scan.report.crawl.robots, 'found');
    assert.deepEqual(scan.report.crawl.disallowed, [`${scan.site.origin}/private/admin`]);
    assert.ok(!scan.site.requests.includes('/private/admin'));
  });

  test('ends a hanging page at its time limit and goes on', () => {
    const hang = scan.report.pages.find((/** @type {any} */ p) => p.url.endsWith('/hang'));
    assert.equal(hang.passes.before.error, 'did not load within 1500 ms');
    assert.ok(hang.passes.before.durationMs < 10_000);
    assert.equal(scan.report.pages.at(-1).passes.before.error, null);
    assert.equal(scan.report.summary.pagesFailed, 1);
    // A failing page is reported, not a finding.
    assert.equal(scan.code, 0, scan.stderr);
    assert.match(scan.stdout, /\/hang \(before\): did not load within 1500 ms/);
  });

  test('--ignore-robots visits the disallowed page', async () => {
    const ignoring = await scanSite(crawlSite, 'crawl-ignore', ['--pages', '3', '--ignore-robots', '--timeout', '1500']);
    assert.equal(ignoring.report.crawl.robots, 'ignored');
    assert.ok(ignoring.report.pages.some((/** @type {any} */ p) => p.url.endsWith('/private/admin')));
    assert.ok(ignoring.site.requests.includes('/private/admin'));
  });

  test('prints one line per page when the output is not a terminal', () => {
    const lines = scan.stderr.split('\n').filter((l) => l.startsWith('[pass 1/1'));
    assert.equal(lines.length, 4);
    assert.match(lines[2], /\/hang failed: did not load within 1500 ms$/);
  });
});

describe('exit code 2', () => {
  test('on a usage error, with the usage', async () => {
    const { code, stderr } = await run(['scan']);
    assert.equal(code, 2);
    assert.match(stderr, /^samtykke: No URL given\.\n\nUsage: samtykke scan <url>/);
    // The other usage errors, read by the same parser in this process.
    for (const args of [['scan', 'ftp://example.test/'], ['scan', 'http://127.0.0.1:1/', '--pages', 'zero'], ['scan', 'http://127.0.0.1:1/', '--pages', '0'], ['crawl', 'http://127.0.0.1:1/'], [], ['scan', 'http://a.test/', '--colour']])
      assert.throws(() => parseCommandLine(args), (/** @type {Error} */ e) => e.constructor.name === 'UsageError', args.join(' '));
    assert.equal(parseCommandLine(['scan', 'http://a.test/', '--pages', '3']).pages, 3);
  });

  test('without a browser, naming the flag', async () => {
    const { code, stderr } = await run(['scan', 'http://127.0.0.1:1/', '--chromium', '/nowhere/chromium']);
    assert.equal(code, 2);
    assert.match(stderr, /No browser at \/nowhere\/chromium .*--chromium PATH/);
  });

  test('where no page can be loaded', async () => {
    const site = await serveSite(() => ({}));
    const { origin } = site;
    await site.close();
    const { code, stdout, stderr } = await run(['scan', `${origin}/`, '--timeout', '3000']);
    assert.equal(code, 2);
    assert.match(stdout, /1 page\(s\), 1 failed/);
    assert.match(stderr, /no page of .* could be loaded/);
  });

  test('where robots.txt disallows the start page', async () => {
    const site = await serveSite(() => ({ '/robots.txt': 'User-agent: *\nDisallow: /\n' }));
    try {
      const { code, stderr } = await run(['scan', `${site.origin}/`]);
      assert.equal(code, 2);
      assert.match(stderr, /robots\.txt disallows .*--ignore-robots/);
    } finally {
      await site.close();
    }
  });
});

describe('the outputs in a browser', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--disable-background-networking', '--disable-component-update'] });
  });
  after(() => browser?.close());

  test('the generated config loads into Samtykke without a single config problem and lists every cookie the scan saw', async () => {
    const schema = JSON.parse(await readFile(new URL('../../samtykke.config.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv({ allErrors: true });
    // VS Code's keyword for descriptions in Markdown, which the config's schema carries; it validates nothing.
    ajv.addVocabulary(['markdownDescription']);
    const validate = ajv.compile(schema);
    for (const name of ['violating', 'gated', 'leaky']) {
      const { config, report } = scans[name];
      assert.ok(validate(config), `${name}: ${JSON.stringify(validate.errors)}`);
      const site = await serveSite(() => ({
        '/': `<!doctype html><html lang="en"><head><title>Config</title><script type="application/json" id="samtykke-config">${JSON.stringify(config)}</script><script src="/samtykke.js" defer></script></head><body></body></html>`,
        '/favicon.ico': '',
      }));
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        /** @type {string[]} */
        const errors = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`${site.origin}/`);
        await page.waitForFunction(() => /** @type {any} */ (window).Samtykke?.controller);
        assert.deepEqual(errors, [], `${name}: ${errors.join('\n')}`);
        // What Samtykke kept of the config after validation: every cookie the scan saw but its own.
        const kept = await page.evaluate(() => /** @type {any} */ (window).Samtykke.controller.config.categories
          .flatMap((/** @type {any} */ c) => c.services.flatMap((/** @type {any} */ s) => s.cookies.map((/** @type {any} */ k) => ({ ...k, category: c.id })))));
        const seen = report.cookies.filter((/** @type {any} */ c) => c.classification.source !== 'samtykke');
        assert.ok(seen.length >= 1, name);
        for (const c of seen) {
          const entry = kept.find((/** @type {any} */ k) => k.name === c.name || (k.pattern && patternMatches(k.pattern, c.name)));
          assert.ok(entry, `${name}: ${c.name} is not in the generated config`);
          assert.equal(entry.category, c.category, `${name}: ${c.name}`);
          assert.equal(entry.purpose.en, 'TODO: describe the purpose');
        }
      } finally {
        await context.close();
        await site.close();
      }
    }
  });

  test('the HTML report passes axe, at a desktop and a phone width', async () => {
    const axe = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
    for (const name of ['violating', 'gated']) {
      const html = await readFile(scans[name].files.html, 'utf8');
      assert.match(html, /<html lang="en">/);
      assert.doesNotMatch(html, /<script|<link|src="http/, 'the report is self-contained and runs nothing');
      for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
        const context = await browser.newContext({ viewport });
        try {
          const page = await context.newPage();
          await page.setContent(html);
          await page.addScriptTag({ content: axe });
          const result = await page.evaluate(() => /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] }));
          assert.deepEqual(result.violations.map((/** @type {any} */ v) => `${v.id}: ${v.nodes.length}`), [], `${name} at ${viewport.width}px`);
          if (name === 'violating') await page.screenshot({ path: `/tmp/scan-report-${viewport.width}.png`, fullPage: viewport.width === 1280 });
        } finally {
          await context.close();
        }
      }
    }
  });

  test('the HTML report has a table per category and a timeline per page', async () => {
    const html = await readFile(scans.violating.files.html, 'utf8');
    for (const id of ['analytics', 'marketing', 'unclassified']) assert.match(html, new RegExp(`<h3 id="category-${id}">`));
    assert.doesNotMatch(html, /id="category-functional"/);
    assert.equal(html.match(/<div class="page">/g)?.length, scans.violating.report.pages.length);
    const gated = await readFile(scans.gated.files.html, 'utf8');
    const row = /<th scope="row">After accept-all<\/th><td>([^]*?)<\/td>/.exec(gated)?.[1] ?? '';
    const [beforeChoice, afterAccept] = row.split('<br>after accept-all: ');
    assert.equal(beforeChoice, 'before the choice: <code>shop_session</code>');
    assert.match(afterAccept, /<code>_ga<\/code>/);
  });
});
