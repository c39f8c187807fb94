import { isSafeUrl, type CategoryConfig } from '../../core/config.js';
import { format } from '../../core/i18n.js';
import { actionMarkup, describe, forwardActions, markup, PROPERTY, REFLECT, replace, SamtykkeElement } from '../samtykke-element.js';

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
  static override properties = { ...SamtykkeElement.properties, categories: PROPERTY, policyUrl: 'policy-url', layout: REFLECT };

  /** The purposes to name, from the config (title, description, services). */
  declare categories: CategoryConfig[];

  /** The privacy policy's address (`privacyPolicyUrl`); only http(s) or relative URLs are linked. */
  declare policyUrl?: string;

  /** `box` (a corner box, default) or `bar` (across the bottom). */
  declare layout: 'box' | 'bar';

  private release?: () => void;

  constructor() {
    super();
    this.categories ??= [];
    this.layout ??= 'box';
    forwardActions(this);
  }

  connectedCallback(): void {
    this.release = reserveRoom(this);
  }

  disconnectedCallback(): void {
    this.release!();
  }

  // One `innerHTML` (see `markup`), made anew when a property changes: after the first render
  // that only happens when a page or a test sets one.
  protected override update(): void {
    const b = this.messages.banner;
    replace(this, markup`<section part="base" aria-labelledby="t"><div class="text" part="text"><h2 id="t" part="title">${b.title}</h2><p>${b.intro}</p><ul>${
      this.categories.filter((c) => !c.required).map((c) => purpose(this, c))
    }</ul><p>${b.withdraw} ${isSafeUrl(this.policyUrl) && markup`<a part="link" href="${this.policyUrl}">${b.policyLink}</a>`}</p></div>${
      actionMarkup(this, 'customise', b.customise)
    }</section>`);
  }
}

/** One purpose in a sentence, with who receives the data (COMPLIANCE 6). */
function purpose(banner: SamtykkeBanner, c: CategoryConfig) {
  const [title, description] = describe(banner, c);
  const who = c.services.map((s) => `${s.name} (${s.provider})`).join(', ');
  return markup`<li><strong>${title}:</strong> ${description} ${who && format(banner.messages.banner.recipients, { list: who })}</li>`;
}

/**
 * Gives the page room below its last element while the banner is shown, and makes focus
 * scrolling stop above it; returns what gives the page its own padding back.
 */
function reserveRoom(banner: HTMLElement): () => void {
  const body = document.body.style;
  // The page's own padding: the inline value to restore, the computed one to add to. Read on
  // the first resize callback, not on connecting, so adding the banner forces no style pass.
  let own: string[] | undefined;
  const reserve = (height?: number) => {
    own ??= [body.paddingBottom, getComputedStyle(document.body).paddingBottom];
    body.paddingBottom = height ? `calc(${own[1]} + ${height}px)` : own[0];
    document.documentElement.style.scrollPaddingBottom = height ? `${height}px` : '';
  };
  const observer = new ResizeObserver(() => reserve(document.documentElement.clientHeight - banner.offsetTop));
  observer.observe(banner);
  // Giving the padding back reads no layout: the banner is going, in the frame that shows it gone.
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
