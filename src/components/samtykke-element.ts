import { LitElement, html, type PropertyDeclarations } from 'lit';
import type { CategoryConfig, Language } from '../core/config.js';
import { themeStyles } from './theme.styles.js';
import { localize, messagesFor, type Messages } from '../core/i18n.js';

/** The theme a first-layer element shows; `auto` follows `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * What the banner, the preference centre and the reopen button share: strings, language,
 * theme, and the way they ask for a decision (a bubbling, composed intent event that the
 * controller turns into a store call). Not registered itself.
 */
export class SamtykkeElement extends LitElement {
  // Declared without decorators: they would pull tslib's helper into the first-layer bundle.
  static override styles = themeStyles;
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    lang: { reflect: true },
    theme: { reflect: true },
  };

  /** The strings to show, from `locales/ui.*.json` with the site owner's overrides; Danish by default. */
  declare messages: Messages;

  /** The language of `messages`, carried as `lang` on the element (WCAG 3.1.2). */
  declare lang: string;

  /** `light`, `dark` or `auto` (follows the visitor's system setting). */
  declare theme: Theme;

  constructor() {
    super();
    this.messages = messagesFor('da');
    this.lang = 'da';
    this.theme = 'auto';
  }

  /** Asks the controller for a decision or a layer. */
  protected intent(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
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
