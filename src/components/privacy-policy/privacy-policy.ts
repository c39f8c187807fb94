import { LitElement, html, nothing } from 'lit';
import type { Language, SamtykkeConfig } from '../../core/config.js';
import { format, resolveLanguage, type Messages } from '../../core/i18n.js';
import { pageMessagesFor } from '../page-messages.js';
import type { PolicyBlock, PolicyDocument, PolicySection } from '../../core/policy.js';
import { controllerLines, fillContext, fillInline, formatDate, type FillContext, type Segment } from '../../core/policy-fill.js';
import { configFor } from '../../core/policy-page.js';
import { checkPolicy, defaultPolicy, loadPolicy } from '../../core/policy-source.js';
import { heading, segments } from './document-templates.js';
import { privacyPolicyStyles } from './privacy-policy.styles.js';

/** A URL document being fetched (`pending`) or fetched (`document` is `null` when it failed). */
interface Remote {
  url: string;
  pending: boolean;
  document: PolicyDocument | null;
}

/**
 * The privacy policy: title, "Senest opdateret" and version, a table of contents with in-page
 * links, and every section with its fields filled from the config — the controller's contact
 * details, the cookie-policy link, the retention example. Sections added to meet GDPR Art. 13
 * (`supplement: true`) carry a visible marker.
 *
 * The document is the `document` property, else `src`, else `config.policy` (object or URL),
 * else the shipped policy in the element's language. A URL that cannot be loaded, or a document
 * that cannot be used, shows a notice and the shipped policy instead.
 *
 * @tagname samtykke-privacy-policy
 * @csspart base - the article holding the whole document
 * @csspart heading - every heading
 * @csspart meta - the "Senest opdateret" and version line
 * @csspart toc - the table of contents
 * @csspart section - each section (supplement sections also have `supplement`)
 * @csspart supplement-marker - the label on a supplement section
 * @csspart contact - an address block
 * @csspart missing - the notice shown where contact details are missing
 * @csspart notice - the notice shown when the site's own document could not be used
 * @cssprop --samtykke-color - text colour (default: the page's)
 * @cssprop --samtykke-background - background (default: transparent)
 * @cssprop --samtykke-font-family - font family (default: the page's)
 * @cssprop --samtykke-font-size - body text size (default: 16px)
 * @cssprop --samtykke-link-color - link colour (default: the text colour, underlined)
 * @cssprop --samtykke-max-width - the document's width (default: 760px)
 * @cssprop --samtykke-supplement-color - the border beside supplement sections
 */
export class SamtykkePrivacyPolicy extends LitElement {
  static override styles = privacyPolicyStyles;
  // Declared without decorators: they would pull tslib's helper into the bundle.
  static override properties = {
    document: { attribute: false },
    config: { attribute: false },
    src: {},
    lang: { reflect: true },
    theme: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    remote: { state: true, attribute: false },
  };

  /** A policy document object (the schema of `locales/policy.da.json`); wins over `src` and the config. */
  declare document: object | undefined;

  /** The Samtykke config (raw or resolved); default: the page's `#samtykke-config` or the running widget's. */
  declare config: unknown;

  /** A URL to fetch the policy document from; wins over `config.policy`. */
  declare src: string | undefined;

  /** `da` or `en`: which shipped policy to show; default: the config's language, else the page's. */
  declare lang: string;

  /** `light` or `dark` for own colours; unset or `auto` takes the page's. */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** The level of the title heading (1–5); sections are one level below. Default 1. */
  declare headingLevel: number;

  declare private remote: Remote | undefined;
  private landed = false;

  constructor() {
    super();
    this.headingLevel = 1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private get resolvedConfig(): SamtykkeConfig {
    return configFor(this.config);
  }

  /** The URL to load, when the document comes from one. */
  private get url(): string | undefined {
    if (this.document) return undefined;
    if (this.src) return this.src;
    const policy = this.resolvedConfig.policy;
    return typeof policy === 'string' ? policy : undefined;
  }

  protected override willUpdate(): void {
    const url = this.url;
    if (!url) this.remote = undefined;
    else if (this.remote?.url !== url) {
      this.remote = { url, pending: true, document: null };
      void loadPolicy(url).then((document) => {
        if (this.remote?.url === url) this.remote = { url, pending: false, document };
      });
    }
  }

  /** The document to show and, when the site's own could not be used, where it was meant to come from. */
  private chosen(language: Language): { doc: PolicyDocument; failed?: string } {
    const own = this.document ?? this.resolvedConfig.policy;
    if (this.remote) return this.remote.document ? { doc: this.remote.document } : { doc: defaultPolicy(language), failed: this.remote.url };
    if (own && typeof own === 'object') {
      const doc = checkPolicy(own);
      return doc ? { doc } : { doc: defaultPolicy(language), failed: this.document ? 'document' : 'config.policy' };
    }
    return { doc: defaultPolicy(language) };
  }

  override render() {
    if (this.remote?.pending) return html`<article part="base" aria-busy="true"></article>`;
    const config = this.resolvedConfig;
    const asked = this.lang ? resolveLanguage('auto', this.lang, () => []) : resolveLanguage(config.language);
    const { doc, failed } = this.chosen(asked);
    const language = doc.language ?? asked;
    // The document's own labels in its language; the notes about it in the visitor's.
    const m = pageMessagesFor(language, config.texts[language]);
    const visitor = pageMessagesFor(asked, config.texts[asked], () => this.requestUpdate());
    const shownInEnglish = language === 'en' && asked !== 'en';
    const ctx = fillContext(doc, config, language, m.policy);
    const level = Math.min(5, Math.max(1, this.headingLevel || 1));
    return html`<article part="base" lang=${language} @click=${this.onClick}>
      ${shownInEnglish ? html`<p part="notice" class="notice" lang=${asked}>${visitor.policy.shownInEnglish}</p>` : nothing}
      ${failed ? html`<p part="notice" class="notice" lang=${asked}>${format(visitor.policy.fallback, { source: failed })}</p>` : nothing}
      ${heading(level, doc.title)}
      <p part="meta" class="meta">
        ${m.policy.updated}: <time datetime=${doc.updated}>${formatDate(new Date(`${doc.updated}T00:00:00Z`), language, { dateStyle: 'long' })}</time>.
        ${m.policy.version}: ${doc.version}.
      </p>
      <nav part="toc" aria-label=${m.policy.contents}>
        ${heading(level + 1, m.policy.contents)}
        ${this.contents(doc.sections)}
      </nav>
      ${doc.sections.map((s) => this.section(s, level + 1, ctx, m))}
    </article>`;
  }

  private contents(sections: PolicySection[]): unknown {
    return html`<ol>
      ${sections.map((s) => html`<li><a href=${`#${s.id}`}>${s.heading}</a>${s.sections ? this.contents(s.sections) : nothing}</li>`)}
    </ol>`;
  }

  private section(s: PolicySection, level: number, ctx: FillContext, m: Messages): unknown {
    return html`<section id=${s.id} part=${s.supplement ? 'section supplement' : 'section'} class=${s.supplement ? 'supplement' : ''}>
      ${heading(level, s.heading, true)}
      ${s.supplement ? html`<p class="marker" part="supplement-marker">${m.policy.supplement}</p>` : nothing}
      ${s.blocks.map((b) => this.block(b, ctx))}
      ${s.sections?.map((sub) => this.section(sub, level + 1, ctx, m))}
    </section>`;
  }

  private block(b: PolicyBlock, ctx: FillContext): unknown {
    const fill = (content: Parameters<typeof fillInline>[0]) => segments(fillInline(content, ctx), ctx.messages.missingContact);
    const lines = (list: Segment[][]) =>
      html`<address part="contact">${list.map((line) => html`<span>${segments(line, ctx.messages.missingContact)}</span>`)}</address>`;
    switch (b.type) {
      case 'paragraph':
        return html`<p>${fill(b.text)}</p>`;
      case 'list':
        return b.ordered
          ? html`<ol>${b.items.map((item) => html`<li>${fill(item)}</li>`)}</ol>`
          : html`<ul>${b.items.map((item) => html`<li>${fill(item)}</li>`)}</ul>`;
      case 'contact':
        return lines(b.lines.map((line) => fillInline(line, ctx)));
      case 'controller':
        return lines(controllerLines(ctx));
    }
  }

  protected override updated(): void {
    // A link from another page to privatlivspolitik.html#rights lands on the section once it exists.
    if (this.landed || this.remote?.pending) return;
    this.landed = true;
    if (location.hash) this.goTo(location.hash.slice(1), false);
  }

  private readonly onHashChange = () => this.goTo(location.hash.slice(1), true);

  /**
   * In-page links: ids inside a shadow root are invisible to the browser's own fragment
   * navigation, so the element scrolls to the section and moves focus to its heading itself.
   */
  private readonly onClick = (e: MouseEvent) => {
    const link = (e.composedPath() as Element[]).find((n) => n instanceof HTMLAnchorElement) as HTMLAnchorElement | undefined;
    const href = link?.getAttribute('href');
    if (!href?.startsWith('#') || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    if (this.goTo(href.slice(1), true)) {
      e.preventDefault();
      history.pushState(null, '', href);
    }
  };

  /** Scrolls to the section `id` (and focuses its heading when `focus`); false when there is none. */
  private goTo(id: string, focus: boolean): boolean {
    let target: HTMLElement | null = null;
    try {
      target = (this.renderRoot as ShadowRoot).getElementById(decodeURIComponent(id));
    } catch {
      return false; // a malformed %-escape in the URL
    }
    if (target?.localName !== 'section') return false;
    target.scrollIntoView({ block: 'start' });
    if (focus) target.querySelector<HTMLElement>('[tabindex="-1"]')?.focus({ preventScroll: true });
    return true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-privacy-policy': SamtykkePrivacyPolicy;
  }
}
