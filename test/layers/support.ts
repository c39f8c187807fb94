/**
 * Shared by the first-layer tests: a realistic config, colour maths on computed styles,
 * and cookie clean-up. Nothing here asserts; the tests do.
 */
import { nextFrame } from '@open-wc/testing';
import { SamtykkeController, type Layers } from '../../src/controller.js';
import { resolveConfig, type SamtykkeConfig, type SamtykkeOptions } from '../../src/core/config.js';
import { mountLayers } from '../../src/ui/layers.js';

/** A shop's config: two services in two categories, one with a transfer outside the EU/EEA. */
export function shopConfig(extra: Record<string, unknown> = {}): SamtykkeConfig {
  const { config, problems } = resolveConfig({
    revision: 1,
    privacyPolicyUrl: '/demo/privatlivspolitik.html',
    categories: [
      { id: 'necessary', required: true },
      { id: 'functional' },
      {
        id: 'analytics',
        services: [
          {
            id: 'matomo',
            name: 'Matomo',
            provider: 'Nordlys Kaffe ApS',
            purpose: { da: 'Besøgsstatistik uden deling', en: 'Visitor statistics, not shared' },
            cookies: [
              { name: '_pk_id', purpose: { da: 'Genkender en browser', en: 'Recognises a browser' }, duration: { da: '13 måneder', en: '13 months' } },
              { name: '_pk_ses', purpose: { da: 'Samler et besøg', en: 'Groups one visit' }, duration: { da: '30 minutter', en: '30 minutes' } },
            ],
          },
        ],
      },
      {
        id: 'marketing',
        services: [
          {
            id: 'youtube',
            name: 'YouTube',
            provider: 'Google Ireland Limited',
            purpose: { da: 'Viser videoer', en: 'Shows videos' },
            transfer: { da: 'USA (EU-US Data Privacy Framework)', en: 'USA (EU-US Data Privacy Framework)' },
            cookies: [{ name: 'VISITOR_INFO1_LIVE', purpose: { da: 'Måler båndbredde', en: 'Measures bandwidth' }, duration: { da: '6 måneder', en: '6 months' } }],
          },
        ],
      },
    ],
    ...extra,
  });
  if (problems.length) throw new Error(`test config is invalid: ${JSON.stringify(problems)}`);
  return config;
}

/** sRGB channels of a computed colour (`rgb(…)`, `rgba(…)` or `color(srgb …)`). */
export function channels(value: string): number[] {
  const numbers = (value.match(/[\d.]+/g) ?? []).map(Number);
  return value.startsWith('color(') ? numbers.slice(0, 3).map((n) => n * 255) : numbers.slice(0, 3);
}

function luminance(value: string): number {
  const [r, g, b] = channels(value).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two computed colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The first opaque background behind an element, walking up through shadow hosts. */
export function backgroundOf(el: Element): string {
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null)) {
    const bg = getComputedStyle(node).backgroundColor;
    if (!/rgba\(.*, 0\)$|transparent/.test(bg)) return bg;
  }
  return 'rgb(255, 255, 255)';
}

/** Deletes every cookie this page can see. */
export function clearCookies(): void {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0].trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
}

/** The focused element, looking through shadow roots. */
export function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The computed properties that make two buttons look equally prominent (COMPLIANCE 4). */
export function prominence(button: HTMLElement): Record<string, string | number> {
  const s = getComputedStyle(button);
  const box = button.getBoundingClientRect();
  return {
    width: Math.round(box.width),
    height: Math.round(box.height),
    fontFamily: s.fontFamily,
    fontSize: s.fontSize,
    fontWeight: s.fontWeight,
    color: s.color,
    backgroundColor: s.backgroundColor,
    borderColor: s.borderTopColor,
    borderWidth: s.borderTopWidth,
    padding: s.padding,
    textDecoration: s.textDecorationLine,
  };
}

/** The Samtykke a test started with the real UI (see `startLayers`), until `stopLayers`. */
export const running: { ctrl: SamtykkeController | null; layers: Layers | null } = { ctrl: null, layers: null };

/**
 * Starts Samtykke on this page as the script tag does, with the real layers, and resolves once
 * they are rendered and the banner's entrance has ended (so what a test measures is where it stays).
 */
export async function startLayers(config: SamtykkeOptions): Promise<SamtykkeController> {
  const ctrl = (running.ctrl = new SamtykkeController(config));
  ctrl.start(async (c) => (running.layers = await mountLayers(c)));
  await ctrl.requestLayers();
  for (const el of document.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('samtykke-banner, samtykke-preferences, samtykke-reopen')) await el.updateComplete;
  await nextFrame();
  await Promise.all((document.querySelector('samtykke-banner')?.shadowRoot?.getAnimations() ?? []).map((a) => a.finished));
  return ctrl;
}

/** Ends what `startLayers` started: the centre closed, the layers removed, the controller stopped, the cookie gone. */
export function stopLayers(): void {
  (document.querySelector('samtykke-preferences') as { close?: () => void } | null)?.close?.();
  running.layers?.stop?.();
  running.ctrl?.stop();
  running.layers = running.ctrl = null;
  clearCookies();
}
