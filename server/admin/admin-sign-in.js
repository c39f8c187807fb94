// @ts-check
/**
 * `<samtykke-admin-sign-in>`: the token form. The token goes once, in a POST body, to the
 * service, which answers with the session cookie; it is never stored by the page. Sends
 * `signed-in` (bubbles) when the session is open.
 */
import { LitElement, html, css } from 'lit';
import { adminStyles } from './admin-styles.js';
import { messagesFor, format } from './admin-i18n.js';
import { call, RequestFailed, Unreachable } from './admin-api.js';

export class SamtykkeAdminSignIn extends LitElement {
  static properties = {
    lang: {},
    notice: {},
    error: { state: true },
    busy: { state: true },
  };

  static styles = [
    adminStyles,
    css`
      form {
        max-width: 480px;
      }
      input {
        width: 100%;
        margin: 0 0 16px;
      }
    `,
  ];

  constructor() {
    super();
    /** @type {'da' | 'en'} */
    this.lang = 'da';
    /** @type {'expired' | 'signed-out' | null} */
    this.notice = null;
    /** @type {string} */
    this.error = '';
    this.busy = false;
  }

  /** @param {SubmitEvent} event */
  async submit(event) {
    event.preventDefault();
    const m = messagesFor(this.lang);
    const input = /** @type {HTMLInputElement} */ (this.renderRoot.querySelector('input'));
    this.busy = true;
    this.error = '';
    try {
      await call('/api/admin/session', { method: 'POST', json: { token: input.value } });
      input.value = '';
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof RequestFailed && error.status === 429) {
        this.error = format(m.signIn.tooMany, { minutes: Math.max(1, Math.ceil(Number(error.retryAfter ?? 60) / 60)) });
      } else if (error instanceof Unreachable) {
        this.error = error.database ? m.states.database : m.states.network;
      } else {
        this.error = m.signIn.wrong;
      }
      await this.updateComplete;
      input.focus();
    } finally {
      this.busy = false;
    }
  }

  render() {
    const m = messagesFor(this.lang);
    const notice = this.notice === 'expired' ? m.signIn.expired : this.notice === 'signed-out' ? m.signIn.signedOut : '';
    return html`<h2>${m.signIn.title}</h2>
      ${notice ? html`<p class="notice" role="status" data-notice=${this.notice}>${notice}</p>` : ''}
      <p>${m.signIn.intro}</p>
      <form @submit=${this.submit} novalidate>
        <label for="token">${m.signIn.token}</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'sign-in-error' : ''}>
        <p id="sign-in-error" class="notice error" role="alert" ?hidden=${!this.error}>${this.error}</p>
        <button type="submit" ?disabled=${this.busy}>${m.signIn.submit}</button>
      </form>`;
  }
}

customElements.define('samtykke-admin-sign-in', SamtykkeAdminSignIn);
