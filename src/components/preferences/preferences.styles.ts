import { css } from 'lit';

/**
 * A modal dialog whose middle scrolls while its buttons stay in view. A switch is a restyled
 * checkbox; the words "Til"/"Fra" beside it follow its state through CSS (COMPLIANCE 15).
 */
export const preferencesStyles = css`
  dialog {
    width: min(640px, 100vw - 16px);
    max-height: calc(100dvh - 16px);
    padding: 0;
    box-shadow: var(--_shadow);
  }
  dialog[open],
  form {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  dialog::backdrop {
    background: #0008;
  }
  header,
  .row {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  header {
    padding: 8px 8px 0 20px;
  }
  header > h2,
  h3,
  h4 {
    flex: 1;
    margin: 0;
  }
  h3 {
    font-size: 1em;
  }
  h4 {
    font-size: 1em;
    font-weight: 600;
  }
  [part='close'] {
    padding: 0;
    border-color: transparent;
    background: none;
    color: inherit;
    font-size: 24px;
  }
  .text {
    overflow: auto;
    padding: 0 20px;
  }
  [part='category'] {
    border-top: 1px solid var(--_line);
    padding-top: 12px;
    margin-top: 12px;
  }
  input {
    appearance: none;
    flex: none;
    order: 1;
    width: 44px;
    height: 24px;
    margin: 0;
    border-radius: 12px;
    background: radial-gradient(circle at 12px, var(--_bg) 7px, transparent 8px) no-repeat var(--_line);
  }
  @media (prefers-reduced-motion: no-preference) {
    input {
      transition: 0.2s;
    }
  }
  :checked {
    background-color: var(--_accent);
    background-position: 20px;
  }
  :checked + span > .off,
  :not(:checked) + span > .on {
    display: none;
  }
  summary {
    padding: 8px 0;
    cursor: pointer;
  }
  [part='service'] {
    border-left: 3px solid var(--_line);
    padding-left: 12px;
    margin-bottom: 8px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    table-layout: fixed;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 2px 8px 2px 0;
    overflow-wrap: anywhere;
  }
  form > .actions {
    padding: 12px 20px 20px;
  }
  [role='status'] {
    position: absolute;
    clip-path: inset(50%);
  }
`;
