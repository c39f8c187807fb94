/**
 * The JavaScript API of DESIGN.md, as `window.Samtykke` and for npm users.
 */
import type { ConfigProblem } from './core/config.js';
import type { ConsentRecord } from './core/record.js';
import type { ChangeDetail, Choice } from './core/store.js';
import { SamtykkeController } from './controller.js';
import type { Layers } from './layers.js';
import { VERSION } from './version.js';

/** `window.Samtykke`. Calls before `init` are harmless: nothing is consented, nothing shows. */
export interface SamtykkeApi {
  readonly version: string;
  /** Starts Samtykke with a config; a second call is ignored (one page, one consent state). */
  init(config?: unknown): void;
  getConsent(): ConsentRecord | null;
  hasConsent(categoryOrService: string): boolean;
  acceptAll(): ChangeDetail | null;
  rejectAll(): ChangeDetail | null;
  save(choice: Choice): ChangeDetail | null;
  withdraw(): ChangeDetail | null;
  showBanner(): void;
  showPreferences(): void;
  /** Listens to `samtykke-<type>` on the document; `fn` receives the event's detail. */
  on(type: string, fn: (detail: any) => void): void;
  off(type: string, fn: (detail: any) => void): void;
}

/** Builds an API whose `init` mounts the layers with `mount`. */
export function createApi(
  mount: (ctrl: SamtykkeController) => Layers,
  problems: ConfigProblem[] = [],
): SamtykkeApi & { readonly controller: SamtykkeController | null } {
  let ctrl: SamtykkeController | null = null;
  // One listener per function: adding it twice for a type is a no-op of the DOM's own.
  const listeners = new WeakMap<(detail: any) => void, EventListener>();
  const eventName = (type: string) => (type.startsWith('samtykke-') ? type : `samtykke-${type}`);

  const api: Record<string, unknown> = {
    version: VERSION,
    get controller() {
      return ctrl;
    },
    init(config?: unknown) {
      if (ctrl) {
        console.warn('Samtykke: init() called again; ignored, it is already running.');
        return;
      }
      try {
        ctrl = new SamtykkeController(config, { problems });
        ctrl.start(mount);
      } catch (error) {
        // A bug of ours must not break the host page; the safe state is "no consent".
        console.error('Samtykke: could not start', error);
      }
    },
    getConsent: () => (ctrl?.store.hold(), ctrl?.store.consent ?? null),
    hasConsent: (id: string) => ctrl?.store.hasConsent(id) ?? false,
    on(type: string, fn: (detail: any) => void) {
      if (typeof fn != 'function') throw new TypeError(`Samtykke.on("${type}"): the listener must be a function`);
      let listener = listeners.get(fn);
      if (!listener) listeners.set(fn, (listener = (e: Event) => fn((e as CustomEvent).detail)));
      document.addEventListener(eventName(type), listener);
    },
    off(type: string, fn: (detail: any) => void) {
      const listener = listeners.get(fn);
      if (listener) document.removeEventListener(eventName(type), listener);
    },
  };
  // The store's decisions and the layers' openers, each passed through (nothing before init).
  for (const name of ['acceptAll', 'rejectAll', 'save', 'withdraw'] as const) api[name] = (choice?: Choice) => ctrl?.store[name](choice!) ?? null;
  for (const name of ['showBanner', 'showPreferences'] as const) api[name] = () => ctrl?.layers?.[name]();
  return api as unknown as ReturnType<typeof createApi>;
}
