// @ts-check
/**
 * Looks every dashboard element shares: text, buttons, fields, tables and a visible focus ring,
 * all from the page's colour properties (page.css), so light and dark follow the system.
 */
import { css } from 'lit';

/** The shared styles; each element adds its own after these. */
export const adminStyles = css`
  :host {
    display: block;
    color: var(--admin-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 12px;
  }
  h2 {
    font-size: 1.35rem;
  }
  h3 {
    font-size: 1.1rem;
  }
  p {
    margin: 0 0 12px;
  }
  a {
    color: var(--admin-accent);
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 44px;
    min-width: 44px;
    padding: 8px 16px;
    border-radius: 6px;
    border: 2px solid var(--admin-accent);
    background: var(--admin-accent);
    color: var(--admin-accent-text);
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--admin-accent);
  }
  button[disabled] {
    cursor: progress;
  }
  input,
  select {
    min-height: 44px;
    padding: 8px 10px;
    border: 2px solid var(--admin-border);
    border-radius: 6px;
    background: var(--admin-bg);
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0 0 4px;
  }
  :focus-visible {
    outline: 3px solid var(--admin-focus);
    outline-offset: 2px;
  }
  .card {
    background: var(--admin-surface);
    border: 1px solid var(--admin-border);
    border-radius: 8px;
    padding: 16px;
    margin: 0 0 16px;
  }
  .muted {
    color: var(--admin-muted);
  }
  .notice {
    border-left: 4px solid var(--admin-accent);
    padding: 8px 12px;
    background: var(--admin-surface);
    margin: 0 0 16px;
  }
  .notice.error {
    border-left-color: var(--admin-danger);
  }
  .scroll {
    overflow-x: auto;
    margin: 0 0 16px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 6px 8px;
    border-bottom: 1px solid var(--admin-border);
  }
  td.number,
  th.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.92em;
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media print {
    .no-print {
      display: none !important;
    }
  }
`;
