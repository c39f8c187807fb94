// @ts-check
/**
 * docs/configuration.md against the config's JSON Schema (samtykke.config.schema.json, which
 * the build generates from the schema the widget validates with): every key the schema has,
 * at every level, has a row in the page, and the page has a row for no key the schema lacks.
 * A key row is a table row whose first cell is the key's path in backticks, written with `.`
 * between levels and `[]` for a list's items: `categories[].services[].cookies[].pattern`.
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
 * @param {any} schema the whole schema document
 * @returns {Set<string>}
 */
function keyPaths(schema) {
  const paths = new Set();
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
  const schemaKeys = keyPaths(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  assert.ok(schemaKeys.has('revision') && schemaKeys.has('categories'), 'the schema describes the config object');
  const docKeys = documentedKeys(readFileSync(DOC, 'utf8'));

  const undocumented = [...schemaKeys].filter((key) => !docKeys.has(key)).sort();
  const unknown = [...docKeys].filter((key) => !schemaKeys.has(key)).sort();
  assert.deepEqual(undocumented, [], `keys of the schema without a row in docs/configuration.md: ${undocumented.join(', ')}`);
  assert.deepEqual(unknown, [], `rows in docs/configuration.md for keys the schema does not have: ${unknown.join(', ')}`);
});

test('the key walk reads properties, lists, unions, maps and $refs', () => {
  const schema = {
    type: 'object',
    properties: {
      a: { type: 'number' },
      b: { anyOf: [{ type: 'boolean' }, { type: 'object', properties: { c: { type: 'string' } } }] },
      list: { type: 'array', items: { $ref: '#/$defs/item' } },
      map: { type: 'object', additionalProperties: { type: 'object', properties: { d: {} } } },
    },
    $defs: { item: { type: 'object', properties: { e: {}, self: { $ref: '#/$defs/item' } } } },
  };
  assert.deepEqual(
    [...keyPaths(schema)].sort(),
    ['a', 'b', 'b.c', 'list', 'list[].e', 'list[].self', 'map', 'map.*.d'].sort(),
  );
});
