import { css } from 'lit';

/**
 * The placeholder's panel, in the blocked content's own box when the page gave it a size (the
 * gate sets its aspect ratio from the iframe's width and height); it grows when its text needs
 * more room than that, as on a phone.
 */
export const embedStyles = css`
  /* The blocked content's box (its ratio set by the gate as --_ratio) and the panel share one
     cell: the cell is as tall as the box, or as the panel's text when that needs more. */
  :host {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }
  :host::before {
    content: '';
    grid-area: 1 / 1;
    align-self: start;
    aspect-ratio: var(--_ratio, auto);
  }
  .panel {
    grid-area: 1 / 1;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: center;
    align-content: center;
    min-height: 150px;
    padding: 16px;
    text-align: center;
  }
  p {
    flex-basis: 100%;
    margin: 0;
  }
  /* Allowing the service is the placeholder's question; the settings are the way round it. */
  [part='settings'] {
    background: transparent;
    color: var(--_accent);
  }
`;
