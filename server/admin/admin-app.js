// @ts-check
/**
 * `<samtykke-admin-app>`: the dashboard's frame. It asks the service whether a session is
 * signed in, shows the sign-in or the sections (overview, look-up), switches the language and
 * signs out. Any call that finds the session expired sends `session-expired`, and the app
 * returns to the sign-in saying so.
 */
import { LitElement, html, css } from 'lit';
import { adminStyles } from './admin-styles.js';
import { messagesFor } from './admin-i18n.js';
import { call, callJson, Unreachable } from './admin-api.js';
import './admin-sign-in.js';
import './admin-overview.js';
import './admin-lookup.js';

const LANGUAGE_KEY = 'samtykke-admin-language';

/**
 * @typedef {{ controllerName: string | null, retentionDays: number, expiresAt: string | null }} SessionInfo
 */

export class SamtykkeAdminApp extends LitElement {
  static properties = {
    lang: { reflect: true },
    state: { state: true },
    view: { state: true },
    notice: { state: true },
    info: { state: true },
  };

  static styles = [
    adminStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        padding: 12px 20px;
        border-bottom: 1px solid var(--admin-border);
      }
      header h1 {
        font-size: 1.25rem;
        margin: 0;
        flex: 1 1 auto;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav button[aria-current='page'] {
        background: var(--admin-accent);
        color: var(--admin-accent-text);
      }
      .tools {
        display: flex;
        gap: 8px;
      }
      main {
        max-width: 1100px;
        margin: 0 auto;
        padding: 20px;
      }
      main:focus {
        outline: none;
      }
      @media print {
        header {
          display: none;
        }
        main {
          padding: 0;
          max-width: none;
        }
      }
    `,
  ];

  constructor() {
    super();
    const saved = (() => {
      try {
        return localStorage.getItem(LANGUAGE_KEY);
      } catch {
        return null;
      }
    })();
    /** @type {'da' | 'en'} */
    this.lang = saved === 'en' ? 'en' : 'da';
    /** @type {'loading' | 'signed-out' | 'signed-in' | 'unreachable'} */
    this.state = 'loading';
    /** @type {'overview' | 'lookup'} */
    this.view = 'overview';
    /** @type {'expired' | 'signed-out' | null} */
    this.notice = null;
    /** @type {SessionInfo | null} */
    this.info = null;
    this.databaseDown = false;
    this.addEventListener('session-expired', () => this.signedOut('expired'));
    this.addEventListener('signed-in', () => this.load());
  }

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  /** @param {Map<string, unknown>} changed */
  updated(changed) {
    if (changed.has('lang')) {
      document.documentElement.lang = this.lang;
      document.title = `Samtykke – ${messagesFor(this.lang).appTitle}`;
    }
  }

  /** Asks the service whether this browser is signed in. */
  async load() {
    try {
      const session = await callJson('/api/admin/session');
      if (session.signedIn) {
        this.info = session;
        this.state = 'signed-in';
        this.notice = null;
      } else {
        this.signedOut(session.expired ? 'expired' : null);
      }
    } catch (error) {
      this.databaseDown = error instanceof Unreachable && error.database;
      this.state = error instanceof Unreachable ? 'unreachable' : 'signed-out';
    }
  }

  /** @param {'expired' | 'signed-out' | null} why */
  signedOut(why) {
    this.state = 'signed-out';
    this.notice = why;
    this.info = null;
  }

  async signOut() {
    try {
      await call('/api/admin/session', { method: 'DELETE' });
    } catch {
      // The cookie is cleared by the answer; without one the session simply lapses.
    }
    this.signedOut('signed-out');
  }

  switchLanguage() {
    this.lang = this.lang === 'en' ? 'da' : 'en';
    try {
      localStorage.setItem(LANGUAGE_KEY, this.lang);
    } catch {
      // Private mode: the choice lasts for this page.
    }
  }

  /** @param {'overview' | 'lookup'} view */
  show(view) {
    this.view = view;
    void this.updateComplete.then(() => this.renderRoot.querySelector('main')?.focus());
  }

  render() {
    const m = messagesFor(this.lang);
    const other = this.lang === 'en' ? 'da' : 'en';
    return html`<header>
        <h1>${m.appTitle}${this.info?.controllerName ? html` <span class="muted">– ${this.info.controllerName}</span>` : ''}</h1>
        ${this.state === 'signed-in'
          ? html`<nav aria-label=${m.nav}>
              <ul>
                <li><button type="button" class="secondary" data-view="overview" aria-current=${this.view === 'overview' ? 'page' : 'false'} @click=${() => this.show('overview')}>${m.overview}</button></li>
                <li><button type="button" class="secondary" data-view="lookup" aria-current=${this.view === 'lookup' ? 'page' : 'false'} @click=${() => this.show('lookup')}>${m.lookup}</button></li>
              </ul>
            </nav>`
          : ''}
        <div class="tools">
          <button type="button" class="secondary" lang=${other} aria-label=${m.languageLabel} data-action="language" @click=${this.switchLanguage}>${m.language}</button>
          ${this.state === 'signed-in' ? html`<button type="button" class="secondary" data-action="sign-out" @click=${this.signOut}>${m.signOut}</button>` : ''}
        </div>
      </header>
      <main tabindex="-1" lang=${this.lang}>${this.body(m)}</main>`;
  }

  /** @param {import('./admin-i18n.js').AdminMessages} m */
  body(m) {
    switch (this.state) {
      case 'loading':
        return html`<p role="status">${m.states.loading}</p>`;
      case 'unreachable':
        return html`<div class="notice error" role="alert"><p>${this.databaseDown ? m.states.database : m.states.network}</p><button type="button" @click=${() => this.load()}>${m.states.retry}</button></div>`;
      case 'signed-out':
        return html`<samtykke-admin-sign-in .lang=${this.lang} .notice=${this.notice}></samtykke-admin-sign-in>`;
      default:
        return this.view === 'overview'
          ? html`<samtykke-admin-overview .lang=${this.lang}></samtykke-admin-overview>`
          : html`<samtykke-admin-lookup .lang=${this.lang} .info=${this.info}></samtykke-admin-lookup>`;
    }
  }
}

customElements.define('samtykke-admin-app', SamtykkeAdminApp);
