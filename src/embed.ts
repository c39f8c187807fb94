/**
 * The script-tag entry (`dist/samtykke.js`): reads the page's config and starts Samtykke. It
 * holds what every page view needs and no UI: the UI file beside it is imported when a layer
 * must show. `import()` fetches it with this script's nonce, so a nonce CSP needs nothing more.
 *
 * Config comes from `<script type="application/json" id="samtykke-config">` (no inline
 * JavaScript, so strict-CSP sites work), else `window.samtykkeConfig`, else the page calls
 * `Samtykke.init(config)` itself.
 */
import { createApi } from './api.js';
import type { ConfigProblem, SamtykkeOptions } from './core/config.js';
import type { Layers, SamtykkeController } from './controller.js';

interface UiModule {
  mountLayers(ctrl: SamtykkeController): Promise<Layers>;
}

const w = window as unknown as { Samtykke?: { version?: string }; samtykkeConfig?: unknown };
// Loaded twice (two tags, or a tag plus a tag manager): the first copy stays in charge.
if (!w.Samtykke?.version) {
  // Only while this script runs does the page say which element it is (for its nonce).
  const own = document.currentScript as HTMLScriptElement | null;
  // The UI file sits beside this one, wherever the site serves it from.
  const uiUrl = new URL('samtykke-ui.js', import.meta.url).href;
  const loadUi = async (ctrl: SamtykkeController) => ((await import(uiUrl)) as UiModule).mountLayers(ctrl);

  const block = document.getElementById('samtykke-config');
  let config = w.samtykkeConfig;
  let problems: ConfigProblem[] | undefined;
  if (block)
    try {
      config = JSON.parse(block.textContent ?? '');
    } catch (error) {
      // Reported, and Samtykke starts on safe defaults: nothing consented.
      config = undefined;
      problems = [{ path: '#samtykke-config', found: String(error), expected: 'a JSON object' }];
    }
  const api = createApi(loadUi, problems, own?.nonce || undefined);
  w.Samtykke = api;
  // Whatever the page gave is validated by init: a bad key is reported and falls back to its default.
  if (block || config !== undefined) api.init(config as SamtykkeOptions);
}
