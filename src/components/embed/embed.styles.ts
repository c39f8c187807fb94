import { css } from 'lit';

/** The placeholder's panel, on top of the shared theme (light/dark tokens, buttons, focus ring). */
export const embedStyles = css`
:host{display:block}
[part=base]{display:flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:8px;min-height:150px;padding:16px;border:1px solid var(--_l);border-radius:var(--_r);background:var(--_bg);text-align:center}
p{flex-basis:100%}
`;
