// @ts-check
/**
 * What `npm pack` puts in the tarball: everything a user imports, loads or runs, and none of
 * the tests, benchmarks, demo, consent-log service or the policy seed's source text. The list
 * comes from `npm pack --dry-run --json` on the built tree (`npm test` builds first; the
 * prepack build itself is exercised by tarball.test.js from a fresh clone).
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/** Files a user of the package needs, by what they are for. */
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  // the script tags
  'dist/samtykke.js',
  'dist/samtykke-ui.js',
  'dist/samtykke-policy.js',
  'dist/sri.json',
  // the npm entry and its types
  'dist/esm/src/index.js',
  'dist/esm/src/index.d.ts',
  // editors and tools
  'custom-elements.json',
  'samtykke.config.schema.json',
  'schema/consent-event.schema.json',
];

/** Folders that are for working on Samtykke, not for using it. */
const FORBIDDEN = ['test/', 'bench/', 'demo/', 'server/', 'locales/source/', 'src/', 'docs/', 'build/', '.ci/', 'node_modules/', 'data/'];

describe('npm pack --dry-run', () => {
  /** @type {Set<string>} */
  let files;

  before(() => {
    assert.ok(existsSync(`${root}dist/samtykke.js`), 'dist/ is not built: run `npm run build` first');
    // --ignore-scripts: the list of the tree as built, without building it again here.
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    files = new Set(JSON.parse(out)[0].files.map((/** @type {{ path: string }} */ f) => f.path));
  });

  test('ships what a user loads, imports and runs', () => {
    const missing = REQUIRED.filter((path) => !files.has(path));
    assert.deepEqual(missing, [], `missing from the tarball: ${missing.join(', ')}`);
  });

  test('ships every UI and policy locale', () => {
    const locales = readdirSync(`${root}locales`).filter((name) => name.endsWith('.json'));
    assert.ok(locales.length >= 4);
    const missing = locales.filter((name) => !files.has(`locales/${name}`));
    assert.deepEqual(missing, [], `locales missing from the tarball: ${missing.join(', ')}`);
  });

  test('ships the file of each language beyond Danish and English beside the UI file', () => {
    const languages = readdirSync(`${root}locales`)
      .map((name) => /^ui\.([a-z]{2,3})\.json$/.exec(name)?.[1])
      .filter((code) => code && code !== 'da' && code !== 'en');
    assert.ok(languages.length >= 10, `locales/ has the ten further languages (found ${languages.join(', ')})`);
    const missing = languages.filter((code) => !files.has(`dist/samtykke-ui.${code}.js`));
    assert.deepEqual(missing, [], `language files missing from the tarball: ${missing.map((c) => `dist/samtykke-ui.${c}.js`).join(', ')}`);
  });

  test('ships a declaration beside every ES module of the entry', () => {
    const modules = [...files].filter((path) => path.startsWith('dist/esm/src/') && path.endsWith('.js'));
    assert.ok(modules.length > 10, 'the ES modules are packed');
    const bare = modules.filter((path) => !files.has(path.replace(/\.js$/, '.d.ts')));
    assert.deepEqual(bare, [], `modules without a .d.ts: ${bare.join(', ')}`);
  });

  test('every file the exports map and bin name is in the tarball', () => {
    /** @param {unknown} target @returns {string[]} */
    const targets = (target) =>
      typeof target === 'string' ? [target] : target && typeof target === 'object' ? Object.values(target).flatMap(targets) : [];
    const named = [...targets(pkg.exports), ...targets(pkg.bin ?? {})]
      .filter((path) => !path.includes('*'))
      .map((path) => path.replace(/^\.\//, ''));
    assert.ok(named.includes('dist/esm/src/index.js'));
    const missing = named.filter((path) => !files.has(path));
    assert.deepEqual(missing, [], `named in package.json but not packed: ${missing.join(', ')}`);
  });

  test('the scanner ships with the Open Cookie Database licence and notice', () => {
    assert.ok(pkg.bin && Object.keys(pkg.bin).length > 0, 'package.json has a bin for `npx samtykke scan`');
    assert.ok([...files].some((path) => path.startsWith('scanner/')), 'scanner/ is packed');
    const notices = [...files].filter((path) => path.startsWith('scanner/') && /(^|\/)(LICENSE|NOTICE)[^/]*$/.test(path));
    assert.ok(notices.some((p) => /LICENSE/.test(p)) && notices.some((p) => /NOTICE/.test(p)), `the cookie database's LICENSE and NOTICE are packed (found: ${notices.join(', ') || 'none'})`);
  });

  test('ships nothing of the tests, benchmarks, demo, service or the policy seed', () => {
    const shipped = [...files].filter((path) => FORBIDDEN.some((prefix) => path.startsWith(prefix)));
    assert.deepEqual(shipped, [], `not for users, but packed: ${shipped.join(', ')}`);
  });

  test('exports put types first, and prepack builds', () => {
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (typeof value === 'object') assert.equal(Object.keys(value)[0], 'types', `exports["${key}"]: "types" must come first`);
    }
    assert.match(pkg.scripts.prepack, /npm run build/);
    for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'engines', 'license']) assert.ok(pkg[field], `package.json has ${field}`);
  });
});
