/**
 * Activates gated scripts and iframes once the visitor allows them (COMPLIANCE 1, 19, 22).
 *
 * - `<script type="text/plain" data-samtykke-category="…" [data-samtykke-service="…"]>`,
 *   inline or with `src`/`data-src`, is replaced by a runnable copy: once, in document order
 *   (an external script is awaited before the next one runs), with its nonce carried over.
 * - `<iframe data-samtykke-category data-samtykke-service data-src title>` stays empty and
 *   hidden behind a `<samtykke-embed>` placeholder until allowed, and is emptied again on
 *   withdrawal. A page-placed `<samtykke-embed category service src title>` becomes such an iframe.
 *
 * The decision reads the store, which read the cookie synchronously; gated elements the
 * page adds later are handled by a MutationObserver.
 */
import type { ConsentStore } from './store.js';
import { removeRefusedCookies } from './cleaner.js';
import { serviceLabel } from './service-label.js';
import { scriptPolicy } from './trusted-types.js';

/** What the gate needs besides the store. */
export interface GateOptions {
  /**
   * The nonce Samtykke's own script was loaded with. When set, only gated scripts carrying the
   * same nonce are activated: the script element the gate creates would otherwise be trusted
   * through `'strict-dynamic'`, and markup injected into the page would run with it.
   */
  nonce?: string;
  /** Called when the gate puts a placeholder in: the placeholder element needs the UI. */
  onPlaceholder?: () => void;
  /** How to reload the page when `reloadOnWithdraw` asks for it; replaceable in tests. */
  reload?: () => void;
}

/** The properties the gate gives a placeholder. */
interface Placeholder extends HTMLElement {
  category?: string;
  service?: string;
  name?: string;
  serviceName?: string;
  privacyUrl?: string;
  theme?: string;
}

const SCRIPTS = 'script[type="text/plain"][data-samtykke-category]';
const FRAMES = 'iframe[data-samtykke-category][data-src]';
const EMBEDS = 'samtykke-embed[src]';

/** Starts gating `root` (the document by default); returns a function that stops watching it. */
export function startGate(store: ConsentStore, root: Document | Element = document, options: GateOptions = {}): () => void {
  const doc = root.ownerDocument || (root as Document);
  const { config } = store;
  const services = config.categories.flatMap((c) => c.services);
  // Scripts waiting their turn, in document order; being here also keeps one from queuing twice.
  const queue: HTMLScriptElement[] = [];
  const ran: HTMLElement[] = [];
  const placeholders = new WeakMap<HTMLIFrameElement, Placeholder>();
  // A gated iframe's own inline display, given back when it is shown (`none` is the gate's while it waits).
  const ownDisplay = new WeakMap<HTMLIFrameElement, string>();
  const hide = (frame: HTMLIFrameElement) => {
    if (!ownDisplay.has(frame)) ownDisplay.set(frame, frame.style.display);
    frame.style.display = 'none';
  };
  const warned: Record<string, 1> = {};
  let waiting = false;

  const allowed = (el: HTMLElement): boolean => {
    const { samtykkeCategory: category, samtykkeService: service } = el.dataset;
    const id = (service || category)!;
    // A service consent counts on its own (an embed's "allow"); an unknown id never runs.
    const known = config.categories.some((c) => c.id == category) && (!service || services.some((s) => s.id == service));
    if (!known && !warned[id]) {
      warned[id] = 1;
      console.warn(`Samtykke: "${id}" is not in the config; blocked.`);
    }
    return known && store.hasConsent(id);
  };

  /** Gives a placeholder what it shows for `frame`; without a name it falls back to the service or category id itself. */
  const dress = (ph: Placeholder, frame: HTMLIFrameElement): Placeholder => {
    const { samtykkeCategory: category, samtykkeService: service } = frame.dataset;
    const known = services.find((s) => s.id == service);
    ph.category = category;
    ph.service = service;
    // Without a service the placeholder names the category by its title.
    if (known) {
      ph.name = serviceLabel(known, config.controller.name);
      ph.serviceName = known.name;
    }
    if (known?.privacyUrl) ph.privacyUrl = known.privacyUrl;
    // As attributes: a page-placed placeholder may carry its own, which would win over a
    // property set before the element is defined; the config's look wins.
    ph.setAttribute('theme', config.theme);
    ph.setAttribute('preset', config.themePreset);
    // The space the content will take, so allowing it moves nothing (see embed.styles.ts).
    const width = frame.getAttribute('width');
    const height = frame.getAttribute('height');
    if (width && height && +width > 0 && +height > 0) {
      ph.style.setProperty('--_ratio', `${+width} / ${+height}`);
      ph.style.maxWidth = `${+width}px`;
    }
    return ph;
  };

  // A page-placed placeholder becomes a gated iframe that keeps it as its placeholder.
  const adopt = (embed: Placeholder) => {
    const frame = doc.createElement('iframe');
    for (const { name, value } of embed.attributes)
      frame.setAttribute(name === 'src' ? 'data-src' : name === 'category' || name === 'service' ? `data-samtykke-${name}` : name, value);
    embed.removeAttribute('src');
    placeholders.set(frame, dress(embed, frame));
    hide(frame);
    embed.after(frame);
  };

  const syncFrame = (frame: HTMLIFrameElement) => {
    let ph = placeholders.get(frame);
    const src = frame.dataset.src!;
    if (allowed(frame)) {
      if (frame.getAttribute('src') != src) frame.src = src;
      if (ph?.isConnected) {
        // Focus was on the placeholder's button: hand it to the content that replaced it.
        const focused = doc.activeElement == ph;
        ph.remove();
        frame.style.display = ownDisplay.get(frame) ?? '';
        if (focused) frame.focus();
      }
    } else {
      if (frame.hasAttribute('src')) frame.src = 'about:blank';
      if (!ph) placeholders.set(frame, (ph = dress(doc.createElement('samtykke-embed'), frame)));
      if (frame.title) ph.title = frame.title;
      if (!ph.isConnected) {
        frame.before(ph);
        options.onPlaceholder?.();
        // Inline (through the CSSOM, which CSP allows), so a page rule like `iframe { display: block }` cannot show it.
        hide(frame);
      }
    }
  };

  const refused = new WeakSet<HTMLScriptElement>();
  let trustedTypesReported = false;
  /** Under a nonce, only what the site's own markup signed runs (see `GateOptions.nonce`). */
  const signed = (script: HTMLScriptElement): boolean => {
    if (!options.nonce || script.nonce === options.nonce) return true;
    if (!refused.has(script)) {
      refused.add(script);
      console.error('Samtykke: a gated script without the page\'s nonce was not run:', script);
    }
    return false;
  };

  const flush = () => {
    while (!waiting && queue[0]) {
      const old = queue.shift()!;
      // Consent withdrawn while it waited its turn: it stays blocked (and may queue again later).
      if (!old.isConnected || !allowed(old) || !signed(old)) continue;
      const script = doc.createElement('script');
      // (Not a clone: that would copy the "already started" flag innerHTML sets on its scripts.)
      for (const { name, value } of old.attributes) if (name != 'type' && name != 'data-src' && name != 'src') script.setAttribute(name, value);
      // The nonce attribute reads empty once the browser hides it; the property keeps it.
      script.nonce = old.nonce;
      const src = old.dataset.src || old.getAttribute('src');
      const policy = scriptPolicy();
      try {
        if (src) script.src = policy ? policy.createScriptURL(src) : src;
        if (old.text) script.text = policy ? policy.createScript(old.text) : old.text;
      } catch (error) {
        // The page requires Trusted Types and does not allow the `samtykke` policy: said once, nothing runs.
        if (!trustedTypesReported) {
          trustedTypesReported = true;
          console.error('Samtykke: this page requires Trusted Types; allow the policy "samtykke" in its trusted-types directive to run gated scripts.', error);
        }
        continue;
      }
      if (script.src) {
        waiting = true;
        script.onload = script.onerror = () => {
          waiting = false;
          flush();
        };
      }
      ran.push(script);
      old.replaceWith(script);
    }
  };

  const scan = () => {
    root.querySelectorAll<Placeholder>(EMBEDS).forEach(adopt);
    root.querySelectorAll<HTMLIFrameElement>(FRAMES).forEach(syncFrame);
    for (const script of root.querySelectorAll<HTMLScriptElement>(SCRIPTS)) if (!queue.includes(script) && allowed(script)) queue.push(script);
    flush();
  };

  const onChange = () => {
    try {
      removeRefusedCookies(config, store.consent, doc);
    } catch {
      // A sandboxed document has no cookies to read; gating must go on regardless.
    }
    scan();
    // A script that already ran cannot be unloaded; only a reload stops it.
    if (config.reloadOnWithdraw && ran.some((s) => !allowed(s))) setTimeout(options.reload || (() => location.reload()));
  };

  // Samtykke's own layers going in never wake the gate: they hold nothing gated.
  const own = (node: Node) => node instanceof Element && /^samtykke-(banner|preferences|reopen)$/.test(node.localName);
  const observer = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((node) => !own(node)))) scan();
  });
  const begin = () => {
    scan();
    observer.observe(root, { childList: true, subtree: true });
  };
  store.addEventListener('change', onChange);
  // A parser still writing a gated element could hand over half a script; start once the DOM is whole.
  if (doc.readyState == 'loading') doc.addEventListener('DOMContentLoaded', begin, { once: true });
  else begin();
  return () => {
    observer.disconnect();
    store.removeEventListener('change', onChange);
    doc.removeEventListener('DOMContentLoaded', begin);
  };
}
