import { LitElement, html, nothing } from 'lit';
import type da from '../../../locales/ui.da.json';
import type { Language, SamtykkeConfig } from '../../core/config.js';
import { format, localize, resolveLanguage } from '../../core/i18n.js';
import { DATE_LOCALES } from '../../core/policy-fill.js';
import { configFor, currentConsent } from '../../core/policy-page.js';
import { pageMessagesFor } from '../page-messages.js';
import type { ConsentRecord } from '../../core/record.js';
import { heading } from '../privacy-policy/document-templates.js';
import { consentHistoryStyles } from './consent-history.styles.js';

/** One event as `GET /api/consents/:consentId` answers it (the fields this element reads). */
export interface LoggedEvent {
  eventId: string;
  action: string;
  categories: Record<string, boolean>;
  policyVersion: string;
  gpc: boolean;
  receivedAt: string;
}

/** What the element shows. */
export type HistoryState = 'no-endpoint' | 'no-consent' | 'loading' | 'unreachable' | 'not-in-log' | 'differs' | 'ok';

type HistoryMessages = typeof da.history;


/** Tries to find a just-made decision in the log before saying the log lacks it. */
const WAIT_ATTEMPTS = 5;
const WAIT_STEP_MS = 400;

/** The log's address of one consent ID: the config's endpoint (the collection) plus the ID. */
export function historyUrl(endpoint: string, consentId: string, base: string = document.baseURI): string {
  const url = new URL(endpoint, base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(consentId)}`;
  url.search = '';
  return url.href;
}

/** Whether the log's latest event is the choice the cookie holds. */
function matches(latest: LoggedEvent, consent: ConsentRecord): boolean {
  const a = latest.categories ?? {};
  const b = consent.categories;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return latest.action === consent.method && [...keys].every((k) => Boolean(a[k]) === Boolean(b[k]));
}

/**
 * The visitor's own consent history: every decision the consent log holds for the consent ID
 * in their cookie, newest first, in plain words in their language. It reads the ID from
 * `window.Samtykke` or the cookie, and fetches `GET {endpoint}/{consentId}` from the config's
 * `endpoint` (the log's collection URL, e.g. `https://log.example/api/consents`), without
 * cookies. It says so when there is no endpoint, no choice yet, when the log cannot be reached
 * (with a retry), and when the log's history does not match the cookie. After a decision on the
 * page (`samtykke-change`) it waits briefly for the log to have it. Everything from the log is
 * rendered as text.
 *
 * @tagname samtykke-consent-history
 * @fires samtykke-history - the history was read (`detail: { consentId, events, state }`; bubbles, composed)
 * @csspart base - the section holding the history
 * @csspart heading - the heading
 * @csspart status - the line that says what is shown or what went wrong (a polite live region)
 * @csspart list - the list of decisions
 * @csspart item - one decision
 * @csspart retry - the "try again" button
 * @cssprop --samtykke-color - text colour (default: the page's)
 * @cssprop --samtykke-background - background (default: transparent)
 * @cssprop --samtykke-font-family - font family (default: the page's)
 * @cssprop --samtykke-font-size - body text size (default: 16px)
 * @cssprop --samtykke-radius - button corner radius (default: 6px)
 * @cssprop --samtykke-max-width - the history's width (default: 760px)
 */
export class SamtykkeConsentHistory extends LitElement {
  static override styles = consentHistoryStyles;
  static override properties = {
    config: { attribute: false },
    consent: { attribute: false },
    lang: { reflect: true },
    theme: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    state: { state: true, attribute: false },
    events: { state: true, attribute: false },
  };

  /** The Samtykke config (raw or resolved); default: the page's `#samtykke-config` or the running widget's. */
  declare config: unknown;

  /** The consent whose history to show; `undefined` reads it from `window.Samtykke` or the cookie. */
  declare consent: ConsentRecord | null | undefined;

  /** `da` or `en`; default: the config's language, else the page's. */
  declare lang: string;

  /** `light` or `dark` for own colours; unset or `auto` takes the page's. */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** The level of the heading (1–6). Default 2. */
  declare headingLevel: number;

  declare private state: HistoryState;
  declare private events: LoggedEvent[];

  /** Increases with each load, so an answer to an older request is dropped. */
  private generation = 0;
  private loadedFor = '';

  constructor() {
    super();
    this.headingLevel = 2;
    this.state = 'loading';
    this.events = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('samtykke-change', this.onChange);
    document.addEventListener('samtykke-ready', this.onReady);
    // Moved in the page: a read cut short by the move is done again.
    if (this.hasUpdated) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('samtykke-change', this.onChange);
    document.removeEventListener('samtykke-ready', this.onReady);
    this.generation++;
  }

  private readonly onChange = (e: Event): void => {
    const detail = (e as CustomEvent<{ consent?: ConsentRecord | null; event?: { eventId?: string } }>).detail;
    if (detail && typeof detail.consent === 'object') {
      this.consent = detail.consent;
      void this.load(detail.event?.eventId);
    }
  };

  private readonly onReady = (e: Event): void => {
    const consent = (e as CustomEvent<{ consent?: ConsentRecord | null }>).detail?.consent;
    if (typeof consent === 'object') this.consent = consent;
  };

  private language(config: SamtykkeConfig): Language {
    return this.lang ? resolveLanguage('auto', this.lang, () => []) : resolveLanguage(config.language);
  }

  private current(config: SamtykkeConfig): ConsentRecord | null {
    return this.consent !== undefined ? this.consent : currentConsent(config);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A new consent or config (or the first render) reads the log again; `load` itself is not re-entered here.
    if (!changed.has('consent') && !changed.has('config') && this.hasUpdated) return;
    const config = configFor(this.config);
    const consent = this.current(config);
    const key = `${config.endpoint ?? ''} ${consent?.id ?? ''} ${consent?.updated ?? ''}`;
    if (key !== this.loadedFor) void this.load();
  }

  /**
   * Reads the history from the log. With `waitFor` (a just-made event's id) it asks again a few
   * times until the log has that event.
   */
  async load(waitFor?: string): Promise<void> {
    const config = configFor(this.config);
    const consent = this.current(config);
    this.loadedFor = `${config.endpoint ?? ''} ${consent?.id ?? ''} ${consent?.updated ?? ''}`;
    const generation = ++this.generation;
    if (!config.endpoint) return this.settle('no-endpoint', [], consent);
    if (!consent) return this.settle('no-consent', [], consent);
    this.state = 'loading';
    let events: LoggedEvent[] = [];
    for (let attempt = 1; attempt <= WAIT_ATTEMPTS; attempt++) {
      try {
        const res = await fetch(historyUrl(config.endpoint, consent.id), { credentials: 'omit', cache: 'no-store', headers: { accept: 'application/json' } });
        if (res.status !== 404 && !res.ok) throw new Error(`HTTP ${res.status}`);
        const body = res.ok ? await res.json() : { events: [] };
        events = Array.isArray(body?.events) ? body.events.filter((e: unknown): e is LoggedEvent => typeof e === 'object' && e !== null) : [];
      } catch {
        if (generation === this.generation) this.settle('unreachable', [], consent);
        return;
      }
      if (generation !== this.generation) return;
      const latest = events[events.length - 1];
      const settled = events.some((e) => e.eventId === waitFor) && latest !== undefined && matches(latest, consent);
      if (!waitFor || settled || attempt === WAIT_ATTEMPTS) break;
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS * attempt));
      if (generation !== this.generation) return;
    }
    const latest = events[events.length - 1];
    this.settle(!latest ? 'not-in-log' : matches(latest, consent) ? 'ok' : 'differs', events, consent);
  }

  private settle(state: HistoryState, events: LoggedEvent[], consent: ConsentRecord | null): void {
    this.state = state;
    this.events = events;
    this.dispatchEvent(new CustomEvent('samtykke-history', { bubbles: true, composed: true, detail: { consentId: consent?.id ?? null, events, state } }));
  }

  private readonly retry = () => void this.load();

  override render() {
    const config = configFor(this.config);
    const language = this.language(config);
    const m: HistoryMessages = pageMessagesFor(language, config.texts[language], () => this.requestUpdate()).history;
    const consent = this.current(config);
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    const status = {
      'no-endpoint': m.noEndpoint,
      'no-consent': m.noConsent,
      loading: m.loading,
      unreachable: m.unreachable,
      'not-in-log': format(m.notInLog, { id: consent?.id ?? '' }),
      differs: format(m.differs, { id: consent?.id ?? '' }),
      ok: '',
    }[this.state];
    return html`<section part="base" lang=${language} data-state=${this.state} aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
      ${heading(level, m.title)}
      <p>${m.intro}</p>
      <p part="status" role="status" class=${this.state === 'ok' ? 'empty' : ''}>${status}</p>
      ${this.state === 'unreachable' ? html`<button type="button" part="retry" data-action="retry" @click=${this.retry}>${m.retry}</button>` : nothing}
      ${this.events.length > 0 && this.state !== 'unreachable'
        ? html`<ol part="list" aria-label=${m.listLabel}>${[...this.events].reverse().map((e) => this.item(e, config, language, m))}</ol>`
        : nothing}
    </section>`;
  }

  private item(e: LoggedEvent, config: SamtykkeConfig, language: Language, m: HistoryMessages): unknown {
    const known = (m as Record<string, string>)[e.action];
    const action = Object.hasOwn(m, e.action) && typeof known === 'string' ? known : format(m.unknownAction, { action: String(e.action) });
    const categoryNames = pageMessagesFor(language).categories as Record<string, { title: string } | undefined>;
    const names = Object.keys(e.categories ?? {})
      .filter((id) => e.categories[id] === true)
      .map((id) => {
        const own = config.categories.find((c) => c.id === id);
        return (own && localize(own.title, language)) || (Object.hasOwn(categoryNames, id) && categoryNames[id]?.title) || id;
      });
    const date = new Date(e.receivedAt);
    const when = Number.isNaN(date.getTime()) ? String(e.receivedAt) : new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(date);
    return html`<li part="item" data-event=${String(e.eventId)}>
      <time datetime=${String(e.receivedAt)}>${when}</time>
      <span class="what">${action}.</span>
      <span>${names.length ? format(m.allowed, { list: names.join(', ') }) : m.nothingAllowed}</span>
      ${e.gpc === true ? html`<span>${m.gpc}</span>` : nothing}
      <span class="policy">${format(m.policy, { version: String(e.policyVersion) })}</span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'samtykke-consent-history': SamtykkeConsentHistory;
  }
}
