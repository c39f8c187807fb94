// The template squeezer must only remove whitespace that carries no meaning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates, squeezeCss, squeezeHtml } from '../../build/minify-templates.mjs';

test('squeezeCss drops comments and the whitespace around punctuation', () => {
  assert.equal(squeezeCss(' :host {\n  color: red; /* why */\n  margin: 0 auto;\n}\n a > b , c { x: y }'), ':host{color:red;margin:0 auto}a>b,c{x:y}');
});

test('squeezeCss keeps descendant combinators and spaces inside values', () => {
  assert.equal(squeezeCss('.a .b { font: 15px/1.5 system-ui, sans-serif; }'), '.a .b{font:15px/1.5 system-ui,sans-serif}');
});

test('squeezeHtml removes indentation between tags but keeps a space between words', () => {
  assert.equal(squeezeHtml('<p>\n    <b>a</b>\n    text\n  </p>'), '<p><b>a</b> text </p>');
});

test('the plugin leaves ${…} expressions untouched and ignores files outside src/', () => {
  const plugin = minifyTemplates();
  const src = 'const s = css`\n  a {\n    color: ${x ? "a  b" : "c"};\n  }\n`;';
  const out = plugin.transform(src, '/repo/src/x.ts').code;
  assert.equal(out, 'const s = css`a{color:${x ? "a  b" : "c"}}`;');
  assert.equal(plugin.transform(src, '/repo/node_modules/lit/x.js'), null);
});
