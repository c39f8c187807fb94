import { html, nothing } from 'lit';
import { format } from '../../core/i18n.js';
import { dispatchIntent } from '../shared/intent.js';
import { layerStyles } from '../shared/layer.styles.js';
import { SamtykkeElement } from '../samtykke-element.js';
import { embedStyles } from './embed.styles.js';

/**
 * Placeholder for a blocked iframe or embed: names the service and offers to allow it.
 *
 * The gate inserts one before each gated `<iframe data-src>` and fills its properties; a page
 * may also place `<samtykke-embed category service src title>` itself. Once the service is
 * allowed the gate loads the iframe and removes the placeholder.
 *
 * @fires accept-service - "allow this service" was pressed; `detail: { service }` (bubbles, composed)
 * @fires customise - the visitor wants the preference centre (bubbles, composed)
 * @csspart base - the panel
 * @csspart allow - the allow button (only with a `service`)
 * @csspart settings - the settings button
 * @csspart privacy - the link to the service's own privacy policy (when the config gives one)
 * @cssprop --samtykke-background - panel background
 * @cssprop --samtykke-color - text colour
 * @cssprop --samtykke-accent - button colour
 * @cssprop --samtykke-border-color - panel border
 *
 * @tagname samtykke-embed
 */
export class SamtykkeEmbed extends SamtykkeElement {
  static override styles = [layerStyles, embedStyles];

  static override properties = {
    category: {},
    service: {},
    name: { attribute: false },
    serviceName: { attribute: false },
    privacyUrl: { attribute: false },
  };

  /** The category id the content belongs to. */
  declare category?: string;

  /** The service id the content comes from; without one only "settings" is offered. */
  declare service?: string;

  /** How the service is named (its name, with its provider when that is not the site), else the category's title. */
  declare name?: string;

  /** The service's own name, for the button and the link (the sentence names its provider too). */
  declare serviceName?: string;

  /** The service's own privacy policy (the config's `privacyUrl`), linked when given. */
  declare privacyUrl?: string;

  protected override render() {
    const m = this.messages.embed;
    const service = this.service;
    const categoryTitle = (this.messages.categories as Record<string, { title: string } | undefined>)[this.category ?? '']?.title;
    // Without a service, the category is named by its title.
    const name = this.name || service || categoryTitle || this.category || '';
    const short = this.serviceName || name;
    return html`<div class="panel" part="base" role="group" aria-label=${this.title || name}>
      <p>${format(m.blocked, { service: name })}</p>
      ${service
        ? html`<button part="allow" @click=${() => dispatchIntent(this, 'accept-service', { service })}>${format(m.allow, { service: short })}</button>`
        : nothing}
      <button part="settings" @click=${() => dispatchIntent(this, 'customise')}>${m.settings}</button>
      ${this.privacyUrl ? html`<p><a part="privacy" href=${this.privacyUrl}>${format(m.privacy, { service: short })}</a></p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-embed': SamtykkeEmbed;
  }
}
