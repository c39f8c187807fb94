// The build plugin that writes JSON values read inside functions where they are read, so the
// English strings of the first layer are made only when an English page asks for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAst } from 'rollup/parseAst';
import { inlineJson } from '../../build/inline-json.mjs';

const dir = mkdtempSync(join(tmpdir(), 'inline-json-'));
writeFileSync(join(dir, 'en.json'), JSON.stringify({ a: { t: 'Accept "all"' }, b: 'x' }));
const id = join(dir, 'i18n.ts');
const context = { parse: (code) => parseAst(code), error: (message) => { throw new Error(message); } };
const run = (code, include = /i18n\.ts$/) => inlineJson({ include }).transform.call(context, code, id);

test('a value read inside a function is written there; one read at the top level is left alone', () => {
  const code = "import * as en from './en.json';\nconst top = en.b;\nconst c = { get en() { return { a: en.a }; } };";
  const out = run(code).code;
  assert.equal(out, 'import * as en from \'./en.json\';\nconst top = en.b;\nconst c = { get en() { return { a: ({"t":"Accept \\"all\\""}) }; } };');
});

test('other modules, and modules without JSON namespaces, are not touched', () => {
  assert.equal(run("import * as en from './en.json'; const f = () => en.a;", /other\.ts$/), null);
  assert.equal(run('const f = () => 1;'), null);
});

test('a key the JSON file does not have stops the build', () => {
  assert.throws(() => run("import * as en from './en.json'; const f = () => en.nope;"), /en\.nope: no such key/);
});

test('dist/samtykke.js holds the English strings, and the Danish ones not shown at load, inside getters', () => {
  const bundle = readFileSync(new URL('../../dist/samtykke.js', import.meta.url), 'utf8');
  const getter = bundle.indexOf('get en(){return{banner:{title:"We use cookies"');
  assert.ok(getter > 0, 'the English catalogue is a getter with its literal inside');
  assert.ok(bundle.includes('get preferences(){return{title:"Cookie-indstillinger"'), "the Danish preference centre's strings are a getter's literal");
  assert.equal(bundle.indexOf('"We use cookies"'), bundle.lastIndexOf('"We use cookies"'), 'the English title is in the bundle once');
});
