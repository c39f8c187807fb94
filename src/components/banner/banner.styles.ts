import { css } from 'lit';

/**
 * Styles of `<samtykke-banner>`: a corner box (default) or a bottom bar. Fixed, so the host
 * page does not move; at most 70% of the viewport high, so there is always room above it for
 * what the keyboard focuses (COMPLIANCE 38); the text scrolls inside the panel and the
 * buttons stay in view at any height (COMPLIANCE 2, 40).
 */
export const bannerStyles = css`
:host{position:fixed;z-index:2147483000;left:16px;bottom:16px;width:min(480px,100vw - 32px)}
:host([layout=bar]){left:0;bottom:0;width:100%}
section{display:flex;flex-direction:column;gap:8px;max-height:70dvh;padding:20px;background:var(--_bg);border:1px solid var(--_l);border-radius:var(--_r)}
:host([layout=bar]) section{border-radius:0;border-width:1px 0 0;padding:16px max(16px,50% - 560px)}
.text{overflow:auto}
ul{padding-left:20px}
.actions{flex:none;max-width:640px}
`;
