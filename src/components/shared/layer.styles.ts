import { css } from 'lit';

/**
 * What every first-layer element shares: the public `--samtykke-*` tokens mapped to private
 * `--_*` ones on `:host`, light and dark through `light-dark()`, and the buttons.
 *
 * A host page's rules reach a custom element itself (`* { font-size: 2px !important }` beats
 * `:host`), and inherited properties flow from there into the shadow root. So the panel each
 * element draws (`.panel`) sets every inherited property it relies on itself. Sizes are px: a
 * host `html { font-size }` would shrink rem. Contrast of the defaults (light / dark): text
 * 16.8 / 15.1, buttons 6.4 / 9.0, focus ring, links and switch tracks ≥ 5 against the panel.
 */
export const layerStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    --_bg: var(--samtykke-background, light-dark(#fff, #1c1c1f));
    --_fg: var(--samtykke-color, light-dark(#1d1d1f, #f1f1f4));
    --_accent: var(--samtykke-accent, light-dark(#0a58ca, #8ab4f8));
    --_on-accent: var(--samtykke-on-accent, light-dark(#fff, #111));
    --_line: var(--samtykke-border-color, light-dark(#6e6e75, #8e8e96));
    --_radius: var(--samtykke-radius, 8px);
    --_font: var(--samtykke-font-family, system-ui, sans-serif);
    --_size: var(--samtykke-font-size, 15px);
    --_shadow: var(--samtykke-shadow, 0 12px 40px light-dark(#0004, #000c), 0 2px 8px light-dark(#0002, #0008), 0 0 0 1px light-dark(transparent, #fff3));
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([preset='minimal']) {
    --_radius: var(--samtykke-radius, 2px);
    --_shadow: var(--samtykke-shadow, 0 1px 4px #0002);
    --_accent: var(--samtykke-accent, light-dark(#1d1d1f, #f1f1f4));
    --_on-accent: var(--samtykke-on-accent, light-dark(#fff, #1c1c1f));
  }
  :host([preset='contrast']) {
    --_bg: var(--samtykke-background, light-dark(#fff, #000));
    --_fg: var(--samtykke-color, light-dark(#000, #fff));
    --_accent: var(--samtykke-accent, light-dark(#00307a, #ffd84d));
    --_on-accent: var(--samtykke-on-accent, light-dark(#fff, #000));
    --_line: var(--samtykke-border-color, light-dark(#000, #fff));
    --_radius: var(--samtykke-radius, 4px);
  }
  * {
    box-sizing: border-box;
  }
  .panel {
    font-family: var(--_font);
    font-size: var(--_size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    white-space: normal;
    visibility: visible;
    direction: ltr;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  :host([preset='contrast']) .panel {
    border-width: 2px;
  }
  h2,
  p {
    margin: 0 0 8px;
  }
  h2 {
    font-size: 1.25em;
    line-height: 1.3;
  }
  a {
    color: var(--_accent);
  }
  button {
    font: inherit;
    font-weight: 600;
    letter-spacing: inherit;
    text-transform: none;
    min-height: 44px;
    min-width: 44px;
    padding: 8px 12px;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
    visibility: visible;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* All three choices in one row when the row has 360px, else one per row, so they are
     never of unequal size (COMPLIANCE 4). */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .actions button {
    flex: 1 1 calc((360px - 100%) * 999);
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
