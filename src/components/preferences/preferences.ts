import { html, nothing } from 'lit/html.js';
import type { CategoryConfig, Language, ServiceConfig } from '../../core/config.js';
import { localize } from '../../core/i18n.js';
import type { ConsentRecord } from '../../core/record.js';
import { SamtykkeElement } from '../samtykke-element.js';

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
 * @cssprop --samtykke-font-family - font
 * @cssprop --samtykke-font-size - base text size, in px
 *
 * @tagname samtykke-preferences
 */
export class SamtykkePreferences extends SamtykkeElement {
  static override properties = {
    categories: { attribute: false },
    consent: { attribute: false },
    gpc: { type: Boolean },
  };

  /** The categories and their services, from the config. */
  declare categories: CategoryConfig[];

  /** The stored choice the switches start from; `null` before the first decision. */
  declare consent: ConsentRecord | null;

  /** Show the note that the browser's Global Privacy Control signal kept marketing off. */
  declare gpc: boolean;

  private opener: HTMLElement | null = null;

  // The dialog is rendered on first opening: most visitors never open it, and rendering every
  // category, service and cookie table at page load delayed the banner (bench trace).
  private wanted = false;

  constructor() {
    super();
    this.categories = [];
    this.consent = null;
    this.gpc = false;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return !!this.dialog?.open;
  }

  /** Opens the dialog with the switches at the stored choice; focus returns to the current element on close. */
  async show(): Promise<void> {
    // The focused element, looking through open shadow roots.
    let at = document.activeElement;
    while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
    this.opener = at as HTMLElement | null;
    this.announce('');
    this.wanted = true;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open || !this.isConnected) return;
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
    this.announce(this.messages.preferences.saved);
  }

  /** Sets the live region's text; cleared on opening, so the next save is announced again. */
  private announce(text: string): void {
    const status = this.renderRoot.querySelector('[role=status]');
    if (status) status.textContent = text;
  }

  /** `save` carries the switches: `{ categories, services }`, id → on. */
  protected override intent(type: string, detail?: unknown): void {
    super.intent(type, type == 'save' ? { categories: this.read('category'), services: this.read('service') } : detail);
  }

  private read(kind: 'category' | 'service'): Record<string, boolean> {
    const out: Record<string, boolean> = {};
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>(`[data-${kind}]`)) out[input.dataset[kind]!] = input.checked;
    return out;
  }

  /** A category switch moves its services' switches with it. */
  private onChange(e: Event): void {
    const input = e.target as HTMLInputElement;
    if (input.dataset.category)
      for (const s of input.closest('section')!.querySelectorAll<HTMLInputElement>('[data-service]')) s.checked = input.checked;
  }

  /** Headless Chromium's showModal lets Tab reach the page once; keep it inside. */
  private onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Tab') return;
    const targets = [...this.renderRoot.querySelectorAll<HTMLElement>('button,summary,a[href],input:enabled')].filter((t) => t.checkVisibility());
    const at = targets.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    if (e.shiftKey ? at <= 0 : at === targets.length - 1) {
      e.preventDefault();
      targets.at(e.shiftKey ? -1 : 0)?.focus();
    }
  }

  /** A switch for a category (`c`) or a service (`s`), labelled by the `<label for="c-id">` beside it. */
  private switch(kind: 'c' | 's', id: string, on: boolean, required: boolean) {
    const p = this.messages.preferences;
    return html`<input type="checkbox" role="switch" id="${kind}-${id}" data-category=${kind == 'c' ? id : nothing}
data-service=${kind == 's' ? id : nothing} ?checked=${on || required} ?disabled=${required}><span aria-hidden="true">${
      required ? p.alwaysOn : html`<span class="on">${p.on}</span><span class="off">${p.off}</span>`
    }</span>`;
  }

  /** A service: its switch, provider, purpose, transfer outside the EU/EEA and its cookies (COMPLIANCE 14). */
  private service(s: ServiceConfig, required: boolean) {
    const k = this.messages.cookies;
    const lang = this.lang as Language;
    return html`<div class="svc" part="service">
<div class="row"><h4><label for="s-${s.id}">${s.name}</label></h4>${this.switch('s', s.id, !!this.consent?.services[s.id], required)}</div>
<p>${k.provider}: ${s.provider}<br>${k.purpose}: ${localize(s.purpose, lang)}<br>${k.transfer}: ${localize(s.transfer, lang) || k.noTransfer}</p>
${s.cookies.length
      ? html`<table><tr><th>${k.name}</th><th>${k.purpose}</th><th>${k.duration}</th></tr>${s.cookies.map(
          (c) => html`<tr><td>${c.name}</td><td>${localize(c.purpose, lang)}</td><td>${localize(c.duration, lang)}</td></tr>`,
        )}</table>`
      : html`<p>${k.none}</p>`}
</div>`;
  }

  override render() {
    const p = this.messages.preferences;
    const status = html`<p class="status" role="status"></p>`;
    if (!this.wanted) return status;
    return html`<dialog part="dialog" aria-labelledby="t" @close=${() => {
      this.opener?.focus();
      this.opener = null;
      this.dispatchEvent(new Event('close'));
    }} @keydown=${this.onKeydown}>
<form part="base" @change=${this.onChange} @submit=${(e: Event) => e.preventDefault()}>
<header><h2 id="t">${p.title}</h2><button type="button" class="x" part="close" aria-label=${p.close} @click=${this.close}>×</button></header>
<div class="body">
<p>${p.intro}</p>
${this.gpc ? html`<p part="gpc"><strong>${p.gpc}</strong></p>` : ''}
${this.categories.map((c) => {
      const [title, description] = this.describe(c);
      return html`<section part="category">
<div class="row"><h3><label for="c-${c.id}">${title}</label></h3>${this.switch('c', c.id, !!this.consent?.categories[c.id], c.required)}</div>
<p>${description}</p>
${c.services.length ? html`<details><summary>${p.services} (${c.services.length})</summary>${c.services.map((s) => this.service(s, c.required))}</details>` : ''}
</section>`;
    })}
</div>
${this.actions('save', p.save)}
</form>
</dialog>
${status}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-preferences': SamtykkePreferences;
  }
}
