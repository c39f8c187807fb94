import { html } from '../template.js';
import { format } from '../../core/i18n.js';
import { ATTRIBUTE, intent, PROPERTY, SamtykkeElement } from '../samtykke-element.js';

/**
 * Placeholder for a blocked iframe or embed: names the service and offers to allow it.
 *
 * The gate inserts one before each gated `<iframe data-src>` and fills its properties; a page
 * may also place `<samtykke-embed category service src title>` itself. Once the service is
 * allowed the gate loads the iframe and removes the placeholder.
 *
 * @fires accept-service - "allow this service" was pressed; `detail: { service }`
 * @fires customise - the visitor wants the preference centre
 * @csspart base - the panel
 * @csspart allow - the allow button (only with a `service`)
 * @csspart settings - the settings button
 * @cssprop --samtykke-background - panel background
 * @cssprop --samtykke-color - text colour
 * @cssprop --samtykke-accent - button colour
 * @cssprop --samtykke-border-color - panel border
 *
 * @tagname samtykke-embed
 */
export class SamtykkeEmbed extends SamtykkeElement {
  static override properties = { ...SamtykkeElement.properties, category: ATTRIBUTE, service: ATTRIBUTE, name: PROPERTY };

  /** The category id the content belongs to. */
  declare category?: string;

  /** The service id the content comes from; without one only "settings" is offered. */
  declare service?: string;

  /** The service's display name (from the config), else the category's title. */
  declare name?: string;

  override render() {
    const m = this.messages.embed;
    const service = this.service;
    const name = this.name || service || this.category || '';
    return html`<div part="base" role="group" aria-label=${this.title || name}><p>${format(m.blocked, { service: name })}</p>${
      service ? html`<button part="allow" @click=${() => intent(this, 'accept-service', { service })}>${format(m.allow, { service: name })}</button>` : ''
    }<button part="settings" @click=${() => intent(this, 'customise')}>${m.settings}</button></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-embed': SamtykkeEmbed;
  }
}
