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
      overflow-x: auto;
      margin: 0 0 16px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 15px;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 0 0 4px;
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
    @media print {
      .scroll {
        overflow: visible;
      }
    }
  `,
];
