import { LitElement, type PropertyDeclarations } from 'lit';
import type { CategoryConfig, Language } from '../core/config.js';
import { localize } from '../core/i18n.js';
import { messagesFor, type LayerMessages } from '../ui/messages.js';

/** The colour scheme a layer shows; `auto` follows `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'auto';

/** A built-in look, all through the `--samtykke-*` custom properties. */
export type ThemePreset = 'default' | 'minimal' | 'contrast';

/**
 * What an element shows before anyone dresses it: the running widget sets these when the UI
 * loads (see `src/ui.ts`), so a placeholder the gate inserts, or one a page placed, speaks
 * the page's language from its first render.
 */
export const uiDefaults: { messages: LayerMessages; lang: Language; theme: Theme; preset: ThemePreset } = {
  messages: messagesFor('da'),
  lang: 'da',
  theme: 'auto',
  preset: 'default',
};

/**
 * What the banner, the preference centre, the reopen button and the placeholder share: their
 * strings, their language and their theme.
 */
export class SamtykkeElement extends LitElement {
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    lang: { reflect: true },
    theme: { reflect: true },
    preset: { reflect: true },
  };

  /** The strings to show, from `locales/ui.*.json` with the site owner's overrides; Danish by default. */
  declare messages: LayerMessages;

  /** The language of `messages`, carried as `lang` on the element (WCAG 3.1.2). */
  declare lang: string;

  /** `light`, `dark` or `auto` (follows the visitor's system setting). */
  declare theme: Theme;

  /** `default`, `minimal` or `contrast`: one of the built-in looks. */
  declare preset: ThemePreset;

  constructor() {
    super();
    this.messages = uiDefaults.messages;
    this.lang = uiDefaults.lang;
    this.theme = uiDefaults.theme;
    this.preset = uiDefaults.preset;
  }

  /** A category's title and description: the config's own, else the built-in text for its id. */
  protected describe(c: CategoryConfig): [string, string] {
    const known = (this.messages.categories as Record<string, { title: string; description: string } | undefined>)[c.id];
    return [localize(c.title, this.lang) || known?.title || c.id, localize(c.description, this.lang) || known?.description || ''];
  }
}
