import { html } from 'lit';
import { dispatchIntent } from '../shared/intent.js';
import { layerStyles } from '../shared/layer.styles.js';
import { SamtykkeElement } from '../samtykke-element.js';
import { reopenStyles } from './reopen.styles.js';

/**
 * The permanent way back to the preference centre (COMPLIANCE 20, 21): one click opens it,
 * and from there one more withdraws, as one more accepts. `dist/samtykke.js` adds it after
 * the first decision unless the config says `reopen: false`; a page may place its own.
 * Focusing the element focuses its button.
 *
 * @fires customise - the visitor wants the preference centre (bubbles, composed)
 * @csspart base - the button
 * @csspart label - its name, shown beside it on hover and focus
 * @cssprop --samtykke-accent - button background
 * @cssprop --samtykke-on-accent - icon colour
 * @cssprop --samtykke-color - outer ring of the focus indicator
 * @cssprop --samtykke-background - inner ring of the focus indicator
 *
 * @tagname samtykke-reopen
 */
export class SamtykkeReopen extends SamtykkeElement {
  static override styles = [layerStyles, reopenStyles];

  static override shadowRootOptions: ShadowRootInit = { ...SamtykkeElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    position: { reflect: true },
    dodging: { reflect: true },
  };

  /** `left` (default) or `right` bottom corner. */
  declare position: 'left' | 'right';

  /**
   * Set while the page's focused element would be under the button (WCAG 2.4.11): `other`
   * when it moved to the other corner, `away` when both corners cover it.
   */
  declare dodging?: 'other' | 'away';

  private frame = 0;

  constructor() {
    super();
    this.position = 'left';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('focusin', this.check);
    addEventListener('scroll', this.check, { passive: true, capture: true });
    addEventListener('resize', this.check, { passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('focusin', this.check);
    removeEventListener('scroll', this.check, { capture: true });
    removeEventListener('resize', this.check);
    cancelAnimationFrame(this.frame);
  }

  /** Sets `dodging` and its attribute at once: the position it selects is measured right after. */
  private place(where: 'other' | 'away' | undefined): void {
    this.dodging = where;
    if (where) this.setAttribute('dodging', where);
    else this.removeAttribute('dodging');
  }

  /** Once a frame at most: moves out of the way of the focused element, and back when it can. */
  private check = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (!focused || focused === this || focused === document.body) return this.place(undefined);
      const target = focused.getBoundingClientRect();
      const covers = () => {
        const own = this.getBoundingClientRect();
        return own.left < target.right && target.left < own.right && own.top < target.bottom && target.top < own.bottom;
      };
      this.place(undefined);
      if (!covers()) return;
      this.place('other');
      if (!covers()) return;
      this.place('away');
    });
  };

  // The icon: a cookie with a bite out of it and three chips, the one visitors know from other sites.
  protected override render() {
    const label = this.messages.reopen.label;
    return html`<button part="base" aria-haspopup="dialog" aria-label=${label} @click=${() => dispatchIntent(this, 'customise')}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path fill-rule="evenodd" d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5ZM7 9h3v3H7Zm6 5h3v3h-3Zm-5 2h2v2H8Z" />
        </svg></button
      ><span class="label" part="label" aria-hidden="true">${label}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-reopen': SamtykkeReopen;
  }
}
