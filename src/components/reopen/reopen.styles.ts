import { css } from 'lit';

/**
 * Styles of `<samtykke-reopen>`: a small round button in a bottom corner. It floats over a
 * page of any colour, so its focus ring is two-tone: one of the two rings contrasts with it.
 */
export const reopenStyles = css`
:host{position:fixed;z-index:2147483000;left:16px;bottom:16px}
:host([position=right]){left:auto;right:16px}
button{display:grid;place-items:center;width:44px;padding:0;border-radius:50%;box-shadow:0 2px 8px #0005}
svg{width:24px;fill:currentColor}
button:focus-visible{outline-color:var(--_fg);box-shadow:0 0 0 2px var(--_bg)}
`;
