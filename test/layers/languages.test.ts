// Every shipped language in the banner and the preference centre, as a visitor gets it: the
// language's own file, equal buttons at 320 px, axe.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { LANGUAGES, type Language, type SamtykkeOptions } from '../../src/core/config.js';
import { languageFiles } from '../../src/ui/language-files.js';
import { setLanguageSource } from '../../src/ui/messages.js';
import { prominence, running, shopConfig, startLayers, stopLayers } from './support.js';

const start = (language: Language) =>
  startLayers({ language, privacyPolicyUrl: '/p', categories: shopConfig().categories } as SamtykkeOptions);

const banner = () => document.querySelector('samtykke-banner')!;
const prefs = () => document.querySelector('samtykke-preferences')!;
const buttons = () => [...banner().shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];

before(() => setLanguageSource(languageFiles));
afterEach(async () => {
  stopLayers();
  await setViewport({ width: 800, height: 600 });
});

describe('twelve languages', () => {
  for (const language of LANGUAGES)
    it(`shows the banner and the preference centre in ${language}, lang="${language}", and passes axe (COMPLIANCE 2, 41, 43)`, async () => {
      const file = (await import(`../../locales/ui.${language}.json`)).default;
      await start(language);
      expect(banner().getAttribute('lang')).to.equal(language);
      expect(buttons().map((b) => b.textContent!.trim())).to.deep.equal([file.banner.acceptAll, file.banner.rejectAll, file.banner.customise]);
      await expect(banner()).to.be.accessible();
      await prefs().show();
      expect(prefs().getAttribute('lang')).to.equal(language);
      expect(prefs().shadowRoot!.querySelector('h2')!.textContent).to.equal(file.preferences.title);
      await expect(prefs()).to.be.accessible();
      // The fingerprint is of what was shown: this language's texts.
      expect(running.ctrl!.shownTexts).to.have.nested.property('banner.title', file.banner.title);
    });

  for (const language of ['de', 'fi', 'pl', 'is'] as const)
    it(`keeps accept and reject equal, unclipped and in view at 320 px in ${language}, whose labels run long (COMPLIANCE 4, 40)`, async () => {
      await setViewport({ width: 320, height: 568 });
      await start(language);
      const [accept, reject, customise] = buttons();
      expect(prominence(reject)).to.deep.equal(prominence(accept));
      for (const b of [accept, reject, customise]) {
        expect(b.scrollWidth, b.dataset.action).to.be.at.most(b.clientWidth);
        expect(b.getBoundingClientRect().bottom, b.dataset.action).to.be.at.most(568);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    });
});
