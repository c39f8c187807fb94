import { html, nothing } from 'lit';
import type { CategoryConfig } from '../../core/config.js';
import { isSafeUrl } from '../../core/config/links.js';
import { format } from '../../core/i18n.js';
import { choiceButtons } from '../shared/choice-buttons.js';
import { layerStyles } from '../shared/layer.styles.js';
import { SamtykkeElement } from '../samtykke-element.js';
import { bannerStyles } from './banner.styles.js';
import { serviceLabel } from '../../core/service-label.js';

/**
 * The first layer: one sentence per purpose that needs consent, with who receives the data
 * (the intro covers the necessary ones), how to withdraw, a link to the privacy policy, and
 * three equal choices. Nothing in it is focused when it appears; while it is shown, the page
 * gets bottom padding and scroll padding of its height so the banner never hides what the
 * keyboard focuses (COMPLIANCE 38).
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
 * @cssprop --samtykke-shadow - the panel's shadow
 * @cssprop --samtykke-font-family - font
 * @cssprop --samtykke-font-size - base text size, in px
 *
 * @tagname samtykke-banner
 */
export class SamtykkeBanner extends SamtykkeElement {
  static override styles = [layerStyles, bannerStyles];

  static override properties = {
    categories: { attribute: false },
    policyUrl: { attribute: 'policy-url' },
    layout: { reflect: true },
    controllerName: { attribute: false },
  };

  /** The purposes to name, from the config (title, description, services). */
  declare categories: CategoryConfig[];

  /** The privacy policy's address (`privacyPolicyUrl`); only http(s) or same-origin relative URLs are linked. */
  declare policyUrl?: string;

  /** `box` (a corner box, default) or `bar` (across the bottom). */
  declare layout: 'box' | 'bar';

  /** The site's own name (the config's `controller.name`): a service it runs itself is not followed by it. */
  declare controllerName?: string;

  private releaseRoom?: () => void;

  constructor() {
    super();
    this.categories = [];
    this.layout = 'box';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.releaseRoom = reserveRoom(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releaseRoom?.();
  }

  protected override render() {
    const b = this.messages.banner;
    return html`<section class="panel" part="base" aria-labelledby="title">
      <div class="text" part="text">
        <h2 id="title" part="title">${b.title}</h2>
        <p>${b.intro}</p>
        <ul>
          ${this.categories.filter((c) => !c.required).map((c) => this.purpose(c))}
        </ul>
        <p>${b.withdraw} ${isSafeUrl(this.policyUrl) ? html`<a part="link" href=${this.policyUrl}>${b.policyLink}</a>` : nothing}</p>
      </div>
      ${choiceButtons(this, 'customise', b.customise)}
    </section>`;
  }

  /** One purpose in a sentence, with who receives the data (COMPLIANCE 6). */
  private purpose(c: CategoryConfig) {
    const [title, description] = this.describe(c);
    const who = c.services.map((s) => serviceLabel(s, this.controllerName)).join(', ');
    return html`<li><strong>${title}:</strong> ${description} ${who ? format(this.messages.banner.recipients, { list: who }) : nothing}</li>`;
  }
}

/**
 * Gives the page room below its last element while the banner is shown, and makes focus
 * scrolling stop above it; returns what gives the page its own padding back.
 */
function reserveRoom(banner: HTMLElement): () => void {
  const body = document.body.style;
  // The page's own padding: the inline value to restore, the computed one to add to.
  let own: { inline: string; computed: string } | undefined;
  const reserve = (height?: number) => {
    own ??= { inline: body.paddingBottom, computed: getComputedStyle(document.body).paddingBottom };
    body.paddingBottom = height ? `calc(${own.computed} + ${height}px)` : own.inline;
    document.documentElement.style.scrollPaddingBottom = height ? `${height}px` : '';
  };
  const observer = new ResizeObserver(() => reserve(document.documentElement.clientHeight - banner.offsetTop));
  observer.observe(banner);
  return () => {
    observer.disconnect();
    if (own) reserve();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-banner': SamtykkeBanner;
  }
}
