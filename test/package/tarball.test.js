// @ts-check
/**
 * The package as a user gets it. A fresh clone of this repository (its committed state) is
 * packed with `npm pack`, whose `prepack` builds dist/; the tarball is installed into a
 * scratch project; an app that does `import { init } from 'samtykke'` is bundled there with
 * rollup and with esbuild; each bundle runs in Chromium and must show the banner.
 *
 * Installing: `npm install <tgz> --offline` where npm's cache holds the dependencies (no
 * network needed); where it does not, the tarball is unpacked into node_modules/samtykke
 * and its dependencies are linked from this repository's node_modules, the layout npm
 * would have made. The test says which one it used.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What a site's own code does with the package. */
const APP = `import { init } from 'samtykke';

window.samtykke = init({
  revision: 1,
  language: 'da',
  categories: [
    { id: 'necessary' },
    { id: 'analytics', services: [{ id: 'plausible', name: 'Plausible', provider: 'Plausible Insights OÜ', purpose: 'Besøgsstatistik' }] },
  ],
});
`;

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };

describe('the packed tarball, installed, bundled and run', { timeout: 150_000 }, () => {
  /** @type {string} */
  let work;
  /** @type {string} */
  let project;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {http.Server} */
  let server;
  let origin = '';
  /** How the tarball was installed, reported with the first test. */
  let installedWith = '';

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'samtykke-tarball-'));
    const clone = join(work, 'clone');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone]);
    // The build tools of a fresh clone, without a second install.
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const packed = spawnSync('npm', ['pack', '--pack-destination', work, '--no-audit', '--no-fund'], { cwd: clone, encoding: 'utf8' });
    assert.equal(packed.status, 0, `npm pack (with its prepack build) failed in a fresh clone:\n${packed.stdout}\n${packed.stderr}`);
    const tgz = readdirSync(work).find((name) => name.endsWith('.tgz'));
    assert.ok(tgz, 'npm pack wrote no tarball');

    project = join(work, 'site');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
    writeFileSync(join(project, 'app.js'), APP);
    const installed = spawnSync('npm', ['install', join(work, tgz), '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: project,
      encoding: 'utf8',
    });
    if (installed.status === 0) {
      installedWith = 'npm install <tgz> --offline';
    } else {
      installedWith = "the tarball unpacked into node_modules/samtykke, its dependencies linked (npm's cache lacks them)";
      // npm's cache lacks a dependency (no network): lay the package out as npm would.
      const target = join(project, 'node_modules', 'samtykke');
      mkdirSync(target, { recursive: true });
      execFileSync('tar', ['-xzf', join(work, tgz), '-C', target, '--strip-components=1']);
      const { dependencies = {} } = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
      for (const name of Object.keys(dependencies)) {
        const link = join(project, 'node_modules', name);
        mkdirSync(join(link, '..'), { recursive: true });
        symlinkSync(join(root, 'node_modules', name), link, 'dir');
      }
    }
    assert.ok(existsSync(join(project, 'node_modules/samtykke/dist/samtykke.js')), 'the installed package has dist/samtykke.js');

    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = normalize(join(project, 'out', decodeURIComponent(url.pathname)));
      if (url.pathname.endsWith('.html')) {
        const bundler = url.pathname.slice(1, -'.html'.length);
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Site</title>
<script type="module" src="/${bundler}/app.js"></script></head><body><h1>Site</h1></body></html>`);
      } else if (path.startsWith(join(project, 'out')) && existsSync(path)) {
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        response.end(readFileSync(path));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(() => resolve(undefined)) : resolve(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The bundle in out/<name>/ splits the UI off and shows Samtykke's banner in Chromium. */
  async function showsBanner(name) {
    const chunks = readdirSync(join(project, 'out', name)).filter((file) => file.endsWith('.js'));
    assert.ok(chunks.length > 1, `${name} split the UI into a chunk of its own, loaded when a layer must show (files: ${chunks.join(', ')})`);
    const page = await browser.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    try {
      await page.goto(`${origin}/${name}.html`);
      await page.getByRole('button', { name: 'Accepter alle' }).waitFor({ state: 'visible', timeout: 15_000 });
      assert.equal(await page.evaluate(() => typeof (/** @type {any} */ (window).samtykke?.acceptAll)), 'function');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  }

  test('bundled with rollup, it shows the banner', async (t) => {
    t.diagnostic(`installed with ${installedWith}`);
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const { default: json } = await import('@rollup/plugin-json');
    const bundle = await rollup({
      input: join(project, 'app.js'),
      plugins: [nodeResolve({ browser: true, rootDir: project }), json()],
      onwarn: (warning, warn) => (warning.code === 'THIS_IS_UNDEFINED' ? undefined : warn(warning)),
    });
    await bundle.write({ dir: join(project, 'out', 'rollup'), format: 'es' });
    await bundle.close();
    await showsBanner('rollup');
  });

  test('bundled with esbuild, it shows the banner', async () => {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [join(project, 'app.js')],
      absWorkingDir: project,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: join(project, 'out', 'esbuild'),
      logLevel: 'silent',
    });
    await showsBanner('esbuild');
  });
});
