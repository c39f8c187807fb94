// End to end: dist/samtykke.js in real page loads with real response headers (strict CSP,
// defer vs async, loaded twice, nonces, cookie clean-up across domains). Needs the bundle
// built first (`npx rollup -c`; `npm test` builds before running this).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { chromium } from 'playwright-core';

const ROOT = new URL('../../', import.meta.url);
const BUNDLE = new URL('dist/samtykke.js', ROOT);
const FIXTURES = new URL('fixtures/', import.meta.url);
const STRICT = "default-src 'self'";
const NONCE = 'r4nd0m-n0nce';

const CONFIG = {
  revision: 1,
  language: 'da',
  categories: [
    { id: 'necessary' },
    {
      id: 'analytics',
      services: [
        {
          id: 'ga',
          name: 'Google Analytics',
          provider: 'Google Ireland Ltd.',
          purpose: 'Statistik',
          cookies: [
            { name: '_ga', path: '/shop', purpose: 'Skelner besøgende', duration: '2 år' },
            { name: '_ga_<id>', pattern: '^_ga_', path: '/shop', purpose: 'Sessionsstatus', duration: '2 år' },
          ],
        },
      ],
    },
    { id: 'marketing', services: [{ id: 'youtube', name: 'YouTube', provider: 'Google Ireland Ltd.', purpose: 'Videoer' }] },
  ],
};

const page = (head, body = '', lang = 'da') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Gating test</title>
<script type="application/json" id="samtykke-config">${JSON.stringify({ ...CONFIG, language: 'auto' })}</script>${head}</head><body><h1>Shop</h1>${body}</body></html>`;
const gated = (src, category = 'analytics') => `<script type="text/plain" data-samtykke-category="${category}" data-src="${src}"></script>`;
const video = '<iframe data-samtykke-category="marketing" data-samtykke-service="youtube" data-src="/fixtures/frame.html" title="Video om kaffe"></iframe>';

/** path → [CSP header, HTML]. */
const PAGES = {
  '/strict.html': [STRICT, page('<script src="/dist/samtykke.js" defer></script>', gated('/fixtures/gated.js') + video)],
  '/violating.html': [STRICT, page('<script>window.inlineRan = true</script>')],
  '/defer.html': [STRICT, page('<script src="/dist/samtykke.js" defer></script>', gated('/fixtures/order-a.js') + gated('/fixtures/order-c.js'))],
  '/async.html': [STRICT, page('<script src="/dist/samtykke.js" async></script>', gated('/fixtures/order-a.js') + gated('/fixtures/order-c.js'))],
  '/twice.html': [
    STRICT,
    page('<script src="/dist/samtykke.js" defer></script><script src="/dist/samtykke.js" async></script>', gated('/fixtures/gated.js')),
  ],
  '/nonce.html': [
    `${STRICT}; script-src 'self' 'nonce-${NONCE}'`,
    page(
      '<script src="/dist/samtykke.js" defer></script>',
      `<script type="text/plain" nonce="${NONCE}" data-samtykke-category="analytics">window.inlineRuns = (window.inlineRuns || 0) + 1</script>`,
    ),
  ],
  '/shop/clean.html': [STRICT, page('<script src="/dist/samtykke.js" defer></script>')],
  // The page's language picks the strings; only that language's file is fetched.
  '/lang-da.html': [STRICT, page('<script src="/dist/samtykke.js" defer></script>')],
  '/lang-de.html': [STRICT, page('<script src="/dist/samtykke.js" defer></script>', '', 'de-AT')],
  '/lang-nb.html': [STRICT, page('<script src="/dist/samtykke.js" defer></script>', '', 'nn')],
  // The site signs its own markup with a nonce; 'strict-dynamic' trusts what a signed script creates.
  '/strict-dynamic.html': [
    `script-src 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`,
    page(
      `<script src="/dist/samtykke.js" nonce="${NONCE}" defer></script>`,
      `<script type="text/plain" nonce="${NONCE}" data-samtykke-category="analytics">window.signedRuns = (window.signedRuns || 0) + 1</script>` +
        // What an attacker's injected markup looks like: gated, but never signed by the site.
        '<div id="comment"><script type="text/plain" data-samtykke-category="necessary">window.injectedRuns = (window.injectedRuns || 0) + 1</script>' +
        '<script type="text/plain" data-samtykke-category="necessary" data-src="/fixtures/gated.js"></script></div>',
    ),
  ],
  // Trusted Types enforced; the page allows Lit's policy and Samtykke's.
  '/trusted-types.html': [
    `${STRICT}; script-src 'self' 'nonce-${NONCE}'; require-trusted-types-for 'script'; trusted-types lit-html samtykke`,
    page(
      '<script src="/dist/samtykke.js" defer></script>',
      gated('/fixtures/gated.js') +
        `<script type="text/plain" nonce="${NONCE}" data-samtykke-category="analytics">window.inlineRuns = (window.inlineRuns || 0) + 1</script>`,
    ),
  ],
  // Trusted Types enforced, and Samtykke's policy not allowed: the layers work, gated scripts cannot.
  '/trusted-types-refused.html': [
    `${STRICT}; script-src 'self' 'nonce-${NONCE}'; require-trusted-types-for 'script'; trusted-types lit-html`,
    page(
      '<script src="/dist/samtykke.js" defer></script>',
      // Signed, so only Trusted Types can stop it.
      `<script type="text/plain" nonce="${NONCE}" data-samtykke-category="analytics">window.inlineRuns = (window.inlineRuns || 0) + 1</script>`,
    ),
  ],
};

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8' };

/** Serves the pages above, /dist/* and /fixtures/*, each with the page's CSP; nothing else. */
function serve(req, res) {
  const path = new URL(req.url, 'http://x').pathname;
  const send = (status, body, type, csp = STRICT) => {
    res.writeHead(status, { 'content-type': type, 'content-security-policy': csp, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (PAGES[path]) return send(200, PAGES[path][1], TYPES['.html'], PAGES[path][0]);
  const file = /^\/(dist|fixtures)\/([\w.-]+\.(js|html))$/.exec(path);
  if (!file) return send(404, 'not found', 'text/plain');
  const base = file[1] === 'dist' ? new URL('dist/', ROOT) : FIXTURES;
  readFile(new URL(file[2], base)).then(
    (body) => send(200, body, TYPES[`.${file[3]}`]),
    () => send(404, 'not found', 'text/plain'),
  );
}

/** A current accept-all record, as the widget writes it. */
function consentCookie(origin) {
  const now = new Date().toISOString();
  const record = {
    v: 1,
    id: '0b6c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
    rev: 1,
    policy: 'x',
    given: now,
    updated: now,
    method: 'accept-all',
    categories: { necessary: true, analytics: true, marketing: true },
    services: { ga: true, youtube: true },
  };
  return { name: 'samtykke', value: encodeURIComponent(JSON.stringify(record)), url: `${origin}/` };
}

/** Records every CSP violation and samtykke-ready, before any page script runs. */
function probe() {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.readyEvents = 0;
  document.addEventListener('samtykke-ready', () => window.readyEvents++);
}

let browser;
let server;
let origin;

before(async () => {
  assert.ok(existsSync(BUNDLE), 'dist/samtykke.js is missing: run `npx rollup -c` first');
  server = http.createServer(serve);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      // A host with parent domains, served locally. The store needs crypto.randomUUID, which only
      // secure contexts have, and 127.0.0.1 is one while a plain-http name is not.
      '--host-resolver-rules=MAP shop.example.test 127.0.0.1',
      `--unsafely-treat-insecure-origin-as-secure=${origin.replace('127.0.0.1', 'shop.example.test')}`,
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** A fresh browser context (own cookie jar) with the probe installed; CSP messages are collected too. */
async function open(path, { consent = false, host } = {}) {
  const base = host ? origin.replace('127.0.0.1', host) : origin;
  const context = await browser.newContext();
  await context.addInitScript(probe);
  if (consent) await context.addCookies([consentCookie(base)]);
  const tab = await context.newPage();
  const cspConsole = [];
  const errors = [];
  tab.on('console', (m) => {
    if (/Content Security Policy|Trusted Type/i.test(m.text())) cspConsole.push(m.text());
    if (m.type() === 'error') errors.push(m.text());
  });
  tab.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await tab.goto(base + path);
  return { context, tab, cspConsole, errors };
}

describe('dist/samtykke.js in real page loads', () => {
  test('the CSP probe sees a violation when there is one (control for COMPLIANCE 1 tests)', async () => {
    const { context, tab } = await open('/violating.html');
    await tab.waitForLoadState('load');
    assert.ok((await tab.evaluate(() => window.violations.length)) >= 1);
    assert.equal(await tab.evaluate(() => window.inlineRan), undefined);
    await context.close();
  });

  test("works under Content-Security-Policy: default-src 'self' with zero violations, from first view to accept-all (COMPLIANCE 1, 2)", async () => {
    const { context, tab, cspConsole } = await open('/strict.html');
    const accept = tab.locator('samtykke-banner [data-action="accept-all"]');
    await accept.waitFor();
    assert.equal(await tab.evaluate(() => window.__gatedRuns), undefined, 'nothing gated runs before a choice');
    const frame = tab.locator('iframe[data-samtykke-service="youtube"]');
    assert.equal(await frame.getAttribute('src'), null);
    await tab.locator('samtykke-embed [part="allow"]').waitFor();
    await accept.click();
    await tab.waitForFunction(() => window.__gatedRuns === 1);
    assert.equal(await frame.getAttribute('src'), '/fixtures/frame.html');
    await tab.frameLocator('iframe[data-samtykke-service="youtube"]').locator('text=frame loaded').waitFor();
    assert.equal(await tab.locator('samtykke-embed').count(), 0);
    assert.deepEqual(await tab.evaluate(() => window.violations), []);
    assert.deepEqual(cspConsole, []);
    await context.close();
  });

  for (const mode of ['defer', 'async']) {
    test(`works loaded with ${mode}: stored consent runs gated scripts in order after the Consent Mode default (COMPLIANCE 19, 34)`, async () => {
      const { context, tab } = await open(`/${mode}.html`, { consent: true });
      await tab.waitForFunction(() => window.__order?.length === 2);
      assert.deepEqual(await tab.evaluate(() => window.__order), ['ext-a', 'ext-c']);
      const pushes = await tab.evaluate(() => window.dataLayer.map((a) => `${a[0]} ${a[1]}`));
      assert.deepEqual(pushes, ['consent default', 'consent update']);
      assert.equal(await tab.locator('samtykke-banner').count(), 0);
      assert.deepEqual(await tab.evaluate(() => window.violations), []);
      await context.close();
    });

    test(`works loaded with ${mode}: without consent the banner shows and nothing gated runs (COMPLIANCE 1, 2)`, async () => {
      const { context, tab } = await open(`/${mode}.html`);
      await tab.locator('samtykke-banner [data-action="reject-all"]').waitFor();
      assert.equal(await tab.evaluate(() => window.__order), undefined);
      assert.deepEqual(await tab.evaluate(() => window.violations), []);
      await context.close();
    });
  }

  test('loaded twice, it initialises once: one ready event, one banner, one default, gated code runs once (COMPLIANCE 1)', async () => {
    const { context, tab } = await open('/twice.html');
    await tab.locator('samtykke-banner [data-action="accept-all"]').waitFor();
    await tab.waitForLoadState('load');
    assert.equal(await tab.evaluate(() => document.querySelectorAll('script[src="/dist/samtykke.js"]').length), 2);
    assert.equal(await tab.evaluate(() => window.readyEvents), 1);
    assert.equal(await tab.locator('samtykke-banner').count(), 1);
    assert.equal(await tab.evaluate(() => window.dataLayer.filter((a) => a[1] === 'default').length), 1);
    await tab.locator('samtykke-banner [data-action="accept-all"]').click();
    await tab.waitForFunction(() => window.__gatedRuns === 1);
    assert.equal(await tab.evaluate(() => window.dataLayer.filter((a) => a[1] === 'update').length), 1);
    assert.equal(await tab.evaluate(() => window.__gatedRuns), 1);
    await context.close();
  });

  test('carries a hidden nonce over, so a gated inline script runs under a nonce CSP (COMPLIANCE 1)', async () => {
    const { context, tab, cspConsole } = await open('/nonce.html', { consent: true });
    await tab.waitForFunction(() => window.inlineRuns === 1);
    // The browser hides the nonce attribute; only the property could have carried it.
    assert.equal(await tab.evaluate(() => document.querySelector('script[data-samtykke-category]').getAttribute('nonce')), '');
    assert.deepEqual(await tab.evaluate(() => window.violations), []);
    assert.deepEqual(cspConsole, []);
    await context.close();
  });

  test('deletes a withdrawn category\'s cookies on the host, its parent domains and the configured path (COMPLIANCE 22)', async () => {
    const { context, tab } = await open('/shop/clean.html', { consent: true, host: 'shop.example.test' });
    await tab.waitForFunction(() => window.readyEvents === 1);
    await tab.evaluate(() => {
      for (const c of [
        '_ga=host;path=/',
        '_ga=sub;path=/;domain=shop.example.test',
        '_ga=parent;path=/;domain=example.test',
        '_ga=shop;path=/shop',
        '_ga=parentshop;path=/shop;domain=example.test',
        '_ga_ABC123=pattern;path=/shop;domain=example.test',
        '_ga_DEF456=pattern;path=/',
        'keep=1;path=/;domain=example.test',
      ])
        document.cookie = c;
    });
    const jar = async () => (await context.cookies()).map((c) => `${c.name}@${c.domain}${c.path}`).sort();
    assert.deepEqual(await jar(), [
      '_ga@.example.test/',
      '_ga@.example.test/shop',
      '_ga@.shop.example.test/',
      '_ga@shop.example.test/',
      '_ga@shop.example.test/shop',
      '_ga_ABC123@.example.test/shop',
      '_ga_DEF456@shop.example.test/',
      'keep@.example.test/',
      'samtykke@shop.example.test/',
    ]);
    await tab.evaluate(() => window.Samtykke.withdraw());
    assert.deepEqual(await jar(), ['keep@.example.test/', 'samtykke@shop.example.test/']);
    await context.close();
  });

  test("under a nonce CSP with 'strict-dynamic', the UI loads with the loader's nonce and only signed gated scripts run; injected ones are reported, never run", async () => {
    const { context, tab, cspConsole, errors } = await open('/strict-dynamic.html');
    const accept = tab.locator('samtykke-banner [data-action="accept-all"]');
    await accept.waitFor();
    // Necessary needs no consent, yet the unsigned "necessary" scripts stayed inert.
    assert.equal(await tab.evaluate(() => window.injectedRuns), undefined);
    assert.equal(await tab.evaluate(() => window.__gatedRuns), undefined);
    // Markup injected later is refused the same way.
    await tab.evaluate(() =>
      document.getElementById('comment').insertAdjacentHTML('beforeend', '<script type="text/plain" data-samtykke-category="necessary">window.injectedRuns = 99</script>'),
    );
    await accept.click();
    await tab.waitForFunction(() => window.signedRuns === 1);
    await tab.waitForTimeout(200);
    assert.equal(await tab.evaluate(() => window.injectedRuns), undefined);
    assert.equal(await tab.evaluate(() => window.__gatedRuns), undefined);
    const refusals = errors.filter((e) => e.includes("without the page's nonce"));
    assert.equal(refusals.length, 3, errors.join('\n'));
    assert.deepEqual(await tab.evaluate(() => window.violations), []);
    assert.deepEqual(cspConsole, []);
    await context.close();
  });

  test("under require-trusted-types-for 'script', the layers render through Lit's policy and gated scripts run through Samtykke's, with zero violations", async () => {
    const { context, tab, cspConsole, errors } = await open('/trusted-types.html');
    const accept = tab.locator('samtykke-banner [data-action="accept-all"]');
    await accept.waitFor();
    await accept.click();
    await tab.waitForFunction(() => window.__gatedRuns === 1 && window.inlineRuns === 1);
    // The preference centre renders too (a template of its own, first made now).
    await tab.evaluate(() => window.Samtykke.showPreferences());
    await tab.locator('samtykke-preferences dialog[open]').waitFor();
    assert.deepEqual(await tab.evaluate(() => window.violations), []);
    assert.deepEqual(cspConsole, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('where the page does not allow the samtykke policy, the choice is still stored and a clear console error says what to allow; nothing gated runs', async () => {
    const { context, tab, errors } = await open('/trusted-types-refused.html');
    const accept = tab.locator('samtykke-banner [data-action="accept-all"]');
    await accept.waitFor();
    await accept.click();
    await tab.waitForFunction(() => window.Samtykke.getConsent()?.method === 'accept-all');
    assert.ok((await context.cookies()).some((c) => c.name === 'samtykke'));
    assert.equal(await tab.evaluate(() => window.inlineRuns), undefined);
    assert.ok(errors.some((e) => e.includes('allow the policy "samtykke"')), errors.join('\n'));
    assert.equal(errors.filter((e) => e.startsWith('uncaught')).length, 0, errors.join('\n'));
    await context.close();
  });

  for (const [path, lang, title] of [
    ['/lang-da.html', 'da', 'Vi bruger cookies'],
    ['/lang-de.html', 'de', null],
    ['/lang-nb.html', 'nb', null],
  ])
    test(`a first view of <html lang> ${path.slice(6, 8)} shows ${lang} and fetches ${lang === 'da' ? 'no language file' : `only samtykke-ui.${lang}.js`} (COMPLIANCE 2, 41)`, async () => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const fetched = [];
      tab.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await tab.goto(origin + path);
      const heading = tab.locator('samtykke-banner h2');
      await heading.waitFor();
      const expected = title ?? JSON.parse(await readFile(new URL(`locales/ui.${lang}.json`, ROOT), 'utf8')).banner.title;
      assert.equal(await heading.textContent(), expected);
      assert.equal(await tab.locator('samtykke-banner').getAttribute('lang'), lang);
      const languageFiles = fetched.filter((p) => /^\/dist\/samtykke-ui\.[a-z]+\.js$/.test(p));
      assert.deepEqual(languageFiles, lang === 'da' ? [] : [`/dist/samtykke-ui.${lang}.js`]);
      assert.ok(fetched.includes('/dist/samtykke-ui.js'));
      await context.close();
    });
});
