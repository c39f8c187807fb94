import { LitElement, html } from 'lit';
import type { Messages } from '../../core/i18n.js';
import { bannerStyles } from './banner.styles.js';

/**
 * The first layer: what the site uses cookies for, and three equal choices.
 *
 * @fires accept-all - the visitor pressed "Accepter alle"
 * @fires reject-all - the visitor pressed "Afvis alle"
 * @fires customise - the visitor wants the preference centre
 * @csspart base - the panel
 * @csspart accept-all - the accept-all button
 * @csspart reject-all - the reject-all button
 * @csspart customise - the customise button
 * @cssprop --samtykke-background - panel background
 * @cssprop --samtykke-color - text colour
 */
export class SamtykkeBanner extends LitElement {
  static override styles = bannerStyles;
  // Declared without decorators: they would pull tslib's helper into the first-layer bundle.
  static override properties = {
    messages: { attribute: false },
    lang: { reflect: true },
  };

  /** The strings to show, from `locales/ui.*.json` with the site owner's overrides. */
  declare messages?: Messages;

  /** The language of `messages`, carried as `lang` on the element. */
  declare lang: string;

  constructor() {
    super();
    this.lang = 'da';
  }

  private intent(type: string) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }

  override render() {
    const m = this.messages?.banner;
    if (!m) return null;
    return html`<section part="base" role="region" aria-label=${m.label}>
      <h2>${m.title}</h2>
      <p>${m.intro}</p>
      <p>${m.withdraw}</p>
      <div class="actions">
        <button part="accept-all" data-action="accept-all" @click=${() => this.intent('accept-all')}>${m.acceptAll}</button>
        <button part="reject-all" data-action="reject-all" @click=${() => this.intent('reject-all')}>${m.rejectAll}</button>
        <button part="customise" data-action="customise" @click=${() => this.intent('customise')}>${m.customise}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-banner': SamtykkeBanner;
  }
}
