// One limit for the widget and the log: a config the widget accepts at its boundaries yields
// consent events the log's schema (schema/consent-event.schema.json) accepts, and a config past
// them is reported at load, not refused by the log later. The widget's code runs here bundled
// for Node; the log validates with the same schema through ajv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'samtykke-event-limits-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const entry = join(dir, 'entry.ts');
writeFileSync(
  entry,
  ['config.js', 'cookie-storage.js', 'store.js', 'transport.js'].map((file) => `export * from ${JSON.stringify(join(root, 'src/core', file))};`).join('\n'),
);
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', outfile: join(dir, 'widget.mjs'), logLevel: 'warning' });
const { ConsentStore, MemoryStorage, logPath, resolveConfig } = await import(pathToFileURL(join(dir, 'widget.mjs')).href);

const schema = JSON.parse(readFileSync(join(root, 'schema/consent-event.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const service = (id) => ({ id, name: id, provider: 'P', purpose: 'x' });
const ids = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** The event the widget sends for an accept-all under `input`, with the path the transport sends. */
function eventFor(input, path = '/butik') {
  const { config, problems } = resolveConfig(input);
  const store = new ConsentStore({
    config, storage: new MemoryStorage(), policyVersion: input.policyVersion ?? '2024-10-17', textHash: '0123456789abcdef', language: 'da', gpc: false, widgetVersion: '0.1.0', path: () => path,
  });
  const { event } = store.acceptAll();
  return { event: { ...event, path: logPath(event.path) }, problems };
}

const BOUNDARIES = {
  'revision 0': [{ revision: 0 }],
  'the highest revision': [{ revision: schema.properties.revision.maximum }],
  'a policy version of 64 characters': [{ policyVersion: 'v'.repeat(schema.properties.policyVersion.maxLength) }],
  [`${schema.properties.categories.maxProperties} categories`]: [{ categories: ids('c', schema.properties.categories.maxProperties).map((id) => ({ id })) }],
  [`${schema.properties.services.maxProperties} services`]: [{ categories: [{ id: 'necessary' }, { id: 'marketing', services: ids('s', schema.properties.services.maxProperties).map(service) }] }],
  'a page path of 3,000 characters': [{}, `/${'a'.repeat(2999)}`],
  'a page path with a newline': [{}, '/a\nb'],
};

test('every boundary config the widget accepts yields an event the log accepts', () => {
  for (const [what, [input, path]] of Object.entries(BOUNDARIES)) {
    const { event } = eventFor(input, path);
    assert.ok(validate(event), `${what}: ${JSON.stringify(validate.errors)}`);
  }
});

test('past the boundaries, the widget reports the config at load, and what it sends still fits', () => {
  const PAST = {
    'a revision above the log\'s maximum': [{ revision: schema.properties.revision.maximum + 1 }, 'revision'],
    'a newline in policyVersion': [{ policyVersion: '1\n2' }, 'policyVersion'],
    'a policy version of 65 characters': [{ policyVersion: 'v'.repeat(65) }, 'policyVersion'],
    'one category too many': [{ categories: ids('c', schema.properties.categories.maxProperties + 1).map((id) => ({ id })) }, `categories[${schema.properties.categories.maxProperties}]`],
    'one service too many': [{ categories: [{ id: 'marketing', services: ids('s', schema.properties.services.maxProperties + 1).map(service) }] }, `categories[0].services[${schema.properties.services.maxProperties}]`],
  };
  for (const [what, [input, path]] of Object.entries(PAST)) {
    const { config, problems } = resolveConfig(input);
    assert.ok(problems.some((p) => p.path === path), `${what}: reported at ${path} (${problems.map((p) => p.path)})`);
    // The store records the policy version the config resolved to; the default replaces a bad one.
    const { event } = eventFor({ ...input, policyVersion: config.policyVersion });
    assert.ok(validate(event), `${what}: ${JSON.stringify(validate.errors)}`);
  }
});
