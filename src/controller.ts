/**
 * Wires one page: config → store → (signals, gate, transport, layers), and bridges the
 * store's events to the document as `samtykke-*` events.
 */
import { reportConfigProblems, resolveConfig, type ConfigProblem, type Language, type SamtykkeConfig } from './core/config.js';
import { CookieStorage, type ConsentStorage } from './core/cookie-storage.js';
import { messagesFor, resolveLanguage, type Messages } from './core/i18n.js';
import { policyVersionOf } from './core/policy-version.js';
import { ConsentStore, type ChangeDetail } from './core/store.js';
import { hashText } from './core/text-hash.js';
import { readGpc } from './core/signals/gpc.js';
import { startConsentMode } from './core/signals/consent-mode.js';
import { startGate } from './core/gate.js';
import { startTransport } from './core/transport.js';
import { VERSION } from './version.js';
import type { Layers } from './layers.js';

/** Where the controller's dependencies come from; tests replace the storage. */
export interface ControllerOptions {
  storage?: ConsentStorage;
  /** Extra problems found before validation (e.g. the JSON block did not parse). */
  problems?: ConfigProblem[];
}

/** One initialised Samtykke on a page. */
export class SamtykkeController {
  readonly config: SamtykkeConfig;
  readonly language: Language;
  readonly messages: Messages;
  readonly store: ConsentStore;
  /** The visible layers, once mounted. */
  layers: Layers | null = null;
  /** Stops watching the document (used when `init` is called again); `start` sets what it stops. */
  stop = (): void => {};

  constructor(input: unknown, options: ControllerOptions = {}) {
    const { config, problems } = resolveConfig(input);
    reportConfigProblems([...(options.problems ?? []), ...problems]);
    this.config = config;
    this.language = resolveLanguage(config.language);
    this.messages = messagesFor(this.language, config.texts[this.language]);
    const policy = policyVersionOf(config);
    this.store = new ConsentStore({
      config,
      // Where cookies throw (a sandboxed frame) the store keeps the choice for this page view.
      storage: options.storage ?? new CookieStorage(config.cookie),
      policyVersion: policy.version,
      policyMaterial: policy.material,
      // The texts shown are the first layer's and the preference centre's, in this language, under this policy.
      textHash: () => hashText(`${policy.version}\n${JSON.stringify(this.messages)}`),
      language: this.language,
      gpc: readGpc,
      widgetVersion: VERSION,
    });
    this.store.addEventListener('change', (e) => emit('change', (e as CustomEvent<ChangeDetail>).detail));
  }

  /** Starts every part, in the order the law needs: signals' defaults before anything gated runs. */
  start(mount: (ctrl: SamtykkeController) => Layers): void {
    const { store, config } = this;
    // It checks `googleConsentMode.enabled` itself.
    startConsentMode(store);
    // With `async` or in <head> the body may not exist yet; the layers wait for it, gating does not.
    const show = () => (this.layers = mount(this));
    if (document.body) show();
    else document.addEventListener('DOMContentLoaded', show, { once: true });
    // The gate watches the page for gated elements from here on: started after the layers (and,
    // when both wait for the DOM, its listener after theirs), it is not woken by Samtykke's own
    // elements going in. That wake-up cost a second scan of the page and 1.5 KB of JS heap
    // for the mutation records (README, Benchmarks).
    const stopGate = startGate(store, document, { messages: this.messages, lang: this.language });
    if (config.endpoint) startTransport(store, config.endpoint);
    emit('ready', { consent: store.consent });

    // Only events from Samtykke's own elements count: a host page's own `save` event must never
    // change consent. One listener with a case per intent rather than a function per intent:
    // V8 keeps each function a live scope holds, called or not (README, Benchmarks).
    const onIntent = (e: Event) => {
      if (!String((e.target as Element | null)?.localName).startsWith('samtykke-')) return;
      const detail = (e as CustomEvent).detail;
      // A decision in our own elements is shown first and stored after that frame (`hold`).
      const decide = (decision: () => unknown) => {
        this.layers?.settle();
        store.hold(decision);
      };
      switch (e.type) {
        case 'accept-all': return decide(() => store.acceptAll());
        case 'reject-all': return decide(() => store.rejectAll());
        case 'save': return decide(() => store.save(detail));
        case 'withdraw': return decide(() => store.withdraw());
        // The store ignores anything that is not a service of the config.
        case 'accept-service': return store.acceptService(detail?.service);
        default: return this.layers?.showPreferences();
      }
    };
    for (const type of INTENTS) document.addEventListener(type, onIntent);
    this.stop = () => {
      // A decision still held for its frame is the visitor's: made now, while all still listens.
      store.hold();
      stopGate();
      for (const type of INTENTS) document.removeEventListener(type, onIntent);
    };
  }
}

/** What Samtykke's elements ask of the controller: their event types. */
const INTENTS = ['accept-all', 'reject-all', 'save', 'withdraw', 'accept-service', 'customise'];

/** Dispatches `samtykke-<type>` on the document, bubbling and composed. */
export function emit(type: string, detail: unknown): void {
  document.dispatchEvent(new CustomEvent(`samtykke-${type}`, { detail, bubbles: true, composed: true }));
}
