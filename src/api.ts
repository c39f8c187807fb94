/**
 * The JavaScript API, as `window.Samtykke` and for npm users.
 */
import type { ConfigProblem, SamtykkeOptions } from './core/config.js';
import type { ConsentRecord } from './core/record.js';
import type { ChangeDetail, Choice } from './core/store.js';
import { SamtykkeController, type LayerLoader } from './controller.js';
import { VERSION } from './version.js';

/** What each `samtykke-*` event carries, by the name `on()` and `off()` take. */
export interface SamtykkeEventMap {
  /** The stored state was read: `consent` is `null` when none is stored. */
  ready: { consent: ConsentRecord | null };
  /** The visitor decided (never on page load). */
  change: ChangeDetail;
  /** A layer opened. */
  show: { layer: 'banner' | 'preferences' };
  /** A layer closed. */
  hide: { layer: 'banner' | 'preferences' };
}

/** An event name as `on()` takes it: `change` or `samtykke-change`. */
export type SamtykkeEventName = keyof SamtykkeEventMap | `samtykke-${keyof SamtykkeEventMap}`;

/** The detail of an event by either of its names. */
export type SamtykkeEventDetail<T extends SamtykkeEventName> = T extends `samtykke-${infer K extends keyof SamtykkeEventMap}`
  ? SamtykkeEventMap[K]
  : SamtykkeEventMap[T & keyof SamtykkeEventMap];

/** `window.Samtykke`. Calls before `init` are harmless: nothing is consented, nothing shows. */
export interface SamtykkeApi {
  readonly version: string;
  /** Starts Samtykke with a config; a second call is ignored (one page, one consent state). */
  init(options?: SamtykkeOptions): void;
  /** The stored consent, or `null` while the visitor has not decided (or it expired). */
  getConsent(): ConsentRecord | null;
  /** Whether a category or a service (by id) may run now. */
  hasConsent(categoryOrService: string): boolean;
  /** Allows every category and service, as the visitor's own decision. */
  acceptAll(): ChangeDetail | null;
  /** Refuses every optional category and service. */
  rejectAll(): ChangeDetail | null;
  /** Applies a choice; ids left out count as refused. */
  save(choice: Choice): ChangeDetail | null;
  /** Withdraws every optional consent (the consent ID is kept). */
  withdraw(): ChangeDetail | null;
  /** Shows the banner (loading the UI if needed). */
  showBanner(): void;
  /** Opens the preference centre (loading the UI if needed). */
  showPreferences(): void;
  /** Listens to `samtykke-<type>` on the document; `fn` receives the event's detail. */
  on<T extends SamtykkeEventName>(type: T, fn: (detail: SamtykkeEventDetail<T>) => void): void;
  /** Stops a listener `on()` added. */
  off<T extends SamtykkeEventName>(type: T, fn: (detail: SamtykkeEventDetail<T>) => void): void;
}

/** Builds an API whose `init` starts a controller that loads its layers with `loadLayers`. */
export function createApi(
  loadLayers: LayerLoader,
  problems: ConfigProblem[] = [],
  nonce?: string,
): SamtykkeApi & { readonly controller: SamtykkeController | null } {
  let ctrl: SamtykkeController | null = null;
  // One listener per function: adding it twice for a type is a no-op of the DOM's own.
  const listeners = new WeakMap<(detail: never) => void, EventListener>();
  const eventName = (type: string) => (type.startsWith('samtykke-') ? type : `samtykke-${type}`);

  return {
    version: VERSION,
    get controller() {
      return ctrl;
    },
    init(options?: SamtykkeOptions) {
      if (ctrl) {
        console.warn('Samtykke: init() called again; ignored, it is already running.');
        return;
      }
      try {
        ctrl = new SamtykkeController(options, { problems, nonce });
        ctrl.start(loadLayers);
      } catch (error) {
        // A bug of ours must not break the host page; the safe state is "no consent".
        console.error('Samtykke: could not start', error);
      }
    },
    getConsent() {
      ctrl?.store.hold();
      return ctrl?.store.consent ?? null;
    },
    hasConsent: (id: string) => ctrl?.store.hasConsent(id) ?? false,
    acceptAll: () => ctrl?.store.acceptAll() ?? null,
    rejectAll: () => ctrl?.store.rejectAll() ?? null,
    save: (choice: Choice) => ctrl?.store.save(choice) ?? null,
    withdraw: () => ctrl?.store.withdraw() ?? null,
    showBanner: () => ctrl?.showBanner(),
    showPreferences: () => ctrl?.showPreferences(),
    on(type, fn) {
      if (typeof fn != 'function') throw new TypeError(`Samtykke.on("${type}"): the listener must be a function`);
      let listener = listeners.get(fn);
      if (!listener) listeners.set(fn, (listener = (e: Event) => fn((e as CustomEvent).detail)));
      document.addEventListener(eventName(type), listener);
    },
    off(type, fn) {
      const listener = listeners.get(fn);
      if (listener) document.removeEventListener(eventName(type), listener);
    },
  };
}
