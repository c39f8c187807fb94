import { css } from 'lit';
import { documentStyles } from '../privacy-policy/document.styles.js';

/** Styles of `<samtykke-consent-history>`: the shared document looks plus the list of decisions. */
export const consentHistoryStyles = [
  documentStyles,
  css`
    [part='status'].empty {
      margin: 0;
    }
    ol {
      padding-left: 1.4em;
      margin: 0 0 16px;
    }
    li {
      margin: 0 0 8px;
    }
    time {
      font-weight: 600;
      margin-right: 0.25em;
    }
  `,
];
