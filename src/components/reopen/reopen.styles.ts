import { css } from 'lit';

/**
 * A small round button in a bottom corner, its name shown beside it on hover and focus. It
 * floats over a page of any colour, so its focus ring is two-tone: one of the two rings
 * contrasts with whatever is behind it. When the page's focused element would be under it,
 * it moves to the other corner (`dodging`) or, if that is covered too, steps aside.
 */
export const reopenStyles = css`
  :host {
    position: fixed;
    z-index: 2147483000;
    left: var(--_x, 16px);
    bottom: var(--_y, 16px);
  }
  :host([position='right']),
  :host([position='left'][dodging='other']) {
    left: auto;
    right: var(--_x, 16px);
  }
  :host([position='right'][dodging='other']) {
    right: auto;
    left: var(--_x, 16px);
  }
  :host([dodging='away']) {
    visibility: hidden;
  }
  button {
    display: grid;
    place-items: center;
    width: 44px;
    padding: 0;
    border-radius: 50%;
    box-shadow: 0 2px 8px #0005;
  }
  svg {
    width: 24px;
    fill: currentColor;
  }
  button:focus-visible {
    outline-color: var(--_fg);
    box-shadow: 0 0 0 2px var(--_bg);
  }
  /* The name, beside the button: the tooltip a keyboard user sees too. */
  .label {
    position: absolute;
    bottom: 6px;
    left: 52px;
    white-space: nowrap;
    padding: 4px 10px;
    border-radius: var(--_radius);
    background: var(--_fg);
    color: var(--_bg);
    font: 600 13px/1.4 var(--_font);
    /* Set here, not inherited: a host rule on the element itself must not change them. */
    letter-spacing: normal;
    text-transform: none;
    visibility: visible;
    direction: ltr;
    pointer-events: none;
    opacity: 0;
  }
  :host([position='right']) .label,
  :host([position='left'][dodging='other']) .label {
    left: auto;
    right: 52px;
  }
  :host([position='right'][dodging='other']) .label {
    right: auto;
    left: 52px;
  }
  button:hover + .label,
  button:focus-visible + .label {
    opacity: 1;
  }
`;
