import { html, render } from 'lit/html.js';
import type { CategoryConfig, Language } from '../core/config.js';
import { localize, messagesFor, type Messages } from '../core/i18n.js';
import { themeStyles } from './theme.styles.js';

/** The theme a first-layer element shows; `auto` follows `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'auto';

/** A reactive property, declared as in Lit: its attribute (`false`: none; default the lower-cased name), `reflect`, `type: Boolean`. */
export interface PropertyDeclaration {
  attribute?: string | boolean;
  reflect?: boolean;
  type?: BooleanConstructor;
}

type Host = typeof SamtykkeElement;
type Declared = [name: string, declaration: PropertyDeclaration, attribute: string, prototype: object];

/** The declared properties of a class and its ancestors. */
function declared(c: Host): Declared[] {
  const out: Declared[] = [];
  for (; c.properties; c = Object.getPrototypeOf(c))
    for (const [k, d] of Object.entries(c.properties)) out.push([k, d, typeof d.attribute == 'string' ? d.attribute : k.toLowerCase(), c.prototype]);
  return out;
}

let sheet: CSSStyleSheet | undefined;

/**
 * What the banner, the preference centre, the reopen button and the placeholder share: strings,
 * language, theme, the one stylesheet, and the way they ask for a decision (a bubbling, composed
 * intent event that the controller turns into a store call). Not registered itself.
 *
 * The reactive part is the little of LitElement these elements use, on lit-html (about 2 KB gzip
 * less in the first-layer bundle): `static properties` (attribute, reflect, Boolean), one
 * batched render per microtask once connected, `updateComplete`, `requestUpdate()`, an open
 * shadow root (`static shadowRootOptions`) with the shared sheet adopted, and values a page set
 * on the element before it was defined are taken over.
 */
export class SamtykkeElement extends HTMLElement {
  static properties: Record<string, PropertyDeclaration> = {
    messages: { attribute: false },
    lang: { reflect: true },
    theme: { reflect: true },
  };

  /** Options of the shadow root. */
  static shadowRootOptions: ShadowRootInit = { mode: 'open' };

  /** Read once by `customElements.define`: also gives each declared property its accessor. */
  static get observedAttributes(): string[] {
    return declared(this).flatMap(([k, d, a, proto]) => {
      if (!Object.prototype.hasOwnProperty.call(proto, k))
        Object.defineProperty(proto, k, {
          get(this: SamtykkeElement) {
            return this.values[k];
          },
          set(this: SamtykkeElement, x: unknown) {
            if (this.values[k] !== x) {
              this.values[k] = x;
              this.requestUpdate();
            }
          },
        });
      return d.attribute === false ? [] : [a];
    });
  }

  private values: Record<string, unknown> = {};
  private early?: [string, unknown][];
  private pending = false;

  /** The shadow root, once connected. */
  renderRoot!: ShadowRoot;

  /** Resolves once the pending render is done. */
  updateComplete: Promise<boolean> = Promise.resolve(true);

  /** The strings to show, from `locales/ui.*.json` with the site owner's overrides; Danish by default. */
  declare messages: Messages;

  /** The language of `messages`, carried as `lang` on the element (WCAG 3.1.2). */
  declare lang: string;

  /** `light`, `dark` or `auto` (follows the visitor's system setting). */
  declare theme: Theme;

  constructor() {
    super();
    // Set on the element before it was defined: kept aside, applied when it connects.
    this.early = declared(this.constructor as Host)
      .filter(([k]) => Object.prototype.hasOwnProperty.call(this, k))
      .map(([k]) => {
        const x = (this as unknown as Record<string, unknown>)[k];
        delete (this as unknown as Record<string, unknown>)[k];
        return [k, x];
      });
    this.messages = messagesFor('da');
    this.lang = 'da';
    this.theme = 'auto';
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    for (const [k, d, a] of declared(this.constructor as Host)) if (a == name) (this as unknown as Record<string, unknown>)[k] = d.type ? value != null : value;
  }

  connectedCallback(): void {
    if (!this.renderRoot) {
      this.renderRoot = this.attachShadow((this.constructor as Host).shadowRootOptions);
      if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(themeStyles);
      this.renderRoot.adoptedStyleSheets = [sheet];
      for (const [k, x] of this.early!) (this as unknown as Record<string, unknown>)[k] = x;
    }
    this.requestUpdate();
  }

  disconnectedCallback(): void {}

  /** Renders in a microtask (several changes, one render); only once connected. */
  requestUpdate(): void {
    if (this.pending) return;
    this.pending = true;
    this.updateComplete = Promise.resolve().then(() => {
      this.pending = false;
      if (this.renderRoot) {
        for (const [k, d, a] of declared(this.constructor as Host)) {
          const x = (this as unknown as Record<string, unknown>)[k];
          if (!d.reflect) continue;
          if (x == null) this.removeAttribute(a);
          else if (this.getAttribute(a) !== String(x)) this.setAttribute(a, String(x));
        }
        render(this.render(), this.renderRoot, { host: this });
      }
      return true;
    });
  }

  /** The element's content. */
  render(): unknown {
    return '';
  }

  /** Asks the controller for a decision or a layer. */
  protected intent(type: string, detail?: unknown): void {
    // Built apart from dispatchEvent so the manifest analyzer does not list an event named "type".
    const event = new CustomEvent(type, { bubbles: true, composed: true, detail });
    this.dispatchEvent(event);
  }

  /**
   * The equally styled choice buttons (COMPLIANCE 4, 12): accept all, reject all, then `last`.
   * A click turns the pressed button's `data-action` into an intent.
   */
  protected actions(last: string, label: string) {
    const b = this.messages.banner;
    return html`<div class="actions" part="actions" @click=${(e: Event) => {
      const action = (e.target as Element).closest('[data-action]')?.getAttribute('data-action');
      if (action) this.intent(action);
    }}>${[['accept-all', b.acceptAll], ['reject-all', b.rejectAll], [last, label]].map(
      ([action, label]) => html`<button type="button" part=${action} data-action=${action}>${label}</button>`,
    )}</div>`;
  }

  /** A category's title and description: the config's own, else the built-in text for its id. */
  protected describe(c: CategoryConfig): [string, string] {
    const lang = this.lang as Language;
    const known = (this.messages.categories as Record<string, { title: string; description: string } | undefined>)[c.id];
    return [localize(c.title, lang) || known?.title || c.id, localize(c.description, lang) || known?.description || ''];
  }
}
