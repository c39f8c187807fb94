import { css } from 'lit';

/**
 * The looks every first-layer element shares. Public `--samtykke-*` tokens feed private
 * `--_*` ones on `:host`, so a site owner themes one name and the element keeps its own
 * fallbacks. Light and dark come from `color-scheme` (`theme` attribute: light, dark or auto)
 * through `light-dark()`. Sizes are px: a host `html { font-size }` would shrink rem.
 * Contrast of the defaults (light / dark): text 16.8 / 15.1, buttons 6.4 / 9.0, focus ring,
 * links and switch tracks ≥ 5 against the panel. Written one rule per line: it ships as is.
 * `.actions button`: all in one row when the row has 360px, else one per row, so the
 * choices are never of unequal size.
 */
export const themeStyles = css`
:host{color-scheme:light dark;--_bg:var(--samtykke-background,light-dark(#fff,#1c1c1f));--_fg:var(--samtykke-color,light-dark(#1d1d1f,#f1f1f4));--_a:var(--samtykke-accent,light-dark(#0a58ca,#8ab4f8));--_on:var(--samtykke-on-accent,light-dark(#fff,#111));--_l:var(--samtykke-border-color,light-dark(#6e6e75,#8e8e96));--_r:var(--samtykke-radius,8px);font:var(--samtykke-font-size,15px)/1.5 var(--samtykke-font-family,system-ui,sans-serif);color:var(--_fg)}
:host([theme=light]){color-scheme:light}
:host([theme=dark]){color-scheme:dark}
*{box-sizing:border-box}
h2,p{margin:0 0 8px}
h2{font-size:1.25em}
a{color:var(--_a)}
button{font:inherit;font-weight:600;min-height:44px;padding:8px 12px;border:2px solid var(--_a);border-radius:var(--_r);background:var(--_a);color:var(--_on);cursor:pointer}
:focus-visible{outline:3px solid var(--_a);outline-offset:2px}
.actions{display:flex;flex-wrap:wrap;gap:8px}
.actions button{flex:1 1 calc((360px - 100%)*999)}
`;
