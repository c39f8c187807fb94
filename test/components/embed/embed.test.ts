import 'axe-core/axe.min.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { defineElements } from '../../../src/components/registry.js';
import type { SamtykkeEmbed } from '../../../src/components/embed/embed.js';
import { messagesFor } from '../../../src/ui/messages.js';
import { SamtykkeController } from '../../../src/controller.js';
import { MemoryStorage } from '../../../src/core/cookie-storage.js';
import type { ChangeDetail } from '../../../src/core/store.js';
import { CONFIG } from '../../core/gate-helpers.js';

defineElements();

async function placeholder(lang: 'da' | 'en', theme?: string, service: string | undefined = 'youtube'): Promise<SamtykkeEmbed> {
  const el = await fixture<SamtykkeEmbed>(
    html`<samtykke-embed category="marketing" service=${service ?? ''} title="Video om kaffe" lang=${lang} theme=${theme ?? 'auto'}></samtykke-embed>`,
  );
  el.messages = messagesFor(lang);
  el.name = 'YouTube';
  await el.updateComplete;
  return el;
}
const background = (el: SamtykkeEmbed) => getComputedStyle(el.shadowRoot!.querySelector('[part=base]')!).backgroundColor;
const part = (el: SamtykkeEmbed, name: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part=${name}]`)!;

describe('<samtykke-embed>', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('names the service and offers to allow it or open the settings, in Danish (COMPLIANCE 2, 6)', async () => {
    const el = await placeholder('da');
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Dette indhold fra YouTube vises først, når du tillader det.');
    expect(part(el, 'allow').textContent).to.equal('Tillad YouTube');
    expect(part(el, 'settings').textContent).to.equal('Indstillinger');
  });

  it('speaks Danish until it is given other strings (COMPLIANCE 2, 41)', async () => {
    const el = await fixture<SamtykkeEmbed>(html`<samtykke-embed service="youtube"></samtykke-embed>`);
    expect(el.lang).to.equal('da');
    expect(part(el, 'allow').textContent).to.equal('Tillad youtube');
  });

  it('asks for the service with a bubbling, composed accept-service intent (COMPLIANCE 1)', async () => {
    const el = await placeholder('en');
    setTimeout(() => part(el, 'allow').click());
    const e = (await oneEvent(document, 'accept-service')) as CustomEvent;
    expect(e.detail).to.deep.equal({ service: 'youtube' });
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.target).to.equal(el);
  });

  it('asks for the preference centre with a customise intent (COMPLIANCE 12)', async () => {
    const el = await placeholder('da');
    setTimeout(() => part(el, 'settings').click());
    const e = (await oneEvent(document, 'customise')) as CustomEvent;
    expect(e.bubbles && e.composed).to.equal(true);
  });

  it('offers no allow button when it names no service', async () => {
    const el = await placeholder('da', 'light', undefined);
    el.removeAttribute('service');
    await el.updateComplete;
    expect(part(el, 'allow')).to.equal(null);
  });

  it('is recorded by the controller as accept-service (COMPLIANCE 23)', async () => {
    const ctrl = new SamtykkeController(CONFIG, { storage: new MemoryStorage() });
    ctrl.start(() => ({ showBanner() {}, showPreferences() {}, settle() {} }));
    try {
      const el = await placeholder('da');
      setTimeout(() => part(el, 'allow').click());
      const e = (await oneEvent(document, 'samtykke-change')) as CustomEvent<ChangeDetail>;
      expect(e.detail.action).to.equal('accept-service');
      expect(e.detail.event.services.youtube).to.equal(true);
      expect(e.detail.event.categories.marketing).to.equal(false);
      expect(ctrl.store.hasConsent('youtube')).to.equal(true);
    } finally {
      ctrl.stop();
    }
  });

  for (const lang of ['da', 'en'] as const) {
    it(`passes axe in ${lang}, light (COMPLIANCE 39, 43)`, async () => {
      const el = await placeholder(lang, 'light');
      await expect(el).to.be.accessible();
    });

    it(`passes axe in ${lang}, dark by theme and by the OS setting (COMPLIANCE 39, 43)`, async () => {
      const light = background(await placeholder(lang, 'light'));
      const el = await placeholder(lang, 'dark');
      expect(background(el)).not.to.equal(light);
      await expect(el).to.be.accessible();
      await emulateMedia({ colorScheme: 'dark' });
      const auto = await placeholder(lang, 'auto');
      expect(background(auto)).to.equal(background(el));
      await expect(auto).to.be.accessible();
    });
  }
});
