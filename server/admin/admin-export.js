// @ts-check
/**
 * `<samtykke-admin-export>`: downloads the range's records as CSV or NDJSON through the
 * service's export route (`GET /api/admin/consents`), with the session's CSRF header.
 */
import { LitElement, html, css } from 'lit';
import { adminStyles } from './admin-styles.js';
import { messagesFor, format } from './admin-i18n.js';
import { call, SessionExpired, Unreachable } from './admin-api.js';

export class SamtykkeAdminExport extends LitElement {
  static properties = {
    lang: {},
    from: {},
    to: {},
    message: { state: true },
    failed: { state: true },
    busy: { state: true },
  };

  static styles = [adminStyles, css`.row { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; }`];

  constructor() {
    super();
    /** @type {'da' | 'en'} */
    this.lang = 'da';
    this.from = '';
    this.to = '';
    this.message = '';
    this.failed = false;
    this.busy = false;
  }

  async download() {
    const m = messagesFor(this.lang);
    const select = /** @type {HTMLSelectElement} */ (this.renderRoot.querySelector('select'));
    this.busy = true;
    this.message = '';
    try {
      const res = await call(`/api/admin/consents?from=${this.from}&to=${this.to}&format=${select.value}`);
      const file = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `samtykke-consents.${select.value}`;
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.failed = false;
      this.message = format(m.export.done, { file });
    } catch (error) {
      if (error instanceof SessionExpired) this.dispatchEvent(new CustomEvent('session-expired', { bubbles: true, composed: true }));
      this.failed = true;
      this.message = error instanceof Unreachable && error.database ? m.states.database : m.states.network;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const m = messagesFor(this.lang);
    return html`<h3>${m.export.title}</h3>
      <p>${m.export.intro} <span class="muted">(${this.from} – ${this.to})</span></p>
      <div class="row">
        <div>
          <label for="format">${m.export.format}</label>
          <select id="format"><option value="csv">CSV</option><option value="ndjson">NDJSON</option></select>
        </div>
        <button type="button" data-action="export" ?disabled=${this.busy} @click=${this.download}>${m.export.button}</button>
      </div>
      <p role="status" class=${this.failed ? 'notice error' : ''}>${this.message}</p>`;
  }
}

customElements.define('samtykke-admin-export', SamtykkeAdminExport);
