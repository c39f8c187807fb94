/**
 * The UI file (`dist/samtykke-ui.js`): Lit, the first-layer elements and their Danish and
 * English strings. `dist/samtykke.js` imports it only when a layer must show; the other
 * languages are files beside it, imported only when chosen.
 */
import { languageFiles } from './ui/language-files.js';
import { setLanguageSource } from './ui/messages.js';

setLanguageSource(languageFiles);

export { mountLayers } from './ui/layers.js';
export { defineElements } from './components/registry.js';
