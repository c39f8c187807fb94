// custom-elements.json, as `npm run build` generates it (DESIGN.md: each element documents its
// attributes, properties, events, parts and custom properties, and a manifest is generated
// from them). Editors and docs tools read it; a wrong attribute name there is a wrong API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const elements = new Map(
  manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d])),
);
const names = (list) => (list ?? []).map((x) => x.name).sort();
const field = (tag, name) => elements.get(tag).members.find((m) => m.kind === 'field' && m.name === name);

test('lists all seven elements with their class', () => {
  assert.deepEqual([...elements.keys()].sort(), [
    'samtykke-banner', 'samtykke-consent-history', 'samtykke-cookie-declaration', 'samtykke-embed',
    'samtykke-preferences', 'samtykke-privacy-policy', 'samtykke-reopen',
  ]);
  for (const [tag, d] of elements) assert.match(d.name, /^Samtykke[A-Z]/, tag);
});

test('first-layer attributes are the ones the elements observe, with their real names', () => {
  assert.deepEqual(names(elements.get('samtykke-banner').attributes), ['lang', 'layout', 'policy-url', 'preset', 'theme']);
  assert.deepEqual(names(elements.get('samtykke-preferences').attributes), ['gpc', 'lang', 'preset', 'theme']);
  assert.deepEqual(names(elements.get('samtykke-reopen').attributes), ['dodging', 'lang', 'position', 'preset', 'theme']);
  assert.deepEqual(names(elements.get('samtykke-embed').attributes), ['category', 'lang', 'preset', 'service', 'theme']);
  // Property-only fields are documented as fields, without an attribute.
  for (const [tag, name] of [['samtykke-banner', 'categories'], ['samtykke-banner', 'messages'], ['samtykke-preferences', 'consent'], ['samtykke-embed', 'name']]) {
    assert.ok(field(tag, name), `${tag}.${name} is documented`);
    assert.equal(field(tag, name).attribute, undefined, `${tag}.${name} has no attribute`);
  }
  assert.equal(field('samtykke-banner', 'policyUrl').attribute, 'policy-url');
  assert.equal(field('samtykke-reopen', 'position').reflects, true);
  assert.equal(field('samtykke-banner', 'lang').reflects, true);
});

test('events, parts and custom properties are documented for every element', () => {
  assert.deepEqual(names(elements.get('samtykke-preferences').events), ['accept-all', 'close', 'reject-all', 'save']);
  assert.deepEqual(names(elements.get('samtykke-banner').events), ['accept-all', 'customise', 'reject-all']);
  for (const [tag, d] of elements) {
    assert.ok(d.cssParts?.length, `${tag} has CSS parts`);
    assert.ok(d.description, `${tag} has a description`);
  }
  for (const tag of ['samtykke-banner', 'samtykke-preferences', 'samtykke-reopen', 'samtykke-embed'])
    assert.ok(names(elements.get(tag).cssProperties).includes('--samtykke-accent'), `${tag} documents --samtykke-accent`);
  for (const part of ['dialog', 'accept-all', 'reject-all', 'save']) assert.ok(names(elements.get('samtykke-preferences').cssParts).includes(part), part);
});

test('no internal state shows up as a public field', () => {
  for (const [tag, d] of elements)
    for (const m of d.members ?? []) assert.ok(m.name && !m.name.startsWith('[') && m.name !== 'adoptedStyleSheets', `${tag}: "${m.name}"`);
});

test('every class names the class it extends; the first layer\'s base is a LitElement', () => {
  const classes = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'class'));
  for (const d of classes) if (d.superclass) assert.ok(d.superclass.name, `${d.name} extends a class without a name`);
  assert.deepEqual(classes.find((d) => d.name === 'SamtykkeElement').superclass, { name: 'LitElement', package: 'lit' });
});
