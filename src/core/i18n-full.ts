/**
 * Every UI string of both languages, for the policy-page bundle: the cookie declaration and
 * the privacy policy need the `declaration` and `policy` sections the first layer leaves out.
 */
import da from '../../locales/ui.da.json';
import en from '../../locales/ui.en.json';
import type { Catalogue } from './i18n.js';

/** The whole of `locales/ui.*.json`. */
export const FULL_CATALOGUE: Catalogue = { da, en };
