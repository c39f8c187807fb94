import { css } from 'lit';

/**
 * Styles of `<samtykke-preferences>`: a modal dialog whose middle scrolls while its buttons
 * stay in view. A switch is a restyled checkbox; the words "Til"/"Fra" beside it follow its
 * state through CSS (COMPLIANCE 15). Written one rule per line: it ships as is.
 */
export const preferencesStyles = css`
dialog{width:min(640px,100vw - 16px);max-height:calc(100dvh - 16px);padding:0;border:1px solid var(--_l);border-radius:var(--_r);background:var(--_bg);color:var(--_fg)}
dialog[open],form{display:flex;flex-direction:column;min-height:0}
header,.row{display:flex;align-items:center;gap:8px}
header{padding:8px 8px 0 20px}
h2,h3,h4{flex:1;margin:0}
h3,h4{font-size:1em}
.x{min-width:44px;padding:0;border-color:#0000;background:none;color:inherit;font-size:24px}
.body{overflow:auto;padding:0 20px}
section{border-top:1px solid var(--_l);padding-top:12px;margin-top:12px}
[role=switch]{appearance:none;flex:none;order:1;width:44px;height:24px;margin:0;border-radius:12px;background:radial-gradient(circle at 12px,var(--_bg) 7px,#0000 8px) no-repeat var(--_l)}
@media (prefers-reduced-motion:no-preference){[role=switch]{transition:.2s}}
:checked{background-color:var(--_a);background-position:20px}
:checked+span>.off,:not(:checked)+span>.on{display:none}
summary{padding:8px 0;cursor:pointer}
.svc{border-left:3px solid var(--_l);padding-left:12px}
th{text-align:left}
td{overflow-wrap:anywhere}
.actions{padding:12px 20px 20px}
.status{position:absolute;clip-path:inset(50%)}
`;
