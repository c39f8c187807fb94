import { html, render } from '../template.js';
import type { CategoryConfig, Language, ServiceConfig } from '../../core/config.js';
import { localize } from '../../core/i18n.js';
import type { ConsentRecord } from '../../core/record.js';
import { actions, BOOLEAN, describe, PROPERTY, SamtykkeElement } from '../samtykke-element.js';

// Private state under module symbols, which the minifier shortens (member names it cannot):
// the element focused before opening, to return focus to;
const opener = Symbol();
// whether to render the dialog: it is rendered on first opening, as most visitors never open it,
// and rendering every category, service and cookie table at page load delayed the banner (bench trace);
const wanted = Symbol();
// the live region's text: the saved message after a decision, cleared on opening so the next
// save is announced again;
const said = Symbol();
// the text the live region shows: the region is made once, as markup (see `markup`), and only
// its text changes, so assistive technology announces the change (COMPLIANCE 42).
const status = Symbol();

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
  static override properties = { ...SamtykkeElement.properties, categories: PROPERTY, consent: PROPERTY, gpc: BOOLEAN };

  /** The categories and their services, from the config. */
  declare categories: CategoryConfig[];

  /** The stored choice the switches start from; `null` before the first decision. */
  declare consent: ConsentRecord | null;

  /** Show the note that the browser's Global Privacy Control signal kept marketing off. */
  declare gpc: boolean;

  [opener]?: HTMLElement | null;
  [wanted]?: boolean;
  [said]?: string;
  [status]?: string;

  constructor() {
    super();
    this.categories ??= [];
    this.consent ??= null;
    this.gpc ??= false;
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return !!dialogOf(this)?.open;
  }

  /** Opens the dialog with the switches at the stored choice; focus returns to the current element on close. */
  async show(): Promise<void> {
    // The focused element, looking through open shadow roots.
    let at = document.activeElement;
    while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
    this[opener] = at as HTMLElement | null;
    this[said] = '';
    this[wanted] = true;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = dialogOf(this)!;
    if (dialog.open || !this.isConnected) return;
    // Back to the `checked` attributes, i.e. the stored choice: an unsaved change is not a choice.
    dialog.querySelector('form')!.reset();
    dialog.showModal();
  }

  /** Closes without deciding. */
  close(): void {
    dialogOf(this)?.close();
  }

  /** Closes after a decision and announces that it was saved. */
  confirm(): void {
    this.close();
    this[said] = this.messages.preferences.saved;
    this.requestUpdate();
  }

  // At page load only the live region: the template code runs when the dialog is first opened.
  protected override update(): void {
    const root = this.shadowRoot!;
    const text = this[said] ?? '';
    // The script holds the region only once it has something to say: an element the script
    // never touches costs no wrapper.
    if (this[status] == null) {
      root.innerHTML = '<p role="status"></p>';
      this[status] = '';
    }
    if (this[status] != text) root.firstElementChild!.textContent = this[status] = text;
    if (this[wanted]) render(dialog(this), root);
  }
}

const dialogOf = (el: SamtykkePreferences) => el.shadowRoot!.querySelector('dialog');

/**
 * The dialog's template. Its parts are functions inside it, so that none of them exists
 * before the first opening: V8 keeps every function a live scope holds, called or not
 * (README, Benchmarks).
 */
function dialog(el: SamtykkePreferences) {
  const { preferences: p, cookies: k } = el.messages;
  const lang = el.lang as Language;

  /** The switches of one kind, id → on: the `save` event's detail. */
  const read = (kind: 'category' | 'service'): Record<string, boolean> => {
    const out: Record<string, boolean> = {};
    for (const input of el.shadowRoot!.querySelectorAll<HTMLInputElement>(`[data-${kind}]`)) out[input.dataset[kind]!] = input.checked;
    return out;
  };

  /** A category switch moves its services' switches with it. */
  const follow = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.dataset.category)
      for (const s of input.closest('[part=category]')!.querySelectorAll<HTMLInputElement>('[data-service]')) s.checked = input.checked;
  };

  /** Headless Chromium's showModal lets Tab reach the page once; keep it inside the dialog. */
  const trapTab = (e: KeyboardEvent) => {
    if (e.key != 'Tab') return;
    // What the dialog can focus: buttons, the service lists' summaries and switches.
    const targets = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button,summary,input:enabled')].filter((t) => t.checkVisibility());
    const at = targets.indexOf(el.shadowRoot!.activeElement as HTMLElement);
    if (e.shiftKey ? at <= 0 : at == targets.length - 1) {
      e.preventDefault();
      targets.at(e.shiftKey ? -1 : 0)!.focus();
    }
  };

  /**
   * What follows a switch: its state in words, the one CSS shows matching `:checked` (COMPLIANCE 15);
   * the switch itself tells assistive technology. Each block writes its own switch out, with the one
   * `data-category` or `data-service` it carries: smaller than a shared template that leaves one out.
   */
  const state = (required: boolean) =>
    html`<span aria-hidden="true">${required ? p.alwaysOn : html`<span class="on">${p.on}</span><span class="off">${p.off}</span>`}</span>`;

  /** A service: its switch, provider, purpose, transfer outside the EU/EEA and its cookies (COMPLIANCE 14). */
  const service = (s: ServiceConfig, required: boolean) => html`<div part="service">
<div class="row"><h4><label for="s-${s.id}">${s.name}</label></h4>
<input type="checkbox" role="switch" id="s-${s.id}" data-service=${s.id} ?checked=${el.consent?.services[s.id] || required} ?disabled=${required}>${state(required)}</div>
<p>${k.provider}: ${s.provider}<br>${k.purpose}: ${localize(s.purpose, lang)}<br>${k.transfer}: ${localize(s.transfer, lang) || k.noTransfer}</p>${
    s.cookies.length ? html`<table><tr><th>${k.name}</th><th>${k.purpose}</th><th>${k.duration}</th></tr>${s.cookies.map(
      (c) => html`<tr><td>${c.name}</td><td>${localize(c.purpose, lang)}</td><td>${localize(c.duration, lang)}</td></tr>`,
    )}</table>` : html`<p>${k.none}</p>`
  }</div>`;

  /** A category: its switch, description and, folded, its services. */
  const category = (c: CategoryConfig) => {
    const [title, description] = describe(el, c);
    const services = c.services;
    return html`<div part="category">
<div class="row"><h3><label for="c-${c.id}">${title}</label></h3>
<input type="checkbox" role="switch" id="c-${c.id}" data-category=${c.id} ?checked=${el.consent?.categories[c.id] || c.required} ?disabled=${c.required}>${state(c.required)}</div>
<p>${description}</p>${
    services.length
      ? html`<details><summary>${p.services} (${services.length})</summary>${services.map((s) => service(s, c.required))}</details>`
      : ''
  }</div>`;
  };

  return html`<dialog part="dialog" aria-labelledby="t" @close=${() => {
    el[opener]?.focus();
    el.dispatchEvent(new Event('close'));
  }} @keydown=${trapTab}>
<form part="base" @change=${follow} @submit=${(e: Event) => e.preventDefault()}>
<header><h2 id="t">${p.title}</h2><button type="button" part="close" aria-label=${p.close} @click=${() => el.close()}>×</button></header>
<div class="text">
<p>${p.intro}</p>${el.gpc ? html`<p part="gpc"><strong>${p.gpc}</strong></p>` : ''}${el.categories.map(category)}</div>${actions(
    el,
    'save',
    p.save,
    () => ({ categories: read('category'), services: read('service') }),
  )}</form>
</dialog>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-preferences': SamtykkePreferences;
  }
}
