// @ts-check
/**
 * docs/elements.md is generated from custom-elements.json by build/elements-doc.mjs: the page
 * in the repository must be what the generator writes for the manifest as it is now, and the
 * README's element table must name exactly the elements the manifest has.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { elementsPage } from '../../build/elements-doc.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8'));
const tags = manifest.modules
  .flatMap((/** @type {any} */ mod) => mod.declarations ?? [])
  .filter((/** @type {any} */ d) => d.customElement && d.tagName)
  .map((/** @type {any} */ d) => d.tagName)
  .sort();

test('docs/elements.md is current with custom-elements.json', () => {
  const page = readFileSync(`${root}docs/elements.md`, 'utf8');
  assert.ok(page === elementsPage(manifest), 'docs/elements.md is out of date: run `npm run analyze` and `node build/elements-doc.mjs`');
  for (const tag of tags) assert.ok(page.includes(`## \`<${tag}>\``), `docs/elements.md has a section for <${tag}>`);
});

test("the README's element table names every element of the manifest, and no other", () => {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### Elements'), readme.indexOf('### Events'));
  const listed = [...section.matchAll(/^\| `<(samtykke-[a-z-]+)>` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual(listed, tags);
});
