// The first layer's template renderer (src/components/template.ts), in Chromium: what it puts in
// the DOM, that an update changes only what changed, and that no value is read as HTML.
import { expect } from '@open-wc/testing';
import { html, render } from '../../src/components/template.js';

const box = () => document.createElement('div');
/** The element children's markup, without the renderer's comments. */
const markup = (n: Element) => n.innerHTML.replace(/<!--[^]*?-->/g, '');

describe('template renderer', () => {
  it('renders text, nested templates and arrays between tags', () => {
    const el = box();
    const items = ['a', 'b'];
    render(html`<ul>${items.map((x) => html`<li>${x}</li>`)}</ul><p>${'t'} ${html`<b>${1}</b>`}</p>`, el);
    expect(markup(el)).to.equal('<ul><li>a</li><li>b</li></ul><p>t <b>1</b></p>');
  });

  it('shows nothing for null and undefined, and the text of other values', () => {
    const el = box();
    render(html`<p>${null}|${undefined}|${0}|${false}|${''}</p>`, el);
    expect(el.querySelector('p')!.textContent).to.equal('||0|false|');
  });

  it('never reads a value as HTML, in text or in an attribute', () => {
    const el = box();
    const hostile = '<img src=x onerror="window.hacked=1"><!-- x -->"\'&';
    render(html`<p title=${hostile} class="a ${hostile}">${hostile}</p>`, el);
    const p = el.querySelector('p')!;
    expect(p.childElementCount).to.equal(0);
    expect(p.textContent).to.equal(hostile);
    expect(p.getAttribute('title')).to.equal(hostile);
    expect(p.getAttribute('class')).to.equal(`a ${hostile}`);
    expect(el.querySelector('img')).to.equal(null);
  });

  it('fills attributes with text around the value, and several values in one attribute', () => {
    const el = box();
    const t = (a: string, b: number) => html`<label for="s-${a}" data-x="${a}:${b}!">x</label>`;
    render(t('id', 1), el);
    const label = el.querySelector('label')!;
    expect(label.htmlFor).to.equal('s-id');
    expect(label.dataset.x).to.equal('id:1!');
    render(t('other', 2), el);
    expect(el.querySelector('label')).to.equal(label);
    expect(label.htmlFor).to.equal('s-other');
    expect(label.dataset.x).to.equal('other:2!');
  });

  it('sets a ?attribute by truthiness and leaves no binding syntax in the DOM', () => {
    const el = box();
    const t = (on: unknown) => html`<input type="checkbox" ?checked=${on} ?disabled=${!on}>`;
    render(t(1), el);
    const input = el.querySelector('input')!;
    expect(input.hasAttribute('checked')).to.equal(true);
    expect(input.hasAttribute('disabled')).to.equal(false);
    render(t(0), el);
    expect(input.hasAttribute('checked')).to.equal(false);
    expect(input.hasAttribute('disabled')).to.equal(true);
    expect(input.getAttributeNames().sort()).to.deep.equal(['disabled', 'type']);
  });

  it('calls the listener of the latest render, added once', () => {
    const el = box();
    const calls: string[] = [];
    const t = (name: string) => html`<button @click=${(e: Event) => calls.push(`${name}:${e.type}`)}>x</button>`;
    render(t('first'), el);
    render(t('second'), el);
    const button = el.querySelector('button')!;
    expect(button.hasAttribute('@click')).to.equal(false);
    button.click();
    expect(calls).to.deep.equal(['second:click']);
  });

  it('ignores an event while its listener binding holds no function', () => {
    const el = box();
    const calls: number[] = [];
    const t = (f?: () => void) => html`<button @click=${f}>x</button>`;
    render(t(), el);
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => {
      errors.push(e.error);
      e.preventDefault();
    };
    window.addEventListener('error', onError);
    el.querySelector('button')!.click();
    render(t(() => calls.push(1)), el);
    el.querySelector('button')!.click();
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(calls).to.deep.equal([1]);
  });

  it('updates in place: the same template keeps its nodes, so focus and an open dialog survive', () => {
    const el = box();
    document.body.append(el);
    const t = (title: string) => html`<dialog><h2>${title}</h2><button>ok</button></dialog>`;
    render(t('one'), el);
    const dialog = el.querySelector('dialog')!;
    const h2 = el.querySelector('h2')!;
    dialog.showModal();
    el.querySelector('button')!.focus();
    render(t('two'), el);
    expect(el.querySelector('dialog')).to.equal(dialog);
    expect(el.querySelector('h2')).to.equal(h2);
    expect(h2.textContent).to.equal('two');
    expect(dialog.open).to.equal(true);
    expect(document.activeElement).to.equal(el.querySelector('button'));
    dialog.close();
    el.remove();
  });

  it('keeps a text node when only its text changes, and touches nothing when nothing changed', async () => {
    const el = box();
    const t = (x: string) => html`<p role="status">${x}</p>`;
    render(t('a'), el);
    const text = [...el.querySelector('p')!.childNodes].find((n) => n.nodeType == 3)!;
    render(t('b'), el);
    expect(text.textContent).to.equal('b');
    expect(el.querySelector('p')!.contains(text)).to.equal(true);
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((r) => changes.push(...r));
    observer.observe(el, { subtree: true, characterData: true, childList: true });
    render(t('b'), el);
    await Promise.resolve();
    observer.disconnect();
    expect(changes).to.have.length(0);
  });

  it('replaces a template with another, with text, and back', () => {
    const el = box();
    const t = (x: number) => html`<div>${x == 0 ? html`<b>b</b>` : x == 1 ? html`<i>i</i>` : 'text'}</div>`;
    render(t(0), el);
    expect(markup(el)).to.equal('<div><b>b</b></div>');
    render(t(1), el);
    expect(markup(el)).to.equal('<div><i>i</i></div>');
    render(t(2), el);
    expect(markup(el)).to.equal('<div>text</div>');
    render(t(0), el);
    expect(markup(el)).to.equal('<div><b>b</b></div>');
  });

  it('grows and shrinks an array, keeping the items it keeps', () => {
    const el = box();
    const t = (xs: string[]) => html`<ul>${xs.map((x) => html`<li>${x}</li>`)}</ul><p>after</p>`;
    render(t(['a', 'b']), el);
    const first = el.querySelector('li')!;
    render(t(['a', 'b', 'c', 'd']), el);
    expect(markup(el)).to.equal('<ul><li>a</li><li>b</li><li>c</li><li>d</li></ul><p>after</p>');
    expect(el.querySelector('li')).to.equal(first);
    render(t(['x']), el);
    expect(markup(el)).to.equal('<ul><li>x</li></ul><p>after</p>');
    expect(el.querySelector('li')).to.equal(first);
    render(t([]), el);
    expect(markup(el)).to.equal('<ul></ul><p>after</p>');
    render(t(['y', 'z']), el);
    expect(markup(el)).to.equal('<ul><li>y</li><li>z</li></ul><p>after</p>');
  });

  it('changes only its own nodes when it follows text or another value, or comes first in a nested template', () => {
    const el = box();
    const t = (a: unknown, b: unknown, c: unknown) => html`<div>static ${html`${a}<b>${b}</b>`}${c}</div>`;
    render(t('a', 'b', ['c1', 'c2']), el);
    expect(markup(el)).to.equal('<div>static a<b>b</b>c1c2</div>');
    render(t(html`<i>A</i>`, '', []), el);
    expect(markup(el)).to.equal('<div>static <i>A</i><b></b></div>');
    render(t([], 'B', 'C'), el);
    expect(markup(el)).to.equal('<div>static <b>B</b>C</div>');
    render(t('a', 'b', [html`<u>1</u>`]), el);
    expect(markup(el)).to.equal('<div>static a<b>b</b><u>1</u></div>');
  });

  it('switches between an array and a single value', () => {
    const el = box();
    const t = (x: unknown) => html`<p>${x}</p>`;
    render(t(['a', 'b']), el);
    expect(el.textContent).to.equal('ab');
    render(t('c'), el);
    expect(el.textContent).to.equal('c');
    render(t([html`<b>d</b>`]), el);
    expect(markup(el)).to.equal('<p><b>d</b></p>');
  });

  it('puts rows into a table where the parser would move text out of it', () => {
    const el = box();
    const rows = [['a', 'b'], ['c', 'd']];
    render(html`<table><tr><th>h</th></tr>${rows.map(([x, y]) => html`<tr><td>${x}</td><td>${y}</td></tr>`)}</table>`, el);
    const table = el.querySelector('table')!;
    expect(table.rows.length).to.equal(3);
    expect(table.rows[2].cells[1].textContent).to.equal('d');
    expect(el.firstElementChild).to.equal(table);
  });

  it('renders inline SVG in the SVG namespace', () => {
    const el = box();
    render(html`<button aria-label=${'x'}><svg viewBox="0 0 1 1"><path d="M0 0h1v1Z"/></svg></button>`, el);
    expect(el.querySelector('path')!.namespaceURI).to.equal('http://www.w3.org/2000/svg');
  });

  it('renders into a shadow root, and a second container independently', () => {
    const host = box();
    const shadow = host.attachShadow({ mode: 'open' });
    const other = box();
    const t = (x: string) => html`<p>${x}</p>`;
    render(t('shadow'), shadow);
    render(t('other'), other);
    render(t('shadow 2'), shadow);
    expect(shadow.querySelector('p')!.textContent).to.equal('shadow 2');
    expect(other.textContent).to.equal('other');
  });
});
