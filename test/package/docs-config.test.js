// @ts-check
/**
 * docs/configuration.md against the config's JSON Schema (samtykke.config.schema.json, which
 * the build generates from the schema the widget validates with): every key the schema has,
 * at every level, has a row in the page, and the page has a row for no key the schema lacks.
 * A key row is a table row whose first cell is the key's path in backticks, written with `.`
 * between levels and `[]` for a list's items: `categories[].services[].cookies[].pattern`.
 * A localized text (an object with a key per language, like `texts`) is one key: the page
 * lists the language codes once, and the test checks it names each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCHEMA = `${root}samtykke.config.schema.json`;
const DOC = `${root}docs/configuration.md`;

/**
 * Every key path a JSON Schema describes. Unions (`anyOf`, `oneOf`, `allOf`) contribute the
 * keys of each branch; `$ref`s into the document are followed; a map whose values are objects
 * with named keys (`additionalProperties: { properties }`) writes its keys as `<key>.*.`.
 * An object whose keys are exactly `languages` is a localized text: its own path only.
 * @param {any} schema the whole schema document
 * @param {string[]} [languages] the language codes
 * @returns {Set<string>}
 */
function keyPaths(schema, languages = []) {
  const paths = new Set();
  /** @param {object} properties */
  const isLocalized = (properties) => {
    const keys = Object.keys(properties);
    return languages.length > 0 && keys.length === languages.length && languages.every((code) => keys.includes(code));
  };
  /** @param {any} node @param {string} at @param {Set<any>} seen */
  const walk = (node, at, seen) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    if (typeof node.$ref === 'string') {
      assert.match(node.$ref, /^#\//, `only local $refs are expected: ${node.$ref}`);
      const target = node.$ref
        .slice(2)
        .split('/')
        .reduce((/** @type {any} */ n, part) => n?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], schema);
      assert.ok(target, `$ref ${node.$ref} points nowhere`);
      walk(target, at, new Set([...seen, node]));
    }
    const inner = new Set([...seen, node]);
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) walk(branch, at, inner);
    if (node.properties && at !== 'texts' && isLocalized(node.properties)) return;
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      const path = at ? `${at}.${key}` : key;
      paths.add(path);
      walk(value, path, inner);
    }
    if (node.items) for (const item of [node.items].flat()) walk(item, `${at}[]`, inner);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${at}.*`, inner);
    for (const value of Object.values(node.patternProperties ?? {})) walk(value, `${at}.*`, inner);
  };
  walk(schema, '', new Set());
  return paths;
}

/** The key rows of the page: the backticked first cell of each table row. */
function documentedKeys(markdown) {
  return new Set([...markdown.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1]));
}

test('docs/configuration.md has a row for every key of the config schema, and for no other key', () => {
  assert.ok(
    existsSync(SCHEMA),
    'samtykke.config.schema.json is missing: the build writes it (`node build/config-schema.mjs`, part of `npm run build`)',
  );
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const languages = Object.keys(schema.properties?.texts?.properties ?? {});
  assert.ok(languages.includes('da') && languages.includes('en'), 'the schema lists the languages under `texts`');
  const schemaKeys = keyPaths(schema, languages);
  assert.ok(schemaKeys.has('revision') && schemaKeys.has('categories'), 'the schema describes the config object');
  const doc = readFileSync(DOC, 'utf8');
  const docKeys = documentedKeys(doc);
  const unnamed = languages.filter((code) => !doc.includes(`(\`${code}\`)`));
  assert.deepEqual(unnamed, [], `language codes the page does not name as (\`code\`): ${unnamed.join(', ')}`);

  const undocumented = [...schemaKeys].filter((key) => !docKeys.has(key)).sort();
  const unknown = [...docKeys].filter((key) => !schemaKeys.has(key)).sort();
  assert.deepEqual(undocumented, [], `keys of the schema without a row in docs/configuration.md: ${undocumented.join(', ')}`);
  assert.deepEqual(unknown, [], `rows in docs/configuration.md for keys the schema does not have: ${unknown.join(', ')}`);
});

test('the key walk reads properties, lists, unions, maps, $refs and localized texts', () => {
  const schema = {
    type: 'object',
    properties: {
      a: { type: 'number' },
      b: { anyOf: [{ type: 'boolean' }, { type: 'object', properties: { c: { type: 'string' } } }] },
      list: { type: 'array', items: { $ref: '#/$defs/item' } },
      map: { type: 'object', additionalProperties: { type: 'object', properties: { d: {} } } },
      text: { anyOf: [{ type: 'string' }, { type: 'object', properties: { da: {}, en: {} } }] },
      texts: { type: 'object', properties: { da: {}, en: {} } },
    },
    $defs: { item: { type: 'object', properties: { e: {}, self: { $ref: '#/$defs/item' } } } },
  };
  assert.deepEqual(
    [...keyPaths(schema, ['da', 'en'])].sort(),
    ['a', 'b', 'b.c', 'list', 'list[].e', 'list[].self', 'map', 'map.*.d', 'text', 'texts', 'texts.da', 'texts.en'].sort(),
  );
});
