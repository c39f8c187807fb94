import { css } from 'lit';
import { documentStyles } from '../privacy-policy/document.styles.js';

/** Styles of `<samtykke-cookie-declaration>`: the shared document looks plus the status box, buttons and tables. */
export const cookieDeclarationStyles = [
  documentStyles,
  css`
    [part='status'] dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    code {
      font-size: 15px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0 0 16px;
    }
    .cards {
      container-type: inline-size;
      margin: 0 0 16px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 15px;
      /* The same column widths in every table of the page. */
      table-layout: fixed;
    }
    thead th:nth-child(1) {
      width: 18%;
    }
    thead th:nth-child(2) {
      width: 20%;
    }
    thead th:nth-child(3) {
      width: 30%;
    }
    thead th:nth-child(4) {
      width: 14%;
    }
    th,
    td {
      overflow-wrap: anywhere;
    }
    /* Narrower than a table reads well: one card per cookie, each value under its column's name. */
    @container (max-width: 560px) {
      table,
      tbody,
      tr,
      th,
      td {
        display: block;
      }
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tr {
        border: 1px solid #8e8e96;
        border-radius: 6px;
        padding: 8px 12px;
        margin: 0 0 8px;
      }
      th,
      td {
        border: 0;
        padding: 2px 0;
      }
      tbody th {
        font-size: 1.05em;
      }
      td::before {
        content: attr(data-label) ': ';
        font-weight: 600;
      }
    }
    /* The category heading above already shows the title; the caption names the table for screen readers. */
    caption {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 6px 8px;
      border-bottom: 1px solid #8e8e96;
    }
    thead th {
      border-bottom-width: 2px;
    }
    @media (max-width: 480px) {
      [part='status'] dl {
        grid-template-columns: 1fr;
        gap: 0;
      }
      dd {
        margin-bottom: 8px;
      }
    }
  `,
];
