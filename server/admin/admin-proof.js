// @ts-check
/**
 * `<samtykke-admin-proof>`: the proof-of-consent document for one consent ID — who keeps
 * the record, every event with what was granted and under which texts, and how the log is
 * kept. Its print styles leave out everything but the document.
 */
import { LitElement, html, css } from 'lit';
import { adminStyles } from './admin-styles.js';
import { messagesFor, localeFor, format, categoryName, actionName } from './admin-i18n.js';

export class SamtykkeAdminProof extends LitElement {
  static properties = {
    lang: {},
    history: { attribute: false },
  };

  static styles = [
    adminStyles,
    css`
      article {
        max-width: 900px;
      }
      h2:focus {
        outline: none;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 12px;
        align-items: start;
      }
      dl.meta {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 16px;
        margin: 0 0 20px;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      ol.events {
        list-style: none;
        padding: 0;
        margin: 0 0 20px;
      }
      ol.events > li {
        border: 1px solid var(--admin-border);
        border-radius: 8px;
        padding: 12px 16px;
        margin: 0 0 12px;
        break-inside: avoid;
      }
      ol.events dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 2px 16px;
        margin: 0;
      }
      @media (max-width: 480px) {
        dl.meta,
        ol.events dl {
          grid-template-columns: 1fr;
        }
        dd {
          margin-bottom: 6px;
        }
      }
      @media print {
        article {
          max-width: none;
        }
        ol.events > li {
          border-color: #666;
        }
      }
    `,
  ];

  constructor() {
    super();
    /** @type {'da' | 'en'} */
    this.lang = 'da';
    /** @type {{ consentId: string, events: import('../storage/index.js').StoredRecord[], controllerName: string | null, retentionDays: number } | null} */
    this.history = null;
  }

  render() {
    const h = this.history;
    if (!h) return '';
    const m = messagesFor(this.lang);
    const p = m.proof;
    const locale = localeFor(this.lang);
    const when = (/** @type {string} */ iso) => `${new Date(iso).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' })} UTC`;
    const names = (/** @type {Record<string, boolean>} */ map, /** @type {boolean} */ value, /** @type {(id: string) => string} */ name) =>
      Object.keys(map).filter((k) => map[k] === value).map(name).join(', ') || p.none;
    return html`<article data-proof aria-labelledby="proof-title">
      <div class="head">
        <h2 id="proof-title" tabindex="-1">${p.title}</h2>
        <button type="button" class="no-print" data-action="print" @click=${() => window.print()}>${p.print}</button>
      </div>
      <dl class="meta">
        <dt>${p.controller}</dt><dd data-value="controller">${h.controllerName ?? p.noController}</dd>
        <dt>${p.consentId}</dt><dd><code data-value="consent-id">${h.consentId}</code></dd>
        <dt>${p.made}</dt><dd>${when(new Date().toISOString())}</dd>
        <dt>${p.events}</dt><dd>${h.events.length}</dd>
      </dl>
      <ol class="events">
        ${h.events.map((e, i) => html`<li data-event=${e.eventId}>
          <h3>${i + 1}. ${actionName(m, e.action)}</h3>
          <dl>
            <dt>${p.received}</dt><dd><time datetime=${e.receivedAt}>${when(e.receivedAt)}</time></dd>
            <dt>${p.granted}</dt><dd data-value="granted">${names(e.categories, true, (id) => categoryName(m, id))}</dd>
            <dt>${p.refusedList}</dt><dd data-value="refused">${names(e.categories, false, (id) => categoryName(m, id))}</dd>
            <dt>${p.services}</dt><dd>${Object.entries(e.services).map(([id, on]) => `${id}: ${on ? p.yes : p.no}`).join(', ') || p.none}</dd>
            <dt>${p.revision}</dt><dd data-value="revision">${e.revision}</dd>
            <dt>${p.policy}</dt><dd data-value="policy">${e.policyVersion}</dd>
            <dt>${p.hash}</dt><dd><code data-value="hash">${e.textHash}</code></dd>
            <dt>${p.language}</dt><dd>${e.language}</dd>
            <dt>${p.gpc}</dt><dd>${e.gpc ? p.yes : p.no}</dd>
            <dt>${p.path}</dt><dd><code data-value="path">${e.path}</code></dd>
          </dl>
        </li>`)}
      </ol>
      <section aria-labelledby="proof-how">
        <h3 id="proof-how">${p.howTitle}</h3>
        <p>${format(p.how1, { days: h.retentionDays })}</p>
        <p>${p.how2}</p>
        <p>${p.how3}</p>
      </section>
    </article>`;
  }
}

customElements.define('samtykke-admin-proof', SamtykkeAdminProof);
