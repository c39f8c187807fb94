import { forwardActions, markup, REFLECT, replace, SamtykkeElement } from '../samtykke-element.js';

/**
 * The permanent way back to the preference centre (COMPLIANCE 20, 21): one click opens it,
 * and from there one more withdraws, as one more accepts. `dist/samtykke.js` adds it after
 * the first decision unless the config says `reopen: false`; a page may place its own.
 * Focusing the element focuses its button.
 *
 * @fires customise - the visitor wants the preference centre (bubbles, composed)
 * @csspart base - the button
 * @cssprop --samtykke-accent - button background
 * @cssprop --samtykke-on-accent - icon colour
 * @cssprop --samtykke-color - outer ring of the focus indicator
 * @cssprop --samtykke-background - inner ring of the focus indicator
 *
 * @tagname samtykke-reopen
 */
export class SamtykkeReopen extends SamtykkeElement {
  static override properties = { ...SamtykkeElement.properties, position: REFLECT };

  /** `left` (default) or `right` bottom corner. */
  declare position: 'left' | 'right';

  constructor() {
    // Delegates focus: focusing the element focuses its button.
    super(true);
    this.position ??= 'left';
    forwardActions(this);
  }

  // One `innerHTML`, as the banner's (see `markup`). The icon: a cookie with a bite out of it
  // and three chips, the one visitors know from other sites.
  protected override update(): void {
    const label = this.messages.reopen.label;
    replace(this, markup`<button part="base" data-action="customise" aria-haspopup="dialog" aria-label="${label}" title="${label}"><svg viewBox="0 0 24 24" aria-hidden="true"><path fill-rule="evenodd" d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5ZM7 9h3v3H7Zm6 5h3v3h-3Zm-5 2h2v2H8Z"/></svg></button>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-reopen': SamtykkeReopen;
  }
}
