import { css } from 'lit';

/**
 * Styles of `<samtykke-embed>`: light, dark (`theme="dark"`, or `auto` under a dark OS
 * setting) and sized in px, since a host `html { font-size }` would shrink rem.
 */
export const embedStyles = css`
  :host {
    --_bg: var(--samtykke-background, #f4f4f5);
    --_fg: var(--samtykke-color, #1d1d1f);
    display: block;
    font: 15px/1.5 system-ui, sans-serif;
  }
  :host([theme='dark']) {
    --_bg: var(--samtykke-background-dark, #1d1d1f);
    --_fg: var(--samtykke-color-dark, #f5f5f7);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_bg: var(--samtykke-background-dark, #1d1d1f);
      --_fg: var(--samtykke-color-dark, #f5f5f7);
    }
  }
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 150px;
    padding: 16px;
    box-sizing: border-box;
    border: 1px solid #767676;
    border-radius: 8px;
    background: var(--_bg);
    color: var(--_fg);
    text-align: center;
  }
  p {
    flex-basis: 100%;
    margin: 0;
  }
  button {
    min-height: 44px;
    padding: 8px 12px;
    font: inherit;
    font-weight: 600;
    border: 2px solid currentColor;
    border-radius: 6px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid currentColor;
    outline-offset: 2px;
  }
`;
