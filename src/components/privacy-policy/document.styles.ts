import { css } from 'lit';

/**
 * Looks the policy and the declaration share. By default they take the page's own text colour
 * and font family, as a long document inside a page should; `theme="light"` or `"dark"` gives
 * them their own. Sizes are px: a host `html { font-size }` would shrink rem. The notices carry
 * their own colour pair (10:1 and more), so they read on any page background.
 */
export const documentStyles = css`
  :host {
    display: block;
    color: var(--samtykke-color, inherit);
    background: var(--samtykke-background, transparent);
    font-family: var(--samtykke-font-family, inherit);
    font-size: var(--samtykke-font-size, 16px);
    line-height: 1.6;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']) {
    color-scheme: light;
    color: var(--samtykke-color, #1d1d1f);
    background: var(--samtykke-background, #fff);
  }
  :host([theme='dark']) {
    color-scheme: dark;
    color: var(--samtykke-color, #f1f1f4);
    background: var(--samtykke-background, #1c1c1f);
  }
  [part~='base'] {
    max-width: var(--samtykke-max-width, 760px);
  }
  h1 {
    font-size: 30px;
    line-height: 1.25;
    margin: 0 0 12px;
  }
  h2 {
    font-size: 23px;
    line-height: 1.3;
    margin: 32px 0 8px;
  }
  h3,
  h4,
  h5,
  h6 {
    font-size: 18px;
    line-height: 1.35;
    margin: 24px 0 8px;
  }
  p,
  ul,
  ol,
  address,
  dl {
    margin: 0 0 12px;
  }
  a {
    color: var(--samtykke-link-color, inherit);
    text-decoration: underline;
    overflow-wrap: anywhere;
  }
  :focus-visible {
    outline: 3px solid currentColor;
    outline-offset: 2px;
  }
  .missing,
  .notice {
    background: #fff4ce;
    color: #3b2f00;
    border: 1px solid #8a6d00;
    border-radius: 4px;
    padding: 0 4px;
  }
  .notice {
    display: block;
    padding: 8px 12px;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    min-width: 44px;
    padding: 8px 16px;
    border: 2px solid currentColor;
    border-radius: var(--samtykke-radius, 6px);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  @media print {
    :host,
    :host([theme]) {
      color: #000;
      background: none;
      font-size: 14px;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
    }
    button,
    .actions {
      display: none;
    }
    h1,
    h2,
    h3,
    h4 {
      break-after: avoid;
    }
  }
`;
