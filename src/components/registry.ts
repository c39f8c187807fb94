/**
 * The element registry. Defining is a function call, not an import side effect, so the npm
 * entry stays side-effect free; `define.ts` and the layers call it.
 */
import { SamtykkeBanner } from './banner/banner.js';
import { SamtykkeEmbed } from './embed/embed.js';
import { SamtykkePreferences } from './preferences/preferences.js';
import { SamtykkeReopen } from './reopen/reopen.js';

const ELEMENTS: Array<[string, CustomElementConstructor]> = [
  ['samtykke-banner', SamtykkeBanner],
  ['samtykke-embed', SamtykkeEmbed],
  ['samtykke-preferences', SamtykkePreferences],
  ['samtykke-reopen', SamtykkeReopen],
];

/** Registers the first-layer elements; safe to call twice (a page that loads the script twice). */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [name, element] of ELEMENTS) {
    if (!registry.get(name)) registry.define(name, element);
  }
}
