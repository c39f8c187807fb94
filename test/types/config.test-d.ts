// Type test of the config a site owner writes (`npm run test:types`): good values compile, bad
// ones must fail (`@ts-expect-error` fails the check if they compile), and the written type is
// the same as what the schema accepts, so neither can drift.
import type * as v from 'valibot';
import type { ConfigSchema, SamtykkeConfig, SamtykkeOptions } from '../../src/core/config.js';

/** True when A and B are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const holds = <T extends true>(value: T) => value;

type SchemaInput = v.InferInput<typeof ConfigSchema>;
// `texts` is typed per message key for editors; the schema checks only that each language's texts are an object.
holds<Same<Omit<SamtykkeOptions, 'texts'>, Omit<SchemaInput, 'texts'>>>(true);
holds<Same<keyof SamtykkeOptions, keyof SchemaInput>>(true);
const texts: SchemaInput['texts'] = {} as SamtykkeOptions['texts'];

const options = (value: SamtykkeOptions) => value;

// Good: the README's shapes, old and new.
options({});
options({ revision: 2, language: 'auto', categories: [{ id: 'analytics', services: [{ id: 'ga', name: 'GA', provider: 'Google', purpose: 'Måling', cookies: [{ name: '_ga', pattern: '_ga_*', purpose: 'x', duration: '2 år' }] }] }] });
options({ language: ['da', 'en', 'de'], theme: { scheme: 'dark', preset: 'contrast' }, reopen: { position: 'right', offset: { x: 8 } } });
options({ theme: 'light', reopen: false, googleConsentMode: { mapping: { analytics: ['analytics_storage'] } } });
options({ texts: { da: { banner: { title: 'Cookies hos os' } }, fi: { preferences: { save: 'Tallenna' } } } });
options({ categories: [{ id: 'marketing', title: { da: 'Markedsføring', sv: 'Marknadsföring' } }], cookie: { sameSite: 'None', expiresDays: 180 } });
// A service without purpose still compiles: the widget lists it and reports what is missing.
options({ categories: [{ id: 'analytics', services: [{ id: 'hotjar', name: 'Hotjar' }] }] });

// Bad: each line is an error an editor shows while the site owner types.
// @ts-expect-error a typo at the top
options({ revison: 2 });
// @ts-expect-error a typo in cookie
options({ cookie: { expireDays: 30 } });
// @ts-expect-error a typo in a service
options({ categories: [{ id: 'a', services: [{ id: 'b', providr: 'x' }] }] });
// @ts-expect-error a language not shipped
options({ language: 'tlh' });
// @ts-expect-error a theme not offered
options({ theme: 'neon' });
// @ts-expect-error a preset not offered
options({ theme: { preset: 'neon' } });
// @ts-expect-error reopen: true is not a position
options({ reopen: true });
// @ts-expect-error a corner that does not exist
options({ reopen: { position: 'top' } });
// @ts-expect-error sameSite is written as the attribute is
options({ cookie: { sameSite: 'lax' } });
// @ts-expect-error revision is a number
options({ revision: '2' });
// @ts-expect-error a Consent Mode type that does not exist
options({ googleConsentMode: { mapping: { marketing: ['ads'] } } });
// @ts-expect-error a localized text in a language not shipped
options({ categories: [{ id: 'a', title: { tlh: 'x' } }] });
// @ts-expect-error texts for a message that does not exist
options({ texts: { da: { banner: { titel: 'x' } } } });
// @ts-expect-error a message is a string
options({ texts: { da: { banner: { title: 42 } } } });

// The resolved config is complete: what the UI reads is always there.
declare const config: SamtykkeConfig;
const scheme: 'light' | 'dark' | 'auto' = config.theme;
const preset: 'default' | 'minimal' | 'contrast' = config.themePreset;
const offset: number | undefined = config.reopen ? config.reopen.offset.x : undefined;
// @ts-expect-error a service's purpose may be missing (the UI shows it so)
const purpose: string = config.categories[0].services[0].purpose;
void [texts, scheme, preset, offset, purpose];
