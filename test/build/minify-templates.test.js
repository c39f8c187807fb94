// The template squeezer must only remove whitespace that carries no meaning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates, squeezeCss, squeezeHtml, squeezeTemplates } from '../../build/minify-templates.mjs';

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

test('templates whose expressions hold block bodies, object literals and nested templates are squeezed at every level', () => {
  const plugin = minifyTemplates();
  const src = [
    'const t = html`',
    '  <div>',
    '    ${items.map((i) => {',
    '      const o = { a: { b: 1 } };',
    '      return html`',
    '        <p>${f({ x: o.a })}</p>',
    '      `;',
    '    })}',
    '    <span>${"}  {"} ${\'`\'} ${`}${1}`}</span>',
    '  </div>',
    '`;',
  ].join('\n');
  const out = plugin.transform(src, '/repo/src/x.ts').code;
  assert.equal(
    out,
    [
      'const t = html` <div> ${items.map((i) => {',
      '      const o = { a: { b: 1 } };',
      '      return html` <p>${f({ x: o.a })}</p> `;',
      '    })} <span>${"}  {"} ${\'`\'} ${`}${1}`}</span></div> `;',
    ].join('\n'),
  );
});

test('braces and backticks in regular expressions and comments inside an expression do not end it', () => {
  const src = 'html`\n  <p>${s.replace(/[}`]/g, "") /* } */ // }\n}</p>\n  <p>${a / b / c}</p>\n`';
  assert.equal(squeezeTemplates(src), 'html` <p>${s.replace(/[}`]/g, "") /* } */ // }\n}</p><p>${a / b / c}</p> `');
});

test('a CSS space beside an expression is kept, the ends of the template are trimmed', () => {
  assert.equal(squeezeTemplates('css`\n  a {\n    margin: ${x} ${y};\n  }\n`'), 'css`a{margin:${x} ${y}}`');
});

test('a template the code does not close is left as it is', () => {
  const src = 'html`\n  <p>${f({)}</p>\n';
  assert.equal(squeezeTemplates(src), src);
});
