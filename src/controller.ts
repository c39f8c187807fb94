/**
 * Wires one page: config → store → (signals, gate, transport), bridges the store's events to
 * the document as `samtykke-*` events, and loads the UI only when a layer must show.
 *
 * Everything here is what every page view needs, and none of it is Lit: a returning visitor's
 * page view, with consent stored, runs this and nothing else until the idle time after `load`.
 */
import { reportConfigProblems, resolveConfig, type ConfigProblem, type Language, type SamtykkeConfig } from './core/config.js';
import { CookieStorage, type ConsentStorage } from './core/cookie-storage.js';
import { resolveLanguage } from './core/i18n.js';
import { policyVersionOf } from './core/policy-version.js';
import { ConsentStore, type ChangeDetail } from './core/store.js';
import { hashText } from './core/text-hash.js';
import { readGpc } from './core/signals/gpc.js';
import { startConsentMode } from './core/signals/consent-mode.js';
import { startGate } from './core/gate.js';
import { startTransport } from './core/transport.js';
import { VERSION } from './version.js';

/** What the page can ask of the layers once the UI is here. */
export interface Layers {
  showBanner(): void;
  showPreferences(): void;
  /** Shows that a decision was made: the banner goes, the reopen button comes, the centre closes and confirms. */
  settle(): void;
  /** Removes the layers and stops listening (a page that starts Samtykke again, and tests). */
  stop?(): void;
}

/** Loads the UI and mounts its layers; `dist/samtykke.js` fetches the UI file beside itself. */
export type LayerLoader = (ctrl: SamtykkeController) => Layers | Promise<Layers>;

/** Where the controller's dependencies come from; tests replace the storage. */
export interface ControllerOptions {
  storage?: ConsentStorage;
  /** Extra problems found before validation (e.g. the JSON block did not parse). */
  problems?: ConfigProblem[];
  /** The nonce Samtykke's own script carries; gated scripts must carry it too. */
  nonce?: string;
}

/** One initialised Samtykke on a page. */
export class SamtykkeController {
  readonly config: SamtykkeConfig;
  readonly language: Language;
  readonly store: ConsentStore;
  readonly policyVersion: string;
  /** The visible layers, once the UI is loaded and mounted. */
  layers: Layers | null = null;
  /**
   * The texts the UI shows in this page view (set by the UI when it mounts): what the text
   * fingerprint of each decision is made from. `null` while no Samtykke text was shown.
   */
  shownTexts: object | null = null;
  /** Stops watching the document (used when `init` is called again); `start` sets what it stops. */
  stop = (): void => {};
  private loading: Promise<Layers | null> | null = null;
  private loadLayers: LayerLoader = () => {
    throw new Error('the UI was asked for before start()');
  };

  constructor(
    input: unknown,
    private readonly options: ControllerOptions = {},
  ) {
    const { config, problems } = resolveConfig(input);
    reportConfigProblems([...(options.problems ?? []), ...problems]);
    this.config = config;
    this.language = resolveLanguage(config.language);
    const policy = policyVersionOf(config);
    this.policyVersion = policy.version;
    this.store = new ConsentStore({
      config,
      // Where cookies throw (a sandboxed frame) the store keeps the choice for this page view.
      storage: options.storage ?? new CookieStorage(config.cookie),
      policyVersion: policy.version,
      policyMaterial: policy.material,
      textHash: () => this.textHash(),
      language: this.language,
      gpc: readGpc,
      widgetVersion: VERSION,
    });
    this.store.addEventListener('change', (e) => emit('change', (e as CustomEvent<ChangeDetail>).detail));
  }

  /**
   * The fingerprint of the texts shown, under this policy version: the UI's strings in this
   * language with the site owner's overrides. A decision made through the API on a page view
   * where no Samtykke text was shown is fingerprinted as just that: the policy version alone.
   */
  textHash(): string {
    return hashText(`${this.policyVersion}\n${this.shownTexts ? JSON.stringify(this.shownTexts) : ''}`);
  }

  /** Dispatches `samtykke-<type>` on the document (the UI announces `show` and `hide` through it). */
  emit(type: string, detail: unknown): void {
    emit(type, detail);
  }

  /** The layers, loading the UI the first time; `null` when it could not be loaded (reported). */
  requestLayers(): Promise<Layers | null> {
    this.loading ??= (async () => {
      try {
        return (this.layers = await this.loadLayers(this));
      } catch (error) {
        // The decision, the gate and the API go on without the UI; a later request tries again.
        console.error('Samtykke: the consent layers could not be loaded', error);
        this.loading = null;
        return null;
      }
    })();
    return this.loading;
  }

  /** Starts every part, in the order the law needs: signals' defaults before anything gated runs. */
  start(loadLayers: LayerLoader): void {
    const { store, config } = this;
    this.loadLayers = loadLayers;
    startConsentMode(store);
    // No valid consent: the banner must show, so the UI is fetched now, as early as it is known.
    if (!store.consent) void this.requestLayers();
    const stopGate = startGate(store, document, { nonce: this.options.nonce, onPlaceholder: () => void this.requestLayers() });
    const stopTransport = config.endpoint ? startTransport(store, config.endpoint) : () => {};
    emit('ready', { consent: store.consent });

    // Only events from Samtykke's own elements count: a host page's own `save` event must never change consent.
    const onIntent = (e: Event) => {
      if (!String((e.target as Element | null)?.localName).startsWith('samtykke-')) return;
      const detail = (e as CustomEvent).detail;
      // A decision in our own elements is shown first and stored after that frame (`hold`).
      const decide = (decision: () => unknown) => {
        this.layers?.settle();
        store.hold(decision);
      };
      switch (e.type) {
        case 'accept-all':
          return decide(() => store.acceptAll());
        case 'reject-all':
          return decide(() => store.rejectAll());
        case 'save':
          return decide(() => store.save(detail));
        case 'withdraw':
          return decide(() => store.withdraw());
        // The store ignores anything that is not a service of the config.
        case 'accept-service':
          return store.acceptService(detail?.service);
        case 'customise':
          return this.showPreferences();
      }
    };
    for (const type of INTENTS) document.addEventListener(type, onIntent);
    const stopOpeners = watchOpeners(() => this.showPreferences());
    const stopReopen = store.consent && this.wantsReopen() ? whenIdleAfterLoad(() => void this.requestLayers()) : () => {};

    this.stop = () => {
      // A decision still held for its frame is the visitor's: made now, while all still listens.
      store.hold();
      stopGate();
      stopTransport();
      stopOpeners();
      stopReopen();
      for (const type of INTENTS) document.removeEventListener(type, onIntent);
    };
  }

  /** Opens the banner, loading the UI if needed. */
  showBanner(): void {
    void this.requestLayers().then((layers) => layers?.showBanner());
  }

  /** Opens the preference centre, loading the UI if needed. */
  showPreferences(): void {
    // The centre shows the stored state: a decision still held is made first.
    this.store.hold();
    void this.requestLayers().then((layers) => layers?.showPreferences());
  }

  /** Whether a reopen button will show: Samtykke's own (the config's `reopen`), or one the page placed. */
  private wantsReopen(): boolean {
    return !!this.config.reopen || !!document.querySelector('samtykke-reopen');
  }
}

/** What Samtykke's elements ask of the controller: their event types. */
const INTENTS = ['accept-all', 'reject-all', 'save', 'withdraw', 'accept-service', 'customise'];

/** Dispatches `samtykke-<type>` on the document, bubbling and composed. */
export function emit(type: string, detail: unknown): void {
  document.dispatchEvent(new CustomEvent(`samtykke-${type}`, { detail, bubbles: true, composed: true }));
}

/**
 * Footer links and the like: `data-samtykke-open` on any element opens the preference centre,
 * by click or by Enter/Space on an element that is not a link or button already.
 */
function watchOpeners(open: () => void): () => void {
  const onOpener = (e: Event) => {
    const el = (e.target as Element).closest?.('[data-samtykke-open]');
    const key = (e as KeyboardEvent).key;
    if (!el || (e.type === 'keydown' && ((key !== 'Enter' && key !== ' ') || el.matches('a[href],button,input')))) return;
    e.preventDefault();
    open();
  };
  const reachable = () => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-samtykke-open]'))
      if (el.tabIndex < 0) {
        el.tabIndex = 0;
        if (!el.role) el.role = 'button';
      }
  };
  document.addEventListener('click', onOpener);
  document.addEventListener('keydown', onOpener);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', reachable, { once: true });
  else reachable();
  return () => {
    document.removeEventListener('click', onOpener);
    document.removeEventListener('keydown', onOpener);
    document.removeEventListener('DOMContentLoaded', reachable);
  };
}

/**
 * Runs `task` once the page has loaded and the browser is idle: after the host page's first
 * paint and its own `load` work, never competing with them.
 */
function whenIdleAfterLoad(task: () => void): () => void {
  let handle: number | undefined;
  let cancelled = false;
  const idle = () => {
    if (cancelled) return;
    // Safari has no requestIdleCallback: a short timeout after load stands in for it.
    handle = typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 2000 }) : window.setTimeout(task, 200);
  };
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
  return () => {
    cancelled = true;
    removeEventListener('load', idle);
    if (handle !== undefined) (typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout)(handle);
  };
}
