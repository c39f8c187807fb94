import { css } from 'lit';
import { documentStyles } from './document.styles.js';

/** Styles of `<samtykke-privacy-policy>`: the shared document looks plus contents, sections and the supplement marker. */
export const privacyPolicyStyles = [
  documentStyles,
  css`
    .meta {
      font-size: 15px;
    }
    nav ol {
      padding-left: 24px;
    }
    nav li {
      margin: 4px 0;
    }
    section {
      scroll-margin-top: 16px;
    }
    .supplement {
      border-left: 4px solid var(--samtykke-supplement-color, #3b5b9a);
      padding-left: 16px;
    }
    .marker {
      display: inline-block;
      font-size: 14px;
      font-weight: 600;
      background: #e8eefb;
      color: #1c3564;
      border-radius: 4px;
      padding: 2px 8px;
    }
    address {
      font-style: normal;
    }
    address span {
      display: block;
    }
    @media print {
      nav {
        display: none;
      }
      .supplement {
        border-left-color: #000;
      }
      .marker {
        background: none;
        color: #000;
        border: 1px solid #000;
      }
      section {
        break-inside: auto;
      }
    }
  `,
];
