import { LitElement, html, nothing } from 'lit';
import type { CategoryConfig, Language, SamtykkeConfig } from '../../core/config.js';
import { format, localize, resolveLanguage, type Messages } from '../../core/i18n.js';
import { pageMessagesFor } from '../page-messages.js';
import { DATE_LOCALES } from '../../core/policy-fill.js';
import { configFor, currentConsent } from '../../core/policy-page.js';
import { serviceLabel } from '../../core/service-label.js';
import type { ConsentRecord } from '../../core/record.js';
import { heading } from '../privacy-policy/document-templates.js';
import { cookieDeclarationStyles } from './cookie-declaration.styles.js';

/**
 * The cookie declaration: every category of the config with the visitor's current choice,
 * and a table of its services and cookies (name, provider, purpose, duration, transfer
 * outside the EU/EEA); the visitor's consent ID, date and policy version; buttons to change
 * or withdraw consent. It follows `samtykke-change` and `samtykke-ready` on the document, so it
 * shows the choice just made. It never changes consent itself: the buttons send intents that
 * `dist/samtykke.js` acts on.
 *
 * @tagname samtykke-cookie-declaration
 * @fires customise - the visitor wants to change their choice (bubbles, composed)
 * @fires withdraw - the visitor withdraws their consent (bubbles, composed)
 * @slot - extra content shown after the buttons (e.g. the visitor's consent history)
 * @csspart base - the section holding the declaration
 * @csspart heading - every heading
 * @csspart status - the consent ID, date and policy version (a polite live region)
 * @csspart actions - the row of buttons
 * @csspart change - the "change your consent" button
 * @csspart withdraw - the "withdraw your consent" button
 * @csspart category - each category's section
 * @csspart state - a category's current state
 * @csspart table - each table of services and cookies
 * @cssprop --samtykke-color - text colour (default: the page's)
 * @cssprop --samtykke-background - background (default: transparent)
 * @cssprop --samtykke-font-family - font family (default: the page's)
 * @cssprop --samtykke-font-size - body text size (default: 16px)
 * @cssprop --samtykke-radius - button corner radius (default: 6px)
 * @cssprop --samtykke-max-width - the declaration's width (default: 760px)
 */
export class SamtykkeCookieDeclaration extends LitElement {
  static override styles = cookieDeclarationStyles;
  // Declared without decorators: they would pull tslib's helper into the bundle.
  static override properties = {
    config: { attribute: false },
    consent: { attribute: false },
    lang: { reflect: true },
    theme: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** The Samtykke config (raw or resolved); default: the page's `#samtykke-config` or the running widget's. */
  declare config: unknown;

  /**
   * The consent to show; `undefined` reads it from `window.Samtykke` or the cookie. Set from
   * each `samtykke-change` and `samtykke-ready` event.
   */
  declare consent: ConsentRecord | null | undefined;

  /** `da` or `en`; default: the config's language, else the page's. */
  declare lang: string;

  /** `light` or `dark` for own colours; unset or `auto` takes the page's. */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** The level of the declaration's heading (1–5); categories are one level below. Default 2. */
  declare headingLevel: number;

  constructor() {
    super();
    this.headingLevel = 2;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('samtykke-change', this.onConsent);
    document.addEventListener('samtykke-ready', this.onConsent);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('samtykke-change', this.onConsent);
    document.removeEventListener('samtykke-ready', this.onConsent);
  }

  private readonly onConsent = (e: Event): void => {
    const consent = (e as CustomEvent<{ consent?: ConsentRecord | null }>).detail?.consent;
    if (typeof consent === 'object') this.consent = consent; // a record, or null when none is stored
  };

  // Literal event names, so the manifest analyzer lists exactly these two.
  private readonly change = () => this.dispatchEvent(new CustomEvent('customise', { bubbles: true, composed: true }));
  private readonly withdraw = () => this.dispatchEvent(new CustomEvent('withdraw', { bubbles: true, composed: true }));

  override render() {
    const config = configFor(this.config);
    const language = this.lang ? resolveLanguage('auto', this.lang, () => []) : resolveLanguage(config.language);
    const m = pageMessagesFor(language, config.texts[language], () => this.requestUpdate());
    const consent = this.consent !== undefined ? this.consent : currentConsent(config);
    const level = Math.min(5, Math.max(1, this.headingLevel || 2));
    const d = m.declaration;
    return html`<section part="base" lang=${language}>
      ${heading(level, d.title)}
      <div part="status" role="status">
        ${consent
          ? html`<dl>
              <dt>${d.consentId}</dt>
              <dd><code>${consent.id}</code></dd>
              <dt>${d.date}</dt>
              <dd><time datetime=${consent.updated}>${new Date(consent.updated).toLocaleString(DATE_LOCALES[language], { dateStyle: 'long', timeStyle: 'short' })}</time></dd>
              <dt>${d.policyVersion}</dt>
              <dd>${consent.policy}</dd>
            </dl>`
          : html`<p>${d.undecided}</p>`}
      </div>
      <div class="actions" part="actions">
        <button type="button" part="change" data-action="customise" @click=${this.change}>${d.change}</button>
        <button type="button" part="withdraw" data-action="withdraw" @click=${this.withdraw}>${d.withdraw}</button>
      </div>
      <slot></slot>
      ${config.categories.map((c) => this.category(c, config, consent, language, m, level + 1))}
    </section>`;
  }

  private category(c: CategoryConfig, config: SamtykkeConfig, consent: ConsentRecord | null, language: Language, m: Messages, level: number): unknown {
    const known = (m.categories as Record<string, { title: string; description: string } | undefined>)[c.id];
    const title = localize(c.title, language) || known?.title || c.id;
    const description = localize(c.description, language) || known?.description;
    const d = m.declaration;
    const state = c.required ? m.preferences.alwaysOn : !consent ? d.notChosen : consent.categories[c.id] ? d.allowed : d.refused;
    const rows: Row[] = c.services.flatMap((s) => {
      const provider = serviceLabel(s, config.controller.name);
      const transfer = localize(s.transfer, language) || m.cookies.noTransfer;
      return s.cookies.length
        ? s.cookies.map((k): Row => [s.id, k.name, provider, localize(k.purpose, language), localize(k.duration, language), transfer])
        : [[s.id, m.cookies.none, provider, localize(s.purpose, language), '–', transfer]];
    });
    // The consent cookie is a necessary cookie too, and a declaration must list it (CBO § 3(2)).
    if (c === config.categories.find((x) => x.required)) {
      const days = { days: String(config.cookie.expiresDays), rejectDays: String(config.cookie.rejectExpiresDays) };
      rows.unshift(['', config.cookie.name, config.controller.name || location.hostname, d.consentCookie, format(d.consentDuration, days), m.cookies.noTransfer]);
    }
    return html`<section part="category" data-category=${c.id}>
      ${heading(level, title)}
      ${description ? html`<p>${description}</p>` : nothing}
      <p part="state" class="state" data-state=${c.required || consent?.categories[c.id] ? 'on' : 'off'}><strong>${d.state}:</strong> ${state}</p>
      ${rows.length ? this.table(title, rows, m) : html`<p>${m.cookies.none}</p>`}
    </section>`;
  }

  private table(title: string, rows: Row[], m: Messages): unknown {
    const t = m.cookies;
    // On a narrow screen each row is a card, its cells labelled by their column (see the styles).
    const labels = [t.provider, t.purpose, t.duration, t.transfer];
    return html`<div class="cards">
      <table part="table">
        <caption>${title}</caption>
        <thead>
          <tr><th scope="col">${t.name}</th><th scope="col">${t.provider}</th><th scope="col">${t.purpose}</th><th scope="col">${t.duration}</th><th scope="col">${t.transfer}</th></tr>
        </thead>
        <tbody>
          ${rows.map(
            ([service, name, ...cells]) =>
              html`<tr data-service=${service || nothing}>
                <th scope="row">${name}</th>
                ${cells.map((cell, i) => html`<td data-label=${labels[i]}>${cell}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

/** A table row: service id ('' for the consent cookie), cookie name, provider, purpose, duration, transfer. */
type Row = [string, string, string, string, string, string];

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-cookie-declaration': SamtykkeCookieDeclaration;
  }
}
