/**
 * The shipped languages beyond Danish and English, each a dynamic import: the build makes each
 * one a small file beside the UI file (`samtykke-ui.sv.js`, …), fetched only when chosen.
 */
import type { Language } from '../core/config.js';
import type { LanguageSource } from './messages.js';

const FILES: Partial<Record<Language, () => Promise<{ default: unknown }>>> = {
  sv: () => import('../../locales/ui.sv.json'),
  nb: () => import('../../locales/ui.nb.json'),
  de: () => import('../../locales/ui.de.json'),
  fi: () => import('../../locales/ui.fi.json'),
  nl: () => import('../../locales/ui.nl.json'),
  fr: () => import('../../locales/ui.fr.json'),
  es: () => import('../../locales/ui.es.json'),
  it: () => import('../../locales/ui.it.json'),
  pl: () => import('../../locales/ui.pl.json'),
  is: () => import('../../locales/ui.is.json'),
};

/** The UI file's language source: its sibling chunks. */
export const languageFiles: LanguageSource = (language) => FILES[language]?.();
