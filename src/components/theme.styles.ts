// A css tag, so the build squeezes the text; it is adopted as one constructed sheet.
const css = (text: TemplateStringsArray) => text[0];

/**
 * The looks every first-layer element shares. Public `--samtykke-*` tokens feed private
 * `--_*` ones on `:host`, so a site owner themes one name and the element keeps its own
 * fallbacks. Light and dark come from `color-scheme` (`theme` attribute: light, dark or auto)
 * through `light-dark()`. Sizes are px: a host `html { font-size }` would shrink rem.
 * Contrast of the defaults (light / dark): text 16.8 / 15.1, buttons 6.4 / 9.0, focus ring,
 * links and switch tracks ≥ 5 against the panel. Written one rule per line: it ships as is.
 * `.actions button`: all in one row when the row has 360px, else one per row, so the
 * choices are never of unequal size.
 *
 * One sheet for all four elements (less to ship than one per element): an element's own rules
 * are scoped by what only it has, e.g. the banner's `section` and always-reflected `layout`
 * attribute, the reopen button's `position`, the centre's `dialog` and `form`, the placeholder's
 * `div`. Parts double as selectors where a class would only repeat them. What two elements share
 * is written once: the banner's and the centre's panel are a column (`section`, the open `dialog`,
 * its `form`) whose `.text` scrolls; the placeholder's panel wraps like the `.actions` row.
 */
export const themeStyles = css`
:host{display:block;color-scheme:light dark;--_bg:var(--samtykke-background,light-dark(#fff,#1c1c1f));--_fg:var(--samtykke-color,light-dark(#1d1d1f,#f1f1f4));--_a:var(--samtykke-accent,light-dark(#0a58ca,#8ab4f8));--_on:var(--samtykke-on-accent,light-dark(#fff,#111));--_l:var(--samtykke-border-color,light-dark(#6e6e75,#8e8e96));--_r:var(--samtykke-radius,8px);font:var(--samtykke-font-size,15px)/1.5 var(--samtykke-font-family,system-ui,sans-serif);color:var(--_fg)}
:host([theme=light]){color-scheme:light}
:host([theme=dark]){color-scheme:dark}
*{box-sizing:border-box}
h2,p{margin:0 0 8px}
h2{font-size:1.25em}
a{color:var(--_a)}
button{font:inherit;font-weight:600;min-height:44px;padding:8px 12px;border:2px solid var(--_a);border-radius:var(--_r);background:var(--_a);color:var(--_on);cursor:pointer}
:focus-visible{outline:3px solid var(--_a);outline-offset:2px}
.actions,div[part=base]{display:flex;flex-wrap:wrap;gap:8px}
.actions button{flex:1 1 calc((360px - 100%)*999)}
/* <samtykke-banner>: a corner box or a bottom bar. Fixed, so the host page does not move; at
   most 70% of the viewport high, so there is always room above it for what the keyboard
   focuses (COMPLIANCE 38); the text scrolls and the buttons stay in view (COMPLIANCE 2, 40).
   <samtykke-reopen> shares the corner. */
:host([layout]),:host([position]){position:fixed;z-index:2147483000;left:16px;bottom:16px}
:host([layout]){width:min(480px,100vw - 32px)}
:host([layout=bar]){left:0;bottom:0;width:100%}
section,dialog,div[part=base]{border:1px solid var(--_l);border-radius:var(--_r);background:var(--_bg)}
section,dialog[open],form{display:flex;flex-direction:column;min-height:0}
section{gap:8px;max-height:70dvh;padding:20px}
:host([layout=bar]) section{border-radius:0;border-width:1px 0 0;padding:16px max(16px,50% - 560px)}
.text{overflow:auto}
ul{padding-left:20px}
section>.actions{flex:none;max-width:640px}
/* <samtykke-preferences>: a modal dialog whose middle scrolls while its buttons stay in view.
   A switch is a restyled checkbox (its only inputs are switches); the words "Til"/"Fra" beside it follow its state through
   CSS (COMPLIANCE 15). */
dialog{width:min(640px,100vw - 16px);max-height:calc(100dvh - 16px);padding:0;color:var(--_fg)}
header,.row{display:flex;align-items:center;gap:8px}
header{padding:8px 8px 0 20px}
header>h2,h3,h4{flex:1;margin:0}
h3{font-size:1em}
[part=close]{min-width:44px;padding:0;border-color:#0000;background:none;color:inherit;font-size:24px}
form>.text{padding:0 20px}
[part=category]{border-top:1px solid var(--_l);padding-top:12px;margin-top:12px}
input{appearance:none;flex:none;order:1;width:44px;height:24px;margin:0;border-radius:12px;background:radial-gradient(circle at 12px,var(--_bg) 7px,#0000 8px) no-repeat var(--_l)}
@media (prefers-reduced-motion:no-preference){input{transition:.2s}}
:checked{background-color:var(--_a);background-position:20px}
:checked+span>.off,:not(:checked)+span>.on{display:none}
summary{padding:8px 0;cursor:pointer}
[part=service]{border-left:3px solid var(--_l);padding-left:12px}
th{text-align:left}
td{overflow-wrap:anywhere}
form>.actions{padding:12px 20px 20px}
[role=status]{position:absolute;clip-path:inset(50%)}
/* <samtykke-reopen>: a small round button. It floats over a page of any colour, so its focus
   ring is two-tone: one of the two rings contrasts with it. */
:host([position=right]){left:auto;right:16px}
button[part=base]{display:grid;place-items:center;width:44px;padding:0;border-radius:50%;box-shadow:0 2px 8px #0005}
svg{width:24px;fill:currentColor}
button[part=base]:focus-visible{outline-color:var(--_fg);box-shadow:0 0 0 2px var(--_bg)}
/* <samtykke-embed>: the placeholder's panel. */
div[part=base]{align-items:center;justify-content:center;min-height:150px;padding:16px;text-align:center}
p{flex-basis:100%}
/* Printing a page prints its content, not the consent layers. */
@media print{:host([layout]),:host([position]){display:none}}
`;
