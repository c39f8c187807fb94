// A framework that renders on the server (Next.js, Nuxt, SvelteKit, Astro) imports the npm
// entry in Node, where there is no DOM. The import must not throw; nothing starts until the
// browser calls init(). Bundled here as such a framework's server build would: esbuild, the
// Node platform, JSON read by the bundler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

test('the npm entry imports without a DOM, as a server-side build does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samtykke-ssr-'));
  try {
    const out = join(dir, 'entry.mjs');
    await build({
      entryPoints: [new URL('../../src/index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: out,
      logLevel: 'silent',
    });
    assert.equal(typeof globalThis.HTMLElement, 'undefined', 'this test needs a Node without a DOM');
    const entry = await import(pathToFileURL(out).href);
    assert.equal(typeof entry.init, 'function');
    assert.equal(typeof entry.resolveConfig, 'function');
    // What works without a DOM works: the config check.
    assert.deepEqual(entry.resolveConfig({ revision: 'x' }).problems.map((p) => p.path), ['revision']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
