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

/** The declared properties of a class (each class lists its ancestors' too: `...SamtykkeElement.properties`). */
const declared = (c: Host) => Object.entries(c.properties);

// Private state under module symbols: unlike member names, the minifier shortens these.
const values = Symbol();
const queued = Symbol();

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

  /** Read once by `customElements.define`: also gives each declared property its accessor. */
  static get observedAttributes(): string[] {
    return declared(this).flatMap(([k, kind]) => {
      // Configurable, so a subclass may be defined too.
      Object.defineProperty(this.prototype, k, {
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
      return kind === PROPERTY ? [] : [typeof kind == 'string' ? kind : k];
    });
  }

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
    // Set on the element before it was defined: moved onto the accessors. The defaults above
    // are in place already, and the subclasses assign theirs with `??=`: neither overwrites these.
    for (const [k] of declared(this.constructor as Host))
      if (Object.hasOwn(this, k)) {
        const x = (this as unknown as Props)[k];
        delete (this as unknown as Props)[k];
        (this as unknown as Props)[k] = x;
      }
    this.requestUpdate();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    for (const [k, kind] of declared(this.constructor as Host))
      if ((typeof kind == 'string' ? kind : k) == name) (this as unknown as Props)[k] = kind === BOOLEAN ? value != null : value;
  }

  /** Renders in a microtask: several changes, one render. */
  requestUpdate(): void {
    this.updateComplete = this[queued] ??= Promise.resolve().then(() => {
      this[queued] = undefined;
      for (const [k, kind] of declared(this.constructor as Host)) {
        const x = (this as unknown as Props)[k];
        if (kind !== REFLECT) continue;
        // Reflected properties hold strings.
        if (x == null) this.removeAttribute(k);
        else if (this.getAttribute(k) !== x) this.setAttribute(k, x as string);
      }
      // No `host` option: every listener is an arrow function, so none needs `this` bound.
      render(this.render(), this.shadowRoot!);
      return true;
    });
  }

  /** The element's content. */
  abstract render(): unknown;
}

/** Asks the controller for a decision or a layer: a bubbling, composed event from `host`. */
export function intent(host: Element, type: string, detail?: unknown): void {
  // Written as the controller's emit() writes it: gzip finds the repeat.
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/**
 * The equally styled choice buttons (COMPLIANCE 4, 12): accept all, reject all, then `last`,
 * whose event carries what `detail` returns.
 */
export function actions(host: SamtykkeElement, last: string, label: string, detail?: () => unknown) {
  const b = host.messages.banner;
  return html`<div class="actions" part="actions">${([['accept-all', b.acceptAll], ['reject-all', b.rejectAll], [last, label, detail]] as const).map(
    ([action, text, d]) => html`<button type="button" part=${action} data-action=${action} @click=${() => intent(host, action, d?.())}>${text}</button>`,
  )}</div>`;
}

/** A category's title and description: the config's own, else the built-in text for its id. */
export function describe(host: SamtykkeElement, c: CategoryConfig): [string, string] {
  const lang = host.lang as Language;
  const known = (host.messages.categories as Record<string, { title: string; description: string } | undefined>)[c.id];
  return [localize(c.title, lang) || known?.title || c.id, localize(c.description, lang) || known?.description || ''];
}
