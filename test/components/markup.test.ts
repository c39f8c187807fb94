import { expect } from '@open-wc/testing';
import { markup } from '../../src/components/samtykke-element.js';

// What the banner and the reopen button are made of: one string set as innerHTML. Each
// assertion parses the result the way the browser will.
const parse = (html: string) => {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
};

describe('markup', () => {
  it('puts interpolated strings in as text, in content and in quoted attributes', () => {
    const hostile = `<img src=x onerror="window.markupPwned=1">' & "`;
    const out = parse(markup`<p title="${hostile}" data-x='${hostile}'>${hostile}</p>`.html);
    const p = out.querySelector('p')!;
    expect(out.querySelectorAll('img').length).to.equal(0);
    expect(p.textContent).to.equal(hostile);
    expect(p.getAttribute('title')).to.equal(hostile);
    expect(p.getAttribute('data-x')).to.equal(hostile);
    expect([...p.attributes].map((a) => a.name)).to.deep.equal(['title', 'data-x']);
  });

  it('puts markup it made in as markup, lists of it in order, and nothing for false, null, undefined or empty', () => {
    const items = ['a<', 'b>'].map((x) => markup`<li>${x}</li>`);
    const out = markup`<ul>${items}${false}${null}${undefined}${''}</ul>`.html;
    expect(out).to.equal('<ul><li>a&#60;</li><li>b&#62;</li></ul>');
    expect([...parse(out).querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['a<', 'b>']);
  });

  it('never puts a string in as markup, not even one inside a list', () => {
    expect(markup`${'<b>'}`.html).to.equal('&#60;b&#62;');
    expect(markup`${[markup`<b>`, '<i>']}`.html).to.equal('<b>&#60;i&#62;');
  });
});
