/**
 * Wires one page: config → store → (signals, gate, transport, layers), and bridges the
 * store's events to the document as `samtykke-*` events.
 */
import { reportConfigProblems, resolveConfig, type ConfigProblem, type Language, type SamtykkeConfig } from './core/config.js';
import { CookieStorage, MemoryStorage, type ConsentStorage } from './core/cookie-storage.js';
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
  private stopGate: () => void = () => {};

  constructor(input: unknown, options: ControllerOptions = {}) {
    const { config, problems } = resolveConfig(input);
    reportConfigProblems([...(options.problems ?? []), ...problems]);
    this.config = config;
    this.language = resolveLanguage(config.language);
    this.messages = messagesFor(this.language, config.texts[this.language]);
    const policy = policyVersionOf(config);
    this.store = new ConsentStore({
      config,
      storage: options.storage ?? safeCookieStorage(config),
      policyVersion: policy.version,
      policyMaterial: policy.material,
      // The texts shown are the first layer's and the preference centre's, in this language, under this policy.
      textHash: () => hashText(`${policy.version}\n${JSON.stringify(this.messages)}`),
      language: this.language,
      gpc: readGpc(),
      widgetVersion: VERSION,
    });
    this.store.addEventListener('change', (e) => this.emit('samtykke-change', (e as CustomEvent<ChangeDetail>).detail));
  }

  /** The visible layers, once mounted. */
  layers: Layers | null = null;

  /** Starts every part, in the order the law needs: signals' defaults before anything gated runs. */
  start(mount: (ctrl: SamtykkeController) => Layers): void {
    if (this.config.googleConsentMode.enabled) startConsentMode(this.store);
    this.stopGate = startGate(this.store, document, { messages: this.messages, lang: this.language });
    if (this.config.endpoint) startTransport(this.store, this.config.endpoint);
    this.emit('samtykke-ready', { consent: this.store.consent });
    // With `async` or in <head> the body may not exist yet; the layers wait for it, gating does not.
    const show = () => (this.layers = mount(this));
    if (document.body) show();
    else document.addEventListener('DOMContentLoaded', show, { once: true });
    for (const type in this.intents) document.addEventListener(type, this.onIntent);
  }

  /** What each intent event from an element does. */
  private readonly intents: Record<string, (detail: any) => unknown> = {
    'accept-all': () => this.store.acceptAll(),
    'reject-all': () => this.store.rejectAll(),
    save: (detail) => this.store.save(detail ?? {}),
    withdraw: () => this.store.withdraw(),
    'accept-service': (detail) => typeof detail?.service === 'string' && this.store.acceptService(detail.service),
    customise: () => this.layers?.showPreferences(),
  };

  /**
   * Turns the elements' intent events into store calls. Only events from Samtykke's own
   * elements count: a host page's own `save` event must never change consent.
   */
  private readonly onIntent = (e: Event): void => {
    if (String((e.target as Element | null)?.localName).startsWith('samtykke-')) this.intents[e.type]((e as CustomEvent).detail);
  };

  /** Stops watching the document (used when `init` is called again). */
  stop(): void {
    this.stopGate();
    for (const type in this.intents) document.removeEventListener(type, this.onIntent);
  }

  /** Dispatches a bubbling, composed `samtykke-*` event on the document. */
  emit(type: string, detail: unknown): void {
    document.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

function safeCookieStorage(config: SamtykkeConfig): ConsentStorage {
  // Pages in sandboxed frames may throw on document.cookie; keep the choice in memory there.
  try {
    void document.cookie;
    return new CookieStorage(config.cookie);
  } catch {
    return new MemoryStorage();
  }
}
