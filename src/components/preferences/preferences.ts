import { html, nothing } from 'lit';
import type { CategoryConfig, ServiceConfig } from '../../core/config.js';
import { localize } from '../../core/i18n.js';
import type { ConsentRecord } from '../../core/record.js';
import { choiceButtons } from '../shared/choice-buttons.js';
import { layerStyles } from '../shared/layer.styles.js';
import { serviceLabel } from '../../core/service-label.js';
import { SamtykkeElement } from '../samtykke-element.js';
import { preferencesStyles } from './preferences.styles.js';

/**
 * The preference centre: a modal `<dialog>` with one switch per category and per service,
 * each service's cookies, and accept-all, reject-all and save of equal weight. Focus moves
 * in and stays in (Tab is trapped explicitly), the page behind is inert, Esc closes without
 * deciding, and focus returns to the element that opened it (COMPLIANCE 11–15, 36).
 *
 * Switches start at the visitor's stored choice (`consent`); without one, every optional
 * switch is off. A decision is announced in a `role="status"` region (COMPLIANCE 42).
 *
 * @fires accept-all - the visitor pressed "Accepter alle" (bubbles, composed)
 * @fires reject-all - the visitor pressed "Afvis alle" (bubbles, composed)
 * @fires save - the visitor saved the switches; `detail: { categories, services }`, id → boolean (bubbles, composed)
 * @fires close - the dialog closed, by a decision, the close button or Esc
 * @csspart dialog - the `<dialog>`
 * @csspart base - the form inside it
 * @csspart close - the close (×) button
 * @csspart gpc - the note that the Global Privacy Control signal was honoured
 * @csspart category - one category's block
 * @csspart service - one service's block
 * @csspart actions - the row of buttons
 * @csspart accept-all - the accept-all button
 * @csspart reject-all - the reject-all button
 * @csspart save - the save button
 * @cssprop --samtykke-background - dialog background
 * @cssprop --samtykke-color - text colour
 * @cssprop --samtykke-accent - buttons, switches that are on, links, the focus ring
 * @cssprop --samtykke-on-accent - text on the buttons
 * @cssprop --samtykke-border-color - borders and switches that are off
 * @cssprop --samtykke-radius - corner radius
 * @cssprop --samtykke-shadow - the dialog's shadow
 * @cssprop --samtykke-font-family - font
 * @cssprop --samtykke-font-size - base text size, in px
 *
 * @tagname samtykke-preferences
 */
export class SamtykkePreferences extends SamtykkeElement {
  static override styles = [layerStyles, preferencesStyles];

  static override properties = {
    categories: { attribute: false },
    consent: { attribute: false },
    gpc: { type: Boolean },
    controllerName: { attribute: false },
    announcement: { state: true, attribute: false },
    opened: { state: true, attribute: false },
  };

  /** The categories and their services, from the config. */
  declare categories: CategoryConfig[];

  /** The stored choice the switches start from; `null` before the first decision. */
  declare consent: ConsentRecord | null;

  /** Show the note that the browser's Global Privacy Control signal kept marketing off. */
  declare gpc: boolean;

  /** The site's own name (the config's `controller.name`): a service it runs itself is not followed by it. */
  declare controllerName?: string;

  /** What the status region says: the saved message after a decision, empty after opening. */
  declare private announcement: string;

  /** Whether the dialog has been asked for: it is rendered on first opening, as most visitors never open it. */
  declare private opened: boolean;

  /** The element focused before opening, to return focus to. */
  private opener: HTMLElement | null = null;

  constructor() {
    super();
    this.categories = [];
    this.consent = null;
    this.gpc = false;
    this.announcement = '';
    this.opened = false;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return !!this.dialog?.open;
  }

  /** Opens the dialog with the switches at the stored choice; focus returns to the current element on close. */
  async show(): Promise<void> {
    let at = document.activeElement;
    while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
    this.opener = at as HTMLElement | null;
    this.announcement = '';
    this.opened = true;
    await this.updateComplete;
    const dialog = this.dialog!;
    if (dialog.open || !this.isConnected) return;
    // Back to the `checked` attributes, i.e. the stored choice: an unsaved change is not a choice.
    dialog.querySelector('form')!.reset();
    dialog.showModal();
  }

  /** Closes without deciding. */
  close(): void {
    this.dialog?.close();
  }

  /** Closes after a decision and announces that it was saved. */
  confirm(): void {
    this.close();
    this.announcement = this.messages.preferences.saved;
  }

  protected override render() {
    return html`<p role="status">${this.announcement}</p>${this.opened ? this.renderDialog() : nothing}`;
  }

  private renderDialog() {
    const p = this.messages.preferences;
    return html`<dialog class="panel" part="dialog" aria-labelledby="title" @close=${this.onClose} @keydown=${this.trapTab}>
      <form part="base" @change=${this.follow} @submit=${(e: Event) => e.preventDefault()}>
        <header>
          <h2 id="title">${p.title}</h2>
          <button type="button" part="close" aria-label=${p.close} @click=${() => this.close()}>×</button>
        </header>
        <div class="text">
          <p>${p.intro}</p>
          ${this.gpc ? html`<p part="gpc"><strong>${p.gpc}</strong></p>` : nothing} ${this.categories.map((c) => this.renderCategory(c))}
        </div>
        ${choiceButtons(this, 'save', p.save, () => ({ categories: this.read('category'), services: this.read('service') }))}
      </form>
    </dialog>`;
  }

  /** A category: its switch, description and, folded, its services. */
  private renderCategory(c: CategoryConfig) {
    const [title, description] = this.describe(c);
    const services = c.services;
    return html`<div part="category">
      <div class="row">
        <h3><label for="c-${c.id}">${title}</label></h3>
        <input type="checkbox" role="switch" id="c-${c.id}" data-category=${c.id} ?checked=${!!this.consent?.categories[c.id] || c.required} ?disabled=${c.required} />${this.renderState(c.required)}
      </div>
      <p>${description}</p>
      ${services.length
        ? html`<details>
            <summary>${this.messages.preferences.services} (${services.length})</summary>
            ${services.map((s) => this.renderService(s, c.required))}
          </details>`
        : nothing}
    </div>`;
  }

  /** A service: its switch, provider, purpose, transfer outside the EU/EEA and its cookies (COMPLIANCE 14). */
  private renderService(s: ServiceConfig, required: boolean) {
    const k = this.messages.cookies;
    const missing = k.missing;
    return html`<div part="service">
      <div class="row">
        <h4><label for="s-${s.id}">${serviceLabel(s, this.controllerName)}</label></h4>
        <input type="checkbox" role="switch" id="s-${s.id}" data-service=${s.id} ?checked=${!!this.consent?.services[s.id] || required} ?disabled=${required} />${this.renderState(required)}
      </div>
      <p>
        ${k.provider}: ${s.provider || missing}<br />${k.purpose}: ${localize(s.purpose, this.lang) || missing}<br />${k.transfer}:
        ${localize(s.transfer, this.lang) || k.noTransfer}
      </p>
      ${s.cookies.length
        ? html`<table>
            <tr>
              <th>${k.name}</th>
              <th>${k.purpose}</th>
              <th>${k.duration}</th>
            </tr>
            ${s.cookies.map(
              (cookie) =>
                html`<tr>
                  <td>${cookie.name}</td>
                  <td>${localize(cookie.purpose, this.lang) || missing}</td>
                  <td>${localize(cookie.duration, this.lang) || missing}</td>
                </tr>`,
            )}
          </table>`
        : html`<p>${k.none}</p>`}
    </div>`;
  }

  /** A switch's state in words, shown by CSS matching `:checked` (COMPLIANCE 15); the switch itself tells assistive technology. */
  private renderState(required: boolean) {
    const p = this.messages.preferences;
    return html`<span aria-hidden="true">${required ? p.alwaysOn : html`<span class="on">${p.on}</span><span class="off">${p.off}</span>`}</span>`;
  }

  /** The switches of one kind, id → on: the `save` event's detail. */
  private read(kind: 'category' | 'service'): Record<string, boolean> {
    const out: Record<string, boolean> = {};
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>(`[data-${kind}]`)) out[input.dataset[kind]!] = input.checked;
    return out;
  }

  /** A category switch moves its services' switches with it. */
  private follow = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.dataset.category)
      for (const s of input.closest('[part=category]')!.querySelectorAll<HTMLInputElement>('[data-service]')) s.checked = input.checked;
  };

  /** Headless Chromium's showModal lets Tab reach the page once; keep it inside the dialog. */
  private trapTab = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const targets = [...this.renderRoot.querySelectorAll<HTMLElement>('button,summary,input:enabled,a[href]')].filter((t) => t.checkVisibility());
    const at = targets.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    if (e.shiftKey ? at <= 0 : at === targets.length - 1) {
      e.preventDefault();
      targets.at(e.shiftKey ? -1 : 0)!.focus();
    }
  };

  private onClose = () => {
    this.opener?.focus();
    this.dispatchEvent(new Event('close'));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-preferences': SamtykkePreferences;
  }
}
