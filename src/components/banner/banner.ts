import { html } from 'lit/html.js';
import { isSafeUrl, type CategoryConfig } from '../../core/config.js';
import { format } from '../../core/i18n.js';
import { SamtykkeElement } from '../samtykke-element.js';

/**
 * The first layer: one sentence per purpose that needs consent, with who receives the data
 * (the intro covers the necessary ones), how to withdraw,
 * a link to the privacy policy, and three equal choices. Nothing in it is focused when it
 * appears; while it is shown, the page gets bottom padding and scroll padding of its height
 * so the banner never hides what the keyboard focuses (COMPLIANCE 38).
 *
 * @fires accept-all - the visitor pressed "Accepter alle" (bubbles, composed)
 * @fires reject-all - the visitor pressed "Afvis alle" (bubbles, composed)
 * @fires customise - the visitor wants the preference centre (bubbles, composed)
 * @csspart base - the panel (a labelled region)
 * @csspart text - the scrolling text above the buttons
 * @csspart title - the heading
 * @csspart link - the privacy-policy link
 * @csspart actions - the row of buttons
 * @csspart accept-all - the accept-all button
 * @csspart reject-all - the reject-all button
 * @csspart customise - the customise button
 * @cssprop --samtykke-background - panel background
 * @cssprop --samtykke-color - text colour
 * @cssprop --samtykke-accent - buttons, links and the focus ring
 * @cssprop --samtykke-on-accent - text on the buttons
 * @cssprop --samtykke-border-color - panel border
 * @cssprop --samtykke-radius - corner radius
 * @cssprop --samtykke-font-family - font
 * @cssprop --samtykke-font-size - base text size, in px
 *
 * @tagname samtykke-banner
 */
export class SamtykkeBanner extends SamtykkeElement {
  static override properties = {
    categories: { attribute: false },
    policyUrl: { attribute: 'policy-url' },
    layout: { reflect: true },
  };

  /** The purposes to name, from the config (title, description, services). */
  declare categories: CategoryConfig[];

  /** The privacy policy's address (`privacyPolicyUrl`); only http(s) or relative URLs are linked. */
  declare policyUrl?: string;

  /** `box` (a corner box, default) or `bar` (across the bottom). */
  declare layout: 'box' | 'bar';

  private observer = new ResizeObserver(() => this.reserve(true));
  private padding?: [inline: string, computed: string];

  constructor() {
    super();
    this.categories = [];
    this.layout = 'box';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer.disconnect();
    this.reserve(false);
  }

  /** Gives the page room below its last element, and makes focus scrolling stop above the banner. */
  private reserve(on: boolean): void {
    const body = document.body.style;
    // The page's own padding: the inline value to restore, the computed one to add to.
    this.padding ??= [body.paddingBottom, getComputedStyle(document.body).paddingBottom];
    const height = document.documentElement.clientHeight - this.offsetTop;
    body.paddingBottom = on ? `calc(${this.padding[1]} + ${height}px)` : this.padding[0];
    document.documentElement.style.scrollPaddingBottom = on ? `${height}px` : '';
  }

  override render() {
    const b = this.messages.banner;
    return html`<section part="base" aria-labelledby="t">
<div class="text" part="text">
<h2 id="t" part="title">${b.title}</h2>
<p>${b.intro}</p>
<ul>${this.categories.filter((c) => !c.required).map((c) => {
      const [title, description] = this.describe(c);
      const who = c.services.map((s) => `${s.name} (${s.provider})`).join(', ');
      return html`<li><strong>${title}:</strong> ${description} ${who && format(b.recipients, { list: who })}</li>`;
    })}</ul>
<p>${b.withdraw} ${isSafeUrl(this.policyUrl) ? html`<a part="link" href=${this.policyUrl}>${b.policyLink}</a>` : ''}</p>
</div>
${this.actions('customise', b.customise)}
</section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-banner': SamtykkeBanner;
  }
}
