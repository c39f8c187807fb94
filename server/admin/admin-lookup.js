// @ts-check
/**
 * `<samtykke-admin-lookup>`: one consent ID's full history, shown as the proof-of-consent
 * document, which prints (or saves as PDF) on its own.
 */
import { LitElement, html, css } from 'lit';
import { adminStyles } from './admin-styles.js';
import { messagesFor } from './admin-i18n.js';
import { callJson, RequestFailed, SessionExpired, Unreachable } from './admin-api.js';
import './admin-proof.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export class SamtykkeAdminLookup extends LitElement {
  static properties = {
    lang: {},
    info: { attribute: false },
    history: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static styles = [
    adminStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
        margin: 0 0 20px;
      }
      .field {
        flex: 1 1 320px;
      }
      .field p {
        margin: 0 0 6px;
      }
      input {
        width: 100%;
      }
      @media print {
        .search {
          display: none;
        }
      }
    `,
  ];

  constructor() {
    super();
    /** @type {'da' | 'en'} */
    this.lang = 'da';
    /** @type {{ controllerName: string | null, retentionDays: number } | null} */
    this.info = null;
    /** @type {{ consentId: string, events: import('../storage/index.js').StoredRecord[], controllerName: string | null, retentionDays: number } | null} */
    this.history = null;
    /** @type {'invalid' | 'not-found' | 'database' | 'network' | null} */
    this.problem = null;
    this.busy = false;
    this.lastId = '';
  }

  /** @param {SubmitEvent} event */
  async submit(event) {
    event.preventDefault();
    const input = /** @type {HTMLInputElement} */ (this.renderRoot.querySelector('#consent-id'));
    const id = input.value.trim().toLowerCase();
    this.history = null;
    if (!UUID_V4.test(id)) {
      this.problem = 'invalid';
      input.focus();
      return;
    }
    this.lastId = id;
    await this.lookUp(id);
  }

  /** @param {string} id */
  async lookUp(id) {
    this.busy = true;
    this.problem = null;
    try {
      this.history = await callJson(`/api/admin/history/${id}`);
      // Keyboard and screen-reader users land on the document they asked for.
      await this.updateComplete;
      const proof = this.renderRoot.querySelector('samtykke-admin-proof');
      await /** @type {import('lit').LitElement | null} */ (proof)?.updateComplete;
      /** @type {HTMLElement | null | undefined} */ (proof?.shadowRoot?.querySelector('#proof-title'))?.focus();
    } catch (error) {
      if (error instanceof SessionExpired) this.dispatchEvent(new CustomEvent('session-expired', { bubbles: true, composed: true }));
      else if (error instanceof RequestFailed && error.status === 404) this.problem = 'not-found';
      else this.problem = error instanceof Unreachable && error.database ? 'database' : 'network';
    } finally {
      this.busy = false;
    }
  }

  render() {
    const m = messagesFor(this.lang);
    const f = m.lookupForm;
    const message = { invalid: f.invalid, 'not-found': f.notFound, database: m.states.database, network: m.states.network };
    return html`<div class="search">
        <h2>${f.title}</h2>
        <p>${f.intro}</p>
        <form @submit=${this.submit} novalidate>
          <div class="field">
            <label for="consent-id">${f.id}</label>
            <p id="consent-id-hint" class="muted">${f.hint}</p>
            <input id="consent-id" name="consentId" autocomplete="off" spellcheck="false" aria-describedby="consent-id-hint ${this.problem ? 'lookup-problem' : ''}"
              aria-invalid=${this.problem === 'invalid' ? 'true' : 'false'}>
          </div>
          <button type="submit" ?disabled=${this.busy}>${f.submit}</button>
        </form>
        <div role="status" class="visually-hidden">${this.busy ? m.states.loading : ''}</div>
        ${this.problem
          ? html`<div id="lookup-problem" class="notice error" role="alert" data-state=${this.problem}>
              <p>${message[this.problem]}</p>
              ${this.problem === 'database' || this.problem === 'network' ? html`<button type="button" @click=${() => this.lookUp(this.lastId)}>${m.states.retry}</button>` : ''}
            </div>`
          : ''}
      </div>
      ${this.history ? html`<samtykke-admin-proof .lang=${this.lang} .history=${this.history}></samtykke-admin-proof>` : ''}`;
  }
}

customElements.define('samtykke-admin-lookup', SamtykkeAdminLookup);
