// @ts-check
/**
 * Charts as plain SVG from Lit templates: bars with their values written on them (readable
 * without colour) and, for each chart, the same figures as a table for screen readers.
 */
import { html, svg } from 'lit';

/** @typedef {{ label: string, group?: string, full: string, value: number }} ColumnRow */
/** @typedef {{ key: string, label: string, count: number, of: number }} ShareRow */

const SLOT = 33;
const PLOT = 150;
const TOP = 22;
const BOTTOM = 42;

/**
 * Columns per day (or month) with the value above each, then a table of the same rows.
 * @param {{ id: string, title: string, rows: ColumnRow[], columnName: string, valueName: string, tableTitle: string }} chart
 */
export function columnChart({ id, title, rows, columnName, valueName, tableTitle }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const width = Math.max(rows.length * SLOT, 240);
  const height = TOP + PLOT + BOTTOM;
  return html`<figure class="chart" data-chart=${id}>
    <figcaption id=${`${id}-title`}><h3>${title}</h3></figcaption>
    <div class="scroll" tabindex="0" role="region" aria-labelledby=${`${id}-title`}>
      <svg width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`} role="img" aria-labelledby=${`${id}-title`} aria-describedby=${`${id}-table`}>
        <line x1="0" x2=${width} y1=${TOP + PLOT} y2=${TOP + PLOT} class="axis"></line>
        ${rows.map((r, i) => {
          const h = Math.round((r.value / max) * PLOT);
          const x = i * SLOT;
          return svg`<g data-column=${r.full}>
            <rect x=${x + 5} y=${TOP + PLOT - h} width=${SLOT - 10} height=${h} class="bar"></rect>
            <text x=${x + SLOT / 2} y=${TOP + PLOT - h - 6} text-anchor="middle" class="value">${r.value}</text>
            <text x=${x + SLOT / 2} y=${TOP + PLOT + 18} text-anchor="middle" class="label">${r.label}</text>
            ${r.group ? svg`<text x=${x + 2} y=${TOP + PLOT + 36} class="label">${r.group}</text>` : ''}
          </g>`;
        })}
      </svg>
    </div>
    <details>
      <summary>${tableTitle}</summary>
      <table id=${`${id}-table`}>
        <thead><tr><th scope="col">${columnName}</th><th scope="col" class="number">${valueName}</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr><th scope="row">${r.full}</th><td class="number">${r.value}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`;
}

/**
 * A table whose rows each show a share as a bar, its percentage and its count: the chart and
 * its table in one, so screen readers read the same figures the bars show.
 * @param {{ id: string, title: string, help: string, rows: ShareRow[], nameHeader: string, shareHeader: string, countHeader: string, locale: string }} chart
 */
export function shareTable({ id, title, help, rows, nameHeader, shareHeader, countHeader, locale }) {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale);
  return html`<section class="chart" data-chart=${id} aria-labelledby=${`${id}-title`}>
    <h3 id=${`${id}-title`}>${title}</h3>
    <p class="muted">${help}</p>
    <table class="shares">
      <thead>
        <tr><th scope="col">${nameHeader}</th><th scope="col" class="share">${shareHeader}</th><th scope="col" class="number">${countHeader}</th></tr>
      </thead>
      <tbody>
        ${rows.map((r) => {
          const share = r.of > 0 ? r.count / r.of : 0;
          return html`<tr data-share=${r.key}>
            <th scope="row">${r.label}</th>
            <td class="share">
              <span data-value="share">${percent.format(share)}</span>
              <svg width="100%" height="14" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect x="0" y="0" width="100" height="14" class="track"></rect>
                <rect x="0" y="0" width=${Math.max(0, Math.min(100, share * 100))} height="14" class="bar"></rect>
              </svg>
            </td>
            <td class="number" data-value="count">${count.format(r.count)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </section>`;
}
