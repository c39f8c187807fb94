// @ts-check
/**
 * `npm run screenshots`: pictures of Samtykke on the demo shop, for the README and the docs.
 *
 * Starts the consent-log service as `npm start` does (the demo, the built widget, a SQLite log
 * in a temporary directory), opens the system's Chromium with playwright-core and writes PNGs
 * to docs/images/:
 *
 *   {banner,preferences,reopen,embed,policy,cookies}-{da,en}-{light,dark}-{desktop,mobile}.png
 *   vanilla-cookieconsent-{banner,preferences}-{da,en}-{light,dark}-{desktop,mobile}.png
 *   banner-desktop.png, preferences-desktop.png (the README's pictures: Danish, light)
 *
 * desktop is 1280×800, mobile 375×667; every picture is the viewport (the reopen button hovered,
 * so its tooltip shows its name). The vanilla-cookieconsent pictures show that library
 * (installed as a dev dependency) on the same shop page with Samtykke's texts, for comparison.
 * English is the demo with `"language": "en"` in its config: the widget and the policy speak
 * English, the shop's own text stays Danish.
 *
 * Arguments filter by name: `npm run screenshots -- banner-da` writes only the pictures whose
 * name contains "banner-da". Needs `npm run build:bundles` first. CHROME_PATH overrides
 * /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp } from '../server/app.js';
import { openStorage } from '../server/storage/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'docs', 'images');
const CC_DIST = join(root, 'node_modules', 'vanilla-cookieconsent', 'dist');

const LANGUAGES = /** @type {const} */ (['da', 'en']);
const SCHEMES = /** @type {const} */ (['light', 'dark']);
const SIZES = { desktop: { width: 1280, height: 800 }, mobile: { width: 375, height: 667 } };
/** The comparison page: the demo shop with vanilla-cookieconsent instead of Samtykke (served by a route, never a file). */
const CC_PAGE = '/demo/vanilla-cookieconsent.html';

/** The cookie page shows the consent's ID and date: fixed, so an unchanged page gives the same picture. */
const CONSENT_ID = '00000000-0000-4000-8000-000000000000';
const NOW = new Date('2026-12-08T10:00:00Z');

const filters = process.argv.slice(2);
const wanted = (/** @type {string} */ name) => filters.length === 0 || filters.some((f) => name.includes(f));

/** @typedef {typeof LANGUAGES[number]} Language */
/** @typedef {{ lang: Language, scheme: typeof SCHEMES[number], size: keyof typeof SIZES }} Variant */

/** @param {Language} lang */
async function uiTexts(lang) {
  return JSON.parse(await readFile(join(root, 'locales', `ui.${lang}.json`), 'utf8'));
}

/** @param {string} name @param {Variant} v */
const fileName = (name, v) => `${name}-${v.lang}-${v.scheme}-${v.size}.png`;

/**
 * Writes one viewport picture, after animations have finished.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function shoot(page, name) {
  await page.screenshot({ path: join(OUT, name), animations: 'disabled', caret: 'hide' });
  console.log(`  ${name}`);
}

/**
 * The demo shop's HTML with vanilla-cookieconsent in place of Samtykke's config and script.
 * @param {string} shop demo/index.html
 */
function comparisonPage(shop) {
  const page = shop
    .replace(/<script type="application\/json" id="samtykke-config">[\s\S]*?<\/script>\s*/, '')
    .replace(/<script src="\/dist\/samtykke\.js"[^>]*><\/script>/, [
      '<link rel="stylesheet" href="/compare/cookieconsent.css">',
      '<script src="/compare/cookieconsent.umd.js" defer></script>',
      '<script src="/compare/cookieconsent-run.js" defer></script>',
    ].join('\n  '));
  if (page === shop || page.includes('samtykke.js')) throw new Error('demo/index.html no longer has the config and script tag this script replaces');
  return page;
}

/**
 * vanilla-cookieconsent's `run()` with Samtykke's texts and the demo's four categories, as a
 * script (the comparison page, like the demo, runs no inline script).
 * @param {Language} lang
 * @param {object} config the demo's Samtykke config
 */
async function comparisonScript(lang, config) {
  const t = await uiTexts(lang);
  const categories = /** @type {{ id: string, services?: { name: string, cookies?: { name: string, purpose: any, duration: any }[] }[] }[]} */ (
    /** @type {any} */ (config).categories
  );
  const localize = (/** @type {any} */ text) => (typeof text === 'string' ? text : text[lang] ?? text.da);
  const cookieTable = (/** @type {typeof categories[number]} */ c) => {
    const rows = (c.services ?? []).flatMap((s) =>
      (s.cookies ?? []).map((k) => ({ name: k.name, service: s.name, purpose: localize(k.purpose), duration: localize(k.duration) })),
    );
    return rows.length
      ? { headers: { name: 'Cookie', service: lang === 'da' ? 'Tjeneste' : 'Service', purpose: lang === 'da' ? 'Formål' : 'Purpose', duration: lang === 'da' ? 'Varighed' : 'Duration' }, body: rows }
      : undefined;
  };
  const policy = `<a href="/demo/privatlivspolitik.html">${t.banner.policyLink}</a>`;
  // The purposes the banner names, as Samtykke's banner lists them.
  const purposes = categories
    .filter((c) => c.id !== 'necessary')
    .map((c) => `<br>• <strong>${t.categories[c.id].title}:</strong> ${t.categories[c.id].description}`)
    .join('');
  const run = {
    // The library hides itself from automated browsers (navigator.webdriver), which this is.
    hideFromBots: false,
    guiOptions: { consentModal: { layout: 'box', position: 'bottom right' }, preferencesModal: { layout: 'box' } },
    categories: Object.fromEntries(categories.map((c) => [c.id, c.id === 'necessary' ? { enabled: true, readOnly: true } : {}])),
    language: {
      default: lang,
      translations: {
        [lang]: {
          consentModal: {
            title: t.banner.title,
            description: `${t.banner.intro}${purposes}<br>${t.banner.withdraw} ${policy}`,
            acceptAllBtn: t.banner.acceptAll,
            acceptNecessaryBtn: t.banner.rejectAll,
            showPreferencesBtn: t.banner.customise,
          },
          preferencesModal: {
            title: t.preferences.title,
            acceptAllBtn: t.banner.acceptAll,
            acceptNecessaryBtn: t.banner.rejectAll,
            savePreferencesBtn: t.preferences.save,
            closeIconLabel: t.preferences.close,
            sections: [
              { description: t.preferences.intro },
              ...categories.map((c) => ({
                title: t.categories[c.id].title,
                description: t.categories[c.id].description,
                linkedCategory: c.id,
                cookieTable: cookieTable(c),
              })),
            ],
          },
        },
      },
    },
  };
  // The library's dark look is a class on <html>; the page follows the emulated colour scheme.
  return `if (matchMedia('(prefers-color-scheme: dark)').matches) document.documentElement.classList.add('cc--darkmode');
CookieConsent.run(${JSON.stringify(run)});\n`;
}

/**
 * Samtykke on the demo: banner, preference centre, then (after "reject all") the reopen button,
 * the embed placeholder, the policy page and the cookie page.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {Variant} v
 */
async function samtykkeShots(browser, origin, v) {
  const names = ['banner', 'preferences', 'reopen', 'embed', 'policy', 'cookies'].map((n) => fileName(n, v));
  if (!names.some(wanted)) return;
  const [banner, preferences, reopen, embed, policy, cookies] = names;
  const t = await uiTexts(v.lang);
  const context = await browser.newContext({ viewport: SIZES[v.size], colorScheme: v.scheme, locale: v.lang === 'da' ? 'da-DK' : 'en-GB' });
  // The demo's pages are Danish (<html lang="da">, which the widget follows); English is the
  // same pages with the config's language set, so the widget and the policy speak English.
  if (v.lang !== 'da')
    await context.route(`${origin}/demo/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const body = (await response.text()).replace('"language": "auto"', `"language": "${v.lang}"`);
      await route.fulfill({ response, body });
    });
  await context.clock.setFixedTime(NOW);
  await context.addInitScript((id) => {
    crypto.randomUUID = () => /** @type {`${string}-${string}-${string}-${string}-${string}`} */ (id);
  }, CONSENT_ID);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  page error on ${page.url()}: ${error.message}`));
  try {
    await page.goto(`${origin}/demo/`);
    const bannerPanel = page.locator('samtykke-banner [part~="base"]');
    await bannerPanel.waitFor();
    if (wanted(banner)) await shoot(page, banner);

    await page.locator('samtykke-banner').getByRole('button', { name: t.banner.customise, exact: true }).click();
    await page.locator('samtykke-preferences dialog[open]').waitFor();
    if (wanted(preferences)) await shoot(page, preferences);
    await page.keyboard.press('Escape');

    await page.locator('samtykke-banner').getByRole('button', { name: t.banner.rejectAll, exact: true }).click();
    // Hovered, so the picture shows the name its tooltip gives it.
    await page.locator('samtykke-reopen button').hover();
    if (wanted(reopen)) await shoot(page, reopen);
    await page.mouse.move(SIZES[v.size].width / 2, 1);

    const placeholder = page.locator('samtykke-embed');
    await placeholder.waitFor();
    await placeholder.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    if (wanted(embed)) await shoot(page, embed);

    for (const [path, name, element] of /** @type {const} */ ([
      ['/demo/privatlivspolitik.html', policy, 'samtykke-privacy-policy article'],
      ['/demo/cookies.html', cookies, 'samtykke-cookie-declaration table'],
    ])) {
      if (!wanted(name)) continue;
      await page.goto(`${origin}${path}`);
      await page.locator(element).first().waitFor();
      await page.locator('samtykke-reopen button').waitFor();
      await shoot(page, name);
    }
  } finally {
    await context.close();
  }
}

/**
 * vanilla-cookieconsent 3.1.0 on the same shop page with the same texts: its banner and its
 * preferences modal.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {Variant} v
 * @param {object} config
 */
async function comparisonShots(browser, origin, v, config) {
  const [banner, preferences] = ['banner', 'preferences'].map((n) => fileName(`vanilla-cookieconsent-${n}`, v));
  if (!wanted(banner) && !wanted(preferences)) return;
  const t = await uiTexts(v.lang);
  const context = await browser.newContext({ viewport: SIZES[v.size], colorScheme: v.scheme, locale: v.lang === 'da' ? 'da-DK' : 'en-GB' });
  const shop = await readFile(join(root, 'demo', 'index.html'), 'utf8');
  await context.route(`${origin}${CC_PAGE}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: comparisonPage(shop) }));
  await context.route(`${origin}/compare/cookieconsent-run.js`, async (route) =>
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: await comparisonScript(v.lang, config) }),
  );
  for (const file of ['cookieconsent.css', 'cookieconsent.umd.js'])
    await context.route(`${origin}/compare/${file}`, (route) => route.fulfill({ path: join(CC_DIST, file) }));
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  page error on the comparison page: ${error.message}`));
  try {
    await page.goto(`${origin}${CC_PAGE}`);
    const modal = page.locator('#cc-main .cm');
    await modal.waitFor();
    if (wanted(banner)) await shoot(page, banner);
    await modal.getByRole('button', { name: t.banner.customise, exact: true }).click();
    await page.locator('#cc-main .pm').waitFor();
    if (wanted(preferences)) await shoot(page, preferences);
  } finally {
    await context.close();
  }
}

async function main() {
  if (!existsSync(join(root, 'dist', 'samtykke.js'))) throw new Error('dist/samtykke.js is missing: run `npm run build:bundles` first');
  if (!existsSync(join(CC_DIST, 'cookieconsent.umd.js'))) throw new Error('vanilla-cookieconsent is not installed: run `npm install`');
  const config = JSON.parse(
    /** @type {RegExpMatchArray} */ ((await readFile(join(root, 'demo', 'index.html'), 'utf8')).match(/<script type="application\/json" id="samtykke-config">([\s\S]*?)<\/script>/))[1],
  );
  await mkdir(OUT, { recursive: true });

  const dataDir = await mkdtemp(join(tmpdir(), 'samtykke-screenshots-'));
  const storage = await openStorage({ dataDir });
  const app = await buildApp({ storage, staticRoot: root });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--hide-scrollbars'],
  });
  try {
    for (const lang of LANGUAGES)
      for (const scheme of SCHEMES)
        for (const size of /** @type {(keyof typeof SIZES)[]} */ (Object.keys(SIZES))) {
          const v = { lang, scheme, size };
          console.log(`${lang}, ${scheme}, ${size} (${SIZES[size].width}×${SIZES[size].height})`);
          await samtykkeShots(browser, origin, v);
          await comparisonShots(browser, origin, v, config);
        }
    // The README's two pictures keep their names.
    for (const layer of ['banner', 'preferences']) {
      const source = join(OUT, `${layer}-da-light-desktop.png`);
      if (existsSync(source) && wanted(`${layer}-da-light-desktop.png`)) await copyFile(source, join(OUT, `${layer}-desktop.png`));
    }
  } finally {
    await browser.close();
    await app.close();
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`screenshots: ${error?.stack ?? error}`);
  process.exit(1);
});
