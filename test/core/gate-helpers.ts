// Shared set-up of the gate, cleaner and signal tests: one config, stores with or without a stored choice.
import { resolveConfig } from '../../src/core/config.js';
import { MemoryStorage, type ConsentStorage } from '../../src/core/cookie-storage.js';
import { ConsentStore, type Choice } from '../../src/core/store.js';

/** A shop's config: Google Analytics (with its cookies) and Matomo under statistics, YouTube under marketing. */
export const CONFIG = {
  categories: [
    { id: 'necessary' },
    { id: 'functional' },
    {
      id: 'analytics',
      services: [
        {
          id: 'ga',
          name: 'Google Analytics',
          provider: 'Google Ireland Ltd.',
          purpose: 'Statistik',
          cookies: [
            { name: '_ga', purpose: 'Skelner besøgende', duration: '2 år' },
            { name: '_ga_<id>', pattern: '^_ga_', purpose: 'Sessionsstatus', duration: '2 år' },
          ],
        },
        { id: 'matomo', name: 'Matomo', provider: 'Shoppen selv', purpose: 'Statistik', cookies: [{ name: '_pk_id', pattern: '^_pk_id\\.', purpose: 'Besøgende', duration: '13 måneder' }] },
      ],
    },
    {
      id: 'marketing',
      services: [{ id: 'youtube', name: 'YouTube', provider: 'Google Ireland Ltd.', purpose: 'Videoer', cookies: [{ name: 'VISITOR_INFO1_LIVE', purpose: 'Video', duration: '6 måneder' }] }],
    },
  ],
};

/** A store over `storage`; the config may be changed per test. */
export function makeStore(storage: ConsentStorage = new MemoryStorage(), input: object = CONFIG, gpc = false): ConsentStore {
  const { config } = resolveConfig(input);
  return new ConsentStore({ config, storage, policyVersion: '2024-10-17', textHash: 'abc', language: 'da', gpc, widgetVersion: '0.1.0' });
}

/** A storage that already holds the given choice, as on a later page load. */
export function storedChoice(choice: Choice | 'all', input: object = CONFIG): MemoryStorage {
  const storage = new MemoryStorage();
  const store = makeStore(storage, input);
  if (choice === 'all') store.acceptAll();
  else store.save(choice);
  return storage;
}

/** Waits (polling each frame, at most 2 s) until `test` holds; the test then asserts the state. */
export async function until(test: () => boolean): Promise<void> {
  const end = performance.now() + 2000;
  while (!test() && performance.now() < end) await new Promise((r) => requestAnimationFrame(r));
}

/** A detached-from-nothing container for one test's markup. */
export function box(markup: string): HTMLDivElement {
  const el = document.createElement('div');
  el.innerHTML = markup;
  document.body.append(el);
  return el;
}

type Probe = Window & { __order?: string[]; __gatedRuns?: number; __dataLayerAtRun?: unknown[][] };
/** The globals the gated fixtures write. */
export const probe = window as unknown as Probe;
