// A hostile host page and hostile strings: the page's CSS rules that match the elements
// themselves, and markup-shaped strings in every text a site owner or the log can hand over.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import da from '../../locales/ui.da.json';
import type { SamtykkeOptions } from '../../src/core/config.js';
import { SamtykkeCookieDeclaration } from '../../src/components/cookie-declaration/cookie-declaration.js';
import { SamtykkePrivacyPolicy } from '../../src/components/privacy-policy/privacy-policy.js';
import { backgroundOf, contrast, running, shopConfig, startLayers, stopLayers } from './support.js';

const start = (config: SamtykkeOptions = { language: 'da', privacyPolicyUrl: '/p', categories: shopConfig().categories } as SamtykkeOptions) =>
  startLayers(config);

const banner = () => document.querySelector('samtykke-banner')!;
const prefs = () => document.querySelector('samtykke-preferences')!;

afterEach(() => {
  stopLayers();
  document.getElementById('hostile')?.remove();
});

/** Three host stylesheets that try to make the layers unreadable or unusable. */
const RULES = [
  '* { font-size: 2px !important; color: #fff !important; background: #fff !important }',
  'samtykke-banner, samtykke-preferences { font: italic 3px/0 serif !important; letter-spacing: 12px !important; text-transform: uppercase !important; visibility: hidden !important; direction: rtl !important }',
  'html { font-size: 1px !important } body * { line-height: 0 !important; word-spacing: -20px !important; text-indent: -9999px !important; white-space: pre !important; color: transparent !important }',
];

/** Every element with text of its own in a shadow root, and that text's colour and size. */
function texts(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('h2, p, li, button, a, label, summary, th, td')].filter(
    (el) => el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()),
  );
}

describe('a hostile host page: its CSS matches the elements themselves', () => {
  for (const [i, rule] of RULES.entries())
    it(`keeps the banner and the preference centre legible and usable under rule ${i + 1} (COMPLIANCE 5, 37, 39)`, async () => {
      const style = document.createElement('style');
      style.id = 'hostile';
      style.textContent = rule;
      document.head.append(style);
      await start();
      await prefs().show();
      for (const host of [banner(), prefs()]) {
        const shown = texts(host.shadowRoot!);
        expect(shown.length, host.localName).to.be.greaterThan(3);
        for (const el of shown) {
          const s = getComputedStyle(el);
          expect(parseFloat(s.fontSize), `${host.localName} ${el.localName} font size`).to.be.at.least(12);
          expect(s.visibility, `${host.localName} ${el.localName}`).to.equal('visible');
          expect(contrast(s.color, backgroundOf(el)), `${host.localName} ${el.localName} "${el.textContent!.trim().slice(0, 20)}"`).to.be.at.least(4.5);
        }
        for (const button of host.shadowRoot!.querySelectorAll('button')) {
          if (!button.checkVisibility()) continue;
          const box = button.getBoundingClientRect();
          expect(box.width, button.dataset.action).to.be.at.least(24);
          expect(box.height, button.dataset.action).to.be.at.least(24);
        }
      }
      // Still operable: reject all from the centre decides and closes.
      prefs().shadowRoot!.querySelector<HTMLButtonElement>('[data-action="reject-all"]')!.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));
      expect(running.ctrl!.store.consent?.method).to.equal('reject-all');
    });
});

/** Markup-shaped strings that would run or inject something if any were parsed as HTML. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<svg onload="window.__xss=3">',
  '"><img src=x onerror=window.__xss=4>',
  "'><svg/onload=window.__xss=5>",
  '<iframe srcdoc="<script>parent.__xss=6</script>">',
  '<a href="javascript:window.__xss=7">x</a>',
  '<details open ontoggle="window.__xss=8">',
  '<body onload="window.__xss=9">',
  '<input autofocus onfocus="window.__xss=10">',
  '<style>@import "//evil.example/x.css"</style>',
  '<math><mi xlink:href="javascript:window.__xss=12">x</mi></math>',
  '{{constructor.constructor("window.__xss=13")()}}',
  '${window.__xss=14}',
  '<!--<img src=x onerror=window.__xss=15>-->',
  '</p><img src=x onerror=window.__xss=16><p>',
  '<object data="javascript:window.__xss=17">',
  '<video><source onerror="window.__xss=18"></video>',
  '<marquee onstart="window.__xss=19">',
];

/** The strings of `file` with each leaf replaced by `value` ({placeholders} kept, so they are filled too). */
function everyText(file: unknown, value: string): unknown {
  if (typeof file === 'string') return `${value}${(file.match(/\{\w+\}/g) ?? []).join('')}`;
  return Object.fromEntries(Object.entries(file as object).map(([k, v]) => [k, everyText(v, value)]));
}

function hostileConfig(payload: string): SamtykkeOptions {
  const service = {
    name: payload, provider: payload, purpose: payload, transfer: payload,
    cookies: [{ name: 'c1', purpose: payload, duration: payload }],
  };
  return {
    language: 'da',
    privacyPolicyUrl: '/p',
    controller: { name: payload, cvr: payload, address: payload, email: payload, phone: payload },
    texts: { da: everyText(da, payload) as object },
    categories: [
      { id: 'necessary', title: payload, description: payload },
      { id: 'analytics', title: payload, description: payload, services: [{ id: 'stats', ...service }] },
      { id: 'marketing', title: payload, description: payload, services: [{ id: 'video', ...service }] },
    ],
  } as SamtykkeOptions;
}

describe('hostile strings in every text field of every element', () => {
  before(() => {
    for (const [tag, element] of [['samtykke-privacy-policy', SamtykkePrivacyPolicy], ['samtykke-cookie-declaration', SamtykkeCookieDeclaration]] as const)
      if (!customElements.get(tag)) customElements.define(tag, element);
  });

  it(`renders ${PAYLOADS.length} payloads as text in the banner, the centre, the placeholder, the reopen button, the declaration and the policy: none runs, none injects an element (COMPLIANCE 43)`, async () => {
    const w = window as unknown as { __xss?: number };
    // Nineteen page views: without the banner's entrance animation, each settles at once.
    await emulateMedia({ reducedMotion: 'reduce' });
    for (const payload of PAYLOADS) {
      const config = hostileConfig(payload);
      const page = await fixture(html`<div>
        <iframe data-samtykke-category="marketing" data-samtykke-service="video" data-src="about:blank" title="Video"></iframe>
        <samtykke-reopen></samtykke-reopen>
        <samtykke-cookie-declaration .config=${config} lang="da"></samtykke-cookie-declaration>
        <samtykke-privacy-policy .config=${config} lang="da"></samtykke-privacy-policy>
      </div>`);
      await start(config);
      await prefs().show();
      for (const d of prefs().shadowRoot!.querySelectorAll('details')) d.open = true;
      const hosts = [banner(), prefs(), ...page.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('samtykke-embed, samtykke-reopen, samtykke-cookie-declaration, samtykke-privacy-policy')];
      for (const host of hosts) await (host as { updateComplete?: Promise<unknown> }).updateComplete;
      await new Promise((r) => setTimeout(r, 30));
      for (const host of hosts) {
        const root = host.shadowRoot!;
        expect(root.querySelectorAll('img, script, svg[onload], iframe, object, video, marquee, math, body, style:not([data-lit]), input[autofocus], details[ontoggle]').length, `${host.localName}: ${payload}`).to.equal(
          // The reopen button's own icon is the one svg; it carries no handler.
          0,
        );
        expect(root.textContent, `${host.localName} shows it as text`).to.contain(payload.slice(0, 12));
        for (const a of root.querySelectorAll('a[href]')) expect(a.getAttribute('href')!.toLowerCase(), host.localName).to.not.match(/^\s*javascript:/);
      }
      expect(w.__xss, payload).to.equal(undefined);
      stopLayers();
      page.remove();
    }
    await emulateMedia({ reducedMotion: 'no-preference' });
  });
});
