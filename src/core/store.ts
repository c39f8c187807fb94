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
  gpc: boolean;
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
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Holds the visitor's consent and applies their decisions.
 * @fires change - after every decision, with a {@link ChangeDetail}
 */
export class ConsentStore extends EventTarget {
  private record: ConsentRecord | null;
  private readonly now: () => Date;
  private readonly uuid: () => string;
  private readonly path: () => string;

  constructor(private readonly options: StoreOptions) {
    super();
    this.now = options.now ?? (() => new Date());
    this.uuid = options.uuid ?? randomUuid;
    this.path = options.path ?? (() => location.pathname);
    this.record = this.readStored();
  }

  /** The current consent, or `null` while the visitor has not decided (or it expired). */
  get consent(): ConsentRecord | null {
    return this.record;
  }

  /** The validated config the store works with. */
  get config(): SamtykkeConfig {
    return this.options.config;
  }

  /** Whether the GPC signal was present when the page loaded. */
  get gpc(): boolean {
    return this.options.gpc;
  }

  /**
   * Whether a category or a service (by id) may run now. Required categories and the
   * services in them always may; anything else only after the visitor allowed it.
   */
  hasConsent(id: string): boolean {
    const category = this.options.config.categories.find((c) => c.id === id);
    if (category) return category.required || this.record?.categories[id] === true;
    const owner = this.options.config.categories.find((c) => c.services.some((s) => s.id === id));
    if (!owner) return false;
    return owner.required || this.record?.services[id] === true;
  }

  /** Allows every category and service. */
  acceptAll(): ChangeDetail {
    return this.decide('accept-all', this.normalise({ categories: this.allOptional(true) }, true));
  }

  /** Refuses every optional category and service. */
  rejectAll(): ChangeDetail {
    return this.decide('reject-all', this.normalise({}, false));
  }

  /** Applies a choice from the preference centre; one that grants nothing is recorded as `reject-all`. */
  save(choice: Choice): ChangeDetail {
    return this.decide('save', this.normalise(choice, false));
  }

  /** Withdraws every optional consent; the consent ID is kept so the history links up. */
  withdraw(): ChangeDetail {
    return this.decide('withdraw', this.normalise({}, false));
  }

  /** Allows one service (from an embed placeholder), keeping every other choice. */
  acceptService(serviceId: string): ChangeDetail | null {
    if (!this.options.config.categories.some((c) => c.services.some((s) => s.id === serviceId))) return null;
    const base = this.record ?? this.normalise({}, false);
    return this.decide('accept-service', {
      categories: { ...base.categories },
      services: { ...base.services, [serviceId]: true },
    });
  }

  private readStored(): ConsentRecord | null {
    const { config, storage, policyVersion, policyMaterial } = this.options;
    let raw: string | undefined;
    try {
      raw = storage.read();
    } catch {
      return null;
    }
    return parseRecord(raw, {
      revision: config.revision,
      expiresDays: config.cookie.expiresDays,
      rejectExpiresDays: config.cookie.rejectExpiresDays,
      now: this.now(),
      policyVersion: policyMaterial ? policyVersion : undefined,
    });
  }

  private allOptional(value: boolean): Record<string, boolean> {
    const out: Record<string, boolean> = {};
    for (const c of this.options.config.categories) out[c.id] = c.required || value;
    return out;
  }

  /** Fills a choice to the full shape: every category and service of the config, required ones on. */
  private normalise(choice: Choice, all: boolean): Pick<ConsentRecord, 'categories' | 'services'> {
    const categories: Record<string, boolean> = {};
    const services: Record<string, boolean> = {};
    const own = (map: Record<string, boolean> | undefined, id: string) =>
      map !== undefined && Object.prototype.hasOwnProperty.call(map, id) && typeof map[id] === 'boolean';
    for (const c of this.options.config.categories) {
      categories[c.id] = c.required || all || (own(choice.categories, c.id) && choice.categories![c.id]);
      for (const s of c.services) {
        services[s.id] = c.required || all || (own(choice.services, s.id) ? choice.services![s.id] : categories[c.id]);
      }
    }
    return { categories, services };
  }

  private grantsOptional(state: Pick<ConsentRecord, 'categories' | 'services'>): boolean {
    return this.options.config.categories.some(
      (c) => !c.required && (state.categories[c.id] || c.services.some((s) => state.services[s.id])),
    );
  }

  private decide(requested: Action, state: Pick<ConsentRecord, 'categories' | 'services'>): ChangeDetail {
    const { config, storage, policyVersion, language, gpc, widgetVersion } = this.options;
    // Hashing the texts waits for a decision: it is work the banner's first paint need not do.
    const textHash = typeof this.options.textHash === 'function' ? (this.options.textHash = this.options.textHash()) : this.options.textHash;
    const action: Action = requested !== 'withdraw' && !this.grantsOptional(state) ? 'reject-all' : requested;
    const previous = this.record;
    const now = this.now().toISOString();
    const consent: ConsentRecord = {
      v: RECORD_VERSION,
      id: previous?.id ?? this.uuid(),
      rev: config.revision,
      policy: policyVersion,
      given: previous?.given ?? now,
      updated: now,
      method: action,
      categories: state.categories,
      services: state.services,
    };
    try {
      storage.write(serialiseRecord(consent), expiryOf(consent, config.cookie));
    } catch {
      // Cookies blocked: the choice still holds for this page view and is still logged.
    }
    this.record = consent;
    const event: ConsentEvent = {
      eventId: this.uuid(),
      consentId: consent.id,
      action,
      categories: { ...consent.categories },
      services: { ...consent.services },
      revision: config.revision,
      policyVersion,
      textHash,
      language,
      gpc,
      path: this.path(),
      widgetVersion,
      clientTime: now,
    };
    const detail: ChangeDetail = { consent, previous, action, event };
    this.dispatchEvent(new CustomEvent<ChangeDetail>('change', { detail }));
    return detail;
  }
}
