/**
 * `ConsentStore`: the one owner of consent state.
 *
 * Every decision goes through one pipeline — build the record, write the cookie, update
 * state, dispatch `change` with the consent event — so the cookie, the page and the log
 * can never disagree about what the visitor chose.
 */
import type { Action, SamtykkeConfig } from './config.js';
import { RECORD_VERSION, expiryOf, parseRecord, serialiseRecord, type ConsentRecord } from './record.js';
import type { ConsentStorage } from './cookie-storage.js';

/** The exact body the transport POSTs to the consent log. */
export interface ConsentEvent {
  eventId: string;
  consentId: string;
  action: Action;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  revision: number;
  policyVersion: string;
  textHash: string;
  language: string;
  gpc: boolean;
  path: string;
  widgetVersion: string;
  clientTime: string;
}

/** `detail` of the store's `change` event and of `samtykke-change` on the document. */
export interface ChangeDetail {
  consent: ConsentRecord;
  previous: ConsentRecord | null;
  action: Action;
  event: ConsentEvent;
}

/** A visitor's choice as `save()` takes it; ids missing from `categories` count as refused. */
export interface Choice {
  categories?: Record<string, boolean>;
  services?: Record<string, boolean>;
}

/** What the store needs besides the config; the clock and id source are replaceable for tests. */
export interface StoreOptions {
  config: SamtykkeConfig;
  storage: ConsentStorage;
  policyVersion: string;
  /** A material policy change: consent given under another policy version no longer counts. */
  policyMaterial?: boolean;
  /** Identifies the exact texts shown (see `hashText`); a function is called once, at the first decision. */
  textHash: string | (() => string);
  language: string;
  /**
   * The Global Privacy Control signal; a function is called once, when first needed (a
   * decision, the preference centre): most page views (a choice is stored) never need it.
   */
  gpc: boolean | (() => boolean);
  widgetVersion: string;
  now?: () => Date;
  path?: () => string;
  uuid?: () => string;
}

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts; a plain-http site
 * (not localhost) still needs decisions to work, so the same bits come from getRandomValues.
 */
export function randomUuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  let i = 0;
  // Each x is one byte as two hex digits: 8-4-4-4-12 digits.
  return 'xxxx-xx-xx-xx-xxxxxx'.replace(/x/g, () => (b[i++] | 256).toString(16).slice(1));
}

type State = Pick<ConsentRecord, 'categories' | 'services'>;

/**
 * Fills a choice to the full shape: every category and service of the config, required ones
 * on; an id the choice leaves out (or gives no boolean) is refused, a service follows its category.
 */
function normalise(config: SamtykkeConfig, choice?: Choice | null, all?: boolean): State {
  const categories: Record<string, boolean> = {};
  const services: Record<string, boolean> = {};
  // Own booleans only: an inherited or polluted key is no choice.
  const chosen = (map: Record<string, boolean> | undefined, id: string, otherwise: boolean) =>
    typeof map?.[id] == 'boolean' && Object.hasOwn(map!, id) ? map[id] : otherwise;
  for (const c of config.categories) {
    const on = c.required || all;
    categories[c.id] = on || chosen(choice?.categories, c.id, false);
    for (const s of c.services) services[s.id] = on || chosen(choice?.services, s.id, categories[c.id]);
  }
  return { categories, services };
}

/**
 * Holds the visitor's consent and applies their decisions.
 * @fires change - after every decision, with a {@link ChangeDetail}
 */
export class ConsentStore extends EventTarget {
  /** The validated config the store works with. */
  readonly config: SamtykkeConfig;
  /**
   * The current consent, or `null` while the visitor has not decided (or it expired). Only
   * decisions change it. A decision the store holds (see `hold`) is not in it yet: the API's
   * reads make that first.
   */
  readonly consent: ConsentRecord | null = null;
  // A decision made in Samtykke's own elements and not yet stored: see `hold`.
  private waiting?: () => unknown;

  constructor(private readonly options: StoreOptions) {
    super();
    const { config, storage, policyVersion, policyMaterial, now } = options;
    this.config = config;
    try {
      this.consent = parseRecord(storage.read(), {
        ...config.cookie,
        revision: config.revision,
        now: now ? now() : new Date(),
        policyVersion: policyMaterial ? policyVersion : undefined,
      });
    } catch {
      // Cookies unreadable (a sandboxed frame): nothing stored, nothing consented.
    }
  }

  /**
   * Makes the decision held so far, if any; then holds `decision`, if given, for a task after
   * the next frame, so that the frame answering the visitor's click (the banner gone) carries
   * none of its work: the record, the cookie, the `change` listeners (the page's, the gate,
   * the log). Asking for the consent (`hasConsent`, the API's `getConsent`), deciding again,
   * or the page being left makes it at once, so no one asks and gets the state before it, and
   * no decision is lost or reordered. Reading `consent` itself does not make it: the API's
   * reads and the layers call `hold()` first.
   */
  hold(decision?: () => unknown): void {
    const before = this.waiting;
    this.waiting = undefined;
    before?.();
    if (decision) {
      this.waiting = decision;
      const flush = () => this.hold();
      addEventListener('pagehide', flush, { once: true });
      requestAnimationFrame(() => setTimeout(flush));
    }
  }

  /** Whether the browser sends the Global Privacy Control signal (read once, when first asked). */
  get gpc(): boolean {
    const { options } = this;
    return typeof options.gpc === 'function' ? (options.gpc = options.gpc()) : options.gpc;
  }

  /**
   * Whether a category or a service (by id) may run now. Required categories and the
   * services in them always may; anything else only after the visitor allowed it.
   */
  hasConsent(id: string): boolean {
    this.hold();
    const { categories } = this.config;
    const category = categories.find((c) => c.id === id);
    const owner = category || categories.find((c) => c.services.some((s) => s.id === id));
    return !!owner && (owner.required || this.consent?.[category ? 'categories' : 'services'][id] === true);
  }

  /** Allows every category and service. */
  acceptAll(): ChangeDetail {
    return this.decide('accept-all', normalise(this.config, {}, true));
  }

  /** Refuses every optional category and service. */
  rejectAll(): ChangeDetail {
    return this.decide('reject-all', normalise(this.config));
  }

  /** Applies a choice from the preference centre; one that grants nothing is recorded as `reject-all`. */
  save(choice?: Choice | null): ChangeDetail {
    return this.decide('save', normalise(this.config, choice));
  }

  /** Withdraws every optional consent; the consent ID is kept so the history links up. */
  withdraw(): ChangeDetail {
    return this.decide('withdraw', normalise(this.config));
  }

  /** Allows one service (from an embed placeholder), keeping every other choice. */
  acceptService(serviceId: string): ChangeDetail | null {
    if (!this.config.categories.some((c) => c.services.some((s) => s.id === serviceId))) return null;
    this.hold();
    const base = this.consent ?? normalise(this.config);
    return this.decide('accept-service', {
      categories: { ...base.categories },
      services: { ...base.services, [serviceId]: true },
    });
  }

  private decide(requested: Action, state: State): ChangeDetail {
    const { config, options } = this;
    const { storage, policyVersion, language, widgetVersion, uuid = randomUuid } = options;
    // Hashing the texts waits for a decision: it is work the banner's first paint need not do.
    const textHash = typeof options.textHash === 'function' ? (options.textHash = options.textHash()) : options.textHash;
    const grants = config.categories.some(
      (c) => !c.required && (state.categories[c.id] || c.services.some((s) => state.services[s.id])),
    );
    const action: Action = requested !== 'withdraw' && !grants ? 'reject-all' : requested;
    this.hold();
    const previous = this.consent;
    const now = (options.now ? options.now() : new Date()).toISOString();
    const consent: ConsentRecord = {
      v: RECORD_VERSION,
      id: previous?.id ?? uuid(),
      rev: config.revision,
      policy: policyVersion,
      given: previous?.given ?? now,
      updated: now,
      method: action,
      ...state,
    };
    try {
      storage.write(serialiseRecord(consent), expiryOf(consent, config.cookie));
    } catch {
      // Cookies blocked: the choice still holds for this page view and is still logged.
    }
    (this as { consent: ConsentRecord | null }).consent = consent;
    const event: ConsentEvent = {
      eventId: uuid(),
      consentId: consent.id,
      action,
      categories: { ...consent.categories },
      services: { ...consent.services },
      revision: config.revision,
      policyVersion,
      textHash,
      language,
      gpc: this.gpc,
      path: options.path ? options.path() : location.pathname,
      widgetVersion,
      clientTime: now,
    };
    const detail: ChangeDetail = { consent, previous, action, event };
    this.dispatchEvent(new CustomEvent<ChangeDetail>('change', { detail }));
    return detail;
  }
}
