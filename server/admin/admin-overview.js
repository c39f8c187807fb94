// @ts-check
/**
 * `<samtykke-admin-overview>`: the figures of a date range — decisions per day, the kinds of
 * decision, the share granted per category, GPC visits, the revisions and policy versions in
 * use — with retention and the export of the same range.
 */
import { LitElement, html, css } from 'lit';
import { adminStyles } from './admin-styles.js';
import { messagesFor, localeFor, format, categoryName } from './admin-i18n.js';
import { callJson, SessionExpired, Unreachable } from './admin-api.js';
import { columnChart, shareTable } from './admin-charts.js';
import { chartStyles } from './admin-chart-styles.js';
import './admin-export.js';

/** Ranges longer than this are drawn per month, so each column keeps a readable label. */
const MAX_DAY_COLUMNS = 62;

/** @param {Date} d */
const isoDay = (d) => d.toISOString().slice(0, 10);

/** @typedef {import('../storage/overview.js').Overview & { retention: { days: number, oldest: string | null }, controllerName: string | null }} OverviewAnswer */

export class SamtykkeAdminOverview extends LitElement {
  static properties = {
    lang: {},
    from: { state: true },
    to: { state: true },
    data: { state: true },
    problem: { state: true },
    loading: { state: true },
  };

  static styles = [
    adminStyles,
    chartStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 12px 16px;
        border: 0;
        padding: 0;
        margin: 0 0 20px;
      }
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: 12px 16px;
        align-items: end;
        border: 0;
        padding: 0;
        margin: 0;
      }
      legend {
        font-weight: 700;
        margin: 0 0 8px;
      }
      .figures {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(220px, 100%), 1fr));
        gap: 16px;
      }
      .figure strong {
        display: block;
        font-size: 2rem;
        line-height: 1.2;
        font-variant-numeric: tabular-nums;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr));
        gap: 16px;
      }
    `,
  ];

  constructor() {
    super();
    /** @type {'da' | 'en'} */
    this.lang = 'da';
    const today = new Date();
    this.to = isoDay(today);
    this.from = isoDay(new Date(today.getTime() - 29 * 86_400_000));
    /** @type {OverviewAnswer | null} */
    this.data = null;
    /** @type {'database' | 'network' | 'range' | null} */
    this.problem = null;
    this.loading = false;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    if (this.from > this.to) {
      this.problem = 'range';
      return;
    }
    this.loading = true;
    this.problem = null;
    try {
      this.data = await callJson(`/api/admin/overview?from=${this.from}&to=${this.to}`);
    } catch (error) {
      if (error instanceof SessionExpired) this.dispatchEvent(new CustomEvent('session-expired', { bubbles: true, composed: true }));
      else this.problem = error instanceof Unreachable && error.database ? 'database' : 'network';
    } finally {
      this.loading = false;
    }
  }

  /** @param {SubmitEvent} event */
  submit(event) {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.target);
    this.from = /** @type {HTMLInputElement} */ (form.elements.namedItem('from')).value;
    this.to = /** @type {HTMLInputElement} */ (form.elements.namedItem('to')).value;
    void this.load();
  }

  render() {
    const m = messagesFor(this.lang);
    return html`<h2>${m.overview}</h2>
      <form @submit=${this.submit}>
        <fieldset>
          <legend>${m.range.legend}</legend>
          <div><label for="from">${m.range.from}</label><input id="from" name="from" type="date" required .value=${this.from}></div>
          <div><label for="to">${m.range.to}</label><input id="to" name="to" type="date" required .value=${this.to}></div>
          <button type="submit">${m.range.show}</button>
        </fieldset>
      </form>
      <div role="status" class="visually-hidden">${this.loading ? m.states.loading : ''}</div>
      ${this.content(m)}`;
  }

  /** @param {import('./admin-i18n.js').AdminMessages} m */
  content(m) {
    if (this.problem === 'range') return html`<p class="notice error" role="alert">${m.range.invalid}</p>`;
    if (this.problem) {
      return html`<div class="notice error" role="alert" data-state=${this.problem}>
        <p>${this.problem === 'database' ? m.states.database : m.states.network}</p>
        <button type="button" @click=${() => this.load()}>${m.states.retry}</button>
      </div>`;
    }
    const data = this.data;
    if (!data) return html`<p>${m.states.loading}</p>`;
    const locale = localeFor(this.lang);
    const n = new Intl.NumberFormat(locale);
    const t = data.totals;
    const empty = t.decisions === 0;
    return html`
      ${empty ? html`<p class="notice" role="status" data-state="empty">${data.retention.oldest ? m.states.emptyRange : m.states.empty}</p>` : ''}
      <div class="figures">
        <div class="card figure" data-figure="decisions"><span>${m.figures.decisions}</span><strong>${n.format(t.decisions)}</strong><span class="muted">${m.figures.decisionsHelp}</span></div>
        <div class="card figure" data-figure="gpc"><span>${m.figures.gpc}</span><strong>${n.format(t.gpc)}</strong><span class="muted">${m.figures.gpcHelp}</span></div>
      </div>
      ${empty ? '' : html`
        <div class="card">${this.perDay(m, data, locale)}</div>
        <div class="grid">
          <div class="card">${shareTable({
            id: 'kinds', title: m.figures.kinds, help: m.figures.kindsHelp, locale,
            nameHeader: m.figures.kind, shareHeader: m.figures.share, countHeader: m.figures.count,
            rows: [
              { key: 'accept-all', label: m.actions['accept-all'], count: t.actions['accept-all'] ?? 0, of: t.decisions },
              { key: 'reject-all', label: m.actions['reject-all'], count: t.actions['reject-all'] ?? 0, of: t.decisions },
              { key: 'custom', label: m.figures.custom, count: (t.actions.save ?? 0) + (t.actions['accept-service'] ?? 0), of: t.decisions },
              { key: 'withdraw', label: m.actions.withdraw, count: t.actions.withdraw ?? 0, of: t.decisions },
            ],
          })}</div>
          <div class="card">${shareTable({
            id: 'categories', title: m.figures.categories, help: m.figures.categoriesHelp, locale,
            nameHeader: m.figures.category, shareHeader: m.figures.granted, countHeader: m.figures.count,
            rows: Object.entries(t.categories).sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, c]) => ({ key: id, label: categoryName(m, id), count: c.granted, of: c.granted + c.refused })),
          })}</div>
        </div>
        <div class="card" data-section="versions">
          <h3>${m.figures.versions}</h3>
          ${t.latest ? html`<p>${format(m.figures.inUse, { revision: t.latest.revision, policy: t.latest.policyVersion })}</p>` : ''}
          <div class="grid">
            <table>
              <thead><tr><th scope="col">${m.figures.revision}</th><th scope="col" class="number">${m.figures.events}</th></tr></thead>
              <tbody>${t.revisions.map((r) => html`<tr><td>${r.revision}</td><td class="number">${n.format(r.events)}</td></tr>`)}</tbody>
            </table>
            <table>
              <thead><tr><th scope="col">${m.figures.policyVersion}</th><th scope="col" class="number">${m.figures.events}</th></tr></thead>
              <tbody>${t.policies.map((p) => html`<tr><td>${p.policyVersion}</td><td class="number">${n.format(p.events)}</td></tr>`)}</tbody>
            </table>
          </div>
        </div>`}
      <div class="grid">
        <div class="card" data-section="retention">
          <h3>${m.retention.title}</h3>
          <p>${format(m.retention.days, { days: n.format(data.retention.days) })}</p>
          <p data-value="oldest">${data.retention.oldest
            ? format(m.retention.oldest, { date: new Date(data.retention.oldest).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' })
            : m.retention.none}</p>
        </div>
        <samtykke-admin-export class="card" .lang=${this.lang} .from=${data.from} .to=${data.to}></samtykke-admin-export>
      </div>`;
  }

  /**
   * @param {import('./admin-i18n.js').AdminMessages} m
   * @param {OverviewAnswer} data
   * @param {string} locale
   */
  perDay(m, data, locale) {
    const byDay = new Map(data.days.map((d) => [d.day, d.decisions]));
    /** @type {string[]} */
    const days = [];
    for (let d = data.from; d <= data.to; d = isoDay(new Date(Date.parse(d) + 86_400_000))) days.push(d);
    const long = (/** @type {string} */ d, /** @type {Intl.DateTimeFormatOptions} */ o) => new Date(`${d}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC', ...o });
    if (days.length <= MAX_DAY_COLUMNS) {
      return columnChart({
        id: 'per-day', title: m.figures.perDay, columnName: m.figures.day, valueName: m.figures.events, tableTitle: format(m.figures.tableOf, { title: m.figures.perDay }),
        // The day of the month under each column, the month under its first day shown.
        rows: days.map((d, i) => ({
          label: String(Number(d.slice(8))),
          group: i === 0 || d.endsWith('-01') ? long(d, { month: 'short' }) : undefined,
          full: long(d, { dateStyle: 'long' }),
          value: byDay.get(d) ?? 0,
        })),
      });
    }
    /** @type {Map<string, number>} */
    const months = new Map();
    for (const d of days) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + (byDay.get(d) ?? 0));
    return columnChart({
      id: 'per-day', title: m.figures.perMonth, columnName: m.figures.month, valueName: m.figures.events, tableTitle: format(m.figures.tableOf, { title: m.figures.perMonth }),
      rows: [...months].map(([mo, value]) => ({ label: long(`${mo}-01`, { month: 'short', year: '2-digit' }), full: long(`${mo}-01`, { month: 'long', year: 'numeric' }), value })),
    });
  }
}

customElements.define('samtykke-admin-overview', SamtykkeAdminOverview);
