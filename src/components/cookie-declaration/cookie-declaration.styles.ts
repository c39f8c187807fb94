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
    .scroll {
      position: relative;
      overflow-x: auto;
      margin: 0 0 16px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 15px;
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
    @media print {
      .scroll {
        overflow: visible;
      }
    }
  `,
];
