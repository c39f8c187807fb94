/**
 * The templates of the first-layer elements: `html` tagged templates rendered into a shadow
 * root and updated in place, as lit-html does, with only what these four elements use (about
 * 1.7 KB gzip less in `dist/samtykke.js`, and no template scanner to compile at page load).
 *
 * - `${x}` between tags: text (`null`/`undefined` show nothing), another `html` result, or an
 *   array of them. A result with the same template as last time is updated, not rebuilt, so
 *   focus, an open `<dialog>` and switch states survive a render.
 * - `name=${x}` or `name="a${x}b"` inside a tag: the attribute, set with `setAttribute`.
 * - `?name=${x}`: the attribute present when `x` is truthy.
 * - `@type=${fn}`: a listener for `type` events.
 *
 * A value is never parsed as HTML. The template's own text must not hold `<` or `>` inside a
 * tag (in an attribute value): that is how a `${…}` is told to be inside a tag or between tags.
 * No `.property` bindings, no directives, no `${…}` inside `<textarea>`, `<title>`, `<style>` or
 * `<script>` (their text is not parsed for comments). The policy bundle's elements stay on Lit.
 */

/** What `html` returns: the template's strings and this render's values. */
export interface Template {
  _$s: TemplateStringsArray;
  _$v: unknown[];
}

/** Sets a binding to this render's value. */
type Binding = (x: unknown) => void;

/** A built template in the page: what changes in it, in the order of its values. */
interface Instance {
  _$s: TemplateStringsArray;
  _$b: Binding[];
}

/** An array's item: its binding and the comment it renders before. */
type Item = [Binding, Comment];

// Stands for each value in the template's HTML: always nine random digits (`toString(36)`
// can come out short), so no template's own text holds it by chance.
const marker = `sk${Math.random().toFixed(9).slice(2)}$`;

const parsed = new Map<TemplateStringsArray, HTMLTemplateElement>();
const root = Symbol();

export const html = (strings: TemplateStringsArray, ...values: unknown[]): Template => ({ _$s: strings, _$v: values });

/** Renders `value` into `container`, updating what an earlier call put there. */
export function render(value: unknown, container: Node & { [root]?: Binding }): void {
  (container[root] ??= between(container.appendChild(new Comment())))(value);
}

/** Builds a template's HTML: a comment between tags, the marker inside a tag. */
function parse(strings: TemplateStringsArray): HTMLTemplateElement {
  let source = strings[0];
  for (const s of strings.slice(1)) source += (source.lastIndexOf('<') > source.lastIndexOf('>') ? marker : `<!--${marker}-->`) + s;
  const t = document.createElement('template');
  t.innerHTML = source;
  return t;
}

/** A copy of the template with its bindings, in the order of the values. */
function build(strings: TemplateStringsArray): [DocumentFragment, Instance] {
  let t = parsed.get(strings);
  if (!t) parsed.set(strings, (t = parse(strings)));
  const fragment = document.importNode(t.content, true);
  const bindings: Binding[] = [];
  // Elements and comments, in document order: an element's attributes come before its content.
  const walker = document.createTreeWalker(fragment, 129);
  for (let node: Node | null; (node = walker.nextNode()); ) {
    if (node.nodeType == 8) {
      if ((node as Comment).data == marker) bindings.push(between(node as Comment));
      continue;
    }
    const el = node as Element;
    for (const { name, value } of [...el.attributes]) {
      if (!value.includes(marker)) continue;
      const rest = name.slice(1);
      if (name[0] == '@') {
        el.removeAttribute(name);
        let listener: ((e: Event) => void) | undefined;
        el.addEventListener(rest, (e) => listener?.(e));
        bindings.push((x) => (listener = x as typeof listener));
      } else if (name[0] == '?') {
        el.removeAttribute(name);
        bindings.push((x) => el.toggleAttribute(rest, !!x));
      } else {
        const parts = value.split(marker);
        const now: unknown[] = [];
        for (let i = 1; i < parts.length; i++)
          bindings.push((x) => {
            now[i] = x;
            el.setAttribute(name, parts.reduce((out, part, j) => out + now[j] + part));
          });
      }
    }
  }
  return [fragment, { _$s: strings, _$b: bindings }];
}

/**
 * The binding of what stands before `end`: text, a template or an array of them. It owns the
 * nodes after `start`, the node before `end` when the binding is made: a node of the template
 * or another binding's `end`, neither of which moves. Only a binding first in its parent gets
 * a comment of its own for `start` (most bindings do not: fewer nodes in every shadow root).
 */
function between(end: Comment): Binding {
  const start = end.previousSibling ?? end.parentNode!.insertBefore(new Comment(), end);
  let last: Text | Instance | Item[] | undefined;
  const clear = (from: Node) => {
    while (from.nextSibling != end) from.nextSibling!.remove();
  };
  return (x) => {
    if (Array.isArray(x)) {
      if (!Array.isArray(last)) {
        clear(start);
        last = [];
      }
      while (last.length < x.length) {
        const c = new Comment();
        end.before(c);
        last.push([between(c), c]);
      }
      clear(x.length ? last[x.length - 1][1] : start);
      last.length = x.length;
      x.forEach((item, i) => (last as Item[])[i][0](item));
    } else if ((x as Template | undefined)?._$s) {
      const { _$s: strings, _$v: values } = x as Template;
      let fragment: DocumentFragment | undefined;
      if ((last as Instance | undefined)?._$s !== strings) [fragment, last] = build(strings);
      (last as Instance)._$b.forEach((b, i) => b(values[i]));
      if (fragment) {
        clear(start);
        end.before(fragment);
      }
    } else {
      const text = String(x ?? '');
      if (last instanceof Text) {
        if (last.data != text) last.data = text;
      } else {
        clear(start);
        end.before((last = new Text(text)));
      }
    }
  };
}
