import { html, render } from './template.js';
import type { CategoryConfig, Language } from '../core/config.js';
import { localize, messagesFor, type Messages } from '../core/i18n.js';
import { themeStyles } from './theme.styles.js';

/** The theme a first-layer element shows; `auto` follows `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'auto';

// How a declared property meets its attribute. Numbers rather than Lit's option objects: the
// minifier inlines them, so a declaration costs a few bytes.
/** A property only, no attribute. */
export const PROPERTY = 0;
/** Set from the attribute of the same name. */
export const ATTRIBUTE = 1;
/** Set from the attribute of the same name, and written back to it on each render. */
export const REFLECT = 2;
/** A boolean set by the attribute's presence. */
export const BOOLEAN = 3;

/** A declaration: one of the kinds above, or the name of the attribute it is set from (not reflected). */
export type PropertyKind = number | string;

type Host = typeof SamtykkeElement;
type Props = Record<string, unknown>;

// Private state under module symbols: unlike member names, the minifier shortens these.
const values = Symbol();
const queued = Symbol();
const attributes = Symbol();

/** Writes a reflected property (a string) to its attribute. */
function reflect(el: SamtykkeElement, k: string): void {
  const x = (el as unknown as Props)[k] as string | null | undefined;
  if (x == null) el.removeAttribute(k);
  else if (el.getAttribute(k) !== x) el.setAttribute(k, x);
}

/**
 * A declared property's accessor: a render when its value changes. Configurable, so a subclass
 * may be defined too.
 */
const accessor = (k: string): PropertyDescriptor => ({
  configurable: true,
  get(this: SamtykkeElement) {
    return this[values][k];
  },
  set(this: SamtykkeElement, x: unknown) {
    if (this[values][k] !== x) {
      this[values][k] = x;
      this.requestUpdate();
    }
  },
});

let sheet: CSSStyleSheet | undefined;

/**
 * What the banner, the preference centre, the reopen button and the placeholder share: strings,
 * language, theme, the one stylesheet, and one batched render per microtask.
 *
 * The reactive part is the little of LitElement these elements use (about 2 KB gzip less in the
 * first-layer bundle), rendering with `./template.js` (about 1.7 KB less than lit-html):
 * `static properties` (see {@link PropertyKind}), one batched render per microtask,
 * `updateComplete`, `requestUpdate()`, an open shadow root with the shared sheet adopted, and
 * values a page set on the element before it was defined are taken over.
 * The shadow root is made in the constructor and rendered into whether or not the element is
 * connected: nothing in it depends on the page. Where there is no DOM (a framework's server
 * build importing the npm entry) the class is made on `Object`, and never instantiated there.
 */
export abstract class SamtykkeElement extends ((globalThis.HTMLElement ?? Object) as typeof HTMLElement) {
  static properties: Record<string, PropertyKind> = { messages: PROPERTY, lang: REFLECT, theme: REFLECT };

  /**
   * Read once by `customElements.define`: which attribute sets which declared property (each
   * class lists its ancestors' too: `...SamtykkeElement.properties`). The loops over
   * declarations are `for…in` with small bodies, here and in the render: destructuring
   * `Object.entries` compiled to enough bytecode, run often enough at page load, for V8 to
   * compile it to machine code (README, Benchmarks).
   */
  static get observedAttributes(): string[] {
    const props = this.properties;
    const names: Record<string, string> = (this[attributes] = {});
    for (const k in props) if (props[k] !== PROPERTY) names[typeof props[k] == 'string' ? (props[k] as string) : k] = k;
    return Object.keys(names);
  }

  /** Each observed attribute's property, made by `observedAttributes` for each class defined. */
  declare static [attributes]: Record<string, string>;

  // Assigned in the constructor: a field initialiser with a symbol key compiles to more code.
  declare private [values]: Props;
  declare private [queued]?: Promise<boolean>;

  /** Resolves once the pending render is done. */
  declare updateComplete: Promise<boolean>;

  /** The strings to show, from `locales/ui.*.json` with the site owner's overrides; Danish by default. */
  declare messages: Messages;

  /** The language of `messages`, carried as `lang` on the element (WCAG 3.1.2). */
  declare lang: string;

  /** `light`, `dark` or `auto` (follows the visitor's system setting). */
  declare theme: Theme;

  /** `delegatesFocus`: focusing the element focuses the first focusable thing inside it. */
  constructor(delegatesFocus?: boolean) {
    super();
    this[values] = { messages: messagesFor('da'), lang: 'da', theme: 'auto' };
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(themeStyles);
    this.attachShadow({ mode: 'open', delegatesFocus }).adoptedStyleSheets = [sheet];
    // The class's accessors are made on its first instance, not when it is defined: the reopen
    // button and the placeholder are defined on every page and shown on few first views (their
    // accessors cost 1 KB of JS heap; README, Benchmarks). Then, what was set on the element
    // before it was defined is moved onto them. The defaults above are in place already, and
    // the subclasses assign theirs with `??=`: neither overwrites these. The base's own three
    // are made once, on its prototype, for all the classes.
    const proto = Object.getPrototypeOf(this);
    for (const k in (this.constructor as Host).properties) {
      const owner = Object.hasOwn(SamtykkeElement.properties, k) ? SamtykkeElement.prototype : proto;
      if (!Object.hasOwn(owner, k)) Object.defineProperty(owner, k, accessor(k));
      if (Object.hasOwn(this, k)) {
        const x = (this as unknown as Props)[k];
        delete (this as unknown as Props)[k];
        (this as unknown as Props)[k] = x;
      }
    }
    this.requestUpdate();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const c = this.constructor as Host;
    const k = c[attributes][name];
    (this as unknown as Props)[k] = c.properties[k] === BOOLEAN ? value != null : value;
  }

  /** Renders in a microtask: several changes, one render. */
  requestUpdate(): void {
    this.updateComplete = this[queued] ??= Promise.resolve().then(() => {
      this[queued] = undefined;
      const props = (this.constructor as Host).properties;
      for (const k in props) if (props[k] === REFLECT) reflect(this, k);
      this.update();
      return true;
    });
  }

  /** Puts the content in the shadow root: by default, renders what `render()` returns with `./template.js`. */
  protected update(): void {
    // No `host` option: every listener is an arrow function, so none needs `this` bound.
    render(this.render(), this.shadowRoot!);
  }

  /** The element's content, as an `html` template; an element that overrides `update()` has none. */
  render(): unknown {
    return '';
  }
}

/** What {@link markup} puts in: text, markup it made, or lists of them; `''`, `false` and `null` add nothing. */
export type Content = Markup | string | false | null | undefined | Content[];

/** HTML that {@link markup} made: its text was escaped on the way in. */
export interface Markup {
  readonly html: string;
}

/** `&`, `<`, `>` and both quotes as character references: text that is safe in content and in quoted attributes. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const piece = (x: Content): string =>
  Array.isArray(x) ? x.map(piece).join('') : typeof x == 'object' ? (x?.html ?? '') : x ? escape(x) : '';

/**
 * Markup for the content shown on every page view that a render does not update in place (the
 * banner, the reopen button), set as one `innerHTML`: no template is parsed, walked or bound,
 * the template code does not run at page load at all, and the page's script never holds its
 * elements, so the browser makes no wrapper for them, nor the interface of their kind (a list
 * and its items cost 2 KB of JS heap that way; README, Benchmarks). Every interpolated string
 * is escaped: it becomes text, never HTML. Attribute values go in double quotes.
 */
export function markup(strings: TemplateStringsArray, ...values: Content[]): Markup {
  let html = strings[0];
  for (let i = 1; i < strings.length; i++) html += piece(values[i - 1]) + strings[i];
  return { html };
}

/** Replaces `host`'s content with `content`; what had the focus (by its `part`) has it again. */
export function replace(host: Element, content: Markup): void {
  const root = host.shadowRoot!;
  const part = root.activeElement?.getAttribute('part');
  root.innerHTML = content.html;
  if (part) root.querySelector<HTMLElement>(`[part="${part}"]`)?.focus();
}

/**
 * A click on a button with a `data-action` in `host`'s shadow root asks for that action: one
 * listener for the buttons {@link markup} made, which the script never holds.
 */
export function forwardActions(host: SamtykkeElement): void {
  host.shadowRoot!.addEventListener('click', (e) => {
    const action = (e.target as Element).closest('[data-action]')?.getAttribute('data-action');
    if (action) intent(host, action);
  });
}

/** Asks the controller for a decision or a layer: a bubbling, composed event from `host`. */
export function intent(host: Element, type: string, detail?: unknown): void {
  // Written as the controller's emit() writes it: gzip finds the repeat.
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** The three equal choices (COMPLIANCE 4, 12): accept all, reject all, then `last`. */
const choices = (host: SamtykkeElement, last: string, label: string) => {
  const b = host.messages.banner;
  return [['accept-all', b.acceptAll], ['reject-all', b.rejectAll], [last, label]];
};

/**
 * The equally styled choice buttons as a template (the preference centre's): accept all,
 * reject all, then `last`, whose event carries what `detail` returns.
 */
export function actions(host: SamtykkeElement, last: string, label: string, detail?: () => unknown) {
  return html`<div class="actions" part="actions">${choices(host, last, label).map(
    ([action, text]) => html`<button type="button" part=${action} data-action=${action} @click=${() => intent(host, action, action == last ? detail?.() : undefined)}>${text}</button>`,
  )}</div>`;
}

/** The same buttons as {@link markup} (the banner's); {@link forwardActions} makes them work. */
export const actionMarkup = (host: SamtykkeElement, last: string, label: string): Markup =>
  markup`<div class="actions" part="actions">${choices(host, last, label).map(
    ([action, text]) => markup`<button type="button" part="${action}" data-action="${action}">${text}</button>`,
  )}</div>`;

/** A category's title and description: the config's own, else the built-in text for its id. */
export function describe(host: SamtykkeElement, c: CategoryConfig): [string, string] {
  const lang = host.lang as Language;
  const known = (host.messages.categories as Record<string, { title: string; description: string } | undefined>)[c.id];
  return [localize(c.title, lang) || known?.title || c.id, localize(c.description, lang) || known?.description || ''];
}
