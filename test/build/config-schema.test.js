// The published JSON Schema of the config (build/config-schema.mjs): generated from the valibot
// schema the widget validates with, it accepts what the widget accepts, refuses what JSON
// Schema can express of what the widget refuses, and documents every key for editors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'samtykke-schema-test-'));
const out = join(dir, 'samtykke.config.schema.json');
execFileSync(process.execPath, [join(root, 'build/config-schema.mjs'), '--out', out], { stdio: 'pipe' });
const schema = JSON.parse(readFileSync(out, 'utf8'));
const ajv = new Ajv({ allErrors: true });
// VS Code's keyword for descriptions in Markdown; it validates nothing.
ajv.addVocabulary(['markdownDescription']);
const validate = ajv.compile(schema);

// The widget's own validation, bundled for Node, to hold both to the same configs.
const bundle = join(dir, 'config.mjs');
await build({ entryPoints: [join(root, 'src/core/config.ts')], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'warning' });
const { resolveConfig } = await import(pathToFileURL(bundle).href);
test.after(() => rmSync(dir, { recursive: true, force: true }));

const service = { id: 'ga', name: 'Google Analytics', provider: 'Google Ireland Ltd.', purpose: { da: 'Måling', en: 'Measuring' }, cookies: [{ name: '_ga', pattern: '_ga_*', purpose: 'Skelner brugere', duration: '2 år' }] };
const VALID = {
  'every key': {
    $schema: './node_modules/samtykke/samtykke.config.schema.json',
    revision: 2, language: ['da', 'en'], endpoint: 'https://log.butikken.dk/api/consents', policy: 'https://butikken.dk/policy.json', policyVersion: '2025-01-15', policyMaterial: true,
    privacyPolicyUrl: '/privatlivspolitik', cookiePolicyUrl: 'https://butikken.dk/cookies', googleConsentMode: { enabled: true, mapping: { analytics: ['analytics_storage'] } }, respectGpc: false,
    theme: { scheme: 'dark', preset: 'contrast' }, layout: 'bar', reopen: { position: 'right', offset: { x: 24, y: 0 } }, financialYearEnd: '12-31', reloadOnWithdraw: true,
    texts: { da: { banner: { title: 'Cookies hos Butikken' } }, de: { banner: { title: 'Kekse' } } },
    categories: [
      { id: 'necessary', services: [{ id: 'session', name: 'Session', provider: 'Butikken ApS', purpose: 'Kurv', essential: true, reason: 'Kurven', cookies: [{ name: 'sid', purpose: 'Login', duration: 'Session' }] }] },
      { id: 'analytics', title: { da: 'Statistik', sv: 'Statistik' }, description: 'Måling', services: [{ ...service, privacyUrl: 'https://policies.google.com/privacy', transfer: 'USA (DPF)' }] },
      { id: 'marketing', required: false, services: [{ id: 'meta', name: 'Meta Pixel', provider: 'Meta Platforms Ireland', purpose: 'Annoncer', cookies: [{ name: '_fbp', pattern: '^_fb', purpose: 'x', duration: '3 måneder' }] }] },
    ],
    cookie: { name: 'butik_samtykke', domain: '.butikken.dk', path: '/', sameSite: 'Strict', expiresDays: 300, rejectExpiresDays: 190 },
    controller: { name: 'Butikken ApS', cvr: '12345678', address: 'Vej 1', email: 'privat@butikken.dk', phone: '12 34 56 78' },
  },
  'nothing': {},
  'the earlier shapes': { theme: 'light', reopen: false, googleConsentMode: false, language: 'en', revision: 0 },
};

// Each is refused by the widget too; the schema names the same key.
const INVALID = {
  'a typo at the top': [{ revison: 2 }, '/revison'],
  'a typo in cookie': [{ cookie: { expireDays: 30 } }, '/cookie/expireDays'],
  'a typo in a category': [{ categories: [{ id: 'analytics', servces: [] }] }, '/categories/0/servces'],
  'a typo in a service': [{ categories: [{ id: 'analytics', services: [{ ...service, providr: 'x' }] }] }, '/categories/0/services/0/providr'],
  'a typo in a cookie': [{ categories: [{ id: 'analytics', services: [{ ...service, cookies: [{ ...service.cookies[0], expires: '2 år' }] }] }] }, '/categories/0/services/0/cookies/0/expires'],
  'an unknown theme': [{ theme: 'neon' }, '/theme'],
  'an unknown preset': [{ theme: { preset: 'neon' } }, '/theme'],
  'a language not shipped': [{ language: 'tlh' }, '/language'],
  'an empty language list': [{ language: [] }, '/language'],
  'a negative revision': [{ revision: -1 }, '/revision'],
  'a revision past the log\'s maximum': [{ revision: 2 ** 31 }, '/revision'],
  'a fractional revision': [{ revision: 1.5 }, '/revision'],
  'a newline in policyVersion': [{ policyVersion: '1\n2' }, '/policyVersion'],
  'a policyVersion of 65 characters': [{ policyVersion: 'v'.repeat(65) }, '/policyVersion'],
  'an id starting with a digit': [{ categories: [{ id: '1x' }] }, '/categories/0/id'],
  'a category without id': [{ categories: [{ title: 'x' }] }, '/categories/0'],
  'a service without purpose': [{ categories: [{ id: 'analytics', services: [{ id: 'ga', name: 'GA', provider: 'G' }] }] }, '/categories/0/services/0'],
  'a reopen offset past 400': [{ reopen: { offset: { x: 401 } } }, '/reopen'],
  'texts in a language not shipped': [{ texts: { tlh: {} } }, '/texts/tlh'],
  'a localized text in a language not shipped': [{ categories: [{ id: 'analytics', title: { tlh: 'x' } }] }, '/categories/0/title'],
  'a sameSite in lower case': [{ cookie: { sameSite: 'lax' } }, '/cookie/sameSite'],
  'a cookie path with ";"': [{ cookie: { path: '/; domain=evil.example' } }, '/cookie/path'],
};

test('the configs the widget accepts validate against the schema', () => {
  for (const [what, config] of Object.entries(VALID)) {
    assert.deepEqual(resolveConfig(config).problems, [], `${what}: the widget accepts it`);
    assert.ok(validate(config), `${what}: ${JSON.stringify(validate.errors)}`);
  }
});

test('configs with a bad key do not validate, and the schema names that key', () => {
  for (const [what, [config, path]] of Object.entries(INVALID)) {
    assert.notDeepEqual(resolveConfig(config).problems, [], `${what}: the widget reports it`);
    assert.equal(validate(config), false, what);
    const paths = validate.errors.map((e) => e.instancePath);
    assert.ok(paths.some((p) => p === path || p.startsWith(`${path}/`)), `${what}: errors at ${paths.join(', ')}, expected ${path}`);
  }
});

test('every top-level key, and every key below it, has a description', () => {
  assert.equal(schema.type, 'object');
  assert.ok(schema.description, 'the schema itself');
  const undocumented = [];
  const walk = (node, path) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (!child.description) undocumented.push(`${path}.${key}`);
      walk(child, `${path}.${key}`);
    }
    for (const child of [node.items, ...(node.anyOf ?? [])]) walk(child, path);
  };
  walk(schema, '');
  assert.ok(Object.keys(schema.properties).length >= 20, 'the top-level keys are there');
  assert.deepEqual(undocumented, []);
});

test('the schema knows the same top-level keys as the widget', () => {
  const probe = Object.fromEntries(Object.keys(schema.properties).map((key) => [key, undefined]));
  const unknown = resolveConfig(probe).problems.filter((p) => p.expected.includes('no such key'));
  assert.deepEqual(unknown, []);
  assert.deepEqual(resolveConfig({ notAKey: 1 }).problems.map((p) => p.path), ['notAKey']);
});
