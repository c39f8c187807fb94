import { css } from 'lit';

/** Styles of `<samtykke-banner>`; sized in px because a host `html { font-size }` would shrink rem. */
export const bannerStyles = css`
  :host {
    position: fixed;
    z-index: 2147483000;
    inset: auto 16px 16px auto;
    max-width: min(440px, calc(100vw - 32px));
    font: 15px/1.5 system-ui, sans-serif;
    color: var(--samtykke-color, #1d1d1f);
  }
  [part='base'] {
    background: var(--samtykke-background, #fff);
    border: 1px solid #767676;
    border-radius: 8px;
    padding: 16px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button {
    flex: 1 1 0;
    min-height: 44px;
    font: inherit;
    font-weight: 600;
    padding: 8px 12px;
    border-radius: 6px;
    border: 2px solid #1d1d1f;
    background: #fff;
    color: #1d1d1f;
    cursor: pointer;
  }
`;
